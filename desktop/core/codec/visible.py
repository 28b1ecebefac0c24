"""Decode bytes for display with control characters drawn visibly."""

from __future__ import annotations

__all__ = ["visible_text"]

# C0 controls map to the Unicode "Control Pictures" block (U+2400 + code), DEL to U+2421.
_CONTROL_PICTURES = {code: 0x2400 + code for code in range(0x20)} | {0x7F: 0x2421}


def visible_text(data: bytes, encoding: str = "utf-8", limit: int = 4096) -> str:
    """Decode ``data`` for one display line.

    Undecodable bytes show as ``\\xNN``; control characters (CR, LF, TAB, NUL…) as their
    Unicode control pictures (␍ ␊ ␉ ␀), so that a line shows exactly what arrived.

    Args:
        data: the bytes.
        encoding: a Python codec name.
        limit: decode at most this many bytes; a longer input ends with ``…``.
    """
    head = data[:limit]
    text = head.decode(encoding, errors="backslashreplace").translate(_CONTROL_PICTURES)
    return text + "…" if len(data) > limit else text
