"""Turn what the user typed in a send box into bytes (sans-IO, Qt-free).

Three input formats: plain text, hex digits, and text with backslash escapes. Text may hold
``{{fields}}`` (counter, date, time, unix time, random number) expanded at send time. Every error
is an :class:`~desktop.core.errors.InputError` whose ``position`` and ``length`` point into the
text exactly as typed, so the send box can underline the culprit; its sentence names the place as
an editor does, counting from 1 ("column 5", or "line 2, column 3" in text of several lines).
"""

from __future__ import annotations

import builtins
import codecs
import enum
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from random import Random
from typing import NamedTuple

from desktop.core.codec.hex_input import parse_hex, place, quote_char, quote_source
from desktop.core.errors import BadEscapeInput, BadFieldInput, UnencodableInput
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = [
    "ENCODINGS",
    "FieldContext",
    "InputFormat",
    "LineEnding",
    "encode_input",
    "parse_hex",
]


class InputFormat(enum.Enum):
    """How the text of a send box is read."""

    TEXT = "text"
    HEX = "hex"
    ESCAPED = "escaped"


class LineEnding(enum.Enum):
    """What is appended after the payload."""

    _value_: builtins.bytes

    NONE = b""
    LF = b"\n"
    CRLF = b"\r\n"
    CR = b"\r"

    @property
    def bytes(self) -> builtins.bytes:
        """The line ending as bytes (in an ASCII-compatible encoding)."""
        return self._value_


# (Python codec name, label shown to the user), in menu order.
ENCODINGS: tuple[tuple[str, str], ...] = (
    ("utf-8", "UTF-8"),
    ("gbk", "GBK"),
    ("gb18030", "GB18030"),
    ("big5", "Big5"),
    ("shift_jis", "Shift_JIS"),
    ("euc-kr", "EUC-KR"),
    ("utf-16-le", "UTF-16LE"),
    ("utf-16-be", "UTF-16BE"),
    ("latin-1", "Latin-1"),
)


@functools.cache
def _labels() -> dict[str, str]:
    """Codec name → label; built on first use (looking up the CJK codecs loads their tables)."""
    return {codecs.lookup(name).name: label for name, label in ENCODINGS}


_MAX_RANDOM = 10**18  # keeps {{random:N}} within 19 digits (and far below int's str-size limit)


@dataclass
class FieldContext:
    """Values that ``{{fields}}`` expand to; the caller advances ``counter`` after each send.

    Attributes:
        counter: the value of ``{{counter}}``.
        now: the time used by ``{{date}}``, ``{{time}}`` and ``{{unix}}``; None means now (local).
        random: the generator behind ``{{random:N}}``.
        counter_used: set once ``{{counter}}`` was expanded (the caller advances its sequence
            only for messages that have the field).
    """

    counter: int = 0
    now: datetime | None = None
    random: Random = field(default_factory=Random)
    counter_used: bool = False

    def counter_text(self) -> str:
        """``{{counter}}``'s value, noting that it was used."""
        self.counter_used = True
        return str(self.counter)


class _Chunk(NamedTuple):
    value: str | bytes  # str is encoded in the chosen encoding; bytes are sent as they are
    position: int  # where the chunk starts in the typed text
    span: int  # 0: literal text, character i typed at position + i; else the source's length


_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_BACKSLASH = re.compile(r"\\")
_FIELD_OPEN = re.compile(r"\{\{")
_ESCAPE_OR_FIELD = re.compile(r"\\|\{\{")
_SIMPLE_ESCAPES = {"r": "\r", "n": "\n", "t": "\t", "0": "\0", "\\": "\\"}
_ESCAPE_HELP = "\\r \\n \\t \\0 \\xNN"  # a fact of the sentences below, never translated
_FIELD_HELP = "{{counter}}, {{date}}, {{time}}, {{unix}}"


def encode_input(
    text: str,
    fmt: InputFormat,
    encoding: str = "utf-8",
    line_ending: LineEnding = LineEnding.NONE,
    fields: FieldContext | None = None,
) -> bytes:
    """Turn the text of a send box into the bytes to send.

    Args:
        text: the text as typed.
        fmt: how to read it. HEX ignores ``encoding``, ``fields`` and ``line_ending``: in hex
            the bytes typed are the bytes sent.
        encoding: a Python codec name for TEXT and ESCAPED; ``\\xNN`` escapes stay raw bytes.
        line_ending: appended to TEXT and ESCAPED payloads, encoded in ``encoding`` (the
            same bytes in every ASCII-compatible encoding, two bytes each in UTF-16).
        fields: expand ``{{fields}}`` with these values; None leaves ``{{...}}`` as typed.

    Returns:
        The payload.

    Raises:
        InputError: a subclass saying what is wrong and where (``position``, ``length``).
        LookupError: ``encoding`` is not a text encoding Python knows.
    """
    if fmt is InputFormat.HEX:
        return parse_hex(text)
    chunks = _scan(text, escapes=fmt is InputFormat.ESCAPED, fields=fields)
    return _encode(text, chunks, encoding, line_ending)


def _scan(text: str, *, escapes: bool, fields: FieldContext | None) -> list[_Chunk]:
    """Split ``text`` in one pass into literal runs, escapes and expanded fields."""
    if fields is None and not escapes:
        return [_Chunk(text, 0, 0)]
    pattern = _BACKSLASH if fields is None else _ESCAPE_OR_FIELD if escapes else _FIELD_OPEN
    now = datetime.now() if fields is None or fields.now is None else fields.now  # once per text
    chunks: list[_Chunk] = []
    pos = 0
    while (match := pattern.search(text, pos)) is not None:
        start = match.start()
        if start > pos:
            chunks.append(_Chunk(text[pos:start], pos, 0))
        if fields is not None and match.group() == "{{":
            chunk = _field(text, start, fields, now)
        else:
            chunk = _escape(text, start)
        chunks.append(chunk)
        pos = start + chunk.span
    if pos < len(text):
        chunks.append(_Chunk(text[pos:], pos, 0))
    return chunks


def _escape(text: str, start: int) -> _Chunk:
    """Read the backslash escape at ``text[start]``."""
    if start + 1 == len(text):
        raise BadEscapeInput(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Lone '\\' at {where}, the end of the text: write {escape} for a backslash.",
                ),
                where=place(text, start),
                escape="\\\\",
            ),
            start,
        )
    letter = text[start + 1]
    if letter in _SIMPLE_ESCAPES:
        return _Chunk(_SIMPLE_ESCAPES[letter], start, 2)
    if letter == "x":
        digits = text[start + 2 : start + 4]
        if len(digits) == 2 and digits[0] in _HEX_DIGITS and digits[1] in _HEX_DIGITS:
            return _Chunk(bytes.fromhex(digits), start, 4)
        found = 1 if digits[:1] and digits[0] in _HEX_DIGITS else 0
        shown = text[start : start + 2 + found]
        raise BadEscapeInput(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "Escape {escape} at {where} needs two hex digits, like {example}."
                ),
                escape=f"'{shown}'",
                where=place(text, start),
                example="\\x0a",
            ),
            start,
            2 + found,
        )
    where = place(text, start)
    if letter.isprintable():
        message = sentence(
            QT_TRANSLATE_NOOP(
                "core", "Unknown escape {escape} at {where}: use {escapes} or {backslash}."
            ),
            escape=f"'\\{letter}'",
            where=where,
            escapes=_ESCAPE_HELP,
            backslash="\\\\",
        )
    else:
        message = sentence(
            QT_TRANSLATE_NOOP(
                "core",
                "Unknown escape '\\' followed by {char} at {where}: use {escapes} or {backslash}.",
            ),
            char=quote_char(letter),
            where=where,
            escapes=_ESCAPE_HELP,
            backslash="\\\\",
        )
    raise BadEscapeInput(message, start, 2)


def _field(text: str, start: int, fields: FieldContext, now: datetime) -> _Chunk:
    """Read and expand the ``{{field}}`` at ``text[start]``."""
    end = text.find("}}", start + 2)
    if end < 0:
        raise BadFieldInput(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "Field {open} at {where} is not closed: end it with {close}."
                ),
                open="'{{'",
                where=place(text, start),
                close="}}",
            ),
            start,
            len(text) - start,
        )
    span = end + 2 - start
    source = text[start : start + span]
    name, colon, argument = text[start + 2 : end].strip().partition(":")
    name = name.strip().lower()
    simple: dict[str, Callable[[], str]] = {
        "counter": fields.counter_text,
        "date": lambda: now.strftime("%Y-%m-%d"),
        "time": lambda: now.strftime("%H:%M:%S"),
        "unix": lambda: str(int(now.timestamp())),
    }
    if name in simple and not colon:
        return _Chunk(simple[name](), start, span)
    if name in simple:
        raise BadFieldInput(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "Field {field} at {where} takes no argument: write {plain}."
                ),
                field=quote_source(source),
                where=place(text, start),
                plain=f"{{{{{name}}}}}",
            ),
            start,
            span,
        )
    if name == "random":
        limit = argument.strip()
        if limit.isascii() and limit.isdigit() and len(limit) <= 19:
            n = int(limit)
            if 0 < n <= _MAX_RANDOM:
                return _Chunk(str(fields.random.randrange(n)), start, span)
        raise BadFieldInput(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Field {field} at {where} needs a whole number from 1 to 10^18, "
                    "like {example}.",
                ),
                field=quote_source(source),
                where=place(text, start),
                example="{{random:100}}",
            ),
            start,
            span,
        )
    raise BadFieldInput(
        sentence(
            QT_TRANSLATE_NOOP(
                "core", "Unknown field {field} at {where}: use {fields} or {random}."
            ),
            field=quote_source(source),
            where=place(text, start),
            fields=_FIELD_HELP,
            random="{{random:N}}",
        ),
        start,
        span,
    )


def _encode(text: str, chunks: list[_Chunk], encoding: str, line_ending: LineEnding) -> bytes:
    """Encode the text chunks with one incremental encoder (one BOM at most), raw bytes as is."""
    "".encode(encoding)  # LookupError for unknown codecs and for non-text ones (hex, rot13)
    encoder = codecs.getincrementalencoder(encoding)("strict")
    out = bytearray()
    for chunk in chunks:
        if isinstance(chunk.value, bytes):
            out += chunk.value
            continue
        try:
            out += encoder.encode(chunk.value)
        except UnicodeEncodeError as error:
            raise _unencodable(text, chunk, error.start, encoding) from None
    out += encoder.encode(line_ending.bytes.decode("ascii"), final=True)
    return bytes(out)


def _unencodable(text: str, chunk: _Chunk, index: int, encoding: str) -> UnencodableInput:
    label = _labels().get(codecs.lookup(encoding).name, encoding)
    template = QT_TRANSLATE_NOOP("core", "{char} at {where} cannot be written in {encoding}.")
    if chunk.span:  # an escape or a field: blame all of it
        source = quote_source(text[chunk.position : chunk.position + chunk.span])
        message = sentence(template, char=source, where=place(text, chunk.position), encoding=label)
        return UnencodableInput(message, chunk.position, chunk.span)
    where = chunk.position + index
    message = sentence(
        template, char=quote_char(text[where]), where=place(text, where), encoding=label
    )
    return UnencodableInput(message, where)
