"""A messenger node as a sans-IO state machine: datagrams and time in, actions out.

``MessengerNode`` is one IP Messenger user: it keeps the roster, answers entries, acknowledges
and de-duplicates messages, retries its own until they are acknowledged, sends read receipts
and away replies. It owns no socket and reads no clock: the caller passes every received
datagram with its sender and the time (``receive``), calls ``tick`` when ``next_deadline``
comes, and carries out the returned actions (``Transmit`` datagrams; events for the user).
Commands (``announce``, ``send_text``...) queue their actions; ``take_actions`` hands them out,
and so do ``receive`` and ``tick``. A caller that owns the socket may set ``hand_out_early``:
``receive`` then hands it the acknowledgement of a message before building the message's event
(the RECVMSG leaves sooner), and returns the rest. Sooner still, ``quick_ack`` writes the
RECVMSG of a listed peer's message from the raw datagram (``quick_ack.py``), before
``receive`` parses it; ``receive(..., acked=True)`` then does the rest without answering
twice. Rules are the reference's §1.4-1.5, §2 and §7.

The work is split by job: ``node_presence`` (entries, exits, refresh), ``node_chat``
(messages, delivery, read receipts), ``node_files`` (offering files, RELEASEFILES),
``node_answers`` (away mode, auto-replies, information requests), all over the shared state
of ``node_core``.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from desktop.core.ipmsg.constants import Mode
from desktop.core.ipmsg.events import Action, Address, Peer, format_address
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.node_answers import AbsenceHandling
from desktop.core.ipmsg.node_files import FileOffering
from desktop.core.ipmsg.node_presence import PresenceHandling
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg.packet import Packet, parse_packet
from desktop.core.ipmsg.packet_errors import InvalidField, MalformedPacket
from desktop.core.ipmsg.quick_ack import AckTemplate
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = ["MessengerNode"]


class MessengerNode(PresenceHandling, AbsenceHandling, FileOffering):
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
        super().__init__(identity, settings, seed=seed, rng=rng)
        self._init_presence()
        self._init_chat()
        self._init_absence()
        self._handlers: dict[int, Callable[[Packet, Address], None]] = {
            Mode.BR_ENTRY: self._on_entry,
            Mode.ANSENTRY: self._on_entry,
            Mode.BR_ABSENCE: self._on_entry,
            Mode.BR_EXIT: self._on_exit,
            Mode.SENDMSG: self._on_message,
            Mode.RECVMSG: self._on_recvmsg,
            Mode.READMSG: self._on_readmsg,
            Mode.ANSREADMSG: self._on_ansreadmsg,
            Mode.RELEASEFILES: self._on_releasefiles,
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
    def receive(
        self, datagram: bytes, addr: Address, now: float, *, acked: bool = False
    ) -> list[Action]:
        """Handle one received datagram from ``addr`` at time ``now``.

        ``acked``: the caller already sent ``quick_ack``'s RECVMSG for this very datagram.
        Anything a peer can send gives actions or nothing, never an exception: garbage becomes
        at most a (rate-limited) ``Notice``, unknown commands are ignored quietly (§7.14).
        """
        self._now = now
        self._acked_now = acked
        addr = (addr[0], addr[1])
        if addr[1] == self.settings.port and addr[0] in self.settings.local_addresses:
            return self.take_actions()  # our own broadcast, back through the loopback
        try:
            packet = parse_packet(datagram)
        except MalformedPacket as error:
            self._notice(
                ("malformed", addr[0]),
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "Ignored a datagram from {address} that is not an IP Messenger packet: "
                        "{reason}.",
                    ),
                    address=format_address(addr),
                    reason=error.reason,
                ),
            )
            return self.take_actions()
        known = self.roster.find(addr, packet.user, packet.host)
        if known is not None:
            self.roster.heard(known.key)
        handler = self._handlers.get(packet.mode)
        if handler is not None:
            try:
                handler(packet, addr)
            except InvalidField as error:  # an answer we cannot write (e.g. not encodable)
                said = sentence(
                    QT_TRANSLATE_NOOP("core", "Could not answer: {reason}"), reason=error.sentence
                )
                self._notice(("answer", addr, packet.mode), said)
        return self.take_actions()

    def quick_ack(self, datagram: bytes, addr: Address) -> bytes | None:
        """The RECVMSG to send at once if ``datagram`` is a listed peer's message asking for one.

        For the caller that owns the socket: it sends these bytes, then hands the same datagram
        to ``receive(..., acked=True)``, which does all the rest (the message shown once, the
        sealed receipt, the auto-reply...) without acknowledging it again. The bytes are the
        RECVMSG ``receive`` would have sent; None whenever ``receive`` must decide (garbage, a
        stranger, a broadcast, an automatic reply, our own datagram, the packet numbers about
        to wrap). Duplicates are answered too, as ``receive`` answers them.
        """
        template = self._ack_template
        if template.identity is not self.identity:
            template = self._ack_template = AckTemplate(self.identity)
        return template.answer(datagram, addr, self.settings, self.roster.aliases, self._numbers)

    def tick(self, now: float) -> list[Action]:
        """Advance time to ``now``: delayed answers, retries, failures, the refresh deadline."""
        self._now = now
        self._answers_due(now)
        self._deliveries_due(now)
        self._refresh_due(now)
        self._start_deliveries(now)
        return self.take_actions()

    def next_deadline(self) -> float | None:
        """The time ``tick`` should next be called at, or None if nothing is waiting."""
        times = self._presence_deadlines()
        deliveries = self._deliveries.next_deadline()
        if deliveries is not None:
            times.append(deliveries)
        return min(times, default=None)

    def take_actions(self) -> list[Action]:
        """The actions queued since the last call, in order."""
        actions, self._outbox = self._outbox, []
        return actions
