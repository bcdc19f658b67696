"""QApplication set-up: settings, translator, style, one instance per database, main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import retention_desktop.store.before_qt  # noqa: F401  (first: see its docstring)

# isort: split
from PySide6.QtCore import QCoreApplication, QLockFile, QProcess, QSysInfo, Qt, QTimer
from PySide6.QtGui import QFont, QIcon, QImage, QPainter
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from retention_desktop import __version__
from retention_desktop.store.backup import (
    Place,
    backup_target,
    daily_backup,
    list_backups,
    place,
    restore_backup,
    restore_keeping_current,
)
from retention_desktop.store.database import open_database
from retention_desktop.store.errors import (
    DamagedDatabaseError,
    FaultError,
    NotADatabaseError,
    RecordError,
    StoreError,
)
from retention_desktop.store.faults import FAULTS, fault_of, faults, kind_of
from retention_desktop.store.paths import command_line, default_db_path, is_our_program
from retention_desktop.ui.common.assets import get_asset
from retention_desktop.ui.common.collector import collect_on_main_thread
from retention_desktop.ui.common.i18n import app_language, install_translators
from retention_desktop.ui.common.jobs import run_in_background, run_with_progress, wait_for_jobs
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.shell.files import remember_file
from retention_desktop.ui.shell.main_window import MainWindow

ORGANIZATION = "RetentionDesktop"
APPLICATION = "Retention Desktop"


def create_application(lang: str, argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        # Fusion, the same on Windows and Linux, made as the application's first style:
        # setStyle() afterwards made the platform's style and then Fusion (~25 ms of start)
        args = argv if argv is not None else sys.argv[:1]
        app = QApplication([*args, "-style", "Fusion"])
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(get_asset("icons", "app.svg"))))
    app._translators = install_translators(app, lang)  # kept alive with the app
    collect_on_main_thread(app)
    return app


def acquire_lock(db_path: Path) -> QLockFile | None:
    """Hold `<db>.lock` while the window is open. A lock left by a crashed instance names
    a process that no longer runs, and QLockFile takes it over; one whose process number
    has since been given to another program (not Retention Desktop) is taken over too."""
    lock = QLockFile(str(db_path) + ".lock")
    lock.setStaleLockTime(0)  # never by age alone: a long session keeps its lock
    if lock.tryLock(200):
        return lock
    if _held_by_another_program(lock) and lock.removeStaleLockFile() and lock.tryLock(200):
        return lock
    return None


def _held_by_another_program(lock: QLockFile) -> bool:
    """Whether the lock names a running process of this machine that is not Retention
    Desktop, as its command line tells (where the system shows it: /proc on Linux; on
    Windows the bundled program's own name is what QLockFile checks)."""
    info = lock.getLockInfo()
    if not info:
        return False
    pid, host, _app = info
    if pid == os.getpid() or host != QSysInfo.machineHostName():
        return False
    command = command_line(pid)
    return command is not None and not is_our_program(command)


def _offer_restore(error: StoreError, db_path: Path, parent: QWidget | None) -> bool:
    backups = list_backups(db_path)
    if not backups:
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("App", "Cannot open the database"),
            QCoreApplication.translate("App", "%1\n\nThere is no backup to restore.").replace(
                "%1", opening_refusal(error, db_path)
            ),
        )
        return False
    latest = backups[-1]
    answer = QMessageBox.question(
        parent,
        QCoreApplication.translate("App", "The database is damaged"),
        QCoreApplication.translate(
            "App",
            "%1\n\nRestore the latest backup (%2)? The damaged file is kept beside it, "
            "nothing is deleted.",
        )
        .replace("%1", opening_refusal(error, db_path))
        .replace("%2", latest.name),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    restore_backup(latest, db_path)
    return True


def open_session(db_path: Path, lang: str, parent: QWidget | None = None) -> Session | None:
    """Open the database for the window, explaining any refusal in a dialog."""
    for _attempt in range(2):
        try:
            return Session(open_database(db_path), db_path, lang)
        except (DamagedDatabaseError, NotADatabaseError) as error:
            if not db_path.exists() or not _offer_restore(error, db_path, parent):
                return None
        except FaultError as error:
            _cannot_open(parent, opening_fault(error.kind, db_path, error.holder))
            return None
        except StoreError as error:
            _cannot_open(parent, opening_refusal(error, db_path))
            return None
        except FAULTS as error:  # SQLite's or the system's, while opening
            fault = fault_of(error, db_path)
            _cannot_open(parent, opening_fault(fault.kind, db_path, fault.holder))
            return None
    return None


def _cannot_open(parent: QWidget | None, text: str) -> None:
    QMessageBox.critical(parent, QCoreApplication.translate("App", "Cannot open the database"),
                         text)  # fmt: skip


def opening_refusal(error: StoreError, path: Path) -> str:
    """The owner's sentence for a file the app will not open (damaged, not ours, newer,
    read-only and in need of an update…), in the app's language."""
    translate = QCoreApplication.translate
    texts = {
        "missing": translate("App", "There is no database at %1."),
        "not_sqlite": translate(
            "App",
            "%1 is not a Retention Desktop database (it is no database file); it was not changed.",
        ),
        "foreign": translate(
            "App",
            "%1 is a database of another program, not of Retention Desktop; it was not changed.",
        ),
        "newer": translate(
            "App",
            "%1 was written by a newer version of Retention Desktop: update the app "
            "to open it. The file was not changed.",
        ),
        "read_only_empty": translate(
            "App", "%1 is read-only and holds no Retention Desktop data yet; it was not changed."
        ),
        "read_only_old": translate(
            "App",
            "%1 was saved by an earlier version and must be updated before it can be "
            "opened, but it is read-only: make it writable, or copy it to a folder you can "
            "write to. It was not changed.",
        ),
    }
    text = texts.get(error.why)
    if text is None and isinstance(error, DamagedDatabaseError):
        text = translate("App", "%1 is damaged and cannot be read; it was not changed.")
    return str(error) if text is None else text.replace("%1", str(path))


def opening_fault(kind: str, path: Path, holder: str = "") -> str:
    """The sentence for a fault of the file or the disk met while opening it; `holder`
    names the program that holds a busy file, when the system tells."""
    translate = QCoreApplication.translate
    if kind == "busy" and holder:
        text = translate("App", "%2 is using %1. Close it, then start Retention Desktop "
                                "again.").replace("%2", holder)  # fmt: skip
        return text.replace("%1", str(path))
    texts = {
        "busy": translate("App", "Another program is using %1. Close it, then start "
                                 "Retention Desktop again."),
        "disk_full": translate("App", "The disk that holds %1 is full. Free some space, "
                                      "then start Retention Desktop again."),
        "io": translate("App", "The disk could not read %1. Check the drive, then start "
                               "Retention Desktop again."),
        "permission": translate("App", "You are not allowed to open %1. Ask for access to "
                                       "it or choose another file."),
        "missing_folder": translate("App", "The folder of %1 is not there (a drive taken "
                                           "out?). Connect it, then start Retention "
                                           "Desktop again."),
        "path_too_long": translate("App", "The path %1 is too long for this system. Choose "
                                          "a shorter one."),
        "damaged": translate("App", "%1 is damaged and cannot be opened."),
    }  # fmt: skip
    text = texts.get(kind) or translate("App", "%1 cannot be opened.")
    return text.replace("%1", str(path))


def start(db_path: Path, lang: str) -> MainWindow | None:
    """Lock, open and show the main window; None when it cannot open (the user was told)."""
    # a folder the app may not write takes no lock file: the file opens read-only, and
    # a window that cannot write needs none
    locking = db_path.parent.exists() and os.access(db_path.parent, os.W_OK)
    lock = acquire_lock(db_path) if locking else None
    if lock is None and locking:
        QMessageBox.warning(
            None,
            QCoreApplication.translate("App", "Already open"),
            QCoreApplication.translate(
                "App", "%1 is already open in another Retention Desktop window."
            ).replace("%1", str(db_path)),
        )
        return None
    session = open_session(db_path, lang)
    if session is None:
        if lock is not None:
            lock.unlock()
        return None
    if lock is None and not session.read_only:  # the folder was created by opening
        lock = acquire_lock(db_path)
    window = _show_window(session, lock)
    # The daily backup runs after the first paint, on a worker with its own connection;
    # a read-only file takes none (there is nothing new to keep, nowhere to put it).
    if not session.read_only:
        QTimer.singleShot(0, lambda: run_in_background(
            window, lambda: (daily_backup(db_path), place(db_path)),
            on_success=lambda taken: _backup_taken(window, *taken),
            on_failure=lambda error: _backup_failed(window, error, db_path),
        ))  # fmt: skip
    return window


SCREENSHOT_AFTER_MS = 2500  # the window drawn, its lists read and shown


def _save_screen(window: MainWindow, path: Path) -> None:
    """Save what the screen shows (the real window system's pixels, not a rendering of
    the widgets) and quit: 0 when saved; 1 when not; 3 when the window is in Chinese but
    this computer has no font to draw Chinese with (it would show empty boxes)."""
    picture = window.screen().grabWindow(0)
    saved = not picture.isNull() and picture.save(str(path), "PNG")
    code = 0
    if not saved:
        sys.stderr.write(f"retention-desktop: the screenshot could not be saved to {path}.\n")
        code = 1
    elif window.session.lang == "zh_CN" and not chinese_is_drawn(window.font()):
        sys.stderr.write(
            "retention-desktop: Chinese text is drawn as empty boxes: install a Chinese "
            "font (Noto Sans CJK SC).\n"
        )
        code = 3
    QApplication.instance().exit(code)


def chinese_is_drawn(font: QFont) -> bool:
    """Whether `font` (with the fonts it falls back on) draws Chinese: 留人 drawn must
    differ from two code points no font has, which come out as the missing-glyph box."""

    def drawn(text: str) -> QImage:
        image = QImage(96, 48, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setFont(font)
        painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
        return image

    return drawn("留人") != drawn("\u0378\u0378")


def _backup_taken(window: MainWindow, target: Path | None, where: Place) -> None:
    """Today's backup went beside the file because the folder chosen for backups is not
    there (a drive taken out): said, not kept silent."""
    if target is None or where.chosen is None or target.parent == where.chosen:
        return
    window.statusBar().showMessage(
        QCoreApplication.translate(
            "App",
            "The backup folder %1 is not there (a drive taken out?): today's backup was "
            "written beside the file, to %2.",
        )
        .replace("%1", str(where.chosen.parent))
        .replace("%2", str(target.parent))
    )


def _show_window(session: Session, lock: QLockFile | None) -> MainWindow:
    """The main window on `session`, shown, holding the file's lock; the one the app
    waits on (`app.main_window`)."""
    window = MainWindow(session)
    window._lock = lock
    window.backups.restore_requested.connect(
        lambda backup, window=window: restore_and_reopen(window, backup)
    )
    window.settings.restart_requested.connect(lambda window=window: restart(window))
    window.files.switch_requested.connect(
        lambda path, window=window: switch_file(window, Path(path))
    )
    window.files.demo_requested.connect(lambda window=window: open_demo(window))
    remember_file(session.path)
    window.show()
    QApplication.instance().main_window = window
    return window


def switch_file(window: MainWindow, path: Path) -> MainWindow | None:
    """Show the file at `path` (made when it is not there) instead of the window's: it is
    opened, locked and shown in a new window first; only then is this one closed and its
    file let go. When it cannot be opened (the owner was told why), this window stays."""
    if path.absolute() == window.session.path.absolute():
        return window
    new = start(path, window.session.lang)
    if new is None:
        QApplication.instance().main_window = window
        return None
    wait_for_jobs()
    window.session.close()
    if window._lock is not None:
        window._lock.unlock()
        window._lock = None
    window.close()
    return new


def demo_path() -> Path:
    """The demo shop's own file, in the data folder beside the default one."""
    return default_db_path().parent / "demo.db"


def open_demo(window: MainWindow) -> None:
    """Make the demo shop in its own file (off the UI thread; kept when it is there), then
    show it instead of the window's file."""
    from datetime import date

    from retention_desktop.store.demo import fill_demo

    path = demo_path()

    def build() -> Path:
        with faults(path):
            db = open_database(path)
            try:
                fill_demo(db, date.today())
            finally:
                db.close()
        return path

    def failed(error: Exception) -> None:
        if isinstance(error, FaultError):
            why = error.sentence(window.session.lang)
        elif isinstance(error, RecordError):  # demo.db holds a real shop's records
            why = QCoreApplication.translate(
                "App", "%1 holds a shop's records, not the demo; it was not changed."
            ).replace("%1", str(path))
        elif isinstance(error, StoreError):  # damaged, another program's, newer…
            why = opening_refusal(error, path)
        else:
            why = str(error)
        QMessageBox.warning(
            window, QCoreApplication.translate("App", "Demo shop"),
            QCoreApplication.translate("App", "The demo shop could not be made: %1")
            .replace("%1", why),
        )  # fmt: skip

    window.statusBar().showMessage(QCoreApplication.translate("App", "Making the demo shop…"))
    run_in_background(window, build, lambda made: switch_file(window, made), failed)


def relaunch_command(db_path: Path) -> tuple[str, list[str]]:
    """The program and arguments that start the app again on `db_path` (the bundle's
    executable, or this interpreter running the package)."""
    if getattr(sys, "frozen", False):
        return sys.executable, ["--db", str(db_path)]
    return sys.executable, ["-m", "retention_desktop", "--db", str(db_path)]


def restart(window: MainWindow) -> bool:
    """Start the app again on the window's file (a new language is used from a start):
    the file and its lock are let go first, so that the new one can take them, then
    this one quits. False when the new one cannot be started: then the file is opened
    again here, in a new window."""
    session = window.session
    wait_for_jobs()
    session.close()
    if window._lock is not None:
        window._lock.unlock()
        window._lock = None
    program, arguments = relaunch_command(session.path)
    if not QProcess.startDetached(program, arguments):
        QMessageBox.warning(
            window,
            QCoreApplication.translate("App", "Language"),
            QCoreApplication.translate(
                "App", "Retention Desktop could not be started again: close it and start it "
                "yourself to use the new language."
            ),
        )  # fmt: skip
        window._lock = acquire_lock(session.path)
        _reopen(window)
        return False
    window.close()  # the last window: the app ends (run_gui), the new one takes over
    return True


def restore_and_reopen(window: MainWindow, backup: Path) -> None:
    """Close the window's file, put `backup` in its place (the file as it was is backed
    up first) off the UI thread behind a busy dialog, and open it again in a new window,
    which takes the lock over (`app.main_window`); if the restore fails, say so and open
    the file as it is."""
    session = window.session
    path = session.path
    wait_for_jobs()
    session.close()

    def work(_progress, _cancelled) -> Path:
        return restore_keeping_current(backup, path)

    def failed(error: Exception) -> None:
        if isinstance(error, FaultError):
            why = error.sentence(session.lang)
        elif isinstance(error, FAULTS):  # SQLite's or the system's, as the owner words it
            why = fault_of(error, path).sentence(session.lang)
        else:
            why = str(error)
        QMessageBox.critical(
            window,
            QCoreApplication.translate("App", "Restore failed"),
            QCoreApplication.translate("App", "%1 was not restored: %2")
            .replace("%1", backup.name)
            .replace("%2", why),
        )
        _reopen(window)

    busy = run_with_progress(
        window,
        QCoreApplication.translate("App", "Restoring %1…").replace("%1", backup.name),
        work,
        lambda _kept: _reopen(window),
        failed,
    )
    busy.setCancelButton(None)  # a restore is not stopped halfway


def _reopen(window: MainWindow) -> MainWindow | None:
    """The window's file opened again in a new window that takes its lock over."""
    session, lock = window.session, window._lock
    reopened = open_session(session.path, session.lang, window)
    window._lock = None  # the new window holds it
    if reopened is None:
        window.close()
        if lock is not None:
            lock.unlock()
        return None
    new = _show_window(reopened, lock)
    window.close()
    return new


def _backup_failed(window: MainWindow, error: Exception, db_path: Path) -> None:
    """The daily backup could not be taken: said where the owner looks, not kept silent."""
    kind = error.kind if isinstance(error, FaultError) else kind_of(error, db_path)
    if kind == "disk_full":
        why = QCoreApplication.translate("App", "the disk is full")
    elif kind in ("permission", "read_only"):
        why = QCoreApplication.translate("App", "the backups folder may not be written")
    else:
        why = str(error)
    text = QCoreApplication.translate(
        "App",
        "Today's backup could not be taken (%1). Your data is safe; free space or check "
        "the folder %2, then use File > Back up now.",
    )
    folder, _ = backup_target(db_path, place(db_path))
    window.statusBar().showMessage(text.replace("%1", why).replace("%2", str(folder)))


def run_gui(db_path: Path, lang: str | None = None, screenshot: Path | None = None) -> int:
    """The window on `db_path`, in `lang` (`--lang`), else the language chosen in
    Settings on this computer, else the system's. With `screenshot`, a picture of the
    screen is saved there once the window is drawn, and the app quits (0 only if saved)."""
    QCoreApplication.setOrganizationName(ORGANIZATION)  # where the settings are kept
    QCoreApplication.setApplicationName(APPLICATION)
    lang = app_language(lang)
    app = create_application(lang)
    window = start(db_path, lang)
    if window is None:
        return 1
    if screenshot is not None:
        QTimer.singleShot(SCREENSHOT_AFTER_MS, lambda: _save_screen(window, screenshot))
    code = app.exec()
    wait_for_jobs()
    window = app.main_window  # the last one opened (a restore opens a new one)
    window.session.close()
    if window._lock is not None:
        window._lock.unlock()
    return code
