"""Export ▸ pcapng from each session kind on a live session, read back with tshark."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.capture import Direction
from desktop.core.codec import InputFormat, LineEnding
from desktop.ui.workbench.relay_panel import RelayPanel
from desktop.ui.workbench.session_panel import SessionPanel
from desktop.workers.relay_bridge import RelayBridge
from tests.helpers.servers import echo_server
from tests.helpers.tshark import analysis_problems, follow, stream_count
from tests.ui.workbench.test_relay_panel import listen_port
from tests.ui.workbench.test_relay_panel import make_panel as make_relay_panel
from tests.ui.workbench.test_tcp_client_panel import connect
from tests.ui.workbench.test_tcp_client_panel import make_panel as make_client_panel
from tests.ui.workbench.test_tcp_server_panel import client as server_client
from tests.ui.workbench.test_tcp_server_panel import make_panel as make_server_panel
from tests.ui.workbench.test_tcp_server_panel import start as start_server


@pytest.fixture
def relay_bridge(io, tmp_path: Path) -> Iterator[RelayBridge]:  # type: ignore[no-untyped-def]
    bridge = RelayBridge(io, tmp_path)
    yield bridge
    bridge.stop()


def export(qtbot, panel: SessionPanel, path: Path) -> None:  # type: ignore[no-untyped-def]
    """Export ▸ pcapng and wait for the banner that says it is done."""
    panel.export("pcapng", str(path))
    qtbot.waitUntil(lambda: "Exported to" in panel.banner.label.text(), timeout=5000)
    assert path.is_file()


def bytes_in(panel: SessionPanel) -> int:
    return panel.last_batch.bytes_in if panel.last_batch is not None else 0


def test_client_session(qtbot, tcp_bridge, settings, runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    panel = make_client_panel(qtbot, tcp_bridge, settings, runner)
    with echo_server() as (host, port):
        connect(qtbot, panel, host, port)
        tcp_bridge.send(b"ping\r\n")
        qtbot.waitUntil(lambda: bytes_in(panel) == 6, timeout=5000)
        path = tmp_path / "client.pcapng"
        export(qtbot, panel, path)  # while connected
    assert stream_count(path) == 1
    assert follow(path, 0) == (panel.local, panel.peer, b"ping\r\n", b"ping\r\n")
    assert analysis_problems(path) == ""


def test_server_with_several_clients_none_selected_exports_each_as_its_stream(
    qtbot, server_bridge, settings, runner, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    panel = make_server_panel(qtbot, server_bridge, settings, runner)
    port = start_server(qtbot, panel)
    a, b = server_client(port), server_client(port)
    try:
        qtbot.waitUntil(lambda: panel.clients.rowCount() == 2, timeout=5000)
        a.sendall(b"from a")
        b.sendall(b"from b, longer")
        qtbot.waitUntil(lambda: bytes_in(panel) == 20, timeout=5000)
        panel.send_box.set_spec("to all", InputFormat.TEXT, "utf-8", LineEnding.NONE)
        panel.send_box.send_once()
        assert a.recv(6) == b"to all" and b.recv(6) == b"to all"
        qtbot.waitUntil(lambda: panel.last_batch.bytes_out == 12, timeout=5000)
        assert not panel.selected_clients()
        path = tmp_path / "server.pcapng"
        export(qtbot, panel, path)
        server = f"127.0.0.1:{port}"
        a_peer = f"127.0.0.1:{a.getsockname()[1]}"
        b_peer = f"127.0.0.1:{b.getsockname()[1]}"
        assert stream_count(path) == 2
        streams = {follow(path, i) for i in (0, 1)}
        assert streams == {
            (server, a_peer, b"to all", b"from a"),
            (server, b_peer, b"to all", b"from b, longer"),
        }
        assert analysis_problems(path) == ""

        # One client selected: only its conversation.
        row = next(
            r for r in range(panel.clients.rowCount()) if panel.clients.client_at(r).peer == b_peer
        )
        panel.client_view.selectRow(row)
        only_b = tmp_path / "b.pcapng"
        panel.banner.hide()
        panel.banner.label.clear()
        export(qtbot, panel, only_b)
        assert stream_count(only_b) == 1
        assert follow(only_b, 0) == (server, b_peer, b"to all", b"from b, longer")
    finally:
        a.close()
        b.close()


def test_relay_session_exports_each_pair_client_to_target(
    qtbot, relay_bridge, settings, runner, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with echo_server() as (_host, echo_port):
        panel: RelayPanel = make_relay_panel(qtbot, relay_bridge, settings, runner, echo_port)
        client = socket.create_connection(("127.0.0.1", listen_port(panel)))
        client.settimeout(5)
        try:
            client.sendall(b"hello through")
            assert client.recv(100) == b"hello through"
            panel.side_combo.setCurrentIndex(1)  # toward the client only
            panel.send_box.set_spec("to you", InputFormat.TEXT, "utf-8", LineEnding.NONE)
            panel.send_box.send_once()
            assert client.recv(100) == b"to you"
            qtbot.waitUntil(
                lambda: sum(r.direction is Direction.IN for r in panel.log.records()) == 2,
                timeout=5000,
            )
            path = tmp_path / "relay.pcapng"
            export(qtbot, panel, path)  # the pair is still open
            client_address = f"127.0.0.1:{client.getsockname()[1]}"
        finally:
            client.close()
    assert stream_count(path) == 1
    assert follow(path, 0) == (
        client_address,
        f"127.0.0.1:{echo_port}",
        b"hello through",
        b"hello throughto you",
    )
    assert analysis_problems(path) == ""


def test_nothing_to_export_before_any_connection(
    qtbot, relay_bridge, settings, runner, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with echo_server() as (_host, echo_port):
        panel = make_relay_panel(qtbot, relay_bridge, settings, runner, echo_port)
        panel.export("pcapng", str(tmp_path / "none.pcapng"))
        assert "no connection was made" in panel.banner.label.text()
        assert not (tmp_path / "none.pcapng").exists()


def test_server_client_that_connects_sends_and_leaves_at_once_is_exported(
    qtbot, server_bridge, settings, runner, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    panel = make_server_panel(qtbot, server_bridge, settings, runner)
    port = start_server(qtbot, panel)
    # The client is gone long before the client table's next refresh.
    with (
        qtbot.waitSignal(server_bridge.client_closed, timeout=5000),
        server_client(port) as quick,
    ):
        quick.sendall(b"hit and run")
        peer = f"127.0.0.1:{quick.getsockname()[1]}"
    qtbot.waitUntil(lambda: bytes_in(panel) == 11, timeout=5000)
    path = tmp_path / "quick.pcapng"
    export(qtbot, panel, path)
    assert stream_count(path) == 1
    assert follow(path, 0) == (f"127.0.0.1:{port}", peer, b"", b"hit and run")
    assert analysis_problems(path) == ""


def test_relay_restarted_keeps_an_old_pair_apart_from_a_new_one(
    qtbot, relay_bridge, settings, runner, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    def one_pair(payload: bytes, injected: bytes) -> str:
        """A client through the relay: it sends, gets its echo and an injection, and leaves."""
        with socket.create_connection(("127.0.0.1", listen_port(panel)), timeout=5) as client:
            client.sendall(payload)
            assert client.recv(100) == payload
            panel.send_box.set_spec(injected.decode(), InputFormat.TEXT, "utf-8", LineEnding.NONE)
            panel.send_box.send_once()
            assert client.recv(100) == injected
            return f"127.0.0.1:{client.getsockname()[1]}"

    with echo_server() as (_host, echo_port):
        panel: RelayPanel = make_relay_panel(qtbot, relay_bridge, settings, runner, echo_port)
        panel.side_combo.setCurrentIndex(1)  # inject toward the client
        first = one_pair(b"first run", b"inj one")
        panel.toggle()
        qtbot.waitUntil(lambda: not panel.running, timeout=5000)
        panel.toggle()
        qtbot.waitUntil(lambda: panel.running, timeout=5000)
        second = one_pair(b"second run", b"inj two")
        qtbot.waitUntil(
            lambda: sum(r.direction is Direction.IN for r in panel.log.records()) == 4,
            timeout=5000,
        )
        path = tmp_path / "restarted.pcapng"
        export(qtbot, panel, path)
    target = f"127.0.0.1:{echo_port}"
    assert stream_count(path) == 2
    assert {follow(path, i) for i in (0, 1)} == {
        (first, target, b"first run", b"first runinj one"),
        (second, target, b"second run", b"second runinj two"),
    }
