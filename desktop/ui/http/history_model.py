"""The composer's exchange history as a list model: newest first, one line per exchange."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.core.store.http_history import HistoryEntry

__all__ = ["HistoryModel", "entry_text", "entry_tooltip"]

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole


def entry_text(entry: HistoryEntry, today: datetime.date | None = None) -> str:
    """Method and target first (what one looks for), then status, a compact time (the time of
    day today, month-day and minutes before) and host:port; the full date is in the tooltip."""
    moment = datetime.datetime.fromtimestamp(entry.t_ns / 1e9)
    today = today or datetime.date.today()
    when = moment.strftime("%H:%M:%S" if moment.date() == today else "%m-%d %H:%M")
    status = "—" if entry.status is None else str(entry.status)
    request = " ".join(entry.first_line.split()[:2])
    return f"{request}  {status}  {when}  {entry.host}:{entry.port}"


def entry_tooltip(entry: HistoryEntry) -> str:
    """The full date and time, the request line, and the error if any."""
    when = datetime.datetime.fromtimestamp(entry.t_ns / 1e9).strftime("%Y-%m-%d %H:%M:%S")
    return "\n".join(filter(None, (when, entry.first_line, entry.error)))


class HistoryModel(QAbstractListModel):
    """History entries in the order given (the store gives newest first).

    The entry's id is in ``Qt.UserRole``; the error, if any, in the tooltip.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[HistoryEntry] = []

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        """Show ``entries``."""
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> HistoryEntry:
        """The entry on ``row``."""
        return self._entries[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt API)
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry_text(entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry_tooltip(entry)
        if role == ID_ROLE:
            return entry.id
        return None
