"""The left side of the Messenger: search, history search, Broadcast, the roster, results."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget

from desktop.ui.messenger.roster_model import RosterModel
from desktop.ui.messenger.roster_view import RosterView

__all__ = ["RosterPane"]


class RosterPane(QWidget):
    """A search box filtering the roster, "Search history", "Broadcast", and the history results.

    Args:
        has_history: whether the history can be searched.
        parent: the parent widget.
    """

    def __init__(self, has_history: bool, parent: QWidget | None = None) -> None:
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
        self.history_results = QListWidget()
        self.history_results.setVisible(False)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.search_history_button)
        search_row.addWidget(self.broadcast_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.history_results, 1)

    def _search_text_changed(self, text: str) -> None:
        """The history search needs words to look for: disabled (and saying so) until typed."""
        words = bool(text.strip())
        self.search_history_button.setEnabled(self.has_history and words)
        self.search_history_button.setToolTip(
            self.tr("List the past messages that contain the text of the search box")
            if words or not self.has_history
            else self.tr("Type words in the search box to search the history")
        )

    def show_results(self, lines: list[str]) -> None:
        """Show history search results (hidden when there are none)."""
        self.history_results.clear()
        self.history_results.addItems(lines)
        self.history_results.setVisible(bool(lines))
