"""The server panel with real clients: table, echo, rules, send to selected/all, kick, errors."""

from __future__ import annotations

import os
import socket

from desktop.core.capture import Direction
from desktop.core.codec import InputFormat, LineEnding
from desktop.core.net.auto_reply import MatchKind
from desktop.core.net.tcp_server import ServerMode
from desktop.ui.workbench.client_table_model import ClientTableModel
from desktop.ui.workbench.tcp_server_panel import TcpServerPanel


def make_panel(qtbot, server_bridge, settings, runner) -> TcpServerPanel:  # type: ignore[no-untyped-def]
    panel = TcpServerPanel(server_bridge, settings, runner)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def start(qtbot, panel: TcpServerPanel, mode: ServerMode = ServerMode.PLAIN) -> int:  # type: ignore[no-untyped-def]
    panel.host_edit.setText("127.0.0.1")
    panel.port_spin.setValue(0)
    panel.mode_combo.setCurrentIndex(panel.mode_combo.findData(mode))
    panel.toggle()
    qtbot.waitUntil(lambda: panel.running, timeout=5000)
    return int(panel.state_label.text().rsplit(":", 1)[1])


def client(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port))
    sock.settimeout(5)
    return sock


def test_echo_server_with_clients_in_the_table(qtbot, server_bridge, settings, runner) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, server_bridge, settings, runner)
    port = start(qtbot, panel, ServerMode.ECHO)
    a, b = client(port), client(port)
    try:
        qtbot.waitUntil(lambda: panel.clients.rowCount() == 2, timeout=5000)
        assert panel.count_label.text() == "2 clients connected"
        a.sendall("回声".encode())
        assert a.recv(100) == "回声".encode()
        qtbot.waitUntil(
            lambda: panel.last_batch is not None and panel.last_batch.bytes_out == 6, timeout=5000
        )
        qtbot.waitUntil(
            lambda: panel.clients.index(0, ClientTableModel.IN).data() == "6 B", timeout=5000
        )
    finally:
        a.close()
        b.close()
    qtbot.waitUntil(lambda: panel.clients.rowCount() == 0, timeout=5000)
    panel.toggle()
    qtbot.waitUntil(lambda: not panel.running, timeout=5000)


def test_send_to_selected_and_to_all_and_kick(qtbot, server_bridge, settings, runner) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, server_bridge, settings, runner)
    port = start(qtbot, panel)
    a, b = client(port), client(port)
    try:
        qtbot.waitUntil(lambda: panel.clients.rowCount() == 2, timeout=5000)
        panel.send_box.set_spec("to all", InputFormat.TEXT, "utf-8", LineEnding.NONE)
        panel.send_box.send_once()
        assert a.recv(6) == b"to all" and b.recv(6) == b"to all"
        panel.target_combo.setCurrentIndex(1)  # selected clients
        panel.client_view.selectRow(1)
        panel.send_box.set_spec("only b", InputFormat.TEXT, "utf-8", LineEnding.NONE)
        panel.send_box.send_once()
        assert b.recv(6) == b"only b"
        a.setblocking(False)
        qtbot.wait(100)
        try:
            extra = a.recv(10)
        except BlockingIOError:
            extra = b""
        assert extra == b""
        panel.only_selected_check.setChecked(True)
        peer_b = panel.clients.client_at(1).peer  # type: ignore[union-attr]
        assert panel.log.proxy.peer == peer_b
        panel._kick_selected()
        b.settimeout(5)
        assert b.recv(10) == b""
        qtbot.waitUntil(lambda: panel.clients.rowCount() == 1, timeout=5000)
    finally:
        a.close()
        b.close()


def test_auto_reply_rules(qtbot, server_bridge, settings, runner) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, server_bridge, settings, runner)
    panel.mode_combo.setCurrentIndex(panel.mode_combo.findData(ServerMode.RULES))
    panel.rules.table.removeRow(0)
    panel.rules.add_rule(MatchKind.EXACT, "PING\\r\\n", InputFormat.ESCAPED, "PONG\\r\\n")
    panel.rules.add_rule(MatchKind.REGEX, r"ID=(\d+)", InputFormat.ESCAPED, r"ACK \1")
    port = start(qtbot, panel, ServerMode.RULES)
    sock = client(port)
    try:
        sock.sendall(b"PING\r\n")
        assert sock.recv(100) == b"PONG\r\n"
        sock.sendall(b"x ID=42")
        assert sock.recv(100) == b"ACK 42"
        qtbot.waitUntil(
            lambda: any(
                r.direction is Direction.OUT and r.data == b"ACK 42" for r in panel.log.records()
            ),
            timeout=5000,
        )
    finally:
        sock.close()


def test_bad_rule_is_refused_before_starting(qtbot, server_bridge, settings, runner) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, server_bridge, settings, runner)
    panel.mode_combo.setCurrentIndex(panel.mode_combo.findData(ServerMode.RULES))
    panel.rules.table.removeRow(0)
    panel.rules.add_rule(MatchKind.CONTAINS, "zz", InputFormat.HEX, "00")
    panel.toggle()
    assert not panel.running
    assert panel.banner.label.text().startswith("Rule 1: ")
    assert "not a hex digit" in panel.banner.label.text()


def test_port_in_use_is_a_clear_message(qtbot, server_bridge, settings, runner) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, server_bridge, settings, runner)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        panel.host_edit.setText("127.0.0.1")
        panel.port_spin.setValue(port)
        panel.toggle()
        qtbot.waitUntil(panel.banner.isVisible, timeout=5000)
    said = panel.banner.label.text()  # the program holding the port is named: this test's own
    assert said.startswith(f"127.0.0.1:{port} is already in use by ")
    assert said.endswith(f"(pid {os.getpid()}).")
    assert not panel.running and panel.start_button.text() == "Start"


def test_client_table_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.net.tcp_server import ClientInfo, ClientState

    model = ClientTableModel()
    model.set_clients(
        [
            ClientInfo(1, "127.0.0.1:5", 0, 10, 20, ClientState.CONNECTED),
            ClientInfo(2, "[::1]:6", 0, 0, 0, ClientState.HANDSHAKE),
        ]
    )
    qtmodeltester.check(model, force_py=True)
    model.set_clients([ClientInfo(2, "[::1]:6", 0, 5, 0, ClientState.CONNECTED)])
    assert model.rowCount() == 1 and model.index(0, ClientTableModel.IN).data() == "5 B"
