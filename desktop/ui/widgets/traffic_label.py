"""Status-bar segment: bytes and messages of the session in front, with rates."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QLabel, QWidget

from desktop.core.capture import RecordBatch
from desktop.core.units import format_bytes

__all__ = ["TrafficLabel"]

# Rates are averaged over this window; updated at least once a second even when idle.
_RATE_WINDOW_S = 1.0


class TrafficLabel(QLabel):
    """``↓ 1.2 MiB (34) 5.0 MiB/s   ↑ …`` for the session in front."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trafficLabel")
        self._samples: list[tuple[float, int, int]] = []
        self._batch: RecordBatch | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._refresh)
        self._timer.start()
        self.show_batch(None)

    @Slot(object)
    def show_batch(self, batch: RecordBatch | None) -> None:
        """Show a session's latest totals (None: a session with no traffic yet)."""
        if batch is None or (self._batch is not None and batch.bytes_in < self._batch.bytes_in):
            self._samples.clear()  # another session, or counters restarted
        self._batch = batch
        if batch is not None:
            self._samples.append((time.monotonic(), batch.bytes_in, batch.bytes_out))
        self._refresh()

    def set_counts(self, bytes_in: int, bytes_out: int) -> None:
        """Show plain totals."""
        self.show_batch(RecordBatch((), bytes_in, bytes_out))

    @Slot()
    def _refresh(self) -> None:
        batch = self._batch
        if batch is None:
            self.setText("↓ 0 B   ↑ 0 B")
            return
        now = time.monotonic()
        self._samples = [s for s in self._samples if now - s[0] <= _RATE_WINDOW_S] or [
            (now, batch.bytes_in, batch.bytes_out)
        ]
        first = self._samples[0]
        span = max(now - first[0], 1e-3)
        rate_in = (batch.bytes_in - first[1]) / span if len(self._samples) > 1 else 0.0
        rate_out = (batch.bytes_out - first[2]) / span if len(self._samples) > 1 else 0.0
        self.setText(
            f"↓ {format_bytes(batch.bytes_in)} ({batch.messages_in}) "
            f"{format_bytes(int(rate_in))}/s   "
            f"↑ {format_bytes(batch.bytes_out)} ({batch.messages_out}) "
            f"{format_bytes(int(rate_out))}/s"
        )
        self.setToolTip(
            self.tr(
                "Received {received} bytes in {messages_in} reads, sent {sent} bytes in "
                "{messages_out} writes"
            ).format(
                received=batch.bytes_in,
                sent=batch.bytes_out,
                messages_in=batch.messages_in,
                messages_out=batch.messages_out,
            )
        )
