"""Messages: sending with retries until acknowledged, receiving once, sealed-message receipts.

Rules are the reference's §1.4-1.5 and §7: SENDCHECKOPT messages are acknowledged with
RECVMSG (duplicates too, shown once); one message in flight per peer so that packet numbers
stay ordered for iptux; READMSG/ANSREADMSG for sealed messages.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from dataclasses import replace

from desktop.core.ipmsg import messages as m
from desktop.core.ipmsg.constants import PACKET_NO_MAX, Opt, SendOpt
from desktop.core.ipmsg.delivery import Kind, Outgoing
from desktop.core.ipmsg.dialect import Dialect, detect_dialect
from desktop.core.ipmsg.events import (
    Address,
    FilesOffered,
    MessageDelivered,
    MessageFailed,
    MessageRead,
    MessageReceived,
    Notice,
    Peer,
    PeerKey,
    Transmit,
)
from desktop.core.ipmsg.node_core import NodeCore
from desktop.core.ipmsg.offer_codec import read_offer
from desktop.core.ipmsg.packet import Packet, format_packet
from desktop.core.ipmsg.packet_errors import InvalidField, MalformedPacket
from desktop.core.ipmsg.text import decode_message, original_packet_no
from desktop.core.ipmsg.text import strip_feiq_font as _strip_font
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence, translate

__all__ = ["MAX_SEALED_SENT", "MAX_UNREAD", "MessageHandling"]

# Sealed messages received and not opened yet: their read receipt waits for ``mark_read``.
# Beyond 1,024 unopened ones the oldest loses its receipt (it can still be read).
MAX_UNREAD = 1024
# Sealed messages we sent, waiting for the peer's READMSG; a receipt for an older one is
# ignored (the message itself was delivered and reported).
MAX_SEALED_SENT = 1024


class MessageHandling(NodeCore):
    """Sending, receiving and acknowledging messages for a ``MessengerNode``."""

    def _init_chat(self) -> None:
        self._unread: OrderedDict[tuple[PeerKey, int], bool] = OrderedDict()
        self._sealed_sent: OrderedDict[tuple[str, int], int] = OrderedDict()

    # -- commands ---------------------------------------------------------------------------------
    def send_text(
        self,
        target: PeerKey | Address,
        text: str,
        sealed: bool = False,
        *,
        multicast: bool = False,
        now: float | None = None,
    ) -> int:
        """Send ``text`` to a peer, with retries until it is acknowledged.

        Args:
            target: a peer's key; or an address, for the peer there, or for whoever listens
                there if nobody answered from it (sent in the legacy code page).
            text: the message.
            sealed: a sealed message; ``MessageRead`` comes when the peer opens it.
            multicast: one of several recipients of the same text (MULTICASTOPT, as IPMsg
                marks a message sent to a selection of users).
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
            encoding=self._encoding_for(peer),
            sealed=sealed,
            peer_utf8=peer.utf8,
            read_check=sealed,
            multicast=multicast,
        )
        make(PACKET_NO_MAX)  # the longest number: any later one fits if this one does
        item = Outgoing(0, Kind.MESSAGE, peer, make, sealed=sealed)
        self._deliveries.add(item)
        item.message_id = next(self._message_ids)
        self._start_deliveries(now)
        return item.message_id

    def broadcast_text(self, text: str, *, now: float | None = None) -> int:
        """Send ``text`` to every peer in the list with BROADCASTOPT; returns how many got it.

        A broadcast is neither acknowledged nor auto-replied (§1.5), so it is sent once, each
        peer in its own encoding. A peer whose encoding cannot carry the text is skipped with
        a ``Notice``.
        """
        self._time(now)
        sent = 0
        for peer in self.roster:
            try:
                packet = m.send_msg(
                    self.identity,
                    self._number(),
                    to_dialect=peer.dialect,
                    text=text,
                    encoding=self._encoding_for(peer),
                    peer_utf8=peer.utf8,
                )
            except InvalidField as error:
                self._outbox.append(
                    Notice(
                        sentence(
                            QT_TRANSLATE_NOOP(
                                "core", "The broadcast message was not sent to {peer}: {reason}"
                            ),
                            peer=peer.label,
                            reason=error.sentence,
                        )
                    )
                )
                continue
            command = packet.command & ~int(SendOpt.SENDCHECKOPT) | SendOpt.BROADCASTOPT
            self._transmit(replace(packet, command=command), peer.address)
            sent += 1
        return sent

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

    # -- time -------------------------------------------------------------------------------------
    def _deliveries_due(self, now: float) -> None:
        """Retry what is due; report what failed or was dropped behind a failure."""
        again, failed, dropped = self._deliveries.due(now)
        for item in again:
            self._outbox.append(Transmit(item.datagram, item.address))
        for item in failed:
            self._report_failure(item)
        for item in dropped:
            self._report_dropped(item)

    # -- handlers ---------------------------------------------------------------------------------
    def _on_message(self, packet: Packet, addr: Address) -> None:
        known = self.roster.find(addr, packet.user, packet.host)
        if known is None:  # a flood of unlisted senders must not open conversations without end
            refused = self.roster.stranger_refusal(addr, packet.user, packet.host, self._now)
            if refused is not None:
                self._notice(*refused)
                return
        sender = self._sender(packet, addr)
        first = self._seen.first_time((addr, packet.user, packet.host, packet.packet_no))
        if packet.options & Opt.ENCRYPTOPT:
            if first:  # not acknowledged: it was not read, and its sender should know
                self._outbox.append(
                    Notice(
                        sentence(
                            QT_TRANSLATE_NOOP(
                                "core",
                                "{sender} sent an encrypted message, which cannot be read here; "
                                "it was not acknowledged.",
                            ),
                            sender=sender.label,
                        )
                    )
                )
            return
        # Duplicates too: our first RECVMSG may have been lost. Not twice: ``quick_ack`` may
        # have answered this very datagram already.
        if m.needs_ack(packet) and not self._acked_now:
            self._transmit(m.recv_msg(self.identity, self._number(), packet.packet_no), addr)
        if not first:
            return
        if known is None and not packet.options & SendOpt.NOADDLISTOPT and self._present:
            # IPMsg asks an unknown sender to introduce itself [IPM-SRC MsgSendMsg] §1.5
            entry = m.entry(self.identity, self._number(), absent=self._absence is not None)
            self._transmit(entry, addr)
        self._early()  # the acknowledgement leaves now; the event is built after
        self._outbox.append(self._message_event(packet, sender, addr))
        sealed = bool(packet.options & SendOpt.SECRETOPT)
        if sealed:
            self._unread[(sender.key, packet.packet_no)] = bool(
                packet.options & SendOpt.READCHECKOPT
            )
            while len(self._unread) > MAX_UNREAD:
                self._unread.popitem(last=False)
        self._auto_reply(packet, sender, addr)

    def _auto_reply(self, packet: Packet, sender: Peer, addr: Address) -> None:
        """Answer with the away message when away (see ``AbsenceHandling``)."""

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

    # -- helpers ----------------------------------------------------------------------------------
    def _message_event(self, packet: Packet, sender: Peer, addr: Address) -> MessageReceived:
        dialect = detect_dialect(packet)
        encoding = self._read_as(packet, addr)
        decoded = decode_message(packet, encoding)
        text = decoded.text
        if dialect is Dialect.FEIQ:
            text = _strip_font(text)[0]
        offer = None
        if packet.options & Opt.FILEATTACHOPT:
            try:
                offer = read_offer(packet, sender, encoding)
            except MalformedPacket as error:  # the text is still shown
                self._notice(
                    ("offer", addr, packet.packet_no),
                    sentence(
                        QT_TRANSLATE_NOOP(
                            "core",
                            "{sender} offered files, but the list of them cannot be read, so "
                            "the offer was dropped: {reason}.",
                        ),
                        sender=sender.label,
                        reason=error.reason,
                    ),
                )
        options = packet.options
        return MessageReceived(
            peer=sender,
            packet_no=packet.packet_no,
            text=text,
            sealed=bool(options & SendOpt.SECRETOPT),
            broadcast=bool(options & SendOpt.BROADCASTOPT),
            multicast=bool(options & SendOpt.MULTICASTOPT),
            auto_reply=bool(options & SendOpt.AUTORETOPT),
            replaced=decoded.replaced,
            offer=offer,
        )

    def _start_deliveries(self, now: float) -> None:
        for item in self._deliveries.startable():
            number = self._number()
            datagram = format_packet(item.make(number))
            self._deliveries.sent(item, number, datagram, now)
            if item.offer is not None:  # registered before the peer can ask for the files
                offer = replace(item.offer, packet_no=number)
                self._outbox.append(FilesOffered(item.message_id, offer))
            if item.sealed:
                self._sealed_sent[(item.address[0], number)] = item.message_id
                while len(self._sealed_sent) > MAX_SEALED_SENT:
                    self._sealed_sent.popitem(last=False)
            self._outbox.append(Transmit(datagram, item.address))

    def _report_failure(self, item: Outgoing) -> None:
        peer = item.peer
        tries = _tries(item.tries)
        if item.kind is Kind.READ_RECEIPT:
            self._outbox.append(
                Notice(
                    sentence(
                        QT_TRANSLATE_NOOP(
                            "core", "{peer} did not acknowledge the read receipt after {tries}."
                        ),
                        peer=peer.label,
                        tries=tries,
                    )
                )
            )
            return
        if peer.key not in self.roster and self.roster.departed(peer.key) is not None:
            why = sentence(QT_TRANSLATE_NOOP("core", "{name} has left the network"), name=peer.name)
        elif not peer.user_at_host:
            why = sentence(QT_TRANSLATE_NOOP("core", "no IP Messenger answered at that address"))
        else:
            why = sentence(QT_TRANSLATE_NOOP("core", "no acknowledgement came back"))
        self._outbox.append(
            MessageFailed(
                item.message_id,
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core", "The message to {peer} was not delivered after {tries}: {why}."
                    ),
                    peer=peer.label,
                    tries=tries,
                    why=why,
                ),
            )
        )

    def _report_dropped(self, item: Outgoing) -> None:
        if item.kind is Kind.MESSAGE:
            self._outbox.append(
                MessageFailed(
                    item.message_id,
                    sentence(
                        QT_TRANSLATE_NOOP(
                            "core",
                            "The message to {peer} was not sent: the one before it was not "
                            "acknowledged after {tries}.",
                        ),
                        peer=item.peer.label,
                        tries=_tries(self.settings.tries),
                    ),
                )
            )


def _tries(count: int) -> Sentence:
    """``3 tries``."""
    return translate("core", "%n tr(y|ies)", None, 1).counting(count)
