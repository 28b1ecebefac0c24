"""Decode a response body to text, saying which rule chose the charset.

The order is cheap to expensive, authoritative first (raw-http.md §2.3): a byte-order mark, the
Content-Type charset, an HTML/XML declaration, strict UTF-8, a detector, Latin-1. Strict UTF-8
comes before the detector because the detector alone mislabels valid UTF-8 (cp949 for JSON with
a few accented words, measured). A declared charset that does not decode the body is passed
over, as ``desktop.core.codec.detect`` does for a log's "Auto" encoding, and ``note`` says so.
"""

from __future__ import annotations

import codecs
import enum
import re
from dataclasses import dataclass

from desktop.core.http.joined import joined
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["Charset", "CharsetSource", "DecodedText", "choose_charset", "decode_text"]

_DECLARATION_SCAN = 4096  # a <meta charset> or <?xml encoding?> sits at the top of a document
_DETECTION_SAMPLE = 65536  # the detector runs at ~MB/s; 64 KiB is enough to tell charsets apart
# Longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_PARAM_CHARSET = re.compile(rb";\s*charset\s*=\s*[\"']?([^\"';\s]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"\s*<\?xml\b[^>]*?encoding\s*=\s*[\"']([\w.:-]+)[\"']")


class CharsetSource(enum.StrEnum):
    """The rule that chose the charset."""

    BOM = "bom"
    CONTENT_TYPE = "content-type"
    DECLARATION = "declaration"  # <meta charset> or the XML declaration
    UTF8 = "utf-8"  # the body is valid UTF-8
    DETECTED = "detected"  # charset-normalizer's guess
    LATIN1 = "latin-1"  # the last resort: it decodes anything


@dataclass(frozen=True)
class DecodedText:
    """A body as text.

    Attributes:
        text: the text; bytes the charset cannot decode show as U+FFFD.
        encoding: the Python codec used, e.g. ``utf-8``, ``gbk``.
        source: which rule chose it.
        note: a sentence when a declared charset was passed over, else None (``str()`` is
            English).
    """

    text: str
    encoding: str
    source: CharsetSource
    note: Sentence | None = None


@dataclass(frozen=True)
class Charset:
    """The charset chosen for a body, before any text is made.

    Attributes:
        encoding: the Python codec, e.g. ``utf-8``, ``gbk``.
        source: which rule chose it.
        note: a sentence when a declared charset was passed over, else None (``str()`` is
            English).
        bom_length: bytes of byte-order mark at the start, to skip.
    """

    encoding: str
    source: CharsetSource
    note: Sentence | None = None
    bom_length: int = 0


def decode_text(body: bytes, content_type: bytes | None) -> DecodedText:
    """Decode ``body`` with the first charset that the stated order finds.

    Args:
        body: the body with its codings undone.
        content_type: the Content-Type value, or None.
    """
    chosen = choose_charset(body, content_type)
    text = body[chosen.bom_length :].decode(chosen.encoding, errors="replace")
    return DecodedText(text, chosen.encoding, chosen.source, chosen.note)


def choose_charset(
    body: bytes | bytearray | memoryview, content_type: bytes | None, sample: int | None = None
) -> Charset:
    """Choose the charset of ``body`` in the stated order, without decoding all of it.

    Args:
        body: the body with its codings undone.
        content_type: the Content-Type value, or None.
        sample: judge "does it decode" on this many leading bytes only (a 100 MB body is then
            decoded page by page as it is shown); None judges the whole body.
    """
    data = bytes(body[:sample]) if sample is not None or isinstance(body, memoryview) else body
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Charset(encoding, CharsetSource.BOM, bom_length=len(bom))
    notes: list[Sentence] = []
    header = _PARAM_CHARSET.search(content_type) if content_type else None
    declared = [(header[1], CharsetSource.CONTENT_TYPE)] if header else []
    if _may_declare(content_type):
        declared += [(label, CharsetSource.DECLARATION) for label in _declarations(data)]
    for label, source in declared:
        name = _text_codec(label, html=source is CharsetSource.DECLARATION)
        shown = label.decode("latin-1")
        if name is None:
            notes.append(
                sentence(
                    QT_TRANSLATE_NOOP("core", "The declared charset “{charset}” is unknown."),
                    charset=shown,
                )
            )
        elif _decodes(data, name):
            return Charset(name, source, joined(notes))
        else:
            notes.append(
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core", "The declared charset “{charset}” does not decode the body."
                    ),
                    charset=shown,
                )
            )
    if _decodes(data, "utf-8"):
        return Charset("utf-8", CharsetSource.UTF8, joined(notes))
    # Imported on first use: it costs ~12 ms at start-up, for a view used later.
    import charset_normalizer  # noqa: PLC0415

    best = charset_normalizer.from_bytes(data[:_DETECTION_SAMPLE]).best()
    name = None if best is None else _text_codec(best.encoding.encode("ascii"), html=False)
    if name is not None:
        return Charset(name, CharsetSource.DETECTED, joined(notes))
    return Charset("iso8859-1", CharsetSource.LATIN1, joined(notes))


def _may_declare(content_type: bytes | None) -> bool:
    """Only HTML and XML carry in-document declarations (or a body of unknown type)."""
    if content_type is None:
        return True
    media = content_type.partition(b";")[0].strip().lower()
    return not media or b"html" in media or b"xml" in media


def _declarations(body: bytes | bytearray) -> list[bytes]:
    top = body[:_DECLARATION_SCAN]
    found = [m[1] for m in (_XML_ENCODING.match(top), _META_CHARSET.search(top)) if m]
    return found[:1]  # the first rule that matched: the XML declaration comes first


def _text_codec(label: bytes, html: bool) -> str | None:
    """Python's name for a text encoding, or None if unknown or not text (``hex``, ``rot13``)."""
    try:
        name = label.decode("ascii").strip()
        "".encode(name)  # LookupError for unknown labels and for bytes-to-bytes codecs
        codec = codecs.lookup(name).name
    except (LookupError, UnicodeError, ValueError, TypeError):
        return None
    # HTML §4.2.5.5 (meta charset): a declaration read as ASCII cannot be UTF-16 or UTF-32.
    return "utf-8" if html and codec.startswith(("utf-16", "utf-32")) else codec


def _decodes(data: bytes | bytearray, encoding: str) -> bool:
    """Whether ``data`` decodes strictly, allowing a character cut off at the very end."""
    try:
        codecs.getincrementaldecoder(encoding)("strict").decode(data, final=False)
    except UnicodeDecodeError:
        return False
    return True
