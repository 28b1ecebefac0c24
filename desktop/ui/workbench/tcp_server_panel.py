"""TCP server session: listen, many clients in a table, plain/echo/auto-reply, TLS."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from desktop.core.capture.pcapng import Endpoints, tcp_endpoints
from desktop.core.net.tcp_server import ClientInfo
from desktop.core.net.tls import TlsServerOptions
from desktop.core.sentence import Sentence
from desktop.settings import Settings
from desktop.ui.widgets.saved_messages import SavedMessages
from desktop.ui.workbench.client_table_model import ClientTableModel
from desktop.ui.workbench.listening_panel import ListeningPanel
from desktop.ui.workbench.reply_mode import ReplyMode
from desktop.ui.workbench.session_panel import split_address
from desktop.ui.workbench.table_fit import fit_columns
from desktop.workers.task_runner import TaskRunner
from desktop.workers.tcp_server_bridge import ServerOptions, TcpServerBridge

__all__ = ["TcpServerPanel"]


class TcpServerPanel(ListeningPanel):
    """One TCP server session over a ``TcpServerBridge``."""

    def __init__(
        self,
        bridge: TcpServerBridge,
        settings: Settings,
        runner: TaskRunner,
        parent: QWidget | None = None,
        library: SavedMessages | None = None,
    ) -> None:
        super().__init__(bridge, settings, runner, parent, library)
        self.server = bridge
        self.send_box.file_button.hide()  # files go to one client: a client session's job
        self._build()
        self._connect_signals()
        self.show_idle()
        self._pcapng_clients: dict[str, Endpoints] = {}  # peer → connection, for pcapng
        self.server.client_connected.connect(
            self._remember_client, Qt.ConnectionType.QueuedConnection
        )

    # -- construction ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText(self.tr("all addresses (IPv4 and IPv6)"))
        self.port_spin = QSpinBox()
        self.port_spin.setRange(0, 65535)
        self.port_spin.setValue(8000)
        self.port_spin.setSpecialValueText(self.tr("any free"))
        self.reply = ReplyMode(self)
        self.mode_combo, self.rules = self.reply.combo, self.reply.rules
        self.max_spin = QSpinBox()
        self.max_spin.setRange(0, 1_000_000)
        self.max_spin.setSpecialValueText(self.tr("no limit"))
        self.max_spin.setToolTip(self.tr("Most clients at once"))
        self.tls_check = QCheckBox(self.tr("TLS (self-signed)"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Address")))
        row.addWidget(self.host_edit, 2)
        row.addWidget(QLabel(self.tr("Port")))
        row.addWidget(self.port_spin)
        row.addWidget(self.mode_combo)
        row.addWidget(QLabel(self.tr("Max clients")))
        row.addWidget(self.max_spin)
        row.addWidget(self.tls_check)
        row.addWidget(self.start_button)
        row.addWidget(self.state_label, 2)
        self.controls.addLayout(row)
        self.controls.addWidget(self.rules)

        self.clients = ClientTableModel()
        self.client_view = QTableView()
        self.client_view.setObjectName("clientTable")
        self.client_view.setModel(self.clients)
        self.client_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.client_view.verticalHeader().setVisible(False)
        fit_columns(
            self.client_view,
            {
                ClientTableModel.ID: "999",
                ClientTableModel.PEER: "127.0.0.1:65535",
                ClientTableModel.SINCE: "00:00:00",
                ClientTableModel.IN: "99.9 KiB",
                ClientTableModel.OUT: "99.9 KiB",
                ClientTableModel.STATE: "connected",
            },
            stretch=(ClientTableModel.PEER,),
        )
        self.count_label = QLabel()
        self.target_combo = QComboBox()
        self.target_combo.addItem(self.tr("Send to every client"), "all")
        self.target_combo.addItem(self.tr("Send to selected clients"), "selected")
        self.only_selected_check = QCheckBox(self.tr("Log of the selected client only"))
        self.kick_button = QPushButton(self.tr("Disconnect"))
        self.add_side_pane(
            self.client_view, self.target_combo, self.only_selected_check, self.kick_button
        )
        self.body.widget(0).layout().insertWidget(0, self.count_label)
        self.body.setStretchFactor(0, 0)  # the table as wide as its columns, the log the rest
        self.body.setStretchFactor(1, 1)

    def _connect_signals(self) -> None:
        queued = Qt.ConnectionType.QueuedConnection
        self.server.clients_updated.connect(self._on_clients, queued)
        self.server.client_rejected.connect(self._on_rejected, queued)
        self.reply.changed.connect(self.server.set_rules)
        self.reply.problem.connect(self.show_error)
        self.send_box.send_requested.connect(self._send)
        self.kick_button.clicked.connect(self._kick_selected)
        self.only_selected_check.toggled.connect(self._filter_changed)
        self.client_view.selectionModel().selectionChanged.connect(self._filter_changed)
        self.target_combo.currentIndexChanged.connect(self._filter_changed)

    # -- actions ----------------------------------------------------------------------------------
    def options(self) -> ServerOptions | None:
        """The server options as entered, or None after showing what is wrong."""
        reply = self.reply.current()
        if reply is None:
            return None
        mode, rules = reply
        tls = TlsServerOptions() if self.tls_check.isChecked() else None
        return ServerOptions(
            self.host_edit.text().strip(),
            self.port_spin.value(),
            mode,
            rules,
            self.max_spin.value(),
            tls,
        )

    def setting_widgets(self) -> list[QWidget]:
        return [self.host_edit, self.port_spin, self.max_spin, self.tls_check]

    def selected_clients(self) -> list[ClientInfo]:
        """Clients selected in the table."""
        rows = {index.row() for index in self.client_view.selectionModel().selectedRows()}
        return [c for row in sorted(rows) if (c := self.clients.client_at(row)) is not None]

    @Slot(bytes)
    def _send(self, data: bytes) -> None:
        if not self.running:
            self.show_error(self.tr("Start the server first."))
            return
        if self.target_combo.currentData() == "selected":
            chosen = self.selected_clients()
            if not chosen:
                self.show_error(
                    self.tr("Select one or more clients in the table first."), key="select"
                )
                return
            self.server.send(data, [c.client_id for c in chosen])
        else:
            self.server.send(data)

    @Slot()
    def _kick_selected(self) -> None:
        for client in self.selected_clients():
            self.server.disconnect_client(client.client_id)

    @Slot()
    def _filter_changed(self) -> None:
        chosen = self.selected_clients()
        if chosen or self.target_combo.currentData() != "selected":
            self.clear_message("select")
        peer = chosen[0].peer if self.only_selected_check.isChecked() and chosen else None
        self.log.set_peer_filter(peer)

    def pcapng_endpoints(self) -> dict[str, Endpoints]:
        """The selected clients' connections, or, none selected, every client's seen so far
        (each its own TCP stream in the file)."""
        chosen = [c.peer for c in self.selected_clients()]
        known = self._pcapng_clients
        return {p: known[p] for p in chosen if p in known} if chosen else dict(known)

    @Slot(int, str, str)
    def _remember_client(self, _client_id: int, peer: str, local: str) -> None:
        """Keep each client's addresses for the export from its connect on, also after it has
        left (a client may come and go between two refreshes of the client table)."""
        if local:
            self._pcapng_clients[peer] = tcp_endpoints(local, peer)

    # -- bridge signals ---------------------------------------------------------------------------
    def on_started(self, addresses: list[str]) -> None:
        self.reply.fold()
        self.title_changed.emit(
            self.tr("Server :{port}").format(port=split_address(addresses[0])[1])
        )

    def on_idle(self) -> None:
        self.count_label.setText(self.tr("No clients"))
        self.reply.stopped()

    @Slot(list)
    def _on_clients(self, clients: list[ClientInfo]) -> None:
        self.clients.set_clients(clients)
        self.count_label.setText(self.tr("%n client(s) connected", "", len(clients)))

    @Slot(object)
    def _on_rejected(self, reason: Sentence) -> None:
        self.notice(reason, key="rejected")
