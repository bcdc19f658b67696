"""File > Save report as PDF… and File > Print report… (Ctrl+Shift+P): the report of a
period and team for the monthly meeting, with the dashboard's figures; the PDF is written
whole or not at all, and a refusal is said in a sentence."""

from __future__ import annotations

import re
from datetime import date

import pytest
from driving import activate, choosing_file, click, on_dialog, trigger
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from retention_desktop.domain.dates import Month, Period
from retention_desktop.ui.common.session import Session
from retention_desktop.ui.dashboard.report_data import read_report
from retention_desktop.ui.dashboard.report_document import ReportDocument

TODAY = date(2026, 11, 23)
OK = QDialogButtonBox.StandardButton.Ok


@pytest.fixture
def window(make_window, demo_db_path, qtbot, monkeypatch):
    monkeypatch.setattr(Session, "today", staticmethod(lambda: TODAY))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: True))
    window = make_window(demo_db_path)
    window.show()
    activate(window, qtbot)
    return window


def close_saved_box(seen: dict) -> None:
    """Close the "Saved" message once it shows (and stop looking once the test is done:
    a later test's message is its own)."""
    if seen.get("done"):
        return
    box = QApplication.activeModalWidget()
    if isinstance(box, QMessageBox) and box.objectName() == "savedBox":
        seen["said"].append(box.text())
        QTimer.singleShot(0, box.button(QMessageBox.StandardButton.Close).click)
        return
    QTimer.singleShot(10, lambda: close_saved_box(seen))


def pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


def save_pdf(window, qtbot, target, team: str | None = None) -> dict:
    seen: dict = {"said": []}

    def save(dialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["period"] = dialog.period()
        if team:
            dialog.team_combo.setCurrentIndex(dialog.team_combo.findData(team))
        QTimer.singleShot(0, lambda: close_saved_box(seen))
        click(qtbot, dialog.buttons.button(OK))
        qtbot.waitUntil(lambda: not dialog.isVisible() or "could not" in
                        dialog.status_label.text(), timeout=20000)  # fmt: skip
        seen["status"] = dialog.status_label.text()

    try:
        with choosing_file(target), on_dialog(save):
            trigger(window, "reportPdf")
    finally:
        seen["done"] = True
    return seen


def test_the_report_is_saved_as_a_pdf_of_two_a4_pages(window, qtbot, tmp_path):
    target = tmp_path / "meeting.pdf"
    seen = save_pdf(window, qtbot, target, team="售前客服")
    assert seen["title"] == "Save report as PDF"
    # the meeting's month: the last whole month before today
    assert seen["period"] == Period(Month(2026, 10), Month(2026, 10))
    assert seen["said"] == [f"Saved {target}."]
    pdf = target.read_bytes()
    assert pdf.startswith(b"%PDF")
    assert pages(pdf) == 2
    assert b"/FontFile" in pdf  # fonts embedded: it prints the same anywhere
    assert re.search(rb"/MediaBox \[0 0 595(\.0+)? 842(\.0+)?\]", pdf)  # A4
    assert not list(tmp_path.glob(".meeting.pdf.*"))  # no part left beside it


def test_the_report_shows_the_dashboards_figures_and_the_lists(window):
    db = window.session.db
    report = read_report(db, "en", TODAY, Period(Month(2025, 11), Month(2026, 10)), None)
    document = ReportDocument().build(report, {}, "en")
    text = document.toPlainText()
    summary = report.figures.report.summary
    assert "Staff turnover report" in text
    assert "Period: 2025-11 to 2026-10 (12 months) · Team: All teams · Printed 2026-11-23" in text
    assert f"Separations\t{summary.separations}" in text.replace("\u2029", "\n") or (
        f"Separations\n{summary.separations}" in text.replace("\u2029", "\n"))  # fmt: skip
    top = report.figures.report.by_reason[0]
    assert top.reason in text
    assert report.handovers[0].name in text
    assert report.overdue[0].title in text
    # the monthly chart covers a year even for a month's report
    month = read_report(db, "en", TODAY, Period(Month(2026, 10), Month(2026, 10)), None)
    assert [m.month for m in month.trend.monthly][-1] == "2026-10"
    assert len(month.trend.monthly) == 12
    assert month.figures.report.period.month_count == 1


def test_a_team_report_lists_only_that_teams_handovers_and_actions(window):
    db = window.session.db
    every = read_report(db, "en", TODAY, Period(Month(2026, 10), Month(2026, 10)), None)
    team = every.handovers[0].team
    other = next(t for t in window.session.teams() if t != team)
    report = read_report(db, "en", TODAY, Period(Month(2026, 10), Month(2026, 10)), other)
    assert all(x.team == other for x in report.handovers)
    assert all(a.team == other for a in report.overdue)
    name = ReportDocument().file_name(report.period, "售前/客服")
    assert name == "Turnover report 2026-10 售前-客服.pdf"


def test_a_pdf_that_cannot_be_written_is_said_and_the_old_one_kept(window, qtbot, tmp_path):
    from unprivileged import read_only_place

    old = tmp_path / "meeting.pdf"
    old.write_bytes(b"last month's report")
    with read_only_place(old) as folder:
        target = folder / "meeting.pdf"
        seen = save_pdf(window, qtbot, target)
        assert target.read_bytes() == b"last month's report"
    assert seen["status"].startswith("The PDF could not be written:")
    assert str(folder) in seen["status"]
    assert "Traceback" not in seen["status"]
    assert seen["said"] == []


def test_a_full_disk_leaves_no_part_of_the_pdf(window, qtbot, tmp_path, monkeypatch):
    import errno

    from retention_desktop.ui.dashboard import pdf

    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pdf.os, "replace", full)
    folder = tmp_path / "reports"
    folder.mkdir()
    seen = save_pdf(window, qtbot, folder / "meeting.pdf")
    assert seen["status"].startswith("The PDF could not be written: The disk that holds")
    assert list(folder.iterdir()) == []


def test_print_report_opens_the_print_preview(window, qtbot):
    seen: dict = {}
    done: list = []

    def preview() -> None:
        if done:
            return
        box = QApplication.activeModalWidget()
        if box is not None and box.objectName() == "printPreview":
            seen["preview"] = box.windowTitle()
            QTimer.singleShot(0, box.reject)
            return
        QTimer.singleShot(10, preview)

    def ask(dialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["button"] = dialog.buttons.button(OK).text()
        QTimer.singleShot(0, preview)
        click(qtbot, dialog.buttons.button(OK))
        qtbot.waitUntil(lambda: "preview" in seen, timeout=20000)

    try:
        with on_dialog(ask):
            control_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
            qtbot.keyClick(window, Qt.Key.Key_P, control_shift)
    finally:
        done.append(True)
    assert seen == {"title": "Print report", "button": "Pre&view and print…",
                    "preview": "Print report"}  # fmt: skip
