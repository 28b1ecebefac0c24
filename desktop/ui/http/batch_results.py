"""The results of "Send N times" and "Race N": one row an exchange, a summary with the spread."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from desktop.core.http.exchange import ExchangeResult
from desktop.ui.sentences import say
from desktop.ui.widgets.list_table_model import ListTableModel

__all__ = [
    "BatchResultsModel",
    "BatchResultsView",
    "BatchSummary",
    "batch_summary",
    "first_byte_ms",
]

Index = QModelIndex | QPersistentModelIndex
_COLUMNS = (
    "#",
    QT_TRANSLATE_NOOP("BatchResultsModel", "Status"),
    QT_TRANSLATE_NOOP("BatchResultsModel", "Connection"),
    QT_TRANSLATE_NOOP("BatchResultsModel", "First byte"),
    QT_TRANSLATE_NOOP("BatchResultsModel", "Total"),
    QT_TRANSLATE_NOOP("BatchResultsModel", "Received"),
    QT_TRANSLATE_NOOP("BatchResultsModel", "Error"),
)


def first_byte_ms(result: ExchangeResult) -> float | None:
    """When the first response byte came, in ms from the start of the exchange (None: never)."""
    mark = result.timings.curl_style().get("time_starttransfer", 0.0)
    return mark if mark > 0 else None


def batch_summary(results: list[ExchangeResult]) -> str:
    """Statuses counted and the spread of first-byte times, in one line."""
    if not results:
        return ""
    statuses = Counter(
        str(r.responses[-1].status) if r.responses and r.responses[-1].status else "—"
        for r in results
    )
    counted = ", ".join(f"{status} ×{count}" for status, count in sorted(statuses.items()))
    marks = [m for m in (first_byte_ms(r) for r in results) if m is not None]
    spread = max(marks) - min(marks) if len(marks) >= 2 else None
    return BatchSummary().text(len(results), counted, spread)


class BatchSummary(QObject):
    """The words of ``batch_summary`` (a ``QObject`` for ``tr()``: lupdate records the plural
    forms of ``self.tr(…, "", n)``, not of a module-level ``translate(…, n)``)."""

    def text(self, count: int, statuses: str, spread: float | None) -> str:
        """``3 exchanges: 200 ×3; first bytes spread over 0.50 ms.``"""
        if spread is None:
            return self.tr("%n exchange(s): {statuses}.", "", count).format(statuses=statuses)
        return self.tr(
            "%n exchange(s): {statuses}; first bytes spread over {spread:.2f} ms.", "", count
        ).format(statuses=statuses, spread=spread)


class BatchResultsModel(ListTableModel):
    """Exchanges of a batch in the order they were reported."""

    COLUMNS = _COLUMNS
    CONTEXT = "BatchResultsModel"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.results: list[ExchangeResult] = []

    def clear(self) -> None:
        """Remove every row."""
        self.beginResetModel()
        self.results = []
        self.endResetModel()

    def add(self, results: list[ExchangeResult]) -> None:
        """Append ``results`` (one insertion for them all)."""
        if not results:
            return
        row = len(self.results)
        self.beginInsertRows(QModelIndex(), row, row + len(results) - 1)
        self.results.extend(results)
        self.endInsertRows()

    def _items(self) -> Sequence[ExchangeResult]:
        return self.results

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.results):
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        result = self.results[index.row()]
        column = index.column()
        if column == 0:
            return str(index.row() + 1)
        if column == 1:
            statuses = [str(r.status) if r.status else "?" for r in result.responses]
            return " ".join(statuses) or "—"
        if column == 2:
            return self.tr("reused") if result.reused else self.tr("new")
        if column == 3:
            mark = first_byte_ms(result)
            return "—" if mark is None else f"{mark:.2f} ms"
        if column == 4:
            return f"{result.timings.total_ms:.2f} ms"
        if column == 5:
            return str(len(result.reader.raw))
        if column == 6:
            return say(result.error) if result.error else ""
        return None


class BatchResultsView(QWidget):
    """The batch's summary line over its table; choosing a row shows that exchange.

    Signals:
        result_chosen(ExchangeResult): a row was clicked.
    """

    result_chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = BatchResultsModel(self)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.horizontalHeader().setDefaultSectionSize(
            self.fontMetrics().averageCharWidth() * 11
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        self.table.clicked.connect(self._on_clicked)

    def start(self) -> None:
        """Empty the table for a new batch."""
        self.model.clear()
        self.summary_label.setText("")

    def add(self, results: list[ExchangeResult]) -> None:
        """List ``results`` and update the summary."""
        self.model.add(results)
        self.summary_label.setText(batch_summary(self.model.results))

    @Slot(QModelIndex)
    def _on_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.result_chosen.emit(self.model.results[index.row()])
