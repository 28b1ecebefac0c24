"""A lenient, incremental reader of HTTP/1.x responses that never throws (RFC 9112 §6).

The raw bytes are the source of truth: the reader keeps them exactly, parses what it can and
records every deviation as an :class:`Anomaly` instead of rejecting the response.
"""

from __future__ import annotations

import enum

from desktop.core.http import response_sentences as says
from desktop.core.http.anomaly import Anomaly, AnomalyKind
from desktop.core.http.body_store import MIN_POOLED, BodyStore
from desktop.core.http.chunked import ChunkedBody
from desktop.core.http.fields import FieldLines
from desktop.core.http.framing import decide_framing, is_final, switches_protocol
from desktop.core.http.head import HeadParser, StatusLine, read_whole_head
from desktop.core.http.message import ParsedResponse, head_response
from desktop.core.sentence import Sentence

__all__ = ["MAX_BODY_BYTES", "MAX_HEADER_BYTES", "ParsedResponse", "ResponseReader"]

# curl gives up at 100 KiB of headers, but a raw tool should still show a hostile 1 MB header
# (raw-http.md §4.2); 1 MiB also bounds an endless stream of 1xx responses.
MAX_HEADER_BYTES = 1 << 20
# An endless chunked body arrives at ~300 MB/s on loopback (raw-http.md §4.2): past this, stop.
MAX_BODY_BYTES = 256 << 20


class _State(enum.Enum):
    HEAD = enum.auto()  # a head, or whatever follows a final response
    LENGTH = enum.auto()  # a body of Content-Length bytes
    CHUNKED = enum.auto()  # a chunked body
    CLOSE = enum.auto()  # a body that ends when the connection closes
    UNPARSED = enum.auto()  # bytes after an error or after the final response, kept raw
    DONE = enum.auto()  # closed, or a cap was reached: later bytes are not kept


# The states as module constants: an enum member read through its class costs ~60 ns on
# Python 3.11 (a global ~6), and the reader reads them a dozen times per response.
_HEAD, _LENGTH, _CHUNKED, _CLOSE, _UNPARSED, _DONE = (
    _State.HEAD,
    _State.LENGTH,
    _State.CHUNKED,
    _State.CLOSE,
    _State.UNPARSED,
    _State.DONE,
)


class ResponseReader:
    """Read the responses of one connection from bytes as they arrive; never raises.

    The caps are budgets for the whole connection, so that neither one huge response nor an
    endless stream of small ones (a flood of ``100 Continue``) holds more than
    ``max_header_bytes + max_body_bytes``. When one runs out, reading stops with a
    ``HEADER_TOO_LARGE`` or ``BODY_TRUNCATED_BY_CAP`` anomaly and ``complete`` becomes True.
    Bytes fed after that, or after :meth:`close`, are only counted in ``discarded``.

    Args:
        request_method: the method of the request(s); ``HEAD`` responses have no body.
        max_header_bytes: cap on status lines and headers (:data:`MAX_HEADER_BYTES`).
        max_body_bytes: cap on bodies and unparsed bytes (:data:`MAX_BODY_BYTES`).
        fast: let a head that arrived whole and is strictly well formed be read in one regex
            match (``HeadParser``'s fast path: the same result; False reads line by line).

    Attributes:
        anomalies: deviations in the order found; at most one of each kind per response.
        error_offset: where parsing failed (a bad status line or chunk framing), if it did.
        discarded: bytes received after a cap or after ``close()``, not kept.
    """

    # State that starts the same for every reader, as class defaults (a reader is made per
    # keep-alive request; each is set on the instance when it first changes).
    error_offset: int | None = None
    discarded = 0
    _size = 0  # bytes kept
    _seen: set[tuple[int, AnomalyKind]] | None = None  # (response, kind) reported; made on use
    _state = _State.HEAD
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
        return self._state is _DONE or (self._after_final and self._state in (_HEAD, _UNPARSED))

    def feed(self, data: bytes | bytearray | memoryview) -> None:
        """Take the next bytes received (copied: ``data`` may be a view of a reused buffer)."""
        if self._state is _DONE:
            self.discarded += len(data)
            return
        if data:
            # The piece just fed is parsed where it lies (a chunked body's data is copied from
            # it): asking the store for its whole buffer would trim it, and the next write
            # grow it again, on every feed.
            self._piece_at = at = self._size
            self._piece = (
                data.cast("B")
                if type(data) is memoryview and (data.format != "B" or data.ndim != 1)
                else data
            )
            self._size = size = at + self._store.write(data)
            if size >= MIN_POOLED > at:  # big now: its buffer may be pooled when it dies
                self._store.grown()
            try:
                # A head not begun yet is read whole first (``_whole``: once per keep-alive
                # request, without the parse loop and its steps); when it is not whole, its
                # parser is made here so that the loop does not try the whole head again.
                if (
                    self._state is _HEAD
                    and self._head is None
                    and self.fast
                    and not self._switched
                    and self._pos == self._start
                ):
                    left = self.max_header_bytes - self._head_used  # as ``_parse`` limits it
                    end = self._start + left if left > 0 else self._start
                    if not self._whole(end if end < size else size):
                        self._head_parser()
                        self._parse()
                    elif self._pos < size:
                        self._parse()
                else:
                    self._parse()
            finally:
                self._piece = None  # a view of the caller's buffer is valid during feed only
            self._dirty = True

    def close(self) -> None:
        """The connection ended: end a body delimited by close, and report what is missing."""
        state, end = self._state, self._size
        if state is _HEAD:
            self._close_head(end)
        elif state is _CLOSE:
            self._pos = end
            self._end_message()
        elif state is _LENGTH:
            self._report(AnomalyKind.SHORT_BODY, end, says.closed_short(self._left))
        elif state is _CHUNKED:
            message = says.closed_before_final_chunk()
            self._report(AnomalyKind.MISSING_FINAL_CHUNK, end, message)
        self._pos = end
        self._abandon()
        self._state = _DONE

    # --- parsing ---------------------------------------------------------------------------

    def _parse(self) -> None:
        while self._state is not _DONE:
            if self._switched and self._pos < self._size:
                self._to_unparsed(self._pos, "switched")
            limit = self._start + (
                max(0, self.max_header_bytes - self._head_used)
                if self._state is _HEAD
                else max(0, self.max_body_bytes - self._body_used)
            )
            if not self._step(min(limit, self._size)):
                if self._size > limit:
                    self._stop_at_cap(limit)
                return
            if self._pos == self._size:  # all read: no step can take zero bytes further
                return

    def _step(self, end: int) -> bool:
        """Parse up to ``end``; False when nothing more can be parsed yet."""
        start = self._pos
        if self._state is _HEAD:
            return self._step_head(start, end)
        if self._state is _CHUNKED:
            chunked, piece = self._chunked, self._piece
            assert chunked is not None
            if piece is not None and start >= self._piece_at:
                self._pos = chunked.parse(piece, start, end, self._piece_at)
            else:  # a line begun in an earlier piece (rare): read from the whole buffer
                self._pos = chunked.parse(self._store.getvalue(), start, end)
            if chunked.done:
                self._end_message()
            elif chunked.error_offset is not None:
                self.error_offset = chunked.error_offset
                self._abandon()
                self._to_unparsed(self.error_offset, None)
            return self._pos > start or self._state is not _CHUNKED
        if self._state is _LENGTH:
            self._pos += min(self._left, end - start)
            self._left -= self._pos - start
            if self._left == 0:
                self._end_message()
        else:  # CLOSE or UNPARSED: everything up to the cap belongs to the region
            self._pos = end
        return self._pos > start

    def _step_head(self, start: int, end: int) -> bool:
        if self._head is None and self.fast and start == self._start and self._whole(end):
            return True
        head = self._head_parser()
        self._pos = head.parse(self._store.getvalue(), start, end)
        if head.done:
            assert self._cur is not None
            self._end_head(self._cur, head.fields)
        elif head.bad_offset is not None:
            self._bad_start()
        else:
            return self._pos > start
        return True

    def _whole(self, end: int) -> bool:
        """A head not begun yet that lies whole before ``end`` and is strictly well formed:
        read in one match without a HeadParser (``read_whole_head``, HeadParser's fast path);
        ``_end_head`` ends a body that is here already with it. False: nothing read."""
        start, piece, at = self._start, self._piece, self._piece_at
        if piece is not None and start >= at:  # read where the piece just fed lies
            got = read_whole_head(piece, start - at, end - at, at)
        else:
            got = read_whole_head(self._store.getvalue(), start, end)
        if got is None:
            return False
        version, status, reason, self._pos, fields = got
        self._cur = response = head_response(start, version, status, reason, fields)
        self._responses.append(response)
        self._after_final = False
        self._end_head(response, fields)
        return True

    def _begin(self, status_line: StatusLine, offset: int) -> None:
        """The head parser read a status line (its field lines come in ``fields``)."""
        version, status, reason = status_line
        assert self._head is not None
        fields = self._head.fields  # (the fast path gives it a whole head's)
        self._cur = head_response(offset, version, status, reason, fields)
        self._responses.append(self._cur)
        self._after_final = False

    def _bad_start(self) -> None:
        """A status line was expected and something else came."""
        head = self._head_parser()
        offset, line = head.bad_offset, head.bad_line
        assert offset is not None
        if self._after_final and line is None:
            self._to_unparsed(self._start, "junk")
            return
        self._head_used += offset - self._start
        self.error_offset = offset
        self._after_final = False
        self._cur = ParsedResponse(offset)
        self._responses.append(self._cur)
        message = says.bad_status_line(bool(line))
        self._report(AnomalyKind.MALFORMED_STATUS_LINE, offset, message)
        self._state = _UNPARSED
        self._start = self._pos = offset

    def _end_head(self, response: ParsedResponse, fields: FieldLines) -> None:
        """The head of ``response`` (field lines ``fields``) ended at the parse position: its
        framing decides what follows. A Content-Length body that is all here already (a
        keep-alive response arriving whole) ends with it, as the LENGTH step would end it."""
        assert response.status is not None
        pos = self._pos
        self._head_used += pos - self._start
        self._start = pos
        kind, length, persistent = decide_framing(
            self.request_method, response.http_version, response.status, fields, self._report
        )
        response.framing, response.persistent = kind, persistent
        if kind == "content-length" and length:
            self._state = _LENGTH
            cap = self.max_body_bytes - self._body_used  # as ``_parse`` limits a body
            if length <= cap:
                expected = pos + length
                if expected <= self._size:  # all here
                    self._pos = expected
                    self._end_message()
                    return
            else:
                expected = pos + cap if cap > 0 else pos
            self._left = length
            if expected > self._size:  # more to come: room for it (a body here is not moved)
                self._store.reserve(expected)
        elif kind == "chunked":
            self._chunked = ChunkedBody(self._report)
            self._state = _CHUNKED
        elif kind == "close":
            self._state = _CLOSE
        else:
            self._end_message()

    def _end_message(self) -> None:
        """The current response ended at the parse position, as its framing says: the one
        place that ends a message (its length and body, the counts, what may follow)."""
        response = self._cur
        assert response is not None and response.status is not None
        pos = self._pos
        self._body_used += pos - self._start
        self._sync(response, True)
        response.complete = True
        if response.framing == "none":
            status = response.status
            self._after_final = is_final(status)
            self._switched = switches_protocol(self.request_method, status)
        else:  # a body: decide_framing gives none to interim and switching responses
            self._after_final = True
        self._cur = None
        self._state = _HEAD
        self._start = pos
        self._head = None

    def _head_parser(self) -> HeadParser:
        """The parser of the head starting at ``_start`` (made on first use)."""
        if self._head is None:
            self._head = HeadParser(self._start, self._report, self._begin, fast=self.fast)
        return self._head

    def _abandon(self) -> None:
        """The current response stops at the parse position without ending as framed."""
        if self._cur is not None:
            self._sync(self._cur, True)
            self._cur = None

    def _to_unparsed(self, start: int, why: str | None) -> None:
        if self._state is not _HEAD:
            self._body_used += start - self._start
        if why is not None:
            message = says.protocol_switched() if why == "switched" else says.bytes_after_response()
            self._report(AnomalyKind.EXTRA_BYTES_AFTER_BODY, start, message)
        self._switched = False
        self._state = _UNPARSED
        self._start = self._pos = start

    def _close_head(self, end: int) -> None:
        head = self._head_parser()
        head.finish(self._store.getvalue(), self._pos)
        if head.bad_offset is not None:
            self._bad_start()
        elif self._cur is not None:
            self._report(AnomalyKind.INCOMPLETE_HEAD, end, says.closed_mid_head())
        elif self._start < end and self._after_final:
            self._to_unparsed(self._start, "junk")
        elif self._start < end:
            self._report(AnomalyKind.INCOMPLETE_HEAD, end, says.closed_before_status_line())
        elif not self._responses:
            self._report(AnomalyKind.EMPTY_RESPONSE, 0, says.closed_empty())
        elif not self._after_final:
            self._report(AnomalyKind.NO_FINAL_RESPONSE, end, says.closed_with_interim_only())

    def _stop_at_cap(self, limit: int) -> None:
        head = self._state is _HEAD
        self.discarded += self._size - limit
        self._store.truncate(limit)
        self._store.seek(limit)
        self._size = limit
        kind = AnomalyKind.HEADER_TOO_LARGE if head else AnomalyKind.BODY_TRUNCATED_BY_CAP
        cap = self.max_header_bytes if head else self.max_body_bytes
        self._report(kind, limit, says.cap_reached(head, cap))
        self._pos = limit
        self._abandon()
        self._state = _DONE

    # --- results ---------------------------------------------------------------------------

    def _sync(self, response: ParsedResponse, final: bool = False) -> None:
        """Bring the current response's length and body up to the parse position.

        The body as framed is a span of ``raw`` (no copy). A de-chunked body is copied while
        it grows; when it ends (``final``) the response takes the buffer over instead.
        """
        self._dirty = False
        state = self._state
        response.length = self._pos - response.offset
        if state is _LENGTH or state is _CLOSE:
            # The store's own method, not the reader's: no reader <-> response cycle, so a
            # body's memory is freed (or pooled) as soon as the last holder drops it.
            response.attach_raw(self._store.getvalue, self._start, self._pos)
        elif state is _CHUNKED:
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
