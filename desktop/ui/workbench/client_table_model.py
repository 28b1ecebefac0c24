"""The connection table of a server session: one row per connected client."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.core.net.tcp_server import ClientInfo, ClientState
from desktop.core.units import format_bytes

__all__ = ["ClientTableModel"]

_Index = QModelIndex | QPersistentModelIndex


class ClientTableModel(QAbstractTableModel):
    """Columns: id, peer, connected since, bytes in, bytes out, state."""

    ID, PEER, SINCE, IN, OUT, STATE = range(6)

    def __init__(self) -> None:
        super().__init__()
        self.clients: list[ClientInfo] = []
        self._headers = (
            self.tr("#"),
            self.tr("Client"),
            self.tr("Since"),
            self.tr("In"),
            self.tr("Out"),
            self.tr("State"),
        )
        # The engine's state words, in the interface language.
        self._states = {
            ClientState.HANDSHAKE: self.tr("TLS handshake"),
            ClientState.CONNECTED: self.tr("connected"),
        }

    def set_clients(self, clients: Sequence[ClientInfo]) -> None:
        """Replace the rows: same ids in the same order only repaint, otherwise reset."""
        new = list(clients)
        if [c.client_id for c in new] == [c.client_id for c in self.clients]:
            self.clients = new
            if new:
                self.dataChanged.emit(self.index(0, self.IN), self.index(len(new) - 1, self.STATE))
            return
        self.beginResetModel()
        self.clients = new
        self.endResetModel()

    def client_at(self, row: int) -> ClientInfo | None:
        """The client shown on ``row``."""
        return self.clients[row] if 0 <= row < len(self.clients) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.clients)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 6
        ):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.clients):
            return None
        client = self.clients[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == self.ID:
                return str(client.client_id)
            if column == self.PEER:
                return client.peer
            if column == self.SINCE:
                return _dt.datetime.fromtimestamp(client.since_ns / 1e9).strftime("%H:%M:%S")
            if column == self.IN:
                return format_bytes(client.bytes_in)
            if column == self.OUT:
                return format_bytes(client.bytes_out)
            if column == self.STATE:
                return self._states.get(client.state, client.state)
        if role == Qt.ItemDataRole.UserRole:
            return client.client_id
        return None
