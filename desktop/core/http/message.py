"""One parsed HTTP/1.x response: where it lies in the raw bytes, and its parts."""

from __future__ import annotations

from collections.abc import Callable

from desktop.core.http.fields import OWS, FieldLines
from desktop.core.http.framing import FramingKind, field_values

__all__ = ["ParsedResponse", "head_response"]

RawSource = Callable[[], bytes]  # the reader's raw bytes, as they are when asked
_new = object.__new__


class ParsedResponse:
    """One response as parsed from the raw bytes.

    ``status`` is None when the status line was malformed: ``raw[offset:offset + length]`` then
    holds the unparsed bytes. The last response may still be in progress (``complete`` False).

    The body is not copied out of the raw bytes: ``body_view()`` and ``body_raw_view()`` are
    views into them (or into the de-chunked data), so a 100 MB body costs its bytes once.
    ``body`` and ``body_raw`` make a ``bytes`` copy on each access, for small bodies.

    Attributes:
        offset: where the status line starts in the reader's ``raw``.
        length: bytes from ``offset`` to the end of the message (so far).
        http_version: e.g. ``b"HTTP/1.1"``.
        status: the status code, or None.
        reason: the reason phrase, as received.
        headers: raw names and values in order, duplicates kept, obs-fold unfolded.
        trailers: fields of a chunked body's trailer section.
        framing: ``content-length``, ``chunked``, ``close`` or ``none``.
        complete: the message ended as its framing says.
        persistent: its head lets the connection carry another request (RFC 9112 §9.3: no
            ``close`` connection option; HTTP/1.1, or HTTP/1.0 with ``keep-alive``); set by the
            reader with the framing, from the same search of the fields.
    """

    # Defaults on the class (each set on the instance when it changes): the reader makes a
    # response per keep-alive request with :func:`head_response`, which sets only the head.
    length = 0
    framing: FramingKind = "none"
    complete = False
    persistent = False
    _source: RawSource | None = None
    _span = (0, 0)  # the body as framed, in the source
    _framed = b""  # used when there is no source
    _dechunked: bytes | bytearray | None = None  # None: the body is the framed bytes
    _lines: FieldLines | None = None  # the head's field lines, split when first read
    _headers: list[tuple[bytes, bytes]] | None = None  # None: ``_lines.fields``

    def __init__(
        self,
        offset: int,
        *,
        length: int = 0,
        http_version: bytes = b"",
        status: int | None = None,
        reason: bytes = b"",
        headers: list[tuple[bytes, bytes]] | None = None,
        body_raw: bytes = b"",
        body: bytes | None = None,
        trailers: list[tuple[bytes, bytes]] | None = None,
        framing: FramingKind = "none",
        complete: bool = False,
    ) -> None:
        self.offset = offset
        self.length = length
        self.http_version = http_version
        self.status = status
        self.reason = reason
        self._headers = [] if headers is None else headers
        self._lines = None
        self.trailers: list[tuple[bytes, bytes]] = [] if trailers is None else trailers
        self.framing: FramingKind = framing
        self.complete = complete
        self._source: RawSource | None = None
        self._span = (0, 0)  # the body as framed, in the source
        self._framed = body_raw  # used when there is no source
        self._dechunked: bytes | bytearray | None = body  # None: the body is the framed bytes

    # --- set by the reader -----------------------------------------------------------------

    def set_lines(self, lines: FieldLines) -> None:
        """The headers are ``lines.fields`` (split when ``headers`` is first read)."""
        self._lines, self._headers = lines, None

    def attach_raw(self, source: RawSource, start: int, end: int) -> None:
        """The body as framed is ``source()[start:end]`` (no copy is made)."""
        self._source, self._span = source, (start, end)

    def set_dechunked(self, data: bytes | bytearray) -> None:
        """The body without its chunked framing; the response takes ``data`` over."""
        self._dechunked = data

    # --- the body --------------------------------------------------------------------------

    def body_raw_view(self) -> memoryview:
        """The body as framed on the wire (chunk sizes and trailers included), without a copy."""
        if self._source is None:
            return memoryview(self._framed)
        start, end = self._span
        return memoryview(self._source())[start:end]

    def body_view(self) -> memoryview:
        """The body without its chunked framing (other codings are left), without a copy."""
        if self._dechunked is None:
            return self.body_raw_view()
        return memoryview(self._dechunked)

    @property
    def body_raw(self) -> bytes:
        """A copy of :meth:`body_raw_view`."""
        return bytes(self.body_raw_view())

    @property
    def body(self) -> bytes:
        """A copy of :meth:`body_view`."""
        return bytes(self.body_view())

    @property
    def body_size(self) -> int:
        """The length of :meth:`body_view`, without a copy."""
        if self._dechunked is None:
            start, end = self._span
            return end - start if self._source is not None else len(self._framed)
        return len(self._dechunked)

    # --- headers ---------------------------------------------------------------------------

    @property
    def headers(self) -> list[tuple[bytes, bytes]]:
        """Raw names and values in order, duplicates kept, obs-fold unfolded."""
        if self._headers is None:
            assert self._lines is not None
            self._headers = self._lines.fields
        return self._headers

    @headers.setter
    def headers(self, headers: list[tuple[bytes, bytes]]) -> None:
        self._headers, self._lines = headers, None

    def header_values(self, name: bytes) -> list[bytes]:
        """Values of every header called ``name``, in order (the name in any case)."""
        if self._lines is not None:  # a whole head's block is searched without a split
            return self._lines.values(name.lower())
        return field_values(self.headers, name)

    def codings(self) -> list[str]:
        """Codings left on ``body`` in the order applied, for ``decode_content``:
        Content-Encoding, then transfer codings other than chunked."""
        content = [t for v in self.header_values(b"content-encoding") for t in v.split(b",")]
        transfer = [t for v in self.header_values(b"transfer-encoding") for t in v.split(b",")]
        tokens = [t.partition(b";")[0].strip(OWS).lower() for t in content + transfer]
        return [t.decode("latin-1") for t in tokens if t and t not in (b"chunked", b"identity")]

    # --- value semantics -------------------------------------------------------------------

    def _key(self) -> tuple[object, ...]:
        return (
            self.offset,
            self.length,
            self.http_version,
            self.status,
            self.reason,
            self.headers,
            self.body_raw_view(),
            self.body_view(),
            self.trailers,
            self.framing,
            self.complete,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ParsedResponse):
            return NotImplemented
        return self._key() == other._key()

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def __repr__(self) -> str:
        return (
            f"ParsedResponse(offset={self.offset}, length={self.length},"
            f" http_version={self.http_version!r}, status={self.status}, reason={self.reason!r},"
            f" headers={self.headers!r}, body_raw={_short(self.body_raw_view())},"
            f" body={_short(self.body_view())}, trailers={self.trailers!r},"
            f" framing={self.framing!r}, complete={self.complete})"
        )


def head_response(
    offset: int, http_version: bytes, status: int, reason: bytes, lines: FieldLines
) -> ParsedResponse:
    """A response whose status line and field lines were read (the rest as ``__init__``'s
    defaults): what the reader makes per response, without the keyword ``__init__`` (and a
    function, not a class method: one is made per keep-alive request)."""
    response = _new(ParsedResponse)
    response.offset, response.http_version, response.status = offset, http_version, status
    response.reason, response._lines = reason, lines
    response.trailers = []
    return response


def _short(view: memoryview) -> str:
    """A body for ``repr``: whole when short, else its start and length."""
    if len(view) <= 200:
        return repr(bytes(view))
    return f"{bytes(view[:200])!r}…({len(view)} bytes)"
