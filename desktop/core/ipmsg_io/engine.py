"""The messenger engine: a ``MessengerNode`` on a UDP socket, hosted by an asyncio loop.

Receive path: an asyncio ``DatagramProtocol``, not the blocking ``recvfrom_into`` thread that
DESIGN.md measured faster for floods (234k vs 63k datagrams/s). A messenger sees a few
datagrams a second; even a 1,000-host LAN answering one BR_ENTRY is 1,000 datagrams spread over
1-4 s (§1.4), 60 times below what asyncio keeps up with. In exchange the node, its timers and
its commands all live on one loop thread: no lock, no second thread to stop.

Floods: every datagram first passes a ``SourceBudget`` (token buckets per sender IP and for
everyone); one over budget is dropped before it is parsed and counted in ``stats``, and the
user is told once a minute who floods. A hostile peer sending 20,000 datagrams a second thus
costs the loop a ``recvfrom`` and a dictionary look-up each, and the GUI nothing.

Latency (issue #15): a listed peer's message gets its RECVMSG before the node even parses it
(``MessengerNode.quick_ack``: decided and written from the raw bytes once the flood budget
admits it; a certain verdict, ``SourceBudget.surely_admits``, takes its tokens after the
RECVMSG), sent with the socket's own ``sendto`` (unless the transport has datagrams queued);
any other RECVMSG leaves from inside ``receive`` (the node's ``hand_out_early``), before its
event is built and before the sink sees anything. The stock loop's datagram transport reads
into a 64 KiB buffer (``udp_socket.datagram_endpoint``; its default 256 KiB is an ``mmap`` and
``munmap`` per datagram).

Timers: the node says when it next needs ``tick`` (``next_deadline``); the engine arms one
``call_at`` for that moment and re-arms it after every datagram, command and tick (only when
the deadline moved).

Files (issue #13): ``engine.files`` (``file_service.FileService``) serves our offers over TCP
on the same address and port, sees the node's ``FilesOffered``/``OfferReleased`` before the
sink does, downloads, and publishes ``Transfer`` batches to the sink's ``on_transfers``.

Thread safety: methods run on the loop's thread (the CLI calls them there); another thread (the
GUI's bridge) uses ``call_threadsafe(engine.send_text, ...)``, which returns a future.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol, TypeVar, cast

from desktop.core.ipmsg.events import Address, Event, Notice, Peer, PeerKey, Transmit
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.node import MessengerNode
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg.offers import OfferedFile
from desktop.core.ipmsg.source_budget import SourceBudget, Verdict
from desktop.core.ipmsg_io.file_service import FileService, FileSettings
from desktop.core.ipmsg_io.port_pair import bind_both
from desktop.core.ipmsg_io.udp_socket import (
    broadcast_socket,
    datagram_endpoint,
    flood_notice,
    open_udp,
    send_failure,
)
from desktop.core.net.interfaces import local_addresses
from desktop.core.os_reasons import os_reason

__all__ = ["EngineStats", "MessengerEngine", "MessengerSink", "open_udp"]


T = TypeVar("T")


class MessengerSink(Protocol):
    """What the engine reports. Called on the engine's event-loop thread."""

    def on_event(self, event: Event) -> None:
        """A node event (``PeerJoined``, ``MessageReceived``, ``Notice``...)."""


# A sink may also have ``on_transfers(batch: list[Transfer])``: the files' snapshots, newest
# per id, in batches (the engine looks it up; a sink without it is not told of transfers).


@dataclass(frozen=True, slots=True)
class EngineStats:
    """Counters of one engine since it started.

    Attributes:
        received: datagrams that reached the socket.
        dropped: of those, refused by the flood budget (never parsed).
        peers: users in the roster now.
        peers_refused: newcomers the roster turned away (full, or too many at one address).
    """

    received: int
    dropped: int
    peers: int
    peers_refused: int


class MessengerEngine:
    """One messenger user on the network.

    Args:
        identity: who we are.
        settings: targets, retries... (``port`` is the port to bind; 0 picks one).
        sink: receives the node's events.
        bind: the IPv4 address to bind (default every address, as IPMsg does). A specific
            address does not receive broadcasts on Linux, so its interface's broadcast address
            is also listened on.
        seed: the first packet number (default: the time in seconds, as IPMsg does).
        budget: the flood budget (default: ``SourceBudget()``'s per-sender and total rates).
        files: the files' settings (first transfer id, offer lifetime, timeouts).
    """

    def __init__(
        self,
        identity: Identity,
        settings: NodeSettings,
        sink: MessengerSink,
        *,
        bind: str = "0.0.0.0",
        seed: int | None = None,
        budget: SourceBudget | None = None,
        files: FileSettings | None = None,
    ) -> None:
        self.identity = identity
        self.settings = settings
        self.sink = sink
        self.bind = bind
        self._seed = seed
        self._node: MessengerNode | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._transports: list[asyncio.DatagramTransport] = []
        self._socket: socket.socket | None = None  # the main one: quick RECVMSGs leave from it
        self._timer: asyncio.TimerHandle | None = None
        self._sending_to: Address | None = None
        self._budget = budget if budget is not None else SourceBudget()
        self._received_count = 0
        self.address: Address = ("0.0.0.0", 0)
        self.files = FileService(self, getattr(sink, "on_transfers", None), files)

    @property
    def node(self) -> MessengerNode:
        """The node (after ``start``)."""
        if self._node is None:
            raise RuntimeError("the messenger engine is not started")
        return self._node

    @property
    def running(self) -> bool:
        """True between ``start`` and ``close``."""
        return bool(self._transports)

    def peers(self) -> list[Peer]:
        """The peers on the network now."""
        return self.node.peers()

    @property
    def stats(self) -> EngineStats:
        """Datagrams received and dropped, peers listed and refused (on the loop's thread)."""
        roster = self._node.roster if self._node is not None else None
        return EngineStats(
            received=self._received_count,
            dropped=self._budget.dropped,
            peers=len(roster) if roster is not None else 0,
            peers_refused=roster.refused if roster is not None else 0,
        )

    # -- lifecycle --------------------------------------------------------------------------------
    async def start(self, announce: bool = True) -> Address:
        """Bind the socket(s), build the node, announce ourselves; returns (address, port).

        Raises:
            PortInUse, PermissionDenied, ListenError: with a sentence (UDP); AddressInUse: the
                port is taken for TCP (the file server's).
        """
        loop = asyncio.get_running_loop()
        self._loop = loop
        sock = await bind_both(self.bind, self.settings.port, self.files)
        self.address = sock.getsockname()[:2]
        host, port = self.address
        extra = broadcast_socket(host, port, self.sink.on_event)
        ours = self.settings.local_addresses | local_addresses() | {host}
        settings = replace(self.settings, port=port, local_addresses=frozenset(ours))
        seed = self._seed if self._seed is not None else int(time.time())
        self._node = MessengerNode(self.identity, settings, seed=seed)
        self._node.hand_out_early = self._perform
        try:
            for each in (sock, *extra):
                transport = await datagram_endpoint(each, self._received, self._send_failed)
                self._transports.append(transport)
        except BaseException:
            transports, self._transports = self._transports, []
            for transport in transports:
                transport.close()
            for each in (sock, *extra):
                each.close()
            await self.files.close()
            raise
        self._socket = sock
        if announce:
            self.announce()
        return self.address

    async def close(self, leave: bool = True) -> None:
        """Say goodbye (BR_EXIT) unless ``leave`` is False, and close the socket(s)."""
        if not self._transports:
            return
        if leave:
            self.leave()
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        transports, self._transports = self._transports, []
        self._socket = None
        for transport in transports:
            transport.close()
        await self.files.close()
        await asyncio.sleep(0)  # let the transports flush and call connection_lost

    # -- commands (on the loop's thread) ----------------------------------------------------------
    def announce(self) -> None:
        """Broadcast BR_ENTRY."""
        self._command(lambda now: self.node.announce(now=now))

    def leave(self) -> None:
        """Broadcast BR_EXIT (waiting messages are reported as not delivered)."""
        self._command(lambda now: self.node.leave(now=now))

    def refresh(self) -> None:
        """Announce again and drop the peers that do not answer."""
        self._command(lambda now: self.node.refresh(now=now))

    def set_absence(self, message: str | None) -> None:
        """Go away with ``message`` (auto-replied), or come back with None."""
        self._command(lambda now: self.node.set_absence(message, now=now))

    def contact(self, address: Address) -> None:
        """Send BR_ENTRY to one address directly."""
        self._command(lambda now: self.node.contact(address, now=now))

    def send_text(
        self, target: PeerKey | Address, text: str, sealed: bool = False, multicast: bool = False
    ) -> int:
        """Send a message; returns its id (see ``MessengerNode.send_text`` for the errors)."""
        return self._command(
            lambda now: self.node.send_text(target, text, sealed, multicast=multicast, now=now)
        )

    def send_files(
        self, target: PeerKey | Address, files: Sequence[OfferedFile], text: str = ""
    ) -> int:
        """Offer files; returns the message id (see ``MessengerNode.send_files``)."""
        return self._command(lambda now: self.node.send_files(target, files, text, now=now))

    def release_files(self, target: PeerKey | Address, packet_no: int) -> None:
        """Decline a peer's offer ``packet_no`` (RELEASEFILES)."""
        self._command(lambda now: self.node.release_files(target, packet_no))

    def broadcast_text(self, text: str) -> int:
        """Send a broadcast message to every peer; returns how many it was sent to."""
        return self._command(lambda now: self.node.broadcast_text(text, now=now))

    def set_encoding(self, address: Address, encoding: str | None) -> None:
        """Read and write the text of the peer at ``address`` in ``encoding`` (None: detect)."""
        self._command(lambda now: self.node.set_encoding(address, encoding))

    def mark_read(self, key: PeerKey, packet_no: int) -> None:
        """The user opened a sealed message: send its read receipt."""
        self._command(lambda now: self.node.mark_read(key, packet_no, now=now))

    def ask_info(self, key: PeerKey) -> None:
        """Ask a peer for its version."""
        self._command(lambda now: self.node.ask_info(key, now=now))

    def ask_absence(self, key: PeerKey) -> None:
        """Ask a peer for its away message."""
        self._command(lambda now: self.node.ask_absence(key, now=now))

    def report(self, event: Event) -> None:
        """Hand ``event`` to the sink (the file service's notices)."""
        self.sink.on_event(event)

    def call_threadsafe(self, func: Callable[..., T], *args: Any) -> concurrent.futures.Future[T]:
        """Run ``func(*args)`` on the engine's loop from any thread; its result as a future."""
        if self._loop is None:
            raise RuntimeError("the messenger engine is not started")
        future: concurrent.futures.Future[T] = concurrent.futures.Future()

        def run() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                future.set_result(func(*args))
            except BaseException as error:  # handed to the caller through the future
                future.set_exception(error)

        self._loop.call_soon_threadsafe(run)
        return future

    # -- plumbing ---------------------------------------------------------------------------------
    def _command(self, command: Callable[[float], T]) -> T:
        node = self.node  # raises before anything if not started
        try:
            return command(self._now())
        finally:
            self._carry_out(node.take_actions())

    def _received(self, data: bytes, addr: Address) -> None:
        node = self._node
        if node is None or not self._transports:
            return
        self._received_count += 1
        now = self._loop.time()  # type: ignore[union-attr]  # set with the node, in ``start``
        budget, source = self._budget, addr[0]
        # Admitted whatever happens: the budget takes its tokens after the RECVMSG left (the
        # same verdict and the same state as the other order).
        sure = budget.surely_admits(source)
        if not sure and (verdict := budget.admit(source, now)) is not Verdict.ADMIT:
            self._over_budget(verdict, source, now)
            return
        ack = node.quick_ack(data, addr)
        if ack is not None:  # a listed peer's message: its RECVMSG leaves before the rest
            self._send_at_once(ack, addr)
        if sure:
            budget.admit(source, now)
        self._carry_out(node.receive(data, addr, now, acked=ack is not None))

    def _send_at_once(self, datagram: bytes, address: Address) -> None:
        """``datagram`` with the socket's own ``sendto``; through the transport if datagrams
        wait there (order is kept), or the socket would block or fails (it queues or reports)."""
        sock, transport = self._socket, cast(Any, self._transports[0])
        if sock is not None and not transport.get_write_buffer_size():
            try:
                sock.sendto(datagram, address)
                return
            except OSError:
                pass
        self._transmit(Transmit(datagram, address))

    def _over_budget(self, verdict: Verdict, source: str, now: float) -> None:
        said = flood_notice(self._budget, verdict, source, now)
        if said is not None:
            self.sink.on_event(Notice(said))

    def _tick(self, when: float) -> None:
        self._timer = None
        if self._node is not None and self._transports:
            self._carry_out(self._node.tick(max(self._now(), when)))

    def _carry_out(self, actions: list[Any]) -> None:
        self._perform(actions)
        self._rearm()

    def _perform(self, actions: list[Any]) -> None:
        for action in actions:
            if isinstance(action, Transmit):
                self._transmit(action)
            else:
                self.files.on_event(action)  # an offer is served before its datagram leaves
                self.sink.on_event(action)

    def _transmit(self, action: Transmit) -> None:
        if not self._transports:
            return
        self._sending_to = action.address
        try:
            # A datagram transport sends at once; an error comes back through error_received.
            self._transports[0].sendto(action.datagram, action.address)
        finally:
            self._sending_to = None

    def _send_failed(self, error: Exception) -> None:
        self.sink.on_event(Notice(send_failure(os_reason(error), self._sending_to)))

    def _rearm(self) -> None:
        if self._node is None or self._loop is None or not self._transports:
            return
        deadline = self._node.next_deadline()
        if self._timer is not None:
            if deadline is not None and self._timer.when() == deadline:
                return
            self._timer.cancel()
            self._timer = None
        if deadline is not None:
            self._timer = self._loop.call_at(deadline, self._tick, deadline)

    def _now(self) -> float:
        assert self._loop is not None
        return self._loop.time()
