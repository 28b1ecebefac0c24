"""The raw request editor: typed text, highlighted, and what sending it will change."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QEvent, QSignalBlocker, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPainter,
    QPaintEvent,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import UnencodableInput
from desktop.core.http.request import (
    BuiltRequest,
    build_request,
    build_request_bytes,
    get_template,
    split_requests,
)
from desktop.ui.sentences import say
from desktop.ui.theme import mix, tone_text

PIPELINE_SEPARATOR = "### next request"

__all__ = ["PIPELINE_SEPARATOR", "MarkedTextEdit", "RequestEditor", "RequestHighlighter"]

_HEAD, _BODY = 0, 1  # block states: still in the head, or past the empty line
_REQUEST_LINE = re.compile(r"^(\S+)(?:( +)(\S+))?(?:( +)(\S+))?")
_HEADER = re.compile(r"^([^:\s]+):")


def _format(color: QColor, bold: bool = False) -> QTextCharFormat:
    text_format = QTextCharFormat()
    text_format.setForeground(color)
    if bold:
        text_format.setFontWeight(QFont.Weight.Bold)
    return text_format


class RequestHighlighter(QSyntaxHighlighter):
    """Colours the request line (method, target, version), header names and the body.

    The colours are tones of the palette given (``set_palette``), readable on its base.
    """

    def __init__(self, document: QTextDocument, palette: QPalette | None = None) -> None:
        super().__init__(document)
        self.set_palette(palette if palette is not None else QPalette())

    def set_palette(self, palette: QPalette) -> None:
        """Take the colours from ``palette`` and highlight the text again with them."""
        self.method_format = _format(tone_text(palette, "accent"), bold=True)
        self.target_format = _format(tone_text(palette, "success"))
        self.version_format = _format(tone_text(palette, "done"))
        self.name_format = _format(tone_text(palette, "sponsors"), bold=True)
        self.body_format = _format(tone_text(palette, "severe"))
        self.rehighlight()

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


class MarkedTextEdit(QPlainTextEdit):
    """A plain text editor that can draw, after each line, how that line ends when sent.

    ``endings`` gives one label per block (``CRLF``, ``LF``, ``CR LF``…, or "" for none).
    """

    def __init__(self, endings: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._endings = endings
        self.show_endings = True

    @property
    def marker_color(self) -> QColor:
        """The colour of the line-ending marks: the text, faded towards the base."""
        palette = self.palette()
        return mix(
            palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.45
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.show_endings:
            return
        endings = self._endings()
        painter = QPainter(self.viewport())
        painter.setPen(self.marker_color)
        offset = self.contentOffset()
        block = self.firstVisibleBlock()
        bottom = self.viewport().rect().bottom()
        while block.isValid():
            rect = self.blockBoundingGeometry(block).translated(offset)
            if rect.top() > bottom:
                break
            number = block.blockNumber()
            label = endings[number] if number < len(endings) else ""
            layout = block.layout()
            if label and block.isVisible() and layout.lineCount():
                line = layout.lineAt(layout.lineCount() - 1)
                origin = layout.position()
                x = rect.left() + origin.x() + line.naturalTextWidth() + 6
                baseline = rect.top() + origin.y() + line.y() + line.ascent()
                painter.drawText(int(x), int(baseline), f"↵{label}")
            block = block.next()
        painter.end()


class RequestEditor(QWidget):
    """A raw HTTP request as typed, with an "exact bytes" switch and a note on what changes.

    Outside exact mode, line endings of the head become CRLF and Content-Length follows the
    body; the note under the editor says so as you type, and each line shows how it ends when
    sent. Bytes set with ``set_bytes`` (the hex editor) are sent exactly until the text is
    edited again.

    Signals:
        request_changed(): the text, the exact bytes or the mode changed.
    """

    request_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._exact_bytes: bytes | None = None
        self._setting_bytes = False
        self._endings_cache: tuple[tuple[object, ...], list[str]] | None = None
        self.pipeline = False
        self.text_edit = MarkedTextEdit(self.line_endings)
        self.text_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text_edit.setPlaceholderText(self.tr("GET / HTTP/1.1\nHost: example.com"))
        self.highlighter = RequestHighlighter(self.text_edit.document(), self.palette())
        self.exact_check = QCheckBox(self.tr("Exact bytes (no CRLF or Content-Length fixes)"))
        self.auto_length_check = QCheckBox(self.tr("Automatic Content-Length"))
        self.auto_length_check.setChecked(True)
        self.endings_check = QCheckBox(self.tr("Show line endings"))
        self.endings_check.setChecked(True)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        options = QGridLayout()
        options.addWidget(self.exact_check, 0, 0, 1, 2)
        options.addWidget(self.auto_length_check, 1, 0)
        options.addWidget(self.endings_check, 1, 1)
        options.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text_edit, 1)
        layout.addLayout(options)
        layout.addWidget(self.note_label)
        self.text_edit.textChanged.connect(self._text_changed)
        self.exact_check.toggled.connect(self._update_note)
        self.auto_length_check.toggled.connect(self._update_note)
        self.endings_check.toggled.connect(self._show_endings)
        self.set_text(get_template("localhost", "/"))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            # New colours for the same text: not an edit (exact bytes and the note stay).
            with QSignalBlocker(self.text_edit):
                self.highlighter.set_palette(self.palette())

    def text(self) -> str:
        """The request as typed (lines end with LF)."""
        return self.text_edit.toPlainText()

    def set_text(self, text: str) -> None:
        """Replace the request (CRLF shows as one line break)."""
        self._exact_bytes = None
        self.text_edit.setPlainText(text.replace("\r\n", "\n"))

    def set_bytes(self, data: bytes) -> None:
        """Send exactly ``data`` (switches to exact mode); the text shows it decoded."""
        self._setting_bytes = True
        try:
            shown = data.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\u240d")
            self.text_edit.setPlainText(shown)
        finally:
            self._setting_bytes = False
        self._exact_bytes = data
        self.exact_check.setChecked(True)
        self._update_note()

    def exact_bytes(self) -> bytes | None:
        """The bytes set with ``set_bytes``, while the text was not edited since."""
        return self._exact_bytes

    def exact(self) -> bool:
        """Whether the typed bytes go out unchanged."""
        return self.exact_check.isChecked()

    def set_pipeline(self, pipeline: bool) -> None:
        """Whether lines ``### next request`` separate several requests."""
        self.pipeline = pipeline
        self._update_note()

    def data(self) -> bytes:
        """The typed bytes before any change (UTF-8), or the exact bytes set.

        Raises:
            UnencodableInput: a character UTF-8 cannot write (a lone surrogate).
        """
        if self._exact_bytes is not None:
            return self._exact_bytes
        return build_request(self.text(), exact=True).data

    def built(self) -> BuiltRequest:
        """The bytes to send and the notes on them (the first request of a pipeline).

        Raises:
            UnencodableInput: a character UTF-8 cannot write (a lone surrogate).
        """
        requests = self.built_all()
        return requests[0] if requests else build_request_bytes(b"")

    def built_all(self) -> list[BuiltRequest]:
        """Every request to send: one, or the parts of a pipeline.

        Raises:
            UnencodableInput: a character UTF-8 cannot write (a lone surrogate).
        """
        data = self.data()
        parts = split_requests(data, PIPELINE_SEPARATOR.encode()) if self.pipeline else [data]
        return [
            build_request_bytes(
                part, exact=self.exact(), auto_content_length=self.auto_length_check.isChecked()
            )
            for part in parts
        ]

    def line_endings(self) -> list[str]:
        """How each line of the editor ends when sent: ``CRLF``, ``LF`` or "" (the last line,
        or a pipeline separator, which is not sent)."""
        # Asked for at every paint: worked out again only when the text or a mode changed.
        key = (
            self.text_edit.document().revision(),
            self.exact(),
            self.pipeline,
            self._exact_bytes,
        )
        if self._endings_cache is None or self._endings_cache[0] != key:
            self._endings_cache = (key, self._line_endings())
        return self._endings_cache[1]

    def _line_endings(self) -> list[str]:
        if self._exact_bytes is not None:
            lines = self._exact_bytes.split(b"\n")
            marks = ["CRLF" if line.endswith(b"\r") else "LF" for line in lines[:-1]]
            return [*marks, ""]
        lines_text = self.text().split("\n")
        marks = []
        in_head, started = True, False
        for line in lines_text[:-1]:
            if self.pipeline and line.strip() == PIPELINE_SEPARATOR:
                marks.append("")
                in_head, started = True, False
                continue
            if not started and not line.strip() and not self.exact():
                marks.append("")  # empty lines before the request line are not sent
                continue
            marks.append("CRLF" if in_head and not self.exact() else "LF")
            if line.strip():
                started = True
            elif started:
                in_head = False  # the empty line that ends the head ends with CRLF too
        return [*marks, ""]

    @Slot()
    def _text_changed(self) -> None:
        if not self._setting_bytes:
            self._exact_bytes = None
        self._update_note()

    @Slot(bool)
    def _show_endings(self, shown: bool) -> None:
        self.text_edit.show_endings = shown
        self.text_edit.viewport().update()

    @Slot()
    def _update_note(self) -> None:
        self.text_edit.viewport().update()
        self.request_changed.emit()
        try:
            requests = self.built_all()
        except UnencodableInput as error:
            self.note_label.setText(say(error))
            return
        lines: list[str] = []
        if self._exact_bytes is not None:
            lines.append(
                self.tr(
                    "Sending the %n byte(s) set in hex exactly; typing replaces them.",
                    "",
                    len(self._exact_bytes),
                )
            )
        if self.pipeline:
            lines.append(self.tr("%n request(s) in the pipeline.", "", len(requests)))
        for built in requests[:1]:
            lines += [say(note) for note in built.notes]
            head = built.data.split(b"\r\n\r\n", 1)[0].lower()
            auto = self.auto_length_check.isChecked()
            typed, actual = built.content_length_typed, built.content_length_actual
            if not self.exact() and not auto and typed is not None and typed != actual:
                lines.append(
                    self.tr(
                        "Content-Length says {typed} but the body has %n byte(s).", "", actual
                    ).format(typed=typed)
                )
            if not self.exact() and auto and b"\r\ncontent-length:" in head:
                lines.append(
                    self.tr(
                        "Content-Length is set to the body's length: %n byte(s).",
                        "",
                        built.content_length_actual,
                    )
                )
        self.note_label.setText("\n".join(lines))
