"""The raw request editor: typed text, highlighted, and what sending it will change."""

from __future__ import annotations

import re

from PySide6.QtCore import Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QCheckBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from desktop.core.errors import UnencodableInput
from desktop.core.http.request import BuiltRequest, build_request, get_template

__all__ = ["RequestEditor", "RequestHighlighter"]

_HEAD, _BODY = 0, 1  # block states: still in the head, or past the empty line
_REQUEST_LINE = re.compile(r"^(\S+)(?:( +)(\S+))?(?:( +)(\S+))?")
_HEADER = re.compile(r"^([^:\s]+):")


def _format(color: str, bold: bool = False) -> QTextCharFormat:
    text_format = QTextCharFormat()
    text_format.setForeground(QColor(color))
    if bold:
        text_format.setFontWeight(QFont.Weight.Bold)
    return text_format


class RequestHighlighter(QSyntaxHighlighter):
    """Colours the request line (method, target, version), header names and the body."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.method_format = _format("#1565c0", bold=True)
        self.target_format = _format("#2e7d32")
        self.version_format = _format("#6a1b9a")
        self.name_format = _format("#ad1457", bold=True)
        self.body_format = _format("#5d4037")

    def highlightBlock(self, text: str) -> None:
        previous = self.previousBlockState()
        if previous == _BODY:
            self.setFormat(0, len(text), self.body_format)
            self.setCurrentBlockState(_BODY)
            return
        if self.currentBlock().blockNumber() == 0:
            match = _REQUEST_LINE.match(text)
            if match:
                for group, text_format in (
                    (1, self.method_format),
                    (3, self.target_format),
                    (5, self.version_format),
                ):
                    if match.group(group):
                        self.setFormat(match.start(group), len(match.group(group)), text_format)
            self.setCurrentBlockState(_HEAD)
            return
        if not text.strip("\r"):
            self.setCurrentBlockState(_BODY)
            return
        match = _HEADER.match(text)
        if match:
            self.setFormat(0, len(match.group(1)), self.name_format)
        self.setCurrentBlockState(_HEAD)


class RequestEditor(QWidget):
    """A raw HTTP request as typed, with an "exact bytes" switch and a note on what changes.

    Outside exact mode, line endings become CRLF and Content-Length follows the body; the note
    under the editor says so as you type.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text_edit.setPlaceholderText(self.tr("GET / HTTP/1.1\nHost: example.com"))
        self.highlighter = RequestHighlighter(self.text_edit.document())
        self.exact_check = QCheckBox(self.tr("Exact bytes (no CRLF or Content-Length fixes)"))
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_edit, 1)
        layout.addWidget(self.exact_check)
        layout.addWidget(self.note_label)
        self.text_edit.textChanged.connect(self._update_note)
        self.exact_check.toggled.connect(self._update_note)
        self.set_text(get_template("localhost", "/"))

    def text(self) -> str:
        """The request as typed (lines end with LF)."""
        return self.text_edit.toPlainText()

    def set_text(self, text: str) -> None:
        """Replace the request (CRLF shows as one line break)."""
        self.text_edit.setPlainText(text.replace("\r\n", "\n"))

    def exact(self) -> bool:
        """Whether the typed bytes go out unchanged."""
        return self.exact_check.isChecked()

    def built(self) -> BuiltRequest:
        """The bytes to send and the notes on them.

        Raises:
            UnencodableInput: a character UTF-8 cannot write (a lone surrogate).
        """
        return build_request(self.text(), exact=self.exact())

    @Slot()
    def _update_note(self) -> None:
        try:
            built = self.built()
        except UnencodableInput as error:
            self.note_label.setText(str(error))
            return
        lines = list(built.notes)
        has_length = b"\r\ncontent-length:" in built.data.split(b"\r\n\r\n", 1)[0].lower()
        if not self.exact() and has_length:
            lines.append(
                self.tr(
                    "Content-Length is set to the body's length: %n byte(s).",
                    "",
                    built.content_length_actual,
                )
            )
        self.note_label.setText("\n".join(lines))
