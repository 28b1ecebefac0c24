from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.codec import hex_string, hexdump, hexdump_lines, parse_hex


def test_hex_string() -> None:
    assert hex_string(b"Hel") == "48 65 6c"
    assert hex_string(b"\x00\xff", "") == "00ff"
    assert hex_string(b"\x00\xff", ":") == "00:ff"
    assert hex_string(b"\x00\xff", ", 0x") == "00, 0xff"
    assert hex_string(b"") == ""


def test_short_line_pads_so_the_ascii_column_aligns() -> None:
    assert hexdump(b"Hello\n") == (
        "00000000  48 65 6c 6c 6f 0a                                 |Hello.|"
    )


def test_matches_hexdump_c() -> None:
    # Output of util-linux `hexdump -C` for the same bytes (its final offset line dropped).
    data = b"Hello world.Hello again, and more bytes\x00\xff"
    assert hexdump(data) == (
        "00000000  48 65 6c 6c 6f 20 77 6f  72 6c 64 2e 48 65 6c 6c  |Hello world.Hell|\n"
        "00000010  6f 20 61 67 61 69 6e 2c  20 61 6e 64 20 6d 6f 72  |o again, and mor|\n"
        "00000020  65 20 62 79 74 65 73 00  ff                       |e bytes..|"
    )


def test_ascii_column_shows_only_printable_ascii() -> None:
    line = hexdump(bytes([0x1F, 0x20, 0x7E, 0x7F, 0x80, 0xFF]) + "中".encode())
    assert line.endswith("|. ~......|")


def test_offset_and_width() -> None:
    assert hexdump(b"abcdefghij", offset=0x1F0, width=4) == (
        "000001f0  61 62 63 64  |abcd|\n000001f4  65 66 67 68  |efgh|\n000001f8  69 6a        |ij|"
    )
    assert hexdump(bytes(range(20)), width=10).splitlines()[0] == (
        "00000000  00 01 02 03 04 05 06 07  08 09  |..........|"
    )
    assert hexdump(b"a", offset=0x123456789) == (
        "123456789  61                                                |a|"
    )
    assert hexdump(b"ab", offset=0xFFFFFFFF, width=1) == ("0ffffffff  61  |a|\n100000000  62  |b|")


def test_empty_and_bad_width() -> None:
    assert hexdump(b"") == ""
    with pytest.raises(ValueError, match="at least one byte"):
        hexdump(b"a", width=0)


def test_lines_are_lazy() -> None:
    lines = hexdump_lines(bytes(1 << 20))
    assert next(lines).startswith("00000000  00 00")
    assert next(lines).startswith("00000010  00 00")


@given(st.binary(max_size=200), st.integers(1, 40), st.integers(0, 1 << 40))
def test_lines_are_aligned_and_hold_the_bytes(data: bytes, width: int, offset: int) -> None:
    lines = list(hexdump_lines(data, offset, width))
    assert len(lines) == -(-len(data) // width)
    assert len({line.index("|") for line in lines}) <= 1
    assert hexdump(data, offset, width) == "\n".join(lines)
    hex_columns = [line[: line.index("|")].split("  ", 1)[1] for line in lines]
    assert parse_hex(" ".join(hex_columns)) == data
    for number, line in enumerate(lines):
        assert int(line.split(" ", 1)[0], 16) == offset + number * width
