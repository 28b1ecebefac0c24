"""TCP client session: target, TLS, local bind, reconnect; log, send box, file, periodic."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.core.capture.pcapng import Endpoints, tcp_endpoints
from desktop.core.net.tls import TlsClientOptions, TlsSessionInfo
from desktop.core.sentence import Sentence
from desktop.core.session.lifecycle import Phase, SessionStatus, connecting_status
from desktop.settings import Settings
from desktop.ui.sentences import Said, say
from desktop.ui.widgets.certificate_view import CertificateDialog
from desktop.ui.widgets.saved_messages import SavedMessages
from desktop.ui.workbench.session_panel import SessionPanel
from desktop.ui.workbench.tls_client_dialog import TlsClientDialog
from desktop.workers.task_runner import TaskRunner
from desktop.workers.tcp_client_bridge import ClientOptions, TcpClientBridge

__all__ = ["TcpClientPanel"]


class TcpClientPanel(SessionPanel):
    """One TCP client session over a ``TcpClientBridge``."""

    IDLE, CONNECTING, CONNECTED, WAITING = Phase.IDLE, Phase.STARTING, Phase.RUNNING, Phase.WAITING

    def __init__(
        self,
        bridge: TcpClientBridge,
        settings: Settings,
        runner: TaskRunner,
        parent: QWidget | None = None,
        library: SavedMessages | None = None,
    ) -> None:
        super().__init__(bridge, settings, runner, parent, library)
        self.client = bridge
        self.local = ""
        self.tls_options = TlsClientOptions(verify=False)
        self.tls_info: TlsSessionInfo | None = None
        self._build()
        self._connect_signals()
        self.show_idle()

    @property
    def state(self) -> Phase:
        """Idle, connecting, connected or waiting to reconnect."""
        return self.phase

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
        self.tls_check = QCheckBox("TLS")
        self.tls_button = QPushButton(self.tr("TLS options…"))
        self.cert_button = QPushButton(self.tr("Certificate…"))
        self.cert_button.setEnabled(False)
        self.connect_button = QPushButton()
        self.connect_button.setObjectName("connectButton")
        self.local_edit = QLineEdit()
        self.local_edit.setPlaceholderText(self.tr("any"))
        self.local_edit.setMaximumWidth(160)
        self.local_port_spin = QSpinBox()
        self.local_port_spin.setRange(0, 65535)
        self.local_port_spin.setSpecialValueText(self.tr("any"))
        self.reconnect_check = QCheckBox(self.tr("Reconnect automatically"))

        target = QHBoxLayout()
        target.addWidget(QLabel(self.tr("Host")))
        target.addWidget(self.host_edit, 3)
        target.addWidget(QLabel(self.tr("Port")))
        target.addWidget(self.port_spin)
        target.addWidget(QLabel(self.tr("Timeout")))
        target.addWidget(self.timeout_spin)
        target.addWidget(self.tls_check)
        target.addWidget(self.tls_button)
        target.addWidget(self.connect_button)
        extra = QHBoxLayout()
        extra.addWidget(QLabel(self.tr("Local address")))
        extra.addWidget(self.local_edit)
        extra.addWidget(QLabel(self.tr("Local port")))
        extra.addWidget(self.local_port_spin)
        extra.addWidget(self.reconnect_check)
        extra.addWidget(self.cert_button)
        extra.addWidget(self.state_label, 1)
        self.controls.addLayout(target)
        self.controls.addLayout(extra)

    def _connect_signals(self) -> None:
        queued = Qt.ConnectionType.QueuedConnection
        self.client.started.connect(self._on_connected, queued)
        self.client.start_failed.connect(self._on_connect_failed, queued)
        self.client.stopped.connect(self._on_closed, queued)
        self.client.reconnecting.connect(self._on_reconnecting, queued)
        self.client.tls_established.connect(self._on_tls, queued)
        self.client.file_progress.connect(self.send_box.set_file_progress, queued)
        self.connect_button.clicked.connect(self.toggle_connection)
        self.host_edit.returnPressed.connect(self.toggle_connection)
        self.send_box.send_requested.connect(self._send)
        self.send_box.file_requested.connect(self.client.send_file)
        self.send_box.file_cancel_requested.connect(self.client.cancel_file)
        self.tls_button.clicked.connect(self._edit_tls)
        self.cert_button.clicked.connect(self.show_certificate)

    # -- actions ----------------------------------------------------------------------------------
    def options(self) -> ClientOptions | None:
        """The connection options as entered, or None after saying what is missing."""
        host = self.host_edit.text().strip()
        if not host:
            self.show_error(self.tr("Enter a host name or address to connect to."))
            self.host_edit.setFocus()
            return None
        return ClientOptions(
            self.host_edit.text().strip(),
            self.port_spin.value(),
            self.timeout_spin.value(),
            self.local_edit.text().strip(),
            self.local_port_spin.value(),
            self.tls_options if self.tls_check.isChecked() else None,
            self.reconnect_check.isChecked(),
        )

    @Slot()
    def toggle_connection(self) -> None:
        """Connect when idle; disconnect (or cancel, or stop reconnecting) otherwise."""
        self.toggle()

    def start_session(self, options: object | None) -> None:
        if not isinstance(options, ClientOptions):
            return
        self.settings.set(Settings.TCP_CLIENT_HOST, options.host)
        self.settings.set(Settings.TCP_CLIENT_PORT, options.port)
        self.settings.set(Settings.TCP_CLIENT_TIMEOUT, options.timeout)
        self.tls_info = None
        self.cert_button.setEnabled(False)
        # Until connected, the session's events (a failure, a timeout) belong to the address
        # being tried, never to the previous connection's peer.
        host = f"[{options.host}]" if ":" in options.host else options.host
        self.peer, self.local = f"{host}:{options.port}", ""
        self.title_changed.emit(self.peer)
        super().start_session(options)

    def starting(self, options: object) -> SessionStatus:
        assert isinstance(options, ClientOptions)
        return connecting_status(options.host, options.port)

    @Slot(bytes)
    def _send(self, data: bytes) -> None:
        if self.state != self.CONNECTED:
            self.show_error(self.tr("Connect first: there is no open connection."))
            return
        self.client.send(data)

    @Slot()
    def _edit_tls(self) -> None:
        dialog = TlsClientDialog(self.tls_options, self)
        if dialog.exec():
            self.tls_options = dialog.options()
            self.tls_check.setChecked(True)

    @Slot()
    def show_certificate(self) -> None:
        """Show the TLS session and the server's certificates."""
        if self.tls_info is not None:
            CertificateDialog(self.tls_info, self).show()

    def pcapng_endpoints(self) -> dict[str, Endpoints]:
        """The connection to the current peer (its records are labelled with its address)."""
        if not self.local or not self.peer:
            return {}
        return {self.peer: tcp_endpoints(self.local, self.peer)}

    # -- bridge signals ---------------------------------------------------------------------------
    @Slot(list)
    def _on_connected(self, addresses: list[str]) -> None:
        local, peer = addresses
        self.peer, self.local = peer, local
        self.info(self.tr("Connected to {peer} from {local}").format(peer=peer, local=local))
        self.send_box.editor.setFocus()

    @Slot(object)
    def _on_connect_failed(self, error: Said) -> None:
        self.info(say(error))  # the base shows it in the banner

    @Slot(object)
    def _on_closed(self, reason: Sentence) -> None:
        self.info(reason)

    @Slot(object)
    def _on_reconnecting(self, why: Sentence) -> None:
        self.info(why)

    @Slot(object)
    def _on_tls(self, info: TlsSessionInfo) -> None:
        """The session (also of a server whose certificate failed a required check): the
        whole chain it sent is behind the Certificate… button, the outcome in the log."""
        self.tls_info = info
        self.cert_button.setEnabled(True)
        self.cert_button.setToolTip(say(info.outcome))
        leaf = info.peer_chain[0].subject if info.peer_chain else "—"
        self.info(
            self.tr(
                "TLS {version}, {cipher}: {count} certificates sent (leaf {leaf}). {outcome}"
            ).format(
                version=info.version,
                cipher=info.cipher,
                count=len(info.peer_chain),
                leaf=leaf,
                outcome=say(info.outcome),
            )
        )

    def apply_phase(self, phase: Phase) -> None:
        idle = phase is Phase.IDLE
        self.connect_button.setText(
            {
                self.IDLE: self.tr("Connect"),
                self.CONNECTING: self.tr("Cancel"),
                self.CONNECTED: self.tr("Disconnect"),
                self.WAITING: self.tr("Stop"),
            }[phase]
        )
        for widget in (
            self.host_edit,
            self.port_spin,
            self.timeout_spin,
            self.tls_check,
            self.tls_button,
            self.local_edit,
            self.local_port_spin,
            self.reconnect_check,
        ):
            widget.setEnabled(idle)
        self.send_box.send_button.setEnabled(phase is Phase.RUNNING)
