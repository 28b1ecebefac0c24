"""The recent conversations: listed until the user closes them, whether the peer is online or not.

A message from someone who has since signed off must still be readable: the roster lists who is
on the network now, this lists who the user has been talking to, newest first, with unread
counts, and greys the peers who are not online.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QListView, QMenu, QWidget

from desktop.core.ipmsg.events import PeerKey

__all__ = ["ConversationList", "ConversationListModel"]

_Index = QModelIndex | QPersistentModelIndex

_PREVIEW = 60  # characters of the last message shown under the name


@dataclass(slots=True)
class _Item:
    key: PeerKey
    name: str
    online: bool
    unread: int
    when: _dt.datetime
    preview: str


class ConversationListModel(QAbstractListModel):
    """One row per conversation, the latest first.

    Roles: ``KeyRole`` the ``PeerKey``; ``OnlineRole`` whether the peer is online now;
    ``UnreadRole`` its unread messages. Offline peers are drawn in the disabled text colour.
    """

    KeyRole = Qt.ItemDataRole.UserRole
    OnlineRole = Qt.ItemDataRole.UserRole + 1
    UnreadRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self) -> None:
        super().__init__()
        self._items: list[_Item] = []

    # -- changes -----------------------------------------------------------------------------------
    def touch(
        self, key: PeerKey, name: str, when: _dt.datetime, preview: str, online: bool
    ) -> None:
        """A message to or from ``key``: its conversation goes first (listed if it was not)."""
        preview = " ".join(preview.split())[:_PREVIEW]
        row = self.row_of(key)
        if row is None:
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._items.insert(0, _Item(key, name, online, 0, when, preview))
            self.endInsertRows()
            return
        item = self._items[row]
        item.name, item.when, item.preview, item.online = name or item.name, when, preview, online
        if row > 0:
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), 0)
            self._items.insert(0, self._items.pop(row))
            self.endMoveRows()
        self._changed(0)

    def set_online(self, key: PeerKey, online: bool, name: str = "") -> None:
        """``key`` joined (or changed its name) or left."""
        row = self.row_of(key)
        if row is not None:
            self._items[row].online = online
            self._items[row].name = name or self._items[row].name
            self._changed(row)

    def set_all_offline(self) -> None:
        """The messenger stopped: nobody is known to be online."""
        for row, item in enumerate(self._items):
            if item.online:
                item.online = False
                self._changed(row)

    def set_unread(self, key: PeerKey, unread: int) -> None:
        """``key``'s conversation has ``unread`` unread messages."""
        row = self.row_of(key)
        if row is not None and self._items[row].unread != unread:
            self._items[row].unread = unread
            self._changed(row)

    def remove(self, key: PeerKey) -> None:
        """The user closed ``key``'s conversation."""
        row = self.row_of(key)
        if row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._items[row]
            self.endRemoveRows()

    # -- queries -----------------------------------------------------------------------------------
    def row_of(self, key: PeerKey) -> int | None:
        """The row of ``key``'s conversation, or None (a handful of rows: a scan is enough)."""
        for row, item in enumerate(self._items):
            if item.key == key:
                return row
        return None

    def key_at(self, row: int) -> PeerKey | None:
        """The conversation on ``row``."""
        return self._items[row].key if 0 <= row < len(self._items) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            name = f"{item.name} ({item.unread})" if item.unread else item.name
            return f"{name}\n{item.preview}" if item.preview else name
        if role == self.KeyRole:
            return item.key
        if role == self.OnlineRole:
            return item.online
        if role == self.UnreadRole:
            return item.unread
        if role == Qt.ItemDataRole.ForegroundRole and not item.online:
            group = QPalette.ColorGroup.Disabled
            return QApplication.palette().color(group, QPalette.ColorRole.Text)
        if role == Qt.ItemDataRole.FontRole and item.unread:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            when = item.when.strftime("%Y-%m-%d %H:%M")
            state = self.tr("online") if item.online else self.tr("offline")
            return f"{item.name} · {state} · {when}"
        return None

    def _changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row), self.index(row))


class ConversationList(QListView):
    """The recent conversations; a click opens one, its menu (or Delete) closes it.

    Signals:
        open_requested(object): open the conversation with this ``PeerKey``.
        close_requested(object): stop listing the conversation with this ``PeerKey``.
    """

    open_requested = Signal(object)
    close_requested = Signal(object)

    def __init__(self, model: ConversationListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setToolTip(self.tr("Recent conversations (right-click to close one)"))
        self.setSpacing(2)
        self.clicked.connect(self._clicked)
        self.activated.connect(self._clicked)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)

    def open_row(self, row: int) -> None:
        """Open the conversation on ``row`` (as a click does)."""
        self._clicked(self.model().index(row, 0))

    def close_row(self, row: int) -> None:
        """Close the conversation on ``row`` (as its menu does)."""
        key = self.model().index(row, 0).data(ConversationListModel.KeyRole)
        if isinstance(key, PeerKey):
            self.close_requested.emit(key)

    def select_key(self, key: PeerKey | None) -> None:
        """Show ``key``'s row as the current one (no row: nothing selected)."""
        model = self.model()
        row = model.row_of(key) if isinstance(model, ConversationListModel) and key else None
        if row is None:
            self.clearSelection()
        else:
            self.setCurrentIndex(model.index(row, 0))

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Delete and self.currentIndex().isValid():
            self.close_row(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def _clicked(self, index: QModelIndex) -> None:
        key = index.data(ConversationListModel.KeyRole)
        if isinstance(key, PeerKey):
            self.open_requested.emit(key)

    def _menu(self, where: Any) -> None:
        index = self.indexAt(where)
        if not index.isValid():
            return
        menu = QMenu(self)
        close = menu.addAction(self.tr("Close conversation"))
        if menu.exec(self.viewport().mapToGlobal(where)) is close:
            self.close_row(index.row())
