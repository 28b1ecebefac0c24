"""Bytes as hex: a plain hex string and a ``hexdump -C`` style dump."""

from __future__ import annotations

from collections.abc import Iterator

__all__ = ["hex_string", "hexdump", "hexdump_lines"]

_GROUP = 8  # bytes between the wider gaps of a dump line, as in ``hexdump -C``
_PRINTABLE = bytes(b if 0x20 <= b <= 0x7E else ord(".") for b in range(256))


def hex_string(data: bytes, sep: str = " ") -> str:
    """Two lowercase hex digits per byte, joined by ``sep``: ``"48 65 6c"``."""
    if len(sep) == 1:
        return data.hex(sep)
    return sep.join(f"{byte:02x}" for byte in data)


def hexdump(data: bytes, offset: int = 0, width: int = 16) -> str:
    """A ``hexdump -C`` style dump, lines joined by ``"\\n"`` with no newline at the end.

    Args:
        data: the bytes.
        offset: the offset shown for the first byte.
        width: bytes per line.
    """
    return "\n".join(hexdump_lines(data, offset, width))


def hexdump_lines(data: bytes, offset: int = 0, width: int = 16) -> Iterator[str]:
    """Yield the lines of :func:`hexdump` one at a time, for large data.

    A line is a hex offset (8 digits, more if the dump's last offset needs them), two spaces,
    ``width`` bytes in hex with an extra space after every 8th, padding so the ASCII column lines
    up, and the ASCII column between bars, with ``.`` for bytes outside 0x20–0x7e:
    ``00000000  48 65 6c 6c 6f 0a ...  |Hello.|``.

    Raises:
        ValueError: ``width`` is less than 1.
    """
    if width < 1:
        raise ValueError(f"A hexdump line needs at least one byte, not {width}.")
    hex_width = 3 * width - 1 + (width - 1) // _GROUP
    digits = max(8, len(f"{offset + max(len(data) - 1, 0):x}"))  # one width keeps lines aligned
    view = memoryview(data)
    for start in range(0, len(view), width):
        line = view[start : start + width].tobytes()
        groups = "  ".join(line[i : i + _GROUP].hex(" ") for i in range(0, len(line), _GROUP))
        text = line.translate(_PRINTABLE).decode("ascii")
        yield f"{offset + start:0{digits}x}  {groups.ljust(hex_width)}  |{text}|"
