"""A messenger node as a sans-IO state machine: datagrams and time in, actions out.

``MessengerNode`` is one IP Messenger user: it keeps the roster, answers entries, acknowledges
and de-duplicates messages, retries its own until they are acknowledged, sends read receipts
and away replies. It owns no socket and reads no clock: the caller passes every received
datagram with its sender and the time (``receive``), calls ``tick`` when ``next_deadline``
comes, and carries out the returned actions (``Transmit`` datagrams; events for the user).
Commands (``announce``, ``send_text``...) queue their actions; ``take_actions`` hands them out,
and so do ``receive`` and ``tick``. Rules are the reference's §1.4-1.5, §2 and §7.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import random
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace

from desktop.core.ipmsg import messages as m
from desktop.core.ipmsg.attachments import parse_file_offers
from desktop.core.ipmsg.constants import PACKET_NO_MAX, Mode, Opt, SendOpt
from desktop.core.ipmsg.delivery import Deliveries, Kind, Outgoing, SeenPackets
from desktop.core.ipmsg.dialect import Dialect, detect_dialect, peer_encoding, supports_utf8
from desktop.core.ipmsg.errors import InvalidField, MalformedPacket
from desktop.core.ipmsg.events import (
    Action,
    Address,
    InfoReceived,
    MessageDelivered,
    MessageFailed,
    MessageRead,
    MessageReceived,
    Notice,
    Peer,
    PeerJoined,
    PeerKey,
    PeerLeft,
    PeerUpdated,
    Transmit,
    format_address,
)
from desktop.core.ipmsg.failures import UnknownPeer
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.packet import Packet, PacketNumbers, format_packet, parse_packet
from desktop.core.ipmsg.roster import Roster, peer_from_entry, peer_from_packet
from desktop.core.ipmsg.settings import NodeSettings
from desktop.core.ipmsg.text import decode_message, decode_text, original_packet_no
from desktop.core.ipmsg.text import strip_feiq_font as _strip_font

__all__ = ["MessengerNode"]

# Sealed messages received and not opened yet: their read receipt waits for ``mark_read``.
# Beyond 1,024 unopened ones the oldest loses its receipt (it can still be read).
MAX_UNREAD = 1024
# Sealed messages we sent, waiting for the peer's READMSG; a receipt for an older one is
# ignored (the message itself was delivered and reported).
MAX_SEALED_SENT = 1024
# BR_ENTRY answers waiting for their random delay. A flood of entries beyond 1,024 is answered
# at once: one answer per entry either way, so this bounds memory without amplifying anything.
MAX_SCHEDULED = 1024
# Addresses announced to directly (``contact``): each costs a datagram per announcement.
MAX_CONTACTS = 256
# A notice is repeated at most once a minute per cause (a peer sending garbage every 10 ms
# must not flood the user); the last 256 causes are remembered.
NOTICE_QUIET_S = 60.0
MAX_NOTICE_KEYS = 256

_ANSWER_DELAYS = ((300, 4.095), (50, 2.047), (0, 1.023))  # IPMsg SetAnswerQueue, §1.4


class MessengerNode:
    """One IP Messenger user, without I/O.

    Args:
        identity: who we are (names, nickname, group, legacy code page).
        settings: targets, retries, our port and addresses.
        seed: the first packet number; IPMsg uses the time in seconds (§1.1).
        rng: the source of the random BR_ENTRY answer delays (seed it in tests).
    """

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
        self._unread: OrderedDict[tuple[PeerKey, int], bool] = OrderedDict()
        self._sealed_sent: OrderedDict[tuple[str, int], int] = OrderedDict()
        self._scheduled: list[tuple[float, int, Address, bool]] = []
        self._scheduled_to: set[Address] = set()
        self._order = itertools.count()
        self._contacts: OrderedDict[Address, None] = OrderedDict()
        self._noticed: OrderedDict[object, float] = OrderedDict()
        self._refresh: tuple[float, float] | None = None  # (since, deadline)
        self._absence: str | None = None
        self._present = False
        self._now = 0.0
        self._outbox: list[Action] = []
        self._handlers: dict[int, Callable[[Packet, Address], None]] = {
            Mode.BR_ENTRY: self._on_entry,
            Mode.ANSENTRY: self._on_entry,
            Mode.BR_ABSENCE: self._on_entry,
            Mode.BR_EXIT: self._on_exit,
            Mode.SENDMSG: self._on_message,
            Mode.RECVMSG: self._on_recvmsg,
            Mode.READMSG: self._on_readmsg,
            Mode.ANSREADMSG: self._on_ansreadmsg,
            Mode.GETINFO: self._on_getinfo,
            Mode.SENDINFO: self._on_info,
            Mode.GETABSENCEINFO: self._on_getabsenceinfo,
            Mode.SENDABSENCEINFO: self._on_info,
        }

    # -- state ------------------------------------------------------------------------------------
    @property
    def absence(self) -> str | None:
        """The away message, or None when not away."""
        return self._absence

    @property
    def pending(self) -> int:
        """Messages and read receipts waiting for an acknowledgement."""
        return len(self._deliveries)

    def peers(self) -> list[Peer]:
        """The peers on the network now."""
        return list(self.roster)

    # -- input ------------------------------------------------------------------------------------
    def receive(self, datagram: bytes, addr: Address, now: float) -> list[Action]:
        """Handle one received datagram from ``addr`` at time ``now``.

        Anything a peer can send gives actions or nothing, never an exception: garbage becomes
        at most a (rate-limited) ``Notice``, unknown commands are ignored quietly (§7.14).
        """
        self._now = now
        addr = (addr[0], addr[1])
        if addr[1] == self.settings.port and addr[0] in self.settings.local_addresses:
            return self.take_actions()  # our own broadcast, back through the loopback
        try:
            packet = parse_packet(datagram)
        except MalformedPacket as error:
            self._notice(
                ("malformed", addr[0]),
                f"Ignored a datagram from {format_address(addr)} that is not an IP Messenger "
                f"packet: {error.reason}.",
            )
            return self.take_actions()
        known = self.roster.find(addr, packet.user, packet.host)
        if known is not None:
            self.roster.heard(known.key, now)
        handler = self._handlers.get(packet.mode)
        if handler is not None:
            try:
                handler(packet, addr)
            except InvalidField as error:  # an answer we cannot write (e.g. not encodable)
                self._notice(("answer", addr, packet.mode), f"Could not answer: {error}")
        return self.take_actions()

    def tick(self, now: float) -> list[Action]:
        """Advance time to ``now``: delayed answers, retries, failures, the refresh deadline."""
        self._now = now
        while self._scheduled and self._scheduled[0][0] <= now:
            _due, _order, address, peer_utf8 = heapq.heappop(self._scheduled)
            self._scheduled_to.discard(address)
            self._answer_entry(address, peer_utf8)
        again, failed, dropped = self._deliveries.due(now)
        for item in again:
            self._outbox.append(Transmit(item.datagram, item.address))
        for item in failed:
            self._report_failure(item)
        for item in dropped:
            self._report_dropped(item)
        if self._refresh is not None and self._refresh[1] <= now:
            since, _deadline = self._refresh
            self._refresh = None
            for peer in self.roster.silent_since(since):
                self.roster.remove(peer.key)
                self._outbox.append(PeerLeft(peer, "did not answer the refresh"))
        self._start_deliveries(now)
        return self.take_actions()

    def next_deadline(self) -> float | None:
        """The time ``tick`` should next be called at, or None if nothing is waiting."""
        times = [self._scheduled[0][0]] if self._scheduled else []
        deliveries = self._deliveries.next_deadline()
        if deliveries is not None:
            times.append(deliveries)
        if self._refresh is not None:
            times.append(self._refresh[1])
        return min(times, default=None)

    def take_actions(self) -> list[Action]:
        """The actions queued since the last call, in order."""
        actions, self._outbox = self._outbox, []
        return actions

    # -- commands ---------------------------------------------------------------------------------
    def announce(self, *, now: float | None = None) -> None:
        """Broadcast BR_ENTRY to the targets (and contacts, and dial-up peers)."""
        self._time(now)
        self._present = True
        number = self._number()
        self._to_everyone(m.entry(self.identity, number, absent=self._absence is not None))

    def leave(self, *, now: float | None = None) -> None:
        """Broadcast BR_EXIT; messages still waiting are reported as not delivered."""
        self._time(now)
        self._present = False
        self._scheduled.clear()
        self._scheduled_to.clear()
        self._to_everyone(m.exit_(self.identity, self._number()))
        for item in self._deliveries.clear():
            if item.kind is Kind.MESSAGE:
                self._outbox.append(
                    MessageFailed(
                        item.message_id,
                        f"The message to {item.peer.label} was not delivered: you left the "
                        "network before it was acknowledged.",
                    )
                )

    def refresh(self, *, now: float | None = None) -> None:
        """Announce again; peers that say nothing within ``refresh_window`` are dropped."""
        now = self._time(now)
        self._refresh = (now, now + self.settings.refresh_window)
        self.announce(now=now)

    def set_absence(self, message: str | None, *, now: float | None = None) -> None:
        """Go away with ``message`` (auto-replied to messages), or come back with None."""
        self._time(now)
        self._absence = message
        number = self._number()
        self._to_everyone(m.absence(self.identity, number, absent=message is not None))

    def contact(self, address: Address, *, now: float | None = None) -> None:
        """Send BR_ENTRY to ``address`` directly (a peer beyond the broadcast's reach).

        The address is remembered: later announcements, away changes and the exit go to it too.
        """
        self._time(now)
        self._present = True
        address = (address[0], address[1])
        self._contacts[address] = None
        self._contacts.move_to_end(address)
        while len(self._contacts) > MAX_CONTACTS:
            self._contacts.popitem(last=False)
        entry = m.entry(self.identity, self._number(), absent=self._absence is not None)
        self._transmit(entry, address)

    def send_text(
        self,
        target: PeerKey | Address,
        text: str,
        sealed: bool = False,
        *,
        now: float | None = None,
    ) -> int:
        """Send ``text`` to a peer, with retries until it is acknowledged.

        Args:
            target: a peer's key; or an address, for the peer there, or for whoever listens
                there if nobody answered from it (sent in the legacy code page).
            text: the message.
            sealed: a sealed message; ``MessageRead`` comes when the peer opens it.
            now: the time (default: the last time the node was given).

        Returns:
            The message id of the ``MessageDelivered``/``MessageFailed``/``MessageRead`` to come.

        Raises:
            InvalidField: the text cannot be sent to this peer (too long, not encodable).
            UnknownPeer: ``target`` is a key the node never saw.
            TooManyPending: too many messages are waiting for their acknowledgement.
        """
        now = self._time(now)
        peer = self._resolve(target)
        make = functools.partial(
            m.send_msg,
            self.identity,
            to_dialect=peer.dialect,
            text=text,
            encoding=peer.encoding,
            sealed=sealed,
            peer_utf8=peer.utf8,
            read_check=sealed,
        )
        make(PACKET_NO_MAX)  # the longest number: any later one fits if this one does
        item = Outgoing(0, Kind.MESSAGE, peer, make, sealed=sealed)
        self._deliveries.add(item)
        item.message_id = next(self._message_ids)
        self._start_deliveries(now)
        return item.message_id

    def mark_read(self, key: PeerKey, packet_no: int, *, now: float | None = None) -> None:
        """The user opened sealed message ``packet_no`` from ``key``: send the read receipt."""
        now = self._time(now)
        read_check = self._unread.pop((key, packet_no), None)
        if read_check is None:
            return  # not sealed, already opened, or too old
        peer = self.roster.get(key) or self.roster.departed(key) or Peer(key)
        make = functools.partial(m.read_msg, self.identity, original=packet_no)
        if not read_check:
            self._transmit(make(self._number()), key.address)
            return
        make = functools.partial(make, read_check=True)
        item = Outgoing(0, Kind.READ_RECEIPT, peer, make, match=packet_no)
        self._deliveries.add(item)
        self._start_deliveries(now)

    def ask_info(self, key: PeerKey, *, now: float | None = None) -> None:
        """Ask a peer for its version (GETINFO); the answer comes as ``InfoReceived``."""
        self._ask(key, Mode.GETINFO, now)

    def ask_absence(self, key: PeerKey, *, now: float | None = None) -> None:
        """Ask a peer for its away message (GETABSENCEINFO)."""
        self._ask(key, Mode.GETABSENCEINFO, now)

    # -- handlers ---------------------------------------------------------------------------------
    def _on_entry(self, packet: Packet, addr: Address) -> None:
        self._learn(packet, addr)
        if packet.mode == Mode.BR_ENTRY and self._present:
            self._schedule_answer(addr, supports_utf8(packet))

    def _on_exit(self, packet: Packet, addr: Address) -> None:
        peer = self.roster.find(addr, packet.user, packet.host)
        if peer is None:
            legacy = self.identity.legacy_encoding
            peer = self.roster.get(peer_from_entry(packet, addr, legacy).key)
        if peer is not None:
            self.roster.remove(peer.key)
            self._outbox.append(PeerLeft(peer))

    def _on_message(self, packet: Packet, addr: Address) -> None:
        known = self.roster.find(addr, packet.user, packet.host)
        if known is None:  # a flood of unlisted senders must not open conversations without end
            refused = self.roster.stranger_refusal(addr, packet.user, packet.host, self._now)
            if refused is not None:
                self._notice(*refused)
                return
        sender = known or peer_from_packet(packet, addr, self.identity.legacy_encoding)
        first = self._seen.first_time((addr, packet.user, packet.host, packet.packet_no))
        if packet.options & Opt.ENCRYPTOPT:
            if first:  # not acknowledged: it was not read, and its sender should know
                self._outbox.append(
                    Notice(
                        f"{sender.label} sent an encrypted message, which cannot be read here; "
                        "it was not acknowledged."
                    )
                )
            return
        if m.needs_ack(packet):  # duplicates too: our first RECVMSG may have been lost
            self._transmit(m.recv_msg(self.identity, self._number(), packet.packet_no), addr)
        if not first:
            return
        if known is None and not packet.options & SendOpt.NOADDLISTOPT and self._present:
            # IPMsg asks an unknown sender to introduce itself [IPM-SRC MsgSendMsg] §1.5
            entry = m.entry(self.identity, self._number(), absent=self._absence is not None)
            self._transmit(entry, addr)
        self._outbox.append(self._message_event(packet, sender))
        sealed = bool(packet.options & SendOpt.SECRETOPT)
        if sealed:
            self._unread[(sender.key, packet.packet_no)] = bool(
                packet.options & SendOpt.READCHECKOPT
            )
            while len(self._unread) > MAX_UNREAD:
                self._unread.popitem(last=False)
        if self._absence is not None and m.may_auto_reply(packet):
            reply = m.send_msg(
                self.identity,
                self._number(),
                to_dialect=sender.dialect,
                text=self._absence,
                encoding=sender.encoding,
                peer_utf8=sender.utf8,
                auto_reply=True,
            )
            self._transmit(reply, addr)

    def _on_recvmsg(self, packet: Packet, addr: Address) -> None:
        original = original_packet_no(packet)
        if original is None:
            return
        item = self._deliveries.acknowledge(Kind.MESSAGE, addr[0], original)
        if item is not None:
            self._outbox.append(MessageDelivered(item.message_id))
            self._start_deliveries(self._now)

    def _on_readmsg(self, packet: Packet, addr: Address) -> None:
        original = original_packet_no(packet)
        if original is None:
            return
        ack = m.acknowledgement(self.identity, self._number(), packet)
        if ack is not None:
            self._transmit(ack, addr)
        message_id = self._sealed_sent.pop((addr[0], original), None)
        if message_id is not None:
            self._outbox.append(MessageRead(message_id))

    def _on_ansreadmsg(self, packet: Packet, addr: Address) -> None:
        original = original_packet_no(packet)
        if original is not None:
            self._deliveries.acknowledge(Kind.READ_RECEIPT, addr[0], original)
            self._start_deliveries(self._now)

    def _on_getinfo(self, packet: Packet, addr: Address) -> None:
        sender = self._sender(packet, addr)
        answer = m.send_info(
            self.identity,
            self._number(),
            self.settings.version_text,
            encoding=sender.encoding,
            peer_utf8=sender.utf8,
        )
        self._transmit(answer, addr)

    def _on_getabsenceinfo(self, packet: Packet, addr: Address) -> None:
        sender = self._sender(packet, addr)
        answer = m.send_absence_info(
            self.identity,
            self._number(),
            self._absence if self._absence is not None else m.NOT_ABSENT_TEXT,
            encoding=sender.encoding,
            peer_utf8=sender.utf8,
        )
        self._transmit(answer, addr)

    def _on_info(self, packet: Packet, addr: Address) -> None:
        sender = self._sender(packet, addr)
        encoding = peer_encoding(packet, detect_dialect(packet), self.identity.legacy_encoding)
        text = decode_message(packet, encoding).text
        if packet.mode == Mode.SENDINFO:
            self._outbox.append(InfoReceived(sender, "version", text))
            return
        news = sender.absent and text not in (m.NOT_ABSENT_TEXT, sender.absence_text)
        if news and sender.key in self.roster:
            sender = replace(sender, absence_text=text)
            self.roster.add(sender, (addr, packet.user, packet.host), self._now)
            self._outbox.append(PeerUpdated(sender))
        self._outbox.append(InfoReceived(sender, "absence", text))

    # -- helpers ----------------------------------------------------------------------------------
    def _learn(self, packet: Packet, addr: Address) -> Peer | None:
        """Add or update the peer an entry packet describes; announce the change."""
        legacy = self.identity.legacy_encoding
        raw = (addr, packet.user, packet.host)
        previous = self.roster.find(*raw)
        peer = peer_from_entry(packet, addr, legacy, previous)
        previous = previous or self.roster.get(peer.key)
        if previous is not None:
            peer = replace(peer, key=previous.key)
            if previous.absent and peer.absent and not peer.absence_text:
                peer = replace(peer, absence_text=previous.absence_text)
        if not self.roster.add(peer, raw, self._now):
            cause, text = self.roster.refusal(peer) or ("roster full", "The list is full.")
            self._notice(cause, text)  # full, or too many users at one address
            return None
        if previous is None:
            self._outbox.append(PeerJoined(peer))
            if peer.name_replaced:
                read_as = peer_encoding(packet, peer.dialect, legacy)
                self._notice(
                    ("undecodable", addr),
                    f"{format_address(addr)} sent a name that is not valid {read_as}; "
                    "it is shown with replacement characters (is the legacy code page right?).",
                )
        elif peer != previous:
            self._outbox.append(PeerUpdated(peer))
        if peer.absent and (previous is None or not previous.absent):
            self._request(Mode.GETABSENCEINFO, addr)  # to show "away: <message>"
        return peer

    def _message_event(self, packet: Packet, sender: Peer) -> MessageReceived:
        dialect = detect_dialect(packet)
        encoding = peer_encoding(packet, dialect, self.identity.legacy_encoding)
        decoded = decode_message(packet, encoding)
        text = decoded.text
        if dialect is Dialect.FEIQ:
            text = _strip_font(text)[0]
        names: tuple[str, ...] = ()
        if packet.options & Opt.FILEATTACHOPT:
            try:
                offers = parse_file_offers(packet.extra.partition(b"\0")[2])
            except MalformedPacket:
                offers = ()
            names = tuple(decode_text(o.name, encoding).text for o in offers)
        options = packet.options
        return MessageReceived(
            peer=sender,
            packet_no=packet.packet_no,
            text=text,
            sealed=bool(options & SendOpt.SECRETOPT),
            broadcast=bool(options & SendOpt.BROADCASTOPT),
            multicast=bool(options & SendOpt.MULTICASTOPT),
            auto_reply=bool(options & SendOpt.AUTORETOPT),
            attachments=names,
            replaced=decoded.replaced,
        )

    def _sender(self, packet: Packet, addr: Address) -> Peer:
        known = self.roster.find(addr, packet.user, packet.host)
        return known or peer_from_packet(packet, addr, self.identity.legacy_encoding)

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

    def _schedule_answer(self, address: Address, peer_utf8: bool) -> None:
        if address in self._scheduled_to:
            return  # a repeated BR_ENTRY within the delay gets one answer
        delay = self.settings.entry_answer_delay
        if delay is None:
            delay = next(d for size, d in _ANSWER_DELAYS if len(self.roster) >= size)
        if delay == 0 or len(self._scheduled) >= MAX_SCHEDULED:
            self._answer_entry(address, peer_utf8)
            return
        due = self._now + self._rng.uniform(0, delay)
        heapq.heappush(self._scheduled, (due, next(self._order), address, peer_utf8))
        self._scheduled_to.add(address)

    def _answer_entry(self, address: Address, peer_utf8: bool) -> None:
        answer = m.answer_entry(
            self.identity,
            self._number(),
            peer_utf8=peer_utf8,
            absent=self._absence is not None,
        )
        self._transmit(answer, address)

    def _start_deliveries(self, now: float) -> None:
        for item in self._deliveries.startable():
            number = self._number()
            datagram = format_packet(item.make(number))
            self._deliveries.sent(item, number, datagram, now)
            if item.sealed:
                self._sealed_sent[(item.address[0], number)] = item.message_id
                while len(self._sealed_sent) > MAX_SEALED_SENT:
                    self._sealed_sent.popitem(last=False)
            self._outbox.append(Transmit(datagram, item.address))

    def _report_failure(self, item: Outgoing) -> None:
        peer = item.peer
        tries = f"{item.tries} {'try' if item.tries == 1 else 'tries'}"
        if item.kind is Kind.READ_RECEIPT:
            self._outbox.append(
                Notice(f"{peer.label} did not acknowledge the read receipt after {tries}.")
            )
            return
        if peer.key not in self.roster and self.roster.departed(peer.key) is not None:
            why = f"{peer.name} has left the network"
        elif not peer.user_at_host:
            why = "no IP Messenger answered at that address"
        else:
            why = "no acknowledgement came back"
        self._outbox.append(
            MessageFailed(
                item.message_id,
                f"The message to {peer.label} was not delivered after {tries}: {why}.",
            )
        )

    def _report_dropped(self, item: Outgoing) -> None:
        if item.kind is Kind.MESSAGE:
            self._outbox.append(
                MessageFailed(
                    item.message_id,
                    f"The message to {item.peer.label} was not sent: the one before it was "
                    f"not acknowledged after {self.settings.tries} tries.",
                )
            )

    def _ask(self, key: PeerKey, mode: Mode, now: float | None) -> None:
        self._time(now)
        if key not in self.roster and self.roster.departed(key) is None:
            raise UnknownPeer(str(key))
        self._request(mode, key.address)

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
                "no targets",
                "There is no address to announce to, so other users will not see you; "
                "add a broadcast address or a peer's address.",
            )

    def _transmit(self, packet: Packet, address: Address) -> None:
        self._outbox.append(Transmit(format_packet(packet), address))

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

    def _notice(self, cause: object, text: str) -> None:
        last = self._noticed.get(cause)
        if last is not None and self._now - last < NOTICE_QUIET_S:
            return
        self._noticed[cause] = self._now
        self._noticed.move_to_end(cause)
        while len(self._noticed) > MAX_NOTICE_KEYS:
            self._noticed.popitem(last=False)
        self._outbox.append(Notice(text))

    def _time(self, now: float | None) -> float:
        if now is not None:
            self._now = now
        return self._now
