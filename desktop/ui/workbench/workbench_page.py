"""The Workbench workspace: any number of TCP and UDP sessions, one tab each."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QMenu, QTabWidget, QToolButton, QVBoxLayout, QWidget

from desktop.core.capture import RecordBatch
from desktop.settings import Settings
from desktop.ui.widgets.saved_messages import SavedMessages
from desktop.ui.workbench.relay_panel import RelayPanel
from desktop.ui.workbench.session_panel import SessionPanel
from desktop.ui.workbench.tcp_client_panel import TcpClientPanel
from desktop.ui.workbench.tcp_server_panel import TcpServerPanel
from desktop.ui.workbench.udp_panel import UdpPanel
from desktop.workers.session_factory import SessionFactory
from desktop.workers.task_runner import TaskRunner

__all__ = ["WorkbenchPage"]


class WorkbenchPage(QWidget):
    """Session tabs with a "New" menu; relays the current session's counters and status.

    Signals:
        counters_changed(object): the current session's RecordBatch (or None when it has none).
        status_changed(str): the current session's status line.
    """

    counters_changed = Signal(object)
    status_changed = Signal(str)

    def __init__(
        self,
        factory: SessionFactory,
        settings: Settings,
        runner: TaskRunner,
        parent: QWidget | None = None,
        library: SavedMessages | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.factory = factory
        self.settings = settings
        self.runner = runner
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sessions")
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setDocumentMode(True)
        new_button = QToolButton()
        new_button.setText(self.tr("New session"))
        new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(new_button)
        self.new_client_action = menu.addAction(self.tr("TCP client"))
        self.new_server_action = menu.addAction(self.tr("TCP server"))
        self.new_relay_action = menu.addAction(self.tr("TCP relay (man in the middle)"))
        self.new_udp_action = menu.addAction(self.tr("UDP session"))
        new_button.setMenu(menu)
        self.tabs.setCornerWidget(new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.new_client_action.triggered.connect(self.new_client)
        self.new_server_action.triggered.connect(self.new_server)
        self.new_relay_action.triggered.connect(self.new_relay)
        self.new_udp_action.triggered.connect(self.new_udp)
        self.tabs.tabCloseRequested.connect(self.close_session)
        self.tabs.currentChanged.connect(self._current_changed)
        self.tcp_client = self.new_client()

    # -- sessions ---------------------------------------------------------------------------------
    @Slot()
    def new_client(self) -> TcpClientPanel:
        """Open a TCP client session tab."""
        panel = TcpClientPanel(
            self.factory.tcp_client(), self.settings, self.runner, library=self.library
        )
        self._add(panel, self.tr("TCP client"))
        return panel

    @Slot()
    def new_server(self) -> TcpServerPanel:
        """Open a TCP server session tab."""
        panel = TcpServerPanel(
            self.factory.tcp_server(), self.settings, self.runner, library=self.library
        )
        self._add(panel, self.tr("TCP server"))
        return panel

    @Slot()
    def new_relay(self) -> RelayPanel:
        """Open a TCP relay session tab."""
        panel = RelayPanel(self.factory.relay(), self.settings, self.runner, library=self.library)
        self._add(panel, self.tr("TCP relay"))
        return panel

    @Slot()
    def new_udp(self) -> UdpPanel:
        """Open a UDP session tab."""
        panel = UdpPanel(
            self.factory.udp_session(), self.settings, self.runner, library=self.library
        )
        self._add(panel, self.tr("UDP"))
        return panel

    def _add(self, panel: SessionPanel, title: str) -> None:
        index = self.tabs.addTab(panel, title)
        self.tabs.setCurrentIndex(index)
        panel.counters_changed.connect(self._panel_counters)
        panel.status_changed.connect(self._panel_status)
        panel.title_changed.connect(self._panel_title)

    @Slot(int)
    def close_session(self, index: int) -> None:
        """Close a session tab: its connections and servers are closed too."""
        panel = self.tabs.widget(index)
        if not isinstance(panel, SessionPanel):
            return
        self.shutdown_panel(panel)
        self.tabs.removeTab(index)
        panel.deleteLater()
        if self.tabs.count() == 0:
            self.new_client()

    def close_current_session(self) -> None:
        """Close the session tab in front (Ctrl+W)."""
        if self.current_panel() is not None:
            self.close_session(self.tabs.currentIndex())

    @staticmethod
    def shutdown_panel(panel: SessionPanel) -> None:
        """Stop whatever a panel's session is doing."""
        panel.shutdown()

    def panels(self) -> list[SessionPanel]:
        """Every open session panel."""
        return [
            w
            for i in range(self.tabs.count())
            if isinstance(w := self.tabs.widget(i), SessionPanel)
        ]

    def current_panel(self) -> SessionPanel | None:
        """The session in front."""
        widget = self.tabs.currentWidget()
        return widget if isinstance(widget, SessionPanel) else None

    # -- relays -----------------------------------------------------------------------------------
    @Slot(int)
    def _current_changed(self, _index: int) -> None:
        panel = self.current_panel()
        if panel is not None:
            self.counters_changed.emit(panel.last_batch)
            self.status_changed.emit(panel.state_text())

    @Slot(object)
    def _panel_counters(self, batch: RecordBatch) -> None:
        if self.sender() is self.current_panel():
            self.counters_changed.emit(batch)

    @Slot(str)
    def _panel_status(self, text: str) -> None:
        if self.sender() is self.current_panel():
            self.status_changed.emit(text)

    @Slot(str)
    def _panel_title(self, title: str) -> None:
        panel = self.sender()
        index = self.tabs.indexOf(panel) if isinstance(panel, QWidget) else -1
        if index >= 0:
            self.tabs.setTabText(index, title)
