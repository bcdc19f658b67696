"""Running work off the UI thread, with the result delivered back on the UI thread.

The work function gets no Qt objects and opens its own database connection if it needs
one (one sqlite3 connection per thread).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


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
