"""The Workbench workspace: socket sessions (the TCP client for now)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.settings import Settings
from desktop.ui.workbench.tcp_client_panel import TcpClientPanel
from desktop.workers.tcp_client_bridge import TcpClientBridge

__all__ = ["WorkbenchPage"]


class WorkbenchPage(QWidget):
    """Hosts the workbench's sessions."""

    def __init__(
        self, bridge: TcpClientBridge, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        title = QLabel(
            self.tr(
                "<b>TCP client</b> — connect to a server, send text, "
                "watch every byte that comes back."
            )
        )
        self.tcp_client = TcpClientPanel(bridge, settings)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.tcp_client, 1)
