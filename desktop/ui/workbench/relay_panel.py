"""Relay session: listen, forward every client to a target, one timeline, inject either way."""

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
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from desktop.core.capture.pcapng import Endpoints, tcp_endpoints
from desktop.core.net.relay import RelaySide
from desktop.core.net.tls import TlsClientOptions, TlsServerOptions, TlsSessionInfo
from desktop.core.sentence import Sentence
from desktop.settings import Settings
from desktop.ui.sentences import say
from desktop.ui.widgets.certificate_view import CertificateDialog
from desktop.ui.widgets.saved_messages import SavedMessages
from desktop.ui.workbench.listening_panel import ListeningPanel
from desktop.ui.workbench.session_panel import split_address
from desktop.ui.workbench.table_fit import fit_columns
from desktop.workers.relay_bridge import RelayBridge, RelayOptions, pair_labels
from desktop.workers.task_runner import TaskRunner

__all__ = ["RelayPanel"]

_ID, _CLIENT, _TARGET, _STATE = range(4)


# Target TLS sessions kept for the Target certificate… button: a relay may see thousands of
# pairs, and a session holds every certificate; the latest ones are what a user looks at.
_KEPT_SESSIONS = 64


class RelayPanel(ListeningPanel):
    """One relay session over a ``RelayBridge`` (the man-in-the-middle view)."""

    def __init__(
        self,
        bridge: RelayBridge,
        settings: Settings,
        runner: TaskRunner,
        parent: QWidget | None = None,
        library: SavedMessages | None = None,
    ) -> None:
        super().__init__(bridge, settings, runner, parent, library)
        self.relay = bridge
        self.send_box.file_button.hide()
        self._build()
        self._connect_signals()
        self.show_idle()
        self._pcapng_pairs: dict[str, Endpoints] = {}  # log label → client ⇄ target, for pcapng
        self.relay.pair_opened.connect(self._remember_pair, Qt.ConnectionType.QueuedConnection)

    def _build(self) -> None:
        self.listen_edit = QLineEdit()
        self.listen_edit.setPlaceholderText(self.tr("all addresses"))
        self.listen_spin = QSpinBox()
        self.listen_spin.setRange(0, 65535)
        self.listen_spin.setValue(9000)
        self.listen_spin.setSpecialValueText(self.tr("any free"))
        self.target_edit = QLineEdit("127.0.0.1")
        self.target_spin = QSpinBox()
        self.target_spin.setRange(1, 65535)
        self.target_spin.setValue(80)
        self.target_tls_check = QCheckBox(self.tr("TLS to target"))
        self.verify_check = QCheckBox(self.tr("verify"))
        self.listen_tls_check = QCheckBox(self.tr("TLS to clients (self-signed)"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Listen")))
        row.addWidget(self.listen_edit, 1)
        row.addWidget(self.listen_spin)
        row.addWidget(QLabel(self.tr("→ Target")))
        row.addWidget(self.target_edit, 2)
        row.addWidget(self.target_spin)
        row.addWidget(self.target_tls_check)
        row.addWidget(self.verify_check)
        row.addWidget(self.listen_tls_check)
        row.addWidget(self.start_button)
        self.controls.addLayout(row)
        self.controls.addWidget(self.state_label)

        self.pairs = QTableWidget(0, 4)
        self.pairs.setObjectName("pairTable")
        self.pairs.setHorizontalHeaderLabels(
            [self.tr("#"), self.tr("Client"), self.tr("Target"), self.tr("State")]
        )
        fit_columns(
            self.pairs,
            {_ID: "999", _CLIENT: "127.0.0.1:65535", _TARGET: "127.0.0.1:65535", _STATE: "closed"},
            stretch=(_CLIENT, _TARGET),
        )
        self.pairs.verticalHeader().setVisible(False)
        self.pairs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pairs.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.side_combo = QComboBox()
        self.side_combo.addItem(self.tr("Inject toward the target"), RelaySide.TARGET)
        self.side_combo.addItem(self.tr("Inject toward the client"), RelaySide.CLIENT)
        self.close_button = QPushButton(self.tr("Close pair"))
        self.target_cert_button = QPushButton(self.tr("Target certificate…"))
        self.target_cert_button.setEnabled(False)
        # The target's TLS session per pair (the whole chain it sent, the outcome).
        self.target_sessions: dict[int, TlsSessionInfo] = {}
        self.add_side_pane(self.pairs, self.side_combo, self.close_button, self.target_cert_button)
        self.body.setStretchFactor(0, 0)  # the table as wide as its columns, the log the rest
        self.body.setStretchFactor(1, 1)

    def _connect_signals(self) -> None:
        queued = Qt.ConnectionType.QueuedConnection
        self.relay.pair_opened.connect(self._on_pair_opened, queued)
        self.relay.pair_failed.connect(self._on_pair_failed, queued)
        self.relay.pair_closed.connect(self._on_pair_closed, queued)
        self.relay.target_tls_established.connect(self._on_target_tls, queued)
        self.target_cert_button.clicked.connect(self.show_target_certificate)
        self.send_box.send_requested.connect(self._inject)
        self.close_button.clicked.connect(self._close_selected)

    # -- actions ----------------------------------------------------------------------------------
    def options(self) -> RelayOptions | None:
        """The relay options as entered, or None after saying what is missing."""
        if not self.target_edit.text().strip():
            self.show_error(self.tr("Enter the target host to forward to."))
            return None
        target_tls = (
            TlsClientOptions(verify=self.verify_check.isChecked())
            if self.target_tls_check.isChecked()
            else None
        )
        listen_tls = TlsServerOptions() if self.listen_tls_check.isChecked() else None
        return RelayOptions(
            self.listen_edit.text().strip(),
            self.listen_spin.value(),
            self.target_edit.text().strip(),
            self.target_spin.value(),
            target_tls=target_tls,
            listen_tls=listen_tls,
        )

    def setting_widgets(self) -> list[QWidget]:
        return [
            self.listen_edit,
            self.listen_spin,
            self.target_edit,
            self.target_spin,
            self.target_tls_check,
            self.verify_check,
            self.listen_tls_check,
        ]

    def selected_pairs(self) -> list[int]:
        """Ids of the pairs selected in the table."""
        rows = sorted({index.row() for index in self.pairs.selectedIndexes()})
        return [int(item.text()) for row in rows if (item := self.pairs.item(row, _ID))]

    @Slot(bytes)
    def _inject(self, data: bytes) -> None:
        if not self.running:
            self.show_error(self.tr("Start the relay first."))
            return
        self.relay.inject(data, self.side_combo.currentData(), self.selected_pairs() or None)

    @Slot()
    def _close_selected(self) -> None:
        for pair_id in self.selected_pairs():
            self.relay.close_pair(pair_id)

    def pcapng_endpoints(self) -> dict[str, Endpoints]:
        """Every pair seen so far as one TCP stream, client ⇄ target: bytes toward the target
        (and injected toward it) go client → target, the rest target → client."""
        return dict(self._pcapng_pairs)

    @Slot(int, str, str)
    def _remember_pair(self, pair_id: int, client: str, target: str) -> None:
        endpoints = tcp_endpoints(client, target)
        for label in pair_labels(pair_id, client, target):
            self._pcapng_pairs[label] = endpoints

    # -- bridge signals ---------------------------------------------------------------------------
    def on_started(self, addresses: list[str]) -> None:
        target = f"{self.target_edit.text().strip()}:{self.target_spin.value()}"
        self.title_changed.emit(
            self.tr("Relay :{port} → {target}").format(
                port=split_address(addresses[0])[1], target=target
            )
        )

    def on_idle(self) -> None:
        self.pairs.setRowCount(0)

    def _row_of(self, pair_id: int) -> int:
        for row in range(self.pairs.rowCount()):
            item = self.pairs.item(row, _ID)
            if item is not None and item.text() == str(pair_id):
                return row
        return -1

    @Slot(int, str, str)
    def _on_pair_opened(self, pair_id: int, client: str, target: str) -> None:
        row = self.pairs.rowCount()
        self.pairs.insertRow(row)
        for column, text in (
            (_ID, str(pair_id)),
            (_CLIENT, client),
            (_TARGET, target),
            (_STATE, self.tr("open")),
        ):
            self.pairs.setItem(row, column, QTableWidgetItem(text))

    @Slot(int, object)
    def _on_target_tls(self, pair_id: int, session: TlsSessionInfo) -> None:
        self.target_sessions[pair_id] = session
        if len(self.target_sessions) > _KEPT_SESSIONS:
            del self.target_sessions[next(iter(self.target_sessions))]
        self.target_cert_button.setEnabled(True)
        self.info(
            self.tr(
                "Pair {pair}: target TLS {version}, {count} certificates sent. {outcome}"
            ).format(
                pair=pair_id,
                version=session.version,
                count=len(session.peer_chain),
                outcome=say(session.outcome),
            )
        )

    @Slot()
    def show_target_certificate(self) -> None:
        """The target's TLS session of the selected pair (or of the latest one)."""
        chosen = [p for p in self.selected_pairs() if p in self.target_sessions]
        pair_id = chosen[0] if chosen else max(self.target_sessions, default=None)
        if pair_id is not None:
            CertificateDialog(self.target_sessions[pair_id], self).show()

    @Slot(int, str, object)
    def _on_pair_failed(self, pair_id: int, client: str, reason: Sentence) -> None:
        self.show_error(reason)

    @Slot(int, object)
    def _on_pair_closed(self, pair_id: int, reason: Sentence) -> None:
        row = self._row_of(pair_id)
        if row >= 0:
            self.pairs.removeRow(row)
