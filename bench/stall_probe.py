"""A 1 ms QTimer that records how late the GUI event loop runs it (the GUI's stalls)."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer


class StallProbe(QObject):
    """Gaps between 1 ms timer ticks, minus the 1 ms: how long the GUI could not react."""

    def __init__(self) -> None:
        super().__init__()
        self.gaps_ms: list[float] = []
        self._last = 0.0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps_ms.append(max(0.0, (now - self._last) * 1000 - 1.0))
        self._last = now

    def summary(self) -> tuple[float, float]:
        """(longest stall, p99 stall) in ms."""
        ordered = sorted(self.gaps_ms) or [0.0]
        return ordered[-1], ordered[int(len(ordered) * 0.99) - 1 if len(ordered) > 1 else 0]
