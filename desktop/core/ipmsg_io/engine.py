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

Timers: the node says when it next needs ``tick`` (``next_deadline``); the engine arms one
``call_at`` for that moment and re-arms it after every datagram, command and tick.

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
from typing import Any, Protocol, TypeVar

from desktop.core.errors import ListenError
from desktop.core.ipmsg.events import Address, Event, Notice, Peer, PeerKey, Transmit
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.messenger_errors import PortInUse
from desktop.core.ipmsg.node import MessengerNode
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg.offers import OfferedFile
from desktop.core.ipmsg.source_budget import SourceBudget, Verdict
from desktop.core.net.interfaces import interface_addresses, local_addresses
from desktop.core.net.listen import bind_error
from desktop.core.net.port_owner import describe_port_owners, free_udp_port
from desktop.core.os_reasons import os_reason
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = ["EngineStats", "MessengerEngine", "MessengerSink", "open_udp"]

# The kernel's default receive buffer (~208 KiB) holds ~250 small datagrams at its per-packet
# overhead; 1 MiB absorbs a whole large LAN answering one BR_ENTRY while the loop is busy.
_RECEIVE_BUFFER = 1 << 20
_ANY = ("", "0.0.0.0", "*", "any")

T = TypeVar("T")


class MessengerSink(Protocol):
    """What the engine reports. Called on the engine's event-loop thread."""

    def on_event(self, event: Event) -> None:
        """A node event (``PeerJoined``, ``MessageReceived``, ``Notice``...)."""


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


def open_udp(host: str, port: int) -> socket.socket:
    """A non-blocking IPv4 UDP socket bound to ``host``:``port`` that may broadcast.

    No SO_REUSEADDR: on Linux it would let two messengers share port 2425 and split the
    datagrams between them; a taken port must be an error.

    Raises:
        PortInUse: the port is taken (with the program holding it, when it can be found).
        PermissionDenied, ListenError: with a sentence.
    """
    address = "0.0.0.0" if host.strip().lower() in _ANY else host.strip()
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, _RECEIVE_BUFFER)
        sock.bind((address, port))
        sock.setblocking(False)
    except OSError as error:
        sock.close()

        def in_use() -> PortInUse:
            owner, free = describe_port_owners(port, "udp"), free_udp_port(address, port)
            return PortInUse(address, port, owner, free)

        raise bind_error(error, address, port, in_use) from None
    return sock


class _Endpoint(asyncio.DatagramProtocol):
    def __init__(self, engine: MessengerEngine) -> None:
        self.engine = engine

    def datagram_received(self, data: bytes, addr: tuple[str | Any, int]) -> None:
        self.engine._received(data, (str(addr[0]), int(addr[1])))

    def error_received(self, exc: Exception) -> None:
        self.engine._send_failed(exc)


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
    ) -> None:
        self.identity = identity
        self.settings = settings
        self.sink = sink
        self.bind = bind
        self._seed = seed
        self._node: MessengerNode | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._transports: list[asyncio.DatagramTransport] = []
        self._timer: asyncio.TimerHandle | None = None
        self._sending_to: Address | None = None
        self._budget = budget if budget is not None else SourceBudget()
        self._received_count = 0
        self.address: Address = ("0.0.0.0", 0)

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
            PortInUse, PermissionDenied, ListenError: with a sentence.
        """
        loop = asyncio.get_running_loop()
        self._loop = loop
        sock = open_udp(self.bind, self.settings.port)
        host, port = sock.getsockname()[:2]
        self.address = (host, port)
        extra = self._broadcast_socket(host, port)
        ours = self.settings.local_addresses | local_addresses() | {host}
        settings = replace(self.settings, port=port, local_addresses=frozenset(ours))
        seed = self._seed if self._seed is not None else int(time.time())
        self._node = MessengerNode(self.identity, settings, seed=seed)
        try:
            for each in (sock, *extra):
                transport, _protocol = await loop.create_datagram_endpoint(
                    lambda: _Endpoint(self), sock=each
                )
                self._transports.append(transport)
        except BaseException:
            for each in (sock, *extra):
                each.close()
            raise
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
        for transport in transports:
            transport.close()
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
        if self._node is None or not self._transports:
            return
        self._received_count += 1
        now = self._now()
        verdict = self._budget.admit(addr[0], now)
        if verdict is not Verdict.ADMIT:
            self._over_budget(verdict, addr[0], now)
            return
        self._carry_out(self._node.receive(data, addr, now))

    def _over_budget(self, verdict: Verdict, source: str, now: float) -> None:
        budget = self._budget
        if verdict is Verdict.SOURCE_OVER:
            if budget.should_notice(source, now):
                self.sink.on_event(
                    Notice(
                        sentence(
                            QT_TRANSLATE_NOOP(
                                "core",
                                "{source} sends more than {rate} datagrams a second; what it "
                                "sends beyond that is ignored.",
                            ),
                            source=source,
                            rate=f"{budget.rate:,.0f}",
                        )
                    )
                )
        elif budget.should_notice(None, now):
            self.sink.on_event(
                Notice(
                    sentence(
                        QT_TRANSLATE_NOOP(
                            "core",
                            "More than {rate} datagrams a second are arriving; the excess is "
                            "ignored, so some peers may be missed.",
                        ),
                        rate=f"{budget.total_rate:,.0f}",
                    )
                )
            )

    def _tick(self, when: float) -> None:
        self._timer = None
        if self._node is not None and self._transports:
            self._carry_out(self._node.tick(max(self._now(), when)))

    def _carry_out(self, actions: list[Any]) -> None:
        for action in actions:
            if isinstance(action, Transmit):
                self._transmit(action)
            else:
                self.sink.on_event(action)
        self._rearm()

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
        reason = os_reason(error)
        if self._sending_to:
            said = sentence(
                QT_TRANSLATE_NOOP("core", "Could not send a datagram to {address}: {reason}."),
                address=f"{self._sending_to[0]}:{self._sending_to[1]}",
                reason=reason,
            )
        else:
            said = sentence(
                QT_TRANSLATE_NOOP("core", "Could not send a datagram: {reason}."), reason=reason
            )
        self.sink.on_event(Notice(said))

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

    def _broadcast_socket(self, host: str, port: int) -> list[socket.socket]:
        """With a specific bind address, a socket on its interface's broadcast address too.

        Linux delivers a broadcast only to sockets bound to the wildcard or to the broadcast
        address itself, so without this a node bound to 198.18.0.1 would never hear BR_ENTRY.
        """
        if host == "0.0.0.0":
            return []
        for item in interface_addresses():
            if item.address == host and item.broadcast:
                try:
                    return [open_udp(item.broadcast, port)]
                except (PortInUse, ListenError):
                    self.sink.on_event(
                        Notice(
                            sentence(
                                QT_TRANSLATE_NOOP(
                                    "core",
                                    "Cannot listen on the broadcast address {address}; "
                                    "broadcasts from other users will not be heard.",
                                ),
                                address=f"{item.broadcast}:{port}",
                            )
                        )
                    )
        return []
