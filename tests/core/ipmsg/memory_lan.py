"""Messenger nodes on an imaginary LAN: the test routes their datagrams and moves the clock."""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.core.ipmsg import Identity, Packet, parse_packet
from desktop.core.ipmsg.events import Action, Address, Event, PeerKey, Transmit
from desktop.core.ipmsg.node import MessengerNode
from desktop.core.ipmsg.node_settings import NodeSettings

BROADCAST = "198.18.0.255"
PORT = 2425


@dataclass
class Sent:
    """One datagram on the wire: who sent it, where to, and whether the LAN dropped it."""

    source: Address
    transmit: Transmit
    dropped: bool

    @property
    def packet(self) -> Packet:
        return parse_packet(self.transmit.datagram)


@dataclass
class Host:
    ip: str
    node: MessengerNode
    events: list[Event] = field(default_factory=list)
    up: bool = True

    @property
    def address(self) -> Address:
        return (self.ip, PORT)

    def of(self, kind: type) -> list:  # type: ignore[type-arg]
        """Events of one type, in order."""
        return [e for e in self.events if isinstance(e, kind)]

    def key_of(self, other: Host) -> PeerKey:
        """The key this host's roster has for ``other``."""
        [peer] = self.node.roster.at_address(other.address)
        return peer.key


class MemoryLan:
    """Hosts 198.18.0.x on one broadcast domain; nothing but Python objects.

    ``drop(sent)`` decides which datagrams are lost. Time only moves with ``advance``.
    """

    def __init__(self) -> None:
        self.hosts: dict[str, Host] = {}
        self.now = 0.0
        self.wire: list[Sent] = []
        self.drop: Callable[[Sent], bool] = lambda sent: False

    def add(
        self,
        ip: str,
        nickname: str,
        group: str = "",
        *,
        user: str | None = None,
        host: str | None = None,
        **settings: object,
    ) -> Host:
        number = len(self.hosts) + 1
        identity = Identity(user or f"user{number}", host or f"PC-{number}", nickname, group)
        options: dict[str, object] = {
            "targets": ((BROADCAST, PORT),),
            "local_addresses": frozenset({ip}),
        }
        options.update(settings)
        node = MessengerNode(
            identity,
            NodeSettings(**options),  # type: ignore[arg-type]
            seed=number * 1000,
            rng=random.Random(number),
        )
        self.hosts[ip] = Host(ip, node)
        return self.hosts[ip]

    def run(self, host: Host, command: Callable[[], object] | None = None) -> object:
        """Run a command on ``host`` (its actions are carried out); returns what it returned.

        The node is ticked to the LAN's time first: commands use the last time a node was given.
        """
        self.carry(host, host.node.tick(self.now))
        result = command() if command is not None else None
        self.carry(host, host.node.take_actions())
        return result

    def inject(self, host: Host, datagram: bytes, source: Address) -> list[Action]:
        """A datagram from outside the LAN arrives at ``host``; its actions are carried out."""
        actions = host.node.receive(datagram, source, self.now)
        self.carry(host, actions)
        return actions

    def carry(self, host: Host, actions: list[Action]) -> None:
        """Deliver every datagram (and what it causes) and record every event, breadth first."""
        queue: deque[tuple[Host, Action]] = deque((host, a) for a in actions)
        while queue:
            sender, action = queue.popleft()
            if not isinstance(action, Transmit):
                sender.events.append(action)
                continue
            sent = Sent(sender.address, action, dropped=False)
            sent.dropped = self.drop(sent)
            self.wire.append(sent)
            if sent.dropped:
                continue
            ip, port = action.address
            if ip == BROADCAST:
                receivers = list(self.hosts.values())  # the sender hears its own broadcast too
            else:
                receivers = [self.hosts[ip]] if ip in self.hosts and port == PORT else []
            for receiver in receivers:
                if receiver.up:
                    for result in receiver.node.receive(action.datagram, sender.address, self.now):
                        queue.append((receiver, result))

    def advance(self, seconds: float) -> None:
        """Move the clock, ticking each node at each of its deadlines on the way."""
        end = self.now + seconds
        while True:
            deadlines = [
                (deadline, ip)
                for ip, h in self.hosts.items()
                if h.up and (deadline := h.node.next_deadline()) is not None and deadline <= end
            ]
            if not deadlines:
                break
            deadline, ip = min(deadlines)
            self.now = max(self.now, deadline)
            host = self.hosts[ip]
            self.carry(host, host.node.tick(self.now))
        self.now = end

    def sent_by(self, host: Host, mode: int | None = None) -> list[Sent]:
        """Datagrams ``host`` sent (of one mode), dropped or not."""
        return [
            s
            for s in self.wire
            if s.source == host.address and (mode is None or s.packet.mode == mode)
        ]
