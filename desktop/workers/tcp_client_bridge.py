"""Bridge between a ``TcpClient`` engine on the I/O loop and a GUI panel."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal

from desktop.core.errors import NetError, SocketDeskError
from desktop.core.net.file_send import send_file
from desktop.core.net.tcp_client import TcpClient
from desktop.core.net.tls import TlsClientOptions
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.session_bridge import SessionBridge

__all__ = ["ClientOptions", "TcpClientBridge"]

_RECONNECT_FIRST_S = 1.0
_RECONNECT_MAX_S = 30.0


@dataclass(frozen=True)
class ClientOptions:
    """Where and how a client session connects."""

    host: str
    port: int
    timeout: float = 10.0
    local_host: str = ""
    local_port: int = 0
    tls: TlsClientOptions | None = None
    reconnect: bool = False


class TcpClientBridge(SessionBridge):
    """Drives one TCP client session.

    Signals (besides SessionBridge's):
        connected(str, str): local and peer address once the connection is up.
        connect_failed(str): why connecting failed (the session is idle again).
        closed(str): why the connection ended (the session is idle unless reconnecting).
        reconnecting(str): a sentence: what happened and when the next attempt is.
        tls_established(TlsSessionInfo): version, cipher, every certificate the server sent and
            the verification outcome (also when a required verification failed: then
            ``connect_failed`` follows).
        file_progress(FileProgress): a file being sent.
    """

    connected = Signal(str, str)
    connect_failed = Signal(str)
    closed = Signal(str)
    reconnecting = Signal(str)
    tls_established = Signal(object)
    file_progress = Signal(object)

    def __init__(self, io: EventLoopThread) -> None:
        super().__init__(io)
        # Loop thread only from here on.
        self._client: TcpClient | None = None
        self._task: asyncio.Task[None] | None = None
        self._file_cancel: asyncio.Event | None = None
        self._peer = ""

    # -- commands (GUI thread) ---------------------------------------------------------------------
    def connect_to(self, host: str, port: int, timeout: float = 10.0) -> None:
        """Connect with default options (plain TCP, no reconnect)."""
        self.open(ClientOptions(host, port, timeout))

    def open(self, options: ClientOptions) -> None:
        """Start connecting; the outcome arrives as ``connected`` or ``connect_failed``."""
        self._io.call(self._start, options)

    def send(self, data: bytes) -> None:
        """Send bytes on the open connection."""
        self._io.call(self._send_safely, data)

    def close_connection(self) -> None:
        """Close the connection, cancel a connection attempt, stop reconnecting."""
        self._io.call(self._close)

    def send_file(self, path: str) -> None:
        """Stream a file to the peer; progress arrives as ``file_progress``."""
        self._io.call(self._start_file, path)

    def cancel_file(self) -> None:
        """Stop sending the file."""
        self._io.call(self._cancel_file)

    # -- loop thread -------------------------------------------------------------------------------
    def _start(self, options: ClientOptions) -> None:
        if self._task is not None:
            self.error_occurred.emit("Already connected; disconnect first.")
            return
        self._peer = f"{options.host}:{options.port}"
        self._task = asyncio.get_running_loop().create_task(self._run(options))

    async def _run(self, options: ClientOptions) -> None:
        delay = _RECONNECT_FIRST_S
        client: TcpClient | None = None
        try:
            while True:
                client = TcpClient(self)
                self._client = client
                try:
                    await self._connect(client, options)
                except SocketDeskError as error:
                    session = getattr(error, "session", None)  # a certificate that failed
                    if session is not None:
                        self.tls_established.emit(session)
                    if not options.reconnect:
                        self.connect_failed.emit(str(error))
                        return
                    self.reconnecting.emit(f"{error} Trying again in {delay:g} s.")
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, _RECONNECT_MAX_S)
                    continue
                delay = _RECONNECT_FIRST_S
                if client.tls_info is not None:
                    self.tls_established.emit(client.tls_info)
                await client.wait_closed()
                if not options.reconnect:
                    return
                self.reconnecting.emit(f"Trying again in {delay:g} s.")
                await asyncio.sleep(delay)
        except asyncio.CancelledError:
            connection = client.connection if client is not None else None
            if connection is not None and not connection.lost:
                client.close()  # type: ignore[union-attr]  # `closed` follows from on_closed
            elif connection is not None:
                self.closed.emit("Stopped reconnecting.")
            else:
                self.connect_failed.emit("The connection attempt was cancelled.")
        finally:
            self._task = None

    async def _connect(self, client: TcpClient, options: ClientOptions) -> None:
        local = (
            (options.local_host, options.local_port)
            if options.local_host or options.local_port
            else None
        )
        await client.connect(
            options.host, options.port, timeout=options.timeout, local_addr=local, tls=options.tls
        )

    def _send_bytes(self, data: bytes) -> None:
        client = self._client
        if client is None or not client.connected:
            raise NetError("Not connected: nothing was sent.")
        client.send(data)
        self._sent(self._peer, data)

    def _send_safely(self, data: bytes) -> None:
        try:
            self._send_bytes(data)
        except SocketDeskError as error:
            self.error_occurred.emit(str(error))

    def _close(self) -> None:
        self._stop_periodic()
        self._cancel_file()
        if self._task is not None:
            self._task.cancel()
        elif self._client is not None:
            self._client.close()

    def _start_file(self, path: str) -> None:
        client = self._client
        if client is None or client.connection is None or not client.connected:
            self.error_occurred.emit("Connect first: there is no open connection.")
            return
        if self._file_cancel is not None:
            self.error_occurred.emit("A file is already being sent.")
            return
        cancel = asyncio.Event()
        self._file_cancel = cancel
        asyncio.get_running_loop().create_task(self._send_file(client, Path(path), cancel))

    async def _send_file(self, client: TcpClient, path: Path, cancel: asyncio.Event) -> None:
        connection_or_none = client.connection
        assert connection_or_none is not None
        connection = connection_or_none
        counters = self._counters

        class Counted:
            """The connection, with the session's counters kept (file bytes are not logged)."""

            @property
            def is_open(self) -> bool:
                return connection.is_open

            def write(self, data: bytes) -> None:
                connection.write(data)
                counters.bytes_out += len(data)
                counters.messages_out += 1

            async def drain(self) -> None:
                await connection.drain()

        self._info(self._peer, f"Sending file {path}…")
        try:
            sent = await send_file(Counted(), path, self.file_progress.emit, cancel)
            self._info(self._peer, f"Sent file {path.name}: {sent} bytes.")
        except SocketDeskError as error:
            self._info(self._peer, str(error))
            self.error_occurred.emit(str(error))
        finally:
            self._file_cancel = None

    def _cancel_file(self) -> None:
        if self._file_cancel is not None:
            self._file_cancel.set()

    # -- TcpClientSink (loop thread) ---------------------------------------------------------------
    def on_connected(self, local: str, peer: str) -> None:
        self._peer = peer
        self.connected.emit(local, peer)

    def on_data(self, data: memoryview) -> None:
        self._received(self._peer, data)

    def on_closed(self, reason: str) -> None:
        self._flush()
        self.closed.emit(reason)
