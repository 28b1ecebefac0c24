"""UDP session: bind, send to a target or to peers, receive from anyone, echo/rules, generator."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from desktop.core.capture.pcapng import Endpoints
from desktop.core.net.auto_reply import AutoReplyRule
from desktop.core.net.tcp_server import ServerMode
from desktop.core.net.udp import UdpOptions
from desktop.core.net.udp_facts import no_feedback_note
from desktop.core.net.udp_peers import PeerSnapshot
from desktop.core.net.udp_socket import BindOptions
from desktop.core.session.counters import CounterSample
from desktop.settings import Settings
from desktop.ui.sentences import Said, say
from desktop.ui.widgets.elided_label import ElidedLabel
from desktop.ui.widgets.saved_messages import SavedMessages
from desktop.ui.workbench.listening_panel import ListeningPanel
from desktop.ui.workbench.reply_mode import ReplyMode
from desktop.ui.workbench.session_panel import split_address
from desktop.ui.workbench.udp_export_peers import ExportPeers
from desktop.ui.workbench.udp_generator_box import GeneratorBox
from desktop.ui.workbench.udp_network_tools import attach_network_tools
from desktop.ui.workbench.udp_peer_pane import PeerPane
from desktop.workers.task_runner import TaskRunner
from desktop.workers.udp_bridge import UdpBridge

__all__ = ["UdpPanel"]


class UdpPanel(ListeningPanel):
    """One UDP session over a ``UdpBridge``.

    Other widgets (broadcast, multicast, subnet send) plug in with ``add_side_tab`` and
    ``add_tool`` and read or set where datagrams go with ``target()``/``set_target()``.
    """

    def __init__(
        self,
        bridge: UdpBridge,
        settings: Settings,
        runner: TaskRunner,
        parent: QWidget | None = None,
        library: SavedMessages | None = None,
    ) -> None:
        super().__init__(bridge, settings, runner, parent, library)
        self.udp = bridge
        self.local = ""
        self._export_peers = ExportPeers()
        self._build()
        self._connect_signals()
        self.network_tools = attach_network_tools(self, bridge)  # broadcast, multicast, subnet
        self._connected_toggled(False)
        self.show_idle()

    # -- construction ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.host_combo = QComboBox()
        self.host_combo.setObjectName("bindAddress")
        self.host_combo.setEditable(True)
        for value, label in (
            ("", self.tr("all addresses (IPv4 and IPv6)")),
            ("0.0.0.0", self.tr("all IPv4 addresses")),
            ("127.0.0.1", "127.0.0.1"),
            ("::1", "::1"),
        ):
            self.host_combo.addItem(label, value)
        self.host_combo.setToolTip(self.tr("Where to bind: a choice, or type a local address"))
        self.port_spin = QSpinBox()
        self.port_spin.setRange(0, 65535)
        self.port_spin.setValue(0)
        self.port_spin.setSpecialValueText(self.tr("any free"))
        self.reuse_address_check = QCheckBox(self.tr("Reuse address"))
        self.reuse_address_check.setToolTip(
            self.tr("SO_REUSEADDR: share the port with programs that set it too")
        )
        self.reuse_port_check = QCheckBox(self.tr("Reuse port"))
        self.reuse_port_check.setToolTip(
            self.tr("SO_REUSEPORT: programs on the same port share the datagrams out")
        )
        bind_row = QHBoxLayout()
        bind_row.addWidget(QLabel(self.tr("Bind")))
        bind_row.addWidget(self.host_combo, 2)
        bind_row.addWidget(QLabel(self.tr("Port")))
        bind_row.addWidget(self.port_spin)
        bind_row.addWidget(self.reuse_address_check)
        bind_row.addWidget(self.reuse_port_check)
        bind_row.addWidget(self.start_button)
        bind_row.addWidget(self.state_label, 2)

        self.target_host = QLineEdit()
        self.target_host.setObjectName("targetHost")
        self.target_host.setPlaceholderText(self.tr("host, or pick a peer in the table"))
        self.target_port = QSpinBox()
        self.target_port.setObjectName("targetPort")
        self.target_port.setRange(0, 65535)
        self.target_port.setSpecialValueText(self.tr("port"))
        self.connected_check = QCheckBox(self.tr("Connected"))
        self.connected_check.setToolTip(
            self.tr("Talk to this peer only, and be told when nothing listens there")
        )
        self.reply = ReplyMode(self)
        self.mode_combo, self.rules = self.reply.combo, self.reply.rules
        self.no_feedback_label = ElidedLabel()
        self.no_feedback_label.setText(say(no_feedback_note()))  # elided; the tooltip has it all
        self.no_feedback_label.setObjectName("noFeedbackNote")
        self.no_feedback_label.setEnabled(False)  # drawn dimmed: a note, not a warning
        target_row = QHBoxLayout()
        target_row.addWidget(QLabel(self.tr("Send to")))
        target_row.addWidget(self.target_host, 2)
        target_row.addWidget(self.target_port)
        target_row.addWidget(self.connected_check)
        target_row.addWidget(self.mode_combo)
        target_row.addWidget(self.no_feedback_label, 3)
        # Extra controls (add_tool) end this row: a row of their own would take the log's room.
        self.tools = QWidget()
        self.tools_row = QHBoxLayout(self.tools)
        self.tools_row.setContentsMargins(0, 0, 0, 0)
        self.tools.hide()
        target_row.addWidget(self.tools)
        self.controls.addLayout(bind_row)
        self.controls.addLayout(target_row)
        self.controls.addWidget(self.rules)

        self.peer_pane = PeerPane()
        self.peers = self.peer_pane.model
        self.peer_view = self.peer_pane.view
        self.generator = GeneratorBox()
        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("udpSideTabs")
        self.side_tabs.addTab(self.peer_pane, self.tr("Peers"))
        scroll = QScrollArea()  # the log's height is not held to the generator's
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.generator)
        self.side_tabs.addTab(scroll, self.tr("Generator"))
        self.add_side_pane(self.side_tabs)
        self.body.setStretchFactor(0, 0)  # the table as wide as its columns, the log the rest
        self.body.setStretchFactor(1, 1)
        self.per_datagram_check = QCheckBox(self.tr("One file per datagram…"))
        self.per_datagram_check.setObjectName("perDatagramCheck")
        self._save_row().insertWidget(1, self.per_datagram_check)

    def _save_row(self) -> QHBoxLayout:
        """The base's row holding the "Save received data" box."""
        layout = self.layout()
        for i in range(layout.count()):
            row = layout.itemAt(i).layout()
            if isinstance(row, QHBoxLayout) and row.indexOf(self.save_check) >= 0:
                return row
        raise LookupError("save row")

    def _connect_signals(self) -> None:
        queued = Qt.ConnectionType.QueuedConnection
        self.udp.peers_updated.connect(self._on_peers, queued)
        self.udp.counters_updated.connect(self._on_counters, queued)
        self.udp.generator_changed.connect(self._on_generator, queued)
        self.reply.changed.connect(self._reply_changed)
        self.reply.problem.connect(self.show_error)
        self.connected_check.toggled.connect(self._connected_toggled)
        self.target_host.textChanged.connect(self._target_changed)
        self.target_port.valueChanged.connect(self._target_changed)
        self.send_box.send_requested.connect(self._send)
        self.send_box.file_requested.connect(self._send_file)
        self.peer_pane.reply_requested.connect(self._reply_to_selected)
        self.peer_pane.send_all_requested.connect(self._send_to_all)
        self.peer_pane.filter_changed.connect(self.log.set_peer_filter)
        self.peer_view.doubleClicked.connect(self._pick_target)
        self.peer_pane.target_requested.connect(self._pick_selected)
        self.generator.start_requested.connect(self._start_generator)
        self.generator.stop_requested.connect(self.udp.stop_generator)
        self.per_datagram_check.clicked.connect(self._per_datagram_clicked)

    # -- what other widgets plug in ---------------------------------------------------------------
    def add_side_tab(self, widget: QWidget, title: str) -> int:
        """Add a tab beside the log (after the peer table); returns its index.

        The tab scrolls: a tall form (multicast) must not make the window taller than the screen.
        """
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(widget)
        return self.side_tabs.addTab(scroll, title)

    def add_tool(self, widget: QWidget) -> None:
        """Add a control to the controls above the log (at the end of the target row)."""
        self.tools_row.addWidget(widget)
        self.tools.show()

    def target(self) -> tuple[str, int] | None:
        """Where datagrams go: the typed host and port, or None while either is missing."""
        host = self.target_host.text().strip().strip("[]")
        port = self.target_port.value()
        return (host, port) if host and port else None

    def set_target(self, host: str, port: int) -> None:
        """Send to ``host``:``port`` from now on (ignored for a running connected session)."""
        if self.connected_check.isChecked() and self.phase.active:
            return
        self.target_host.setText(host)
        self.target_port.setValue(port)

    # -- session ----------------------------------------------------------------------------------
    def options(self) -> UdpOptions | None:
        """The session's options as entered, or None after showing what is wrong."""
        reply = self.reply.current()
        if reply is None:
            return None
        mode, rules = reply
        peer = None
        if self.connected_check.isChecked():
            peer = self.target()
            if peer is None:
                self.show_error(self.tr("Connected mode needs a host and port to send to."))
                return None
        bind = BindOptions(
            self._bind_host(),
            self.port_spin.value(),
            reuse_address=self.reuse_address_check.isChecked(),
            reuse_port=self.reuse_port_check.isChecked(),
        )
        return UdpOptions(bind, peer, echo=mode is ServerMode.ECHO, rules=rules)

    def _bind_host(self) -> str:
        index = self.host_combo.currentIndex()
        text = self.host_combo.currentText().strip()
        if index >= 0 and text == self.host_combo.itemText(index):
            return str(self.host_combo.itemData(index))
        return text

    def setting_widgets(self) -> list[QWidget]:
        fixed: list[QWidget] = [
            self.host_combo,
            self.port_spin,
            self.reuse_address_check,
            self.reuse_port_check,
            self.connected_check,
        ]
        if self.connected_check.isChecked():
            fixed += [self.target_host, self.target_port]
        else:  # unlocked when a connected session stopped
            self.target_host.setEnabled(True)
            self.target_port.setEnabled(True)
        return fixed

    def on_started(self, addresses: list[str]) -> None:
        self.local = addresses[0] if addresses else ""
        self._export_peers.clear()
        self.peer_pane.set_peers([])  # a new socket: the peers of the last one are gone
        self.reply.fold()
        port = split_address(self.local)[1]
        self.title_changed.emit(self.tr("UDP :{port}").format(port=port))
        self._target_changed()

    def on_idle(self) -> None:
        self.generator.set_running(False)
        self.reply.stopped()

    def pcapng_endpoints(self) -> dict[str, Endpoints]:
        """The local address and each peer seen (the selected ones, when some are)."""
        return self._export_peers.endpoints([p.address for p in self.peer_pane.selected()])

    # -- sending ----------------------------------------------------------------------------------
    def _ready(self) -> bool:
        if not self.running:
            self.show_error(self.tr("Start the UDP session first."))
            return False
        return True

    def _destination(self) -> tuple[str | None, int] | None:
        """Where a send goes: ``(None, 0)`` the connected peer, else the target; None after
        saying what is missing."""
        if self.connected_check.isChecked():
            return None, 0
        target = self.target()
        if target is None:
            self.show_error(
                self.tr("Type a host and port to send to, or pick a peer in the table.")
            )
        return target

    @Slot(bytes)
    def _send(self, data: bytes) -> None:
        destination = self._destination() if self._ready() else None
        if destination is not None:
            self.udp.send(data, *destination)

    @Slot(str)
    def _send_file(self, path: str) -> None:
        destination = self._destination() if self._ready() else None
        if destination is not None:
            size, pause = self.generator.file_pacing()
            self.udp.send_file(path, size, pause, *destination)

    @Slot()
    def _reply_to_selected(self) -> None:
        chosen = self.peer_pane.selected()
        if not chosen:
            self.show_error(self.tr("Select one or more peers in the table first."), key="select")
            return
        data = self.send_box.payload() if self._ready() else None
        if data is not None:
            self.clear_message("select")
            self.udp.send_to_peers(data, [p.sockaddr for p in chosen])

    @Slot()
    def _send_to_all(self) -> None:
        data = self.send_box.payload() if self._ready() else None
        if data is not None:
            self.udp.send_to_peers(data)

    @Slot()
    def _start_generator(self) -> None:
        destination = self._destination() if self._ready() else None
        data = self.send_box.payload() if destination is not None else None
        if destination is not None and data is not None:
            self.udp.start_generator(self.generator.plan(data, *destination))

    @Slot(bool)
    def _per_datagram_clicked(self, checked: bool) -> None:
        if not checked:
            self.udp.stop_saving_datagrams()
            return
        directory = QFileDialog.getExistingDirectory(self, self.tr("Save each datagram in"))
        if directory:
            self.udp.start_saving_datagrams(directory)
        else:
            self.per_datagram_check.setChecked(False)

    # -- controls ---------------------------------------------------------------------------------
    @Slot(bool)
    def _connected_toggled(self, connected: bool) -> None:
        self.no_feedback_label.setVisible(not connected)

    @Slot()
    def _target_changed(self) -> None:
        target = self.target()
        if target is not None:
            self.udp.set_target(*target)  # where periodic sends go

    @Slot(QModelIndex)
    def _pick_target(self, index: QModelIndex) -> None:
        peer = self.peers.peer_at(index.row())
        if peer is not None:
            self.set_target(*split_address(peer.address))

    @Slot()
    def _pick_selected(self) -> None:
        chosen = self.peer_pane.selected()
        if chosen:
            self.set_target(*split_address(chosen[0].address))

    @Slot(object, object)
    def _reply_changed(self, mode: ServerMode, rules: Sequence[AutoReplyRule]) -> None:
        self.udp.set_reply(mode is ServerMode.ECHO, rules)

    # -- bridge signals ---------------------------------------------------------------------------
    @Slot(list)
    def _on_peers(self, peers: list[PeerSnapshot]) -> None:
        self.peer_pane.set_peers(peers)
        self._export_peers.learn(self.local, peers)

    @Slot(object)
    def _on_notice(self, what: Said) -> None:
        if what != no_feedback_note():  # said for good by the note beside "Connected"
            super()._on_notice(what)

    @Slot(object)
    def _on_counters(self, counters: CounterSample) -> None:
        self.generator.show_counters(counters)

    @Slot(bool)
    def _on_generator(self, running: bool) -> None:
        self.generator.set_running(running)
