from __future__ import annotations

import calendar
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.capture.export import export_hexdump, export_raw, export_text
from desktop.core.capture.record import Direction, Record
from desktop.core.errors import SaveError
from desktop.core.files import open_atomic

# 2026-11-25 08:09:10.123456789 UTC
T0 = calendar.timegm((2026, 11, 25, 8, 9, 10)) * 1_000_000_000 + 123_456_789


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Times are written in local time: make local time UTC."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


RECORDS = [
    Record(T0, Direction.INFO, "198.18.0.1:7", b"connected to 198.18.0.1:7"),
    Record(T0 + 1_000_000, Direction.OUT, "198.18.0.1:7", b"GET /\r\n"),
    Record(T0 + 2_000_000, Direction.IN, "198.18.0.1:7", "你好\\".encode() + b"\x00\xff"),
    Record(T0 + 999_000_000, Direction.IN, "[fd00::2]:7", b"\x00\x01ABCDEFGHIJKLMNOPQ"),
]


def test_text_has_one_line_per_record(tmp_path: Path) -> None:
    path = tmp_path / "log.txt"
    assert export_text(path, RECORDS) == 4
    assert path.read_text(encoding="utf-8") == (
        "2026-11-25 08:09:10.123  •  198.18.0.1:7  25  connected to 198.18.0.1:7\n"
        "2026-11-25 08:09:10.124  →  198.18.0.1:7  7  GET /\\r\\n\n"
        "2026-11-25 08:09:10.125  ←  198.18.0.1:7  9  你好\\\\\\x00\\xff\n"
        "2026-11-25 08:09:11.122  ←  [fd00::2]:7  19  \\x00\\x01ABCDEFGHIJKLMNOPQ\n"
    )


def test_text_decodes_data_with_the_encoding_but_info_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "log.txt"
    records = [
        Record(T0, Direction.IN, "p:1", "你好".encode("gbk")),
        Record(T0, Direction.INFO, "p:1", "已连接".encode()),
    ]
    export_text(path, records, encoding="gbk")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines == [
        "2026-11-25 08:09:10.123  ←  p:1  4  你好",
        "2026-11-25 08:09:10.123  •  p:1  9  已连接",
    ]


def test_text_does_not_cut_long_records(tmp_path: Path) -> None:
    path = tmp_path / "log.txt"
    export_text(path, [Record(T0, Direction.IN, "p:1", b"a" * 100_000)])
    assert path.read_text(encoding="utf-8").endswith("  100000  " + "a" * 100_000 + "\n")


def test_hexdump_restarts_offsets_per_record(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    assert export_hexdump(path, RECORDS[1:]) == 3
    assert path.read_text(encoding="utf-8") == (
        "2026-11-25 08:09:10.124  →  198.18.0.1:7  7 bytes\n"
        "00000000  47 45 54 20 2f 0d 0a                              |GET /..|\n"
        "\n"
        "2026-11-25 08:09:10.125  ←  198.18.0.1:7  9 bytes\n"
        "00000000  e4 bd a0 e5 a5 bd 5c 00  ff                       |......\\..|\n"
        "\n"
        "2026-11-25 08:09:11.122  ←  [fd00::2]:7  19 bytes\n"
        "00000000  00 01 41 42 43 44 45 46  47 48 49 4a 4b 4c 4d 4e  |..ABCDEFGHIJKLMN|\n"
        "00000010  4f 50 51                                          |OPQ|\n"
        "\n"
    )


def test_hexdump_of_an_empty_record_is_its_header(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    export_hexdump(path, [Record(T0, Direction.OUT, "p:1", b"")])
    assert path.read_text(encoding="utf-8") == "2026-11-25 08:09:10.123  →  p:1  0 bytes\n\n"


@pytest.mark.parametrize(
    ("direction", "expected"),
    [
        (Direction.OUT, b"GET /\r\n"),
        (Direction.IN, "你好\\".encode() + b"\x00\xff\x00\x01ABCDEFGHIJKLMNOPQ"),
    ],
)
def test_raw_is_the_exact_bytes_of_one_direction(
    tmp_path: Path, direction: Direction, expected: bytes
) -> None:
    path = tmp_path / "raw.bin"
    assert export_raw(path, RECORDS, direction) == len(expected)
    assert path.read_bytes() == expected


def test_an_existing_file_is_replaced_whole(tmp_path: Path) -> None:
    path = tmp_path / "raw.bin"
    path.write_bytes(b"old content that is longer")
    export_raw(path, RECORDS, Direction.OUT)
    assert path.read_bytes() == b"GET /\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["raw.bin"]


def test_a_missing_directory_is_a_save_error(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "log.txt"
    with pytest.raises(
        SaveError, match=r"^Could not write .*log\.txt: No such file or directory\.$"
    ):
        export_text(path, RECORDS)
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_is_a_save_error_and_leaves_no_part_file(tmp_path: Path) -> None:
    # The .part file is a link to /dev/full: every write to it fails with ENOSPC.
    path = tmp_path / "dump.txt"
    (tmp_path / "dump.txt.part").symlink_to("/dev/full")
    with pytest.raises(SaveError, match=r"dump\.txt: No space left on device\.$"):
        export_hexdump(path, RECORDS)
    assert list(tmp_path.iterdir()) == []
    assert Path("/dev/full").exists()


def test_a_target_that_cannot_be_replaced_is_a_save_error(tmp_path: Path) -> None:
    path = tmp_path / "out"
    path.mkdir()
    with pytest.raises(SaveError, match="Is a directory"):
        export_raw(path, RECORDS, Direction.IN)
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_an_error_while_producing_data_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "log.txt"
    path.write_text("old\n", encoding="utf-8")

    def records() -> Iterator[Record]:
        yield RECORDS[0]
        raise LookupError("the source failed")

    with pytest.raises(LookupError):
        export_text(path, records())
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["log.txt"]


def test_open_atomic_shows_the_file_only_when_complete(tmp_path: Path) -> None:
    path = tmp_path / "a.bin"
    with open_atomic(path) as stream:
        stream.write(b"x")
        assert not path.exists()
    assert path.read_bytes() == b"x"
