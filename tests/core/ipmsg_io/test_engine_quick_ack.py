"""The engine answers a listed peer's message before the node parses it (issue #15), on both
event loops: the RECVMSG leaves straight from the socket, the message is still shown once."""

from __future__ import annotations

import asyncio
import socket
import sys

import pytest

from desktop.core import event_loop
from desktop.core.event_loop import LoopKind
from desktop.core.ipmsg import Identity, format_packet, parse_packet
from desktop.core.ipmsg import messages as m
from desktop.core.ipmsg.constants import Mode
from desktop.core.ipmsg.dialect import Dialect
from desktop.core.ipmsg.events import Address, MessageReceived, Notice, PeerJoined
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg.source_budget import SourceBudget, Verdict
from desktop.core.ipmsg_io.engine import MessengerEngine
from tests.core.ipmsg_io.test_engine import Sink

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="uvloop exists on Linux and macOS only"
)

LOOPS: list[LoopKind] = ["asyncio", "uvloop"]
SENDER = Identity("bob", "BOB-PC", "鲍勃")


def _recvmsgs(peer: socket.socket, wait: float) -> list[int]:
    """The messages acknowledged by the RECVMSGs at ``peer`` within ``wait`` seconds (blocking)."""
    acked: list[int] = []
    peer.settimeout(wait)
    try:
        while True:
            packet = parse_packet(peer.recv(65_535))
            if packet.mode == Mode.RECVMSG:
                acked.append(int(packet.extra.rstrip(b"\0")))
                peer.settimeout(0.05)  # then only what is already there
    except (TimeoutError, BlockingIOError):
        return acked


async def _engine_and_peer(
    budget: SourceBudget | None = None,
) -> tuple[MessengerEngine, Sink, socket.socket]:
    sink = Sink()
    settings = NodeSettings(port=0, entry_answer_delay=0)
    me = Identity("me", "MY-PC", "我")
    engine = MessengerEngine(me, settings, sink, bind="127.0.0.1", budget=budget)
    await engine.start(announce=False)
    peer = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    peer.bind(("127.0.0.1", 0))
    peer.sendto(format_packet(m.entry(SENDER, 5)), engine.address)
    await sink.wait(lambda e: isinstance(e, PeerJoined))
    return engine, sink, peer


@pytest.mark.parametrize("kind", LOOPS)
def test_the_recvmsg_leaves_before_the_node_parses_the_message(kind: LoopKind) -> None:
    async def scenario() -> None:
        engine, sink, peer = await _engine_and_peer()
        node = engine.node
        real = node.receive
        acked_before: list[list[int]] = []

        def receive(datagram: bytes, addr: Address, now: float, **options: bool):  # type: ignore[no-untyped-def]
            if parse_packet(datagram).mode == Mode.SENDMSG:
                # Blocks the loop: only an acknowledgement already sent can arrive meanwhile.
                acked_before.append(_recvmsgs(peer, 2.0))
            return real(datagram, addr, now, **options)

        node.receive = receive  # type: ignore[method-assign]
        try:
            message = m.send_msg(SENDER, 9, to_dialect=Dialect.IPMSG, text="快", encoding="utf-8")
            peer.sendto(format_packet(message), engine.address)
            await sink.wait(lambda e: isinstance(e, MessageReceived))
            peer.sendto(format_packet(message), engine.address)  # a duplicate
            await asyncio.sleep(0.2)
            assert acked_before == [[9], [9]]  # both answered before the node saw them
            assert len([e for e in sink.events if isinstance(e, MessageReceived)]) == 1
            assert _recvmsgs(peer, 0.1) == []  # and never twice
        finally:
            peer.close()
            await engine.close()

    event_loop.run(scenario(), kind)


@pytest.mark.parametrize("kind", LOOPS)
def test_a_quick_recvmsg_that_cannot_be_sent_becomes_a_notice(kind: LoopKind) -> None:
    async def scenario() -> None:
        engine, sink, peer = await _engine_and_peer()
        try:
            engine._send_at_once(b"1:2:me:MY-PC:33:9\0", ("127.0.0.1", 0))  # EINVAL: port 0
            notice = sink.events[-1]
            assert isinstance(notice, Notice)
            assert str(notice.text).startswith("Could not send a datagram to 127.0.0.1:0: ")
        finally:
            peer.close()
            await engine.close()

    event_loop.run(scenario(), kind)


class _WatchedBudget(SourceBudget):
    """Records, at each ``admit``, the RECVMSGs already at the peer (blocking up to 1 s)."""

    def __init__(self, **rates: float) -> None:
        super().__init__(**rates)
        self.peer: socket.socket | None = None
        self.acked_before: list[list[int]] = []

    def admit(self, source: str, now: float) -> Verdict:
        if self.peer is not None:
            # Blocks the loop: only an acknowledgement already sent can arrive meanwhile.
            self.acked_before.append(_recvmsgs(self.peer, 1.0))
        return super().admit(source, now)


@pytest.mark.parametrize("kind", LOOPS)
def test_a_sure_budget_takes_its_tokens_after_the_recvmsg_left(kind: LoopKind) -> None:
    async def scenario() -> None:
        budget = _WatchedBudget()
        engine, sink, peer = await _engine_and_peer(budget)
        try:
            budget.peer = peer
            message = m.send_msg(SENDER, 9, to_dialect=Dialect.IPMSG, text="快", encoding="utf-8")
            peer.sendto(format_packet(message), engine.address)
            await sink.wait(lambda e: isinstance(e, MessageReceived))
            assert budget.acked_before == [[9]]  # answered, then counted
            assert engine.stats.received == 2 and engine.stats.dropped == 0
        finally:
            budget.peer = None
            peer.close()
            await engine.close()

    event_loop.run(scenario(), kind)


@pytest.mark.parametrize("kind", LOOPS)
def test_a_listed_peer_over_its_budget_gets_no_recvmsg(kind: LoopKind) -> None:
    async def scenario() -> None:
        # Three tokens, none refilled: the entry, then messages 9 and 10 (the last token,
        # taken after its RECVMSG), then 11 is over the budget: dropped before any answer.
        budget = _WatchedBudget(rate=0, burst=3, total_rate=1e9, total_burst=1e9)
        engine, sink, peer = await _engine_and_peer(budget)
        try:
            budget.peer = peer
            for number in (9, 10, 11):
                message = m.send_msg(
                    SENDER, number, to_dialect=Dialect.IPMSG, text="快", encoding="utf-8"
                )
                peer.sendto(format_packet(message), engine.address)
            await sink.wait(lambda e: engine.stats.dropped == 1)
            budget.peer = None
            assert budget.acked_before == [[9], [10], []]  # 11: asked first, refused
            assert _recvmsgs(peer, 0.2) == []
            shown = [e.packet_no for e in sink.events if isinstance(e, MessageReceived)]
            assert shown == [9, 10]
        finally:
            budget.peer = None
            peer.close()
            await engine.close()

    event_loop.run(scenario(), kind)
