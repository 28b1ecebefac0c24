"""Pretty-printed, highlighted JSON, XML and HTML bodies, as HTML for a rich-text view.

Formatting is bounded: above :data:`PRETTY_MAX` characters nothing is formatted (a caller says
so and shows the plain text). JSON is re-serialised with an indent; XML and HTML are re-indented
tag by tag without a parser, so malformed markup and hostile entities are shown, never expanded.
Highlighting is Pygments' with inline styles (a ``QTextBrowser`` has no style sheet classes).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from typing import Literal

from pygments import highlight  # type: ignore[import-untyped]  # no stubs installed
from pygments.formatters import HtmlFormatter  # type: ignore[import-untyped]
from pygments.lexers import HtmlLexer, JsonLexer, XmlLexer  # type: ignore[import-untyped]

__all__ = [
    "PRETTY_MAX",
    "BodyKind",
    "PrettyBody",
    "body_kind",
    "indent_markup",
    "pretty_body",
    "pretty_json",
]

# Above this, formatting and highlighting cost too much to be worth it (json.loads holds the
# GIL: 32 MB froze the GUI for 1.27 s even from a worker, DESIGN.md), and the rich text of
# ~half a million spans is slow to lay out: the body is shown plain instead.
PRETTY_MAX = 512 << 10
# Re-indenting markup: a line per tag is enough structure; deeper nesting is kept flat.
_MAX_DEPTH = 64
_INDENT = "  "

BodyKind = Literal["json", "xml", "html"]

_BLOCKS = (("<!--", "-->"), ("<![CDATA[", "]]>"))
_TAG_NAME = re.compile(r"</?\s*([A-Za-z][\w:.-]*)")
_HTML_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_HTML_RAW = frozenset(("script", "style", "pre", "textarea"))


@dataclass(frozen=True)
class PrettyBody:
    """A formatted body.

    Attributes:
        kind: what it was read as.
        text: the formatted text (plain).
        html: the formatted text, highlighted, as an HTML document with inline styles.
        reformatted: False when the text could not be parsed as ``kind`` and is only highlighted.
    """

    kind: BodyKind
    text: str
    html: str
    reformatted: bool


def body_kind(content_type: bytes | None, start: bytes) -> BodyKind | None:
    """JSON, XML or HTML by Content-Type, else by the first bytes of the body; None otherwise."""
    media = (content_type or b"").partition(b";")[0].strip().lower()
    if media.endswith((b"/json", b"+json")) or media == b"application/x-ndjson":
        return "json"
    if b"html" in media:
        return "html"
    if media.endswith((b"/xml", b"+xml")):
        return "xml"
    if media and not media.startswith(b"text/plain") and media != b"application/octet-stream":
        return None
    head = start.lstrip(b"\xef\xbb\xbf \t\r\n")[:64].lower()
    if head[:1] in (b"{", b"["):
        return "json"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"<?xml"):
        return "xml"
    return None


def pretty_json(text: str) -> str | None:
    """``text`` indented when it is one JSON document, else None."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return json.dumps(value, indent=2, ensure_ascii=False)


def pretty_body(text: str, kind: BodyKind, style: str = "default") -> PrettyBody | None:
    """Format and highlight ``text`` as ``kind``; None when it is longer than :data:`PRETTY_MAX`.

    Args:
        text: the decoded body.
        kind: how to read it.
        style: a Pygments style name (e.g. ``default`` for light, ``monokai`` for dark).
    """
    if len(text) > PRETTY_MAX:
        return None
    if kind == "json":
        formatted = pretty_json(text)
        lexer = JsonLexer()
    else:
        formatted = indent_markup(text, html=kind == "html")
        lexer = HtmlLexer() if kind == "html" else XmlLexer()
    shown = text if formatted is None else formatted
    formatter = HtmlFormatter(noclasses=True, style=style, nobackground=True)  # the view paints it
    if kind != "json" and _unclosed_block(shown):
        # Pygments' markup lexers retry an unclosed comment, CDATA or DOCTYPE at every later opener:
        # quadratic (1.5 s for 32 KiB of "<!--"). Such a body is shown formatted, unhighlighted.
        html = f"<pre>{escape(shown)}</pre>"
    else:
        html = highlight(shown, lexer, formatter)
    return PrettyBody(kind, shown, html, formatted is not None)


def _unclosed_block(text: str) -> bool:
    """Whether a comment, CDATA section or declaration opens after the last one closed."""
    blocks = (*_BLOCKS, ("<!", ">"))
    return any(text.rfind(opener) > text.rfind(closer) for opener, closer in blocks)


def indent_markup(text: str, html: bool) -> str | None:
    """One tag per line, indented by depth; None when ``text`` holds no tag.

    Text inside ``script``/``style``/``pre``/``textarea`` (HTML) is kept as it is; other text is
    stripped of the whitespace around it. Unbalanced tags never fail: depth stays >= 0.
    """
    lines: list[str] = []
    depth = 0
    raw_until: str | None = None
    raw: list[str] = []  # the content of a raw element, joined once (+= on a long line is slow)
    tags = 0
    for piece in _pieces(text):
        if raw_until is not None:
            if _closing_name(piece) != raw_until:
                raw.append(piece)
                continue
            lines.append("".join(raw))
            raw_until, raw = None, []
        if not piece.startswith("<") or piece == "<":
            stripped = piece.strip()
            if stripped:
                lines.append(_INDENT * min(depth, _MAX_DEPTH) + stripped)
            continue
        tags += 1
        closing = piece.startswith("</")
        if closing:
            depth = max(0, depth - 1)
        lines.append(_INDENT * min(depth, _MAX_DEPTH) + piece)
        if not closing and _opens(piece, html):
            depth += 1
            name = _tag_name(piece)
            if html and name in _HTML_RAW:
                raw_until = name
    lines.append("".join(raw))
    if not tags:
        return None
    return "\n".join(line for line in lines if line) + "\n"


def _pieces(text: str) -> Iterator[str]:
    """Tags, comments, CDATA and text runs, in one linear pass (no regex backtracking: a
    hostile body of 500 KiB of ``<!--`` must not take minutes)."""
    pos, size, gt = 0, len(text), -1
    while pos < size:
        if text[pos] != "<":
            end = text.find("<", pos)
            end = size if end < 0 else end
        else:
            end = _block_end(text, pos)
            if end < 0:
                if gt < pos:
                    gt = text.find(">", pos)
                if gt < 0:
                    end = size  # no tag can close: the rest is text
                else:
                    lt = text.find("<", pos + 1, gt)
                    end = pos + 1 if lt >= 0 else gt + 1  # a lone "<", or a tag
        yield text[pos:end]
        pos = end


def _block_end(text: str, pos: int) -> int:
    """The end of a comment, CDATA section or DOCTYPE with an internal subset at ``pos``."""
    for opener, closer in _BLOCKS:
        if text.startswith(opener, pos):
            end = text.find(closer, pos + len(opener))
            return len(text) if end < 0 else end + len(closer)
    if text[pos : pos + 9].upper() == "<!DOCTYPE":
        bracket, gt = text.find("[", pos, pos + 4096), text.find(">", pos)
        if 0 <= bracket < gt or (bracket >= 0 and gt < 0):
            end = text.find("]>", bracket)
            return len(text) if end < 0 else end + 2
    return -1


def _tag_name(piece: str) -> str:
    match = _TAG_NAME.match(piece)
    return match[1].lower() if match else ""


def _closing_name(piece: str) -> str | None:
    return _tag_name(piece) if piece.startswith("</") else None


def _opens(piece: str, html: bool) -> bool:
    """Whether a start tag opens an element whose content follows."""
    if piece.startswith(("<!", "<?")) or piece.endswith("/>"):
        return False
    name = _tag_name(piece)
    return bool(name) and not (html and name in _HTML_VOID)
