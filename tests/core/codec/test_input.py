from __future__ import annotations

import codecs
import random
from collections.abc import Iterator
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.codec import (
    ENCODINGS,
    FieldContext,
    InputFormat,
    LineEnding,
    encode_input,
    hex_string,
    parse_hex,
    visible_text,
)
from desktop.core.errors import (
    BadEscapeInput,
    BadFieldInput,
    BadHexInput,
    InputError,
    UnencodableInput,
)

TEXT, HEX, ESCAPED = InputFormat.TEXT, InputFormat.HEX, InputFormat.ESCAPED
NOW = datetime(2026, 11, 25, 8, 9, 10)


def fixed_fields() -> FieldContext:
    return FieldContext(now=NOW, counter=7, random=random.Random(1))


# --- hex -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("48 65 6c", b"Hel"),
        ("48656c", b"Hel"),
        ("0x48,0x65", b"He"),
        ("48:65:6C", b"He\x6c"),
        ("0X48-0x65", b"He"),
        ("48 65\n6c 6c\r\n\t6f", b"Hello"),
        ("48, 65 ,6c", b"Hel"),
        ("  48  ", b"H"),
        ("5", b"\x05"),
        ("0x5", b"\x05"),
        ("1 2 a", b"\x01\x02\x0a"),
        ("0x48656c 6c6F", b"Hello"),
        ("ABCDEF abcdef", b"\xab\xcd\xef\xab\xcd\xef"),
        ("", b""),
        (" , : - \n", b""),
    ],
)
def test_hex_forms(text: str, expected: bytes) -> None:
    assert parse_hex(text) == expected
    assert encode_input(text, HEX) == expected


@pytest.mark.parametrize(
    ("text", "position", "length", "message"),
    [
        (
            "486",
            0,
            3,
            "Odd number of hex digits in '486' at column 1: write 0486 or 48 06.",
        ),
        (
            "48 0x486",
            3,
            5,
            "Odd number of hex digits in '0x486' at column 4: write 0486 or 48 06.",
        ),
        (
            "00 12345",
            3,
            5,
            "Odd number of hex digits in '12345' at column 4: write 012345 or 12 34 05.",
        ),
        (
            "4865a6c7d8e9f0a1b",
            0,
            17,
            "Odd number of hex digits in '4865a6c7d8e9f0a1b' at column 1: "
            "add a 0 in front or split it into pairs of digits.",
        ),
        ("48 65 6g", 7, 1, "'g' at column 8 is not a hex digit."),
        ("0xg1", 2, 1, "'g' at column 3 is not a hex digit."),
        ("48\n4x", 4, 1, "'x' at line 2, column 2 is not a hex digit."),
        ("12 中", 3, 1, "'中' at column 4 is not a hex digit."),
        ("12\x0012", 2, 1, "U+0000 at column 3 is not a hex digit."),
        ("48 0x", 3, 2, "'0x' at column 4 has no hex digits after it."),
    ],
)
def test_hex_errors(text: str, position: int, length: int, message: str) -> None:
    with pytest.raises(BadHexInput) as caught:
        encode_input(text, HEX)
    assert (caught.value.position, caught.value.length, str(caught.value)) == (
        position,
        length,
        message,
    )


def test_hex_sends_exactly_the_bytes_typed() -> None:
    """Hex ignores fields, encoding and the line ending: the bytes typed are the bytes sent."""
    assert encode_input("0d 0a", HEX, "utf-16-le", LineEnding.CRLF, fixed_fields()) == b"\r\n"
    for ending in LineEnding:
        assert encode_input("48 65 6c 6c 6f 0a", HEX, line_ending=ending) == b"Hello\n"
    with pytest.raises(BadHexInput):
        encode_input("{{counter}}", HEX, fields=fixed_fields())


@given(st.binary())
def test_hex_string_round_trips(data: bytes) -> None:
    assert parse_hex(hex_string(data)) == data
    assert parse_hex(hex_string(data, "")) == data
    assert parse_hex(hex_string(data, ", 0x")) == data


# --- escapes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\\rb", b"a\rb"),
        ("a\\nb", b"a\nb"),
        ("a\\tb", b"a\tb"),
        ("a\\0b", b"a\x00b"),
        ("a\\\\b", b"a\\b"),
        ("\\x41\\x7f\\xFF\\x00", b"A\x7f\xff\x00"),
        ("\\\\n", b"\\n"),
        ("GET / HTTP/1.1\\r\\n\\r\\n", b"GET / HTTP/1.1\r\n\r\n"),
        ("中\\xe4\\xb8\\xad", "中".encode() + b"\xe4\xb8\xad"),
        ("", b""),
        ("no escapes", b"no escapes"),
    ],
)
def test_escapes(text: str, expected: bytes) -> None:
    assert encode_input(text, ESCAPED) == expected


def test_xnn_is_a_raw_byte_not_an_encoded_code_point() -> None:
    assert encode_input("\\xe9", ESCAPED, "utf-8") == b"\xe9"
    assert encode_input("é", ESCAPED, "utf-8") == b"\xc3\xa9"
    assert encode_input("\\xe9", ESCAPED, "utf-16-le") == b"\xe9"


def test_named_escapes_are_characters_of_the_encoding() -> None:
    assert encode_input("a\\n\\xff", ESCAPED, "utf-16-le") == b"a\x00\n\x00\xff"


def test_text_format_keeps_backslashes() -> None:
    assert encode_input("a\\n\\q\\", TEXT) == b"a\\n\\q\\"


@pytest.mark.parametrize(
    ("text", "position", "length", "message"),
    [
        (
            "abc\\q",
            3,
            2,
            "Unknown escape '\\q' at column 4: use \\r \\n \\t \\0 \\xNN or \\\\.",
        ),
        (
            "\\N",
            0,
            2,
            "Unknown escape '\\N' at column 1: use \\r \\n \\t \\0 \\xNN or \\\\.",
        ),
        (
            "\\X41",
            0,
            2,
            "Unknown escape '\\X' at column 1: use \\r \\n \\t \\0 \\xNN or \\\\.",
        ),
        (
            "a\\\nb",
            1,
            2,
            "Unknown escape '\\' followed by U+000A at line 1, column 2: "
            "use \\r \\n \\t \\0 \\xNN or \\\\.",
        ),
        (
            "ab\\",
            2,
            1,
            "Lone '\\' at column 3, the end of the text: write \\\\ for a backslash.",
        ),
        (
            "\\\\\\",
            2,
            1,
            "Lone '\\' at column 3, the end of the text: write \\\\ for a backslash.",
        ),
        ("a\\x", 1, 2, "Escape '\\x' at column 2 needs two hex digits, like \\x0a."),
        ("a\\xg1", 1, 2, "Escape '\\x' at column 2 needs two hex digits, like \\x0a."),
        ("a\\x4", 1, 3, "Escape '\\x4' at column 2 needs two hex digits, like \\x0a."),
        ("a\\x4z", 1, 3, "Escape '\\x4' at column 2 needs two hex digits, like \\x0a."),
        ("\\x41\\x4 ", 4, 3, "Escape '\\x4' at column 5 needs two hex digits, like \\x0a."),
    ],
)
def test_bad_escapes(text: str, position: int, length: int, message: str) -> None:
    with pytest.raises(BadEscapeInput) as caught:
        encode_input(text, ESCAPED)
    assert (caught.value.position, caught.value.length, str(caught.value)) == (
        position,
        length,
        message,
    )


@given(st.binary(max_size=300))
def test_visible_text_escapes_round_trip(data: bytes) -> None:
    # visible_text leaves C1 controls (0x80-0x9f) as characters; Latin-1 encodes them back to
    # the same bytes, so the round trip holds for every byte.
    shown = visible_text(data, "latin-1", limit=len(data) + 1)
    assert encode_input(shown, ESCAPED, "latin-1") == data


# --- fields ----------------------------------------------------------------------------------


def test_fields_expand() -> None:
    text = "n={{counter}} {{date}} {{time}} {{unix}} {{random:100}}"
    unix = int(NOW.timestamp())  # NOW is local time, as the GUI's clock would be
    expected = f"n=7 2026-11-25 08:09:10 {unix} {random.Random(1).randrange(100)}"
    assert encode_input(text, TEXT, fields=fixed_fields()) == expected.encode()
    assert encode_input(text, ESCAPED, fields=fixed_fields()) == expected.encode()


def test_field_names_are_case_insensitive_and_may_have_spaces() -> None:
    fields = fixed_fields()
    assert encode_input("{{Counter}}{{ DATE }}{{Random: 1}}", TEXT, fields=fields) == (
        b"72026-11-250"
    )


def test_fields_and_escapes_mix() -> None:
    assert encode_input("\\x01{{counter}}\\r\\n", ESCAPED, fields=fixed_fields()) == b"\x017\r\n"
    assert encode_input("\\{{counter}}", TEXT, fields=fixed_fields()) == b"\\7"


def test_fields_are_literal_without_a_context() -> None:
    assert encode_input("{{counter}}", TEXT) == b"{{counter}}"
    assert encode_input("{{nope", ESCAPED) == b"{{nope"


def test_random_field_bounds() -> None:
    fields = FieldContext(random=random.Random(5))
    values = {int(encode_input("{{random:3}}", TEXT, fields=fields)) for _ in range(200)}
    assert values == {0, 1, 2}
    assert encode_input("{{random:1000000000000000000}}", TEXT, fields=fixed_fields())


def test_now_defaults_to_the_current_local_time() -> None:
    before = datetime.now().replace(microsecond=0)
    date = encode_input("{{date}} {{time}}", TEXT, fields=FieldContext()).decode()
    after = datetime.now()
    assert before <= datetime.strptime(date, "%Y-%m-%d %H:%M:%S") <= after


@pytest.mark.parametrize(
    ("text", "position", "length", "message"),
    [
        (
            "ab{{foo}}",
            2,
            7,
            "Unknown field '{{foo}}' at column 3: "
            "use {{counter}}, {{date}}, {{time}}, {{unix}} or {{random:N}}.",
        ),
        (
            "{{}}",
            0,
            4,
            "Unknown field '{{}}' at column 1: "
            "use {{counter}}, {{date}}, {{time}}, {{unix}} or {{random:N}}.",
        ),
        (
            "x {{a-very-long-field-name-indeed}}",
            2,
            33,
            "Unknown field '{{a-very-long-field-name-indeed…' at column 3: "
            "use {{counter}}, {{date}}, {{time}}, {{unix}} or {{random:N}}.",
        ),
        ("x{{counter", 1, 9, "Field '{{' at column 2 is not closed: end it with }}."),
        (
            "{{date:1}}",
            0,
            10,
            "Field '{{date:1}}' at column 1 takes no argument: write {{date}}.",
        ),
        *[
            (
                text,
                1,
                len(text) - 1,
                f"Field '{text[1:]}' at column 2 needs a whole number from 1 to 10^18, "
                "like {{random:100}}.",
            )
            for text in [
                " {{random:x}}",
                " {{random}}",
                " {{random:}}",
                " {{random:0}}",
                " {{random:-1}}",
                " {{random:1.5}}",
                " {{random:١٢}}",
                " {{random:1000000000000000001}}",
            ]
        ],
    ],
)
def test_bad_fields(text: str, position: int, length: int, message: str) -> None:
    for fmt in (TEXT, ESCAPED):
        with pytest.raises(BadFieldInput) as caught:
            encode_input(text, fmt, fields=fixed_fields())
        assert (caught.value.position, caught.value.length, str(caught.value)) == (
            position,
            length,
            message,
        )


def test_huge_random_limit_is_an_input_error_not_a_value_error() -> None:
    with pytest.raises(BadFieldInput):
        encode_input("{{random:" + "9" * 5000 + "}}", TEXT, fields=fixed_fields())


# --- encodings and line endings --------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", bytes.fromhex("e4b8ad e69687")),
        ("gbk", bytes.fromhex("d6d0 cec4")),
        ("gb18030", bytes.fromhex("d6d0 cec4")),
        ("big5", bytes.fromhex("a4a4 a4e5")),
        ("utf-16-le", bytes.fromhex("2d4e 8765")),
        ("utf-16-be", bytes.fromhex("4e2d 6587")),
    ],
)
def test_chinese_in_each_encoding(encoding: str, expected: bytes) -> None:
    assert encode_input("中文", TEXT, encoding) == expected
    assert encode_input("中文", ESCAPED, encoding) == expected


def test_gb18030_encodes_what_gbk_cannot() -> None:
    assert encode_input("€😀", TEXT, "gb18030") == bytes.fromhex("a2e3 9439fc36")


@pytest.mark.parametrize(
    ("text", "fmt", "encoding", "position", "message"),
    [
        ("ab€", TEXT, "gbk", 2, "'€' at column 3 cannot be written in GBK."),
        ("ok 😀", TEXT, "gbk", 3, "'😀' at column 4 cannot be written in GBK."),
        ("\\x00\\r😀", ESCAPED, "gbk", 6, "'😀' at column 7 cannot be written in GBK."),
        ("中", TEXT, "latin-1", 0, "'中' at column 1 cannot be written in Latin-1."),
        ("é中", TEXT, "iso8859-1", 1, "'中' at column 2 cannot be written in Latin-1."),
        ("a中", TEXT, "ascii", 1, "'中' at column 2 cannot be written in ascii."),
        ("x\ud800", TEXT, "utf-8", 1, "U+D800 at column 2 cannot be written in UTF-8."),
        (
            "{{counter}}😀",
            TEXT,
            "shift_jis",
            11,
            "'😀' at column 12 cannot be written in Shift_JIS.",
        ),
    ],
)
def test_unencodable(
    text: str, fmt: InputFormat, encoding: str, position: int, message: str
) -> None:
    with pytest.raises(UnencodableInput) as caught:
        encode_input(text, fmt, encoding, fields=fixed_fields())
    assert (caught.value.position, caught.value.length, str(caught.value)) == (
        position,
        1,
        message,
    )


_NO_DIGITS = "".join("\ufffe" if chr(i) in "0123456789\r" else chr(i) for i in range(256))
_NO_DIGITS_TABLE = codecs.charmap_build(_NO_DIGITS)


class _NoDigitsEncoder(codecs.IncrementalEncoder):
    def encode(self, input: str, final: bool = False) -> bytes:
        return codecs.charmap_encode(input, self.errors, _NO_DIGITS_TABLE)[0]


def _find_no_digits(name: str) -> codecs.CodecInfo | None:
    if name != "test_no_digits":
        return None
    return codecs.CodecInfo(
        name="test-no-digits",
        encode=lambda text, errors="strict": codecs.charmap_encode(text, errors, _NO_DIGITS_TABLE),
        decode=lambda data, errors="strict": codecs.charmap_decode(data, errors, _NO_DIGITS),
        incrementalencoder=_NoDigitsEncoder,
    )


@pytest.fixture
def no_digits_codec() -> Iterator[str]:
    """A Latin-1 variant without digits and CR: no real codec lacks them, but one could."""
    codecs.register(_find_no_digits)
    yield "test-no-digits"
    codecs.unregister(_find_no_digits)


@pytest.mark.parametrize(
    ("text", "fmt", "where", "message"),
    [
        (
            "a{{counter}}",
            TEXT,
            (1, 11),
            "'{{counter}}' at column 2 cannot be written in test-no-digits.",
        ),
        ("ab\\r", ESCAPED, (2, 2), "'\\r' at column 3 cannot be written in test-no-digits."),
        ("ab 7", TEXT, (3, 1), "'7' at column 4 cannot be written in test-no-digits."),
    ],
)
def test_an_unencodable_escape_or_field_is_blamed_whole(
    no_digits_codec: str, text: str, fmt: InputFormat, where: tuple[int, int], message: str
) -> None:
    with pytest.raises(UnencodableInput) as caught:
        encode_input(text, fmt, no_digits_codec, fields=fixed_fields())
    assert (caught.value.position, caught.value.length) == where
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("ending", "expected"),
    [
        (LineEnding.NONE, b"hi"),
        (LineEnding.LF, b"hi\n"),
        (LineEnding.CRLF, b"hi\r\n"),
        (LineEnding.CR, b"hi\r"),
    ],
)
def test_line_endings(ending: LineEnding, expected: bytes) -> None:
    assert ending.bytes == expected[2:]
    assert encode_input("hi", TEXT, line_ending=ending) == expected
    assert encode_input("hi", ESCAPED, "gbk", ending) == expected


def test_line_ending_on_empty_input_and_in_utf16() -> None:
    assert encode_input("", TEXT, line_ending=LineEnding.CRLF) == b"\r\n"
    assert encode_input("", HEX, line_ending=LineEnding.LF) == b""
    assert encode_input("a", TEXT, "utf-16-le", LineEnding.CRLF) == b"a\x00\r\x00\n\x00"


def test_a_bom_codec_writes_one_bom_only() -> None:
    assert encode_input("a\\x00b", ESCAPED, "utf-16", LineEnding.LF) == (
        b"\xff\xfea\x00\x00b\x00\n\x00"
    )


@pytest.mark.parametrize("encoding", ["no-such-codec", "hex", "rot13"])
def test_unknown_or_non_text_encoding_is_a_lookup_error(encoding: str) -> None:
    with pytest.raises(LookupError):
        encode_input("ab", TEXT, encoding)


def test_encodings_table_names_real_codecs() -> None:
    for name, label in ENCODINGS:
        assert encode_input("A", TEXT, name) in (b"A", b"A\x00", b"\x00A"), label


# --- properties ------------------------------------------------------------------------------

_TRICKY = st.sampled_from(["\\", "x", "{{", "}}", "{", "}", ":", "0", "g", "中", "€", "😀", " "])
_TEXTS = st.one_of(st.text(), st.lists(_TRICKY | st.text(max_size=3)).map("".join))


@given(
    _TEXTS,
    st.sampled_from(list(InputFormat)),
    st.sampled_from([name for name, _ in ENCODINGS]),
    st.sampled_from(list(LineEnding)),
    st.booleans(),
)
def test_encode_input_gives_bytes_or_an_input_error(
    text: str, fmt: InputFormat, encoding: str, ending: LineEnding, with_fields: bool
) -> None:
    fields = fixed_fields() if with_fields else None
    try:
        data = encode_input(text, fmt, encoding, ending, fields)
    except InputError as error:
        assert 0 <= error.position < len(text) + 1
        assert error.position + error.length <= len(text) + 1
        assert str(error).endswith(".")
    else:
        assert isinstance(data, bytes)
        if fmt is InputFormat.HEX:
            assert data == parse_hex(text)
        else:
            assert data.endswith(ending.bytes) or encoding.startswith("utf-16")
