"""Reliable sending over UDP: tries until an acknowledgement, one message at a time per peer.

A message is sent, then sent again every ``interval`` seconds until its RECVMSG arrives, at most
``tries`` times; one ``interval`` after the last try it has failed (§1.5). Messages to one peer
wait for the one before them: this keeps them in order, and iptux silently drops (but still
acknowledges) a packet numbered below the last it saw from that address (§1.5, §7.6), which a
retry overtaken by a later message would be. Sans-IO: times are passed in.

Also here: ``SeenPackets``, the window that shows a repeated message only once.
"""

from __future__ import annotations

import enum
from collections import OrderedDict, deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from desktop.core.ipmsg.events import Address, Peer
from desktop.core.ipmsg.messenger_errors import TooManyPending
from desktop.core.ipmsg.offers import Offer
from desktop.core.ipmsg.packet import Packet

__all__ = ["MAX_PENDING", "MAX_SEEN", "Deliveries", "Kind", "Outgoing", "SeenPackets"]

# Each waiting message holds its datagram (up to 32 KiB for IPMsg peers): 256 of them stay
# under 8 MiB, and a user or script that queues more than 256 unacknowledged messages is better
# told to wait than allowed to grow memory without end.
MAX_PENDING = 256
# Repeats of one message come within seconds (IPMsg 6 x 750 ms, iptux 4 x 1 s, FeiQ 5 s), but
# IPMsg's "retry" button resends the same packet number minutes later; the last 4,096 packets
# cover both at any realistic rate, at about 100 bytes each.
MAX_SEEN = 4096


class Kind(enum.Enum):
    """What is waiting for an acknowledgement."""

    MESSAGE = "message"  # SENDMSG|SENDCHECKOPT, acknowledged by RECVMSG <our number>
    READ_RECEIPT = "read receipt"  # READMSG|READCHECKOPT, acknowledged by ANSREADMSG <theirs>


@dataclass(slots=True, eq=False)
class Outgoing:
    """One packet waiting for its acknowledgement.

    Attributes:
        message_id: the id the user interface knows it by.
        kind: message or read receipt.
        peer: the recipient.
        make: builds the packet for a packet number (numbers are given at the first try, so
            they increase on the wire in the order packets leave).
        match: the number the acknowledgement carries (ours for a message, the sealed
            message's for a read receipt); None until known.
        sealed: a sealed message (its READMSG is reported as read).
        offer: the files a message offers (``packet_no`` is filled in when it is sent).
        datagram: the bytes sent, once sent.
        tries: how many times it was sent.
        next_at: when to try again (or fail, after the last try).
    """

    message_id: int
    kind: Kind
    peer: Peer
    make: Callable[[int], Packet]
    match: int | None = None
    sealed: bool = False
    offer: Offer | None = None
    datagram: bytes = b""
    tries: int = 0
    next_at: float = 0.0

    @property
    def address(self) -> Address:
        """Where it goes."""
        return self.peer.address


class Deliveries:
    """Packets waiting for acknowledgements, with their retry timers.

    Args:
        interval: seconds between tries.
        tries: tries before failing.
        cap: the most packets waiting at once (``TooManyPending`` beyond).
    """

    def __init__(self, interval: float, tries: int, cap: int = MAX_PENDING) -> None:
        self.interval = interval
        self.tries = tries
        self.cap = cap
        self._channels: dict[tuple[Kind, Address], deque[Outgoing]] = {}
        self._sent: dict[tuple[Kind, str, int], Outgoing] = {}
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def add(self, item: Outgoing) -> None:
        """Queue ``item`` behind the others to the same peer.

        Raises:
            TooManyPending: ``cap`` packets are already waiting.
        """
        if self._count >= self.cap:
            raise TooManyPending(self.cap)
        self._channels.setdefault((item.kind, item.address), deque()).append(item)
        self._count += 1

    def startable(self) -> list[Outgoing]:
        """Packets at the head of their queue that were never sent: send them now."""
        return [queue[0] for queue in self._channels.values() if queue[0].tries == 0]

    def sent(self, item: Outgoing, number: int, datagram: bytes, now: float) -> None:
        """``item`` went out for the first time as packet ``number``."""
        if item.match is None:
            item.match = number
        item.datagram = datagram
        item.tries = 1
        item.next_at = now + self.interval
        self._sent[(item.kind, item.address[0], item.match)] = item

    def acknowledge(self, kind: Kind, ip: str, number: int) -> Outgoing | None:
        """The acknowledgement of ``number`` came from ``ip``: the item it settles, if any.

        Matched on the IP only: iptux answers from port 2425 whatever port we sent to (§1.5).
        """
        item = self._sent.pop((kind, ip, number), None)
        if item is not None:
            self._remove_head(item)
        return item

    def due(self, now: float) -> tuple[list[Outgoing], list[Outgoing], list[Outgoing]]:
        """Advance the timers to ``now``.

        Returns:
            (to send again, failed after their last try, queued behind a failed one: they fail
            too, unsent, rather than each waiting out its own tries to a silent peer).
        """
        again: list[Outgoing] = []
        failed: list[Outgoing] = []
        dropped: list[Outgoing] = []
        for key, queue in list(self._channels.items()):
            item = queue[0]
            if item.tries == 0 or item.next_at > now:
                continue
            if item.tries < self.tries:
                item.tries += 1
                later = item.next_at + self.interval
                item.next_at = later if later > now else now + self.interval
                again.append(item)
                continue
            assert item.match is not None
            del self._sent[(item.kind, item.address[0], item.match)]
            del self._channels[key]
            self._count -= len(queue)
            failed.append(item)
            dropped.extend(list(queue)[1:])
        return again, failed, dropped

    def next_deadline(self) -> float | None:
        """When ``due`` next has something to do."""
        times = [q[0].next_at for q in self._channels.values() if q[0].tries]
        return min(times, default=None)

    def clear(self) -> list[Outgoing]:
        """Forget everything waiting; returns it (sent or not)."""
        items = [item for queue in self._channels.values() for item in queue]
        self._channels.clear()
        self._sent.clear()
        self._count = 0
        return items

    def _remove_head(self, item: Outgoing) -> None:
        key = (item.kind, item.address)
        queue = self._channels[key]
        queue.popleft()  # only the head of a queue is ever sent, so only it is acknowledged
        self._count -= 1
        if not queue:
            del self._channels[key]


class SeenPackets:
    """The last ``cap`` packets received, to show a repeated one only once (§1.5, §7.8)."""

    def __init__(self, cap: int = MAX_SEEN) -> None:
        self.cap = cap
        self._seen: OrderedDict[Hashable, None] = OrderedDict()

    def first_time(self, key: Hashable) -> bool:
        """True the first time ``key`` is seen within the window (and remember it)."""
        if key in self._seen:
            self._seen.move_to_end(key)
            return False
        self._seen[key] = None
        if len(self._seen) > self.cap:
            self._seen.popitem(last=False)
        return True
