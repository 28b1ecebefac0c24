"""Send raw HTTP/1.x requests and read the answers: the engine of the composer and the CLI.

``exchange`` connects (or reuses a kept-alive connection), writes the requests back to back
(several are pipelined on one connection), reads until every request has its final response as
framed, and reports the raw bytes, the parsed responses, curl-style timings and TLS facts.
Nothing raises for a network problem: the result carries a sentence instead. ``race`` opens N
connections and releases the last byte of each request together (last-byte synchronisation).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any

from desktop.core.errors import SocketDeskError
from desktop.core.http.attempt import Attempt, Progress
from desktop.core.http.link import Connection
from desktop.core.http.message import ParsedResponse
from desktop.core.http.response import MAX_BODY_BYTES, ResponseReader
from desktop.core.http.timings import Timings
from desktop.core.net.tls import TlsClientOptions, TlsSessionInfo
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["Connection", "ExchangeResult", "HttpTarget", "exchange", "race"]

# Before the last bytes of a race go out, the rest must have reached the server: one round trip
# to a distant server is well under this.
RACE_SETTLE_S = 0.05

_CANCELLED = sentence(QT_TRANSLATE_NOOP("core", "Cancelled"))


@dataclass(frozen=True)
class HttpTarget:
    """Where and how to connect.

    Attributes:
        host: a name or an address literal.
        port: the TCP port.
        tls: TLS options, or None for plain TCP.
        sni_override: the name sent in SNI (and checked) instead of ``host``.
        connect_timeout: seconds for lookup, connect and TLS handshake together.
        read_timeout: the longest silence of the server while a response is due, in seconds.
        total_timeout: a cap on the whole exchange, in seconds (a slow drip never goes silent).
    """

    host: str
    port: int
    tls: TlsClientOptions | None = None
    sni_override: str | None = None
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    total_timeout: float | None = None


@dataclass
class ExchangeResult:
    """What one exchange sent, received and measured.

    Attributes:
        raw_sent: the bytes written.
        reader: the responses, parsed from the exact bytes received (``reader.raw``).
        timings: the phases, in milliseconds.
        tls_info: what the TLS handshake agreed: version, cipher, ALPN, every certificate the
            server sent and the verification outcome (also when a required verification
            failed and ``error`` says so), or None.
        error: a sentence when the exchange failed or stopped early, else None.
        connection: the connection, still open, when it can carry another exchange.
        reused: the exchange ran on a connection passed in as ``reuse``.
        peer: the server's address, ``host:port``, once connected.
        notes: facts worth a glance that are not errors.
        failure: the typed error when the connection could not be made (``UnknownHost``,
            ``ConnectRefused``, ``ConnectTimeout``, ``TlsError``…: the one connect path's,
            the same as the TCP client's and the relay's), else None.
    """

    raw_sent: bytes
    reader: ResponseReader
    timings: Timings
    tls_info: TlsSessionInfo | None
    error: Sentence | None
    connection: Connection | None
    reused: bool = False
    peer: str = ""
    notes: list[Sentence] = field(default_factory=list)
    failure: SocketDeskError | None = None

    @property
    def responses(self) -> list[ParsedResponse]:
        """The parsed responses, in order (``reader.responses``)."""
        return self.reader.responses


async def exchange(
    target: HttpTarget,
    requests: list[bytes],
    *,
    reuse: Connection | None = None,
    cancel: asyncio.Event | None = None,
    max_response_bytes: int = MAX_BODY_BYTES,
    progress: Progress | None = None,
) -> ExchangeResult:
    """Send ``requests`` on one connection and read their responses.

    Args:
        target: where to connect (ignored when ``reuse`` is still open).
        requests: the exact bytes of each request; more than one are pipelined.
        reuse: a connection from an earlier result; a closed one is replaced by a new one.
        cancel: set it to stop at any moment; the result then says so.
        max_response_bytes: cap on the bodies kept (the reader stops reading there).
        progress: called with the number of bytes received so far, after each read.
    """
    if not requests:
        raise ValueError("exchange() needs at least one request")
    attempt = Attempt(target, requests, max_response_bytes)
    if cancel is None:  # what _unless_cancelled does then, without its coroutine
        try:
            await attempt.run(reuse, progress)
        except asyncio.CancelledError:
            attempt.stop(_CANCELLED)
            raise
    else:
        watched = _stopping_at_cancel(progress, cancel, [attempt])
        await _unless_cancelled(attempt.run(reuse, watched), cancel, [attempt])
    return _result(attempt)


def _stopping_at_cancel(
    progress: Progress | None, cancel: asyncio.Event | None, attempts: list[Attempt]
) -> Progress | None:
    """``progress``, and after each read a ``cancel`` already set stops the attempts there.

    ``_unless_cancelled`` sees the event only when its task next runs; uvloop delivers up to
    32 reads per wake-up (libuv's read loop), so a cancel set during one of them (from a
    progress callback, say) would let the rest in first — megabytes, up to a cap.
    """
    if cancel is None:
        return progress

    def step(received: int) -> None:
        if progress is not None:
            progress(received)
        if cancel.is_set():
            for attempt in attempts:
                attempt.stop(_CANCELLED)

    return step


async def race(
    target: HttpTarget,
    request: bytes,
    n: int,
    *,
    cancel: asyncio.Event | None = None,
    max_response_bytes: int = MAX_BODY_BYTES,
    settle: float = RACE_SETTLE_S,
) -> list[ExchangeResult]:
    """Send ``request`` on ``n`` connections so that the copies reach the server together.

    Every connection is opened and given all but the last byte of the request; once the kernel
    has taken those everywhere and ``settle`` seconds have passed (for them to reach the
    server), the last bytes are written in one tight loop (last-byte synchronisation, as Burp's
    "send group in parallel" does for HTTP/1). Results are in connection order.
    """
    if n < 1 or not request:
        raise ValueError("race() needs a request and at least one connection")
    attempts = [Attempt(target, [request], max_response_bytes) for _ in range(n)]

    async def run() -> None:
        await asyncio.gather(*(attempt.connect(None) for attempt in attempts))
        ready = [attempt for attempt in attempts if attempt.begin(None)]
        for attempt in ready:
            attempt.write(request[:-1])
        await asyncio.gather(*(attempt.flush(last=False) for attempt in ready))
        await asyncio.sleep(settle)
        for attempt in ready:  # the gate: no await between these writes
            if attempt.error is None:
                attempt.write(request[-1:])
        await asyncio.gather(*(attempt.finish() for attempt in ready if attempt.error is None))

    await _unless_cancelled(run(), cancel, attempts)
    return [_result(attempt) for attempt in attempts]


async def _unless_cancelled(
    work: Coroutine[Any, Any, None], cancel: asyncio.Event | None, attempts: list[Attempt]
) -> None:
    """Run ``work`` until it ends or ``cancel`` is set; either way of cancelling stops cleanly."""
    if cancel is None:
        try:
            await work
        except asyncio.CancelledError:
            for attempt in attempts:
                attempt.stop(_CANCELLED)
            raise
        return
    task = asyncio.ensure_future(work)
    waiter = asyncio.ensure_future(cancel.wait())
    try:
        await asyncio.wait((task, waiter), return_when=asyncio.FIRST_COMPLETED)
    finally:
        waiter.cancel()
        if not task.done():
            # Stopped first: the connection is dropped and nothing more is read while the task
            # unwinds (a fast server would otherwise deliver a few more reads).
            for attempt in attempts:
                attempt.stop(_CANCELLED)
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
    if not task.cancelled():
        task.result()  # a bug in the work is not hidden


def _result(attempt: Attempt) -> ExchangeResult:
    connection = attempt.connection
    # The reader's bytes are frozen here, on the loop's thread: a result handed to the GUI
    # thread must not make it copy a 100 MiB buffer there (a 70 ms stall, measured).
    reader = attempt.reader
    reader.freeze()
    # Positionally, in the order of the fields: keywords cost ~0.3 us more per keep-alive
    # request (a dataclass's generated __init__).
    return ExchangeResult(
        attempt.sent,  # raw_sent
        reader,
        attempt.clock.timings(),
        connection.tls_info if connection is not None else attempt.rejected_tls,
        attempt.error,
        connection if attempt.keep and attempt.error is None else None,
        attempt.reused,
        connection.peer if connection is not None else "",
        attempt.notes,
        attempt.failure,
    )
