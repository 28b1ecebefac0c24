"""TCP server engine: many clients at once on one loop, plain, echo or auto-reply, optional TLS."""

from __future__ import annotations

import asyncio
import itertools
import mmap
import ssl
import time
from collections.abc import Callable, Sequence
from typing import cast

from desktop.core.errors import NetError, NotConnected, TlsError
from desktop.core.limits import release_free_memory
from desktop.core.net.auto_reply import AutoReplyRule, first_reply
from desktop.core.net.connection import (
    DEFAULT_READ_SIZE,
    ClosedCallback,
    DataCallback,
    StreamConnection,
    Totals,
    format_address,
)
from desktop.core.net.fd_listener import FdListener
from desktop.core.net.fd_transport import fd_transports_work
from desktop.core.net.listen import open_listeners
from desktop.core.net.server_clients import (
    ClientInfo,
    ClientState,
    ServerClient,
    ServerMode,
    TcpServerSink,
)
from desktop.core.net.splice_receive import SpliceReader, SpliceTarget
from desktop.core.net.tls import TlsServerOptions, server_context
from desktop.core.net.tls_accept import accept_tls
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence, translate

__all__ = ["ClientInfo", "ClientState", "ServerMode", "TcpServer", "TcpServerSink"]

_BACKLOG = 4096  # connections waiting for accept; a crowd connecting at once would overflow 100
_TRIM_AFTER_PEAK = 256  # clients at once before an empty server is worth a malloc_trim
# Clients accepted within this long share one ``since_ns`` (one int object, not 32 B each); the
# connection table shows seconds.
_SAME_SINCE_NS = 1_000_000


class TcpServer:
    """Listens and serves any number of clients; every client shares one read buffer.

    Args:
        sink: receives client events and data.
        mode: plain, echo or rules.
        rules: auto-reply rules (used in RULES mode).
        max_clients: refuse connections beyond this many clients (0: no limit).
        read_size: size of the shared read buffer.
        totals: the session's totals every client adds to (None: the server's own).
        splice_to: the file of an owner that only counts and saves what clients send (no
            display): in plain mode without TLS, on Linux, each client's bytes after its first
            read go there with ``os.splice`` and ``on_client_data`` is not called for them
            (``desktop.core.net.splice_receive``). None: every read reaches the sink.
    """

    def __init__(
        self,
        sink: TcpServerSink,
        mode: ServerMode = ServerMode.PLAIN,
        rules: Sequence[AutoReplyRule] = (),
        max_clients: int = 0,
        read_size: int = DEFAULT_READ_SIZE,
        *,
        totals: Totals | None = None,
        splice_to: SpliceTarget | None = None,
    ) -> None:
        self._sink = sink
        self._splice_to = splice_to
        self.spliced_clients = 0  # clients whose bytes went straight to the file
        self.mode = mode
        self.rules = tuple(rules)
        self.max_clients = max_clients
        # Anonymous memory, not a bytearray (which zeroes, so holds, all of it at once): a page
        # is resident once a read reaches it: small reads (echo, chat) cost 4 KiB, not 1 MiB.
        self._buffer = memoryview(mmap.mmap(-1, read_size))
        self._servers: list[asyncio.Server | FdListener] = []
        self._clients: dict[int, ServerClient] = {}
        self._ids = itertools.count(1)
        self._ssl: ssl.SSLContext | None = None
        self._handshake_timeout = 10.0
        self._handshakes: set[asyncio.Task[None]] = set()
        self.addresses: list[str] = []
        self.accepted_total = 0
        self.rejected_total = 0
        # Every client's bytes and chunks, since the start.
        self.totals = totals if totals is not None else Totals()
        self.peak_clients = 0
        self._since_ns = 0  # the latest accept's time, shared by the clients of its burst
        # Bound once: a bound method made per connection cost 64 bytes each, three per client.
        self._on_data: DataCallback = self._data
        self._on_lost: ClosedCallback = self._lost
        self._on_made: Callable[[StreamConnection], None] = self._made

    # -- lifecycle -------------------------------------------------------------------------------
    async def start(
        self,
        host: str,
        port: int,
        tls: TlsServerOptions | None = None,
        handshake_timeout: float = 10.0,
    ) -> list[str]:
        """Start listening; returns the addresses listened on (``host:port``).

        Args:
            host: address to listen on (``""`` for every IPv4 and IPv6 address).
            port: the port (0: the OS picks one).
            tls: accept TLS with these options (each client is upgraded after accept).
            handshake_timeout: a client's TLS handshake must end within this.

        Raises:
            AddressInUse, PermissionDenied, ListenError, TlsError: with a sentence.
        """
        loop = asyncio.get_running_loop()
        self._ssl = server_context(tls) if tls is not None else None
        self._handshake_timeout = handshake_timeout
        light = self._ssl is None and fd_transports_work()
        for sock in open_listeners(host, port, _BACKLOG):
            self.addresses.append(format_address(sock.getsockname()))
            if light:  # plain clients: the light transport (~0.5-1 KiB less each; #15)
                self._servers.append(FdListener(loop, sock, self._new_connection, _BACKLOG))
                continue
            # TLS needs the loop's transport (start_tls), as does a loop without add_reader.
            # asyncio calls listen() again with its own backlog (100 by default): pass ours.
            server = await loop.create_server(self._new_connection, sock=sock, backlog=_BACKLOG)
            self._servers.append(server)
        return self.addresses

    @property
    def listening(self) -> bool:
        """True while accepting connections."""
        return any(server.is_serving() for server in self._servers)

    @property
    def port(self) -> int:
        """The port listened on (useful when started with port 0)."""
        return int(self.addresses[0].rsplit(":", 1)[1]) if self.addresses else 0

    async def close(self) -> None:
        """Stop listening and close every client."""
        for server in self._servers:
            server.close()
        for task in list(self._handshakes):
            task.cancel()
        for client in list(self._clients.values()):
            if client.splice is not None:
                client.splice.stop()
            client.abort(sentence(QT_TRANSLATE_NOOP("core", "The server was stopped.")))
        for server in self._servers:
            await server.wait_closed()
        self._servers.clear()

    # -- clients ----------------------------------------------------------------------------------
    @property
    def client_count(self) -> int:
        """Clients connected now."""
        return len(self._clients)

    @property
    def bytes_in(self) -> int:
        """Bytes received from all clients since the start."""
        return self.totals.bytes_in

    @property
    def bytes_out(self) -> int:
        """Bytes sent to all clients since the start."""
        return self.totals.bytes_out

    def client_ids(self) -> list[int]:
        """Ids of the clients connected now, oldest first."""
        return list(self._clients)

    def info(self, client_id: int) -> ClientInfo | None:
        """A snapshot of one client, or None if it has left."""
        client = self._clients.get(client_id)
        if client is None:
            return None
        c = client
        return ClientInfo(client_id, c.peer, c.since_ns, c.bytes_in, c.bytes_out, c.state, c.local)

    def send(self, client_id: int, data: bytes) -> None:
        """Send to one client.

        Raises:
            NotConnected: that client has left.
            NetError: the client is not reading and too much is waiting already.
        """
        client = self._clients.get(client_id)
        if client is None or client.state is not ClientState.CONNECTED:
            raise NotConnected()
        client.write(data)

    def send_all(self, data: bytes) -> tuple[int, list[Sentence]]:
        """Send to every connected client; returns (how many got it, sentences for the others)."""
        sent = 0
        problems: list[Sentence] = []
        for client in list(self._clients.values()):
            if client.state is not ClientState.CONNECTED:
                continue
            try:
                client.write(data)
                sent += 1
            except NetError as error:
                problems.append(error.sentence)
        return sent, problems

    def disconnect(self, client_id: int, reason: Sentence | None = None) -> bool:
        """Close one client; False if it had already left."""
        client = self._clients.get(client_id)
        if client is None:
            return False
        if client.splice is not None:
            client.splice.stop()
        client.close(reason or sentence(QT_TRANSLATE_NOOP("core", "Disconnected by the server.")))
        return True

    # -- connection callbacks -------------------------------------------------------------------
    def _new_connection(self) -> ServerClient:
        client = ServerClient(
            self._buffer, self._on_data, self._on_lost, self._on_made, self.totals
        )
        if self.mode is ServerMode.ECHO:
            client.pause_reading_while_blocked()
        return client

    def _made(self, connection: StreamConnection) -> None:
        client = cast(ServerClient, connection)
        if self.max_clients and len(self._clients) >= self.max_clients:
            self.rejected_total += 1
            why = (
                translate("core", "Refused {peer}: the limit of %n client(s) is reached.", None, 1)
                .counting(self.max_clients)
                .with_facts(peer=client.peer)
            )
            client.abort(why)
            self._sink.on_client_rejected(client.peer, why)
            return
        client.tag = client_id = next(self._ids)
        now = time.time_ns()
        if now - self._since_ns >= _SAME_SINCE_NS:
            self._since_ns = now
        client.since_ns = self._since_ns
        self._clients[client_id] = client
        self.accepted_total += 1
        self.peak_clients = max(self.peak_clients, len(self._clients))
        if self._ssl is None:
            self._sink.on_client_connected(client_id, client.peer)
            return
        client.side().handshake = True
        assert client.transport is not None
        client.transport.pause_reading()  # nothing is read before the TLS layer is in place
        task = asyncio.get_running_loop().create_task(self._handshake(client))
        self._handshakes.add(task)
        task.add_done_callback(self._handshakes.discard)

    async def _handshake(self, client: ServerClient) -> None:
        connection = client
        assert self._ssl is not None
        try:
            held = await accept_tls(
                connection, self._ssl, self._handshake_timeout, client.side().raw
            )
        except TlsError as error:
            self._clients.pop(client.client_id, None)
            self.rejected_total += 1
            self._sink.on_client_rejected(
                connection.peer,
                sentence(
                    QT_TRANSLATE_NOOP("core", "TLS handshake with {peer} failed: {reason}"),
                    peer=connection.peer,
                    reason=error.sentence,
                ),
            )
            return
        client.extra = None  # the handshake's bytes are delivered below; nothing else is kept
        self._sink.on_client_connected(client.client_id, connection.peer)
        held.deliver(connection)

    def _data(self, connection: StreamConnection, data: memoryview) -> None:
        client_id = connection.tag
        assert client_id is not None
        if self._ssl is not None and self._held(connection, client_id, data):
            return
        self._process(connection, client_id, data)

    def _process(self, connection: StreamConnection, client_id: int, data: memoryview) -> None:
        self._sink.on_client_data(client_id, data)
        mode = self.mode
        if mode is ServerMode.ECHO:
            reply: bytes | None = bytes(data)
        elif mode is ServerMode.RULES and self.rules:
            reply = first_reply(self.rules, bytes(data))
        else:
            if self._splice_to is not None:
                self._splice(connection, client_id, self._splice_to)
            return
        if reply is None:
            return
        try:
            connection.write(reply)
        except NetError:
            return  # closing (or echo paused too late): only a race on close reaches this
        self._sink.on_client_sent(client_id, reply)

    def _held(self, connection: StreamConnection, client_id: int, data: memoryview) -> bool:
        """Keep a read made before the TLS layer is in place (uvloop starts reading after
        ``connection_made`` although ``_made`` paused it): the handshake's, not data."""
        client = self._clients.get(client_id)
        if client is None or client.extra is None or not client.extra.handshake:
            return False
        client.extra.raw.append(bytes(data))
        connection.bytes_in -= len(data)
        connection.chunks_in -= 1
        connection.totals.bytes_in -= len(data)
        connection.totals.chunks_in -= 1
        if connection.transport is not None:
            connection.transport.pause_reading()  # reading now: this pause takes
        return True

    def _splice(self, connection: StreamConnection, client_id: int, to: SpliceTarget) -> None:
        """After a client's first read, its bytes go straight to the file if they may."""
        client = self._clients.get(client_id)
        if client is None or (client.extra is not None and client.extra.splice_tried):
            return
        extra = client.side()
        extra.splice_tried = True
        if self._ssl is not None or self.mode is not ServerMode.PLAIN:
            return
        extra.splice = SpliceReader.start(connection, to, self._splice_ended)
        if extra.splice is not None:
            self.spliced_clients += 1

    def _splice_ended(self, reader: SpliceReader) -> None:
        tag = reader.connection.tag
        client = self._clients.get(tag) if tag is not None else None
        if client is not None and client.extra is not None and client.extra.splice is reader:
            client.extra.splice = None

    def _lost(self, connection: StreamConnection, reason: Sentence) -> None:
        client = self._clients.pop(connection.tag, None) if connection.tag is not None else None
        if client is None:
            return
        if client.splice is not None:
            client.splice.stop()
        self._sink.on_client_closed(client.client_id, reason)
        if not self._clients and self.peak_clients >= _TRIM_AFTER_PEAK:
            # Everyone left after a crowd: hand the freed heap back (RSS returns to baseline).
            self.peak_clients = 0
            asyncio.get_running_loop().call_later(0.2, release_free_memory)
