"""A read-only hex view (offset | hex | ASCII) that paints only the rows on screen.

Nothing is built per row ahead of time: a 100 MB buffer costs the view a reference to it, and a
paint formats the ~50 visible rows. Reusable for any bytes (responses, requests).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

__all__ = ["ROW_BYTES", "HexView", "hex_row"]

ROW_BYTES = 16
_ASCII = "".join(chr(b) if 0x20 <= b < 0x7F else "." for b in range(256))
_HEX_START = 10  # "00000000  " then the hex columns
_ASCII_START = _HEX_START + ROW_BYTES * 3 + 2  # two spaces of gap (one after the 8th byte)
# Ctrl+C copies the selected rows; more than this would build a huge string on the GUI thread.
COPY_MAX_ROWS = 65536


def hex_row(chunk: bytes, offset: int) -> str:
    """One row as ``hexdump -C`` prints it: offset, 16 hex bytes in two groups, ``|ASCII|``."""
    cells = [f"{b:02x}" for b in chunk] + ["  "] * (ROW_BYTES - len(chunk))
    hex_part = " ".join(cells[:8]) + "  " + " ".join(cells[8:])
    return f"{offset:08x}  {hex_part}  |{chunk.decode('latin-1').translate(_TRANSLATE)}|"


_TRANSLATE = {b: _ASCII[b] for b in range(256)}


class HexView(QAbstractScrollArea):
    """Bytes as rows of 16: offset, hex, ASCII. Click selects a row, Shift+click extends,
    Ctrl+C copies the selected rows.

    Signals:
        offset_clicked(int): the byte offset under a click.
    """

    offset_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._data: bytes | bytearray | memoryview = b""
        self._marks: list[tuple[int, int]] = []  # (offset, length) drawn highlighted
        self._selection: tuple[int, int] | None = None  # first and last selected row
        self._recompute()

    # --- content ---------------------------------------------------------------------------

    def set_data(self, data: bytes | bytearray | memoryview) -> None:
        """Show ``data`` (kept by reference, never copied)."""
        self._data = data
        self._marks = []
        self._selection = None
        self.verticalScrollBar().setValue(0)
        self._recompute()
        self.viewport().update()

    def data_length(self) -> int:
        """How many bytes are shown."""
        return len(self._data)

    def row_count(self) -> int:
        """Rows of 16 bytes (the last may be shorter)."""
        return (len(self._data) + ROW_BYTES - 1) // ROW_BYTES

    def row_text(self, row: int) -> str:
        """The text of ``row``, as painted."""
        start = row * ROW_BYTES
        return hex_row(bytes(self._data[start : start + ROW_BYTES]), start)

    def set_marks(self, marks: list[tuple[int, int]]) -> None:
        """Highlight these ``(offset, length)`` ranges (anomalies, the parse-failure point)."""
        self._marks = list(marks)
        self.viewport().update()

    # --- navigation ------------------------------------------------------------------------

    def first_visible_row(self) -> int:
        """The row at the top of the viewport."""
        return self.verticalScrollBar().value()

    def scroll_to_offset(self, offset: int) -> None:
        """Bring the row holding ``offset`` into view and select it."""
        row = max(0, min(offset // ROW_BYTES, self.row_count() - 1))
        self._selection = (row, row)
        bar = self.verticalScrollBar()
        if not bar.value() <= row < bar.value() + self._visible_rows():
            bar.setValue(max(0, row - self._visible_rows() // 3))
        self.viewport().update()

    def selected_rows(self) -> tuple[int, int] | None:
        """The first and last selected row, or None."""
        return self._selection

    def selected_text(self) -> str:
        """The selected rows as text, one per line (at most :data:`COPY_MAX_ROWS`)."""
        if self._selection is None:
            return ""
        first, last = sorted(self._selection)
        last = min(last, first + COPY_MAX_ROWS - 1)
        return "\n".join(self.row_text(row) for row in range(first, last + 1))

    # --- Qt events -------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        metrics = painter.fontMetrics()
        height, width = metrics.height(), metrics.horizontalAdvance("0")
        left = -self.horizontalScrollBar().value()
        first = self.first_visible_row()
        palette = self.palette()
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        mark = QColor(palette.color(QPalette.ColorRole.Highlight))
        mark.setAlpha(90)
        chosen = palette.color(QPalette.ColorRole.AlternateBase)
        selected = sorted(self._selection) if self._selection else None
        for i in range(self._visible_rows() + 1):
            row = first + i
            if row >= self.row_count():
                break
            top = i * height
            if selected and selected[0] <= row <= selected[1]:
                painter.fillRect(QRect(0, top, self.viewport().width(), height), chosen)
            for column in self._marked_columns(row):
                for start in (_HEX_START + column * 3 + (column >= 8), _ASCII_START + 1 + column):
                    cells = 1 if start >= _ASCII_START else 2
                    rect = QRect(left + start * width, top, cells * width, height)
                    painter.fillRect(rect, mark)
            painter.drawText(QPoint(left, top + metrics.ascent()), self.row_text(row))
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._recompute()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        height = max(1, self.fontMetrics().height())
        row = self.first_visible_row() + int(event.position().y()) // height
        if row >= self.row_count():
            return
        extend = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        anchor = self._selection[0] if extend and self._selection else row
        self._selection = (anchor, row)
        self.viewport().update()
        self.offset_clicked.emit(row * ROW_BYTES + self._column_at(event.position().x()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            QGuiApplication.clipboard().setText(self.selected_text())
            return
        super().keyPressEvent(event)

    # --- helpers ---------------------------------------------------------------------------

    def _visible_rows(self) -> int:
        return max(1, self.viewport().height() // max(1, self.fontMetrics().height()))

    def _recompute(self) -> None:
        bar = self.verticalScrollBar()
        bar.setRange(0, max(0, self.row_count() - self._visible_rows()))
        bar.setPageStep(self._visible_rows())
        line_width = self.fontMetrics().horizontalAdvance("0") * (_ASCII_START + ROW_BYTES + 2)
        self.horizontalScrollBar().setRange(0, max(0, line_width - self.viewport().width()))
        self.horizontalScrollBar().setPageStep(self.viewport().width())

    def _marked_columns(self, row: int) -> list[int]:
        start, end = row * ROW_BYTES, (row + 1) * ROW_BYTES
        columns: set[int] = set()
        for offset, length in self._marks:
            for byte in range(max(start, offset), min(end, offset + max(1, length))):
                columns.add(byte - start)
        return sorted(columns)

    def _column_at(self, x: float) -> int:
        width = max(1, self.fontMetrics().horizontalAdvance("0"))
        char = int(x + self.horizontalScrollBar().value()) // width
        if char >= _ASCII_START + 1:
            column = char - _ASCII_START - 1
        else:
            column = max(0, char - _HEX_START)
            column = (column - (column >= 25)) // 3
        return max(0, min(ROW_BYTES - 1, column))
