"""The peers a UDP session has heard from or sent to: bounded, least recently seen forgotten.

A sender spraying from many source ports (or a spoofed flood) must not grow memory without limit,
so the table holds at most ``capacity`` peers and counts the ones it forgot. Loop thread only.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from desktop.core.net.connection import format_address
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["DEFAULT_PEER_CAPACITY", "PeerSnapshot", "PeerStats", "PeerTable"]

#: Peers kept at most (each costs ~300 bytes: 4,096 peers ≈ 1.2 MB).
DEFAULT_PEER_CAPACITY = 4096


class PeerStats:
    """Counts for one peer (mutable; the table updates it in place)."""

    __slots__ = ("address", "bytes_in", "bytes_out", "datagrams_in", "datagrams_out", "last_seen")

    def __init__(self, address: tuple[object, ...]) -> None:
        self.address = address
        self.datagrams_in = 0
        self.bytes_in = 0
        self.datagrams_out = 0
        self.bytes_out = 0
        self.last_seen = 0.0


@dataclass(frozen=True, slots=True)
class PeerSnapshot:
    """One peer's row as the table held it at one moment (safe to hand to another thread).

    Attributes:
        address: ``host:port`` as shown.
        sockaddr: the socket address to reply to.
        datagrams_in, bytes_in, datagrams_out, bytes_out: what went each way.
        last_seen: ``time.time()`` of the last datagram either way.
    """

    address: str
    sockaddr: tuple[object, ...]
    datagrams_in: int
    bytes_in: int
    datagrams_out: int
    bytes_out: int
    last_seen: float


class PeerTable:
    """Peers by socket address, most recently seen last, at most ``capacity`` of them."""

    def __init__(self, capacity: int = DEFAULT_PEER_CAPACITY) -> None:
        if capacity < 1:
            raise ValueError(f"capacity must be at least 1 (got {capacity})")
        self.capacity = capacity
        self.forgotten = 0
        self._peers: OrderedDict[tuple[object, ...], PeerStats] = OrderedDict()

    def __len__(self) -> int:
        return len(self._peers)

    def _touch(self, address: tuple[object, ...], now: float) -> PeerStats:
        peers = self._peers
        stats = peers.get(address)
        if stats is None:
            stats = peers[address] = PeerStats(address)
            if len(peers) > self.capacity:
                peers.popitem(last=False)
                self.forgotten += 1
        else:
            peers.move_to_end(address)
        stats.last_seen = now
        return stats

    def received(self, address: tuple[object, ...], size: int, now: float, count: int = 1) -> None:
        """``address`` sent us ``count`` datagrams of ``size`` bytes in all."""
        stats = self._touch(address, now)
        stats.datagrams_in += count
        stats.bytes_in += size

    def sent(self, address: tuple[object, ...], size: int, now: float) -> None:
        """We sent ``address`` a datagram of ``size`` bytes."""
        stats = self._touch(address, now)
        stats.datagrams_out += 1
        stats.bytes_out += size

    def addresses(self) -> list[tuple[object, ...]]:
        """Every peer's socket address, least recently seen first."""
        return list(self._peers)

    def snapshot(self, limit: int | None = None) -> list[PeerSnapshot]:
        """Copies of the rows, most recently seen first (at most ``limit``)."""
        rows: list[PeerSnapshot] = []
        for stats in reversed(self._peers.values()):
            if limit is not None and len(rows) >= limit:
                break
            rows.append(
                PeerSnapshot(
                    format_address(stats.address),
                    stats.address,
                    stats.datagrams_in,
                    stats.bytes_in,
                    stats.datagrams_out,
                    stats.bytes_out,
                    stats.last_seen,
                )
            )
        return rows

    def forgotten_note(self) -> Sentence | None:
        """ "N peers forgotten …" once the cap has been reached, else None."""
        if not self.forgotten:
            return None
        return sentence(
            QT_TRANSLATE_NOOP(
                "core",
                "{count} peers forgotten: the table keeps the {capacity} most recently seen.",
            ),
            count=self.forgotten,
            capacity=self.capacity,
        )

    def clear(self) -> None:
        """Forget every peer (and the forgotten count)."""
        self._peers.clear()
        self.forgotten = 0
