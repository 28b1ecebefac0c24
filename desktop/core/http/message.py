"""One parsed HTTP/1.x response: where it lies in the raw bytes, and its parts."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.http.framing import FramingKind, field_values
from desktop.core.http.head import OWS

__all__ = ["ParsedResponse"]


@dataclass
class ParsedResponse:
    """One response as parsed from the raw bytes.

    ``status`` is None when the status line was malformed: ``raw[offset:offset + length]`` then
    holds the unparsed bytes. The last response may still be in progress (``complete`` False).

    Attributes:
        offset: where the status line starts in the reader's ``raw``.
        length: bytes from ``offset`` to the end of the message (so far).
        http_version: e.g. ``b"HTTP/1.1"``.
        status: the status code, or None.
        reason: the reason phrase, as received.
        headers: raw names and values in order, duplicates kept, obs-fold unfolded.
        body_raw: the body as framed on the wire (chunk sizes and trailers included).
        body: the body without its chunked framing (other codings are left as they are).
        trailers: fields of a chunked body's trailer section.
        framing: ``content-length``, ``chunked``, ``close`` or ``none``.
        complete: the message ended as its framing says.
    """

    offset: int
    length: int = 0
    http_version: bytes = b""
    status: int | None = None
    reason: bytes = b""
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)
    body_raw: bytes = b""
    body: bytes = b""
    trailers: list[tuple[bytes, bytes]] = field(default_factory=list)
    framing: FramingKind = "none"
    complete: bool = False

    def header_values(self, name: bytes) -> list[bytes]:
        """Values of every header called ``name``, in order (the name in any case)."""
        return field_values(self.headers, name)

    def codings(self) -> list[str]:
        """Codings left on ``body`` in the order applied, for ``decode_content``:
        Content-Encoding, then transfer codings other than chunked."""
        content = [t for v in self.header_values(b"content-encoding") for t in v.split(b",")]
        transfer = [t for v in self.header_values(b"transfer-encoding") for t in v.split(b",")]
        tokens = [t.partition(b";")[0].strip(OWS).lower() for t in content + transfer]
        return [t.decode("latin-1") for t in tokens if t and t not in (b"chunked", b"identity")]
