from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.codec import visible_text


def test_controls_become_escapes() -> None:
    assert visible_text(b"GET /\r\n\tx\x00\x7f\x1b") == "GET /\\r\\n\\tx\\x00\\x7f\\x1b"


def test_backslash_is_escaped_so_the_line_is_unambiguous() -> None:
    assert visible_text(b"C:\\n") == "C:\\\\n"


def test_invalid_utf8_shows_escaped_bytes() -> None:
    assert visible_text(b"ok\xff\xfe") == "ok\\xff\\xfe"


def test_chinese_in_utf8_and_gbk() -> None:
    assert visible_text("你好".encode()) == "你好"
    assert visible_text("你好".encode("gbk"), "gbk") == "你好"


def test_invalid_gbk_including_ascii_bytes_in_the_bad_range() -> None:
    assert visible_text(b"\x81\x20ok", "gbk").endswith("ok")


def test_limit_adds_ellipsis() -> None:
    assert visible_text(b"abcdef", limit=3) == "abc…"


_ESCAPE = re.compile(r"\\(?:x([0-9a-f]{2})|([rnt\\]))")
_NAMED = {"r": 13, "n": 10, "t": 9, "\\": 92}


def _unescape_latin1(text: str) -> bytes:
    out = bytearray()
    pos = 0
    for match in _ESCAPE.finditer(text):
        out += text[pos : match.start()].encode("latin-1")
        out.append(int(match.group(1), 16) if match.group(1) else _NAMED[match.group(2)])
        pos = match.end()
    out += text[pos:].encode("latin-1")
    return bytes(out)


@given(st.binary(max_size=512), st.sampled_from(["utf-8", "gbk", "latin-1", "shift_jis", "utf-16"]))
def test_never_raises_and_never_contains_raw_controls(data: bytes, encoding: str) -> None:
    text = visible_text(data, encoding)
    assert not any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in text)
    assert not any(0xD800 <= ord(ch) <= 0xDFFF for ch in text)


@given(st.binary(max_size=512))
def test_latin1_view_round_trips_to_the_exact_bytes(data: bytes) -> None:
    assert _unescape_latin1(visible_text(data, "latin-1")) == data
