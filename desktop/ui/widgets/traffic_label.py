"""Status-bar segment: bytes and messages of the session in front, with rates."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QLabel, QWidget

from desktop.core.capture import RecordBatch
from desktop.core.capture.rates import RateSampler, Totals
from desktop.core.units import format_bytes

__all__ = ["TrafficLabel"]

# The rates shown are those of the last full second, sampled by the label's timer.
_RATE_INTERVAL_MS = 1000


class TrafficLabel(QLabel):
    """``↓ 1.2 MiB (34) 5.0 MiB/s   ↑ …`` for the session in front."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trafficLabel")
        self.rates = RateSampler(capacity=2)  # the same sampling as the session's rate graph
        self._batch: RecordBatch | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(_RATE_INTERVAL_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        self.show_batch(None)

    @Slot(object)
    def show_batch(self, batch: RecordBatch | None) -> None:
        """Show a session's latest totals (None: a session with no traffic yet)."""
        totals = (
            Totals(batch.bytes_in, batch.bytes_out, batch.messages_in, batch.messages_out)
            if batch is not None
            else Totals()
        )
        if batch is None or totals.restarted_since(self.rates.totals):
            self.rates.reset()  # another session, or counters restarted: the next tick starts
        self._batch = batch
        self.rates.observe(totals)
        self._show()

    def set_counts(self, bytes_in: int, bytes_out: int) -> None:
        """Show plain totals."""
        self.show_batch(RecordBatch((), bytes_in, bytes_out))

    @Slot()
    def tick(self, now: float | None = None) -> None:
        """Take the rates of the interval ending ``now`` (the timer: every second)."""
        self.rates.sample(time.monotonic() if now is None else now)
        self._show()

    def _show(self) -> None:
        batch = self._batch
        if batch is None:
            self.setText("↓ 0 B   ↑ 0 B")
            return
        latest = self.rates.latest()
        rate_in = latest.bytes_in if latest else 0.0
        rate_out = latest.bytes_out if latest else 0.0
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
