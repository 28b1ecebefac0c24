"""Bytes cut into pages of text, made one page at a time as it is shown (no Qt here).

A 100 MB body is never one string: a page is ~512 KiB of bytes cut after a line feed, and its
text is made when the page is shown. Lines longer than :data:`WRAP_CHARS` are broken for
display (a single 512 KiB line makes a text editor crawl); in the raw view every real line end
is drawn as ``\\r``/``\\n``, so such a break is never mistaken for one.
"""

from __future__ import annotations

import codecs
from array import array
from collections.abc import Callable

__all__ = [
    "PAGE_BYTES",
    "RAW_PAGE_BYTES",
    "WRAP_CHARS",
    "Pages",
    "raw_pages",
    "raw_text",
    "text_pages",
]

# A page's text goes to a QPlainTextEdit at once, on the GUI thread: 512 KiB of short lines took
# 25 ms on an idle machine and 43 ms on a busy one (measured, #15): a quarter of that keeps every
# page turn well inside the 50 ms a stall may last.
PAGE_BYTES = 128 << 10
# Raw pages are smaller: a binary byte is drawn as four characters (``\xNN``).
RAW_PAGE_BYTES = 128 << 10
_LF_SEARCH = 8 << 10  # how far past PAGE_BYTES a line feed is looked for before a hard cut
# Longer lines make the editor lay out slowly: a 128 KiB binary page took 94 ms at 4096
# characters a line, 17 ms at 1024, 11 ms at 256; a minified JSON page 23 ms at 1024, 9 ms at
# 256 (measured offscreen, #15: most of the GUI's stall when a large response is first shown).
WRAP_CHARS = 256

Render = Callable[[bytes, bool], str]  # (page bytes, first page?) -> text


class Pages:
    """``data`` cut into pages at line feeds; ``text(i)`` renders page ``i`` on demand.

    Args:
        data: the bytes (kept by reference).
        render: makes the text of one page's bytes.
        page_bytes: the target page size.
        align: page starts are multiples of this (4 for UTF-16/32 text, else 1).
    """

    def __init__(
        self,
        data: bytes | bytearray | memoryview,
        render: Render,
        page_bytes: int = PAGE_BYTES,
        align: int = 1,
    ) -> None:
        self.data = data
        self._render = render
        self._made: tuple[int, str] | None = None  # a page's text made ahead (``prepare``)
        self.starts = array("q", [0])
        size = len(data)
        view = memoryview(data)
        while self.starts[-1] + page_bytes < size:
            start = self.starts[-1]
            self.starts.append(_cut(view, start + page_bytes, size, align))

    def __len__(self) -> int:
        return len(self.starts)

    def span(self, page: int) -> tuple[int, int]:
        """The byte range of ``page``."""
        end = self.starts[page + 1] if page + 1 < len(self.starts) else len(self.data)
        return self.starts[page], end

    def text(self, page: int) -> str:
        """The text of ``page`` (the one made by ``prepare`` is handed over as it is)."""
        made = self._made
        if made is not None and made[0] == page:
            return made[1]
        start, end = self.span(page)
        return self._render(bytes(self.data[start:end]), page == 0)

    def prepare(self, page: int = 0) -> Pages:
        """Make the text of ``page`` now, on the worker thread that made these pages, before
        they are handed to the GUI thread, which then only sets text it is handed (a page's
        text took 2-3 ms of Python that a busy worker stretched to 10 and more: #15). Returns
        the pages."""
        self._made = (page, self.text(page))
        return self

    def made(self, page: int) -> bool:
        """True if the text of ``page`` is made (``text`` hands it over at once)."""
        made = self._made
        return made is not None and made[0] == page

    def page_of(self, offset: int) -> int:
        """The page holding byte ``offset`` (clamped to the pages there are)."""
        low, high = 0, len(self.starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.starts[middle] <= offset:
                low = middle
            else:
                high = middle - 1
        return low

    def position_of(self, offset: int) -> int:
        """Where byte ``offset`` lands in its page's text (a character index)."""
        page = self.page_of(offset)
        start, end = self.span(page)
        prefix = bytes(self.data[start : max(start, min(offset, end))])
        return len(self._render(prefix, page == 0))


def _cut(view: memoryview, target: int, size: int, align: int) -> int:
    """A page boundary near ``target``: after a line feed if one is close, else a hard cut
    that does not split a UTF-8 sequence."""
    window = bytes(view[target : min(size, target + _LF_SEARCH)])
    lf = window.find(b"\n")
    if lf >= 0 and align == 1:
        return target + lf + 1
    cut = target - target % align
    if align == 1:
        for back in range(3):  # step back over UTF-8 continuation bytes
            if not 0x80 <= view[cut - back] <= 0xBF:
                return cut - back
    return cut


def _wrap(line: str) -> list[str]:
    """``line`` in pieces of at most WRAP_CHARS characters, never splitting an escape."""
    pieces: list[str] = []
    start = 0
    while len(line) - start > WRAP_CHARS:
        cut = start + WRAP_CHARS
        # An escape (\\, \t, \r: 2 characters; \xNN: 4) starting just before the cut may
        # run past it: cut before it instead.
        back = line.rfind("\\", cut - 3, cut)
        length = 4 if back >= 0 and line[back + 1] == "x" else 2
        if back > start and back + length > cut and _starts_escape(line, back):
            cut = back
        pieces.append(line[start:cut])
        start = cut
    pieces.append(line[start:])
    return pieces


def _starts_escape(line: str, index: int) -> bool:
    """True if the backslash at ``index`` begins an escape (not the second of a ``\\\\``)."""
    first = index
    while first > 0 and line[first - 1] == "\\":
        first -= 1
    return (index - first) % 2 == 0


# SocketDesk's escape syntax (desktop/core/codec/visible.py): \r \n \t \\ and \xNN for other
# control characters and for bytes that are not UTF-8. "surrogateescape" (done in C) turns such
# a byte into U+DC80..U+DCFF, where the table finds it: 40x faster than a Python error handler
# on binary data (measured on a gzip body).
_ESCAPES: dict[int, str] = {code: f"\\x{code:02x}" for code in [*range(0x20), 0x7F]}
_ESCAPES |= {0x09: "\\t", 0x0D: "\\r", 0x5C: "\\\\"}
_ESCAPES |= {0xDC00 + byte: f"\\x{byte:02x}" for byte in range(0x80, 0x100)}


# Binary data read as UTF-8 yields characters of dozens of scripts, and the first use of each
# makes Qt search its font database for a fallback (a 100 ms stall on a gzip body, measured):
# a page with more than this share of bytes that are not UTF-8 is drawn all in \xNN.
_BINARY_SHARE = 0.01
_BINARY_ESCAPES = {code: f"\\x{code:02x}" for code in range(0x80, 0x100)} | _ESCAPES


def raw_text(data: bytes) -> str:
    """The bytes one line per LF, CR, LF, TAB and control bytes drawn as escapes; lines longer
    than :data:`WRAP_CHARS` are broken for display. Text is read as UTF-8; a page that is
    mostly not UTF-8 (binary) shows every byte above 0x7F as ``\\xNN``."""
    # Bytes that are not UTF-8: what decoding drops when told to ignore them (one C pass;
    # a regex listing the surrogates of a 128 KiB gzip page held the GUI 14-21 ms, #15).
    not_utf8 = len(data) - len(data.decode("utf-8", errors="ignore").encode("utf-8"))
    if not_utf8 > _BINARY_SHARE * len(data):
        # Python's "unicode_escape" of Latin-1 text is exactly _BINARY_ESCAPES (\t \r \\ and
        # \xNN for every other control byte and every byte above 0x7E), done in C: a 128 KiB
        # binary page in 2 ms instead of 26 (measured, #15).
        lines = [
            line.decode("latin-1").encode("unicode_escape").decode("ascii")
            for line in data.split(b"\n")
        ]
    else:
        text = data.decode("utf-8", errors="surrogateescape")
        lines = [line.translate(_ESCAPES) for line in text.split("\n")]
    if max(map(len, lines), default=0) > WRAP_CHARS:
        lines = ["\n".join(_wrap(line)) for line in lines]
    return "\\n\n".join(lines)


def raw_pages(data: bytes | bytearray | memoryview) -> Pages:
    """The raw view's pages: exact bytes, escapes for what is not printable."""
    return Pages(data, lambda chunk, _first: raw_text(chunk), RAW_PAGE_BYTES)


def text_pages(data: bytes | bytearray | memoryview, encoding: str, bom_length: int = 0) -> Pages:
    """A decoded body's pages; undecodable bytes show as U+FFFD."""
    wide = codecs.lookup(encoding).name.startswith(("utf-16", "utf-32"))

    def render(chunk: bytes, first: bool) -> str:
        text = chunk[bom_length if first else 0 :].decode(encoding, errors="replace")
        return "\n".join(part for line in text.split("\n") for part in _wrap(line))

    return Pages(data, render, align=4 if wide else 1)
