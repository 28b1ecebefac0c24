"""The UDP session bridge: commands from the GUI thread, records and typed errors back."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from desktop.core.capture import Direction, RecordBatch
from desktop.core.net.udp import UdpOptions
from desktop.core.net.udp_facts import DatagramTooLarge, PortUnreachable
from desktop.core.net.udp_socket import BindOptions
from desktop.core.session.counters import CounterSample
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.udp_bridge import GeneratorPlan, UdpBridge


@pytest.fixture
def bridge(qtbot):  # type: ignore[no-untyped-def]
    io = EventLoopThread()
    io.start_and_wait()
    bridge = UdpBridge(io)
    yield bridge
    bridge.shutdown()
    assert io.stop(3000)


def collect(bridge: UdpBridge) -> list[RecordBatch]:
    batches: list[RecordBatch] = []

    def take(batch: RecordBatch) -> None:
        batches.append(batch)
        bridge.batch_consumed()

    bridge.records_received.connect(take)
    return batches


def records(batches: list[RecordBatch]) -> list[tuple[Direction, bytes]]:
    return [
        (r.direction, r.data) for b in batches for r in b.records if r.direction != Direction.INFO
    ]


def start(qtbot, bridge: UdpBridge, options: UdpOptions) -> str:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(bridge.started, timeout=5000) as started:
        bridge.start(options)
    return str(started.args[0][0])


@pytest.mark.parametrize(
    ("host", "family"), [("127.0.0.1", socket.AF_INET), ("::1", socket.AF_INET6)]
)
def test_echo_round_trip_through_the_bridge(
    qtbot, bridge: UdpBridge, host: str, family: int
) -> None:  # type: ignore[no-untyped-def]
    batches = collect(bridge)
    local = start(qtbot, bridge, UdpOptions(bind=BindOptions(host, 0), echo=True))
    port = int(local.rsplit(":", 1)[1])
    with socket.socket(family, socket.SOCK_DGRAM) as client:
        client.settimeout(5)
        client.sendto("回声".encode(), (host, port))
        assert client.recv(100) == "回声".encode()

    def logged() -> None:
        assert records(batches) == [
            (Direction.IN, "回声".encode()),
            (Direction.OUT, "回声".encode()),
        ]
        assert (batches[-1].messages_in, batches[-1].messages_out) == (1, 1)

    qtbot.waitUntil(logged, timeout=5000)
    with qtbot.waitSignal(bridge.stopped, timeout=5000):
        bridge.stop()


@pytest.mark.parametrize(
    ("host", "family"), [("127.0.0.1", socket.AF_INET), ("::1", socket.AF_INET6)]
)
def test_send_to_a_target_and_read_the_answer(
    qtbot, bridge: UdpBridge, host: str, family: int
) -> None:  # type: ignore[no-untyped-def]
    batches = collect(bridge)
    start(qtbot, bridge, UdpOptions(bind=BindOptions("", 0)))
    with socket.socket(family, socket.SOCK_DGRAM) as peer:
        peer.bind((host, 0))
        peer.settimeout(5)
        bridge.send(b"question", host, peer.getsockname()[1])
        data, sender = peer.recvfrom(100)
        assert data == b"question"
        peer.sendto(b"answer", sender)
        qtbot.waitUntil(
            lambda: records(batches) == [(Direction.OUT, b"question"), (Direction.IN, b"answer")],
            timeout=5000,
        )
        with qtbot.waitSignal(bridge.peers_updated, timeout=5000) as table:
            pass
        rows = table.args[0]
        assert [(r.datagrams_in, r.datagrams_out) for r in rows] == [(1, 1)]


def test_connected_mode_port_unreachable_is_a_typed_error(qtbot, bridge: UdpBridge) -> None:  # type: ignore[no-untyped-def]
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    start(qtbot, bridge, UdpOptions(bind=BindOptions("127.0.0.1", 0), peer=("127.0.0.1", port)))
    with qtbot.waitSignal(
        bridge.error_occurred,
        check_params_cb=lambda e: isinstance(e, PortUnreachable),
        timeout=5000,
    ) as failed:
        bridge.send(b"hello?")
    assert f"Nothing is listening on 127.0.0.1:{port}" in str(failed.args[0])


def test_unconnected_mode_notes_that_udp_gives_no_feedback(qtbot, bridge: UdpBridge) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(bridge.notice, timeout=5000) as noted:
        bridge.start(UdpOptions(bind=BindOptions("127.0.0.1", 0)))
    assert "UDP does not confirm delivery" in str(noted.args[0])


def test_too_large_is_refused_and_truncated_is_marked(qtbot, bridge: UdpBridge) -> None:  # type: ignore[no-untyped-def]
    batches = collect(bridge)
    local = start(qtbot, bridge, UdpOptions(bind=BindOptions("127.0.0.1", 0), receive_size=10))
    port = int(local.rsplit(":", 1)[1])
    with qtbot.waitSignal(bridge.error_occurred, timeout=5000) as refused:
        bridge.send(b"x" * 65_508, "127.0.0.1", port)
    assert isinstance(refused.args[0], DatagramTooLarge)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
        client.sendto(b"0123456789abcdef", ("127.0.0.1", port))

        def marked() -> None:
            infos = [
                r.data.decode() for b in batches for r in b.records if r.direction == Direction.INFO
            ]
            assert any("had 16 bytes; only the first 10 were kept" in text for text in infos)
            assert (Direction.IN, b"0123456789") in records(batches)

        qtbot.waitUntil(marked, timeout=5000)


def test_one_file_per_datagram_and_raw_concatenation(
    qtbot, bridge: UdpBridge, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    local = start(qtbot, bridge, UdpOptions(bind=BindOptions("127.0.0.1", 0)))
    port = int(local.rsplit(":", 1)[1])
    bridge.start_saving_datagrams(str(tmp_path / "each"))
    with qtbot.waitSignal(bridge.saving_changed, timeout=5000):
        bridge.start_saving(str(tmp_path / "all.bin"))
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
        for payload in (b"one", b"two", b"three"):
            client.sendto(payload, ("127.0.0.1", port))
        qtbot.waitUntil(lambda: len(list((tmp_path / "each").iterdir())) == 3, timeout=5000)
    with qtbot.waitSignal(bridge.saving_changed, timeout=5000):
        bridge.stop_saving()
    files = sorted((tmp_path / "each").iterdir())
    assert [f.read_bytes() for f in files] == [b"one", b"two", b"three"]
    assert (tmp_path / "all.bin").read_bytes() == b"onetwothree"


def test_generator_count_and_counters(qtbot, bridge: UdpBridge) -> None:  # type: ignore[no-untyped-def]
    start(qtbot, bridge, UdpOptions(bind=BindOptions("127.0.0.1", 0)))
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sink:
        sink.bind(("127.0.0.1", 0))
        samples: list[CounterSample] = []
        bridge.counters_updated.connect(samples.append)
        with qtbot.waitSignal(
            bridge.generator_changed, check_params_cb=lambda on: not on, timeout=10000
        ):
            bridge.start_generator(
                GeneratorPlan(b"g" * 64, "127.0.0.1", sink.getsockname()[1], count=3000)
            )
    assert (samples[-1].messages_out, samples[-1].bytes_out) == (3000, 3000 * 64)


def test_generator_stop_at_full_rate(qtbot, bridge: UdpBridge) -> None:  # type: ignore[no-untyped-def]
    start(qtbot, bridge, UdpOptions(bind=BindOptions("127.0.0.1", 0)))
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sink:
        sink.bind(("127.0.0.1", 0))
        samples: list[CounterSample] = []
        bridge.counters_updated.connect(samples.append)
        with qtbot.waitSignal(bridge.generator_changed, timeout=5000):
            bridge.start_generator(GeneratorPlan(b"g" * 64, "127.0.0.1", sink.getsockname()[1]))
        qtbot.waitUntil(lambda: bool(samples) and samples[-1].messages_out > 1000, timeout=10000)
        with qtbot.waitSignal(
            bridge.generator_changed, check_params_cb=lambda on: not on, timeout=2000
        ):
            bridge.stop_generator()


def test_a_file_as_a_datagram_sequence(qtbot, bridge: UdpBridge, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "f.bin"
    path.write_bytes(bytes(range(256)) * 10)
    start(qtbot, bridge, UdpOptions(bind=BindOptions("127.0.0.1", 0)))
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sink:
        sink.bind(("127.0.0.1", 0))
        sink.settimeout(5)
        with qtbot.waitSignal(
            bridge.notice, check_params_cb=lambda s: "as 3 datagrams" in str(s), timeout=5000
        ):
            bridge.send_file(str(path), 1000, 0.001, "127.0.0.1", sink.getsockname()[1])
        chunks = [sink.recv(2000) for _ in range(3)]
    assert [len(c) for c in chunks] == [1000, 1000, 560]
    assert b"".join(chunks) == path.read_bytes()
