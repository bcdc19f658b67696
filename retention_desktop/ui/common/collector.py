"""Python's garbage collection only on the UI thread.

The automatic collector runs in whichever thread happens to allocate when a threshold is
crossed: in a background read, say. A cycle it frees there may hold a Qt object (a dialog,
a model, a lambda connected to a widget), whose C++ side is then destroyed off the UI
thread, and Qt crashes (seen: "Fatal Python error: Segmentation fault" while
"Garbage-collecting" in a report read). So the automatic collector is switched off and the
UI thread collects on a timer, generation by generation, with the thresholds Python would
use (the same scheme as pyqtgraph.util.garbage_collector, without importing pyqtgraph at
start)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds."""
        young, middle, old = gc.get_count()
        if young > self.thresholds[0]:
            generation = 0
            if middle > self.thresholds[1]:
                generation = 2 if old > self.thresholds[2] else 1
            gc.collect(generation)


def collect_on_main_thread(app: QObject) -> MainThreadCollector:
    """Switch Python's collector to the UI thread for the life of `app` (once)."""
    existing = app.findChild(MainThreadCollector)
    return existing if existing is not None else MainThreadCollector(app)
