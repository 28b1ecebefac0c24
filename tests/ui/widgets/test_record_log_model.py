"""The log model answers a delegate's many roles of a cell in one call from Qt."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from desktop.core.capture import Direction, Record, RecordRing
from desktop.ui.widgets.record_log_model import RecordLogModel, direction_colors

RECORDS = [
    Record(1_700_000_000_123_000_000, Direction.IN, "127.0.0.1:9", b"PING\r\n"),
    Record(1_700_000_000_456_000_000, Direction.OUT, "[::1]:7", b"\x00\xff" * 3),
    Record(1_700_000_001_000_000_000, Direction.INFO, "127.0.0.1:9", b"Closed."),
]


class CountingModel(RecordLogModel):
    def __init__(self) -> None:
        super().__init__(RecordRing())
        self.data_calls = 0

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        self.data_calls += 1
        return super().data(index, role)


def test_a_painted_cell_costs_no_call_per_role_and_shows_what_data_gives(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = CountingModel()
    model.append_records(RECORDS)
    delegate = QStyledItemDelegate()
    for row in range(len(RECORDS)):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            option = QStyleOptionViewItem()
            model.data_calls = 0
            delegate.initStyleOption(option, index)  # what a view does for each cell it paints
            assert model.data_calls == 0  # one multiData call from Qt, not ~7 data() calls
            assert option.text == (model.data(index) or "")
            alignment = model.data(index, Qt.ItemDataRole.TextAlignmentRole)
            if alignment is not None:
                assert int(option.displayAlignment.value) == alignment
            color = model.data(index, Qt.ItemDataRole.ForegroundRole)
            if color is not None:
                assert color == direction_colors()[RECORDS[row].direction]
                assert option.palette.text().color() == color
