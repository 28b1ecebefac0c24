from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.ipmsg import (
    InvalidField,
    Packet,
    decode_message,
    parse_entry_extra,
    strip_feiq_font,
)
from desktop.core.ipmsg.constants import Mode, Opt
from desktop.core.ipmsg.text import (
    IMAGE_PLACEHOLDER,
    DecodedText,
    EntryInfo,
    FontInfo,
    decode_text,
    feiq_image_ids,
    original_packet_no,
)

ODD = "-14 0 0 0 0 400 0 0 0 1 0 34 3 2 1 2 宋体"
FONT = "{/font;-16 0 0 0 400 0 0 0 134 0 0 2 32 微软雅黑 8404992;}"


def _packet(extra: bytes, command: int = Mode.SENDMSG) -> Packet:
    return Packet(b"1", 1, b"u", b"h", command, extra)


@pytest.mark.parametrize(
    ("extra", "encoding", "expected"),
    [
        (b"hello\0", "ascii", DecodedText("hello")),
        (b"hello", "ascii", DecodedText("hello")),  # no NUL
        (b"hello\0\0\0", "ascii", DecodedText("hello")),
        (b"hi\0TO:User1:Host1\aUser2:Host2\0", "ascii", DecodedText("hi")),  # junk after NUL
        (b"\0" + b"10001:a.txt:c:0:1:\a", "ascii", DecodedText("")),  # attachments only
        (b"a\r\nb\nc\0", "ascii", DecodedText("a\nb\nc")),
        ("你好".encode("gbk") + b"\0", "gb18030", DecodedText("你好")),
        ("こんにちは".encode("cp932") + b"\0", "cp932", DecodedText("こんにちは")),
        (b"\xff\xfe ok\0", "utf-8", DecodedText("\ufffd\ufffd ok", replaced=True)),
        ("你".encode("gbk") + b"\0", "utf-8", DecodedText("\ufffd\ufffd", replaced=True)),
        (b"", "utf-8", DecodedText("")),
    ],
)
def test_decode_message(extra: bytes, encoding: str, expected: DecodedText) -> None:
    assert decode_message(_packet(extra), encoding) == expected


@pytest.mark.parametrize("encoding", ["no-such-codec", "hex", "rot13", "idna"])
def test_decode_refuses_non_text_encodings(encoding: str) -> None:
    with pytest.raises(InvalidField):
        decode_text(b"x", encoding)


_ENCODINGS = st.sampled_from(["utf-8", "gb18030", "gbk", "cp932", "cp1252", "utf-16", "big5"])


@given(st.binary(max_size=2000), _ENCODINGS)
def test_decoding_never_raises(data: bytes, encoding: str) -> None:
    decoded = decode_message(_packet(data), encoding)
    assert "\ufffd" in decoded.text or not decoded.replaced
    parse_entry_extra(_packet(data, Mode.BR_ENTRY | Opt.CAPUTF8OPT), encoding)
    original_packet_no(_packet(data))


@pytest.mark.parametrize(
    ("text", "stripped", "face"),
    [
        ("你好" + FONT, "你好", "微软雅黑"),
        ("你好", "你好", None),
        ("1122{/font;-8 0 0 0 400 0 0 0 1 0 0 2 32 微软雅黑 8404992;}", "1122", "微软雅黑"),
        (
            "a {b} c{/font;-12 0 0 0 700 1 1 0 0 0 0 2 32 Times New Roman 255;}",
            "a {b} c",
            "Times New Roman",
        ),
        ("my {braces}", "my {braces}", None),  # no font: the user's braces stay
        ("x" + FONT + " after", "x" + FONT + " after", None),  # not at the end: kept
        ("{/font;}", "", None),
        ("看图/~#>1a2b3c4d<B~" + FONT, "看图" + IMAGE_PLACEHOLDER, "微软雅黑"),
        ("/~#>Ab12CD34<B~/~#>ff<B~", IMAGE_PLACEHOLDER * 2, None),
        ("/~#>xyz<B~", "/~#>xyz<B~", None),  # not hex: not a placeholder
    ],
)
def test_strip_feiq_font(text: str, stripped: str, face: str | None) -> None:
    result, font = strip_feiq_font(text)
    assert result == stripped
    assert (font.face if font else None) == face


def test_font_fields() -> None:
    _, font = strip_feiq_font("你好" + FONT)
    assert font == FontInfo(
        raw="-16 0 0 0 400 0 0 0 134 0 0 2 32 微软雅黑 8404992;",
        face="微软雅黑",
        height=-16,
        weight=400,
        charset=134,
        color=8404992,
    )
    assert font.rgb == (0x00, 0x40, 0x80)
    _, bold = strip_feiq_font("x{/font;-12 0 0 0 700 1 1 1 0 0 0 2 32 Arial 255;}")
    assert bold is not None
    assert (bold.weight, bold.italic, bold.underline, bold.strikeout) == (700, True, True, True)
    assert bold.rgb == (255, 0, 0)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("junk", FontInfo(raw="junk", face="junk")),
        ("1 2 3", FontInfo(raw="1 2 3")),
        (ODD, FontInfo(raw=ODD, face="宋体")),  # 16 numbers: not the LOGFONT layout we know
        ("", FontInfo(raw="")),
    ],
)
def test_odd_fonts_keep_what_they_can(raw: str, expected: FontInfo) -> None:
    assert strip_feiq_font("t{/font;" + raw + "}") == ("t", expected)
    assert expected.rgb is None


@given(st.text(max_size=300))
def test_strip_feiq_font_never_raises(text: str) -> None:
    strip_feiq_font(text)
    _stripped, font = strip_feiq_font(text + FONT)
    assert font is not None
    assert font.face == "微软雅黑"


def test_feiq_image_ids() -> None:
    assert feiq_image_ids("a/~#>1a2b<B~b/~#>FF00<B~") == ["1a2b", "FF00"]
    assert feiq_image_ids("none") == []


_LINES = "\nUN:taro\nHN:TARO-PC\nNN:太郎\nGN:開発\nVS:00010002:4:99:103".encode()


@pytest.mark.parametrize(
    ("extra", "command", "expected"),
    [
        (
            "太郎".encode("cp932") + b"\0" + "開発".encode("cp932") + b"\0" + _LINES + b"\0",
            Mode.BR_ENTRY | Opt.CAPUTF8OPT,
            EntryInfo("太郎", "開発", "taro", "TARO-PC", "00010002:4:99:103"),
        ),
        (  # the UTF-8 lines win over legacy fields that lost characters
            b"??\0??\0" + _LINES,
            Mode.BR_ENTRY | Opt.CAPUTF8OPT,
            EntryInfo("太郎", "開発", "taro", "TARO-PC", "00010002:4:99:103"),
        ),
        (  # without CAPUTF8OPT the lines are not read
            b"n\0g\0" + _LINES + b"\0",
            Mode.BR_ENTRY,
            EntryInfo("n", "g"),
        ),
        (b"Lee\0\0", Mode.BR_ENTRY | Opt.FILEATTACHOPT | Opt.ENCRYPTOPT, EntryInfo("Lee", "")),
        (b"Lee\0", Mode.BR_ENTRY, EntryInfo("Lee", "")),
        (b"Lee", Mode.BR_ENTRY, EntryInfo("Lee", "")),
        (b"", Mode.BR_ABSENCE, EntryInfo("", "")),
        (
            b"iptux-bot\0testgrp\0icon-tux.png\0utf-8\0",
            Mode.ANSENTRY | Opt.ABSENCEOPT,
            EntryInfo("iptux-bot", "testgrp", icon="icon-tux.png", encoding="utf-8"),
        ),
        (  # IPMsg lines and iptux's encoding field together (reference §1.4, LIVE)
            b"nick\0grp\0\nUN:u\nGN:grp\0utf-8\0",
            Mode.BR_ENTRY | Opt.CAPUTF8OPT,
            EntryInfo("nick", "grp", user_name="u", encoding="utf-8"),
        ),
        (
            "太郎\0開発\0\nVS:00010002:4:99:103\0".encode(),
            Mode.ANSENTRY | Opt.UTF8OPT | Opt.CAPUTF8OPT,
            EntryInfo("太郎", "開発", version_info="00010002:4:99:103"),
        ),
        (
            b"n\0g\0\nNN:\xff\nbad line\n:x\0",
            Mode.BR_ENTRY | Opt.CAPUTF8OPT,
            EntryInfo("\ufffd", "g", replaced=True),
        ),
    ],
)
def test_parse_entry_extra(extra: bytes, command: int, expected: EntryInfo) -> None:
    encoding = "utf-8" if command & Opt.UTF8OPT or b"iptux" in extra else "cp932"
    assert parse_entry_extra(_packet(extra, command), encoding) == expected


def test_entry_nick_that_does_not_decode_is_flagged() -> None:
    info = parse_entry_extra(_packet(b"\xff\0g\0", Mode.BR_ENTRY), "utf-8")
    assert info == EntryInfo("\ufffd", "g", replaced=True)


@pytest.mark.parametrize(
    ("extra", "number"),
    [
        (b"1700000003\0", 1700000003),
        (b"100", 100),
        (b"100\0junk", 100),
        (b"", None),
        (b"abc\0", None),
        (b"-1\0", None),
        (b"99999999999\0", None),
    ],
)
def test_original_packet_no(extra: bytes, number: int | None) -> None:
    assert original_packet_no(_packet(extra, Mode.RECVMSG)) == number
