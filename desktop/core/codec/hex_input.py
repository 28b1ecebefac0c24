"""Hex input (``48 65 6c``, ``0x48,0x65``…) and how input errors name a place (sans-IO, Qt-free)."""

from __future__ import annotations

import re

from desktop.core.errors import BadHexInput
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["parse_hex", "place", "quote_char", "quote_source"]

_HEX_TOKEN = re.compile(r"[^\s,:\-]+")  # hex groups are split by whitespace , : and -
_NOT_HEX = re.compile(r"[^0-9a-fA-F]")


def parse_hex(text: str) -> bytes:
    """Read hex input: ``48 65 6c``, ``48656c``, ``0x48,0x65``, ``48:65:6C``, ``0X48-0x65``.

    Groups are split by whitespace, commas, colons and dashes and may start with ``0x``. A group
    of an even number of digits is read two digits a byte; a single digit is one byte.

    Raises:
        BadHexInput: a character that is not a hex digit, or a group of an odd number (>1) of
            digits.
    """
    parts: list[str] = []
    for match in _HEX_TOKEN.finditer(text):
        token, start = match.group(), match.start()
        prefix = 2 if token[:2] in ("0x", "0X") else 0
        digits = token[prefix:]
        bad = _NOT_HEX.search(digits)
        if bad is not None:
            where = start + prefix + bad.start()
            raise BadHexInput(
                sentence(
                    QT_TRANSLATE_NOOP("core", "{char} at {where} is not a hex digit."),
                    char=quote_char(bad.group()),
                    where=place(text, where),
                ),
                where,
            )
        if not digits:
            raise BadHexInput(
                sentence(
                    QT_TRANSLATE_NOOP("core", "{token} at {where} has no hex digits after it."),
                    token=quote_source(token),
                    where=place(text, start),
                ),
                start,
                len(token),
            )
        if len(digits) == 1:
            parts.append("0" + digits)
        elif len(digits) % 2:
            raise BadHexInput(_odd_hex_message(text, token, digits, start), start, len(token))
        else:
            parts.append(digits)
    return bytes.fromhex("".join(parts))


def _odd_hex_message(text: str, token: str, digits: str, start: int) -> Sentence:
    where = place(text, start)
    if len(digits) > 12:  # a concrete suggestion would be longer than the sentence around it
        return sentence(
            QT_TRANSLATE_NOOP(
                "core",
                "Odd number of hex digits in {token} at {where}: "
                "add a 0 in front or split it into pairs of digits.",
            ),
            token=quote_source(token),
            where=where,
        )
    pairs = " ".join(digits[i : i + 2] for i in range(0, len(digits) - 1, 2))
    return sentence(
        QT_TRANSLATE_NOOP(
            "core", "Odd number of hex digits in {token} at {where}: write {padded} or {pairs}."
        ),
        token=quote_source(token),
        where=where,
        padded=f"0{digits}",
        pairs=f"{pairs} 0{digits[-1]}",
    )


def place(text: str, position: int) -> Sentence:
    """Where ``position`` (0-based) is, counted from 1 as an editor does, by line if several."""
    line = text.count("\n", 0, position)
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    if "\n" not in text:
        return sentence(QT_TRANSLATE_NOOP("core", "column {column}"), column=column)
    return sentence(
        QT_TRANSLATE_NOOP("core", "line {line}, column {column}"), line=line + 1, column=column
    )


def quote_char(char: str) -> str:
    """A character as a message shows it: quoted if printable, else its code point."""
    return f"'{char}'" if char.isprintable() else f"U+{ord(char):04X}"


def quote_source(source: str, limit: int = 32) -> str:
    """A piece of typed text, quoted and shortened for a message."""
    shown = source if len(source) <= limit else source[: limit - 1] + "…"
    return f"'{shown}'"
