"""Every user-visible string is translated, and the built .qm matches the .ts source."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent


class _Translation:
    """A message's translation: its text, or for a plural message (%n) its forms."""

    def __init__(self, element) -> None:
        self.element = element
        self.forms = [f.text or "" for f in element.findall("numerusform")]
        self.text = element.text if not self.forms else " | ".join(self.forms)

    def get(self, key: str):
        return self.element.get(key)


def _messages(ts: Path):
    for message in ET.parse(ts).iter("message"):
        yield message.find("source").text, _Translation(message.find("translation"))


def test_there_is_a_chinese_translation():
    assert (TRANSLATIONS / "retention_desktop_zh_CN.ts").is_file()
    assert (TRANSLATIONS / "retention_desktop_zh_CN.qm").is_file()
    # English, the source language, has a catalog of its plural forms
    assert (TRANSLATIONS / "retention_desktop_en.qm").is_file()


def test_every_message_is_translated_with_its_placeholders():
    for ts in TRANSLATIONS.glob("*.ts"):
        for source, translation in _messages(ts):
            assert translation.get("type") != "unfinished", f"{ts.name}: untranslated {source!r}"
            for text in translation.forms or [translation.text]:
                assert (text or "").strip(), f"{ts.name}: empty {source!r}"
                assert sorted(re.findall(r"%\d|%L?n", source)) == sorted(
                    re.findall(r"%\d|%L?n", text)
                ), f"{ts.name}: placeholders differ in {source!r}"
                if "&" in source.replace("&&", ""):
                    assert "&" in text, f"{ts.name}: lost the shortcut in {source!r}"


def test_english_says_one_exit_and_two_exits(qapp):
    """Plural forms come from the English catalog the app installs ("1 exits" before)."""
    from PySide6.QtCore import QCoreApplication

    def exits(n: int) -> str:
        return QCoreApplication.translate("ExitsPage", "%Ln exit(s)", "", n)

    assert (exits(1), exits(2), exits(1200)) == ("1 exit", "2 exits", "1,200 exits")


def test_chinese_translations_use_full_width_punctuation():
    spec = importlib.util.spec_from_file_location(
        "fullwidth", ROOT / ".ci" / "fullwidth-punctuation.py"
    )
    fullwidth = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fullwidth)
    assert fullwidth.widen("姓名:%1, 部门(%2)?") == "姓名：%1，部门（%2）？"
    assert fullwidth.widen("文件(&F)") == "文件(&F)"
    assert fullwidth.widen("Excel 工作簿 (*.xlsx)") == "Excel 工作簿 (*.xlsx)"
    assert (
        fullwidth.widen("表格 (*.xlsx *.csv);;所有文件 (*)") == "表格 (*.xlsx *.csv);;所有文件 (*)"
    )
    assert fullwidth.widen("Name: %1") == "Name: %1"
    for source, translation in _messages(TRANSLATIONS / "retention_desktop_zh_CN.ts"):
        assert fullwidth.widen(translation.text) == translation.text, (
            f"half-width punctuation in the translation of {source!r}: run "
            ".ci/fullwidth-punctuation.py"
        )


def test_the_ts_files_hold_every_string_of_the_sources(tmp_path):
    sources = [str(ROOT / "retention_desktop" / "app.py")] + [
        str(p) for p in sorted((ROOT / "retention_desktop" / "ui").rglob("*.py"))
    ]
    for ts in TRANSLATIONS.glob("*.ts"):
        copy = tmp_path / ts.name
        shutil.copy(ts, copy)
        only = ["-pluralonly"] if ts.name.endswith("_en.ts") else []  # as the script does
        result = subprocess.run(
            [str(BIN / "pyside6-lupdate"), "-no-obsolete", "-locations", "none", *only,
             *sources, "-ts", str(copy)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        assert only or "(0 new and" in result.stdout, result.stdout
        assert copy.read_text("utf-8") == ts.read_text("utf-8"), (
            "run sh .ci/update-translations: the .ts is out of date"
        )


def test_the_qm_files_are_built_from_the_current_ts(tmp_path):
    for ts in TRANSLATIONS.glob("*.ts"):
        built = tmp_path / ts.with_suffix(".qm").name
        subprocess.run(
            [str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(built)], check=True
        )
        assert built.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
            "run sh .ci/update-translations: the .qm is out of date"
        )


def test_qts_own_file_dialog_speaks_chinese(make_window, demo_db_path, qtbot, chinese):
    """File > Import's file dialog (Qt's own): "Look in:", "Files of type:" and the type
    column's "Folder" were English (Qt 6.11's catalog lacks them; ours supplies them)."""
    import re

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel, QTreeView

    window = make_window(demo_db_path, lang="zh_CN")
    window.show()
    qtbot.waitExposed(window)
    seen: dict[str, set] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog) or not dialog.isVisible():
            QTimer.singleShot(10, look)
            return
        qtbot.waitUntil(lambda: dialog.findChild(QTreeView).model().rowCount(
            dialog.findChild(QTreeView).rootIndex()) > 0)  # fmt: skip
        texts = {w.text() for w in dialog.findChildren(QLabel)}
        texts |= {w.text() for w in dialog.findChildren(QAbstractButton)}
        view = dialog.findChild(QTreeView)
        texts |= {view.model().index(r, 2, view.rootIndex()).data() for r in range(3)}
        seen["texts"] = texts
        seen["filters"] = dialog.nameFilters()
        dialog.reject()

    QTimer.singleShot(0, look)
    from driving import trigger

    trigger(window, "import")
    english = {t for t in seen["texts"] if t and re.search("[A-Za-z]{3}", t)
               and not re.search("[\u4e00-\u9fff]", t)}  # fmt: skip
    assert english == set()
    assert {"查找范围(&L)：", "文件类型(&T)："} <= seen["texts"]
    # the filters as Qt reads them: two, not one whose full-width ；； and （*） hid every file
    assert seen["filters"] == ["表格文件 (*.xlsx *.csv)", "所有文件 (*)"]
