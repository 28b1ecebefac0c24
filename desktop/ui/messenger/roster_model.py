"""The roster: one row per peer on the network, kept sorted by group, then name.

Rows are found by bisecting the sorted order keys (each peer's key is remembered), so joining,
updating or leaving costs O(log n) comparisons plus one list shift, whatever the list's size:
a LAN of thousands answering one BR_ENTRY within seconds never rebuilds or rescans the list.
"""

from __future__ import annotations

import bisect
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.core.ipmsg.events import Peer, PeerKey, format_address

__all__ = ["RosterModel"]

_Index = QModelIndex | QPersistentModelIndex
_Order = tuple[str, str, PeerKey]


def _order(peer: Peer) -> _Order:
    """Peers of one group sit together (the ungrouped last), by name within it."""
    return (peer.group.casefold() or "\uffff", peer.name.casefold(), peer.key)


class RosterModel(QAbstractTableModel):
    """Columns: nickname, group, user@host, address, client, encoding, status, unread.

    ``Qt.UserRole`` on any column gives the row's ``PeerKey``.
    """

    NAME, GROUP, USER, ADDRESS, CLIENT, ENCODING, STATUS, UNREAD = range(8)
    _COLUMNS = 8

    def __init__(self) -> None:
        super().__init__()
        self._peers: list[Peer] = []
        self._orders: list[_Order] = []  # _order(peer) of every row, sorted like the rows
        self._order_of: dict[PeerKey, _Order] = {}
        self._unread: dict[PeerKey, int] = {}
        self._headers = (
            self.tr("Nickname"),
            self.tr("Group"),
            self.tr("User@host"),
            self.tr("Address"),
            self.tr("Client"),
            self.tr("Encoding"),
            self.tr("Status"),
            self.tr("Unread"),
        )

    # -- changes -----------------------------------------------------------------------------------
    def upsert(self, peer: Peer) -> None:
        """Add a peer, or update the one with the same key (moving it if its place changed)."""
        order = _order(peer)
        row = self.row_of(peer.key)
        if row is not None:
            if self._orders[row] == order:
                self._peers[row] = peer
                self.dataChanged.emit(self.index(row, 0), self.index(row, self._COLUMNS - 1))
                return
            self.remove(peer.key, keep_unread=True)
        at = bisect.bisect_left(self._orders, order)
        self.beginInsertRows(QModelIndex(), at, at)
        self._peers.insert(at, peer)
        self._orders.insert(at, order)
        self._order_of[peer.key] = order
        self.endInsertRows()

    def remove(self, key: PeerKey, keep_unread: bool = False) -> None:
        """Drop a peer's row (no-op for an unknown key)."""
        row = self.row_of(key)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._peers[row]
        del self._orders[row]
        del self._order_of[key]
        self.endRemoveRows()
        if not keep_unread:
            self._unread.pop(key, None)

    def clear(self) -> None:
        """No peers (the node stopped)."""
        self.beginResetModel()
        self._peers = []
        self._orders = []
        self._order_of = {}
        self._unread = {}
        self.endResetModel()

    def add_unread(self, key: PeerKey) -> None:
        """One more unread message from ``key``."""
        self._unread[key] = self._unread.get(key, 0) + 1
        self._repaint_unread(key)

    def clear_unread(self, key: PeerKey) -> None:
        """The user read ``key``'s conversation."""
        if self._unread.pop(key, 0):
            self._repaint_unread(key)

    # -- queries -----------------------------------------------------------------------------------
    def unread(self, key: PeerKey) -> int:
        """How many messages from ``key`` are unread."""
        return self._unread.get(key, 0)

    def row_of(self, key: PeerKey) -> int | None:
        """The row showing ``key``, or None."""
        order = self._order_of.get(key)
        if order is None:
            return None
        return bisect.bisect_left(self._orders, order)  # orders are unique: they end in the key

    def peer_at(self, row: int) -> Peer | None:
        """The peer on ``row``."""
        return self._peers[row] if 0 <= row < len(self._peers) else None

    def peer(self, key: PeerKey) -> Peer | None:
        """The peer with ``key``, if listed."""
        row = self.row_of(key)
        return None if row is None else self._peers[row]

    # -- Qt model ----------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._peers)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < self._COLUMNS
        ):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._peers):
            return None
        peer = self._peers[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return peer.key
        if role == Qt.ItemDataRole.ToolTipRole:
            return peer.label
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.NAME:
            unread = self._unread.get(peer.key, 0)
            return f"{peer.name} ({unread})" if unread else peer.name
        if column == self.GROUP:
            return peer.group
        if column == self.USER:
            return peer.user_at_host
        if column == self.ADDRESS:
            return format_address(peer.address)
        if column == self.CLIENT:
            # The protocol version "1" says nothing the client name does not; FeiQ's does.
            plain = peer.version in ("", "1") or peer.version in peer.client
            return peer.client if plain else f"{peer.client} ({peer.version})"
        if column == self.ENCODING:
            return peer.encoding
        if column == self.STATUS:
            return self.tr("online") if not peer.absent else peer.status
        if column == self.UNREAD:
            unread = self._unread.get(peer.key, 0)
            return str(unread) if unread else ""
        return None

    def _repaint_unread(self, key: PeerKey) -> None:
        row = self.row_of(key)
        if row is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self._COLUMNS - 1))
