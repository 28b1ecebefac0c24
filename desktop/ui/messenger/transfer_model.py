"""The transfers list as a table model, updated from batches of ``Transfer`` snapshots.

A batch replaces rows by transfer id (one ``dataChanged`` over the rows it touched, never a
reset) and inserts new transfers on top. The list is bounded: past ``MAX_TRANSFERS`` the oldest
finished rows are dropped. Sizes, speeds and times read in the user's locale and language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, Qt
from PySide6.QtGui import QGuiApplication

from desktop.core.ipmsg.transfer import Direction, Transfer, TransferState
from desktop.core.sentence import QT_TRANSLATE_NOOP
from desktop.ui.sentences import say
from desktop.ui.theme import tone_text
from desktop.ui.widgets.list_table_model import Index, ListTableModel

__all__ = [
    "MAX_TRANSFERS",
    "TransferModel",
    "format_eta",
    "format_rate",
    "format_size",
    "state_text",
]

# Rows kept: far more than anyone scrolls through, bounded so a peer fetching 10,000 small
# files one by one cannot grow the GUI's memory (the oldest finished rows go first).
MAX_TRANSFERS = 2000

_CONTEXT = "TransferModel"


def format_size(size: int) -> str:
    """``1572864`` → ``1.5 MiB`` in the user's locale."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeIecFormat)


def format_rate(rate: float) -> str:
    """Bytes per second → ``1.5 MiB/s``."""
    return QCoreApplication.translate("TransferModel", "{size}/s").format(
        size=format_size(int(rate))
    )


def format_eta(seconds: float | None) -> str:
    """Time left → ``42 s``, ``3 min 5 s``, ``2 h 10 min``; empty when unknown."""
    if seconds is None:
        return ""
    locale = QLocale()
    whole = int(seconds + 0.5)
    if whole < 60:
        return QCoreApplication.translate("TransferModel", "{s} s").format(s=locale.toString(whole))
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return QCoreApplication.translate("TransferModel", "{m} min {s} s").format(
            m=locale.toString(minutes), s=locale.toString(secs)
        )
    hours, minutes = divmod(minutes, 60)
    return QCoreApplication.translate("TransferModel", "{h} h {m} min").format(
        h=locale.toString(hours), m=locale.toString(minutes)
    )


def percent(transfer: Transfer) -> int | None:
    """Whole percent done, or None when the size is unknown."""
    fraction = transfer.fraction
    return None if fraction is None else int(fraction * 100)


def state_text(transfer: Transfer, with_reason: bool = True) -> str:
    """Where a transfer stands, in words: a failed or cancelled one never reads as done.

    ``with_reason``: a failed or cancelled transfer says why.
    """
    state = transfer.state
    if state is TransferState.RUNNING:
        share = percent(transfer)
        if transfer.direction is Direction.RECEIVE:
            if share is None:
                return QCoreApplication.translate("TransferModel", "downloading")
            return QCoreApplication.translate("TransferModel", "downloading {percent} %").format(
                percent=QLocale().toString(share)
            )
        if share is None:
            return QCoreApplication.translate("TransferModel", "sending")
        return QCoreApplication.translate("TransferModel", "sending {percent} %").format(
            percent=QLocale().toString(share)
        )
    if state is TransferState.FAILED:
        if transfer.reason is None or not with_reason:
            return QCoreApplication.translate("TransferModel", "failed")
        return QCoreApplication.translate("TransferModel", "failed: {reason}").format(
            reason=say(transfer.reason)
        )
    if state is TransferState.CANCELLED and transfer.reason is not None and with_reason:
        return QCoreApplication.translate("TransferModel", "cancelled: {reason}").format(
            reason=say(transfer.reason)
        )
    return QCoreApplication.translate(_CONTEXT, _STATES[state])


_STATES = {
    TransferState.WAITING: QT_TRANSLATE_NOOP("TransferModel", "waiting"),
    TransferState.RUNNING: QT_TRANSLATE_NOOP("TransferModel", "running"),
    TransferState.DONE: QT_TRANSLATE_NOOP("TransferModel", "done"),
    TransferState.FAILED: QT_TRANSLATE_NOOP("TransferModel", "failed"),
    TransferState.CANCELLED: QT_TRANSLATE_NOOP("TransferModel", "cancelled"),
    TransferState.DECLINED: QT_TRANSLATE_NOOP("TransferModel", "declined"),
    TransferState.EXPIRED: QT_TRANSLATE_NOOP("TransferModel", "expired"),
}


# The colour of the State column: a failure stands out; a transfer that did not end as done
# never wears the colour of one that did.
_TONES = {
    TransferState.DONE: "success",
    TransferState.FAILED: "error",
    TransferState.CANCELLED: "warning",
    TransferState.DECLINED: "warning",
    TransferState.EXPIRED: "warning",
}


class TransferModel(ListTableModel):
    """Every transfer, newest on top.

    Roles: ``TransferRole`` gives the ``Transfer``; ``FractionRole`` (Progress column) its
    progress in 0..1 or None. ``ToolTipRole`` of the State column gives the whole sentence.
    """

    CONTEXT = _CONTEXT
    COLUMNS = (
        QT_TRANSLATE_NOOP("TransferModel", "Direction"),
        QT_TRANSLATE_NOOP("TransferModel", "Peer"),
        QT_TRANSLATE_NOOP("TransferModel", "Name"),
        QT_TRANSLATE_NOOP("TransferModel", "Size"),
        QT_TRANSLATE_NOOP("TransferModel", "Progress"),
        QT_TRANSLATE_NOOP("TransferModel", "Speed"),
        QT_TRANSLATE_NOOP("TransferModel", "Time left"),
        QT_TRANSLATE_NOOP("TransferModel", "State"),
    )
    DIRECTION, PEER, NAME, SIZE, PROGRESS, SPEED, ETA, STATE = range(8)
    TransferRole = Qt.ItemDataRole.UserRole
    FractionRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, capacity: int = MAX_TRANSFERS) -> None:
        super().__init__()
        self._rows: list[Transfer] = []  # newest first
        self._capacity = capacity

    def _items(self) -> Sequence[object]:
        return self._rows

    # -- changes -----------------------------------------------------------------------------------
    def apply(self, batch: Iterable[Transfer]) -> None:
        """Take a batch of snapshots: known ids change in place, new ones go on top."""
        rows = {t.transfer_id: row for row, t in enumerate(self._rows)}
        changed: list[int] = []
        new: dict[int, Transfer] = {}
        for transfer in batch:
            row = rows.get(transfer.transfer_id)
            if row is None:
                new[transfer.transfer_id] = transfer  # the newest snapshot of a new id wins
            else:
                self._rows[row] = transfer
                changed.append(row)
        if changed:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), last))
        if new:
            fresh = sorted(new.values(), key=lambda t: t.transfer_id, reverse=True)
            self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
            self._rows[:0] = fresh
            self.endInsertRows()
        self._trim()

    def remove(self, transfer_id: int) -> bool:
        """Drop one transfer's row; False when it is not listed."""
        row = self.row_of(transfer_id)
        if row is None:
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        return True

    def clear_finished(self) -> list[int]:
        """Drop every finished row; returns their ids."""
        gone = [t.transfer_id for t in self._rows if t.state.finished]
        for row in range(len(self._rows) - 1, -1, -1):
            if self._rows[row].state.finished:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
        return gone

    def _trim(self) -> None:
        row = len(self._rows) - 1
        while len(self._rows) > self._capacity and row >= 0:
            if self._rows[row].state.finished:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._rows[row]
                self.endRemoveRows()
            row -= 1

    # -- queries -----------------------------------------------------------------------------------
    def row_of(self, transfer_id: int) -> int | None:
        """The row of ``transfer_id``, or None."""
        for row, transfer in enumerate(self._rows):
            if transfer.transfer_id == transfer_id:
                return row
        return None

    def transfer(self, row: int) -> Transfer | None:
        """The transfer on ``row``."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def transfers(self) -> list[Transfer]:
        """Every listed transfer, newest first."""
        return list(self._rows)

    @property
    def running(self) -> int:
        """How many are waiting or running."""
        return sum(1 for t in self._rows if not t.state.finished)

    # -- Qt model ----------------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        t = self._rows[index.row()]
        column = index.column()
        if role == self.TransferRole:
            return t
        if role == self.FractionRole:
            return t.fraction
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(t, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            tone = _TONES.get(t.state)
            return None if tone is None else tone_text(QGuiApplication.palette(), tone)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.STATE, self.NAME):
            return state_text(t) if column == self.STATE else (t.path or t.name)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            self.SIZE,
            self.SPEED,
            self.ETA,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, t: Transfer, column: int) -> str:
        if column == self.DIRECTION:
            return (
                QCoreApplication.translate("TransferModel", "↓ from")
                if t.direction is Direction.RECEIVE
                else QCoreApplication.translate("TransferModel", "↑ to")
            )
        if column == self.PEER:
            return t.peer_label
        if column == self.NAME:
            return f"📁 {t.name}" if t.is_folder else t.name
        if column == self.SIZE:
            return format_size(t.size) if t.size > 0 or not t.is_folder else ""
        if column == self.PROGRESS:
            share = percent(t)
            return "" if share is None else QLocale().toString(share) + " %"
        if column == self.SPEED:
            return format_rate(t.rate) if t.state is TransferState.RUNNING else ""
        if column == self.ETA:
            return format_eta(t.eta)
        return state_text(t)
