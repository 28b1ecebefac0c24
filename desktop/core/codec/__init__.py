"""Byte/text codecs: send-box input syntaxes, hex dumps, encoding detection, visible text."""

from desktop.core.codec.detect import StreamDecoder, detect_encoding
from desktop.core.codec.hexdump import hex_string, hexdump, hexdump_lines
from desktop.core.codec.input import (
    ENCODINGS,
    FieldContext,
    InputFormat,
    LineEnding,
    encode_input,
    parse_hex,
)
from desktop.core.codec.visible import visible_text

__all__ = [
    "ENCODINGS",
    "FieldContext",
    "InputFormat",
    "LineEnding",
    "StreamDecoder",
    "detect_encoding",
    "encode_input",
    "hex_string",
    "hexdump",
    "hexdump_lines",
    "parse_hex",
    "visible_text",
]
