"""The peer table of a UDP session: one row per address heard from or sent to."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt

from desktop.core.net.udp_peers import PeerSnapshot
from desktop.core.units import format_bytes
from desktop.ui.widgets.list_table_model import ListTableModel

__all__ = ["PeerTableModel"]

_Index = QModelIndex | QPersistentModelIndex


class PeerTableModel(ListTableModel):
    """Columns: address, datagrams in, bytes in, datagrams out, bytes out, last seen.

    Bounded by what the bridge sends (at most 1,000 rows of a table that keeps 4,096 peers).
    """

    ADDRESS, DGRAMS_IN, BYTES_IN, DGRAMS_OUT, BYTES_OUT, LAST_SEEN = range(6)
    CONTEXT = "PeerTableModel"
    COLUMNS = (
        QT_TRANSLATE_NOOP("PeerTableModel", "Peer"),
        QT_TRANSLATE_NOOP("PeerTableModel", "Dgrams in"),
        QT_TRANSLATE_NOOP("PeerTableModel", "In"),
        QT_TRANSLATE_NOOP("PeerTableModel", "Dgrams out"),
        QT_TRANSLATE_NOOP("PeerTableModel", "Out"),
        QT_TRANSLATE_NOOP("PeerTableModel", "Last seen"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.peers: list[PeerSnapshot] = []

    def _items(self) -> Sequence[PeerSnapshot]:
        return self.peers

    def set_peers(self, peers: Sequence[PeerSnapshot]) -> None:
        """Take the bridge's rows; a peer keeps its row (only new peers are added at the end),
        so a selection stays put while peers take turns at being the most recent."""
        by_address = {p.address: p for p in peers}
        if by_address.keys() == {p.address for p in self.peers}:
            self.peers = [by_address[p.address] for p in self.peers]
            if self.peers:
                last = self.index(len(self.peers) - 1, self.LAST_SEEN)
                self.dataChanged.emit(self.index(0, self.DGRAMS_IN), last)
            return
        kept = [by_address.pop(p.address) for p in self.peers if p.address in by_address]
        self.beginResetModel()
        self.peers = kept + [p for p in peers if p.address in by_address]
        self.endResetModel()

    def peer_at(self, row: int) -> PeerSnapshot | None:
        """The peer shown on ``row``."""
        return self.peers[row] if 0 <= row < len(self.peers) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.peers):
            return None
        peer = self.peers[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(peer, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() != self.ADDRESS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return peer.address
        return None

    def _text(self, peer: PeerSnapshot, column: int) -> str | None:
        if column == self.ADDRESS:
            return peer.address
        if column == self.DGRAMS_IN:
            return str(peer.datagrams_in)
        if column == self.BYTES_IN:
            return format_bytes(peer.bytes_in)
        if column == self.DGRAMS_OUT:
            return str(peer.datagrams_out)
        if column == self.BYTES_OUT:
            return format_bytes(peer.bytes_out)
        if column == self.LAST_SEEN:
            return _dt.datetime.fromtimestamp(peer.last_seen).strftime("%H:%M:%S")
        return None
