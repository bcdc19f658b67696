"""Render every page and dialog of Retention Desktop with the demo shop, to look at them.

Run under a real X server, once per language and scale, e.g.:

    QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 2600x1700x24" \\
        .venv/bin/python docs/screenshots/make.py zh_CN 2 /tmp/shots

Each picture is reached the way the owner reaches it (the menu action triggered, the row
chosen); a dialog is pictured once shown, then closed. Full-size PNGs go to OUT/<lang>-<scale>x/;
`--small DIR` also writes the few kept in docs/screenshots (reduced, in 256 colours).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from retention_desktop.app import create_application
from retention_desktop.domain.demo import generate_shop
from retention_desktop.store.database import open_database
from retention_desktop.store.demo import load_shop
from retention_desktop.ui.common.jobs import wait_for_jobs
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.shell.main_window import MainWindow

TODAY = date(2026, 11, 23)
# what a shop owner sees first: kept small in docs/screenshots (the rest stay in OUT)
KEPT = ("roster", "exits", "actions", "dashboard", "exit_dialog", "report_pdf", "guide",
        "welcome", "settings")  # fmt: skip
KEPT_IN_ENGLISH = ("roster", "dashboard", "report_pdf", "guide")  # the rest as in Chinese
KEPT_AT_200 = ("settings",)  # at 200%: the same layout, only sharper


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path)


class Shots:
    def __init__(self, lang: str, out: Path) -> None:
        self.lang, self.out = lang, out
        out.mkdir(parents=True, exist_ok=True)

    def window(self, path: Path) -> MainWindow:
        session = Session(open_database(path), path, self.lang)
        window = MainWindow(session)
        window.resize(1280, 800)
        window.show()
        wait(1500)
        return window

    def page(self, window: MainWindow, shortcut: str, name: str) -> None:
        window.findChild(QAction, shortcut).trigger()
        wait(1800)
        save(window, self.out / f"{name}.png")

    def dialog(self, window: MainWindow, action: str, name: str, settle: int = 700) -> None:
        """Trigger `action`; picture the modal dialog it opens, then close it."""

        def grab() -> None:
            shown = QApplication.activeModalWidget()
            if shown is None:
                QTimer.singleShot(50, grab)
                return
            QTimer.singleShot(settle, lambda: (save(shown, self.out / f"{name}.png"),
                                               shown.close()))  # fmt: skip

        QTimer.singleShot(0, grab)
        window.findChild(QAction, action).trigger()
        wait(200)


def run(lang: str, scale: str, out: Path, small: Path | None) -> None:
    Session.today = staticmethod(lambda: TODAY)
    app = create_application(lang, ["retention-desktop"])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    folder = Path(tempfile.mkdtemp(prefix="retention-shots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    shop = folder / "shop.db"
    db = open_database(shop)
    load_shop(db, generate_shop(TODAY))
    db.close()
    shots = Shots(lang, out / f"{lang}-{scale}x")
    window = shots.window(shop)
    shots.page(window, "showRoster", "roster")
    save(window.today_dock, shots.out / "today.png")
    shots.page(window, "showExits", "exits")
    shots.page(window, "showActions", "actions")
    shots.page(window, "showDashboard", "dashboard")
    area = window.dashboard.page.findChild(QScrollArea)
    save(area.widget(), shots.out / "dashboard_all.png")
    window.findChild(QAction, "showRoster").trigger()
    wait(500)
    window.roster.page.view.selectRow(0)
    for action, name in (
        ("new", "employee_new"), ("open", "employee"), ("recordExit", "exit_dialog"),
        ("planAction", "plan_action"), ("flagRisk", "risk_flag"), ("teamAction", "team_action"),
        ("actionLibrary", "action_library"), ("effectAction", "does_it_help"),
        ("reasons", "exit_reasons"), ("settings", "settings"), ("backups", "backups"),
        ("export", "export"), ("printReport", "report_print"), ("reportPdf", "report_pdf"),
        ("about", "about"),
    ):  # fmt: skip
        shots.dialog(window, action, name, settle=1500 if name == "does_it_help" else 700)
    if scale == "1":
        print_report(window, shots.out, small)
    window.findChild(QAction, "guide").trigger()
    wait(600)
    save(window.help.guide, shots.out / "guide.png")
    window.help.guide.close()
    window.close()
    wait_for_jobs()
    window.session.close()

    empty = folder / "empty.db"
    open_database(empty).close()
    window = shots.window(empty)
    save(window, shots.out / "welcome.png")
    window.close()
    wait_for_jobs()
    window.session.close()
    if small is not None:
        kept = KEPT if lang == "zh_CN" else KEPT_IN_ENGLISH
        at_200 = KEPT_AT_200 if lang == "zh_CN" else ()
        keep_small(shots.out, small, f"{lang}-{scale}x", kept if scale == "1" else at_200)
    shutil.rmtree(folder, ignore_errors=True)
    QCoreApplication.processEvents()
    del app


def print_report(window: MainWindow, out: Path, small: Path | None) -> None:
    """The report of last month, as Save report as PDF writes it, and its pages as
    pictures (pdftoppm, where it is installed)."""
    import subprocess

    from retention_desktop.domain.dates import Period
    from retention_desktop.ui.dashboard.pdf import pdf_bytes
    from retention_desktop.ui.dashboard.report_data import read_report
    from retention_desktop.ui.dashboard.report_document import ReportDocument, chart_image

    session = window.session
    period = Period.last_whole_months(TODAY, 1)
    report = read_report(session.db, session.lang, TODAY, period, None)
    images = {key: chart_image(key, report) for key in ("monthly", "reasons")}
    maker = ReportDocument()
    pdf = out / "report.pdf"
    pdf.write_bytes(pdf_bytes(maker.build(report, images, session.lang), maker.title(report)))
    print(pdf)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "90", "-png", str(pdf), str(out / "report-page")],
                       check=True)  # fmt: skip
        if small is not None and session.lang == "zh_CN":  # the README shows the Chinese
            small.mkdir(parents=True, exist_ok=True)
            for page in sorted(out.glob("report-page-*.png")):
                image = QImage(str(page))
                image = image.scaledToWidth(560, Qt.TransformationMode.SmoothTransformation)
                small_png(image, small / f"{session.lang}-{page.name}")


def keep_small(source: Path, target: Path, prefix: str, names: tuple[str, ...]) -> None:
    """The pictures a reader of the README sees: at most 800 pixels wide, 256 colours."""
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        image = QImage(str(source / f"{name}.png"))
        if image.isNull():
            continue
        small_png(image, target / f"{prefix}-{name}.png")


def small_png(image: QImage, target: Path) -> None:
    if image.width() > 800:
        image = image.scaledToWidth(800, Qt.TransformationMode.SmoothTransformation)
    image = image.convertToFormat(QImage.Format.Format_Indexed8,
                                  Qt.ImageConversionFlag.ThresholdDither)  # fmt: skip
    image.save(str(target), "PNG", 9)


if __name__ == "__main__":
    args = sys.argv[1:]
    small_dir = None
    if "--small" in args:
        at = args.index("--small")
        small_dir = Path(args[at + 1])
        del args[at : at + 2]
    language, factor, output = args
    assert os.environ.get("QT_QPA_PLATFORM") == "xcb", "run it on a real X server (xcb)"
    run(language, factor, Path(output), small_dir)
