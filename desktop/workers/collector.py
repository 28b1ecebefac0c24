"""Python's cyclic garbage collector, run on the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold is crossed: the I/O
thread or a task thread. A cycle holding a Qt object's wrapper is then destroyed there, so a
QObject of the GUI thread is deleted from another thread while the GUI thread delivers its
posted events — a crash in ``QApplication::notify`` (found with gdb under an eager collector,
``gc.set_threshold(20, 2, 2)``, in ``tests/workers/test_http_bridge.py``). The remedy PyQt and
PySide users know: turn automatic collection off and collect, generation by generation, from a
timer on the GUI thread, with the thresholds the collector would have used.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

__all__ = ["MainThreadCollector", "collect_if_due"]

INTERVAL_MS = 250


def collect_if_due(thresholds: tuple[int, int, int] | None = None) -> int | None:
    """Collect the oldest generation whose count passed its threshold; returns it, or None."""
    first, second, third = thresholds or gc.get_threshold()
    young, middle, old = gc.get_count()
    generation = None
    if young > first:
        generation = 0
        if middle > second:
            generation = 1
            if old > third:
                generation = 2
    if generation is not None:
        gc.collect(generation)
    return generation


class MainThreadCollector(QObject):
    """While started, only this object's timer (on its own, the GUI thread) collects."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._was_enabled = gc.isenabled()

    def start(self) -> None:
        """Turn automatic collection off and collect from the timer."""
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Give collection back to the interpreter, as it was before ``start``."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()

    def check(self) -> int | None:
        """Collect now if a generation is due (the timer calls this)."""
        return collect_if_due()
