"""Offering files: SENDMSG|FILEATTACHOPT out, RELEASEFILES both ways (reference §3.1).

Received offers are read with the messages (``node_chat``); the files themselves move over TCP,
which ``ipmsg_io`` does: this part only says what is offered, under which packet number.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from desktop.core.ipmsg import messages as m
from desktop.core.ipmsg.constants import PACKET_NO_MAX, Opt
from desktop.core.ipmsg.delivery import Kind, Outgoing
from desktop.core.ipmsg.events import Address, OfferReleased, PeerKey
from desktop.core.ipmsg.node_chat import MessageHandling
from desktop.core.ipmsg.offer_codec import offer_list, offered_as_sent
from desktop.core.ipmsg.offers import Offer, OfferedFile
from desktop.core.ipmsg.packet import Packet
from desktop.core.ipmsg.text import original_packet_no

__all__ = ["FileOffering"]


class FileOffering(MessageHandling):
    """Offering files and declining offers for a ``MessengerNode``."""

    def send_files(
        self,
        target: PeerKey | Address,
        files: Sequence[OfferedFile],
        text: str = "",
        *,
        now: float | None = None,
    ) -> int:
        """Offer ``files`` to a peer (SENDMSG|FILEATTACHOPT), with retries as ``send_text``.

        Names go in the peer's encoding, ``:`` replaced by ``;`` (iptux cannot parse ``::``).
        When the SENDMSG first leaves, a ``FilesOffered`` event just before its datagram gives
        its packet number (what the peer's requests and RELEASEFILES name) and the files as
        sent; delivery is then reported as for a message.

        Returns:
            The message id of the ``FilesOffered`` and ``MessageDelivered``/``MessageFailed``.

        Raises:
            UnencodableName: a name has a character the peer's encoding lacks.
            InvalidField: no files, a bad name or number, or the offer is too long for the peer.
            UnknownPeer: ``target`` is a key the node never saw.
            TooManyPending: too many messages are waiting for their acknowledgement.
        """
        now = self._time(now)
        peer = self._resolve(target)
        encoding = self._encoding_for(peer)
        make = functools.partial(
            m.send_msg,
            self.identity,
            to_dialect=peer.dialect,
            text=text,
            encoding=encoding,
            peer_utf8=peer.utf8,
            files=offer_list(files, encoding),
        )
        utf8 = bool(make(PACKET_NO_MAX).options & Opt.UTF8OPT)  # any later number fits too
        sent = offered_as_sent(files)
        offer = Offer(peer, 0, sent, encoding="utf-8" if utf8 else encoding, utf8=utf8)
        item = Outgoing(0, Kind.MESSAGE, peer, make, offer=offer)
        self._deliveries.add(item)
        item.message_id = next(self._message_ids)
        self._start_deliveries(now)
        return item.message_id

    def release_files(self, target: PeerKey | Address, packet_no: int) -> None:
        """Tell a peer we will not fetch its offer ``packet_no`` (RELEASEFILES, sent once:
        nobody acknowledges it) (§3.1)."""
        peer = self._resolve(target)
        self._transmit(m.release_files(self.identity, self._number(), packet_no), peer.address)

    def _on_releasefiles(self, packet: Packet, addr: Address) -> None:
        original = original_packet_no(packet)
        if original is not None:
            self._outbox.append(OfferReleased(self._sender(packet, addr), original))
