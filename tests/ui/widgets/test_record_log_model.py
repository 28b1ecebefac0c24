"""The log model answers a delegate's many roles of a cell in one call from Qt."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem

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
            # The delegate reuses its span from cell to cell: a role this cell lacks must not
            # keep the previous cell's value.
            alignment = model.data(index, Qt.ItemDataRole.TextAlignmentRole)
            if alignment is None:
                assert option.displayAlignment == QStyleOptionViewItem().displayAlignment
            else:
                assert option.displayAlignment == Qt.AlignmentFlag(alignment)
            color = model.data(index, Qt.ItemDataRole.ForegroundRole)
            if color is None:
                assert option.palette.text().color() == QApplication.palette().text().color()
            else:
                assert color == direction_colors()[RECORDS[row].direction]
                assert option.palette.text().color() == color


def test_painting_a_view_does_not_ask_the_bounds_of_every_cell(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Each call from Qt into Python waits for the GIL: a cell costs index() and multiData()."""
    from PySide6.QtWidgets import QTableView

    asked = {"bounds": 0, "cells": 0}

    class Counting(RecordLogModel):
        def rowCount(self, parent=QModelIndex()):  # type: ignore[no-untyped-def]  # noqa: B008
            asked["bounds"] += 1
            return super().rowCount(parent)

        def columnCount(self, parent=QModelIndex()):  # type: ignore[no-untyped-def]  # noqa: B008
            asked["bounds"] += 1
            return super().columnCount(parent)

        def multiData(self, index, span):  # type: ignore[no-untyped-def]
            asked["cells"] += 1
            super().multiData(index, span)

    model = Counting(RecordRing())
    model.append_records([Record(i, Direction.IN, "127.0.0.1:9", b"x" * 20) for i in range(100)])
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    asked.update(bounds=0, cells=0)
    view.viewport().grab()
    assert asked["cells"] >= 20
    assert asked["bounds"] < asked["cells"] // 4
    # The index itself is what the base class gives: valid inside, invalid outside.
    assert model.index(99, RecordLogModel.DATA).row() == 99
    assert not model.index(100, 0).isValid()
    assert not model.index(0, 5).isValid()
    assert not model.index(0, 0, model.index(0, 0)).isValid()
