"""The one server-side TLS upgrade of an accepted plain connection (TCP server, relay).

Servers accept plain TCP and upgrade each client with ``loop.start_tls``, so a failed handshake
is reported per client instead of reaching the loop's exception handler. ``start_tls`` does not
call ``connection_made`` again, and bytes decrypted together with the handshake (or even the
client's EOF) may arrive before it returns: they are held by a small stand-in protocol and
handed over with :meth:`Held.deliver` once the engine is ready for them.
"""

from __future__ import annotations

import asyncio
import ssl
from typing import Any

from desktop.core.errors import TlsError
from desktop.core.net.connection import StreamConnection
from desktop.core.net.tls_errors import describe_ssl_error

__all__ = ["Held", "accept_tls"]


class Held(asyncio.Protocol):
    """What came with the handshake, before the engine's connection took the TLS stream.

    At most a read or two: the TLS transport is paused or handed over as soon as
    ``start_tls`` returns.
    """

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.eof = False
        self.lost: tuple[Exception | None] | None = None

    def data_received(self, data: bytes) -> None:
        self.chunks.append(data)

    def eof_received(self) -> bool:
        self.eof = True
        return False  # as StreamConnection: the peer sends nothing more

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = (exc,)

    def deliver(self, connection: StreamConnection) -> None:
        """Replay the held events on ``connection`` (data through its buffer, so it counts)."""
        chunks, self.chunks = self.chunks, []
        for chunk in chunks:
            view = memoryview(chunk)
            while view:
                buffer = connection.get_buffer(len(view))
                size = min(len(buffer), len(view))
                buffer[:size] = view[:size]
                view = view[size:]
                connection.buffer_updated(size)
        peer_done = self.eof and not connection.eof_received_from_peer
        if peer_done and not connection.eof_received() and connection.transport is not None:
            connection.transport.close()
        if self.lost is not None and not connection.lost:
            connection.connection_lost(self.lost[0])


def _replay(protocol: asyncio.BaseProtocol, chunks: list[bytes]) -> None:
    """Feed ``chunks`` to ``protocol`` as if its transport had read them."""
    receiver: Any = protocol  # uvloop's TLS layer is buffered without subclassing asyncio's
    for chunk in chunks:
        if hasattr(receiver, "get_buffer"):
            view = memoryview(chunk)
            while view:
                buffer = memoryview(receiver.get_buffer(len(view)))
                size = min(len(buffer), len(view))
                buffer[:size] = view[:size]
                view = view[size:]
                receiver.buffer_updated(size)
        else:
            receiver.data_received(chunk)


async def accept_tls(
    connection: StreamConnection,
    context: ssl.SSLContext,
    timeout: float,
    raw: list[bytes] | None = None,
) -> Held:
    """Upgrade ``connection`` (accepted plain, its transport paused) to TLS as the server.

    On success ``connection.transport`` is the TLS transport (reading) and ``connection`` is its
    protocol; what arrived meanwhile is in the returned ``Held``, for the caller to
    ``deliver`` when it is ready. ``raw``: bytes the plain transport read although paused
    (uvloop starts reading after ``connection_made`` whatever it asked): the start of the
    handshake, given to the TLS layer before anything read later.

    Raises:
        TlsError: the handshake failed or timed out (the plain connection is aborted).
    """
    plain = connection.transport
    assert plain is not None
    held = Held()
    loop = asyncio.get_running_loop()
    try:
        starting = loop.start_tls(
            plain, held, context, server_side=True, ssl_handshake_timeout=timeout
        )
        if raw:
            handshake = loop.create_task(starting)
            await asyncio.sleep(0)  # its first step: the TLS layer is the transport's protocol
            # After the layer's connection_made and resume_reading (queued by start_tls) and
            # before the loop polls again, so these bytes come before any read later.
            loop.call_soon(_replay, plain.get_protocol(), list(raw))
            raw.clear()
            try:
                tls_transport = await handshake
            except asyncio.CancelledError:
                handshake.cancel()
                raise
        else:
            tls_transport = await starting
    except OSError as error:  # SSLError, ConnectionError and TimeoutError are OSErrors
        plain.abort()
        raise TlsError(describe_ssl_error(error, server_side=True)) from None
    except asyncio.CancelledError:
        plain.abort()
        raise
    assert tls_transport is not None
    tls_transport.set_protocol(connection)
    connection.transport = tls_transport
    return held
