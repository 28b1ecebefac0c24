"""Byte/text codecs: control characters shown visibly (input syntaxes and hexdump come next)."""

from desktop.core.codec.visible import visible_text

__all__ = ["visible_text"]
