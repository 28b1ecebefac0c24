"""TCP client session: host, port, connect/disconnect, a live log and a send box."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.capture import Direction, Record, RecordBatch, RecordRing
from desktop.settings import Settings
from desktop.ui.widgets.notice_banner import NoticeBanner
from desktop.ui.widgets.record_log_model import RecordLogModel
from desktop.workers.tcp_client_bridge import TcpClientBridge

__all__ = ["TcpClientPanel"]

_LINE_ENDINGS = {"none": b"", "lf": b"\n", "crlf": b"\r\n", "cr": b"\r"}


class TcpClientPanel(QWidget):
    """One TCP client session over a ``TcpClientBridge``.

    Signals:
        counters_changed(int, int): bytes received and sent so far.
        status_changed(str): a short status line for the window's status bar.
    """

    counters_changed = Signal(int, int)
    status_changed = Signal(str)

    IDLE, CONNECTING, CONNECTED = range(3)

    def __init__(
        self, bridge: TcpClientBridge, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings
        self.state = self.IDLE
        self.peer = ""
        ring = RecordRing(max_bytes=settings.get(Settings.LOG_MAX_MB) * 1024 * 1024)
        self.model = RecordLogModel(ring)
        self._build()
        self._connect_signals()
        self._set_state(self.IDLE)

    # -- construction ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.host_edit = QLineEdit(self.settings.get(Settings.TCP_CLIENT_HOST))
        self.host_edit.setPlaceholderText(self.tr("host name or address"))
        self.host_edit.setObjectName("hostEdit")
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(self.settings.get(Settings.TCP_CLIENT_PORT))
        self.timeout_spin = QDoubleSpinBox()
        self.timeout_spin.setRange(0.1, 600)
        self.timeout_spin.setDecimals(1)
        self.timeout_spin.setSuffix(" s")
        self.timeout_spin.setValue(self.settings.get(Settings.TCP_CLIENT_TIMEOUT))
        self.timeout_spin.setToolTip(self.tr("Connect timeout"))
        self.connect_button = QPushButton()
        self.connect_button.setObjectName("connectButton")
        self.connect_button.setDefault(False)
        self.state_label = QLabel()
        self.state_label.setObjectName("stateLabel")

        target = QHBoxLayout()
        target.addWidget(QLabel(self.tr("Host")))
        target.addWidget(self.host_edit, 3)
        target.addWidget(QLabel(self.tr("Port")))
        target.addWidget(self.port_spin)
        target.addWidget(QLabel(self.tr("Timeout")))
        target.addWidget(self.timeout_spin)
        target.addWidget(self.connect_button)
        target.addWidget(self.state_label, 2)

        self.banner = NoticeBanner()

        self.log_view = QTableView()
        self.log_view.setObjectName("logView")
        self.log_view.setModel(self.model)
        self.log_view.setWordWrap(False)
        self.log_view.setAlternatingRowColors(True)
        self.log_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log_view.verticalHeader().setVisible(False)
        self.log_view.verticalHeader().setDefaultSectionSize(22)
        self.log_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.log_view.horizontalHeader()
        header.setStretchLastSection(True)
        header.resizeSection(RecordLogModel.TIME, 100)
        header.resizeSection(RecordLogModel.DIRECTION, 36)
        header.resizeSection(RecordLogModel.SIZE, 64)

        self.follow_check = QCheckBox(self.tr("Follow new data"))
        self.follow_check.setChecked(True)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setShortcut(QKeySequence("Ctrl+L"))
        self.clear_button.setToolTip(self.tr("Clear the log (Ctrl+L)"))
        tools = QHBoxLayout()
        tools.addWidget(self.follow_check)
        tools.addStretch(1)
        tools.addWidget(self.clear_button)

        self.send_edit = QLineEdit()
        self.send_edit.setObjectName("sendEdit")
        self.send_edit.setPlaceholderText(self.tr("Text to send — press Enter"))
        self.ending_combo = QComboBox()
        for key, label in (
            ("none", self.tr("No line ending")),
            ("lf", "LF \\n"),
            ("crlf", "CRLF \\r\\n"),
            ("cr", "CR \\r"),
        ):
            self.ending_combo.addItem(label, key)
        self.ending_combo.setCurrentIndex(1)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setObjectName("sendButton")
        send = QHBoxLayout()
        send.addWidget(self.send_edit, 1)
        send.addWidget(self.ending_combo)
        send.addWidget(self.send_button)

        layout = QVBoxLayout(self)
        layout.addLayout(target)
        layout.addWidget(self.banner)
        layout.addWidget(self.log_view, 1)
        layout.addLayout(tools)
        layout.addLayout(send)

    def _connect_signals(self) -> None:
        queued = Qt.ConnectionType.QueuedConnection
        self.bridge.connected.connect(self._on_connected, queued)
        self.bridge.connect_failed.connect(self._on_connect_failed, queued)
        self.bridge.closed.connect(self._on_closed, queued)
        self.bridge.records_received.connect(self._on_batch, queued)
        self.bridge.error_occurred.connect(self._on_error, queued)
        self.connect_button.clicked.connect(self.toggle_connection)
        self.host_edit.returnPressed.connect(self.toggle_connection)
        self.send_edit.returnPressed.connect(self.send_current)
        self.send_button.clicked.connect(self.send_current)
        self.clear_button.clicked.connect(self.model.clear)

    # -- actions ----------------------------------------------------------------------------------
    @Slot()
    def toggle_connection(self) -> None:
        """Connect when idle; disconnect (or cancel) otherwise."""
        if self.state == self.IDLE:
            host = self.host_edit.text().strip()
            if not host:
                self.banner.show_message(self.tr("Enter a host name or address to connect to."))
                self.host_edit.setFocus()
                return
            port = self.port_spin.value()
            self.settings.set(Settings.TCP_CLIENT_HOST, host)
            self.settings.set(Settings.TCP_CLIENT_PORT, port)
            self.settings.set(Settings.TCP_CLIENT_TIMEOUT, self.timeout_spin.value())
            self.banner.hide()
            self._set_state(
                self.CONNECTING,
                self.tr("Connecting to {host}:{port}…").format(host=host, port=port),
            )
            self.bridge.connect_to(host, port, self.timeout_spin.value())
        else:
            self.bridge.close_connection()

    @Slot()
    def send_current(self) -> None:
        """Send the send box's text with the chosen line ending."""
        if self.state != self.CONNECTED:
            self.banner.show_message(self.tr("Connect first: there is no open connection."))
            return
        ending = _LINE_ENDINGS[self.ending_combo.currentData()]
        data = self.send_edit.text().encode("utf-8") + ending
        if not data:
            return
        self.bridge.send(data)
        self.send_edit.selectAll()

    # -- bridge signals ----------------------------------------------------------------------------
    @Slot(str, str)
    def _on_connected(self, local: str, peer: str) -> None:
        self.peer = peer
        self._info(self.tr("Connected to {peer} from {local}").format(peer=peer, local=local))
        self._set_state(self.CONNECTED, self.tr("Connected to {peer}").format(peer=peer))
        self.send_edit.setFocus()

    @Slot(str)
    def _on_connect_failed(self, message: str) -> None:
        self.banner.show_message(message)
        self._info(message)
        self._set_state(self.IDLE, self.tr("Not connected"))

    @Slot(str)
    def _on_closed(self, reason: str) -> None:
        self._info(reason)
        self._set_state(self.IDLE, reason)

    @Slot(object)
    def _on_batch(self, batch: RecordBatch) -> None:
        self.model.append_records(batch.records)
        self.counters_changed.emit(batch.bytes_in, batch.bytes_out)
        if self.follow_check.isChecked():
            self.log_view.scrollToBottom()
        self.bridge.batch_consumed()

    @Slot(str)
    def _on_error(self, message: str) -> None:
        self.banner.show_message(message)

    # -- helpers -----------------------------------------------------------------------------------
    def _info(self, text: str) -> None:
        self.model.append_records(
            [Record(time.time_ns(), Direction.INFO, self.peer, text.encode("utf-8"))]
        )
        if self.follow_check.isChecked():
            self.log_view.scrollToBottom()

    def _set_state(self, state: int, status: str = "") -> None:
        self.state = state
        idle = state == self.IDLE
        self.connect_button.setText(
            {
                self.IDLE: self.tr("Connect"),
                self.CONNECTING: self.tr("Cancel"),
                self.CONNECTED: self.tr("Disconnect"),
            }[state]
        )
        for widget in (self.host_edit, self.port_spin, self.timeout_spin):
            widget.setEnabled(idle)
        self.send_button.setEnabled(state == self.CONNECTED)
        self.state_label.setText(status or self.tr("Not connected"))
        self.status_changed.emit(self.state_label.text())
