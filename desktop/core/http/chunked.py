"""Incremental de-chunking of a chunked body (RFC 9112 §7.1), lenient and never throwing."""

from __future__ import annotations

import enum
import re

from desktop.core.http.anomaly import AnomalyKind, Report, show
from desktop.core.http.fields import FieldLines
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = ["ChunkedBody"]

# chunk = chunk-size [ chunk-ext ] CRLF; chunk-ext allows BWS around ";" (RFC 9112 §7.1.1).
_SIZE_LINE = re.compile(rb"([0-9A-Fa-f]+)([ \t]*)(;[ \t]*(.*))?", re.DOTALL)
_HEX = frozenset(b"0123456789ABCDEFabcdef")
_CR, _LF = 0x0D, 0x0A
# A line's end, searched with ``re`` because the buffer may be a memoryview (no ``find``).
_LF_SEARCH = re.compile(rb"\n").search
Buffer = bytes | bytearray | memoryview


class _Part(enum.Enum):
    SIZE = enum.auto()  # a chunk-size line
    DATA = enum.auto()  # chunk data
    DATA_END = enum.auto()  # the CRLF after chunk data
    TRAILERS = enum.auto()  # trailer field lines, up to an empty line


class ChunkedBody:
    """De-chunk a body that lives in a buffer the caller owns and appends to.

    Args:
        report: receives anomalies (LF-only lines, a bad size, trailer problems).

    Attributes:
        data: the de-chunked body so far.
        trailers: the trailer section's fields.
        done: the last chunk and the trailer section have been read.
        error_offset: where the chunked framing broke, if it did; nothing after it is parsed.
    """

    def __init__(self, report: Report) -> None:
        self.data = bytearray()
        self.trailers = FieldLines()
        self.done = False
        self.error_offset: int | None = None
        self._report = report
        self._part = _Part.SIZE
        self._left = 0  # bytes of chunk data still to come
        self._scan = 0  # where the search for the next LF resumes

    def parse(self, buf: Buffer, pos: int, end: int, base: int = 0) -> int:
        """Read the body's bytes ``pos:end`` as far as they go; returns the position reached.

        Positions are offsets in the caller's whole buffer; ``buf`` holds its bytes from
        ``base`` on (the whole buffer when ``base`` is 0, or just the piece fed last): the
        reader parses chunk data from the piece it was given, without asking its store for
        the whole buffer on every feed.
        """
        while not self.done and self.error_offset is None:
            if self._part is _Part.DATA:
                new = self._read_data(buf, pos, end, base)
            elif self._part is _Part.DATA_END:
                new = self._read_data_end(buf, pos, end, base)
            else:
                new = self._read_line(buf, pos, end, base)
            if new == pos:
                break
            pos = new
        return pos

    def _read_data(self, buf: Buffer, pos: int, end: int, base: int) -> int:
        take = min(self._left, end - pos)
        at = pos - base
        self.data += memoryview(buf)[at : at + take]  # one copy, into the body
        self._left -= take
        if self._left == 0:
            self._part = _Part.DATA_END
        return pos + take

    def _read_data_end(self, buf: Buffer, pos: int, end: int, base: int) -> int:
        if pos >= end:
            return pos
        at = pos - base
        if buf[at] == _LF:
            self._lf_only(pos)
            self._part = _Part.SIZE
            return pos + 1
        if buf[at] == _CR and pos + 1 >= end:
            return pos  # wait for the byte after CR
        if buf[at] == _CR and buf[at + 1] == _LF:
            self._part = _Part.SIZE
            return pos + 2
        self.error_offset = pos
        self._report(
            AnomalyKind.BAD_CHUNK_END,
            pos,
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Chunk data is not followed by CRLF: the chunk size does not match the data."
                    " The rest is not parsed.",
                )
            ),
        )
        return pos

    def _read_line(self, buf: Buffer, pos: int, end: int, base: int) -> int:
        at = pos - base
        found = _LF_SEARCH(buf, max(pos, self._scan) - base, end - base)
        if found is None:
            self._scan = end
            if self._part is _Part.SIZE and pos < end and buf[at] not in _HEX:
                self._bad_size(None, pos)  # no need to wait for the rest of the line
            return pos
        self._scan = 0
        newline = found.start()
        stop = newline - 1 if newline > at and buf[newline - 1] == _CR else newline
        if stop == newline:
            self._lf_only(pos)
        line = bytes(buf[at:stop])
        if self._part is _Part.SIZE:
            self._size_line(line, pos)
        elif line:
            self.trailers.add(line, pos, self._report)
        else:
            self.done = True
        return pos if self.error_offset is not None else newline + 1 + base

    def _size_line(self, line: bytes, pos: int) -> None:
        match = _SIZE_LINE.fullmatch(line)
        if match is None:
            self._bad_size(line if line[:1] and line[0] in _HEX else None, pos)
            return
        if match[2] and match[3] is None:
            # Only BWS before a ";" is allowed; strict parsers (llhttp, h11) refuse the line and a
            # lenient one reads the size: a smuggling differential (RFC 9112 §7.1.1).
            self._report(
                AnomalyKind.CHUNK_SIZE_WHITESPACE,
                pos + match.start(2),
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Whitespace follows the chunk size {line}; strict parsers refuse it,"
                        " the size was read.",
                    ),
                    line=show(line),
                ),
            )
        if match[3] is not None and not match[4]:
            self._report(
                AnomalyKind.EMPTY_CHUNK_EXTENSION,
                pos + match.start(3),
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The chunk size {line} has a “;” with no extension after it;"
                        " strict parsers refuse it, the size was read.",
                    ),
                    line=show(line),
                ),
            )
        self._left = int(match[1], 16)  # base 16 has no digit limit in int()
        self._part = _Part.DATA if self._left else _Part.TRAILERS

    def _bad_size(self, line: bytes | None, pos: int) -> None:
        """Report a bad size line; ``line`` is None when it does not even start with a digit
        (the sentence must not depend on how much of the line had arrived)."""
        self.error_offset = pos
        message = (
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "A chunk size line does not start with a hexadecimal digit;"
                    " the body ends before it and the rest is not parsed.",
                )
            )
            if line is None
            else sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "A chunk size line {line} is bad;"
                    " the body ends before it and the rest is not parsed.",
                ),
                line=show(line),
            )
        )
        self._report(AnomalyKind.BAD_CHUNK_SIZE, pos, message)

    def _lf_only(self, pos: int) -> None:
        self._report(
            AnomalyKind.LF_ONLY_LINE,
            pos,
            sentence(QT_TRANSLATE_NOOP("core", "A line ends with LF alone instead of CRLF.")),
        )
