"""Decode bytes for display, with control characters and undecodable bytes as escapes."""

from __future__ import annotations

import codecs

__all__ = ["visible_text"]

_HANDLER = "socketdesk-visible"
_SURROGATE_BASE = 0xDC00  # lone surrogates never come out of a decoder, so they can mark bytes


def _mark_undecodable(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return "".join(chr(_SURROGATE_BASE + byte) for byte in bad), error.end


codecs.register_error(_HANDLER, _mark_undecodable)

_NAMED = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r", 0x5C: "\\\\"}
_ESCAPES: dict[int, str] = {code: f"\\x{code:02x}" for code in [*range(0x20), 0x7F]}
_ESCAPES |= _NAMED
_ESCAPES |= {_SURROGATE_BASE + byte: f"\\x{byte:02x}" for byte in range(256)}


def visible_text(data: bytes, encoding: str = "utf-8", limit: int = 4096) -> str:
    """Decode ``data`` for one display line, in SocketDesk's escape syntax.

    CR, LF and TAB show as ``\\r \\n \\t``, a backslash as ``\\\\``, other control characters
    and bytes that do not decode as ``\\xNN``: the line shows exactly what arrived, in a form the
    send box accepts back.

    Args:
        data: the bytes.
        encoding: a Python codec name.
        limit: decode at most this many bytes; a longer input ends with ``…``.
    """
    head = data[:limit]
    text = head.decode(encoding, errors=_HANDLER).translate(_ESCAPES)
    return text + "…" if len(data) > limit else text
