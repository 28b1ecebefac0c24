"""Status-bar segment: bytes received and sent by the current session."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desktop.core.units import format_bytes

__all__ = ["TrafficLabel"]


class TrafficLabel(QLabel):
    """Shows ``↓ in  ↑ out`` for the session in focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trafficLabel")
        self.set_counts(0, 0)

    def set_counts(self, bytes_in: int, bytes_out: int) -> None:
        """Show new totals."""
        self.setText(f"↓ {format_bytes(bytes_in)}   ↑ {format_bytes(bytes_out)}")
        self.setToolTip(
            self.tr("Received {received} bytes, sent {sent} bytes").format(
                received=bytes_in, sent=bytes_out
            )
        )
