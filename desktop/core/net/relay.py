"""TCP relay ("man in the middle"): every client that connects is paired with a connection to a
target; bytes flow both ways and every chunk is reported with its pair id.

This module listens, opens each pair (the client's TLS handshake, then the connection to the
target) and controls pairs (inject, close, snapshots); ``relay_piping.py`` moves an open pair's
bytes, forwards EOFs and ends pairs.
"""

from __future__ import annotations

import asyncio
import itertools
import ssl
from collections.abc import Iterator

from desktop.core.errors import NetError, NotConnected
from desktop.core.net.connect import connect
from desktop.core.net.connection import (
    CLOSED,
    DEFAULT_READ_SIZE,
    StreamConnection,
    Totals,
    format_address,
)
from desktop.core.net.listen import open_listeners
from desktop.core.net.relay_events import PairInfo, RelaySide, RelaySink
from desktop.core.net.relay_pair import RelayPair, SideConnection
from desktop.core.net.relay_piping import RelayPiping
from desktop.core.net.tls import TlsClientOptions, TlsServerOptions, server_context
from desktop.core.net.tls_accept import accept_tls
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence, translate

__all__ = ["PairInfo", "RelaySide", "RelaySink", "TcpRelay"]

_RELAY_STOPPED = sentence(QT_TRANSLATE_NOOP("core", "The relay was stopped."))
_BACKLOG = 4096  # connections waiting for accept; a crowd connecting at once would overflow 100


class TcpRelay(RelayPiping):
    """Listens; pairs each client with a new connection to the target and relays both ways.

    Args:
        sink: receives pair events and every chunk.
        target_host: name or address of the server to connect each client to.
        target_port: its TCP port.
        connect_timeout: for resolving, connecting and the TLS handshakes of one pair.
        target_tls: speak TLS to the target with these options (SNI and the name checked come
            from ``target_host`` unless they name a ``server_name``); each pair's session, the
            whole chain and the verification outcome, is reported with ``on_target_tls``.
        max_pairs: refuse clients beyond this many pairs, open or opening (0: no limit).
        read_size: size of the read buffer shared by every connection.
        target_totals: the session's totals every target-side connection adds to (what went
            to and came from the targets; None: the relay's own).
        pair_ids: where pair numbers come from (a session passes one sequence to every relay it
            starts, so a restart never numbers a pair again; None: 1, 2, 3…).
    """

    def __init__(
        self,
        sink: RelaySink,
        target_host: str,
        target_port: int,
        *,
        connect_timeout: float = 10.0,
        target_tls: TlsClientOptions | None = None,
        max_pairs: int = 0,
        read_size: int = DEFAULT_READ_SIZE,
        target_totals: Totals | None = None,
        pair_ids: Iterator[int] | None = None,
    ) -> None:
        super().__init__(sink)
        self.target_host = target_host
        self.target_port = target_port
        self.connect_timeout = connect_timeout
        self._target_tls = target_tls
        self.max_pairs = max_pairs
        self._buffer = memoryview(bytearray(read_size))
        self._listen_tls: ssl.SSLContext | None = None
        self._servers: list[asyncio.Server] = []
        self._addresses: list[str] = []
        self._ids = pair_ids if pair_ids is not None else itertools.count(1)
        self._tasks: set[asyncio.Task[None]] = set()
        self._stopping = False
        # Every client-side and every target-side connection's counts, since the start.
        self.client_totals = Totals()
        self.target_totals = target_totals if target_totals is not None else Totals()

    # -- lifecycle -------------------------------------------------------------------------------
    async def start(
        self, host: str, port: int, listen_tls: TlsServerOptions | None = None
    ) -> list[str]:
        """Start listening; returns the addresses listened on (``host:port``).

        Args:
            host: address to listen on (``""`` for every IPv4 and IPv6 address).
            port: the port (0: the OS picks one).
            listen_tls: speak TLS to clients with these options.

        Raises:
            AddressInUse, PermissionDenied, ListenError, TlsError: with a sentence.
        """
        loop = asyncio.get_running_loop()
        self._listen_tls = server_context(listen_tls) if listen_tls is not None else None
        self._stopping = False
        for sock in open_listeners(host, port, _BACKLOG):
            # asyncio calls listen() again with its own backlog (100 by default): pass ours.
            server = await loop.create_server(self._new_client, sock=sock, backlog=_BACKLOG)
            self._servers.append(server)
            self._addresses.append(format_address(sock.getsockname()))
        return self.addresses

    @property
    def addresses(self) -> list[str]:
        """The addresses listened on, ``host:port``."""
        return list(self._addresses)

    @property
    def port(self) -> int:
        """The port listened on (useful when started with port 0)."""
        return int(self._addresses[0].rsplit(":", 1)[1]) if self._addresses else 0

    async def close(self) -> None:
        """Stop listening and drop every pair (reported as closed or failed)."""
        self._stopping = True
        for server in self._servers:
            server.close()
        for pair in list(self._pairs.values()):
            pair.reason = pair.reason or _RELAY_STOPPED
            if pair.opened:
                for side in pair.sides():
                    side.abort(pair.reason)
            elif pair.task is not None:
                pair.task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        for server in self._servers:
            await server.wait_closed()
        self._servers.clear()
        if self._pairs:
            await self._empty.wait()  # aborted transports report their loss on the next turn

    # -- pairs -----------------------------------------------------------------------------------
    @property
    def pair_count(self) -> int:
        """Pairs open or opening now."""
        return len(self._pairs)

    @property
    def bytes_client_to_target(self) -> int:
        """Bytes read from clients (and relayed) since the start; injected bytes not included."""
        return self.client_totals.bytes_in

    @property
    def bytes_target_to_client(self) -> int:
        """Bytes read from targets (and relayed) since the start; injected bytes not included."""
        return self.target_totals.bytes_in

    def pair_ids(self) -> list[int]:
        """Ids of the open pairs, oldest first."""
        return [pair.pair_id for pair in self._pairs.values() if pair.opened]

    def info(self, pair_id: int) -> PairInfo | None:
        """A snapshot of one pair, or None if it is gone."""
        pair = self._pairs.get(pair_id)
        if pair is None:
            return None
        client, target = pair.client, pair.target
        return PairInfo(
            pair_id=pair_id,
            client_peer=client.peer,
            target_peer=target.peer if target is not None else "",
            since_ns=pair.since_ns,
            bytes_client_to_target=client.bytes_in,
            bytes_target_to_client=target.bytes_in if target is not None else 0,
            pending_to_client=client.pending,
            pending_to_target=target.pending if target is not None else 0,
            client_reading=client.reading,
            target_reading=target.reading if target is not None else False,
        )

    def inject(self, pair_id: int, to_side: RelaySide, data: bytes) -> None:
        """Send ``data`` to one side of a pair, as if the other side had sent it.

        Raises:
            NotConnected: the pair is gone or not open yet, or that side is closed (or was
                half-closed because the other side sent EOF).
            NetError: that side is not reading and too much is waiting already.
        """
        pair = self._pairs.get(pair_id)
        if pair is None or not pair.opened:
            raise NotConnected()
        side = pair.client if to_side is RelaySide.CLIENT else pair.target
        if side is None or side.eof_sent:
            raise NotConnected()
        side.write(data)
        self._sink.on_injected(pair_id, to_side, data)

    def close_pair(self, pair_id: int) -> bool:
        """Close both sides of a pair (queued bytes are still sent); False if it is gone."""
        pair = self._pairs.get(pair_id)
        if pair is None:
            return False
        closed = sentence(QT_TRANSLATE_NOOP("core", "Closed by the user."))
        if pair.opened:
            self._end(pair, closed)
        elif pair.task is not None:
            pair.reason = pair.reason or closed
            pair.task.cancel()
        return True

    # -- opening a pair --------------------------------------------------------------------------
    def _new_client(self) -> SideConnection:
        return SideConnection(self, RelaySide.CLIENT, None)

    def _made(self, connection: StreamConnection) -> None:
        assert isinstance(connection, SideConnection)
        if connection.tag is not None:
            # A target's transport, or a client's TLS transport after start_tls.
            pair = self._pairs.get(connection.tag)
            connection.set_reading(pair is not None and self._may_read(pair, connection))
            return
        pair_id = next(self._ids)
        peer = connection.peer
        if self._stopping or (self.max_pairs and len(self._pairs) >= self.max_pairs):
            if self._stopping:
                why = sentence(
                    QT_TRANSLATE_NOOP("core", "Refused {peer}: the relay is stopping."), peer=peer
                )
            else:
                why = (
                    translate(
                        "core", "Refused {peer}: the limit of %n pair(s) is reached.", None, 1
                    )
                    .counting(self.max_pairs)
                    .with_facts(peer=peer)
                )
            connection.abort(why)
            self._sink.on_pair_failed(pair_id, peer, why)
            return
        connection.tag = pair_id
        connection.set_reading(False)  # not a byte is read before the target is connected
        pair = RelayPair(pair_id, connection)
        self._pairs[pair_id] = pair
        self._empty.clear()
        pair.task = asyncio.get_running_loop().create_task(self._open(pair))
        self._tasks.add(pair.task)
        pair.task.add_done_callback(self._tasks.discard)

    async def _open(self, pair: RelayPair) -> None:
        client = pair.client
        try:
            if self._listen_tls is not None:
                for chunk in client.held:  # handshake bytes read plain (uvloop), not data
                    client.bytes_in -= len(chunk)
                    client.totals.bytes_in -= len(chunk)
                    client.chunks_in -= 1
                    client.totals.chunks_in -= 1
                pair.early = await accept_tls(
                    client, self._listen_tls, self.connect_timeout, client.held
                )
                assert client.transport is not None
                client.connection_made(client.transport)  # re-adopted: reading paused again
            made = await connect(
                self.target_host,
                self.target_port,
                lambda: SideConnection(self, RelaySide.TARGET, pair.pair_id),
                timeout=self.connect_timeout,
                tls=self._target_tls,
            )
        except NetError as error:
            session = getattr(error, "session", None)  # a target whose certificate failed
            if session is not None:
                self._sink.on_target_tls(pair.pair_id, session)
            self._fail(pair, error.sentence)
            return
        except asyncio.CancelledError:
            self._fail(pair, pair.reason or _RELAY_STOPPED, abort=True)
            raise
        target = made.protocol
        pair.target = target
        pair.opened = True
        self._sink.on_pair_opened(pair.pair_id, client.peer, target.peer)
        if made.tls is not None:
            self._sink.on_target_tls(pair.pair_id, made.tls)
        for side in pair.sides():  # what was read before the pair was open (uvloop: see _data)
            held, side.held = side.held, []
            for chunk in held:
                self._data(side, memoryview(chunk))
        if pair.early is not None:
            early, pair.early = pair.early, None
            early.deliver(client)
        for side in pair.sides():
            if side.lost:  # gone before it could be reported
                self._lost(side, side.close_reason or CLOSED)
                return
        self._refresh(pair)

    def _fail(self, pair: RelayPair, reason: Sentence, abort: bool = False) -> None:
        self._pairs.pop(pair.pair_id, None)
        client = pair.client
        if abort:
            client.abort(reason)
        else:
            client.close(reason)  # the client sees EOF
        self._sink.on_pair_failed(pair.pair_id, client.peer, reason)
        if not self._pairs:
            self._empty.set()
