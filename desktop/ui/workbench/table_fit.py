"""Column widths for the connection tables of servers and relays, sized to what they hold."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QSizePolicy, QTableView

__all__ = ["fit_columns"]

# Room around a cell's text (margins and the grid line), in pixels at any font size.
_CELL_PADDING = 12


def fit_columns(view: QTableView, samples: Mapping[int, str], stretch: tuple[int, ...]) -> None:
    """Size ``view``'s columns to their widest expected text and make the table ask for it.

    Columns in ``stretch`` (the addresses) share the room left and elide in the middle, so the
    port at the end stays readable (``127.0.…:60123``); the others are as wide as their sample
    or their header, whichever is wider. The view's minimum width holds every column, so the
    byte counts are never behind a scroll bar. Widths come from samples rather than Qt's
    ``ResizeToContents``, which measures rows again on every update (10,000 clients).

    Args:
        view: a table whose model is set.
        samples: for each column, the widest text it is expected to show.
        stretch: the columns that take the remaining width.
    """
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(24)
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    view.setWordWrap(False)
    metrics = view.fontMetrics()
    header_metrics = header.fontMetrics()
    total = 0
    for column in range(view.model().columnCount()):
        label = str(view.model().headerData(column, Qt.Orientation.Horizontal) or "")
        width = max(
            metrics.horizontalAdvance(samples.get(column, "")),
            header_metrics.horizontalAdvance(label),
        )
        width += _CELL_PADDING
        total += width
        if column in stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
    scroll_bar = view.verticalScrollBar().sizeHint().width()
    view.setMinimumWidth(total + scroll_bar + 2 * view.frameWidth())
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    view.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)
