"""Where the send box's input is wrong: a sentence under the editor and the characters marked.

The mark uses the palette's error tone and follows theme changes (``apply_tones``).
"""

from __future__ import annotations

from PySide6.QtGui import QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QWidget

from desktop.core.errors import InputError, StoreError
from desktop.ui.sentences import say
from desktop.ui.theme import tint, tone_text

__all__ = ["InputErrorMark"]


class InputErrorMark:
    """Shows an input error in ``label`` and marks its characters in ``editor``.

    Args:
        owner: the widget whose palette gives the colours (the editor's may lag behind it).
        editor: the text being checked.
    """

    def __init__(self, owner: QWidget, editor: QPlainTextEdit) -> None:
        self._owner = owner
        self._editor = editor
        self.label = QLabel()
        self.label.setObjectName("sendError")
        self.label.setWordWrap(True)
        self.label.hide()
        self._marked: tuple[int, int] | None = None  # (position, length) of the input error
        self.position: tuple[int, int] | None = None  # the last error shown
        self.apply_tones()

    def show(self, error: InputError) -> None:
        """Say what is wrong and highlight it in the editor."""
        self.label.setText(say(error))
        self.label.show()
        self.position = (error.position, error.length)
        self._marked = self.position
        self._mark()

    def show_store_error(self, error: StoreError) -> None:
        """Say why the saved messages could not be read or written (nothing is marked)."""
        self.label.setText(say(error))
        self.label.show()

    def _mark(self) -> None:
        """Mark the input error's characters in the editor, in the palette's error tone."""
        if self._marked is None:
            return
        position, length = self._marked
        palette = self._owner.palette()  # the editor's may not have its new palette yet
        editor = self._editor
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(editor.document())
        cursor.setPosition(min(position, len(editor.toPlainText())))
        cursor.setPosition(
            min(position + length, len(editor.toPlainText())),
            QTextCursor.MoveMode.KeepAnchor,
        )
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(tint(palette, "error", strength=2.0))
        fmt.setForeground(palette.color(QPalette.ColorRole.Text))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(tone_text(palette, "error"))
        selection.format = fmt
        editor.setExtraSelections([selection])

    def apply_tones(self) -> None:
        """The error's colours, from the palette now (at start and on a theme change)."""
        label = self.label.palette()
        color = tone_text(self._owner.palette(), "error", QPalette.ColorRole.Window)
        if label.color(QPalette.ColorRole.WindowText) != color:
            label.setColor(QPalette.ColorRole.WindowText, color)
            self.label.setPalette(label)
        self._mark()

    def clear(self) -> None:
        """Forget a shown error."""
        if self.label.isVisible():
            self.label.hide()
            self._marked = None
            self._editor.setExtraSelections([])
