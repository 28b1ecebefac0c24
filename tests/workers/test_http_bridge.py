"""The HTTP bridge's send modes against a real nginx: once, pipelined, N in a row, a race."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.http.exchange import ExchangeResult, HttpTarget
from desktop.core.net.tls import TlsClientOptions
from desktop.workers.http_bridge import MAX_BATCH, BatchDone, BatchItem, HttpBridge
from desktop.workers.loop_thread import EventLoopThread
from tests.helpers.servers import closed_port
from tests.peers.nginx import HELLO, Nginx, running_nginx

HELLO_REQUEST = b"GET /hello.txt HTTP/1.1\r\nHost: localhost\r\n\r\n"
LARGE_REQUEST = b"GET /large.bin HTTP/1.1\r\nHost: localhost\r\n\r\n"


@pytest.fixture(scope="module")
def nginx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nginx]:
    with running_nginx(tmp_path_factory.mktemp("nginx")) as server:
        yield server


@pytest.fixture
def bridge(qtbot: QtBot) -> Iterator[HttpBridge]:
    io = EventLoopThread()
    io.start_and_wait()
    bridge = HttpBridge(io)
    yield bridge
    bridge.close()
    assert io.stop(3000)


def collect(bridge: HttpBridge) -> list[BatchItem]:
    items: list[BatchItem] = []
    bridge.batch_item_finished.connect(items.append)
    return items


def run_batch(qtbot: QtBot, bridge: HttpBridge, start: object) -> BatchDone:
    with qtbot.waitSignal(bridge.batch_finished, timeout=20_000) as blocker:
        assert callable(start)
        start()
    done: BatchDone = blocker.args[0]
    return done


def test_send_n_times_on_one_kept_alive_connection(
    qtbot: QtBot, bridge: HttpBridge, nginx: Nginx
) -> None:
    items = collect(bridge)
    target = HttpTarget(nginx.host, nginx.port)
    peers: list[str] = []
    bridge.connection_changed.connect(peers.append)
    done = run_batch(qtbot, bridge, lambda: bridge.send_sequence(target, HELLO_REQUEST, 5))
    assert done == BatchDone("sequence", 5, 5, None)
    assert [item.index for item in items] == [0, 1, 2, 3, 4]
    assert all(item.result.responses[0].body == HELLO for item in items)
    assert [item.result.reused for item in items] == [False, True, True, True, True]
    assert all(item.result.connection is None for item in items)
    assert peers == [f"{nginx.host}:{nginx.port}"] * 5


def test_send_n_times_on_new_connections(qtbot: QtBot, bridge: HttpBridge, nginx: Nginx) -> None:
    items = collect(bridge)
    peers: list[str] = []
    bridge.connection_changed.connect(peers.append)
    target = HttpTarget(nginx.host, nginx.port)
    run_batch(qtbot, bridge, lambda: bridge.send_sequence(target, HELLO_REQUEST, 3, reuse=False))
    assert [item.result.reused for item in items] == [False, False, False]
    assert all(item.result.timings.connect_ms is not None for item in items)
    assert peers == ["", "", ""]


def test_a_single_send_without_reuse_drops_the_kept_connection(
    qtbot: QtBot, bridge: HttpBridge, nginx: Nginx
) -> None:
    target = HttpTarget(nginx.host, nginx.port)
    with qtbot.waitSignal(bridge.connection_changed, timeout=10_000) as kept:
        bridge.send(target, HELLO_REQUEST)
    assert kept.args == [f"{nginx.host}:{nginx.port}"]
    with qtbot.waitSignal(bridge.exchange_finished, timeout=10_000) as second:
        bridge.send(target, HELLO_REQUEST, reuse=False)
    assert not second.args[0].reused
    with qtbot.waitSignal(bridge.exchange_finished, timeout=10_000) as third:
        bridge.send(target, HELLO_REQUEST)
    assert not third.args[0].reused  # nothing was kept by the send without reuse


def test_a_sequence_stops_at_a_connection_failure(qtbot: QtBot, bridge: HttpBridge) -> None:
    items = collect(bridge)
    target = HttpTarget("127.0.0.1", closed_port())
    done = run_batch(qtbot, bridge, lambda: bridge.send_sequence(target, HELLO_REQUEST, 4))
    assert (done.done, done.count) == (1, 4)
    assert done.reason is not None and "refused" in str(done.reason).lower()
    assert len(items) == 1 and items[0].result.error == done.reason


def test_cancel_stops_a_sequence_in_the_middle_of_a_download(
    qtbot: QtBot, bridge: HttpBridge, nginx: Nginx
) -> None:
    items = collect(bridge)
    target = HttpTarget(nginx.host, nginx.port)
    bridge.send_sequence(target, LARGE_REQUEST, 50)
    qtbot.waitUntil(lambda: len(items) >= 1, timeout=20_000)
    with qtbot.waitSignal(bridge.batch_finished, timeout=10_000) as blocker:
        bridge.cancel()
    done: BatchDone = blocker.args[0]
    assert done.done < 50 and done.reason is not None
    assert "cancel" in str(done.reason).lower()


def test_race_sends_n_copies_on_n_connections(
    qtbot: QtBot, bridge: HttpBridge, nginx: Nginx
) -> None:
    items = collect(bridge)
    target = HttpTarget(nginx.host, nginx.port)
    done = run_batch(qtbot, bridge, lambda: bridge.send_race(target, HELLO_REQUEST, 6))
    assert done == BatchDone("race", 6, 6, None)
    results: list[ExchangeResult] = [item.result for item in items]
    assert [r.responses[0].status for r in results] == [200] * 6
    assert all(r.raw_sent == HELLO_REQUEST and not r.reused for r in results)
    # Each connection had its own port: six connections, not one reused six times.
    assert all(r.connection is None for r in results)


def test_race_and_sequence_counts_are_capped(qtbot: QtBot, bridge: HttpBridge) -> None:
    target = HttpTarget("127.0.0.1", closed_port())
    done = run_batch(qtbot, bridge, lambda: bridge.send_race(target, HELLO_REQUEST, 10_000))
    assert done.count == MAX_BATCH
    assert done.done == MAX_BATCH  # each refused connection reported


def test_pipeline_writes_every_request_on_one_connection(
    qtbot: QtBot, bridge: HttpBridge, nginx: Nginx
) -> None:
    target = HttpTarget(nginx.host, nginx.port)
    requests = [HELLO_REQUEST, b"GET /status HTTP/1.1\r\nHost: localhost\r\n\r\n", HELLO_REQUEST]
    with qtbot.waitSignal(bridge.exchange_finished, timeout=10_000) as blocker:
        bridge.send_pipeline(target, requests)
    result: ExchangeResult = blocker.args[0]
    assert result.raw_sent == b"".join(requests)
    assert [r.body for r in result.responses] == [HELLO, b"ok\n", HELLO]


def test_an_empty_request_in_a_pipeline_is_refused(qtbot: QtBot, bridge: HttpBridge) -> None:
    with qtbot.waitSignal(bridge.exchange_failed, timeout=5000) as blocker:
        bridge.send_pipeline(HttpTarget("127.0.0.1", 1), [HELLO_REQUEST, b""])
    assert "empty" in blocker.args[0]


def test_a_second_job_while_one_runs_is_refused(
    qtbot: QtBot, bridge: HttpBridge, nginx: Nginx, tmp_path: Path
) -> None:
    target = HttpTarget(nginx.host, nginx.port)
    items = collect(bridge)
    bridge.send_sequence(target, LARGE_REQUEST, 20)
    with qtbot.waitSignal(bridge.exchange_failed, timeout=5000) as blocker:
        bridge.send(target, HELLO_REQUEST)
    assert "already running" in blocker.args[0]
    with qtbot.waitSignal(bridge.batch_finished, timeout=10_000):
        bridge.cancel()
    assert len(items) < 20


def test_race_over_tls(qtbot: QtBot, bridge: HttpBridge, nginx: Nginx) -> None:
    """Regression: with high=0 on asyncio's SSL transport every write paused it until something
    was read, so the first half of a TLS race waited for a server that waited for the rest."""
    items = collect(bridge)
    target = HttpTarget(
        nginx.host, nginx.tls_port, tls=TlsClientOptions(verify=False), read_timeout=5
    )
    done = run_batch(qtbot, bridge, lambda: bridge.send_race(target, HELLO_REQUEST, 8))
    assert done == BatchDone("race", 8, 8, None)
    assert [item.result.error for item in items] == [None] * 8
    assert all(item.result.responses[0].body == HELLO for item in items)
    assert all(item.result.tls_info is not None for item in items)


def test_cancel_stops_a_pipeline_at_once(qtbot: QtBot, bridge: HttpBridge, nginx: Nginx) -> None:
    target = HttpTarget(nginx.host, nginx.port)
    outcome: list[str] = []
    bridge.exchange_failed.connect(outcome.append)
    bridge.exchange_finished.connect(lambda result: outcome.append(result.error or "finished"))
    bridge.send_pipeline(target, [LARGE_REQUEST, HELLO_REQUEST])
    bridge.cancel()
    qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
    assert "cancel" in str(outcome[0]).lower()
    with qtbot.waitSignal(bridge.exchange_finished, timeout=10_000) as blocker:
        bridge.send(target, HELLO_REQUEST)  # the bridge takes new work afterwards
    assert blocker.args[0].responses[0].body == HELLO
