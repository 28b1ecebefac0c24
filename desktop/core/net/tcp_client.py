"""TCP client engine: the one connect path (plain or TLS), then a ``StreamConnection``."""

from __future__ import annotations

import asyncio
from typing import Protocol

from desktop.core.errors import NotConnected
from desktop.core.net.connect import connect
from desktop.core.net.connection import DEFAULT_READ_SIZE, StreamConnection, Totals, format_address
from desktop.core.net.tls import TlsClientOptions, TlsSessionInfo
from desktop.core.sentence import Sentence

__all__ = ["DEFAULT_READ_SIZE", "TcpClient", "TcpClientSink", "format_address"]


class TcpClientSink(Protocol):
    """What a TCP client reports. Called on the engine's event-loop thread."""

    def on_connected(self, local: str, peer: str) -> None:
        """The connection is up (after the TLS handshake, if any); addresses as ``host:port``."""

    def on_data(self, data: memoryview) -> None:
        """Bytes arrived. ``data`` is only valid during the call: copy what you keep."""

    def on_closed(self, reason: Sentence) -> None:
        """The connection is gone; ``reason`` is a sentence for the user."""


class TcpClient:
    """One outgoing TCP connection.

    Use on an asyncio event loop: ``await connect(...)``, then ``send``/``close``. Everything the
    connection does afterwards is reported to ``sink``.

    Args:
        sink: receives connection events and data.
        read_size: bytes per read call (one buffer of this size is reused).
        totals: the session's totals this client's connection adds to (a session that
            reconnects passes the same one to every client; None: its own).
    """

    def __init__(
        self,
        sink: TcpClientSink,
        read_size: int = DEFAULT_READ_SIZE,
        totals: Totals | None = None,
    ) -> None:
        self._sink = sink
        self.totals = totals if totals is not None else Totals()
        self._buffer = memoryview(bytearray(read_size))
        self.connection: StreamConnection | None = None
        self._closed = asyncio.Event()
        self.tls_info: TlsSessionInfo | None = None  # the last TLS handshake's session

    # -- state ---------------------------------------------------------------------------------
    @property
    def connected(self) -> bool:
        """True while the connection is open."""
        return self.connection is not None and self.connection.is_open

    @property
    def bytes_in(self) -> int:
        """Bytes received on the current (or last) connection."""
        return self.connection.bytes_in if self.connection else 0

    @property
    def bytes_out(self) -> int:
        """Bytes sent on the current (or last) connection."""
        return self.connection.bytes_out if self.connection else 0

    @property
    def local(self) -> str:
        """Our address, ``host:port``."""
        return self.connection.local if self.connection else ""

    @property
    def peer(self) -> str:
        """The peer's address, ``host:port``."""
        return self.connection.peer if self.connection else ""

    # -- connecting ----------------------------------------------------------------------------
    async def connect(
        self,
        host: str,
        port: int,
        *,
        timeout: float = 10.0,
        local_addr: tuple[str, int] | None = None,
        tls: TlsClientOptions | None = None,
    ) -> None:
        """Resolve ``host`` and connect to the first address that answers (the one connect
        path, ``core/net/connect.py``, shared with the relay and the HTTP composer).

        Args:
            host: a name or an address literal.
            port: the TCP port.
            timeout: for resolving, connecting and the TLS handshake together.
            local_addr: bind to this local address and port first.
            tls: speak TLS with these options; ``tls_info`` then holds the whole chain the
                server sent and the verification outcome (also with verification off).

        Raises:
            UnknownHost, ConnectRefused, ConnectTimeout, ConnectError, TlsError: a sentence
                each; ``CertificateRejected`` carries the session when verification failed.
        """
        self.tls_info = None
        made = await connect(
            host,
            port,
            lambda: StreamConnection(self._buffer, self._data, self._lost, totals=self.totals),
            timeout=timeout,
            local_addr=local_addr,
            tls=tls,
        )
        connection = made.protocol
        self.connection = connection
        self.tls_info = made.tls
        self._sink.on_connected(connection.local, connection.peer)

    # -- use -----------------------------------------------------------------------------------
    def send(self, data: bytes) -> None:
        """Queue ``data`` for sending (never blocks; see ``drain`` for back-pressure).

        Raises:
            NotConnected: there is no open connection.
            NetError: the peer is not reading and too much is already waiting.
        """
        if self.connection is None:
            raise NotConnected()
        self.connection.write(data)

    async def drain(self) -> None:
        """Wait until the kernel has taken the queued bytes down to the transport's low mark."""
        if self.connection is not None:
            await self.connection.drain()

    def close_write(self) -> None:
        """Half-close: tell the peer we will send nothing more, keep receiving."""
        if self.connection is not None:
            self.connection.close_write()

    def close(self) -> None:
        """Close the connection (queued bytes are still sent)."""
        if self.connection is not None:
            self.connection.close()

    def abort(self) -> None:
        """Drop the connection at once, discarding queued bytes."""
        if self.connection is not None:
            self.connection.abort()

    async def wait_closed(self) -> None:
        """Wait until the connection is gone."""
        await self._closed.wait()

    # -- connection callbacks ------------------------------------------------------------------
    def _data(self, connection: StreamConnection, data: memoryview) -> None:
        self._sink.on_data(data)

    def _lost(self, connection: StreamConnection, reason: Sentence) -> None:
        self._closed.set()
        if self.connection is connection:  # not for a connection that failed its handshake
            self._sink.on_closed(reason)
