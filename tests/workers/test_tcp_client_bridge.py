"""The bridge: commands from the GUI thread, queued signals back, batches with credit."""

from __future__ import annotations

import pytest

from desktop.core.capture import Direction, RecordBatch
from desktop.core.errors import ConnectRefused, NetError
from desktop.core.sentence import Sentence
from desktop.core.session.lifecycle import Phase
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.tcp_client_bridge import TcpClientBridge
from tests.helpers.servers import closed_port, echo_server


@pytest.fixture
def bridge(qtbot):  # type: ignore[no-untyped-def]
    io = EventLoopThread()
    io.start_and_wait()
    bridge = TcpClientBridge(io)
    yield bridge
    bridge.stop()
    assert io.stop(3000)


def test_connect_send_receive_close(qtbot, bridge: TcpClientBridge) -> None:  # type: ignore[no-untyped-def]
    batches: list[RecordBatch] = []

    def collect(batch: RecordBatch) -> None:
        batches.append(batch)
        bridge.batch_consumed()

    bridge.records_received.connect(collect)
    with echo_server() as (host, port):
        with qtbot.waitSignal(bridge.started, timeout=5000) as connected:
            bridge.connect_to(host, port)
        assert connected.args[0][1] == f"127.0.0.1:{port}"
        bridge.send("你好\n".encode())

        def echoed() -> None:
            records = [r for b in batches for r in b.records]
            assert [(r.direction, r.data) for r in records] == [
                (Direction.OUT, "你好\n".encode()),
                (Direction.IN, "你好\n".encode()),
            ]
            assert batches[-1].bytes_in == batches[-1].bytes_out == 7

        qtbot.waitUntil(echoed, timeout=5000)
        with (
            qtbot.waitSignal(bridge.stopped, timeout=5000) as closed,
            qtbot.waitSignal(
                bridge.state_changed,
                check_params_cb=lambda status: status.phase is Phase.IDLE,
                timeout=5000,
            ) as idle,
        ):
            bridge.stop()
        assert isinstance(closed.args[0], Sentence) and str(closed.args[0]) == "Disconnected."
        assert str(idle.args[0].sentence) == "Disconnected."


def test_refused_is_reported_as_a_sentence(qtbot, bridge: TcpClientBridge) -> None:  # type: ignore[no-untyped-def]
    port = closed_port()
    with qtbot.waitSignal(bridge.start_failed, timeout=5000) as failed:
        bridge.connect_to("127.0.0.1", port)
    assert isinstance(failed.args[0], ConnectRefused)  # typed across the thread boundary
    assert "refused" in str(failed.args[0])


def test_send_while_closed_is_an_error_message(qtbot, bridge: TcpClientBridge) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(bridge.error_occurred, timeout=5000) as error:
        bridge.send(b"lost?")
    [problem] = error.args
    assert isinstance(problem, NetError)
    assert problem.sentence.template == "Not connected: nothing was sent."


def test_disconnect_cancels_a_pending_connect(qtbot, bridge: TcpClientBridge) -> None:  # type: ignore[no-untyped-def]
    from tests.helpers.servers import unresponsive_port

    with (
        unresponsive_port() as port,
        qtbot.waitSignal(bridge.start_failed, timeout=5000) as failed,
    ):
        bridge.connect_to("127.0.0.1", port, timeout=30)
        qtbot.wait(50)
        bridge.stop()
    assert str(failed.args[0]) == "The connection attempt was cancelled."
