"""File > Print report… (Ctrl+Shift+P) and File > Save report as PDF…: the report of a
period and team read off the UI thread, drawn as a document (report_document) and shown
in Qt's print preview, or saved as a PDF that is written whole or not at all."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from retention_desktop.ui.common.dialogs import ask_pdf_path, run_modal, show_saved
from retention_desktop.ui.common.feature import Feature
from retention_desktop.ui.common.jobs import CLOSED, run_in_background
from retention_desktop.ui.common.messages import Messages

if TYPE_CHECKING:
    from retention_desktop.ui.dashboard.report_data import PrintedReport
    from retention_desktop.ui.dashboard.report_dialog import ReportDialog

# the dialog's, the document's and the PDF's modules are imported when a report is first
# asked for, not at every start (their Qt classes' enums cost the start time)


class ReportCommands(Feature):
    """The report's two actions and what they do; no page of its own."""

    def __init__(self, session, selection, window) -> None:
        super().__init__(session, selection, window)
        self.print_action = self.action(
            self.tr("&Print report…"), lambda: self.make_report(to_pdf=False),
            "Ctrl+Shift+P", "printReport",
        )  # fmt: skip
        self.pdf_action = self.action(
            self.tr("Save report as P&DF…"), lambda: self.make_report(to_pdf=True),
            None, "reportPdf",
        )  # fmt: skip

    def make_report(self, *, to_pdf: bool) -> None:
        from retention_desktop.ui.dashboard.report_dialog import ReportDialog

        dialog = ReportDialog(self.session, self.window, to_pdf=to_pdf)
        dialog.wanted.connect(lambda: self._wanted(dialog, to_pdf))
        run_modal(dialog)

    def _wanted(self, dialog: ReportDialog, to_pdf: bool) -> None:
        """Where to save first (a PDF), then read the figures off the UI thread."""
        from retention_desktop.ui.dashboard.report_data import read_report
        from retention_desktop.ui.dashboard.report_document import ReportDocument

        target = None
        if to_pdf:
            name = ReportDocument(dialog).file_name(dialog.period(), dialog.team())
            target = ask_pdf_path(dialog, dialog.windowTitle(), name)
            if target is None:
                return
        dialog.show_busy(True)
        session = self.session
        session.read(
            dialog, read_report, session.lang, session.today(), dialog.period(), dialog.team(),
            on_success=lambda report: self._draw_charts(dialog, report, target),
            on_failure=lambda _error: dialog.show_error(
                self.tr("The figures could not be read from %1.").replace(
                    "%1", str(session.path))),
        )  # fmt: skip

    def _draw_charts(self, dialog: ReportDialog, report: PrintedReport, target) -> None:
        """The charts drawn one per turn of the event loop (each is a widget, drawn on the
        UI thread), so that the window stays responsive between them."""
        from retention_desktop.ui.dashboard.report_document import chart_image

        keys = ["monthly", "reasons"] if report.figures.report.by_reason else ["monthly"]
        images: dict = {}

        def next_chart() -> None:
            if dialog.property(CLOSED):
                return  # the owner closed the dialog meanwhile
            key = keys.pop(0)
            images[key] = chart_image(key, report)
            if keys:
                QTimer.singleShot(0, next_chart)
            elif target is None:
                self._preview(dialog, report, images)
            else:
                self._save_pdf(dialog, report, images, target)

        QTimer.singleShot(0, next_chart)

    def _preview(self, dialog: ReportDialog, report: PrintedReport, images: dict) -> None:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog  # when first used

        from retention_desktop.ui.dashboard.pdf import page_layout
        from retention_desktop.ui.dashboard.report_document import ReportDocument

        dialog.show_busy(False)
        maker = ReportDocument(dialog)
        document = maker.build(report, images, self.session.lang)
        document.setParent(dialog)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout())
        printer.setDocName(maker.title(report))
        preview = QPrintPreviewDialog(printer, dialog)
        preview.setObjectName("printPreview")
        preview.setWindowTitle(dialog.windowTitle())
        preview.paintRequested.connect(document.print_)
        preview.resize(900, 1000)
        if run_modal(preview):
            dialog.finish()

    def _save_pdf(self, dialog: ReportDialog, report: PrintedReport, images: dict,
                  target: Path) -> None:  # fmt: skip
        """The document laid out and written off the UI thread (it holds no widget)."""
        from retention_desktop.ui.dashboard.pdf import pdf_bytes, write_whole
        from retention_desktop.ui.dashboard.report_document import ReportDocument

        lang = self.session.lang

        def work() -> Path:
            maker = ReportDocument()
            document = maker.build(report, images, lang)
            write_whole(target, pdf_bytes(document, maker.title(report)))
            return target

        def failed(error: Exception) -> None:
            text = Messages(dialog).for_file_error(error) if isinstance(error, OSError) else ""
            dialog.show_error(
                self.tr("The PDF could not be written: %1").replace("%1", text or str(target))
            )

        def written(path: Path) -> None:
            dialog.show_busy(False)
            show_saved(dialog, dialog.windowTitle(), path)
            dialog.finish()

        dialog.show_busy(True, self.tr("Writing %1…").replace("%1", target.name))
        run_in_background(dialog, work, written, failed,
                          still_wanted=lambda: not dialog.property(CLOSED))  # fmt: skip
