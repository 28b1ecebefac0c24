"""TCP client engine: connect (plain or TLS) with typed errors, then a ``StreamConnection``."""

from __future__ import annotations

import asyncio
import errno
import ssl
from typing import Protocol

from desktop.core.errors import (
    ConnectError,
    ConnectRefused,
    ConnectTimeout,
    NotConnected,
    TlsError,
)
from desktop.core.net.connection import (
    DEFAULT_READ_SIZE,
    StreamConnection,
    Totals,
    format_address,
)
from desktop.core.net.resolve import resolve
from desktop.core.net.tls import describe_ssl_error

__all__ = ["DEFAULT_READ_SIZE", "TcpClient", "TcpClientSink", "format_address"]


class TcpClientSink(Protocol):
    """What a TCP client reports. Called on the engine's event-loop thread."""

    def on_connected(self, local: str, peer: str) -> None:
        """The connection is up (after the TLS handshake, if any); addresses as ``host:port``."""

    def on_data(self, data: memoryview) -> None:
        """Bytes arrived. ``data`` is only valid during the call: copy what you keep."""

    def on_closed(self, reason: str) -> None:
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
        self.tls_object: ssl.SSLObject | None = None

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
        ssl_context: ssl.SSLContext | None = None,
        server_hostname: str | None = None,
    ) -> None:
        """Resolve ``host`` and connect to the first address that answers.

        Args:
            host: a name or an address literal.
            port: the TCP port.
            timeout: for resolving, connecting and the TLS handshake together.
            local_addr: bind to this local address and port first.
            ssl_context: wrap the connection in TLS with this context.
            server_hostname: SNI and the name checked against the certificate (TLS only).

        Raises:
            UnknownHost, ConnectRefused, ConnectTimeout, ConnectError, TlsError: a sentence each.
        """
        loop = asyncio.get_running_loop()
        connection: StreamConnection | None = None

        def factory() -> StreamConnection:
            nonlocal connection
            connection = StreamConnection(self._buffer, self._data, self._lost, totals=self.totals)
            return connection

        try:
            async with asyncio.timeout(timeout):
                addresses = await resolve(host, port)
                errors: list[OSError] = []
                for family, sockaddr in addresses:
                    try:
                        await loop.create_connection(
                            factory,
                            sockaddr[0],
                            port,
                            family=family,
                            local_addr=local_addr,
                            ssl=ssl_context,
                            server_hostname=server_hostname if ssl_context else None,
                            ssl_handshake_timeout=timeout if ssl_context else None,
                        )
                        break
                    except ssl.SSLError as error:
                        raise TlsError(describe_ssl_error(error)) from None
                    except OSError as error:
                        if connection is not None and ssl_context is not None:
                            # TCP was up, the TLS handshake failed (e.g. the peer closed).
                            raise TlsError(describe_ssl_error(error)) from None
                        errors.append(error)
                else:
                    raise _connect_error(host, port, errors)
        except TimeoutError:
            raise ConnectTimeout(host, port, timeout) from None
        assert connection is not None
        self.connection = connection
        transport = connection.transport
        assert transport is not None
        ssl_object = transport.get_extra_info("ssl_object")
        self.tls_object = ssl_object if isinstance(ssl_object, ssl.SSLObject) else None
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

    def _lost(self, connection: StreamConnection, reason: str) -> None:
        self._closed.set()
        if self.connection is connection:  # not for a connection that failed its handshake
            self._sink.on_closed(reason)


def _connect_error(host: str, port: int, errors: list[OSError]) -> ConnectError:
    if errors and all(isinstance(e, ConnectionRefusedError) for e in errors):
        return ConnectRefused(host, port)
    if any(e.errno == errno.EADDRINUSE for e in errors):
        return ConnectError(host, port, "the local address is already in use")
    if any(e.errno == errno.EADDRNOTAVAIL for e in errors):
        return ConnectError(host, port, "the local address is not an address of this machine")
    detail = "; ".join(sorted({e.strerror or str(e) for e in errors})) or "unknown error"
    return ConnectError(host, port, detail.rstrip(".").lower())
