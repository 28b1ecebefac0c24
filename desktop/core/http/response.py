"""A lenient, incremental reader of HTTP/1.x responses that never throws (RFC 9112 §6).

The raw bytes are the source of truth: the reader keeps them exactly, parses what it can and
records every deviation as an :class:`Anomaly` instead of rejecting the response.

This module is the state machine's steps: bytes fed, heads read, framing decided, messages
ended. Its books (positions, budgets, regions, results, anomalies) are ``response_books``.
"""

from __future__ import annotations

from desktop.core.http import response_sentences as says
from desktop.core.http.anomaly import AnomalyKind
from desktop.core.http.body_store import MIN_POOLED
from desktop.core.http.chunked import ChunkedBody
from desktop.core.http.fields import FieldLines
from desktop.core.http.framing import decide_framing, is_final, switches_protocol
from desktop.core.http.head import HeadParser, StatusLine, read_whole_head
from desktop.core.http.message import ParsedResponse, head_response
from desktop.core.http.response_books import (
    CHUNKED,
    CLOSE,
    DONE,
    HEAD,
    LENGTH,
    MAX_BODY_BYTES,
    MAX_HEADER_BYTES,
    UNPARSED,
    ReaderBooks,
)

__all__ = ["MAX_BODY_BYTES", "MAX_HEADER_BYTES", "ParsedResponse", "ResponseReader"]


class ResponseReader(ReaderBooks):
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

    def feed(self, data: bytes | bytearray | memoryview) -> None:
        """Take the next bytes received (copied: ``data`` may be a view of a reused buffer)."""
        if self._state is DONE:
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
                    self._state is HEAD
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
        if state is HEAD:
            self._close_head(end)
        elif state is CLOSE:
            self._pos = end
            self._end_message()
        elif state is LENGTH:
            self._report(AnomalyKind.SHORT_BODY, end, says.closed_short(self._left))
        elif state is CHUNKED:
            message = says.closed_before_final_chunk()
            self._report(AnomalyKind.MISSING_FINAL_CHUNK, end, message)
        self._pos = end
        self._abandon()
        self._state = DONE

    # --- parsing ---------------------------------------------------------------------------

    def _parse(self) -> None:
        while self._state is not DONE:
            if self._switched and self._pos < self._size:
                self._to_unparsed(self._pos, "switched")
            limit = self._start + (
                max(0, self.max_header_bytes - self._head_used)
                if self._state is HEAD
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
        if self._state is HEAD:
            return self._step_head(start, end)
        if self._state is CHUNKED:
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
            return self._pos > start or self._state is not CHUNKED
        if self._state is LENGTH:
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
        self._state = UNPARSED
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
            self._state = LENGTH
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
            self._state = CHUNKED
        elif kind == "close":
            self._state = CLOSE
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
        self._state = HEAD
        self._start = pos
        self._head = None

    def _head_parser(self) -> HeadParser:
        """The parser of the head starting at ``_start`` (made on first use)."""
        if self._head is None:
            self._head = HeadParser(self._start, self._report, self._begin, fast=self.fast)
        return self._head

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
