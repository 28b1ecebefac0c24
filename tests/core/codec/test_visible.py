from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.codec import visible_text


def test_controls_become_pictures() -> None:
    assert visible_text(b"GET /\r\n\tx\x00\x7f") == "GET /␍␊␉x␀␡"


def test_invalid_utf8_shows_escaped_bytes() -> None:
    assert visible_text(b"ok\xff\xfe") == "ok\\xff\\xfe"


def test_chinese_in_utf8_and_gbk() -> None:
    assert visible_text("你好".encode()) == "你好"
    assert visible_text("你好".encode("gbk"), "gbk") == "你好"


def test_limit_adds_ellipsis() -> None:
    assert visible_text(b"abcdef", limit=3) == "abc…"


@given(st.binary(max_size=512), st.sampled_from(["utf-8", "gbk", "latin-1", "shift_jis"]))
def test_never_raises_and_never_contains_raw_controls(data: bytes, encoding: str) -> None:
    text = visible_text(data, encoding)
    assert not any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in text)
