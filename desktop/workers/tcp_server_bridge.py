"""Bridge between a ``TcpServer`` engine on the I/O loop and a GUI panel."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Signal

from desktop.core.errors import SocketDeskError
from desktop.core.net.auto_reply import AutoReplyRule
from desktop.core.net.tcp_server import ClientInfo, ServerMode, TcpServer
from desktop.core.net.tls import TlsServerOptions, with_cache_dir
from desktop.core.sentence import Sentence
from desktop.core.session import log_lines, sentences
from desktop.core.session.lifecycle import (
    listening_status,
    starting_status,
    stopped_status,
)
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.session_bridge import SessionBridge

__all__ = ["ServerOptions", "TcpServerBridge"]

# How often the connection table gets fresh byte counts (the table itself changes at once).
_TABLE_INTERVAL_S = 0.5


@dataclass(frozen=True)
class ServerOptions:
    """Where and how a server session listens."""

    host: str
    port: int
    mode: ServerMode = ServerMode.PLAIN
    rules: tuple[AutoReplyRule, ...] = field(default_factory=tuple)
    max_clients: int = 0
    tls: TlsServerOptions | None = None


class TcpServerBridge(SessionBridge):
    """Drives one TCP server session: ``start(ServerOptions)`` listens, ``stop()`` stops.

    ``started`` carries the addresses listened on.

    Signals (besides SessionBridge's):
        client_connected(int, str, str): a client id, its address and the server address it
            reached (for a pcapng export, also of a client that has left at once).
        client_closed(int, str): a client id and why it left.
        client_rejected(str): a refused connection, as a sentence.
        clients_updated(list): ClientInfo snapshots of every client (at most twice a second).
    """

    client_connected = Signal(int, str, str)
    client_closed = Signal(int, object)  # client, Sentence
    client_rejected = Signal(object)  # Sentence
    clients_updated = Signal(list)

    def __init__(self, io: EventLoopThread, cert_dir: Path) -> None:
        super().__init__(io)
        self._cert_dir = cert_dir  # where the self-signed certificate is kept for TLS
        self._server: TcpServer | None = None
        self._peers: dict[int, str] = {}
        self._table_timer: asyncio.TimerHandle | None = None

    # -- commands (GUI thread) ---------------------------------------------------------------------
    def send(self, data: bytes, client_ids: Sequence[int] | None = None) -> None:
        """Send to the given clients, or to every client when ``client_ids`` is None."""
        self._io.call(self._send_to, data, tuple(client_ids) if client_ids is not None else None)

    def disconnect_client(self, client_id: int) -> None:
        """Close one client."""
        self._io.call(self._disconnect, client_id)

    def set_rules(self, mode: ServerMode, rules: Sequence[AutoReplyRule]) -> None:
        """Change what the server answers by itself, while it runs."""
        self._io.call(self._set_rules, mode, tuple(rules))

    # -- loop thread -------------------------------------------------------------------------------
    def _start(self, options: object) -> None:
        assert isinstance(options, ServerOptions)
        if self._server is not None:
            self.error_occurred.emit(sentences.already_running("server"))
            return
        server = TcpServer(
            self, options.mode, options.rules, options.max_clients, totals=self.totals
        )
        self._server = server
        self._set_status(starting_status())
        asyncio.get_running_loop().create_task(self._listen(server, options))

    async def _listen(self, server: TcpServer, options: ServerOptions) -> None:
        tls = with_cache_dir(options.tls, self._cert_dir) if options.tls else None
        addresses = await self._listening(server.start(options.host, options.port, tls))
        if addresses is None:
            self._server = None
            return
        self._set_status(listening_status(addresses, tls=tls is not None))
        for address in addresses:
            self._info(address, log_lines.listening(address, tls is not None))

    def _stop(self) -> None:
        server, self._server = self._server, None
        self._core.stop_periodic()
        if server is None:
            return
        asyncio.get_running_loop().create_task(self._close(server))

    async def _close(self, server: TcpServer) -> None:
        await server.close()
        self._flush()
        self._push_table()
        status = stopped_status("server")
        self.stopped.emit(status.sentence)
        self._set_status(status)

    def _send_bytes(self, data: bytes) -> None:
        self._send_to(data, None, raise_errors=True)

    def _send_to(
        self, data: bytes, client_ids: tuple[int, ...] | None, raise_errors: bool = False
    ) -> None:
        server = self._server
        if server is None or not server.listening:
            problem = sentences.not_running("server")
            if raise_errors:
                raise problem
            self.error_occurred.emit(problem)
            return
        targets = server.client_ids() if client_ids is None else list(client_ids)
        if not targets:
            problem = sentences.no_client()
            if raise_errors:
                raise problem
            self.error_occurred.emit(problem)
            return
        for client_id in targets:
            try:
                server.send(client_id, data)
            except SocketDeskError as error:
                self.error_occurred.emit(
                    sentences.client_left(client_id) if client_id not in self._peers else error
                )
                continue
            self._sent(self._peers[client_id], data)

    def _disconnect(self, client_id: int) -> None:
        if self._server is not None:
            self._server.disconnect(client_id)

    def _set_rules(self, mode: ServerMode, rules: tuple[AutoReplyRule, ...]) -> None:
        if self._server is not None:
            self._server.mode = mode
            self._server.rules = rules

    def _table_soon(self) -> None:
        if self._table_timer is None:
            self._table_timer = asyncio.get_running_loop().call_later(
                _TABLE_INTERVAL_S, self._push_table
            )

    def _push_table(self) -> None:
        self._table_timer = None
        server = self._server
        infos: list[ClientInfo] = []
        if server is not None:
            for client_id in server.client_ids():
                info = server.info(client_id)
                if info is not None:
                    infos.append(info)
        self.clients_updated.emit(infos)
        if server is not None and server.client_count:
            self._table_soon()  # keep byte counts fresh while clients are connected

    # -- TcpServerSink (loop thread) ---------------------------------------------------------------
    def on_client_connected(self, client_id: int, peer: str) -> None:
        self._peers[client_id] = peer
        self._info(peer, log_lines.client_connected(client_id, peer))
        info = self._server.info(client_id) if self._server is not None else None
        self.client_connected.emit(client_id, peer, info.local if info is not None else "")
        self._table_soon()

    def on_client_data(self, client_id: int, data: memoryview) -> None:
        self._received(self._peers[client_id], data)

    def on_client_sent(self, client_id: int, data: bytes) -> None:
        self._sent(self._peers[client_id], data)

    def on_client_closed(self, client_id: int, reason: Sentence) -> None:
        peer = self._peers.pop(client_id, "")
        self._info(peer, log_lines.client_closed(client_id, peer, reason))
        self.client_closed.emit(client_id, reason)
        self._table_soon()

    def on_client_rejected(self, peer: str, reason: Sentence) -> None:
        self._info(peer, reason)
        self.client_rejected.emit(reason)
