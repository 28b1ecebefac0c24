"""A read-only text editor that shows one page of a large text at a time, with page controls."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Slot
from PySide6.QtGui import QFontDatabase, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import SocketDeskError
from desktop.ui.http.pages import Pages
from desktop.ui.theme import tint
from desktop.workers.task_runner import TaskRunner

__all__ = ["PagedText"]


class PagedText(QWidget):
    """One page of :class:`Pages` in a ``QPlainTextEdit``; the page bar shows only when there
    is more than one page.

    Attributes:
        edit: the editor holding the current page's text.
    """

    def __init__(self, tasks: TaskRunner | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks  # where a page's text is made (None: here, at once)
        self._pages: Pages | None = None
        self._page = 0
        self._asked = 0  # counts requests: only the latest page asked for is shown
        self._wanted: int | None = None  # the page being made for showing
        self._mark: tuple[int, int] | None = None  # a byte range marked (parse failure)
        self.edit = QPlainTextEdit(readOnly=True)
        self.edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.edit.setUndoRedoEnabled(False)
        self.first_button = QToolButton(text="«", toolTip=self.tr("First page"))
        self.previous_button = QToolButton(text="‹", toolTip=self.tr("Previous page"))
        self.next_button = QToolButton(text="›", toolTip=self.tr("Next page"))
        self.last_button = QToolButton(text="»", toolTip=self.tr("Last page"))
        self.page_spin = QSpinBox(minimum=1, maximum=1, keyboardTracking=False)
        self.page_label = QLabel()
        self.page_bar = QWidget()
        bar = QHBoxLayout(self.page_bar)
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.first_button, self.previous_button):
            bar.addWidget(widget)
        bar.addWidget(QLabel(self.tr("Page")))
        bar.addWidget(self.page_spin)
        bar.addWidget(self.page_label)
        for widget in (self.next_button, self.last_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page_bar)
        layout.addWidget(self.edit, 1)
        self.page_bar.hide()
        self.first_button.clicked.connect(self._first)
        self.previous_button.clicked.connect(self._previous)
        self.next_button.clicked.connect(self._next)
        self.last_button.clicked.connect(self._last)
        self.page_spin.valueChanged.connect(self._spin_changed)

    # --- content ---------------------------------------------------------------------------

    def set_pages(self, pages: Pages | None, mark: tuple[int, int] | None = None) -> None:
        """Show ``pages`` from the first page (None: empty); ``mark`` is a byte range to draw.

        The first page is shown at once: made ahead on a worker for a large text
        (``Pages.prepare``), or small enough to make here."""
        self._pages, self._mark = pages, mark
        self._asked += 1  # a page still being made is no longer wanted
        self._wanted = None
        count = len(pages) if pages is not None else 1
        self.page_bar.setVisible(count > 1)
        self.page_spin.blockSignals(True)
        self.page_spin.setMaximum(count)
        self.page_spin.setValue(1)
        self.page_spin.blockSignals(False)
        self.page_label.setText(self.tr("of %n", "", count))
        if pages is None:
            self._page = 0
            self.edit.clear()
        else:
            self._set_page(0, pages.text(0))

    def set_message(self, text: str) -> None:
        """Show a sentence instead of pages."""
        self.set_pages(None)
        self.edit.setPlainText(text)

    def page_count(self) -> int:
        """How many pages there are (1 when empty)."""
        return len(self._pages) if self._pages is not None else 1

    def current_page(self) -> int:
        """The page shown, from 0."""
        return self._page

    def show_page(self, page: int, then: Callable[[], None] | None = None) -> None:
        """Show ``page`` (clamped), then call ``then``. With a task runner, a page whose text
        is not made yet is made on a worker (a page's text is 2-3 ms of Python: #15) and shown
        when it is back, unless another page was asked for meanwhile."""
        pages = self._pages
        if pages is None:
            return
        page = max(0, min(page, len(pages) - 1))
        self._asked += 1  # whatever is still being made was asked for before this
        self._wanted = None
        if self._tasks is None or pages.made(page):
            self._set_page(page, pages.text(page))
            if then is not None:
                then()
            return
        asked, self._wanted = self._asked, page

        def made(text: object, _error: SocketDeskError | None) -> None:
            if asked == self._asked and isinstance(text, str):
                self._wanted = None
                self._set_page(page, text)
                if then is not None:
                    then()

        self._tasks.run(lambda: pages.text(page), made)  # (the text only: nothing shared)

    def go_to_offset(self, offset: int) -> None:
        """Show the page holding byte ``offset`` and put the cursor on it."""
        pages = self._pages
        if pages is None:
            return

        def place() -> None:
            cursor = self.edit.textCursor()
            cursor.setPosition(min(pages.position_of(offset), len(self.edit.toPlainText())))
            self.edit.setTextCursor(cursor)
            self.edit.centerCursor()

        page = pages.page_of(offset)
        if page != self._page or self._wanted is not None:
            self.show_page(page, then=place)  # (also drops a page still being made)
        else:
            place()

    def cursor_offset_text(self) -> int:
        """The cursor's character position in the page's text."""
        return self.edit.textCursor().position()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._draw_mark()  # the mark's colour is the palette's

    # --- helpers ---------------------------------------------------------------------------

    def _set_page(self, page: int, text: str) -> None:
        """Show ``text``, the text of ``page``."""
        assert self._pages is not None
        self._page = page
        self.edit.setPlainText(text)
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(page + 1)
        self.page_spin.blockSignals(False)
        last = len(self._pages) - 1
        self.first_button.setEnabled(page > 0)
        self.previous_button.setEnabled(page > 0)
        self.next_button.setEnabled(page < last)
        self.last_button.setEnabled(page < last)
        self._draw_mark()

    def _target(self) -> int:
        """The page asked for last (still being made), else the page shown."""
        return self._page if self._wanted is None else self._wanted

    def _draw_mark(self) -> None:
        selections: list[QTextEdit.ExtraSelection] = []
        if self._pages is not None and self._mark is not None:
            start, end = self._pages.span(self._page)
            first, _last = self._mark
            if start <= first < end or (first == end == len(self._pages.data)):
                selection = QTextEdit.ExtraSelection()
                form = QTextCharFormat()
                form.setBackground(tint(self.palette(), "error", strength=2.0))
                form.setProperty(QTextFormat.Property.FullWidthSelection, True)
                selection.format = form  # type: ignore[assignment]
                cursor = QTextCursor(self.edit.document())
                cursor.setPosition(self._pages.position_of(first))
                cursor.movePosition(
                    QTextCursor.MoveOperation.EndOfLine, QTextCursor.MoveMode.KeepAnchor
                )
                selection.cursor = cursor  # type: ignore[assignment]
                selections.append(selection)
        self.edit.setExtraSelections(selections)

    @Slot()
    def _first(self) -> None:
        self.show_page(0)

    @Slot()
    def _previous(self) -> None:
        self.show_page(self._target() - 1)

    @Slot()
    def _next(self) -> None:
        self.show_page(self._target() + 1)

    @Slot()
    def _last(self) -> None:
        self.show_page(self.page_count() - 1)

    @Slot(int)
    def _spin_changed(self, value: int) -> None:
        self.show_page(value - 1)
