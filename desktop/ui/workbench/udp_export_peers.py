"""The peers a UDP session remembers for its pcapng export: each address seen, with the
endpoints its datagrams are written between."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from desktop.core.capture.pcapng import Endpoints
from desktop.core.capture.pcapng_udp import udp_endpoints
from desktop.core.net.udp_peers import PeerSnapshot

__all__ = ["MAX_EXPORT_PEERS", "ExportPeers"]

# Peers remembered for the pcapng export (a spray from many ports must not grow it unbounded).
MAX_EXPORT_PEERS = 4096


class ExportPeers:
    """Peers by address, for one socket's life (``clear()`` when a new one is bound)."""

    def __init__(self) -> None:
        self._known: dict[str, Endpoints] = {}

    def clear(self) -> None:
        """Forget every peer (a new socket)."""
        self._known.clear()

    def learn(self, local: str, peers: Iterable[PeerSnapshot]) -> None:
        """Remember the peers not known yet, up to the cap; ``local`` is our address."""
        known = self._known
        if not local:
            return
        for peer in peers:
            if peer.address not in known and len(known) < MAX_EXPORT_PEERS:
                try:
                    known[peer.address] = udp_endpoints(local, peer.address)
                except ValueError:  # a name, not an address: nothing to write
                    continue

    def endpoints(self, chosen: Sequence[str]) -> dict[str, Endpoints]:
        """The known peers among ``chosen``, or all of them when none is chosen."""
        known = self._known
        return {p: known[p] for p in chosen if p in known} if chosen else dict(known)
