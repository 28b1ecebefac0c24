"""TLS inside an asyncio connection with pyOpenSSL over memory BIOs.

asyncio's own TLS (``ssl.SSLObject``) cannot give the whole chain the server sent on Python
3.11; pyOpenSSL can. :class:`TlsPipe` is the protocol of the plain TCP transport: it feeds the
received bytes to an ``SSL.Connection`` in memory-BIO mode, writes what OpenSSL wants to send,
and once the handshake is done (and the caller has looked at the certificates) it presents an
``asyncio.Transport`` to the application's protocol, so that the HTTP code above sees a stream
like any other. Flow control goes straight through: the application's writes are encrypted at
once, and the plain transport's buffer (and its pause/resume) is the only one.

The received side copies as little as it can: the socket is read into one reused buffer (the
pipe is a ``BufferedProtocol``), and OpenSSL decrypts straight into the application's buffer
(``SSL_read`` through pyOpenSSL's own cffi binding: ``recv_into`` would decrypt into a fresh
temporary buffer and copy it; it is the fallback should pyOpenSSL's internals change).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any, cast

from OpenSSL import SSL

__all__ = ["TlsPipe"]

_BIO_READ = 256 * 1024  # bytes taken from OpenSSL's outgoing BIO at a time
_RECORD = 16 * 1024 + 256  # a TLS record's plaintext is at most 16 KiB (RFC 8446 §5.1)
# Ciphertext read from the socket at a time, one buffer per pipe: it starts small (a handshake
# needs no more, and zeroing 256 KiB per connection was 2% of a fresh handshake) and grows to
# the most when a read fills it (a download).
_SOCKET_READ_FIRST = 16 * 1024
_SOCKET_READ = 256 * 1024

# pyOpenSSL's cffi binding, to decrypt straight into a buffer of ours (see the module's text).
_LIB: Any = getattr(SSL, "_lib", None)
_FFI: Any = getattr(SSL, "_ffi", None)
_DIRECT = (
    _LIB is not None
    and hasattr(_LIB, "SSL_read")
    and hasattr(_FFI, "from_buffer")
    and hasattr(_LIB, "BIO_write")
    and hasattr(SSL.Connection, "_raise_ssl_error")
)


class TlsPipe(asyncio.BufferedProtocol):
    """The TLS layer between a plain transport and an application protocol.

    Args:
        tls: a client ``SSL.Connection`` made with ``None`` as its socket (memory BIOs).
        on_error: told the ``SSL.Error`` that broke an established stream (an alert from the
            server, e.g. "certificate required" in TLS 1.3, comes after the handshake).
    """

    def __init__(
        self, tls: SSL.Connection, on_error: Callable[[SSL.Error], None] | None = None
    ) -> None:
        self.tls = tls
        self._on_error = on_error
        self._raw: asyncio.Transport | None = None
        self._app: asyncio.BufferedProtocol | asyncio.Protocol | None = None
        self._loop = asyncio.get_running_loop()
        self._handshake: asyncio.Future[None] = self._loop.create_future()
        self._lost: tuple[Exception | None] | None = None  # the plain side is gone
        self._eof = False  # the peer ended the stream (close_notify or FIN)
        self._closing = False
        self._held = False  # our last handshake flight waits to go out with the first request
        self._incoming = memoryview(bytearray(_SOCKET_READ_FIRST))
        self._into: Any = getattr(tls, "_into_ssl", None) if _DIRECT else None  # its read BIO
        self.transport = _TlsTransport(self)

    # -- the plain side ----------------------------------------------------------------------------
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._raw = cast(asyncio.Transport, transport)  # uvloop's is not an asyncio subclass
        self.tls.set_connect_state()
        self._step_handshake()

    def get_buffer(self, sizehint: int) -> memoryview:
        return self._incoming

    def buffer_updated(self, nbytes: int) -> None:
        incoming = self._incoming
        self.data_received(incoming[:nbytes])
        if nbytes == len(incoming) < _SOCKET_READ:  # a full read: more is coming, read more
            self._incoming = memoryview(bytearray(_SOCKET_READ))

    def data_received(self, data: bytes | memoryview) -> None:
        try:
            self._bio_write(data)
        except SSL.Error as error:
            self._fail(error)
            return
        if not self._handshake.done():
            self._step_handshake()
        elif self._app is not None:
            self._read_plaintext()

    def _bio_write(self, data: bytes | memoryview) -> None:
        """``tls.bio_write(data)`` without pyOpenSSL's checks around it (once per socket read);
        its error handling when OpenSSL refuses (a memory BIO refuses only when out of memory)."""
        into = self._into
        if into is not None:
            with _FFI.from_buffer(data) as source:
                written: int = _LIB.BIO_write(into, source, len(source))
            if written == len(data):
                return
            if written > 0:
                data = memoryview(data)[written:]
        self.tls.bio_write(data)

    def eof_received(self) -> bool:
        self._eof = True
        if not self._handshake.done():
            self._handshake.set_exception(ConnectionResetError("closed during the handshake"))
            return False
        if self._app is not None:
            self._read_plaintext()
            return bool(self._app.eof_received())
        return False

    def connection_lost(self, exc: Exception | None) -> None:
        self._lost = (exc,)
        if not self._handshake.done():
            self._handshake.set_exception(exc or ConnectionResetError("closed during handshake"))
        if self._app is not None:
            self._app.connection_lost(exc)

    def pause_writing(self) -> None:
        if self._app is not None:
            self._app.pause_writing()

    def resume_writing(self) -> None:
        if self._app is not None:
            self._app.resume_writing()

    # -- use ---------------------------------------------------------------------------------------
    async def handshake(self) -> None:
        """Wait for the handshake; raises ``SSL.Error`` or a connection error when it fails."""
        await self._handshake

    def attach(self, app: asyncio.BufferedProtocol | asyncio.Protocol) -> None:
        """Hand the stream to ``app``: it gets ``connection_made`` now and the data after."""
        self._app = app
        app.connection_made(self.transport)
        eof_seen = self._eof
        # What arrived since the handshake is delivered first, even if the connection is gone.
        self._read_plaintext(backlog=True)
        if self._lost is not None:
            app.connection_lost(self._lost[0])
        elif eof_seen and self._eof and not self._closing and not app.eof_received():
            self.transport.close()

    def abort(self) -> None:
        """Drop the plain connection at once (a handshake still waited for is cancelled)."""
        if not self._handshake.done():
            self._handshake.cancel()
        elif self._held:
            self._flush()  # our Finished, still held back, goes out as before (see above)
        if self._raw is not None:
            self._raw.abort()

    # -- inside ------------------------------------------------------------------------------------
    def _step_handshake(self) -> None:
        try:
            self.tls.do_handshake()
        except SSL.WantReadError:
            self._flush()
            return
        except SSL.Error as error:
            self._flush()  # the alert goes out
            if not self._handshake.done():
                self._handshake.set_exception(error)
            return
        if not self._handshake.done():
            # Our last flight (the client's Finished in TLS 1.3) is held back until the waiter
            # of the handshake has run (its callback is scheduled first): the caller's first
            # request, written then, goes out in the same segment (one send, and one wake-up
            # of the server instead of two).
            self._handshake.set_result(None)
            self._held = True
            self._loop.call_soon(self._flush)
        else:
            self._flush()

    def _read_plaintext(self, *, backlog: bool = False) -> None:
        """Hand every decryptable byte to the application (``backlog``: also when the plain
        side is already gone, for what arrived before the application was attached)."""
        app = self._app
        assert app is not None
        ended = False
        while not ended and (backlog or self._reading()):
            try:
                if isinstance(app, asyncio.BufferedProtocol):
                    buffer = memoryview(app.get_buffer(-1))
                    size, ended = self._fill(buffer)
                    if size:
                        app.buffer_updated(size)
                else:
                    data, ended = self._recv()
                    size = len(data)
                    if data:
                        app.data_received(data)
            except SSL.Error as error:
                self._fail(error)
                return
            if not size:
                break
        if not self._held:  # else it goes out with what is held (in this turn of the loop)
            self._flush()  # a key update, a ticket or our close_notify may need to go out
        if ended and not self._eof:  # close_notify: the server sends nothing more
            self._eof = True
            if not app.eof_received():
                self.transport.close()

    def _reading(self) -> bool:
        """Whether decrypted bytes should still go to the application (not once it closed or
        aborted the connection: the plain side's loss is reported a moment later)."""
        return self._lost is None and self._raw is not None and not self._raw.is_closing()

    def _fill(self, view: memoryview) -> tuple[int, bool]:
        """Decrypt into ``view`` until it is full or OpenSSL has nothing more (one
        ``buffer_updated`` per read from the socket, not per 16 KiB record).

        Returns:
            The bytes written, and whether the peer's close_notify was reached.
        """
        if not _DIRECT:
            return self._fill_by_recv_into(view)
        # One SSL_read per record (16 KiB): 4,096 for 64 MiB, so the loop is lean: one cffi
        # view of the whole buffer, and pyOpenSSL's error mapping only once OpenSSL stops
        # (it looks up SSL_get_error and the callbacks' problems after every read otherwise;
        # a problem a callback stored is raised there, at the end of this read).
        tls, size, total = self.tls, 0, len(view)
        ssl, read = tls._ssl, _LIB.SSL_read
        with _FFI.from_buffer(view, require_writable=True) as target:
            while size < total:
                got = read(ssl, target + size, total - size)
                if got > 0:
                    size += got
                    continue
                try:
                    tls._raise_ssl_error(ssl, got)
                except SSL.WantReadError:
                    return size, False
                except SSL.ZeroReturnError:
                    return size, True
                break
        return size, False

    def _fill_by_recv_into(self, view: memoryview) -> tuple[int, bool]:
        """:meth:`_fill` through pyOpenSSL's public ``recv_into`` (a temporary buffer and a copy
        per record): the fallback should pyOpenSSL's internals change."""
        size = 0
        while size < len(view):
            try:
                got = self.tls.recv_into(view[size:], len(view) - size)
            except SSL.WantReadError:
                return size, False
            except SSL.ZeroReturnError:
                return size, True
            if not got:
                break
            size += got
        return size, False

    def _recv(self) -> tuple[bytes, bool]:
        try:
            return self.tls.recv(_RECORD), False
        except SSL.WantReadError:
            return b"", False
        except SSL.ZeroReturnError:
            return b"", True

    def write(self, data: bytes | bytearray | memoryview) -> None:
        """Encrypt ``data`` and hand the records to the plain transport."""
        view = memoryview(data)
        try:
            while view:
                sent = self.tls.send(view[:_BIO_READ])
                view = view[sent:]
        except SSL.Error as error:
            self._fail(error)
            return
        self._flush()

    def close(self) -> None:
        """Send close_notify, then close the plain connection once its buffer is written."""
        if self._closing:
            return
        self._closing = True
        if self._lost is None:
            with contextlib.suppress(SSL.Error):  # no close_notify then: the FIN ends it
                self.tls.shutdown()
            self._flush()
        if self._raw is not None:
            self._raw.close()

    def write_buffer_size(self) -> int:
        return self._raw.get_write_buffer_size() if self._raw is not None else 0

    def _flush(self) -> None:
        self._held = False
        raw = self._raw
        while True:
            try:
                chunk = self.tls.bio_read(_BIO_READ)
            except SSL.WantReadError:
                return
            except SSL.Error:
                return
            if not chunk:
                return
            if raw is not None and not raw.is_closing():
                raw.write(chunk)

    def _fail(self, error: Exception) -> None:
        if not self._handshake.done():
            self._handshake.set_exception(error)
        elif self._on_error is not None and isinstance(error, SSL.Error):
            self._on_error(error)
        if self._raw is not None:
            self._raw.abort()


class _TlsTransport(asyncio.Transport):
    """What the application protocol sees: a transport over :class:`TlsPipe`."""

    def __init__(self, pipe: TlsPipe) -> None:
        super().__init__()
        self._pipe = pipe

    def _raw(self) -> asyncio.Transport | None:
        return self._pipe._raw

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        if name == "openssl_connection":
            return self._pipe.tls
        if name == "socket" and self._pipe._lost is not None:
            return default  # closed already: handed over after the server hung up
        raw = self._raw()
        return raw.get_extra_info(name, default) if raw is not None else default

    def is_closing(self) -> bool:
        raw = self._raw()
        return self._pipe._closing or raw is None or raw.is_closing()

    def close(self) -> None:
        self._pipe.close()

    def abort(self) -> None:
        self._pipe.abort()

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if not self.is_closing():
            self._pipe.write(data)

    def can_write_eof(self) -> bool:
        return False  # TLS has no half-close: close_notify ends both directions for OpenSSL

    def get_write_buffer_size(self) -> int:
        return self._pipe.write_buffer_size()

    def set_write_buffer_limits(self, high: int | None = None, low: int | None = None) -> None:
        raw = self._raw()
        if raw is not None:
            raw.set_write_buffer_limits(high, low)

    def get_write_buffer_limits(self) -> tuple[int, int]:
        raw = self._raw()
        return raw.get_write_buffer_limits() if raw is not None else (0, 0)

    def pause_reading(self) -> None:
        raw = self._raw()
        if raw is not None:
            raw.pause_reading()

    def resume_reading(self) -> None:
        raw = self._raw()
        if raw is not None:
            raw.resume_reading()

    def is_reading(self) -> bool:
        raw = self._raw()
        return raw is not None and raw.is_reading()

    def set_protocol(self, protocol: asyncio.BaseProtocol) -> None:
        raise NotImplementedError("the TLS pipe's application protocol is fixed")

    def get_protocol(self) -> asyncio.BaseProtocol:
        app = self._pipe._app
        assert app is not None
        return app
