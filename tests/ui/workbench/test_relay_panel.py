"""The relay panel in front of a real echo server: one timeline, injection both ways."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from desktop.core.capture import Direction
from desktop.core.codec import InputFormat, LineEnding
from desktop.ui.workbench.relay_panel import RelayPanel
from desktop.workers.relay_bridge import RelayBridge
from tests.helpers.servers import closed_port, echo_server


@pytest.fixture
def relay_bridge(io, tmp_path) -> Iterator[RelayBridge]:  # type: ignore[no-untyped-def]
    bridge = RelayBridge(io, tmp_path)
    yield bridge
    bridge.stop()


def make_panel(qtbot, relay_bridge, settings, runner, target_port: int) -> RelayPanel:  # type: ignore[no-untyped-def]
    panel = RelayPanel(relay_bridge, settings, runner)
    qtbot.addWidget(panel)
    panel.show()
    panel.listen_edit.setText("127.0.0.1")
    panel.listen_spin.setValue(0)
    panel.target_edit.setText("127.0.0.1")
    panel.target_spin.setValue(target_port)
    panel.toggle()
    qtbot.waitUntil(lambda: panel.running, timeout=5000)
    return panel


def listen_port(panel: RelayPanel) -> int:
    return int(panel.state_label.text().split(" → ")[0].rsplit(":", 1)[1])


def test_both_directions_in_one_timeline_and_injection(
    qtbot, relay_bridge, settings, runner
) -> None:  # type: ignore[no-untyped-def]
    with echo_server() as (_host, echo_port):
        panel = make_panel(qtbot, relay_bridge, settings, runner, echo_port)
        client = socket.create_connection(("127.0.0.1", listen_port(panel)))
        client.settimeout(5)
        try:
            client.sendall(b"hello through")
            assert client.recv(100) == b"hello through"
            qtbot.waitUntil(lambda: panel.pairs.rowCount() == 1, timeout=5000)
            qtbot.waitUntil(
                lambda: (
                    [r.direction for r in panel.log.records() if r.direction is not Direction.INFO]
                    == [Direction.OUT, Direction.IN]
                ),
                timeout=5000,
            )
            out = next(r for r in panel.log.records() if r.direction is Direction.OUT)
            assert out.peer.startswith("#1 127.0.0.1:") and out.data == b"hello through"

            # Toward the target: the echo server answers, and the answer reaches the client.
            panel.send_box.set_spec("injected", InputFormat.TEXT, "utf-8", LineEnding.NONE)
            panel.send_box.send_once()
            assert client.recv(100) == b"injected"
            # Toward the client only.
            panel.side_combo.setCurrentIndex(1)
            panel.send_box.set_spec("to you", InputFormat.TEXT, "utf-8", LineEnding.NONE)
            panel.send_box.send_once()
            assert client.recv(100) == b"to you"
        finally:
            client.close()
        qtbot.waitUntil(lambda: panel.pairs.rowCount() == 0, timeout=5000)


def test_unreachable_target_is_a_clear_message(qtbot, relay_bridge, settings, runner) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, relay_bridge, settings, runner, closed_port())
    client = socket.create_connection(("127.0.0.1", listen_port(panel)))
    client.settimeout(5)
    try:
        assert client.recv(10) == b""
        qtbot.waitUntil(panel.banner.isVisible, timeout=5000)
        assert "refused" in panel.banner.label.text()
    finally:
        client.close()
