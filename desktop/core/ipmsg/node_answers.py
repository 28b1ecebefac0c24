"""Away mode and information requests: BR_ABSENCE, auto-replies, GETINFO and GETABSENCEINFO.

Rules are the reference's §1.4-1.5: an away node answers a message with its away text marked
AUTORETOPT, never to a broadcast nor to another auto-reply, and not at every line of a chatty
peer: once per peer per ``NodeSettings.auto_reply_quiet``. GETINFO is answered with our
version, GETABSENCEINFO with the away text or IPMsg's "Not absence mode".
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from desktop.core.ipmsg import messages as m
from desktop.core.ipmsg.constants import Mode
from desktop.core.ipmsg.dialect import Dialect
from desktop.core.ipmsg.events import Address, InfoReceived, Peer, PeerKey, PeerUpdated
from desktop.core.ipmsg.messenger_errors import UnknownPeer
from desktop.core.ipmsg.node_chat import MessageHandling
from desktop.core.ipmsg.packet import Packet
from desktop.core.ipmsg.text import decode_message

__all__ = ["MAX_REPLIED", "AbsenceHandling"]

# Peers answered with the away message lately (each for ``auto_reply_quiet``); past 1,024 the
# oldest is forgotten and may get the away message once more, which is harmless.
MAX_REPLIED = 1024


class AbsenceHandling(MessageHandling):
    """Away mode, auto-replies and information answers of a ``MessengerNode``."""

    def _init_absence(self) -> None:
        self._replied: OrderedDict[Address, float] = OrderedDict()

    # -- commands ---------------------------------------------------------------------------------
    def set_absence(self, message: str | None, *, now: float | None = None) -> None:
        """Go away with ``message`` (auto-replied to messages), or come back with None."""
        self._time(now)
        self._absence = message
        self._replied.clear()  # a new away message is news to everyone
        number = self._number()
        self._to_everyone(m.absence(self.identity, number, absent=message is not None))
        # iptux reads a BR_ABSENCE's names without decoding them when it carries the encoding
        # field, so our names would look garbled there until the next entry: an all-UTF-8
        # ANSENTRY, which it decodes, says the same thing to each iptux peer.
        for peer in self.roster:
            if peer.dialect is Dialect.IPTUX:
                answer = m.answer_entry(
                    self.identity, self._number(), peer_utf8=True, absent=message is not None
                )
                self._transmit(answer, peer.address)

    def ask_info(self, key: PeerKey, *, now: float | None = None) -> None:
        """Ask a peer for its version (GETINFO); the answer comes as ``InfoReceived``."""
        self._ask(key, Mode.GETINFO, now)

    def ask_absence(self, key: PeerKey, *, now: float | None = None) -> None:
        """Ask a peer for its away message (GETABSENCEINFO)."""
        self._ask(key, Mode.GETABSENCEINFO, now)

    # -- handlers ---------------------------------------------------------------------------------
    def _auto_reply(self, packet: Packet, sender: Peer, addr: Address) -> None:
        """The away message, to a plain message, once per peer per ``auto_reply_quiet``."""
        if self._absence is None or not m.may_auto_reply(packet):
            return
        last = self._replied.get(addr)
        if last is not None and self._now - last < self.settings.auto_reply_quiet:
            return
        self._replied[addr] = self._now
        self._replied.move_to_end(addr)
        while len(self._replied) > MAX_REPLIED:
            self._replied.popitem(last=False)
        reply = m.send_msg(
            self.identity,
            self._number(),
            to_dialect=sender.dialect,
            text=self._absence,
            encoding=self._encoding_for(sender),
            peer_utf8=sender.utf8,
            auto_reply=True,
        )
        self._transmit(reply, addr)

    def _on_getinfo(self, packet: Packet, addr: Address) -> None:
        sender = self._sender(packet, addr)
        answer = m.send_info(
            self.identity,
            self._number(),
            self.settings.version_text,
            encoding=self._encoding_for(sender),
            peer_utf8=sender.utf8,
        )
        self._transmit(answer, addr)

    def _on_getabsenceinfo(self, packet: Packet, addr: Address) -> None:
        sender = self._sender(packet, addr)
        answer = m.send_absence_info(
            self.identity,
            self._number(),
            self._absence if self._absence is not None else m.NOT_ABSENT_TEXT,
            encoding=self._encoding_for(sender),
            peer_utf8=sender.utf8,
        )
        self._transmit(answer, addr)

    def _on_info(self, packet: Packet, addr: Address) -> None:
        sender = self._sender(packet, addr)
        text = decode_message(packet, self._read_as(packet, addr)).text
        if packet.mode == Mode.SENDINFO:
            self._outbox.append(InfoReceived(sender, "version", text))
            return
        news = sender.absent and text not in (m.NOT_ABSENT_TEXT, sender.absence_text)
        if news and sender.key in self.roster:
            sender = replace(sender, absence_text=text, encoding=self._encoding_for(sender))
            self.roster.add(sender, (addr, packet.user, packet.host), self._now)
            self._outbox.append(PeerUpdated(sender))
        self._outbox.append(InfoReceived(sender, "absence", text))

    # -- helpers ----------------------------------------------------------------------------------
    def _ask(self, key: PeerKey, mode: Mode, now: float | None) -> None:
        self._time(now)
        if key not in self.roster and self.roster.departed(key) is None:
            raise UnknownPeer(str(key))
        self._request(mode, key.address)
