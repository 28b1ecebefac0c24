"""Export records to files: a readable log, a hexdump, or one direction's raw bytes."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from desktop.core.capture.record import Direction, Record
from desktop.core.codec.visible import visible_text
from desktop.core.errors import SaveError

__all__ = ["export_hexdump", "export_raw", "export_text", "open_atomic"]

_ARROWS = {Direction.IN: "←", Direction.OUT: "→", Direction.INFO: "•"}
_BYTES_PER_LINE = 16


@contextlib.contextmanager
def open_atomic(path: Path) -> Iterator[BinaryIO]:
    """Open ``path`` for writing so that it appears only when complete.

    The data goes to ``path`` + ``.part``, which is moved onto ``path`` when the block ends
    without an exception, and removed when it raises.

    Raises:
        SaveError: the file could not be written or moved into place.
    """
    part = path.with_suffix(path.suffix + ".part")
    try:
        with part.open("wb") as stream:
            yield stream
        os.replace(part, path)
    except BaseException as error:
        # Cleanup only: the error being raised below is the one that matters.
        with contextlib.suppress(OSError):
            part.unlink()
        if isinstance(error, OSError):
            reason = error.strerror or str(error)
            raise SaveError(f"Could not write {path}: {reason}.") from error
        raise


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
            stream.writelines(f"{line}\n".encode() for line in _hexdump_lines(record.data))
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


# TODO: use desktop.core.codec.hexdump once it lands
def _hexdump_lines(data: bytes) -> Iterator[str]:
    """Lines like ``hexdump -C``: offset, 16 bytes in two groups of 8, printable ASCII."""
    for offset in range(0, len(data), _BYTES_PER_LINE):
        chunk = data[offset : offset + _BYTES_PER_LINE]
        left = " ".join(f"{byte:02x}" for byte in chunk[:8])
        right = " ".join(f"{byte:02x}" for byte in chunk[8:])
        ascii_ = "".join(chr(byte) if 0x20 <= byte < 0x7F else "." for byte in chunk)
        yield f"{offset:08x}  {left:<23}  {right:<23}  |{ascii_}|"
