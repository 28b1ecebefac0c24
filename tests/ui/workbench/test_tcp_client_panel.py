"""The vertical slice: panel → bridge → engine → a real echo server, and back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from desktop.core.capture import Direction, Record, RecordRing
from desktop.core.codec import InputFormat, LineEnding
from desktop.ui.widgets.record_log_model import RecordLogModel
from desktop.ui.workbench.tcp_client_panel import TcpClientPanel
from tests.helpers.servers import (
    closed_port,
    echo_server,
    start_listening_on,
    unresponsive_port,
)


def make_panel(qtbot, tcp_bridge, settings, runner) -> TcpClientPanel:  # type: ignore[no-untyped-def]
    panel = TcpClientPanel(tcp_bridge, settings, runner)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def rows(panel: TcpClientPanel) -> list[tuple[str, str]]:
    model = panel.log.model
    return [
        (
            model.index(r, RecordLogModel.DIRECTION).data(),
            model.index(r, RecordLogModel.DATA).data(),
        )
        for r in range(model.rowCount())
    ]


def connect(qtbot, panel: TcpClientPanel, host: str, port: int) -> None:  # type: ignore[no-untyped-def]
    panel.host_edit.setText(host)
    panel.port_spin.setValue(port)
    qtbot.mouseClick(panel.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.state == panel.CONNECTED, timeout=5000)


def test_send_text_types_and_sends_as_a_user_does(qtbot, tcp_bridge, settings, runner) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, tcp_bridge, settings, runner)
    with echo_server() as (host, port):
        connect(qtbot, panel, host, port)
        panel.send_text("hello")  # the panel's action (tools/screenshot.py uses it); LF added
        qtbot.waitUntil(
            lambda: panel.last_batch is not None and panel.last_batch.bytes_in == 6, timeout=5000
        )


def test_connect_type_send_and_see_the_echo(qtbot, tcp_bridge, settings, runner) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, tcp_bridge, settings, runner)
    batches = []
    panel.counters_changed.connect(batches.append)
    with echo_server() as (host, port):
        connect(qtbot, panel, host, port)
        assert panel.connect_button.text() == "Disconnect"
        assert not panel.host_edit.isEnabled()

        panel.send_box.editor.insertPlainText("héllo 你好")  # keyClicks asserts on non-ASCII
        qtbot.keyClick(panel.send_box.editor, Qt.Key.Key_Return)
        sent = "héllo 你好\\n"
        qtbot.waitUntil(lambda: ("←", sent) in rows(panel), timeout=5000)
        assert ("→", sent) in rows(panel)
        size = len("héllo 你好\n".encode())
        qtbot.waitUntil(lambda: bool(batches) and batches[-1].bytes_in == size, timeout=5000)
        assert (batches[-1].bytes_out, batches[-1].messages_out) == (size, 1)

        qtbot.mouseClick(panel.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.state == panel.IDLE, timeout=5000)
    assert rows(panel)[-1] == ("•", "Disconnected.")
    assert not panel.banner.isVisible()  # a normal disconnect is not an error
    assert settings.get(settings.TCP_CLIENT_PORT) == port


def test_hex_and_gbk_input_send_exact_bytes(qtbot, tcp_bridge, settings, runner) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, tcp_bridge, settings, runner)
    batches = []
    panel.counters_changed.connect(batches.append)
    with echo_server() as (host, port):
        connect(qtbot, panel, host, port)
        panel.send_box.set_spec("48 65 0x6c,6c:6F", InputFormat.HEX, "utf-8", LineEnding.CRLF)
        panel.send_box.send_once()
        panel.send_box.set_spec("中文", InputFormat.TEXT, "gbk", LineEnding.NONE)
        panel.send_box.send_once()
        qtbot.waitUntil(lambda: bool(batches) and batches[-1].bytes_in == 9, timeout=5000)
        sent = [r.data for r in panel.log.records() if r.direction is Direction.OUT]
        assert sent == [b"Hello", "中文".encode("gbk")]  # hex: no line ending added
        model = panel.log.model
        peers = {model.index(r, RecordLogModel.PEER).data() for r in range(model.rowCount())}
        assert peers == {f"127.0.0.1:{port}"}


def test_hex_typed_with_enter_sends_exactly_the_bytes_typed(
    qtbot, tcp_bridge, settings, runner
) -> None:  # type: ignore[no-untyped-def]
    """Issue 11: ``48 65 6c 6c 6f 0a`` in Hex with LF chosen sent 7 bytes ending ``0a 0a``."""
    panel = make_panel(qtbot, tcp_bridge, settings, runner)
    box = panel.send_box
    box.ending_combo.setCurrentIndex(box.ending_combo.findData(LineEnding.LF))
    box.format_combo.setCurrentIndex(box.format_combo.findData(InputFormat.HEX))
    assert not box.ending_combo.isEnabled()
    assert "exactly the bytes typed" in box.ending_combo.toolTip()
    with echo_server() as (host, port):
        connect(qtbot, panel, host, port)
        qtbot.keyClicks(box.editor, "48 65 6c 6c 6f 0a")
        qtbot.keyClick(box.editor, Qt.Key.Key_Return)
        qtbot.waitUntil(
            lambda: any(r.direction is Direction.IN for r in panel.log.records()), timeout=5000
        )
        sent = [r.data for r in panel.log.records() if r.direction is Direction.OUT]
        assert sent == [b"Hello\n"]
    box.format_combo.setCurrentIndex(box.format_combo.findData(InputFormat.TEXT))
    assert box.ending_combo.isEnabled()


def test_invalid_hex_is_refused_with_its_position(qtbot, tcp_bridge, settings, runner) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, tcp_bridge, settings, runner)
    sent: list[bytes] = []
    panel.send_box.send_requested.connect(sent.append)
    panel.send_box.set_spec("48 6g 6c", InputFormat.HEX, "utf-8", LineEnding.NONE)
    panel.send_box.send_once()
    assert sent == []
    assert panel.send_box.error_label.isVisible()
    assert "'g' at column 5" in panel.send_box.error_label.text()
    assert panel.send_box.error_position == (4, 1)
    assert len(panel.send_box.editor.extraSelections()) == 1
    panel.send_box.editor.setPlainText("48 65")  # editing clears the error
    assert not panel.send_box.error_label.isVisible()


def test_a_failed_connect_is_logged_under_the_address_tried(
    qtbot, tcp_bridge, settings, runner
) -> None:  # type: ignore[no-untyped-def]
    """Issue 11: after a session with one peer, a failed connect was logged under that peer."""
    panel = make_panel(qtbot, tcp_bridge, settings, runner)
    with echo_server() as (host, port):
        connect(qtbot, panel, host, port)
        qtbot.mouseClick(panel.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.state == panel.IDLE, timeout=5000)
    refused = closed_port()
    panel.port_spin.setValue(refused)
    panel.toggle_connection()
    qtbot.waitUntil(lambda: panel.state == panel.IDLE, timeout=5000)
    qtbot.waitUntil(panel.banner.isVisible, timeout=5000)
    last = panel.log.records()[-1]
    assert last.direction is Direction.INFO and b"refused" in last.data
    assert last.peer == f"127.0.0.1:{refused}"


def test_refused_shows_a_clear_message(qtbot, tcp_bridge, settings, runner) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, tcp_bridge, settings, runner)
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


def test_unknown_host_shows_a_clear_message(qtbot, tcp_bridge, settings, runner) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, tcp_bridge, settings, runner)
    panel.host_edit.setText("no-such-host.invalid")
    panel.toggle_connection()
    qtbot.waitUntil(panel.banner.isVisible, timeout=5000)
    assert "host name is unknown" in panel.banner.label.text()


def test_timeout_shows_a_clear_message_and_cancel_works(
    qtbot, tcp_bridge, settings, runner
) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, tcp_bridge, settings, runner)
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


def test_auto_reconnect_comes_back_after_the_server_restarts(
    qtbot, tcp_bridge, settings, runner
) -> None:  # type: ignore[no-untyped-def]

    panel = make_panel(qtbot, tcp_bridge, settings, runner)
    port = closed_port()
    panel.reconnect_check.setChecked(True)
    panel.host_edit.setText("127.0.0.1")
    panel.port_spin.setValue(port)
    panel.toggle_connection()
    qtbot.waitUntil(lambda: panel.state == panel.WAITING, timeout=5000)
    assert "Trying again in 1 s" in panel.state_label.text()
    listener = start_listening_on(port)  # the server comes back on the same port
    try:
        qtbot.waitUntil(lambda: panel.state == panel.CONNECTED, timeout=10_000)
        panel.toggle_connection()  # Disconnect ends reconnecting too
        qtbot.waitUntil(lambda: panel.state == panel.IDLE, timeout=5000)
    finally:
        listener.close()


def test_empty_host_and_send_while_idle_are_refused_inline(
    qtbot, tcp_bridge, settings, runner
) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, tcp_bridge, settings, runner)
    panel.host_edit.setText("  ")
    panel.toggle_connection()
    assert panel.banner.label.text() == "Enter a host name or address to connect to."
    assert panel.state == panel.IDLE
    panel.send_box.editor.setPlainText("x")
    panel.send_box.send_once()
    assert panel.banner.label.text() == "Connect first: there is no open connection."


def test_save_received_stream_to_a_file(
    qtbot, tcp_bridge, settings, runner, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, tcp_bridge, settings, runner)
    target = tmp_path / "received.bin"
    with echo_server() as (host, port):
        connect(qtbot, panel, host, port)
        tcp_bridge.start_saving(str(target))
        qtbot.waitUntil(panel.save_check.isChecked, timeout=5000)
        payload = bytes(range(256)) * 8
        tcp_bridge.send(payload)
        qtbot.waitUntil(
            lambda: panel.last_batch is not None and panel.last_batch.bytes_in == len(payload),
            timeout=5000,
        )
        tcp_bridge.stop_saving()
        qtbot.waitUntil(lambda: not panel.save_check.isChecked(), timeout=5000)
    assert target.read_bytes() == payload
    assert f"Saved {len(payload)} bytes" in panel.banner.label.text()


def test_export_text_and_pcapng(qtbot, tcp_bridge, settings, runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel(qtbot, tcp_bridge, settings, runner)
    with echo_server() as (host, port):
        connect(qtbot, panel, host, port)
        tcp_bridge.send(b"ping\r\n")
        qtbot.waitUntil(
            lambda: panel.last_batch is not None and panel.last_batch.bytes_in == 6, timeout=5000
        )
    panel.export("text", str(tmp_path / "log.txt"))
    panel.export("pcapng", str(tmp_path / "log.pcapng"))
    qtbot.waitUntil((tmp_path / "log.pcapng").exists, timeout=5000)
    qtbot.waitUntil((tmp_path / "log.txt").exists, timeout=5000)
    text = (tmp_path / "log.txt").read_text(encoding="utf-8")
    assert "ping\\r\\n" in text
    assert (tmp_path / "log.pcapng").read_bytes()[:4] == b"\x0a\x0d\x0d\x0a"  # SHB magic


def test_log_model_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = RecordLogModel()
    model.append_records(
        [
            Record(i * 10**9, d, "p:1", b"data\r\n%d" % i)
            for i, d in enumerate([Direction.IN, Direction.OUT, Direction.INFO])
        ]
    )
    qtmodeltester.check(model, force_py=True)
    model.set_view(RecordLogModel.HEX, "utf-8")
    assert model.index(0, RecordLogModel.DATA).data() == "64 61 74 61 0d 0a 30"
    qtmodeltester.check(model, force_py=True)


def test_log_model_evicts_rows_with_exact_notifications(qtbot) -> None:  # type: ignore[no-untyped-def]
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
