"""The peer table of a UDP session with its actions: reply, send to all, target, log filter."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.net.udp_peers import PeerSnapshot
from desktop.ui.workbench.table_fit import fit_columns
from desktop.ui.workbench.udp_peer_model import PeerTableModel

__all__ = ["PeerPane"]


class PeerPane(QWidget):
    """The peers heard from or sent to, and what to do with the selected ones.

    Signals:
        reply_requested(): send the send box's data to the selected peers.
        send_all_requested(): send it to every peer seen.
        target_requested(): make the selected peer the target.
        filter_changed(object): the peer whose log lines alone to show (``host:port``), or None.
    """

    reply_requested = Signal()
    send_all_requested = Signal()
    target_requested = Signal()
    filter_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PeerTableModel()
        self._filter: str | None = None
        self.view = QTableView()
        self.view.setObjectName("peerTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        fit_columns(
            self.view,
            {
                PeerTableModel.ADDRESS: "127.0.0.1:65535",
                PeerTableModel.DGRAMS_IN: "99999",
                PeerTableModel.BYTES_IN: "99.9 KiB",
                PeerTableModel.DGRAMS_OUT: "99999",
                PeerTableModel.BYTES_OUT: "99.9 KiB",
                PeerTableModel.LAST_SEEN: "00:00:00",
            },
            stretch=(PeerTableModel.ADDRESS,),
        )
        self.count_label = QLabel()
        self.reply_button = QPushButton(self.tr("Reply to selected"))
        self.reply_button.setObjectName("replyButton")
        self.all_button = QPushButton(self.tr("Send to all seen"))
        self.all_button.setObjectName("sendAllButton")
        self.target_button = QPushButton(self.tr("Send to it"))
        self.target_button.setToolTip(
            self.tr("Make the selected peer the target (or double-click it)")
        )
        self.only_selected_check = QCheckBox(self.tr("Log of the selected peer only"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.reply_button)
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.target_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.only_selected_check)
        self.reply_button.clicked.connect(self.reply_requested)
        self.all_button.clicked.connect(self.send_all_requested)
        self.target_button.clicked.connect(self.target_requested)
        self.only_selected_check.toggled.connect(self._filter_changed)
        self.view.selectionModel().selectionChanged.connect(self._filter_changed)
        self.set_peers([])

    def set_peers(self, peers: list[PeerSnapshot]) -> None:
        """Show the bridge's latest rows (the selection follows its peer when rows move)."""
        chosen = {p.address for p in self.selected()}
        self.model.set_peers(peers)
        if chosen and not self.selected():  # the model was reset: select the same peers again
            selection = self.view.selectionModel()
            flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
            for row, peer in enumerate(self.model.peers):
                if peer.address in chosen:
                    selection.select(self.model.index(row, 0), flags)
        self.count_label.setText(self.tr("%n peer(s) seen", "", len(peers)))

    def selected(self) -> list[PeerSnapshot]:
        """The peers selected in the table."""
        rows = {index.row() for index in self.view.selectionModel().selectedRows()}
        return [p for row in sorted(rows) if (p := self.model.peer_at(row)) is not None]

    @Slot()
    def _filter_changed(self) -> None:
        chosen = self.selected()
        peer = chosen[0].address if self.only_selected_check.isChecked() and chosen else None
        if peer != self._filter:
            self._filter = peer
            self.filter_changed.emit(peer)
