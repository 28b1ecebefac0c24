"""Presence: announcing ourselves, answering entries, learning who comes, changes and goes.

Rules are the reference's §1.3-1.4: BR_ENTRY is answered with ANSENTRY after a random delay
that grows with the size of the LAN; BR_ABSENCE and ANSENTRY are not answered; ``refresh``
drops the peers that stay silent.
"""

from __future__ import annotations

import heapq
import itertools
from dataclasses import replace

from desktop.core.ipmsg import messages as m
from desktop.core.ipmsg.constants import Mode
from desktop.core.ipmsg.delivery import Kind
from desktop.core.ipmsg.dialect import supports_utf8
from desktop.core.ipmsg.events import (
    Address,
    MessageFailed,
    Peer,
    PeerJoined,
    PeerLeft,
    PeerUpdated,
    format_address,
)
from desktop.core.ipmsg.node_core import MAX_CONTACTS, NodeCore
from desktop.core.ipmsg.packet import Packet
from desktop.core.ipmsg.roster import peer_from_entry
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

# Why a peer left without saying so.
_SILENT = sentence(QT_TRANSLATE_NOOP("core", "did not answer the refresh"))
_FULL = sentence(QT_TRANSLATE_NOOP("core", "The list is full."))

__all__ = ["MAX_SCHEDULED", "PresenceHandling"]

# BR_ENTRY answers waiting for their random delay. A flood of entries beyond 1,024 is answered
# at once: one answer per entry either way, so this bounds memory without amplifying anything.
MAX_SCHEDULED = 1024

_ANSWER_DELAYS = ((300, 4.095), (50, 2.047), (0, 1.023))  # IPMsg SetAnswerQueue, §1.4


class PresenceHandling(NodeCore):
    """Entries, exits, refresh and contacts of a ``MessengerNode``."""

    def _init_presence(self) -> None:
        self._scheduled: list[tuple[float, int, Address, bool]] = []
        self._scheduled_to: set[Address] = set()
        self._order = itertools.count()
        self._refresh: tuple[int, float] | None = None  # (the roster's mark, deadline)

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
                        sentence(
                            QT_TRANSLATE_NOOP(
                                "core",
                                "The message to {peer} was not delivered: you left the network "
                                "before it was acknowledged.",
                            ),
                            peer=item.peer.label,
                        ),
                    )
                )

    def refresh(self, *, now: float | None = None) -> None:
        """Announce again; peers that say nothing within ``refresh_window`` are dropped."""
        now = self._time(now)
        self._refresh = (self.roster.mark(), now + self.settings.refresh_window)
        self.announce(now=now)

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

    # -- time -------------------------------------------------------------------------------------
    def _answers_due(self, now: float) -> None:
        """Send the entry answers whose delay is over."""
        while self._scheduled and self._scheduled[0][0] <= now:
            _due, _order, address, peer_utf8 = heapq.heappop(self._scheduled)
            self._scheduled_to.discard(address)
            self._answer_entry(address, peer_utf8)

    def _refresh_due(self, now: float) -> None:
        """Drop the peers that did not answer a refresh whose window is over."""
        if self._refresh is not None and self._refresh[1] <= now:
            since, _deadline = self._refresh
            self._refresh = None
            for peer in self.roster.silent_since(since):
                self.roster.remove(peer.key)
                self._outbox.append(PeerLeft(peer, _SILENT))

    def _presence_deadlines(self) -> list[float]:
        times = [self._scheduled[0][0]] if self._scheduled else []
        if self._refresh is not None:
            times.append(self._refresh[1])
        return times

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

    def _learn(self, packet: Packet, addr: Address) -> Peer | None:
        """Add or update the peer an entry packet describes; announce the change."""
        legacy = self.identity.legacy_encoding
        raw = (addr, packet.user, packet.host)
        previous = self.roster.find(*raw)
        peer = peer_from_entry(packet, addr, legacy, previous)
        peer = self._overridden(peer, packet, addr, entry=True)
        previous = previous or self.roster.get(peer.key)
        if previous is not None:
            peer = replace(peer, key=previous.key)
            if previous.absent and peer.absent and not peer.absence_text:
                peer = replace(peer, absence_text=previous.absence_text)
        if not self.roster.add(peer, raw, self._now):
            cause, text = self.roster.refusal(peer) or ("roster full", _FULL)
            self._notice(cause, text)  # full, or too many users at one address
            return None
        if previous is None:
            self._outbox.append(PeerJoined(peer))
            if peer.name_replaced:
                read_as = self._read_as(packet, addr)
                self._notice(
                    ("undecodable", addr),
                    sentence(
                        QT_TRANSLATE_NOOP(
                            "core",
                            "{address} sent a name that is not valid {encoding}; it is shown "
                            "with replacement characters (is the legacy code page right?).",
                        ),
                        address=format_address(addr),
                        encoding=read_as,
                    ),
                )
        elif peer != previous:
            self._outbox.append(PeerUpdated(peer))
        if peer.absent and (previous is None or not previous.absent):
            self._request(Mode.GETABSENCEINFO, addr)  # to show "away: <message>"
        return peer

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
