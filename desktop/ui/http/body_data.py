"""A response body made ready to show: codings undone, charset chosen, kind told (no Qt).

Runs on a worker thread for large bodies: nothing here touches a widget.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.http.charset import Charset, choose_charset
from desktop.core.http.decode import decode_content
from desktop.core.http.message import ParsedResponse
from desktop.core.http.pretty import BodyKind, body_kind
from desktop.core.sentence import Sentence

__all__ = ["CHARSET_SAMPLE", "BodyData", "image_type", "prepare_body"]

# "Does it decode as …" is judged on this much of a large body; the rest is decoded page by
# page as it is shown, with U+FFFD for what does not decode.
CHARSET_SAMPLE = 1 << 20

_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
)


@dataclass(frozen=True)
class BodyData:
    """A body ready to show.

    Attributes:
        data: the body with its codings undone (a view into the response when there were none).
        charset: how its text is decoded.
        notes: sentences about decoding (a broken coding, a cap, a charset passed over).
        truncated: decoding stopped at the cap.
        kind: JSON, XML or HTML, or None.
        image: the image format (``png``, ``svg``…) when the body is one, else None.
        content_type: the Content-Type value, or None.
    """

    data: bytes | bytearray | memoryview
    charset: Charset
    notes: tuple[Sentence, ...]
    truncated: bool
    kind: BodyKind | None
    image: str | None
    content_type: bytes | None


def prepare_body(response: ParsedResponse, max_decoded: int) -> BodyData:
    """Undo the codings of ``response``'s body (up to ``max_decoded`` bytes) and read it."""
    types = response.header_values(b"content-type")
    content_type = types[0] if types else None
    view = response.body_view()
    codings = response.codings()
    notes: list[Sentence] = []
    truncated = False
    data: bytes | bytearray | memoryview = view
    if codings:
        decoded = decode_content(view, codings, max_decoded)
        data, truncated = decoded.data, decoded.truncated
        if decoded.error:
            notes.append(decoded.error)
    charset = choose_charset(data, content_type, CHARSET_SAMPLE)
    if charset.note:
        notes.append(charset.note)
    start = bytes(data[:256])
    return BodyData(
        data,
        charset,
        tuple(notes),
        truncated,
        body_kind(content_type, start),
        image_type(content_type, start),
        content_type,
    )


def image_type(content_type: bytes | None, start: bytes) -> str | None:
    """The image format of a body, by its first bytes, or by Content-Type for SVG."""
    for magic, name in _IMAGE_MAGIC:
        if start.startswith(magic):
            return name
    if start[:4] == b"RIFF" and start[8:12] == b"WEBP":
        return "webp"
    media = (content_type or b"").partition(b";")[0].strip().lower()
    if media == b"image/svg+xml" or (media in (b"", b"text/xml") and b"<svg" in start[:256]):
        return "svg"
    return None
