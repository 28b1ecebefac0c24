"""One TCP stream (plain or TLS), shared by the client, server and relay engines.

A ``StreamConnection`` is an ``asyncio.BufferedProtocol``: the kernel's bytes land in a buffer
given by the owner (one buffer may serve thousands of connections of a server, since callbacks
never overlap on one loop), and the owner is told through two callables. Writes are bounded: a
peer that stops reading cannot make us hold more than ``max_pending`` bytes.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from typing import cast

from desktop.core.errors import NetError, NotConnected
from desktop.core.os_reasons import os_reason
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = [
    "CLOSED",
    "DEFAULT_MAX_PENDING",
    "DEFAULT_READ_SIZE",
    "DISCONNECTED",
    "PEER_CLOSED",
    "RESET",
    "StreamConnection",
    "Totals",
    "format_address",
]

# 1 MiB per read, one buffer reused for every read: receiving into a file, 256 KiB reads gave
# 1.02 GB/s and 1 MiB 2.06 GB/s, 4 MiB 0.76 GB/s (cache effects; docs/ARCHITECTURE.md).
DEFAULT_READ_SIZE = 1024 * 1024
# What may wait in user space for a peer that does not read: beyond this, sends are refused
# with a sentence instead of growing memory without bound.
DEFAULT_MAX_PENDING = 16 * 1024 * 1024

# Why a connection ended, when nothing more particular is known.
PEER_CLOSED = sentence(QT_TRANSLATE_NOOP("core", "The peer closed the connection."))
CLOSED = sentence(QT_TRANSLATE_NOOP("core", "The connection was closed."))
DISCONNECTED = sentence(QT_TRANSLATE_NOOP("core", "Disconnected."))
RESET = sentence(QT_TRANSLATE_NOOP("core", "The connection was reset by the peer."))


DataCallback = Callable[["StreamConnection", memoryview], None]
ClosedCallback = Callable[["StreamConnection", Sentence], None]


def format_address(sockaddr: object) -> str:
    """``host:port``, with brackets for IPv6."""
    if not isinstance(sockaddr, tuple) or len(sockaddr) < 2:
        return str(sockaddr)
    host, port = str(sockaddr[0]), sockaddr[1]
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


class Totals:
    """Byte and chunk counts an engine keeps for a whole session (every connection adds to it).

    The one place a session's counters live: connections add to it as they read and write, the
    worker or the CLI samples it (``desktop.core.session.counters``). Loop thread only.
    """

    __slots__ = ("bytes_in", "bytes_out", "chunks_in", "chunks_out")

    def __init__(self) -> None:
        self.bytes_in = 0
        self.bytes_out = 0
        self.chunks_in = 0
        self.chunks_out = 0


class StreamConnection(asyncio.BufferedProtocol):
    """A connected stream with counters, bounded writes and a human close reason.

    Slotted and without per-connection events until one is needed: a server holds thousands.

    Args:
        buffer: where reads land; shared between connections of one engine is fine.
        on_data: called with each chunk read (valid only during the call).
        on_closed: called once with a sentence when the connection is gone.
        on_made: called once the transport exists (before any data).
        max_pending: cap on bytes waiting to be sent.
        totals: the engine's session totals, which this connection adds to as well as to its own
            counts (None: totals of its own).
    """

    __slots__ = (
        "_buffer",
        "_on_closed",
        "_on_data",
        "_on_made",
        "_pause_reading_while_blocked",
        "_peer",
        "_writable",
        "bytes_in",
        "bytes_out",
        "chunks_in",
        "chunks_out",
        "close_reason",
        "eof_received_from_peer",
        "local",
        "lost",
        "max_pending",
        "tag",
        "totals",
        "transport",
    )

    def __init__(
        self,
        buffer: memoryview,
        on_data: DataCallback,
        on_closed: ClosedCallback,
        on_made: Callable[[StreamConnection], None] | None = None,
        max_pending: int = DEFAULT_MAX_PENDING,
        *,
        totals: Totals | None = None,
    ) -> None:
        self._buffer = buffer
        self.totals = totals if totals is not None else Totals()
        self._on_data = on_data
        self._on_closed = on_closed
        self._on_made = on_made
        self.max_pending = max_pending
        self.transport: asyncio.Transport | None = None
        self.close_reason: Sentence | None = None  # why it ended, once known
        self.lost = False
        self._writable: asyncio.Event | None = None  # made on the first pause_writing
        self.bytes_in = 0
        self.bytes_out = 0
        self.chunks_in = 0
        self.chunks_out = 0
        self.local = ""
        self._peer: str | None = ""  # None: formatted from the transport when asked
        self.eof_received_from_peer = False
        self.tag: int | None = None  # the owner's id for this connection (a server's client id)
        self._pause_reading_while_blocked = False

    # -- asyncio callbacks ---------------------------------------------------------------------
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # A stream transport (uvloop's implement the interface without subclassing asyncio's).
        self.transport = cast(asyncio.Transport, transport)
        # One string for every connection to the same address (a server's thousands share it).
        self.local = sys.intern(format_address(transport.get_extra_info("sockname")))
        # The peer's "host:port" is made when asked (the transport keeps its address, on both
        # loops, even once closed): a string kept per connection was ~64 B of a server's client.
        self._peer = None
        # TCP_NODELAY is already set on every TCP socket here: uvloop sets it on its
        # transports, asyncio on sockets of proto IPPROTO_TCP (our listeners' and so their
        # clients', ``listen.py``), FdListener on its clients, ``connect`` on ours. (Asking
        # for the socket to set it would make a socket object per connection: 70 B each.)
        if self._on_made is not None:
            self._on_made(self)

    def get_buffer(self, sizehint: int) -> memoryview:
        return self._buffer

    def buffer_updated(self, nbytes: int) -> None:
        # count_in's lines, inlined: this runs for every read of every connection.
        self.bytes_in += nbytes
        self.chunks_in += 1
        totals = self.totals
        totals.bytes_in += nbytes
        totals.chunks_in += 1
        self._on_data(self, self._buffer[:nbytes])

    def count_in(self, nbytes: int) -> None:
        """Count one read of ``nbytes`` (here and in the session's totals)."""
        self.bytes_in += nbytes
        self.chunks_in += 1
        totals = self.totals
        totals.bytes_in += nbytes
        totals.chunks_in += 1

    def eof_received(self) -> bool:
        self.eof_received_from_peer = True
        self.close_reason = self.close_reason or PEER_CLOSED
        return False  # the transport closes: the peer sends nothing more

    def connection_lost(self, exc: Exception | None) -> None:
        if self._peer is None:
            self._peer = self.peer  # kept from now on: the transport is done with
        if exc is not None and not self.close_reason:
            self.close_reason = _lost_reason(exc)
        self.lost = True
        if self._writable is not None:
            self._writable.set()
        self._on_closed(self, self.close_reason or CLOSED)

    def pause_writing(self) -> None:
        if self._writable is None:
            self._writable = asyncio.Event()
        self._writable.clear()
        if self._pause_reading_while_blocked and self.transport is not None:
            self.transport.pause_reading()

    def resume_writing(self) -> None:
        if self._writable is not None:
            self._writable.set()
        if self._pause_reading_while_blocked and self.transport is not None:
            self.transport.resume_reading()

    # -- use -------------------------------------------------------------------------------------
    @property
    def peer(self) -> str:
        """The peer's ``host:port`` (``[host]:port`` for IPv6); ``""`` before it connects."""
        peer = self._peer
        if peer is None:
            transport = self.transport
            if transport is None:
                return ""
            # Made the first time it is asked (a GUI's table asks for every client twice a
            # second), never for a client nobody asks about (the CLI's thousands).
            peer = self._peer = format_address(transport.get_extra_info("peername"))
        return peer

    @property
    def is_open(self) -> bool:
        """True while bytes can still be sent."""
        return self.transport is not None and not self.transport.is_closing()

    @property
    def pending(self) -> int:
        """Bytes written but not yet taken by the kernel."""
        return self.transport.get_write_buffer_size() if self.transport is not None else 0

    def pause_reading_while_blocked(self) -> None:
        """Stop reading from the peer while our writes to it are blocked (echo, relay)."""
        self._pause_reading_while_blocked = True

    def write(self, data: bytes) -> None:
        """Queue ``data`` (never blocks).

        Raises:
            NotConnected: the connection is closed.
            NetError: more than ``max_pending`` bytes would wait for a peer that is not reading.
        """
        transport = self.transport
        if transport is None or transport.is_closing():
            raise NotConnected()
        size = len(data)
        pending = transport.get_write_buffer_size()
        if pending and pending + size > self.max_pending:
            raise NetError(
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "{peer} is not reading: {count} bytes are still waiting to be sent, so "
                        "nothing more was queued.",
                    ),
                    peer=self.peer,
                    count=pending,
                )
            )
        transport.write(data)
        self.bytes_out += size
        self.chunks_out += 1
        totals = self.totals
        totals.bytes_out += size
        totals.chunks_out += 1

    async def drain(self) -> None:
        """Wait until the transport's write buffer is below its high-water mark."""
        if self._writable is not None and not self.lost:
            await self._writable.wait()

    def close_write(self) -> None:
        """Half-close: send FIN, keep receiving."""
        if self.is_open:
            assert self.transport is not None
            if self.transport.can_write_eof():
                self.transport.write_eof()

    def close(self, reason: Sentence = DISCONNECTED) -> None:
        """Close after queued bytes are sent."""
        if self.is_open:
            assert self.transport is not None
            self.close_reason = self.close_reason or reason
            self.transport.close()

    def abort(self, reason: Sentence = DISCONNECTED) -> None:
        """Drop the connection at once."""
        if self.transport is not None and not self.lost:
            self.close_reason = self.close_reason or reason
            self.transport.abort()

    def fail(self, error: OSError) -> None:
        """Drop the connection after a read of our own failed, with the reason the transport
        would have given (reset, broken pipe, timed out…)."""
        self.abort(_lost_reason(error))


def _lost_reason(exc: Exception) -> Sentence:
    if isinstance(exc, ConnectionResetError):
        return RESET
    if isinstance(exc, BrokenPipeError):
        return sentence(QT_TRANSLATE_NOOP("core", "The peer stopped receiving (broken pipe)."))
    if isinstance(exc, TimeoutError):
        return sentence(QT_TRANSLATE_NOOP("core", "The connection timed out."))
    why: Sentence | str = (
        os_reason(exc) if isinstance(exc, OSError) and exc.strerror else str(exc) or repr(exc)
    )
    return sentence(QT_TRANSLATE_NOOP("core", "The connection was lost: {why}."), why=why)
