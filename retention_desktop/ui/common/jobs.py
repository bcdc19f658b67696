"""Running work off the UI thread, with the result delivered back on the UI thread to the
screen that asked for it, and only while that screen (and the session) is still open.

A job belongs to an owner (a widget or a controller). Its result reaches the callbacks
through a receiver that is a child of the owner: when the owner is destroyed first, Qt
drops the delivery, so a callback never draws on a closed window or reads a closed
database. The work function gets no Qt objects: a read opens its own read-only connection
in the worker thread (`Session.read`, one sqlite3 connection per thread).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog


class _Signals(QObject):
    finished = Signal(bool, object)  # succeeded, the result or the exception


CLOSED = "retentionClosed"  # a property of an owner that is done: its jobs' results are dropped


class _Receiver(QObject):
    """Delivers one job's outcome on the UI thread; a child of the job's owner."""

    def __init__(self, owner: QObject, on_success, on_failure, still_wanted) -> None:
        super().__init__(owner)
        self._on_success = on_success
        self._on_failure = on_failure
        self._still_wanted = still_wanted

    @Slot(bool, object)
    def deliver(self, succeeded: bool, value: object) -> None:
        callback = self._on_success if succeeded else self._on_failure
        self._on_success = self._on_failure = None
        owner = self.parent()
        wanted = owner is not None and not owner.property(CLOSED) and self._still_wanted()
        # Not the owner's child any more, and deleted only after the callback: a dialog the
        # callback opens runs an event loop that could otherwise delete it in this call.
        self.setParent(None)
        try:
            if callback is not None and wanted:
                callback(value)
        finally:
            self.deleteLater()


class _Janitor(QObject):
    """Lets go of finished jobs on the UI thread (a Qt object must die in its thread),
    whether or not their owner was still there to take the result."""

    @Slot(bool, object)
    def release(self, _succeeded: bool, _value: object) -> None:
        _running.pop(self.sender(), None)


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
            self.signals.finished.emit(False, error)
        else:
            self.signals.finished.emit(True, result)


_running: dict[_Signals, Job] = {}  # by their signals, which say when they are done
_janitor: _Janitor | None = None


def run_in_background(
    owner: QObject,
    work: Callable[[], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[Exception], None] | None = None,
    *,
    still_wanted: Callable[[], bool] = lambda: True,
) -> Job:
    """Run `work()` in the thread pool; its result goes to `on_success` (or the exception
    to `on_failure`) on the UI thread, unless `owner` was destroyed or `still_wanted()`
    says no by then."""
    global _janitor
    if _janitor is None:
        _janitor = _Janitor()
    job = Job(work)
    receiver = _Receiver(owner, on_success, on_failure, still_wanted)
    job.signals.finished.connect(receiver.deliver, Qt.ConnectionType.QueuedConnection)
    job.signals.finished.connect(_janitor.release, Qt.ConnectionType.QueuedConnection)
    _running[job.signals] = job
    QThreadPool.globalInstance().start(job)
    return job


def wait_for_jobs(msecs: int = 30000) -> bool:
    """Block until background jobs are done (used when closing, and by tests)."""
    return QThreadPool.globalInstance().waitForDone(msecs)


class _Progress(QObject):
    changed = Signal(int, int)


class _Bar(QObject):
    """Moves a progress dialog's bar; a child of the dialog, so it goes with it."""

    def __init__(self, dialog: QProgressDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    @Slot(int, int)
    def moved(self, done: int, total: int) -> None:
        if self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total) if total else 0)


def run_with_progress(
    owner: QObject,
    text: str,
    work: Callable[[Callable[[int, int], None], Callable[[], bool]], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[Exception], None],
    *,
    still_wanted: Callable[[], bool] = lambda: True,
) -> QProgressDialog:
    """Run `work(progress, cancelled)` off the UI thread behind a progress dialog (a
    child of `owner`, which also owns the job) whose Cancel button makes `cancelled()`
    true; the work raises to stop (and leaves nothing half-done). `progress(done, total)`
    moves the bar (total 0: busy)."""
    cancel = threading.Event()
    reporter = _Progress()
    dialog = QProgressDialog(text, QCoreApplication.translate("Jobs", "Cancel"), 0, 0, owner)
    dialog.setObjectName("progressDialog")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    # Starts the 300 ms clock: without it Qt's own 4 s one, set in the constructor, runs on
    # (setMinimumDuration restarts it only once a value is set) and a slow job whose bar
    # moves little shows no dialog for 4 s.
    dialog.setValue(0)
    dialog.canceled.connect(cancel.set)

    bar = _Bar(dialog)
    reporter.changed.connect(bar.moved, Qt.ConnectionType.QueuedConnection)

    def finish(callback, value) -> None:
        reporter.changed.disconnect(bar.moved)
        dialog.close()
        dialog.deleteLater()
        callback(value)

    emit = reporter.changed.emit
    run_in_background(
        owner,
        lambda: work(emit, cancel.is_set),
        lambda value: finish(on_success, value),
        lambda error: finish(on_failure, error),
        still_wanted=still_wanted,
    )
    dialog.reporter = reporter  # kept alive with the dialog
    return dialog
