"""The real MessengerBridge with two engines on loopback: offers, downloads, decline, batches."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.ipmsg.events import MessageReceived, Peer
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg.offers import Offer
from desktop.core.ipmsg.transfer import Direction, Transfer, TransferState
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.messenger_bridge import MessengerBridge
from tests.core.ipmsg_io.engine_files_helpers import free_port

FAST = dict(entry_answer_delay=0.0, retry_interval=0.1, tries=2)


@pytest.fixture
def io(qapp) -> Iterator[EventLoopThread]:  # type: ignore[no-untyped-def]
    thread = EventLoopThread()
    thread.start_and_wait()
    yield thread
    assert thread.stop(3000)


class Seen:
    """What one bridge said: transfers (newest per id), offers, peers."""

    def __init__(self, bridge: MessengerBridge) -> None:
        self.rows: dict[int, Transfer] = {}
        self.batches = 0
        self.offers: list[tuple[int, Offer, int]] = []
        self.received: list[MessageReceived] = []
        self.peers: list[Peer] = []
        self.released: list[tuple[Peer, int]] = []
        bridge.transfers_changed.connect(self._batch)
        bridge.files_offered.connect(lambda *args: self.offers.append(args))
        bridge.message_received.connect(self.received.append)
        bridge.peer_joined.connect(self.peers.append)
        bridge.offer_released.connect(lambda *args: self.released.append(args))

    def _batch(self, batch: list[Transfer]) -> None:
        self.batches += 1
        assert len({t.transfer_id for t in batch}) == len(batch)  # newest per id only
        self.rows.update({t.transfer_id: t for t in batch})

    def states(self) -> list[tuple[Direction, TransferState]]:
        return [(t.direction, t.state) for t in self.rows.values()]


@pytest.fixture
def bridges(
    qtbot, io: EventLoopThread
) -> Iterator[tuple[MessengerBridge, Seen, MessengerBridge, Seen]]:  # type: ignore[no-untyped-def]
    a, b = MessengerBridge(io), MessengerBridge(io)
    seen_a, seen_b = Seen(a), Seen(b)
    port_a, port_b = free_port("127.0.0.1"), free_port("127.0.0.2")
    with qtbot.waitSignal(b.started, timeout=5000):
        b.start(
            Identity("bob", "PC-B", "鲍勃"),
            NodeSettings(port=port_b, targets=(("127.0.0.1", port_a),), **FAST),  # type: ignore[arg-type]
            "127.0.0.2",
        )
    with qtbot.waitSignal(a.started, timeout=5000):
        a.start(
            Identity("amin", "PC-A", "阿明"),
            NodeSettings(port=port_a, targets=(("127.0.0.2", port_b),), **FAST),  # type: ignore[arg-type]
            "127.0.0.1",
            first_transfer_id=41,
        )
    qtbot.waitUntil(lambda: bool(seen_a.peers and seen_b.peers), timeout=5000)
    yield a, seen_a, b, seen_b
    for bridge in (a, b):
        with qtbot.waitSignal(bridge.stopped, timeout=5000):
            bridge.stop(leave=False)


def test_offer_accept_and_both_sides_see_done(qtbot, bridges, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a, seen_a, b, seen_b = bridges
    source = tmp_path / "数据.bin"
    source.write_bytes(b"\x00\x01" * 400_000)
    a.offer_files(7, [seen_a.peers[0].key], [str(source)], "拿去")
    qtbot.waitUntil(lambda: bool(seen_a.offers and seen_b.received), timeout=5000)
    token, ours, _message_id = seen_a.offers[0]
    assert token == 7 and ours.packet_no > 0 and ours.files[0].name == "数据.bin"
    offer = seen_b.received[0].offer
    assert offer is not None and offer.packet_no == ours.packet_no
    b.accept(offer, [0], str(tmp_path / "in"))
    qtbot.waitUntil(
        lambda: seen_b.states() == [(Direction.RECEIVE, TransferState.DONE)], timeout=10000
    )
    qtbot.waitUntil(lambda: seen_a.states() == [(Direction.SEND, TransferState.DONE)], timeout=5000)
    assert list(seen_a.rows) == [41]  # numbered from where the app said
    assert (tmp_path / "in" / "数据.bin").read_bytes() == source.read_bytes()


def test_decline_reaches_the_sender_as_released_and_declined(
    qtbot, bridges, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    a, seen_a, b, seen_b = bridges
    source = tmp_path / "a.txt"
    source.write_bytes(b"abc")
    a.offer_files(1, [seen_a.peers[0].key], [str(source)], "")
    qtbot.waitUntil(lambda: bool(seen_b.received), timeout=5000)
    offer = seen_b.received[0].offer
    assert offer is not None
    b.decline(offer)
    qtbot.waitUntil(lambda: bool(seen_a.released), timeout=5000)
    assert seen_a.released[0][1] == offer.packet_no
    qtbot.waitUntil(
        lambda: seen_a.states() == [(Direction.SEND, TransferState.DECLINED)], timeout=5000
    )


def test_an_unencodable_name_fails_the_offer_with_the_typed_error(
    qtbot, bridges, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    a, seen_a, _b, _seen_b = bridges
    a.set_encoding(seen_a.peers[0].address, "gbk")  # as for a FeiQ user
    source = tmp_path / "emoji 🙂.txt"
    source.write_bytes(b"x")
    with qtbot.waitSignal(a.offer_failed, timeout=5000) as failed:
        a.offer_files(3, [seen_a.peers[0].key], [str(source)], "")
    token, error = failed.args
    assert token == 3
    assert type(error).__name__ == "UnencodableName"
