"""A table model over a bounded ring of records: appends in batches, drops rows it evicts."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.core.capture import Direction, Record, RecordRing
from desktop.core.codec import visible_text

__all__ = ["RecordLogModel"]

_Index = QModelIndex | QPersistentModelIndex
_ARROWS = {Direction.IN: "←", Direction.OUT: "→", Direction.INFO: "•"}
_COLORS = {
    Direction.IN: QColor("#1a7f37"),
    Direction.OUT: QColor("#1f6feb"),
    Direction.INFO: QColor("#8b8d93"),
}


class RecordLogModel(QAbstractTableModel):
    """Columns: time, direction, size, data. Text is decoded only for rows a view asks for.

    Args:
        ring: the ring buffer that holds the records (owned by this model from now on).
        encoding: the codec used to show data as text.
    """

    TIME, DIRECTION, SIZE, DATA = range(4)

    def __init__(self, ring: RecordRing | None = None, encoding: str = "utf-8") -> None:
        super().__init__()
        self.ring = ring if ring is not None else RecordRing()
        self.encoding = encoding
        self._headers = (self.tr("Time"), self.tr("Dir"), self.tr("Bytes"), self.tr("Data"))

    # -- writing -----------------------------------------------------------------------------
    def append_records(self, records: Sequence[Record]) -> None:
        """Append a batch: at most one remove and one insert notification per call."""
        if not records:
            return
        ring = self.ring
        held = len(ring)
        # The ring may evict rows already shown (announced as removed) and, in a batch larger
        # than the caps, some of the new records themselves (never announced at all).
        evicted = ring.append_many(records)
        evicted_old = min(evicted, held)
        evicted_new = evicted - evicted_old
        if evicted_old:
            self.beginRemoveRows(QModelIndex(), 0, evicted_old - 1)
            self.endRemoveRows()
        inserted = len(records) - evicted_new
        if inserted > 0:
            first = len(ring) - inserted
            self.beginInsertRows(QModelIndex(), first, len(ring) - 1)
            self.endInsertRows()

    def clear(self) -> None:
        """Forget every record."""
        self.beginResetModel()
        self.ring.clear()
        self.endResetModel()

    # -- QAbstractTableModel -------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ring)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 4
        ):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.ring):
            return None
        record = self.ring[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TIME:
                stamp = _dt.datetime.fromtimestamp(record.t_ns / 1e9)
                return stamp.strftime("%H:%M:%S.") + f"{stamp.microsecond // 1000:03d}"
            if column == self.DIRECTION:
                return _ARROWS[record.direction]
            if column == self.SIZE:
                return "" if record.direction is Direction.INFO else str(len(record.data))
            if column == self.DATA:
                encoding = "utf-8" if record.direction is Direction.INFO else self.encoding
                return visible_text(record.data, encoding)
        elif role == Qt.ItemDataRole.ForegroundRole and column in (self.DIRECTION, self.DATA):
            return _COLORS[record.direction]
        elif role == Qt.ItemDataRole.ToolTipRole and column == self.DIRECTION:
            return {
                Direction.IN: self.tr("received from {peer}"),
                Direction.OUT: self.tr("sent to {peer}"),
                Direction.INFO: self.tr("session event"),
            }[record.direction].format(peer=record.peer)
        elif role == Qt.ItemDataRole.TextAlignmentRole and column == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
