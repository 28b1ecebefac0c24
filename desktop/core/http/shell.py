"""POSIX shell words, read and written: enough of bash for curl command lines.

Reading understands what browsers' "Copy as cURL (bash)" produces: ``'…'``, ``"…"``, ANSI-C
``$'…'`` (with ``\\xHH`` bytes), backslash escapes and line continuations. It expands nothing
(``$VAR`` stays as typed). Bytes that are not UTF-8 survive as surrogates (``surrogateescape``):
``word.encode("utf-8", "surrogateescape")`` gives them back.
"""

from __future__ import annotations

import shlex

from desktop.core.errors import SocketDeskError
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = ["ShellSyntaxError", "quote_bytes", "split_words"]

_BLANKS = " \t\r\n"
_ANSI_C = {"a": 7, "b": 8, "e": 27, "E": 27, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11}
_ANSI_C |= {"\\": 0x5C, "'": 0x27, '"': 0x22, "?": 0x3F}
_DOUBLE_QUOTED_ESCAPES = '$`"\\\n'
_HEX = "0123456789abcdefABCDEF"


class ShellSyntaxError(SocketDeskError, ValueError):
    """The text is not a well-formed shell line; ``str()`` says where and why."""


# The sentence of each kind of unclosed quote.
_NEVER_CLOSED = {
    "single": QT_TRANSLATE_NOOP(
        "core", "The single-quoted text that starts at character {start} is never closed."
    ),
    "double": QT_TRANSLATE_NOOP(
        "core", "The double-quoted text that starts at character {start} is never closed."
    ),
    "$'…'": QT_TRANSLATE_NOOP(
        "core", "The $'…' text that starts at character {start} is never closed."
    ),
}


def _never_closed(kind: str, start: int) -> ShellSyntaxError:
    return ShellSyntaxError(sentence(_NEVER_CLOSED[kind], start=start))


def split_words(line: str) -> list[str]:
    """Split ``line`` into words as bash would, without expanding anything.

    Raises:
        ShellSyntaxError: an unclosed quote.
    """
    words: list[str] = []
    word: bytearray | None = None
    i, end = 0, len(line)
    while i < end:
        char = line[i]
        if char == "\\" and line.startswith("\n", i + 1):
            i += 2  # a line continuation joins lines
            continue
        if char == "\\" and line.startswith("\r\n", i + 1):
            i += 3
            continue
        if char in _BLANKS:
            if word is not None:
                words.append(word.decode("utf-8", "surrogateescape"))
                word = None
            i += 1
            continue
        word = word if word is not None else bytearray()
        if char == "'":
            close = _closing(line, i + 1, "'", "single")
            word += _bytes(line[i + 1 : close])
            i = close + 1
        elif char == '"':
            i = _double_quoted(line, i + 1, word)
        elif char == "$" and line.startswith("'", i + 1):
            i = _ansi_c(line, i + 2, word)
        elif char == "\\" and i + 1 < end:
            word += _bytes(line[i + 1])
            i += 2
        else:
            word += _bytes(char)
            i += 1
    if word is not None:
        words.append(word.decode("utf-8", "surrogateescape"))
    return words


def quote_bytes(data: bytes) -> str:
    """One shell word that bash turns back into ``data`` (NUL cannot be in a word)."""
    text = data.decode("utf-8", "surrogateescape")
    if text.isprintable() and text:
        return shlex.quote(text)
    out = []
    for char in text:
        if char in "\\'":
            out.append("\\" + char)
        elif char in "\n\r\t":
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}[char])
        elif char.isprintable():
            out.append(char)
        else:
            out += [f"\\x{byte:02x}" for byte in char.encode("utf-8", "surrogateescape")]
    return "$'" + "".join(out) + "'"


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _closing(line: str, start: int, quote: str, kind: str) -> int:
    close = line.find(quote, start)
    if close < 0:
        raise _never_closed(kind, start)
    return close


def _double_quoted(line: str, i: int, word: bytearray) -> int:
    start = i
    while i < len(line):
        char = line[i]
        if char == '"':
            return i + 1
        if char == "\\" and i + 1 < len(line) and line[i + 1] in _DOUBLE_QUOTED_ESCAPES:
            if line[i + 1] != "\n":
                word += _bytes(line[i + 1])
            i += 2
            continue
        word += _bytes(char)
        i += 1
    raise _never_closed("double", start)


def _ansi_c(line: str, i: int, word: bytearray) -> int:
    """``$'…'`` (bash manual, "ANSI-C Quoting"); ``i`` is just after the opening quote."""
    start = i
    while i < len(line):
        char = line[i]
        if char == "'":
            return i + 1
        if char != "\\" or i + 1 >= len(line):
            word += _bytes(char)
            i += 1
            continue
        code = line[i + 1]
        if code in _ANSI_C:
            word.append(_ANSI_C[code])
            i += 2
        elif code == "x" or code in "uU":
            width = {"x": 2, "u": 4, "U": 8}[code]
            digits = _run(line, i + 2, width, _HEX)
            if not digits:
                word += _bytes("\\" + code)
            elif code == "x":
                word.append(int(digits, 16))
            else:
                word += _bytes(chr(min(int(digits, 16), 0x10FFFF)))
            i += 2 + len(digits)
        elif code in "01234567":
            digits = _run(line, i + 1, 3, "01234567")
            word.append(int(digits, 8) & 0xFF)
            i += 1 + len(digits)
        elif code == "c" and i + 2 < len(line):
            word.append(ord(line[i + 2]) & 0x1F)
            i += 3
        else:
            word += _bytes("\\" + code)  # unknown escapes stay as typed, as in bash
            i += 2
    raise _never_closed("$'…'", start - 2)


def _run(line: str, start: int, width: int, allowed: str) -> str:
    end = start
    while end < len(line) and end - start < width and line[end] in allowed:
        end += 1
    return line[start:end]
