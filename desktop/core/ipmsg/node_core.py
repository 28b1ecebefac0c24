"""The state every part of a messenger node shares, and the helpers that write its actions.

``NodeCore`` holds the roster, the packet numbers, the delivery queue and the outbox; the
handling of presence (``node_presence``), messages (``node_chat``) and information requests
(``node_answers``) are mixins over it, put together as ``MessengerNode`` (``node``).
"""

from __future__ import annotations

import itertools
import random
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace

from desktop.core.ipmsg import messages as m
from desktop.core.ipmsg.constants import Mode, Opt
from desktop.core.ipmsg.delivery import Deliveries, SeenPackets
from desktop.core.ipmsg.dialect import detect_dialect, peer_encoding, reply_encoding
from desktop.core.ipmsg.events import (
    Action,
    Address,
    Notice,
    NoticeCause,
    Peer,
    PeerKey,
    PeerUpdated,
    Transmit,
)
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.messenger_errors import UnknownPeer
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg.packet import Packet, PacketNumbers, format_packet
from desktop.core.ipmsg.quick_ack import AckTemplate
from desktop.core.ipmsg.roster import Roster, peer_from_packet
from desktop.core.ipmsg.text import decode_text, parse_entry_extra, text_codec
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["MAX_CONTACTS", "MAX_ENCODINGS", "MAX_NOTICE_KEYS", "NOTICE_QUIET_S", "NodeCore"]

# Addresses announced to directly (``contact``): each costs a datagram per announcement.
MAX_CONTACTS = 256
# A notice is repeated at most once a minute per cause (a peer sending garbage every 10 ms
# must not flood the user); the last 256 causes are remembered.
NOTICE_QUIET_S = 60.0
MAX_NOTICE_KEYS = 256
# Encodings chosen by the user, one per peer address: each is a deliberate choice in a menu, so
# 4,096 is far more than anyone sets; the oldest choice goes first.
MAX_ENCODINGS = 4096


class NodeCore:
    """Shared state of a node and the helpers that queue its actions (see ``MessengerNode``)."""

    def __init__(
        self,
        identity: Identity,
        settings: NodeSettings | None = None,
        *,
        seed: int = 1,
        rng: random.Random | None = None,
    ) -> None:
        self.identity = identity
        self.settings = settings or NodeSettings()
        self.roster = Roster()
        self._numbers = PacketNumbers(seed)
        self._wraps = 0
        self._rng = rng or random.Random(seed)
        self._message_ids = itertools.count(1)
        self._deliveries = Deliveries(self.settings.retry_interval, self.settings.tries)
        self._seen = SeenPackets()
        self._contacts: OrderedDict[Address, None] = OrderedDict()
        self._noticed: OrderedDict[object, float] = OrderedDict()
        self._absence: str | None = None
        self._present = False
        self._now = 0.0
        self._outbox: list[Action] = []
        self._encodings: dict[Address, str] = {}
        # Set by the caller that owns the socket: takes the actions queued so far while
        # ``receive`` still works (the RECVMSG leaves before the message's event is built).
        self.hand_out_early: Callable[[list[Action]], None] | None = None
        # ``quick_ack``'s RECVMSG, written once; whether ``receive``'s datagram was answered so.
        self._ack_template = AckTemplate(identity)
        self._acked_now = False

    # -- per-peer encoding ------------------------------------------------------------------------
    def set_encoding(self, address: Address, encoding: str | None) -> None:
        """Read and write the text of the peer(s) at ``address`` in ``encoding``; None: detect.

        Text that carries the UTF-8 flag (UTF8OPT) is still read as UTF-8: the flag is explicit.

        Keyed by address, not by names: the names themselves decode differently in another
        encoding. Peers listed there are updated at once (roster and ``PeerUpdated``); their
        names are read again in the new encoding at their next entry packet, and whatever is
        sent to them uses it from now on (``_encoding_for``).

        Raises:
            InvalidField: ``encoding`` is not an encoding Python knows.
        """
        address = (str(address[0]), int(address[1]))
        if encoding is None:
            self._encodings.pop(address, None)
        else:
            text_codec(encoding)
            self._encodings[address] = encoding
            while len(self._encodings) > MAX_ENCODINGS:
                del self._encodings[next(iter(self._encodings))]
        legacy = self.identity.legacy_encoding
        for peer in self.roster.at_address(address):
            chosen = encoding or reply_encoding(peer.dialect, peer.utf8, legacy)
            updated = replace(peer, encoding=chosen)
            self.roster.update(updated)  # ``peers()`` (and ``ipmsg list``) say so at once
            self._outbox.append(PeerUpdated(updated))

    def encoding_override(self, address: Address) -> str | None:
        """The encoding chosen by the user for ``address``, or None (detected)."""
        return self._encodings.get((str(address[0]), int(address[1])))

    def _encoding_for(self, peer: Peer) -> str:
        """The encoding to write to ``peer`` in: the user's choice, else the detected one."""
        return self._encodings.get(peer.address, peer.encoding)

    def _read_as(self, packet: Packet, addr: Address) -> str:
        """The encoding of ``packet``'s text: UTF-8 when flagged so (UTF8OPT says it on the
        wire, whatever the user chose), else the user's choice for ``addr``, else detected."""
        chosen = self._encodings.get(addr)
        if chosen is None or packet.options & Opt.UTF8OPT:
            return peer_encoding(packet, detect_dialect(packet), self.identity.legacy_encoding)
        return chosen

    def _overridden(self, peer: Peer, packet: Packet, addr: Address, entry: bool) -> Peer:
        """``peer`` with its names read, and its text written, in the user's encoding."""
        chosen = self._encodings.get(addr)
        if chosen is None:
            return peer
        read_as = self._read_as(packet, addr)
        user, host = decode_text(packet.user, read_as), decode_text(packet.host, read_as)
        replaced = user.replaced or host.replaced
        nickname, group = peer.nickname, peer.group
        user_name, host_name = user.text, host.text
        if entry:
            info = parse_entry_extra(packet, read_as)
            nickname, group, replaced = info.nickname, info.group, replaced or info.replaced
            user_name, host_name = info.user_name or user_name, info.host_name or host_name
        return replace(
            peer,
            key=PeerKey(addr, user_name, host_name),
            nickname=nickname,
            group=group,
            encoding=chosen,
            name_replaced=replaced,
        )

    def _sender(self, packet: Packet, addr: Address) -> Peer:
        known = self.roster.find(addr, packet.user, packet.host)
        if known is not None:
            return known
        peer = peer_from_packet(packet, addr, self.identity.legacy_encoding)
        return self._overridden(peer, packet, addr, entry=False)

    def _resolve(self, target: PeerKey | Address) -> Peer:
        if isinstance(target, PeerKey):
            peer = self.roster.get(target) or self.roster.departed(target)
            if peer is None:
                raise UnknownPeer(str(target))
            return peer
        address = (str(target[0]), int(target[1]))
        here = self.roster.at_address(address)
        if here:
            return here[0]
        departed = self.roster.departed_at(address)
        if departed is not None:
            return departed
        return Peer(
            PeerKey(address, "", ""),
            client="unknown (no answer yet)",
            encoding=self.identity.legacy_encoding,
        )

    def _request(self, mode: Mode, address: Address) -> None:
        """GETINFO or GETABSENCEINFO: a packet with no extra but the NUL (§1.4)."""
        packet = replace(m.no_operation(self.identity, self._number()), command=int(mode))
        self._transmit(packet, address)

    def _to_everyone(self, packet: Packet) -> None:
        """One entry-type packet to the targets, the contacts and the dial-up peers (§1.3)."""
        datagram = format_packet(packet)
        sent: set[Address] = set()
        dialup = [peer.address for peer in self.roster if peer.dialup]
        for address in itertools.chain(self.settings.targets, self._contacts, dialup):
            if address not in sent:
                sent.add(address)
                self._outbox.append(Transmit(datagram, address))
        if not sent:
            self._notice(
                NoticeCause.NO_TARGETS,
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "There is no address to announce to, so other users will not see you; "
                        "add a broadcast address or a peer's address.",
                    )
                ),
            )

    def _transmit(self, packet: Packet, address: Address) -> None:
        self._outbox.append(Transmit(format_packet(packet), address))

    def _early(self) -> None:
        """Hand the actions queued so far to ``hand_out_early`` (if set), in order."""
        if self.hand_out_early is not None and self._outbox:
            actions, self._outbox = self._outbox, []
            self.hand_out_early(actions)

    def next_packet_no(self) -> int:
        """A fresh packet number from the node's sequence (for the file requests over TCP)."""
        return self._number()

    def _number(self) -> int:
        number = next(self._numbers)
        if self._numbers.wraps != self._wraps:
            # After 2**31-1 numbers start again at 1, and iptux drops what is numbered below
            # the last it saw until it gets a new BR_ENTRY (§7.6): announce with this number.
            self._wraps = self._numbers.wraps
            if self._present:
                absent = self._absence is not None
                self._to_everyone(m.entry(self.identity, number, absent=absent))
                number = next(self._numbers)
        return number

    def _notice(self, cause: object, text: Sentence) -> None:
        last = self._noticed.get(cause)
        if last is not None and self._now - last < NOTICE_QUIET_S:
            return
        self._noticed[cause] = self._now
        self._noticed.move_to_end(cause)
        while len(self._noticed) > MAX_NOTICE_KEYS:
            self._noticed.popitem(last=False)
        self._outbox.append(Notice(text, cause if isinstance(cause, NoticeCause) else None))

    def _time(self, now: float | None) -> float:
        if now is not None:
            self._now = now
        return self._now
