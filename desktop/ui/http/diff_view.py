"""Two responses side by side: status line, headers and decoded body, changed lines coloured."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.http.charset import choose_charset
from desktop.core.http.decode import decode_content
from desktop.core.http.exchange import ExchangeResult
from desktop.ui.theme import is_dark, mix, tint

__all__ = [
    "DIFF_MAX_BYTES",
    "DIFF_MAX_LINES",
    "DiffLine",
    "ResponseDiffDialog",
    "diff_lines",
    "row_colour",
]

# difflib is quadratic in the worst case: the bodies compared are cut to this many bytes and
# lines (both sides), and the dialog says so.
DIFF_MAX_BYTES = 1 << 20
DIFF_MAX_LINES = 5000
_LINE_CHARS = 2000  # a longer line is cut for display
_EXACT_WORK = 50_000  # line pairs difflib compares exactly (~0.2 s at worst, measured)

# The tone each kind of row is tinted with (the palette's base, tinted: the text stays the
# palette's own, readable in light and dark); "equal" rows are not tinted.
_TONES = {"replace": "warning", "delete": "error", "insert": "success"}
_LIGHT_STRENGTH = 2.0
_ABSENT = 0.12  # the side without a line where the other has one: base this far towards text


def row_colour(palette: QPalette, tag: str, present: bool) -> QColor | None:
    """The background of a row of kind ``tag`` (None: the view's own), from ``palette``."""
    if not present:
        return mix(
            palette.color(QPalette.ColorRole.Base),
            palette.color(QPalette.ColorRole.Text),
            _ABSENT,
        )
    tone = _TONES.get(tag)
    if tone is None:
        return None
    # On white the banner's light tint is too faint to tell a changed line from an equal one.
    return tint(palette, tone, strength=1.0 if is_dark(palette) else _LIGHT_STRENGTH)


@dataclass(frozen=True)
class DiffLine:
    """One row of a side-by-side diff; a side is None where the other has an extra line.

    Attributes:
        tag: ``equal``, ``replace``, ``delete`` (left only) or ``insert`` (right only).
    """

    tag: str
    left: str | None
    right: str | None


def diff_lines(left: list[str], right: list[str]) -> list[DiffLine]:
    """Pair the lines of two texts for a side-by-side view.

    The common head and tail are matched first (the usual case: a few changed lines among
    many equal ones); difflib matches the rest. difflib is quadratic on repeated lines (two
    reversed 5,000-line bodies of 7 distinct lines took 111 s), so above
    :data:`_EXACT_WORK` line pairs it ignores lines that occur in more than 1% of the text
    (its "autojunk"): still correct, but less minimal.
    """
    shortest = min(len(left), len(right))
    head = 0
    while head < shortest and left[head] == right[head]:
        head += 1
    tail = 0
    while tail < shortest - head and left[-1 - tail] == right[-1 - tail]:
        tail += 1
    rows = [DiffLine("equal", line, line) for line in left[:head]]
    middle_left, middle_right = left[head : len(left) - tail], right[head : len(right) - tail]
    junk = len(middle_left) * len(middle_right) > _EXACT_WORK
    matcher = difflib.SequenceMatcher(None, middle_left, middle_right, autojunk=junk)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        a, b = middle_left[i1:i2], middle_right[j1:j2]
        for k in range(max(len(a), len(b))):
            row_tag = tag
            if tag == "replace" and (k >= len(a) or k >= len(b)):
                row_tag = "insert" if k >= len(a) else "delete"
            rows.append(
                DiffLine(row_tag, a[k] if k < len(a) else None, b[k] if k < len(b) else None)
            )
    rows += [DiffLine("equal", line, line) for line in left[len(left) - tail :]]
    return rows


def _lines(result: ExchangeResult) -> tuple[list[str], list[str]]:
    """(status line and headers, body lines) of the last response, with notes when cut."""
    if not result.responses:
        return ["(no response was parsed)"], []
    response = result.responses[-1]
    status = "" if response.status is None else str(response.status)
    head = [
        " ".join(
            part
            for part in (
                response.http_version.decode("latin-1"),
                status,
                response.reason.decode("latin-1"),
            )
            if part
        )
    ]
    head += [f"{n.decode('latin-1')}: {v.decode('latin-1')}" for n, v in response.headers]
    codings = response.codings()
    data: bytes | bytearray | memoryview = response.body_view()
    cut = False
    if codings:
        decoded = decode_content(data, codings, DIFF_MAX_BYTES)
        data, cut = decoded.data, decoded.truncated
    cut = cut or len(data) > DIFF_MAX_BYTES
    sample = bytes(data[:DIFF_MAX_BYTES])
    types = response.header_values(b"content-type")
    charset = choose_charset(sample, types[0] if types else None)
    text = sample[charset.bom_length :].decode(charset.encoding, errors="replace")
    body = [line[:_LINE_CHARS] for line in text.splitlines()]
    if len(body) > DIFF_MAX_LINES:
        body, cut = body[:DIFF_MAX_LINES], True
    if cut:
        body.append("(… the rest of the body is not compared)")
    return head, body


class ResponseDiffDialog(QDialog):
    """The status line, headers and decoded body of two exchanges, compared line by line.

    Args:
        left: the earlier (or first chosen) exchange.
        right: the other exchange.
        parent: the parent widget.

    Attributes:
        rows: the compared rows, head first, then body (``DiffLine``).
        head_rows: how many of ``rows`` belong to the status line and headers.
    """

    def __init__(
        self, left: ExchangeResult, right: ExchangeResult, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Compare responses"))
        self.resize(1100, 700)
        left_head, left_body = _lines(left)
        right_head, right_body = _lines(right)
        head = diff_lines(left_head, right_head)
        body = diff_lines(left_body, right_body)
        self.rows = head + body
        self.head_rows = len(head)
        self._parts = (head, body)
        changed = sum(row.tag != "equal" for row in self.rows)
        self.summary = QLabel(
            self.tr("%n line(s) differ.", "", changed) if changed else self.tr("No difference.")
        )
        self.left_view = self._browser()
        self.right_view = self._browser()
        self._fill_both()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.left_view)
        splitter.addWidget(self.right_view)
        self.left_view.verticalScrollBar().valueChanged.connect(self._sync_right)
        self.right_view.verticalScrollBar().valueChanged.connect(self._sync_left)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._fill_both()  # the row colours are the palette's: a new theme, new colours

    def _fill_both(self) -> None:
        head, body = self._parts
        for view, left in ((self.left_view, True), (self.right_view, False)):
            position = view.verticalScrollBar().value()
            self._fill(view, head, body, left=left)
            view.verticalScrollBar().setValue(position)

    def changed_rows(self) -> list[DiffLine]:
        """The rows that differ."""
        return [row for row in self.rows if row.tag != "equal"]

    @staticmethod
    def _browser() -> QTextBrowser:
        browser = QTextBrowser()
        browser.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        browser.setLineWrapMode(QTextBrowser.LineWrapMode.NoWrap)
        return browser

    def _fill(
        self, browser: QTextBrowser, head: list[DiffLine], body: list[DiffLine], left: bool
    ) -> None:
        """One block per row (both sides have as many), coloured by what changed."""
        palette = self.palette()
        document = browser.document()
        document.clear()
        cursor = QTextCursor(document)
        bold = QTextCharFormat()
        bold.setFontWeight(QFont.Weight.Bold)
        plain = QTextCharFormat()
        first = True
        for title, rows in ((self.tr("Status line and headers"), head), (self.tr("Body"), body)):
            if not first:
                cursor.insertBlock(QTextBlockFormat())
            first = False
            cursor.insertText(title, bold)
            for row in rows:
                text = row.left if left else row.right
                colour = row_colour(palette, row.tag, text is not None)
                block = QTextBlockFormat()
                if colour is not None:
                    block.setBackground(colour)
                cursor.insertBlock(block)
                cursor.insertText(text or "", plain)
        browser.moveCursor(QTextCursor.MoveOperation.Start)

    @Slot(int)
    def _sync_right(self, value: int) -> None:
        self.right_view.verticalScrollBar().setValue(value)

    @Slot(int)
    def _sync_left(self, value: int) -> None:
        self.left_view.verticalScrollBar().setValue(value)
