"""The messenger engine on loopback: two real sockets, unicast targets only (no broadcast)."""

from __future__ import annotations

import asyncio
import os
import socket
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.core import event_loop
from desktop.core.errors import AddressInUse, ListenError
from desktop.core.ipmsg import Identity, Packet, format_packet, parse_packet
from desktop.core.ipmsg import messages as m
from desktop.core.ipmsg.constants import Mode
from desktop.core.ipmsg.dialect import Dialect
from desktop.core.ipmsg.events import (
    Event,
    InfoReceived,
    MessageDelivered,
    MessageFailed,
    MessageRead,
    MessageReceived,
    Notice,
    PeerJoined,
    PeerLeft,
    PeerUpdated,
)
from desktop.core.ipmsg.messenger_errors import PortInUse
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg.source_budget import SourceBudget
from desktop.core.ipmsg_io.engine import MessengerEngine, open_udp
from tests.core.ipmsg_io.engine_files_helpers import free_port


class Sink:
    def __init__(self) -> None:
        self.events: list[Event] = []
        self.changed = asyncio.Event()

    def on_event(self, event: Event) -> None:
        self.events.append(event)
        self.changed.set()

    async def wait(self, wanted: Callable[[Event], bool], timeout: float = 5) -> Event:
        async def look() -> Event:
            while True:
                for event in self.events:
                    if wanted(event):
                        return event
                self.changed.clear()
                await self.changed.wait()

        return await asyncio.wait_for(look(), timeout)


def _free_port() -> int:
    """A port free for UDP and for TCP (the engine's file server takes the same port)."""
    return free_port("127.0.0.1")


async def _pair(
    **settings: object,
) -> tuple[MessengerEngine, Sink, MessengerEngine, Sink]:
    """Two engines on 127.0.0.1 that announce to each other's port (unicast)."""
    port_a, port_b = _free_port(), _free_port()
    sink_a, sink_b = Sink(), Sink()
    a = MessengerEngine(
        Identity("amin", "PC-A", "阿明"),
        NodeSettings(port=port_a, targets=(("127.0.0.1", port_b),), **settings),  # type: ignore[arg-type]
        sink_a,
        bind="127.0.0.1",
    )
    b = MessengerEngine(
        Identity("bob", "PC-B", "鲍勃"),
        NodeSettings(port=port_b, targets=(("127.0.0.1", port_a),), **settings),  # type: ignore[arg-type]
        sink_b,
        bind="127.0.0.1",
    )
    await b.start()
    await a.start()
    return a, sink_a, b, sink_b


def test_two_engines_meet_talk_and_part() -> None:
    async def scenario() -> None:
        a, sink_a, b, sink_b = await _pair()
        try:
            joined = await sink_a.wait(lambda e: isinstance(e, PeerJoined))
            assert joined.peer.nickname == "鲍勃"  # type: ignore[union-attr]
            message_id = a.send_text(joined.peer.key, "你好 🙂")  # type: ignore[union-attr]
            received = await sink_b.wait(lambda e: isinstance(e, MessageReceived))
            assert received.text == "你好 🙂"  # type: ignore[union-attr]
            await sink_a.wait(lambda e: e == MessageDelivered(message_id))
            assert [p.nickname for p in b.peers()] == ["阿明"]
        finally:
            await a.close()
        left = await sink_b.wait(lambda e: isinstance(e, PeerLeft))
        assert left.peer.nickname == "阿明"  # type: ignore[union-attr]
        assert not a.running
        await a.close()  # twice is harmless
        await b.close()

    asyncio.run(scenario())


def test_retries_run_on_the_loops_clock() -> None:
    async def scenario() -> None:
        sink = Sink()
        silent = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        silent.bind(("127.0.0.1", 0))
        engine = MessengerEngine(
            Identity("amin", "PC-A"),
            NodeSettings(port=0, retry_interval=0.05, tries=3),
            sink,
            bind="127.0.0.1",
        )
        await engine.start(announce=False)
        try:
            started = asyncio.get_running_loop().time()
            message_id = engine.send_text(silent.getsockname(), "anyone?")
            failed = await sink.wait(lambda e: isinstance(e, MessageFailed))
            elapsed = asyncio.get_running_loop().time() - started
            assert failed.message_id == message_id  # type: ignore[union-attr]
            # Three intervals. uvloop's clock counts whole milliseconds (divided by 1000), so an
            # exact 150 ms can read 0.1499999999996: allow for the float, not for an early try.
            assert 0.15 - 1e-9 <= elapsed < 1.0
            silent.setblocking(False)
            tries = 0
            while True:
                try:
                    silent.recv(65536)
                except BlockingIOError:
                    break
                tries += 1
            assert tries == 3
        finally:
            await engine.close(leave=False)
            silent.close()

    asyncio.run(scenario())


def test_commands_from_another_thread_go_through_the_loop() -> None:
    async def scenario() -> None:
        a, sink_a, b, sink_b = await _pair()
        try:
            joined = await sink_a.wait(lambda e: isinstance(e, PeerJoined))
            key = joined.peer.key  # type: ignore[union-attr]
            result: list[object] = []

            def from_gui_thread() -> None:
                future = a.call_threadsafe(a.send_text, key, "from a thread")
                result.append(future.result(5))
                bad = a.call_threadsafe(a.send_text, key, "bad\0text")
                result.append(bad.exception(5))

            thread = threading.Thread(target=from_gui_thread)
            thread.start()
            await sink_b.wait(lambda e: isinstance(e, MessageReceived))
            await asyncio.to_thread(thread.join, 5)
            assert result[0] == 1
            assert "contains a NUL character" in str(result[1])
        finally:
            await a.close()
            await b.close()

    asyncio.run(scenario())


def test_send_errors_become_notices() -> None:
    async def scenario() -> None:
        sink = Sink()
        engine = MessengerEngine(
            Identity("amin", "PC-A"),
            NodeSettings(port=0, targets=(("127.0.0.1", 9),)),
            sink,
            bind="127.0.0.1",
        )
        await engine.start(announce=False)
        try:
            engine._send_failed(OSError(101, "Network is unreachable"))
            notice = sink.events[-1]
            assert isinstance(notice, Notice)
            assert str(notice.text) == "Could not send a datagram: Network is unreachable."
        finally:
            await engine.close()

    asyncio.run(scenario())


def test_port_in_use_names_this_process() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        with pytest.raises(PortInUse) as caught:
            open_udp("127.0.0.1", port)
    error = caught.value
    assert isinstance(error, AddressInUse)
    comm = Path(f"/proc/{os.getpid()}/comm").read_text().strip()
    assert error.owner == f"{comm} (pid {os.getpid()})"
    assert error.free_port is not None and error.free_port > port
    assert str(error) == (
        f"UDP port {port} on 127.0.0.1 is already in use by {comm} (pid {os.getpid()}); quit it, "
        f"or choose another port ({error.free_port} is free) and tell your peers to send to it."
    )


@pytest.mark.parametrize(
    ("host", "message"),
    [
        ("192.0.2.1", "192.0.2.1 is not an address of this machine."),
        ("not-an-address", "'not-an-address' is not a valid address to listen on."),
    ],
)
def test_bad_bind_addresses(host: str, message: str) -> None:
    with pytest.raises(ListenError, match=message.replace(".", r"\.")):
        open_udp(host, 0)


def test_engine_commands_before_start_are_refused() -> None:
    engine = MessengerEngine(Identity("u", "h"), NodeSettings(), Sink())
    with pytest.raises(RuntimeError, match="not started"):
        engine.announce()
    with pytest.raises(RuntimeError, match="not started"):
        engine.call_threadsafe(engine.announce)


def test_every_command_reaches_the_node() -> None:
    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        a, sink_a, b, sink_b = await _pair(entry_answer_delay=0, refresh_window=0.5)
        # A third peer that a reaches only through contact(), and that answers a's first
        # BR_ENTRY but never the refresh's: refresh() must drop it, and keep b.
        # A datagram endpoint, not sock_recvfrom/sock_sendto: uvloop does not implement those.
        inbox: asyncio.Queue[bytes] = asyncio.Queue()
        ghost, _ = await loop.create_datagram_endpoint(
            lambda: _Inbox(inbox), local_addr=("127.0.0.1", 0)
        )
        ghost_identity = Identity("ghost", "PC-G", "幽灵")

        async def ghost_receives(mode: Mode) -> Packet:
            while True:
                data = await asyncio.wait_for(inbox.get(), 5)
                packet = parse_packet(data)
                if packet.mode == mode:
                    return packet

        try:
            joined = await sink_a.wait(lambda e: isinstance(e, PeerJoined))
            key = joined.peer.key  # type: ignore[union-attr]
            b.set_absence("开会")
            updated = await sink_a.wait(
                lambda e: isinstance(e, PeerUpdated) and e.peer.absence_text == "开会"
            )
            assert updated.peer.status == "away: 开会"  # type: ignore[union-attr]
            a.ask_info(key)
            info = await sink_a.wait(lambda e: isinstance(e, InfoReceived) and e.kind == "version")
            assert info.text == "SocketDesk 0.1.0"  # type: ignore[union-attr]
            sink_a.events.clear()  # a may have asked already when b went away: ask once more
            a.ask_absence(key)
            away = await sink_a.wait(lambda e: isinstance(e, InfoReceived) and e.kind == "absence")
            assert "开会" in away.text  # type: ignore[union-attr]
            a.send_text(key, "密", sealed=True)
            sealed = await sink_b.wait(lambda e: isinstance(e, MessageReceived) and e.sealed)
            assert isinstance(sealed, MessageReceived)
            b.mark_read(sealed.peer.key, sealed.packet_no)
            await sink_a.wait(lambda e: isinstance(e, MessageRead))

            a.contact(ghost.get_extra_info("sockname"))
            entry = await ghost_receives(Mode.BR_ENTRY)
            assert entry.user == b"amin"
            answer = m.answer_entry(ghost_identity, 1, peer_utf8=True)
            ghost.sendto(format_packet(answer), ("127.0.0.1", a.address[1]))
            await sink_a.wait(lambda e: isinstance(e, PeerJoined) and e.peer.nickname == "幽灵")
            assert sorted(p.nickname for p in a.peers()) == ["幽灵", "鲍勃"]

            a.refresh()
            again = await ghost_receives(Mode.BR_ENTRY)  # refresh announces to contacts too
            assert again.packet_no != entry.packet_no
            left = await sink_a.wait(lambda e: isinstance(e, PeerLeft), timeout=5)
            assert left.peer.nickname == "幽灵"  # type: ignore[union-attr]
            assert [p.nickname for p in a.peers()] == ["鲍勃"]  # b answered the refresh
        finally:
            ghost.close()
            await a.close()
            await b.close()

    asyncio.run(scenario())


class _Inbox(asyncio.DatagramProtocol):
    """Puts every datagram it receives in a queue."""

    def __init__(self, queue: asyncio.Queue[bytes]) -> None:
        self.queue = queue

    def datagram_received(self, data: bytes, addr: object) -> None:
        self.queue.put_nowait(data)


def _message(sender: Identity, number: int) -> bytes:
    text = f"第{number}条"
    packet = m.send_msg(
        sender, number, to_dialect=Dialect.IPMSG, text=text, encoding="utf-8", peer_utf8=True
    )
    return format_packet(packet)


def test_a_flooding_sender_is_cut_to_its_budget_and_others_still_get_through() -> None:
    async def scenario() -> None:
        sink = Sink()
        # No refill: each sender gets exactly its burst, whatever the timing.
        budget = SourceBudget(rate=0.0, burst=20, total_rate=0.0, total_burst=1000)
        engine = MessengerEngine(
            Identity("bob", "PC-B"), NodeSettings(port=0), sink, bind="127.0.0.1", budget=budget
        )
        address = await engine.start(announce=False)
        flooder, amin = Identity("flood", "BOT"), Identity("amin", "PC-A")
        try:
            with (
                socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as noisy,
                socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as quiet,
            ):
                noisy.bind(("127.0.0.2", 0))
                quiet.bind(("127.0.0.3", 0))
                for number in range(1, 301):
                    noisy.sendto(_message(flooder, number), address)
                    if number % 100 == 0:
                        quiet.sendto(_message(amin, number), address)
                        await asyncio.sleep(0.01)  # the receive buffer never overflows
                await sink.wait(lambda e: isinstance(e, MessageReceived) and e.text == "第300条")
                await asyncio.sleep(0.05)
            received = [e for e in sink.events if isinstance(e, MessageReceived)]
            assert [e.text for e in received if e.peer.key.user == "amin"] == [
                "第100条",
                "第200条",
                "第300条",
            ]
            assert len([e for e in received if e.peer.key.user == "flood"]) == 20
            notices = [str(e.text) for e in sink.events if isinstance(e, Notice)]
            assert notices == [
                "127.0.0.2 sends more than 0 datagrams a second; what it sends beyond that is "
                "ignored."
            ]
            stats = engine.stats
            assert (stats.received, stats.dropped) == (303, 280)
        finally:
            await engine.close()

    asyncio.run(scenario())


def test_a_flood_from_many_senders_is_cut_by_the_total_budget() -> None:
    async def scenario() -> None:
        sink = Sink()
        budget = SourceBudget(rate=0.0, burst=5, total_rate=0.0, total_burst=12)
        engine = MessengerEngine(
            Identity("bob", "PC-B"), NodeSettings(port=0), sink, bind="127.0.0.1", budget=budget
        )
        address = await engine.start(announce=False)
        try:
            for ip in range(2, 6):
                with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sender:
                    sender.bind((f"127.0.0.{ip}", 0))
                    for number in range(1, 5):
                        sender.sendto(_message(Identity(f"u{ip}", "PC"), number), address)
            await sink.wait(lambda e: isinstance(e, Notice))
            while engine.stats.received < 16:
                await asyncio.sleep(0.01)
            assert len([e for e in sink.events if isinstance(e, MessageReceived)]) == 12
            assert [str(e.text) for e in sink.events if isinstance(e, Notice)] == [
                "More than 0 datagrams a second are arriving; the excess is ignored, so some "
                "peers may be missed."
            ]
            assert engine.stats.dropped == 4
        finally:
            await engine.close()

    asyncio.run(scenario())


def test_the_lessons_datagram_with_version_99_is_shown() -> None:
    """Issue #13: ``99:12345:lajos:windows:32:您好，欢迎进入飞秋`` in GBK, from a real socket."""

    async def scenario() -> None:
        sink = Sink()
        engine = MessengerEngine(
            Identity("amin", "PC-A"), NodeSettings(port=0), sink, bind="127.0.0.1"
        )
        address = await engine.start(announce=False)
        sender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sender.bind(("127.0.0.1", 0))
        try:
            datagram = "99:12345:lajos:windows:32:您好，欢迎进入飞秋".encode("gbk")
            sender.sendto(datagram, address)
            got = await sink.wait(lambda e: isinstance(e, MessageReceived | Notice))
            assert isinstance(got, MessageReceived), got
            assert got.text == "您好，欢迎进入飞秋"
            assert (got.packet_no, got.peer.key.user, got.peer.key.host) == (
                12345,
                "lajos",
                "windows",
            )
            assert got.peer.address == sender.getsockname()
            assert got.offer is None
        finally:
            await engine.close(leave=False)
            sender.close()

    asyncio.run(scenario())


def test_any_port_is_one_free_for_tcp_and_udp_even_when_udp_first_is_taken(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Port 0: TCP picks the number (free for TCP by construction), UDP takes the same; when
    UDP's is taken, another number is chosen, and the file server never stays on the old one."""
    from desktop.core.ipmsg_io import port_pair

    real_open = port_pair.open_udp
    tried: list[int] = []

    def first_taken(host: str, port: int) -> socket.socket:
        tried.append(port)
        if len(tried) == 1:  # as if another program held that UDP number
            raise PortInUse(host, port, None, None)
        return real_open(host, port)

    monkeypatch.setattr(port_pair, "open_udp", first_taken)

    async def scenario() -> tuple[int, tuple[str, int] | None]:
        engine = MessengerEngine(
            Identity("amin", "PC-A", "阿明"), NodeSettings(port=0), Sink(), bind="127.0.0.1"
        )
        await engine.start(announce=False)
        try:
            assert engine.files.book.server is not None
            return engine.address[1], engine.files.book.server.address
        finally:
            await engine.close(leave=False)

    udp_port, tcp = asyncio.run(scenario())
    assert len(tried) == 2 and tried[0] != 0 and tried[1] == udp_port
    assert tcp == ("127.0.0.1", udp_port)  # the file server on the UDP port's number


def test_the_stock_loop_reads_datagrams_into_64_kib_and_a_long_message_still_arrives() -> None:
    """asyncio's 256 KiB read buffer is an mmap per datagram; 64 KiB holds any UDP payload."""
    from desktop.core.ipmsg_io.udp_socket import RECEIVE_SIZE

    async def scenario() -> None:
        a, sink_a, b, _sink_b = await _pair()
        try:
            await sink_a.wait(lambda e: isinstance(e, PeerJoined))
            assert RECEIVE_SIZE >= 65_507
            assert [getattr(t, "max_size", None) for t in b._transports] == [RECEIVE_SIZE]
            joined = await sink_a.wait(lambda e: isinstance(e, PeerJoined))
            text = "长" * 10_000  # 30,000 bytes of UTF-8: above 4 KiB, the most IPMsg reads
            message_id = a.send_text(joined.peer.key, text)  # type: ignore[union-attr]
            await sink_a.wait(lambda e: e == MessageDelivered(message_id))
        finally:
            await a.close()
            await b.close()

    event_loop.run(scenario(), "asyncio")  # the stock loop's transport, whatever the default
