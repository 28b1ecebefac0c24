"""Pages of text over large bytes: boundaries, offsets, and the raw escapes."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.codec.visible import visible_text
from desktop.ui.http.pages import WRAP_CHARS, Pages, raw_pages, raw_text, text_pages

_ESCAPE = re.compile(r"\\(x[0-9a-f]{2}|[rtn\\])(\n?)|([^\\]+)", re.DOTALL)


def _unescape(text: str) -> bytes:
    out = bytearray()
    for match in _ESCAPE.finditer(text):
        escape, newline, plain = match.groups()
        # A line feed of the text that does not follow the \n escape is a display break.
        if plain is not None:
            out += plain.replace("\n", "").encode("utf-8", "surrogatepass")
        elif escape.startswith("x"):
            out.append(int(escape[1:], 16))
        else:
            out += {"r": b"\r", "t": b"\t", "n": b"\n", "\\": b"\\"}[escape]
            assert bool(newline) or escape != "n"
    return bytes(out)


@given(st.binary(max_size=200))
def test_raw_text_shows_every_byte_and_gives_it_back(data: bytes) -> None:
    assert _unescape(raw_text(data)) == data


@given(st.text(max_size=200))
def test_raw_text_of_utf8_text_is_the_escape_syntax_of_the_log(text: str) -> None:
    data = text.encode()
    lines = [visible_text(line, "utf-8", len(line) + 1) for line in data.split(b"\n")]
    assert raw_text(data) == "\\n\n".join(lines)


def test_binary_pages_are_drawn_in_escapes_only() -> None:
    data = bytes(range(256)) * 4
    shown = raw_text(data)
    assert shown.isascii() and _unescape(shown) == data
    assert raw_text("中文 text".encode()) == "中文 text"


@pytest.mark.parametrize("shift", range(4))
def test_a_line_broken_for_display_never_splits_an_escape(shift: int) -> None:
    # Escapes of 2 and 4 characters, and a run of backslashes, at every alignment of a break.
    line = b"a" * shift + (bytes(range(256)) + b"\\\\\\" + "é".encode()).replace(b"\n", b"")
    data = line * (3 * WRAP_CHARS // len(line) + 2)
    for text in (raw_text(data), raw_text(data.decode("latin-1").encode())):
        assert all(len(piece) <= WRAP_CHARS for piece in text.split("\n"))
    assert _unescape(raw_text(data)) == data


def test_pages_cut_after_a_line_feed_and_cover_every_byte() -> None:
    data = b"".join(b"%05d abc\n" % i for i in range(10_000))
    pages = Pages(data, lambda chunk, _first: chunk.decode(), page_bytes=4096)
    spans = [pages.span(i) for i in range(len(pages))]
    assert spans[0][0] == 0 and spans[-1][1] == len(data)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(data[end - 1 : end] == b"\n" for _start, end in spans)
    assert "".join(pages.text(i) for i in range(len(pages))) == data.decode()
    offset = data.index(b"07777 abc")
    page = pages.page_of(offset)
    assert pages.text(page)[pages.position_of(offset) :].startswith("07777 abc")


def test_a_hard_cut_never_splits_a_utf8_character() -> None:
    data = "中" * 10_000  # no line feed at all: 30,000 bytes
    pages = text_pages(data.encode(), "utf-8")
    assert len(pages) == 1
    small = Pages(data.encode(), lambda c, _f: c.decode("utf-8"), page_bytes=1000)
    assert "".join(small.text(i) for i in range(len(small))) == data


def test_long_lines_are_broken_for_display_only() -> None:
    raw = raw_pages(b"x" * (3 * WRAP_CHARS))
    assert raw.text(0).split("\n") == ["x" * WRAP_CHARS] * 3
    utf16 = text_pages("ab\ncd".encode("utf-16"), "utf-16-le", bom_length=2)
    assert utf16.text(0) == "ab\ncd"


def _escaped_by_table(data: bytes) -> str:
    """The binary rendering as it was first written: every line through _BINARY_ESCAPES."""
    from desktop.ui.http.pages import _BINARY_ESCAPES, _wrap

    lines = [line.translate(_BINARY_ESCAPES) for line in data.decode("latin-1").split("\n")]
    if max(map(len, lines), default=0) > WRAP_CHARS:
        lines = ["\n".join(_wrap(line)) for line in lines]
    return "\\n\n".join(lines)


@settings(max_examples=300, deadline=None)
@given(st.binary(min_size=1, max_size=3000).map(lambda b: b + bytes(range(0x80, 0x100))))
def test_binary_pages_are_escaped_in_c_exactly_as_by_the_table(data: bytes) -> None:
    assert raw_text(data) == _escaped_by_table(data)
