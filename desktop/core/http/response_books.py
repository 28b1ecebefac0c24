"""A response reader's books: where it is in the bytes, what it kept, reported and spent.

``ReaderBooks`` holds the state of a ``ResponseReader`` (``response``): the bytes kept, the
parse position and the region it is in, the header and body budgets, the responses and
anomalies so far. Its methods keep those books: a region handed over to unparsed bytes, a cap
reached, a response's length and body brought up to the parse position, an anomaly reported
once. What the bytes mean (heads, framing, bodies) is decided in ``response``.
"""

from __future__ import annotations

import enum

from desktop.core.http import response_sentences as says
from desktop.core.http.anomaly import Anomaly, AnomalyKind
from desktop.core.http.body_store import BodyStore
from desktop.core.http.chunked import ChunkedBody
from desktop.core.http.head import HeadParser
from desktop.core.http.message import ParsedResponse
from desktop.core.sentence import Sentence

__all__ = [
    "CHUNKED",
    "CLOSE",
    "DONE",
    "HEAD",
    "LENGTH",
    "MAX_BODY_BYTES",
    "MAX_HEADER_BYTES",
    "UNPARSED",
    "ReaderBooks",
    "State",
]

# curl gives up at 100 KiB of headers, but a raw tool should still show a hostile 1 MB header
# (raw-http.md §4.2); 1 MiB also bounds an endless stream of 1xx responses.
MAX_HEADER_BYTES = 1 << 20
# An endless chunked body arrives at ~300 MB/s on loopback (raw-http.md §4.2): past this, stop.
MAX_BODY_BYTES = 256 << 20


class State(enum.Enum):
    """What the bytes at the parse position are."""

    HEAD = enum.auto()  # a head, or whatever follows a final response
    LENGTH = enum.auto()  # a body of Content-Length bytes
    CHUNKED = enum.auto()  # a chunked body
    CLOSE = enum.auto()  # a body that ends when the connection closes
    UNPARSED = enum.auto()  # bytes after an error or after the final response, kept raw
    DONE = enum.auto()  # closed, or a cap was reached: later bytes are not kept


# The states as module constants: an enum member read through its class costs ~60 ns on
# Python 3.11 (a global ~6), and the reader reads them a dozen times per response.
HEAD, LENGTH, CHUNKED, CLOSE, UNPARSED, DONE = (
    State.HEAD,
    State.LENGTH,
    State.CHUNKED,
    State.CLOSE,
    State.UNPARSED,
    State.DONE,
)


class ReaderBooks:
    """The state of a ``ResponseReader`` and the methods that keep it (see there)."""

    # State that starts the same for every reader, as class defaults (a reader is made per
    # keep-alive request; each is set on the instance when it first changes).
    error_offset: int | None = None
    discarded = 0
    _size = 0  # bytes kept
    _seen: set[tuple[int, AnomalyKind]] | None = None  # (response, kind) reported; made on use
    _state = HEAD
    _pos = 0  # parse position
    _start = 0  # start of the current region: a head, a body or unparsed bytes
    _head_used = 0  # bytes of earlier heads, for the header cap
    _body_used = 0  # bytes of earlier bodies and unparsed regions, for the body cap
    _cur: ParsedResponse | None = None  # the response being read
    # Made when bytes of a head (or the end) come: none after the last response of an
    # exchange, none for a body that is not chunked.
    _head: HeadParser | None = None
    _chunked: ChunkedBody | None = None
    _left = 0  # Content-Length bytes still to come
    _after_final = False  # a final response ended: next comes a pipelined one, or junk
    _switched = False  # after 101 or CONNECT: the bytes are another protocol's
    _dirty = False  # the current response's body fields lag behind
    _piece: bytes | bytearray | memoryview | None = None  # the bytes being fed
    _piece_at = 0  # where they start in the store

    def __init__(
        self,
        request_method: bytes = b"GET",
        max_header_bytes: int = MAX_HEADER_BYTES,
        max_body_bytes: int = MAX_BODY_BYTES,
        *,
        fast: bool = True,
    ) -> None:
        self.fast = fast
        self.request_method = request_method
        self.max_header_bytes = max_header_bytes if max_header_bytes > 0 else 0
        self.max_body_bytes = max_body_bytes if max_body_bytes > 0 else 0
        self.anomalies: list[Anomaly] = []
        # The bytes kept, in a BytesIO: its buffer *is* a bytes object, which ``getvalue()``
        # hands out without a copy (CPython), so ``raw`` costs nothing however large, the
        # bytes are held once (no bytearray and bytes side by side: a 100 MiB response peaked
        # at 2x its size), and bodies are views into them. A write while someone still holds
        # that bytes object copies it first (BytesIO's copy-on-write). A big body reuses a
        # buffer freed by an earlier one (``body_store``: memory already mapped).
        self._store = BodyStore()
        self._responses: list[ParsedResponse] = []

    @property
    def raw(self) -> bytes:
        """Everything received and kept, exactly (no copy is made).

        Holding on to it while more bytes are fed makes the next feed copy what was kept
        (the buffer is shared then): while a large body streams in, ask at a display rate.
        """
        return self._store.getvalue()

    @property
    def frozen(self) -> bool:
        """Whether ``responses`` can be read without bringing anything up to date (until the
        next feed): a reader handed to another thread should be frozen first."""
        return not (self._dirty and self._cur is not None)

    def freeze(self) -> None:
        """Bring ``responses`` up to date now (the body in progress is copied if chunked)."""
        _ = self.responses

    @property
    def responses(self) -> list[ParsedResponse]:
        """Responses in order: 1xx interim ones, the final one, pipelined ones.

        Asking after a feed copies the body in progress: while a large body streams in, ask at
        a display rate, not after every read.
        """
        if self._dirty and self._cur is not None:
            self._sync(self._cur)
        return self._responses

    @property
    def complete(self) -> bool:
        """True when no more bytes are expected: the final response ended as framed, a cap
        was reached, or the connection closed."""
        return self._state is DONE or (self._after_final and self._state in (HEAD, UNPARSED))

    # --- regions ---------------------------------------------------------------------------

    def _abandon(self) -> None:
        """The current response stops at the parse position without ending as framed."""
        if self._cur is not None:
            self._sync(self._cur, True)
            self._cur = None

    def _to_unparsed(self, start: int, why: str | None) -> None:
        if self._state is not HEAD:
            self._body_used += start - self._start
        if why is not None:
            message = says.protocol_switched() if why == "switched" else says.bytes_after_response()
            self._report(AnomalyKind.EXTRA_BYTES_AFTER_BODY, start, message)
        self._switched = False
        self._state = UNPARSED
        self._start = self._pos = start

    def _stop_at_cap(self, limit: int) -> None:
        head = self._state is HEAD
        self.discarded += self._size - limit
        self._store.truncate(limit)
        self._store.seek(limit)
        self._size = limit
        kind = AnomalyKind.HEADER_TOO_LARGE if head else AnomalyKind.BODY_TRUNCATED_BY_CAP
        cap = self.max_header_bytes if head else self.max_body_bytes
        self._report(kind, limit, says.cap_reached(head, cap))
        self._pos = limit
        self._abandon()
        self._state = DONE

    # --- results ---------------------------------------------------------------------------

    def _sync(self, response: ParsedResponse, final: bool = False) -> None:
        """Bring the current response's length and body up to the parse position.

        The body as framed is a span of ``raw`` (no copy). A de-chunked body is copied while
        it grows; when it ends (``final``) the response takes the buffer over instead.
        """
        self._dirty = False
        state = self._state
        response.length = self._pos - response.offset
        if state is LENGTH or state is CLOSE:
            # The store's own method, not the reader's: no reader <-> response cycle, so a
            # body's memory is freed (or pooled) as soon as the last holder drops it.
            response.attach_raw(self._store.getvalue, self._start, self._pos)
        elif state is CHUNKED:
            response.attach_raw(self._store.getvalue, self._start, self._pos)
            chunked = self._chunked
            assert chunked is not None
            data = chunked.data
            if final:
                chunked.data = bytearray()  # the response owns it now
            response.set_dechunked(data if final else bytes(data))
            response.trailers = chunked.trailers.fields

    def _report(self, kind: AnomalyKind, offset: int, message: Sentence) -> None:
        key = (len(self._responses) - 1, kind)
        seen = self._seen
        if seen is None:
            seen = self._seen = set()
        if key not in seen:
            seen.add(key)
            self.anomalies.append(Anomaly(kind, offset, message))
