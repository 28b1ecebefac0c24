from __future__ import annotations

import codecs
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.codec import StreamDecoder, detect_encoding, visible_text

GB_FAMILY = {"gbk", "gb18030", "gb2312"}
PARAGRAPH = (
    "我们在这里讨论网络调试工具的设计，包括发送框的输入格式、十六进制显示以及编码的自动识别。"
    "这个段落需要足够长，才能让检测器做出可靠的判断；服务器返回的数据常常是简体中文。"
)


def test_ascii_is_utf8() -> None:
    assert detect_encoding(b"GET / HTTP/1.1\r\n\r\n") == "utf-8"
    assert detect_encoding(b"") == "utf-8"


def test_valid_utf8_json_with_chinese_is_utf8() -> None:
    data = json.dumps({"name": "张三", "city": "北京"}, ensure_ascii=False).encode()
    assert detect_encoding(data) == "utf-8"


def test_utf8_cut_mid_character_is_still_utf8() -> None:
    assert detect_encoding("中文".encode()[:-1]) == "utf-8"


def test_long_gbk_paragraph_is_gb_family() -> None:
    assert detect_encoding(PARAGRAPH.encode("gbk")) in GB_FAMILY


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("abc 中".encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + "abc".encode("utf-16-be"), "utf-16"),
        ("abc".encode("utf-32"), "utf-32"),
        (codecs.BOM_UTF32_BE + "abc".encode("utf-32-be"), "utf-32"),
        (codecs.BOM_UTF8 + "中".encode(), "utf-8"),
    ],
)
def test_bom_wins(data: bytes, expected: str) -> None:
    assert detect_encoding(data, declared="latin-1") == expected


def test_declared_encoding_wins_when_it_decodes() -> None:
    data = PARAGRAPH.encode("gbk")
    assert detect_encoding(data, declared="GBK") == "gbk"
    assert detect_encoding("中".encode(), declared="latin-1") == "iso8859-1"


def test_declared_encoding_that_does_not_decode_is_ignored() -> None:
    assert detect_encoding("中文".encode(), declared="ascii") == "utf-8"


@pytest.mark.parametrize("declared", ["no-such-codec", "hex", "rot13"])
def test_unknown_or_non_text_declared_encoding_is_ignored(declared: str) -> None:
    assert detect_encoding(b"abcd", declared=declared) == "utf-8"


def test_undetectable_bytes_fall_back_to_latin1() -> None:
    assert detect_encoding(bytes([0x80, 0x81, 0xFE, 0xFF]) * 3 + b"\x00") == "latin-1"


@given(st.binary(max_size=300), st.sampled_from([None, "utf-8", "gbk", "bogus"]))
def test_any_bytes_give_a_codec_name(data: bytes, declared: str | None) -> None:
    codecs.lookup(detect_encoding(data, declared))


# --- StreamDecoder ---------------------------------------------------------------------------


def test_character_split_across_reads() -> None:
    decoder = StreamDecoder("utf-8")
    data = "中".encode()
    assert decoder.decode(data[:1]) == ""
    assert decoder.decode(data[1:2]) == ""
    assert decoder.decode(data[2:]) == "中"
    assert decoder.encoding == "utf-8"


def test_controls_and_bad_bytes_are_shown_as_escapes() -> None:
    decoder = StreamDecoder("gbk")
    assert decoder.decode(b"ok\r\n\\\x00\xffok") == "ok\\r\\n\\\\\\x00\\xffok"


def test_final_flushes_an_incomplete_character() -> None:
    decoder = StreamDecoder()
    assert decoder.decode(b"a\xe4\xb8") == "a"
    assert decoder.decode(b"", final=True) == "\\xe4\\xb8"


def test_reset_forgets_an_incomplete_character() -> None:
    decoder = StreamDecoder()
    decoder.decode(b"\xe4\xb8")
    decoder.reset()
    assert decoder.decode(b"ok") == "ok"


@given(st.text(), st.sampled_from(["utf-8", "gbk"]), st.data())
def test_split_anywhere_decodes_like_whole(text: str, encoding: str, data: st.DataObject) -> None:
    raw = text.encode(encoding, errors="ignore")
    cut = data.draw(st.integers(0, len(raw)))
    decoder = StreamDecoder(encoding)
    split = decoder.decode(raw[:cut]) + decoder.decode(raw[cut:], final=True)
    assert (
        split
        == StreamDecoder(encoding).decode(raw, final=True)
        == visible_text(raw, encoding, len(raw) + 1)
    )


@given(st.binary(max_size=50), st.data())
def test_utf8_split_of_any_bytes_matches_visible_text(raw: bytes, data: st.DataObject) -> None:
    cut = data.draw(st.integers(0, len(raw)))
    decoder = StreamDecoder("utf-8")
    split = decoder.decode(raw[:cut]) + decoder.decode(raw[cut:], final=True)
    assert split == visible_text(raw, "utf-8", len(raw) + 1)
