"""The Messenger's control strip: status, Start/Refresh, a status line, and the banner.

The banner says what went wrong or what limits the reach (one sentence); when the port was
taken it offers a free one with a "Use port N" button.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui.messenger.status_selector import StatusSelector
from desktop.ui.widgets.notice_banner import NoticeBanner

__all__ = ["ControlBar"]


class ControlBar(QWidget):
    """Online/Away, Start/Stop, Refresh, a status line; the banner and "Use port N" below.

    Signals:
        port_chosen(int): the user clicked "Use port N".
    """

    port_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presence = StatusSelector()
        self.start_button = QPushButton(self.tr("Start"))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setEnabled(False)
        self.status = QLabel(self.tr("Stopped"))
        self.banner = NoticeBanner()
        self.use_port_button = QPushButton()
        self.use_port_button.setVisible(False)
        self.use_port_button.clicked.connect(self._use_port)
        self._offered = 0
        controls = QHBoxLayout()
        controls.addWidget(self.presence, 1)
        controls.addWidget(self.start_button)
        controls.addWidget(self.refresh_button)
        controls.addWidget(self.status, 1)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.use_port_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addLayout(banner_row)

    def clear(self) -> None:
        """No banner, no offer (a new start)."""
        self.banner.hide()
        self.offer_port(0)

    def error(self, text: str, free_port: int = 0) -> None:
        """Show an error; offer ``free_port`` instead of a taken one (0: nothing to offer)."""
        self.banner.show_message(text)
        self.offer_port(free_port)

    def notice(self, text: str) -> None:
        """Show a notice, unless an error is shown: that stays until it is dismissed."""
        self.status.setText(text)
        if not (self.banner.isVisibleTo(self) and self.banner.kind == "error"):
            self.banner.show_message(text, "info")

    def offer_port(self, port: int) -> None:
        """Show "Use port N" (hidden for 0)."""
        self._offered = port
        if port:
            self.use_port_button.setText(self.tr("Use port {port}").format(port=port))
        self.use_port_button.setVisible(bool(port))

    def _use_port(self) -> None:
        if self._offered:
            self.port_chosen.emit(self._offered)
