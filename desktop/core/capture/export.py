"""Export records to files: a readable log, a hexdump, or one direction's raw bytes."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from desktop.core.capture.record import Direction, Record
from desktop.core.codec.hexdump import hexdump_lines
from desktop.core.codec.visible import visible_text
from desktop.core.files import open_atomic

__all__ = ["export_hexdump", "export_raw", "export_text"]

_ARROWS = {Direction.IN: "←", Direction.OUT: "→", Direction.INFO: "•"}


def export_text(path: Path, records: Iterable[Record], encoding: str = "utf-8") -> int:
    """Write one line per record: local time, arrow, peer, size, data in escape syntax.

    Args:
        path: the file to write (UTF-8).
        records: the records, in order.
        encoding: how the data of IN and OUT records is decoded (INFO text is UTF-8).

    Returns:
        The number of lines written.

    Raises:
        SaveError: the file could not be written.
    """
    count = 0
    with open_atomic(path) as stream:
        for record in records:
            text_encoding = "utf-8" if record.direction is Direction.INFO else encoding
            text = visible_text(record.data, text_encoding, limit=len(record.data))
            stream.write(f"{_header(record)}  {len(record.data)}  {text}\n".encode())
            count += 1
    return count


def export_hexdump(path: Path, records: Iterable[Record]) -> int:
    """Write a header line per record, then its bytes as a classic hexdump.

    Returns:
        The number of records written.

    Raises:
        SaveError: the file could not be written.
    """
    count = 0
    with open_atomic(path) as stream:
        for record in records:
            stream.write(f"{_header(record)}  {len(record.data)} bytes\n".encode())
            stream.writelines(f"{line}\n".encode() for line in hexdump_lines(record.data))
            stream.write(b"\n")
            count += 1
    return count


def export_raw(path: Path, records: Iterable[Record], direction: Direction) -> int:
    """Write the exact bytes of every record going ``direction``, concatenated.

    Returns:
        The number of bytes written.

    Raises:
        SaveError: the file could not be written.
    """
    total = 0
    with open_atomic(path) as stream:
        for record in records:
            if record.direction is direction:
                stream.write(record.data)
                total += len(record.data)
    return total


def _header(record: Record) -> str:
    seconds, nanoseconds = divmod(record.t_ns, 1_000_000_000)
    stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(seconds))
    milliseconds = nanoseconds // 1_000_000
    return f"{stamp}.{milliseconds:03d}  {_ARROWS[record.direction]}  {record.peer}"
