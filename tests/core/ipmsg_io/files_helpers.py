"""Shared pieces of the file-transfer tests: two transfer books on loopback, a recorder."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.errors import SocketDeskError
from desktop.core.ipmsg.events import Peer, PeerKey
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.offer_book import SharedFile
from desktop.core.ipmsg.offers import Offer, OfferedFile
from desktop.core.ipmsg.transfer import Direction, Transfer
from desktop.core.ipmsg_io.file_fetch import FetchOptions
from desktop.core.ipmsg_io.file_server import ServerLimits
from desktop.core.ipmsg_io.transfer_book import TransferBook

SENDER = Identity("amin", "PC-A")
RECEIVER = Identity("bob", "PC-B")
PACKET = 0x5E8F1A2B


@dataclass
class Recorder:
    """Every published snapshot, and a way to wait for one."""

    seen: list[Transfer] = field(default_factory=list)
    refused: list[SocketDeskError] = field(default_factory=list)
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    def publish(self, transfer: Transfer) -> None:
        self.seen.append(transfer)
        self.changed.set()

    def refuse(self, error: SocketDeskError) -> None:
        self.refused.append(error)
        self.changed.set()

    async def until(self, wanted: Callable[[], object], timeout: float = 20) -> None:
        async def look() -> None:
            while not wanted():
                self.changed.clear()
                await self.changed.wait()

        await asyncio.wait_for(look(), timeout)

    def last(self, transfer_id: int) -> Transfer:
        return [t for t in self.seen if t.transfer_id == transfer_id][-1]

    def finished(self, transfer_id: int) -> Transfer | None:
        rows = [t for t in self.seen if t.transfer_id == transfer_id]
        return rows[-1] if rows and rows[-1].state.finished else None


@dataclass
class Pair:
    sender: TransferBook
    receiver: TransferBook
    sent: Recorder
    received: Recorder
    port: int

    def offer(self, files: dict[int, Path], *, packet_no: int = PACKET) -> Offer:
        """Share ``files`` (by id) with the receiver at 127.0.0.1; the offer it would receive."""
        me = self.receiver.identity
        recipient = Peer(PeerKey(("127.0.0.1", 2425), me.user, me.host))
        shared = {i: SharedFile(str(p), False, p.stat().st_size) for i, p in files.items()}
        self.sender.share(packet_no, [recipient], shared, lifetime=600)
        return Offer(
            peer=Peer(PeerKey(("127.0.0.1", self.port), SENDER.user, SENDER.host)),
            packet_no=packet_no,
            files=tuple(
                OfferedFile(i, p.name, p.stat().st_size, int(p.stat().st_mtime))
                for i, p in files.items()
            ),
        )

    def uploads(self) -> list[Transfer]:
        return [t for t in self.sent.seen if t.direction is Direction.SEND]


async def make_pair(
    *,
    limits: ServerLimits | None = None,
    options: FetchOptions | None = None,
    receiver: Identity = RECEIVER,
) -> Pair:
    sent, received = Recorder(), Recorder()
    sender = TransferBook(SENDER, sent.publish)
    port = (await sender.start_server("127.0.0.1", 0, limits=limits, on_refused=sent.refuse))[1]
    receiver_book = TransferBook(receiver, received.publish, options=options)
    return Pair(sender, receiver_book, sent, received, port)


async def close_pair(pair: Pair) -> None:
    await pair.receiver.close()
    await pair.sender.close()
