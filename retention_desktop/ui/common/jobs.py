"""Running work off the UI thread, with the result delivered back on the UI thread.

The work function gets no Qt objects and opens its own database connection if it needs
one (one sqlite3 connection per thread).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # delivered to the UI thread, which reports it
            self.signals.failed.emit(error)
        else:
            self.signals.succeeded.emit(result)


_running: set[Job] = set()


def run_in_background(
    work: Callable[[], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[Exception], None] | None = None,
) -> Job:
    job = Job(work)

    def finish(callback, value) -> None:
        _running.discard(job)
        if callback is not None:
            callback(value)

    job.signals.succeeded.connect(lambda value: finish(on_success, value))
    job.signals.failed.connect(lambda error: finish(on_failure, error))
    _running.add(job)
    QThreadPool.globalInstance().start(job)
    return job


def wait_for_jobs(msecs: int = 30000) -> bool:
    """Block until background jobs are done (used when closing, and by tests)."""
    return QThreadPool.globalInstance().waitForDone(msecs)


class _Progress(QObject):
    changed = Signal(int, int)


def run_with_progress(
    parent,
    text: str,
    work: Callable[[Callable[[int, int], None], Callable[[], bool]], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[Exception], None],
) -> QProgressDialog:
    """Run `work(progress, cancelled)` off the UI thread behind a progress dialog whose
    Cancel button makes `cancelled()` true; the work raises to stop (and leaves nothing
    half-done). `progress(done, total)` moves the bar (total 0: busy)."""
    cancel = threading.Event()
    reporter = _Progress()
    dialog = QProgressDialog(text, QCoreApplication.translate("Jobs", "Cancel"), 0, 0, parent)
    dialog.setObjectName("progressDialog")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    dialog.canceled.connect(cancel.set)

    def moved(done: int, total: int) -> None:
        if dialog.maximum() != total:
            dialog.setMaximum(total)
        dialog.setValue(min(done, total) if total else 0)

    reporter.changed.connect(moved)

    def finish(callback, value) -> None:
        reporter.changed.disconnect(moved)
        dialog.close()
        dialog.deleteLater()
        callback(value)

    run_in_background(
        lambda: work(reporter.changed.emit, cancel.is_set),
        lambda value: finish(on_success, value),
        lambda error: finish(on_failure, error),
    )
    dialog.reporter = reporter  # kept alive with the dialog
    return dialog
