"""Where backups go and how many are kept, set in File > Backups… as the owner does: a
folder chosen in the folder dialog (a USB drive), the number typed in, "Beside the file"
to go back; a folder that is not there is said in the dialog and at the daily backup."""

from __future__ import annotations

import shutil

from driving import activate, choosing_file, click, on_dialog, replace_text, trigger
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QSpinBox
from test_app import started  # noqa: F401  (the fixture)

from retention_desktop.store.backup import backups_dir, list_backups
from retention_desktop.store.database import open_database
from retention_desktop.store.settings import get_setting, set_settings


def setting(window, key: str):
    return get_setting(window.session.db, key)


def test_a_folder_chosen_and_a_number_typed_are_kept_in_the_file(
    make_window, demo_db_path, tmp_path, qtbot
):
    usb = tmp_path / "usb"
    usb.mkdir()
    window = make_window(demo_db_path)
    window.show()
    qtbot.waitExposed(window)
    seen = {}

    def choose(dialog) -> None:
        edit = dialog.findChild(QLineEdit, "backupFolderEdit")
        seen["before"] = edit.text()
        with choosing_file(usb):
            click(qtbot, dialog.findChild(QPushButton, "chooseFolderButton"))
        seen["after"] = edit.text()
        spin = dialog.findChild(QSpinBox, "backupsKeptSpin")
        activate(dialog, qtbot)
        replace_text(qtbot, spin, "5")
        click(qtbot, edit)  # done typing: the focus moves on
        seen["beside shown"] = dialog.findChild(QPushButton, "besideFileButton").isVisible()

    with on_dialog(choose):
        trigger(window, "backups")
    assert seen["before"] == f"Beside the file: {backups_dir(demo_db_path)}"
    assert seen["after"] == str(usb)
    assert seen["beside shown"]
    assert setting(window, "backup_folder") == str(usb)
    assert setting(window, "backups_kept") == 5
    file_id = setting(window, "file_id")
    assert len(file_id) == 8

    trigger(window, "backup")  # File > Back up now: into the file's own subfolder there
    qtbot.waitUntil(lambda: len(list_backups(demo_db_path)) == 1, timeout=10000)
    assert list_backups(demo_db_path)[0].parent == usb / f"shop-{file_id}"

    def beside(dialog) -> None:
        click(qtbot, dialog.findChild(QPushButton, "besideFileButton"))
        seen["back"] = dialog.findChild(QLineEdit, "backupFolderEdit").text()

    with on_dialog(beside):
        trigger(window, "backups")
    assert setting(window, "backup_folder") == ""
    assert seen["back"].startswith("Beside the file: ")


def test_a_chosen_folder_not_there_is_said_and_the_backup_goes_beside_the_file(
    started,  # noqa: F811
    demo_db_path,
    tmp_path,
    qtbot,
):
    usb = tmp_path / "usb"
    usb.mkdir()
    db = open_database(demo_db_path)
    try:
        set_settings(db, {"backup_folder": str(usb), "file_id": "c0ffee00"})
    finally:
        db.close()
    shutil.rmtree(usb)  # the drive taken out
    window = started(demo_db_path)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != "", timeout=10000)
    assert window.statusBar().currentMessage() == (
        f"The backup folder {usb} is not there (a drive taken out?): today's backup was "
        f"written beside the file, to {backups_dir(demo_db_path)}."
    )
    assert [b.parent for b in list_backups(demo_db_path)] == [backups_dir(demo_db_path)]
    assert not usb.exists()
    seen = {}

    def look(dialog) -> None:
        seen["error"] = dialog.findChild(QLabel, "backupPlaceError").text()

    with on_dialog(look):
        trigger(window, "backups")
    assert seen["error"] == (
        f"The folder {usb} is not there now (a drive taken out?): backups go beside the "
        f"file, to {backups_dir(demo_db_path)}, until it is back."
    )
