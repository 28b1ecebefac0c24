"""The vertical slice: panel → bridge → engine → a real echo server, and back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.capture import Direction, Record
from desktop.ui.widgets.record_log_model import RecordLogModel
from desktop.ui.workbench.tcp_client_panel import TcpClientPanel
from tests.helpers.servers import closed_port, echo_server, unresponsive_port


def make_panel(qtbot, tcp_bridge, settings) -> TcpClientPanel:  # type: ignore[no-untyped-def]
    panel = TcpClientPanel(tcp_bridge, settings)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def rows(panel: TcpClientPanel) -> list[tuple[str, str]]:
    model = panel.model
    return [
        (
            model.index(r, RecordLogModel.DIRECTION).data(),
            model.index(r, RecordLogModel.DATA).data(),
        )
        for r in range(model.rowCount())
    ]


def test_connect_type_send_and_see_the_echo(qtbot, tcp_bridge, settings) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, tcp_bridge, settings)
    counters: list[tuple[int, int]] = []
    panel.counters_changed.connect(lambda i, o: counters.append((i, o)))
    with echo_server() as (host, port):
        panel.host_edit.setText(host)
        panel.port_spin.setValue(port)
        qtbot.mouseClick(panel.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.state == panel.CONNECTED, timeout=5000)
        assert panel.connect_button.text() == "Disconnect"
        assert not panel.host_edit.isEnabled()

        panel.send_edit.insert("héllo 你好")  # QTest.keyClicks asserts on non-ASCII keys
        qtbot.keyClick(panel.send_edit, Qt.Key.Key_Return)
        sent = "héllo 你好\\n"
        qtbot.waitUntil(lambda: ("←", sent) in rows(panel), timeout=5000)
        assert ("→", sent) in rows(panel)
        size = len("héllo 你好\n".encode())
        qtbot.waitUntil(lambda: counters and counters[-1] == (size, size), timeout=5000)

        qtbot.mouseClick(panel.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.state == panel.IDLE, timeout=5000)
    assert rows(panel)[-1] == ("•", "Disconnected.")
    assert settings.get(settings.TCP_CLIENT_PORT) == port  # remembered for next time


def test_refused_shows_a_clear_message(qtbot, tcp_bridge, settings) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, tcp_bridge, settings)
    port = closed_port()
    panel.host_edit.setText("127.0.0.1")
    panel.port_spin.setValue(port)
    panel.toggle_connection()
    qtbot.waitUntil(panel.banner.isVisible, timeout=5000)
    assert panel.banner.label.text() == (
        f"Could not connect to 127.0.0.1:{port}: the connection was refused "
        "(is a server listening there?)."
    )
    assert panel.state == panel.IDLE and panel.host_edit.isEnabled()


def test_unknown_host_shows_a_clear_message(qtbot, tcp_bridge, settings) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, tcp_bridge, settings)
    panel.host_edit.setText("no-such-host.invalid")
    panel.toggle_connection()
    qtbot.waitUntil(panel.banner.isVisible, timeout=5000)
    assert "host name is unknown" in panel.banner.label.text()


def test_timeout_shows_a_clear_message_and_cancel_works(qtbot, tcp_bridge, settings) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, tcp_bridge, settings)
    with unresponsive_port() as port:
        panel.host_edit.setText("127.0.0.1")
        panel.port_spin.setValue(port)
        panel.timeout_spin.setValue(0.3)
        panel.toggle_connection()
        assert panel.connect_button.text() == "Cancel"
        qtbot.waitUntil(panel.banner.isVisible, timeout=5000)
        assert "no answer within 0.3 s" in panel.banner.label.text()

        panel.timeout_spin.setValue(60)
        panel.toggle_connection()
        qtbot.wait(50)
        panel.toggle_connection()  # Cancel
        qtbot.waitUntil(lambda: panel.state == panel.IDLE, timeout=5000)
        assert "cancelled" in panel.banner.label.text()


def test_empty_host_and_send_while_idle_are_refused_inline(qtbot, tcp_bridge, settings) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, tcp_bridge, settings)
    panel.host_edit.setText("  ")
    panel.toggle_connection()
    assert panel.banner.label.text() == "Enter a host name or address to connect to."
    assert panel.state == panel.IDLE
    panel.send_edit.setText("x")
    panel.send_current()
    assert panel.banner.label.text() == "Connect first: there is no open connection."


def test_log_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = RecordLogModel()
    model.append_records(
        [
            Record(i * 10**9, d, "p:1", b"data\r\n%d" % i)
            for i, d in enumerate([Direction.IN, Direction.OUT, Direction.INFO])
        ]
    )
    qtmodeltester.check(model, force_py=True)


def test_log_model_evicts_rows_with_exact_notifications(qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.capture import RecordRing

    model = RecordLogModel(RecordRing(max_records=5))
    removed: list[tuple[int, int]] = []
    inserted: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _p, a, b: removed.append((a, b)))
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    model.append_records([Record(i, Direction.IN, "p", b"x") for i in range(4)])
    model.append_records([Record(i, Direction.IN, "p", b"y") for i in range(3)])
    assert inserted == [(0, 3), (2, 4)] and removed == [(0, 1)]
    model.append_records([Record(i, Direction.IN, "p", b"z") for i in range(8)])  # > cap
    assert removed[-1] == (0, 4) and inserted[-1] == (0, 4)
    assert model.rowCount() == 5
    assert model.index(4, RecordLogModel.DATA).data() == "z"
