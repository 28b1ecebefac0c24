"""Guess the text encoding of received bytes, and decode a byte stream chunk by chunk."""

from __future__ import annotations

import codecs

# Deliberate reuse of visible.py's private error handler and escape table, so that a stream
# decodes to exactly what ``visible_text`` shows for the same bytes.
from desktop.core.codec.visible import _ESCAPES
from desktop.core.codec.visible import _HANDLER as VISIBLE_ERRORS

__all__ = ["VISIBLE_ERRORS", "StreamDecoder", "detect_encoding"]

_SAMPLE = 65536  # the detector is slow (~MB/s); 64 KiB is plenty to tell encodings apart

# Longest first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def detect_encoding(data: bytes, declared: str | None = None) -> str:
    """Guess the encoding of ``data``, as a Python codec name.

    In order: a byte-order mark; ``declared`` (e.g. from an HTTP header) if it decodes the data;
    UTF-8 if it decodes the data (a statistical detector alone mislabels valid UTF-8, and pure
    ASCII is UTF-8); charset_normalizer's guess from the first 64 KiB; else Latin-1, which
    decodes anything. A character cut off at the very end (a read that stopped mid-character)
    does not count against an encoding.

    Args:
        data: the bytes.
        declared: an encoding the peer announced, if any; ignored unless Python knows it as a
            text encoding.
    """
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            return bom_encoding
    if declared is not None:
        name = _text_codec(declared)
        if name is not None and _decodes(data, name):
            return name
    if _decodes(data, "utf-8"):
        return "utf-8"
    # Imported on first use: ~12 ms of every start-up otherwise, for a feature used later.
    import charset_normalizer  # noqa: PLC0415

    best = charset_normalizer.from_bytes(data[:_SAMPLE]).best()
    name = None if best is None else _text_codec(best.encoding)
    return "latin-1" if name is None else name


def _text_codec(label: str) -> str | None:
    """Python's name for a text encoding, or None if unknown or not text (``hex``, ``rot13``)."""
    try:
        "".encode(label)  # LookupError for unknown and for bytes-to-bytes codecs
    except LookupError:
        return None
    return codecs.lookup(label).name


def _decodes(data: bytes, encoding: str) -> bool:
    """Whether ``data`` decodes strictly, allowing an incomplete character at the end."""
    try:
        codecs.getincrementaldecoder(encoding)("strict").decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return True


class StreamDecoder:
    """Decode a byte stream for display, chunk by chunk, in SocketDesk's escape syntax.

    A multi-byte character split across two reads comes out whole with the second read.
    Control characters and undecodable bytes come out as ``visible_text`` shows them.

    Args:
        encoding: a Python codec name.
    """

    def __init__(self, encoding: str = "utf-8") -> None:
        self.encoding = codecs.lookup(encoding).name
        self._decoder = codecs.getincrementaldecoder(encoding)(errors=VISIBLE_ERRORS)

    def decode(self, chunk: bytes, final: bool = False) -> str:
        """Decode the next chunk; ``final`` also flushes a character left incomplete."""
        return self._decoder.decode(chunk, final).translate(_ESCAPES)

    def reset(self) -> None:
        """Forget any incomplete character (e.g. after a reconnect)."""
        self._decoder.reset()
