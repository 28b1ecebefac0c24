"""The roster table: a search filter over the roster model, several peers selectable at once."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.core.ipmsg.events import Peer, PeerKey
from desktop.ui.messenger.chat_view import local_paths
from desktop.ui.messenger.roster_model import RosterModel

__all__ = ["RosterView"]


class RosterView(QTableView):
    """The roster, filtered by ``proxy`` (fixed string, every column, any case).

    Signals:
        menu_requested(Peer, QPoint): a right click on a peer, at this global position.
        files_dropped(list, list): local files or folders (paths) dropped on a peer: the peers
            they go to (that peer, or every selected peer when it is one of them).
    """

    menu_requested = Signal(object, QPoint)
    files_dropped = Signal(list, list)

    def __init__(self, roster: RosterModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.roster = roster
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(roster)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setModel(self.proxy)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def _drop_targets(self, point: QPoint) -> list[PeerKey]:
        index = self.indexAt(point)
        if not index.isValid():
            return []
        key = self.proxy.mapToSource(index).data(Qt.ItemDataRole.UserRole)
        if not isinstance(key, PeerKey):
            return []
        selected = self.selected_peers()
        return selected if key in selected else [key]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_paths(event.mimeData()) and self._drop_targets(event.position().toPoint()):
            event.acceptProposedAction()
            return
        event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData())
        keys = self._drop_targets(event.position().toPoint())
        if paths and keys:
            event.acceptProposedAction()
            self.files_dropped.emit(keys, paths)
            return
        event.ignore()

    def select_peers(self, keys: list[PeerKey]) -> int:
        """Select exactly ``keys`` (those shown); returns how many are selected."""
        self.clearSelection()
        flags = self.selectionModel().SelectionFlag
        for number, key in enumerate(keys):
            row = self.roster.row_of(key)
            if row is None:
                continue
            index = self.proxy.mapFromSource(self.roster.index(row, 0))
            if index.isValid():
                self.selectionModel().select(index, flags.Select | flags.Rows)
                if number == 0:
                    self.selectionModel().setCurrentIndex(index, flags.NoUpdate)
        return len(self.selected_peers())

    def selected_peers(self) -> list[PeerKey]:
        """The peers selected, top to bottom."""
        keys = []
        for index in sorted(self.selectionModel().selectedRows(), key=lambda i: i.row()):
            key = self.proxy.mapToSource(index).data(Qt.ItemDataRole.UserRole)
            if isinstance(key, PeerKey):
                keys.append(key)
        return keys

    def current_peer(self) -> PeerKey | None:
        """The peer of the current (last clicked) row, if it is selected."""
        key = self.proxy.mapToSource(self.currentIndex()).data(Qt.ItemDataRole.UserRole)
        return key if isinstance(key, PeerKey) and key in self.selected_peers() else None

    def _context_menu(self, point: QPoint) -> None:
        index = self.indexAt(point)
        peer: Peer | None = None
        if index.isValid():
            peer = self.roster.peer_at(self.proxy.mapToSource(index).row())
        if peer is not None:
            self.menu_requested.emit(peer, self.viewport().mapToGlobal(point))
