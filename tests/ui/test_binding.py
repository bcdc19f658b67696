"""The Qt binding itself: a release that miscounts references to None would crash a long
session ("deallocating None"), so the pinned range is checked here, not trusted."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel


def test_calls_that_return_nothing_keep_none_alive(qapp):
    label = QLabel()
    calls = {
        "a method": lambda: label.setText("x"),
        "a static function": QCoreApplication.processEvents,
    }
    for name, call in calls.items():
        before = sys.getrefcount(None)
        for _ in range(500):
            call()
        # other references to None come and go meanwhile; a leak is -1 per call
        assert sys.getrefcount(None) - before > -100, name
