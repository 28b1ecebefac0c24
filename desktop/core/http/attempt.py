"""The steps of one exchange on one connection: connect, write, wait, keep or close.

``exchange`` runs them in a row; ``race`` runs the steps of many attempts side by side.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.core.errors import NetError, SocketDeskError
from desktop.core.http.anomaly import AnomalyKind
from desktop.core.http.link import Connection, final_responses, open_connection
from desktop.core.http.response import ResponseReader
from desktop.core.http.timings import Clock
from desktop.core.net.connection import RESET
from desktop.core.net.tls import TlsClientOptions, TlsSessionInfo
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence, translate

if TYPE_CHECKING:
    from desktop.core.http.exchange import HttpTarget

__all__ = ["Attempt", "Progress"]

Progress = Callable[[int], None]
# The composer speaks HTTP/1.x only: offered in ALPN unless the options name protocols.
DEFAULT_ALPN = ("http/1.1",)


class Attempt:
    """One connection's exchange, step by step (``race`` interleaves the steps).

    Attributes:
        connection: the connection, once there is one.
        sent: the bytes written.
        error: a sentence once something failed or the exchange stopped early.
        notes: facts worth a glance that are not errors.
        reused: the connection was passed in.
        keep: the connection can carry another exchange.
        failure: the typed error when connecting failed (the same as the TCP client's).
        rejected_tls: the session of a handshake whose certificates failed a required check
            (the connection was closed before any request byte).
    """

    # Defaults on the class: an attempt is made per keep-alive request, and these rarely change.
    connection: Connection | None = None
    error: Sentence | None = None
    reused = False
    keep = False
    rejected_tls: TlsSessionInfo | None = None
    failure: SocketDeskError | None = None  # the typed error of a failed connect
    _done: asyncio.Future[None] | None = None
    _reader: ResponseReader | None = None

    def __init__(self, target: HttpTarget, requests: list[bytes], max_body: int) -> None:
        self.target = target
        self.requests = requests
        self.max_body = max_body
        self.clock = Clock()
        self.sent = b""  # (one request written whole is kept without a copy)
        self.notes: list[Sentence] = []
        if len(requests) > 1 and len({_method(r) == b"HEAD" for r in requests}) > 1:
            self.notes.append(
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "HEAD is pipelined with other methods: responses are read as HEAD's.",
                    )
                )
            )

    @property
    def reader(self) -> ResponseReader:
        """The reader of this exchange's responses (made when first asked: by ``begin``, which
        ``run`` calls just after writing the requests, so that the server is at work on them
        meanwhile)."""
        reader = self._reader
        if reader is None:
            reader = self._reader = ResponseReader(
                _method(self.requests[0]), max_body_bytes=self.max_body
            )
        return reader

    async def run(self, reuse: Connection | None, progress: Progress | None) -> None:
        """Every step in a row, the requests written back to back (pipelined).

        The requests are written before the reader is made and attached: between one
        keep-alive response and the next request lies only what must (a reply cannot arrive
        before this coroutine next waits, so the reader is ready in time)."""
        if reuse is not None and reuse.open:  # what connect() does first, without its await
            self.connection, self.reused = reuse, True
        else:
            await self.connect(reuse)
        if self.connection is not None and self.error is None:
            requests = self.requests
            self.write(requests[0] if len(requests) == 1 else b"".join(requests))
            if not self.begin(progress):  # the write failed: ``error`` says why
                return
            connection, done = self.connection, self._done
            assert done is not None
            stream = connection.stream
            if (
                stream.pending == 0
                and not stream.lost
                and self.error is None
                and self.target.total_timeout is None
            ):
                # What flush() and finish() do when the kernel took the request at once and
                # there is no total timeout, without their coroutines (once per keep-alive
                # request).
                self.clock.posttransfer = time.perf_counter_ns()
                await connection.wait(done, self.target.read_timeout)
                self._answered(connection, not connection.silent)
                return
            await self.flush(last=True)
            if self.error is None:
                await self.finish()

    async def connect(self, reuse: Connection | None) -> None:
        """Take ``reuse`` if it is still open, else open a connection (errors become
        ``error``)."""
        if reuse is not None and reuse.open:
            self.connection, self.reused = reuse, True
            return
        if reuse is not None:
            self.notes.append(
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core", "The kept-alive connection had closed; a new one was opened."
                    )
                )
            )
        target = self.target
        tls = target.tls
        if tls is not None and target.sni_override:
            tls = dataclasses.replace(tls, server_name=target.sni_override)
        if tls is not None and not tls.alpn:
            tls = dataclasses.replace(tls, alpn=DEFAULT_ALPN)
        try:
            if tls is not None:
                _context(tls)  # loading CA certificates is not part of the exchange
            self.clock = Clock()
            self.connection = await open_connection(
                target.host,
                target.port,
                self.clock,
                tls=tls,
                timeout=target.connect_timeout,
            )
        except SocketDeskError as error:
            self.error = error.sentence
            self.failure = error
            self.rejected_tls = getattr(error, "session", None)

    def begin(self, progress: Progress | None) -> bool:
        """Start reading; False when there is no connection."""
        if self.connection is None or self.error is not None:
            return False
        if self.connection.stray:
            count = len(self.connection.stray)
            self.notes.append(
                translate(
                    "core",
                    "%n byte(s) had arrived on the idle connection; they are read first.",
                    None,
                    1,
                ).counting(count)
            )
        self._done = self.connection.start(self.reader, len(self.requests), self.clock, progress)
        return True

    def write(self, data: bytes) -> None:
        """Queue ``data``; the first write marks ``pretransfer``."""
        assert self.connection is not None
        if self.clock.pretransfer is None:
            self.clock.pretransfer = time.perf_counter_ns()
        try:
            self.connection.stream.write(data)
        except NetError as error:
            self.error = self.error or error.sentence
            return
        self.sent += data

    async def flush(self, *, last: bool) -> None:
        """Wait until the kernel has every byte written so far (at most ``read_timeout``: a
        server that reads nothing must not hold the exchange forever)."""
        assert self.connection is not None
        stream = self.connection.stream
        if stream.pending == 0 and not stream.lost:  # the kernel took it all: nothing to wait for
            if last:
                self.clock.posttransfer = time.perf_counter_ns()
            return
        timeout = self.target.read_timeout
        try:
            async with asyncio.timeout(timeout):
                await self.connection.stream.drain()
        except TimeoutError:
            self.stop(
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core", "The server took no request bytes for {seconds} s (write timeout)"
                    ),
                    seconds=f"{timeout:g}",
                )
            )
            return
        if last and not self.connection.stream.lost:
            self.clock.posttransfer = time.perf_counter_ns()

    async def finish(self) -> None:
        """Read until the responses are complete, then keep or close the connection."""
        connection, done = self.connection, self._done
        assert connection is not None and done is not None
        if self.clock.posttransfer is None and not connection.stream.lost:
            await self.flush(last=True)
            if self.error is not None:
                return
        total = self.target.total_timeout
        left = None if total is None else total - (time.perf_counter_ns() - self.clock.start) / 1e9
        try:
            if left is None:  # no cap: no timeout context (it costs per keep-alive request)
                await connection.wait(done, self.target.read_timeout)
            else:
                async with asyncio.timeout(left):
                    await connection.wait(done, self.target.read_timeout)
        except TimeoutError:
            self.stop(
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core", "The exchange took longer than {seconds} s (total timeout)"
                    ),
                    seconds=f"{total:g}",
                )
            )
            return
        self._answered(connection, not connection.silent)

    def _answered(self, connection: Connection, answered: bool) -> None:
        """The wait ended: stop at a read timeout or a close too early, else keep or close."""
        if not answered:
            self.stop(
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core", "The server sent nothing for {seconds} s (read timeout)"
                    ),
                    seconds=f"{self.target.read_timeout:g}",
                )
            )
            return
        if connection.stream.lost and not self._enough():
            self.stop(self._closed_sentence(connection))
            return
        reader = self._reader
        assert reader is not None  # made by begin()
        self.keep = connection.open and _reusable(reader)
        connection.stop()
        if not self.keep:
            connection.close()

    def stop(self, why: Sentence) -> None:
        """End early: say why (with the bytes received), drop the connection."""
        if self.clock.end is None:
            self.clock.end = time.perf_counter_ns()
        if self.error is None:
            count = self.connection.received if self.connection is not None else 0
            if self.connection is None:
                got = sentence(QT_TRANSLATE_NOOP("core", "while connecting"))
            elif count:
                got = translate("core", "after %n byte(s) (was|were) received", None, 1).counting(
                    count
                )
            else:
                got = sentence(QT_TRANSLATE_NOOP("core", "before any response"))
            # A whole sentence (a TLS failure) keeps its period: what was received follows it.
            template = (
                QT_TRANSLATE_NOOP("core", "{why} ({got})")
                if str(why).endswith(".")
                else QT_TRANSLATE_NOOP("core", "{why} {got}.")
            )
            self.error = sentence(template, why=why, got=got)
        if self.connection is not None:
            self.connection.stop()
            self.connection.abort()
            self.reader.close()

    def _enough(self) -> bool:
        return final_responses(self.reader) >= len(self.requests)

    def _closed_sentence(self, connection: Connection) -> Sentence:
        reason = connection.stream.close_reason
        if connection.tls_failure is not None:
            return connection.tls_failure
        if reason == RESET:
            return sentence(QT_TRANSLATE_NOOP("core", "The connection was reset"))
        if self.reused and connection.received == 0:
            return sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The server closed the kept-alive connection without answering (it may have "
                    "dropped it as idle; send again on a new connection)",
                )
            )
        if connection.received == 0:
            return sentence(
                QT_TRANSLATE_NOOP("core", "The server closed the connection without answering")
            )
        return sentence(
            QT_TRANSLATE_NOOP(
                "core", "The server closed the connection before the response was complete"
            )
        )


def _context(options: TlsClientOptions) -> None:
    from desktop.core.net.tls_client import client_context  # noqa: PLC0415 (lazy TLS)

    client_context(options)


def _method(request: bytes) -> bytes:
    # The first word, after any whitespace (leading CR and LF too), as ``split()`` would give
    # it, without copying the rest of a request that may be a 100 MB upload.
    word = _FIRST_WORD.match(request)
    return word[1].upper() if word else b"GET"


_FIRST_WORD = re.compile(rb"\s*(\S+)")


def _reusable(reader: ResponseReader) -> bool:
    """Whether the server will take another request on this connection (RFC 9112 §9.3)."""
    responses = reader.responses
    if reader.error_offset is not None or not responses:
        return False
    if reader.anomalies and any(
        a.kind is AnomalyKind.EXTRA_BYTES_AFTER_BODY for a in reader.anomalies
    ):
        return False  # the connection is out of step: the next response would be misread
    last = responses[-1]
    if not last.complete or last.framing == "close" or last.status == 101:
        return False
    if reader.request_method == b"CONNECT" and last.status and 200 <= last.status <= 299:
        return False  # a tunnel now: the bytes that follow are not HTTP
    return last.persistent  # Connection and the version, read with the framing
