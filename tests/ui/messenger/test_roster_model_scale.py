"""The roster model at scale: rows stay sorted and found by key after any joins and leaves."""

from __future__ import annotations

import random

from desktop.core.ipmsg.events import Peer, PeerKey
from desktop.ui.messenger.roster_model import RosterModel


def _peer(n: int, group: str, name: str) -> Peer:
    return Peer(PeerKey((f"198.18.9.{n % 250 + 1}", 2425 + n // 250), f"u{n}", "pc"), name, group)


def _expected(peers: dict[PeerKey, Peer]) -> list[PeerKey]:
    def order(peer: Peer) -> tuple[str, str, PeerKey]:
        return (peer.group.casefold() or "\uffff", peer.name.casefold(), peer.key)

    return [p.key for p in sorted(peers.values(), key=order)]


def test_random_joins_updates_and_leaves_keep_the_order(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = RosterModel()
    rng = random.Random(6)
    alive: dict[PeerKey, Peer] = {}
    for _step in range(3000):
        n = rng.randrange(600)
        peer = _peer(
            n, rng.choice(["", "研发", "Test", "测试"]), rng.choice(["阿明", "Bob", "", "z"])
        )
        if rng.random() < 0.7:
            model.upsert(peer)
            alive[peer.key] = peer
        else:
            model.remove(peer.key)
            alive.pop(peer.key, None)
    rows = [model.peer_at(row) for row in range(model.rowCount())]
    assert [p.key for p in rows if p is not None] == _expected(alive)
    for row, key in enumerate(_expected(alive)):
        assert model.row_of(key) == row
        assert model.peer(key) == alive[key]
    assert model.row_of(_peer(9999, "", "").key) is None
    qtmodeltester.check(model)


def test_a_thousand_peers_joining_each_insert_one_row(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = RosterModel()
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.modelReset.connect(lambda: inserted.append((-1, -1)))
    for n in range(1000):
        model.upsert(_peer(n, f"组{n % 7}", f"用户{n:04d}"))
    assert len(inserted) == 1000 and all(first == last >= 0 for first, last in inserted)
    assert model.rowCount() == 1000
