"""One client connection for HTTP exchanges: opened phase by phase (for timings), reusable.

Name lookup, the TCP connect and the TLS handshake are separate steps of the one connect path
(``core/net/connect.py``), each marked on the exchange's clock. Reads land in one buffer per
connection and are fed to the current exchange's :class:`ResponseReader`; the exchange is told
when its responses are complete, when the connection closes, and when it has been silent too
long.
"""

from __future__ import annotations

import asyncio
import mmap
import time
from collections.abc import Callable

from desktop.core.errors import TlsError
from desktop.core.http.anomaly import AnomalyKind
from desktop.core.http.response import ResponseReader
from desktop.core.http.timings import Clock
from desktop.core.net.connect import connect
from desktop.core.net.connection import CLOSED, DISCONNECTED, StreamConnection
from desktop.core.net.tls import TlsClientOptions, TlsSessionInfo
from desktop.core.sentence import Sentence

__all__ = ["Connection", "final_responses", "open_connection"]

# Each connection has its own read buffer (the race helper opens many at once), so it is smaller
# than the bulk engines' shared 1 MiB; the reader copies every read into its own buffer. An
# anonymous mmap: its pages are mapped when first written (a handshake's few KiB), not zeroed
# all at once per connection as a bytearray's are.
READ_SIZE = 256 * 1024
# Bytes that arrive on an idle keep-alive connection are kept for the next exchange, up to this
# (a server that streams while nobody asks must not grow memory).
MAX_STRAY_BYTES = 1 << 20
_CAPS = frozenset({AnomalyKind.HEADER_TOO_LARGE, AnomalyKind.BODY_TRUNCATED_BY_CAP})


class Connection:
    """An open TCP or TLS connection to an HTTP server.

    Made by :func:`open_connection`; an exchange that ends with the connection still usable
    hands it back for the next one. Close it when done.

    Attributes:
        exchanges: how many exchanges used this connection.
        stray: bytes that arrived while no exchange was reading (kept for the next one).
        received: bytes received by the current (or last) exchange.
        tls_failure: the sentence for a TLS error (an alert) that broke the stream, if any.
    """

    def __init__(self) -> None:
        self._tls_info: TlsSessionInfo | None = None
        self.tls_failure: Sentence | None = None  # a TLS error that broke the stream, as a sentence
        self.exchanges = 0
        self.stray = bytearray()
        self.stream = StreamConnection(memoryview(mmap.mmap(-1, READ_SIZE)), self._data, self._lost)
        self._reader: ResponseReader | None = None
        self._expected = 0
        self._clock: Clock | None = None
        self._done: asyncio.Future[None] | None = None
        self._progress: Callable[[int], None] | None = None
        self._last_read = 0
        self.received = 0  # bytes fed to the current exchange's reader
        self._peer = ""
        # The loop (asked once: asking costs a getpid() system call each time on 3.11), and
        # one silence timer for the connection's life, re-armed only when it fires while an
        # exchange waits (not a new timer handle per keep-alive request).
        self._loop: asyncio.AbstractEventLoop | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._timer_at = 0.0  # when it fires, in loop time
        self._waiting: asyncio.Future[None] | None = None  # what ``wait`` waits for
        self._idle_timeout = 0.0
        self._silent = False

    @property
    def tls_info(self) -> TlsSessionInfo | None:
        """What the TLS handshake agreed (the whole chain and the verification outcome), or
        None for plain TCP."""
        return self._tls_info

    @property
    def open(self) -> bool:
        """True while requests can be sent."""
        stream = self.stream
        return stream.is_open and not stream.lost

    @property
    def peer(self) -> str:
        """The server's address, ``host:port`` (made once: every exchange's result has it)."""
        peer = self._peer
        if not peer:
            peer = self._peer = self.stream.peer
        return peer

    def close(self) -> None:
        """Close the connection (queued bytes are still sent)."""
        self._stop_timer()
        self.stream.close(CLOSED)

    def abort(self) -> None:
        """Drop the connection at once."""
        self._stop_timer()
        self.stream.abort(DISCONNECTED)

    # -- one exchange ------------------------------------------------------------------------

    def start(
        self,
        reader: ResponseReader,
        expected: int,
        clock: Clock,
        progress: Callable[[int], None] | None = None,
    ) -> asyncio.Future[None]:
        """Route what arrives to ``reader`` until ``expected`` final responses are complete.

        Returns:
            A future that completes when they are, when the connection closes, or when a cap
            of the reader is reached.
        """
        self.exchanges += 1
        self._reader, self._expected, self._clock = reader, expected, clock
        self._progress = progress
        self.received = 0
        if self._loop is None:
            self._loop = asyncio.get_running_loop()
        self._done = self._loop.create_future()
        if self.stray:
            data, self.stray = bytes(self.stray), bytearray()
            self._data(None, data)
        elif self.stream.lost:
            self._finish()
        return self._done

    def stop(self) -> None:
        """The exchange is over: later bytes are kept in ``stray``."""
        self._reader = self._clock = self._done = self._progress = None

    def wait(self, done: asyncio.Future[None], idle_timeout: float) -> asyncio.Future[None]:
        """Watch ``done`` for silence; await what this returns (``done`` itself: no coroutine
        of its own per exchange), then ``silent`` says whether nothing arrived for
        ``idle_timeout`` seconds."""
        loop = self._loop or asyncio.get_running_loop()
        # Silence counts from the last byte received, or from now (the request was just sent).
        self._last_read = time.perf_counter_ns()
        self._silent = False
        self._idle_timeout = idle_timeout
        # Left set after ``done`` ends (cancelled too): the timer then sees it done and stops.
        self._waiting = done
        deadline = loop.time() + idle_timeout
        # A timer already armed (by an earlier exchange) that fires no later will do: it checks
        # the silence then, and re-arms from the last read.
        if self._timer is None or self._timer_at > deadline:
            self._stop_timer()
            self._arm(loop, deadline)
        return done

    @property
    def silent(self) -> bool:
        """The last ``wait`` ended because nothing arrived for its idle timeout."""
        return self._silent

    def _arm(self, loop: asyncio.AbstractEventLoop, when: float) -> None:
        self._timer_at = when
        self._timer = loop.call_at(when, self._check_silence)

    def _check_silence(self) -> None:
        self._timer = None
        done, loop = self._waiting, self._loop
        if done is None or done.done() or loop is None:
            return  # nobody waits: the timer stops until the next exchange
        idle = (time.perf_counter_ns() - self._last_read) / 1e9
        if idle < self._idle_timeout:  # rescheduled from the last read, not on every read
            self._arm(loop, loop.time() + self._idle_timeout - idle)
        else:
            self._silent = True
            done.set_result(None)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _data(self, stream: StreamConnection | None, data: bytes | memoryview) -> None:
        """Bytes received: fed to the exchange's reader, or kept in ``stray`` between
        exchanges."""
        reader, clock = self._reader, self._clock
        if reader is None or clock is None:
            if len(self.stray) + len(data) <= MAX_STRAY_BYTES:
                self.stray += data
            return
        self._last_read = now = time.perf_counter_ns()
        if clock.starttransfer is None:
            clock.starttransfer = now
        reader.feed(data)  # the reader copies what it keeps: no copy of our own first
        self.received += len(data)
        if self._progress is not None:
            self._progress(self.received)
        if reader.complete and (self._expected == 1 or self._enough(reader)):
            # (For one request, a complete reader is enough: it is complete once a final
            # response ended or a cap was reached, which is what _enough counts.)
            self._finish()

    def _enough(self, reader: ResponseReader) -> bool:
        return final_responses(reader) >= self._expected or (
            bool(reader.anomalies) and any(a.kind in _CAPS for a in reader.anomalies)
        )

    def _lost(self, stream: StreamConnection, reason: Sentence) -> None:
        self._stop_timer()
        if self._reader is not None:
            self._reader.close()
            self._finish()

    def _finish(self) -> None:
        if self._clock is not None and self._clock.end is None:
            self._clock.end = time.perf_counter_ns()
        if self._done is not None and not self._done.done():
            self._done.set_result(None)


def final_responses(reader: ResponseReader) -> int:
    """How many final responses (not 1xx, but 101: RFC 9110 §15.2) ended as framed."""
    count = 0
    for r in reader.responses:  # a loop, not sum() over a generator: once per read
        if r.complete and r.status is not None and (r.status >= 200 or r.status == 101):
            count += 1
    return count


async def open_connection(
    host: str,
    port: int,
    clock: Clock,
    *,
    tls: TlsClientOptions | None = None,
    timeout: float = 10.0,
) -> Connection:
    """Resolve, connect and (with ``tls``) shake hands, marking ``clock`` at each step.

    The one connect path (``core/net/connect.py``): TLS runs through pyOpenSSL so that the
    session carries every certificate the server sent and the verification outcome, verify on
    or off.

    Raises:
        UnknownHost, ConnectRefused, ConnectTimeout, ConnectError, TlsError: a sentence each;
            ``CertificateRejected`` (a ``TlsError``) carries the session when verification was
            on and failed.
    """
    connection = Connection()

    def broken(error: TlsError) -> None:
        connection.tls_failure = error.sentence

    made = await connect(
        host,
        port,
        lambda: connection.stream,
        timeout=timeout,
        tls=tls,
        marks=clock,
        on_tls_error=broken,
    )
    connection._tls_info = made.tls
    transport = connection.stream.transport
    assert transport is not None
    # Writes are "done" only when the kernel has every byte: drain() then waits for that.
    transport.set_write_buffer_limits(high=0)
    return connection
