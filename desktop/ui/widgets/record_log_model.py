"""A table model over a bounded ring of records: appends in batches, drops rows it evicts."""

from __future__ import annotations

import contextlib
import datetime as _dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QGuiApplication

from desktop.core.capture import Direction, Record, RecordRing
from desktop.core.codec import hex_string, parse_hex, visible_text
from desktop.core.errors import InputError
from desktop.ui.theme import tone_text

__all__ = ["RecordLogModel", "direction_colors"]

_Index = QModelIndex | QPersistentModelIndex
# Characters of a record's text searched (a row shows 256 bytes; search looks further).
_SEARCH_LIMIT = 64 * 1024
_ARROWS = {Direction.IN: "←", Direction.OUT: "→", Direction.INFO: "•"}
_COLUMNS = 5
_TONES = {Direction.IN: "success", Direction.OUT: "accent", Direction.INFO: "muted"}


def direction_colors() -> dict[Direction, QColor]:
    """The text colour of each direction, from the application's palette now.

    Cached per palette (its ``cacheKey`` changes with any colour), so a theme change is seen
    by the next ``data()`` call and painting a row costs a dictionary look-up.
    """
    palette = QGuiApplication.palette()
    key = palette.cacheKey()
    if _cache.get("key") != key:
        _cache.clear()
        _cache["key"] = key
        _cache["colors"] = {d: tone_text(palette, tone) for d, tone in _TONES.items()}
    colors: dict[Direction, QColor] = _cache["colors"]
    return colors


_cache: dict[str, Any] = {}


class RecordLogModel(QAbstractTableModel):
    """Columns: time, direction, peer, size, data. Text is decoded only for rows a view asks for.

    Args:
        ring: the ring buffer that holds the records (owned by this model from now on).
        encoding: the codec used to show data as text.
    """

    TIME, DIRECTION, PEER, SIZE, DATA = range(_COLUMNS)
    TEXT, HEX = "text", "hex"
    # Bytes of a record decoded for its row (a row shows ~150 characters; the detail pane shows
    # the rest). Qt lays out the whole string to elide it: 2 KiB rows cost ~10x more to paint.
    ROW_LIMIT = 256

    def __init__(self, ring: RecordRing | None = None, encoding: str = "utf-8") -> None:
        super().__init__()
        self.ring = ring if ring is not None else RecordRing()
        self.encoding = encoding
        self.mode = self.TEXT
        self._headers = (
            self.tr("Time"),
            self.tr("Dir"),
            self.tr("Peer"),
            self.tr("Bytes"),
            self.tr("Data"),
        )

    def set_view(self, mode: str, encoding: str) -> None:
        """Show data as text in ``encoding`` or as hex; repaints the data column only."""
        if (mode, encoding) == (self.mode, self.encoding):
            return
        self.mode, self.encoding = mode, encoding
        if len(self.ring):
            self.dataChanged.emit(
                self.index(0, self.DATA), self.index(len(self.ring) - 1, self.DATA)
            )

    def row_text(self, row: int) -> str:
        """The data column of ``row`` as shown (for search and copy)."""
        return str(self.data(self.index(row, self.DATA)) or "")

    def matcher(self, query: str) -> Callable[[int], bool]:
        """A test of whether a row holds ``query``, whatever the view shows (text or hex).

        A row matches when its data, read as text in the view's encoding (escapes as shown),
        contains the query (case-insensitive), when its bytes contain the query encoded, or,
        when the query reads as hex (``6c 6f``, ``6c6f``, ``0x6c,0x6f``), when its bytes
        contain those bytes. Session events match on their text.
        """
        lowered = query.casefold()
        wanted: list[bytes] = []
        # A query this encoding cannot write is not in its text; hex and shown text may match.
        with contextlib.suppress(UnicodeEncodeError):
            wanted.append(query.encode(self.encoding))
        try:
            as_hex = parse_hex(query)
        except InputError:
            as_hex = b""
        if as_hex:
            wanted.append(as_hex)
        ring, encoding = self.ring, self.encoding

        def matches(row: int) -> bool:
            record = ring[row]
            if record.direction is Direction.INFO:
                return lowered in record.data.decode("utf-8", "replace").casefold()
            data = record.data
            if any(needle and needle in data for needle in wanted):
                return True
            return lowered in visible_text(data, encoding, _SEARCH_LIMIT).casefold()

        return matches

    # -- writing -----------------------------------------------------------------------------
    def append_records(self, records: Sequence[Record]) -> None:
        """Append a batch: at most one remove and one insert notification per call."""
        if not records:
            return
        # Notify, then change, then close the notification: views and proxies may look at
        # the model between begin* and end*, and must see the state the signal announces.
        ring = self.ring
        old, new = ring.plan(records)
        if old:
            self.beginRemoveRows(QModelIndex(), 0, old - 1)
            ring.drop_oldest(old)
            self.endRemoveRows()
        kept = records[new:]
        ring.evicted_total += new
        if kept:
            first = len(ring)
            self.beginInsertRows(QModelIndex(), first, first + len(kept) - 1)
            ring.extend(kept)
            self.endInsertRows()

    def clear(self) -> None:
        """Forget every record."""
        self.beginResetModel()
        self.ring.clear()
        self.endResetModel()

    # -- QAbstractTableModel -------------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        """One call from Qt per cell a view paints: the base class asks ``rowCount`` and
        ``columnCount`` (two Python calls, each waiting for the GIL) to check the bounds."""
        if parent.isValid() or not (0 <= row < len(self.ring) and 0 <= column < _COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.ring)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.ring):
            return None
        return self._value(self.ring[index.row()], index.column(), role)

    def multiData(self, index: _Index, roleDataSpan: QModelRoleDataSpan) -> None:  # noqa: N803
        """Every role a delegate asks for a cell, in one call from Qt (not one per role).

        Each call from Qt into Python must take the GIL, which under a flood the I/O thread
        holds: painting a row asked ``data()`` for 7 roles per cell, 7 waits instead of 1.
        """
        if not index.isValid() or index.row() >= len(self.ring):
            for role_data in roleDataSpan:
                role_data.clearData()
            return
        record, column, value_of = self.ring[index.row()], index.column(), self._value
        for role_data in roleDataSpan:
            value = value_of(record, column, role_data.role())
            if value is None:
                role_data.clearData()
            else:
                role_data.setData(value)

    def _value(self, record: Record, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TIME:
                stamp = _dt.datetime.fromtimestamp(record.t_ns / 1e9)
                return stamp.strftime("%H:%M:%S.") + f"{stamp.microsecond // 1000:03d}"
            if column == self.DIRECTION:
                return _ARROWS[record.direction]
            if column == self.PEER:
                return record.peer
            if column == self.SIZE:
                return "" if record.direction is Direction.INFO else str(len(record.data))
            if column == self.DATA:
                if record.direction is Direction.INFO:
                    return record.data.decode("utf-8", "replace")
                if self.mode == self.HEX:
                    shown = hex_string(record.data[: self.ROW_LIMIT // 2])
                    return shown + " …" if len(record.data) > self.ROW_LIMIT // 2 else shown
                return visible_text(record.data, self.encoding, self.ROW_LIMIT)
        elif role == Qt.ItemDataRole.ForegroundRole and column in (self.DIRECTION, self.DATA):
            return direction_colors()[record.direction]
        elif role == Qt.ItemDataRole.ToolTipRole and column == self.DIRECTION:
            return {
                Direction.IN: self.tr("received from {peer}"),
                Direction.OUT: self.tr("sent to {peer}"),
                Direction.INFO: self.tr("session event"),
            }[record.direction].format(peer=record.peer)
        elif role == Qt.ItemDataRole.TextAlignmentRole and column == self.SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
