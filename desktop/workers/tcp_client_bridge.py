"""Bridge between a ``TcpClient`` engine on the I/O loop and a GUI panel."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal

from desktop.core.errors import SocketDeskError
from desktop.core.net.file_send import send_file
from desktop.core.net.tcp_client import TcpClient
from desktop.core.net.tls import TlsClientOptions
from desktop.core.sentence import Sentence
from desktop.core.session import log_lines, sentences
from desktop.core.session.lifecycle import (
    Phase,
    connected_status,
    connecting_status,
    idle_status,
    status_of,
    waiting_status,
)
from desktop.core.session.reconnect import keep_connected
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.session_bridge import SessionBridge

__all__ = ["ClientOptions", "TcpClientBridge"]


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
    """Drives one TCP client session: ``start(ClientOptions)`` connects, ``stop()`` disconnects.

    ``started`` carries ``[local, peer]``; ``stopped`` says why the connection ended (the
    session waits to reconnect when asked to, else it is idle).

    Signals (besides SessionBridge's):
        reconnecting(object): a ``Sentence``: what happened and when the next attempt is.
        tls_established(TlsSessionInfo): version, cipher, every certificate the server sent and
            the verification outcome (also when a required verification failed: then
            ``start_failed`` follows).
        file_progress(FileProgress): a file being sent.
    """

    reconnecting = Signal(object)
    tls_established = Signal(object)
    file_progress = Signal(object)

    def __init__(self, io: EventLoopThread) -> None:
        super().__init__(io)
        # Loop thread only from here on.
        self._client: TcpClient | None = None
        self._task: asyncio.Task[None] | None = None
        self._file_cancel: asyncio.Event | None = None
        self._peer = ""
        self._reconnect = False

    # -- commands (GUI thread) ---------------------------------------------------------------------
    def connect_to(self, host: str, port: int, timeout: float = 10.0) -> None:
        """Connect with default options (plain TCP, no reconnect)."""
        self.start(ClientOptions(host, port, timeout))

    def send(self, data: bytes) -> None:
        """Send bytes on the open connection."""
        self._io.call(self._send_safely, data)

    def send_file(self, path: str) -> None:
        """Stream a file to the peer; progress arrives as ``file_progress``."""
        self._io.call(self._start_file, path)

    def cancel_file(self) -> None:
        """Stop sending the file."""
        self._io.call(self._cancel_file)

    # -- loop thread -------------------------------------------------------------------------------
    def _start(self, options: object) -> None:
        assert isinstance(options, ClientOptions)
        if self._task is not None:
            self.error_occurred.emit(sentences.already_running("client"))
            return
        self._peer = f"{options.host}:{options.port}"
        self._reconnect = options.reconnect
        self._set_status(connecting_status(options.host, options.port))
        self._task = asyncio.get_running_loop().create_task(self._run(options))

    async def _run(self, options: ClientOptions) -> None:
        client: TcpClient | None = None

        async def connect() -> None:
            nonlocal client
            client = TcpClient(self, totals=self.totals)
            self._client = client
            try:
                await self._connect(client, options)
            except SocketDeskError as error:
                session = getattr(error, "session", None)  # a certificate that failed
                if session is not None:
                    self.tls_established.emit(session)
                raise
            if client.tls_info is not None:
                self.tls_established.emit(client.tls_info)

        async def wait_closed() -> None:
            assert client is not None
            await client.wait_closed()

        try:
            await keep_connected(
                connect,
                wait_closed,
                reconnect=options.reconnect,
                on_failed=self._failed,
                on_waiting=self._waiting,
            )
        except asyncio.CancelledError:
            connection = client.connection if client is not None else None
            if connection is not None and not connection.lost:
                client.close()  # type: ignore[union-attr]  # `stopped` follows from on_closed
            elif connection is not None:
                self._ended(sentences.stopped_reconnecting(), reconnecting=False)
            else:
                self._failed(sentences.attempt_cancelled())
        finally:
            self._task = None

    def _failed(self, error: SocketDeskError) -> None:
        self.start_failed.emit(error)
        self._set_status(idle_status())

    def _waiting(self, why: Sentence) -> None:
        self.reconnecting.emit(why)
        self._set_status(waiting_status(why))

    def _ended(self, reason: Sentence, reconnecting: bool) -> None:
        self.stopped.emit(reason)
        self._set_status(waiting_status(reason) if reconnecting else status_of(Phase.IDLE, reason))

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
            raise sentences.not_running("client")
        client.send(data)
        self._sent(self._peer, data)

    def _send_safely(self, data: bytes) -> None:
        try:
            self._send_bytes(data)
        except SocketDeskError as error:
            self.error_occurred.emit(error)

    def _stop(self) -> None:
        self._core.stop_periodic()
        self._cancel_file()
        if self._task is not None:
            self._reconnect = False  # a close from here on ends the session
            self._task.cancel()
        elif self._client is not None:
            self._client.close()

    def _start_file(self, path: str) -> None:
        client = self._client
        if client is None or client.connection is None or not client.connected:
            self.error_occurred.emit(sentences.connect_first())
            return
        if self._file_cancel is not None:
            self.error_occurred.emit(sentences.file_busy())
            return
        cancel = asyncio.Event()
        self._file_cancel = cancel
        asyncio.get_running_loop().create_task(self._send_file(client, Path(path), cancel))

    async def _send_file(self, client: TcpClient, path: Path, cancel: asyncio.Event) -> None:
        connection = client.connection
        assert connection is not None  # the engine counts the file's bytes (they are not logged)
        self._info(self._peer, log_lines.file_sending(path))
        try:
            sent = await send_file(connection, path, self.file_progress.emit, cancel)
            self._info(self._peer, log_lines.file_sent(path, sent))
        except SocketDeskError as error:
            self._info(self._peer, error)
            self.error_occurred.emit(error)
        finally:
            self._file_cancel = None

    def _cancel_file(self) -> None:
        if self._file_cancel is not None:
            self._file_cancel.set()

    # -- TcpClientSink (loop thread) ---------------------------------------------------------------
    def on_connected(self, local: str, peer: str) -> None:
        self._peer = peer
        self.started.emit([local, peer])
        self._set_status(connected_status(peer))

    def on_data(self, data: memoryview) -> None:
        self._received(self._peer, data)

    def on_closed(self, reason: Sentence) -> None:
        self._flush()
        self._ended(status_of(Phase.IDLE, reason).sentence, self._reconnect)
