"""An inline, non-modal message strip for errors and notices inside a panel."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

__all__ = ["NoticeBanner"]

_STYLES = {
    "error": "background:#fde7e9;color:#8a1020;border:1px solid #f1aeb5;border-radius:4px;",
    "info": "background:#e7f0fd;color:#0b3d91;border:1px solid #aec8f1;border-radius:4px;",
}


class NoticeBanner(QFrame):
    """Shows one message at a time; hidden until ``show_message``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBanner")
        self.label = QLabel()
        self.label.setWordWrap(True)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, kind: str = "error") -> None:
        """Show ``text``; ``kind`` is "error" or "info"."""
        self.kind = kind
        self.setStyleSheet(f"#noticeBanner {{{_STYLES[kind]}}} QLabel {{border:none;}}")
        self.label.setText(text)
        self.show()
