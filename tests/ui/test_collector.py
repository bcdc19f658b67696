"""Garbage collection happens on the UI thread, on a timer, never in a background thread."""

from __future__ import annotations

import gc
import threading
import weakref

from retention_desktop.ui.common.collector import MainThreadCollector, collect_on_main_thread


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_automatic_collection_is_off_and_the_timer_collects(qapp, qtbot):
    collector = collect_on_main_thread(qapp)
    assert collect_on_main_thread(qapp) is collector
    assert isinstance(collector, MainThreadCollector)
    assert not gc.isenabled()
    assert collector.timer.isActive()
    gc.collect()
    cycle = Node()
    gone = weakref.ref(cycle)
    del cycle
    # plenty of allocations in a background thread: no collection happens there
    seen_in_thread = []

    def allocate() -> None:
        junk = [Node() for _ in range(5 * collector.thresholds[0])]
        seen_in_thread.append(gone() is not None)
        del junk

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert seen_in_thread == [True]
    assert gone() is not None
    qtbot.waitUntil(lambda: gone() is None, timeout=3000)  # the UI thread's timer
