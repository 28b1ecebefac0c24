"""The left side of the Messenger: search, history search, Broadcast, conversations, the roster."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.messenger.conversation_list import ConversationList, ConversationListModel
from desktop.ui.messenger.history_search import HistoryHit
from desktop.ui.messenger.roster_model import RosterModel
from desktop.ui.messenger.roster_view import RosterView

__all__ = ["RosterPane"]


class RosterPane(QWidget):
    """A search box, "Search history", "Broadcast", recent conversations, roster and results.

    Args:
        has_history: whether the history can be searched.
        conversations: the recent conversations to list (None: an empty list of its own).
        parent: the parent widget.

    Signals:
        result_opened(str, int): a history result was opened: its conversation's key as stored
            and the message's row in the history.
    """

    result_opened = Signal(str, int)

    def __init__(
        self,
        has_history: bool,
        conversations: ConversationListModel | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.roster = RosterModel()
        self.table = RosterView(self.roster)
        self.search.textChanged.connect(self.table.proxy.setFilterFixedString)
        self.search_history_button = QPushButton(self.tr("Search history"))
        self.has_history = has_history
        self.search.textChanged.connect(self._search_text_changed)
        self._search_text_changed("")
        self.broadcast_button = QPushButton(self.tr("Broadcast"))
        self.broadcast_button.setToolTip(self.tr("A message to everyone in the list"))
        self.conversation_list = ConversationList(conversations or ConversationListModel())
        self.history_results = QListWidget()
        self.history_results.setToolTip(self.tr("Double-click a message to open it"))
        self.history_results.setVisible(False)
        self.history_results.itemActivated.connect(self._result_activated)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.search_history_button)
        search_row.addWidget(self.broadcast_button)
        recent = QWidget()
        recent_layout = QVBoxLayout(recent)
        recent_layout.setContentsMargins(0, 0, 0, 0)
        recent_layout.addWidget(QLabel(self.tr("Conversations")))
        recent_layout.addWidget(self.conversation_list)
        people = QWidget()
        people_layout = QVBoxLayout(people)
        people_layout.setContentsMargins(0, 0, 0, 0)
        people_layout.addWidget(QLabel(self.tr("On the network")))
        people_layout.addWidget(self.table)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(recent)
        self.splitter.addWidget(people)
        self.splitter.addWidget(self.history_results)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setStretchFactor(2, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search_row)
        layout.addWidget(self.splitter, 1)

    def _search_text_changed(self, text: str) -> None:
        """The history search needs words to look for: disabled (and saying so) until typed."""
        words = bool(text.strip())
        self.search_history_button.setEnabled(self.has_history and words)
        self.search_history_button.setToolTip(
            self.tr("List the past messages that contain the text of the search box")
            if words or not self.has_history
            else self.tr("Type words in the search box to search the history")
        )

    def show_results(self, hits: list[HistoryHit]) -> None:
        """Show history search results (hidden when there are none)."""
        self.history_results.clear()
        for hit in hits:
            item = QListWidgetItem(hit.line)
            if hit.peer is not None and hit.history_id is not None:
                item.setData(Qt.ItemDataRole.UserRole, (hit.peer, hit.history_id))
            self.history_results.addItem(item)
        was_hidden = self.history_results.isHidden()
        self.history_results.setVisible(bool(hits))
        if hits and was_hidden:  # a hidden pane comes back with no height: give it a third
            recent, people, _ = self.splitter.sizes()
            total = recent + people
            if total > 0:
                share = total // 3
                recent_part = recent - share * recent // total
                self.splitter.setSizes([recent_part, total - share - recent_part, share])

    def open_result(self, row: int) -> None:
        """Open the history result on ``row`` (as a double-click does)."""
        item = self.history_results.item(row)
        if item is not None:
            self._result_activated(item)

    def _result_activated(self, item: QListWidgetItem) -> None:
        target = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(target, tuple):
            peer, history_id = target
            self.result_opened.emit(str(peer), int(history_id))
