"""The Messenger's control strip: status, Start/Refresh, a status line, and the banner.

The status line says what the node is doing (stopped, listening on…); everything else the user
must be told goes through the page's ``Messages`` board, shown by the banner once: what went
wrong, what limits the reach. When the port was taken the banner offers a free one with a
"Use port N" button, which goes with the failure it belongs to.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui.messages import Level, Messages
from desktop.ui.messenger.status_selector import StatusSelector
from desktop.ui.sentences import Said
from desktop.ui.widgets.notice_banner import NoticeBanner

__all__ = ["REACH", "START", "ControlBar"]

START = "start"  # the key of a failed start's message
REACH = "reach"  # the key of what limits the broadcast reach while the node runs


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
        self.messages = Messages("Messenger", self)
        self.messages.changed.connect(self._messages_changed)
        self.banner = NoticeBanner(self.messages)
        self.use_port_button = QPushButton()
        self.use_port_button.setVisible(False)
        self.use_port_button.clicked.connect(self._use_port)
        self._offered = 0
        controls = QHBoxLayout()
        self._controls = controls
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

    def add_button(self, button: QPushButton) -> None:
        """Put ``button`` at the end of the Start/Refresh row."""
        self._controls.addWidget(button)

    def clear(self) -> None:
        """No messages, no offer (a new start)."""
        self.messages.clear()
        self.offer_port(0)

    def error(self, what: Said, free_port: int = 0) -> None:
        """Say why the start failed; offer ``free_port`` instead of a taken one (0: none)."""
        self.messages.show(what, Level.ERROR, START)
        self.offer_port(free_port)

    def notice(self, what: Said, key: str | None = None) -> None:
        """Tell the user something in passing (it goes by itself)."""
        self.messages.show(what, Level.INFO, key)

    def offer_port(self, port: int) -> None:
        """Show "Use port N" (hidden for 0)."""
        self._offered = port
        if port:
            self.use_port_button.setText(self.tr("Use port {port}").format(port=port))
        self.use_port_button.setVisible(bool(port))

    def _messages_changed(self) -> None:
        if self._offered and self.messages.find(START) is None:
            self.offer_port(0)  # the failure was dismissed or no longer applies

    def _use_port(self) -> None:
        if self._offered:
            self.port_chosen.emit(self._offered)
