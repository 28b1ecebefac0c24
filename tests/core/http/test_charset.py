from __future__ import annotations

import codecs
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.http import CharsetSource, DecodedText, decode_text

GB_FAMILY = {"gbk", "gb18030", "gb2312"}
PARAGRAPH = (
    "我们在这里讨论网络调试工具的设计，包括发送框的输入格式、十六进制显示以及编码的自动识别。"
    "这个段落需要足够长，才能让检测器做出可靠的判断；服务器返回的数据常常是简体中文。"
)


def test_utf8_json_with_chinese_is_utf8_before_any_detection() -> None:
    data = json.dumps(
        {"name": "张三", "city": "北京", "note": "naïve café résumé"}, ensure_ascii=False
    ).encode()
    assert decode_text(data, b"application/json") == DecodedText(
        data.decode(), "utf-8", CharsetSource.UTF8
    )


def test_gbk_page_without_declaration_is_detected() -> None:
    page = f"<html><body><p>{PARAGRAPH}</p></body></html>".encode("gbk")
    decoded = decode_text(page, b"text/html")
    assert decoded.source is CharsetSource.DETECTED
    assert decoded.encoding in GB_FAMILY
    assert PARAGRAPH in decoded.text


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_bom_wins_over_a_conflicting_header(bom: bytes, encoding: str) -> None:
    body = bom + "中文 text".encode(encoding)
    decoded = decode_text(body, b"text/html; charset=ISO-8859-1")
    assert decoded == DecodedText("中文 text", encoding, CharsetSource.BOM)


def test_content_type_charset_wins_over_meta_and_utf8() -> None:
    body = b'<meta charset="utf-8"><p>' + "café".encode("cp1252") + b"</p>"
    decoded = decode_text(body, b'text/html; charset="windows-1252"')
    assert (decoded.encoding, decoded.source) == ("cp1252", CharsetSource.CONTENT_TYPE)
    assert "café" in decoded.text


def test_content_type_charset_is_used_even_when_the_body_is_also_utf8() -> None:
    decoded = decode_text("中".encode(), b"text/plain; charset=latin-1")
    assert (decoded.encoding, decoded.source) == ("iso8859-1", CharsetSource.CONTENT_TYPE)


@pytest.mark.parametrize(
    "head",
    [
        b'<html><head><meta charset="gbk">',
        b"<html><head><META CHARSET=gbk>",
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">',
    ],
)
def test_meta_declaration_in_html(head: bytes) -> None:
    body = head + f"</head><body>{PARAGRAPH}</body></html>".encode("gbk")
    decoded = decode_text(body, b"text/html")
    assert (decoded.encoding, decoded.source) == ("gbk", CharsetSource.DECLARATION)
    assert PARAGRAPH in decoded.text


def test_xml_declaration() -> None:
    body = b'<?xml version="1.0" encoding="Shift_JIS"?><a>' + "日本語".encode("shift_jis") + b"</a>"
    decoded = decode_text(body, b"application/xml")
    assert (decoded.encoding, decoded.source) == ("shift_jis", CharsetSource.DECLARATION)
    assert "日本語" in decoded.text


def test_meta_after_the_first_4_kib_is_not_read() -> None:
    body = b"<html>" + b" " * 4096 + b'<meta charset="gbk">' + "中文".encode("gbk")
    assert decode_text(body, b"text/html").source is not CharsetSource.DECLARATION


def test_meta_is_not_read_in_plain_text() -> None:
    body = b'<meta charset="gbk"> is how HTML declares it; this text is UTF-8: ' + "é".encode()
    decoded = decode_text(body, b"text/plain")
    assert (decoded.encoding, decoded.source) == ("utf-8", CharsetSource.UTF8)


def test_meta_declaring_utf16_means_utf8() -> None:
    body = b'<meta charset="utf-16"><p>' + "é".encode() + b"</p>"
    decoded = decode_text(body, b"text/html")
    assert (decoded.encoding, decoded.source) == ("utf-8", CharsetSource.DECLARATION)


def test_declared_charset_that_does_not_decode_is_passed_over_with_a_note() -> None:
    body = PARAGRAPH.encode("gbk")
    decoded = decode_text(body, b"text/plain; charset=utf-8")
    assert decoded.source is CharsetSource.DETECTED
    assert decoded.encoding in GB_FAMILY
    assert str(decoded.note) == "The declared charset “utf-8” does not decode the body."


@pytest.mark.parametrize("label", [b"x-no-such-charset", b"hex", b"rot13", b"base64"])
def test_unknown_or_non_text_charset_is_passed_over_with_a_note(label: bytes) -> None:
    decoded = decode_text(b"plain ascii", b"text/plain; charset=" + label)
    assert (decoded.encoding, decoded.source) == ("utf-8", CharsetSource.UTF8)
    assert str(decoded.note) == f"The declared charset “{label.decode()}” is unknown."


def test_utf8_cut_mid_character_is_still_utf8() -> None:
    decoded = decode_text("中文".encode()[:-1], None)
    assert (decoded.encoding, decoded.source) == ("utf-8", CharsetSource.UTF8)
    assert decoded.text == "中\ufffd"


def test_latin1_is_the_last_resort_for_binary() -> None:
    body = bytes(range(256))  # no detector guess: control bytes and every high byte
    assert decode_text(body, None) == DecodedText(
        body.decode("latin-1"), "iso8859-1", CharsetSource.LATIN1
    )


def test_empty_body_is_utf8() -> None:
    assert decode_text(b"", None) == DecodedText("", "utf-8", CharsetSource.UTF8)


@settings(max_examples=200, deadline=None)
@given(body=st.binary(max_size=300), content_type=st.one_of(st.none(), st.binary(max_size=60)))
def test_any_bytes_decode_without_raising(body: bytes, content_type: bytes | None) -> None:
    decoded = decode_text(body, content_type)
    assert codecs.lookup(decoded.encoding)
    assert isinstance(decoded.text, str)
