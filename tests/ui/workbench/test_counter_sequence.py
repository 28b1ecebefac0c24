"""``{{counter}}``: one sequence per session, shared by manual sends and periodic ticks."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.capture import Direction
from desktop.core.codec import InputFormat, LineEnding
from desktop.ui.workbench.tcp_client_panel import TcpClientPanel
from tests.helpers.servers import echo_server


def sent_payloads(panel: TcpClientPanel) -> list[bytes]:
    return [r.data for r in panel.log.records() if r.direction is Direction.OUT]


def test_counter_never_repeats_across_manual_and_periodic_sends(  # type: ignore[no-untyped-def]
    qtbot, tcp_bridge, settings, runner
) -> None:
    panel = TcpClientPanel(tcp_bridge, settings, runner)
    qtbot.addWidget(panel)
    box = panel.send_box
    with echo_server() as (host, port):
        panel.host_edit.setText(host)
        panel.port_spin.setValue(port)
        qtbot.mouseClick(panel.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: panel.state == panel.CONNECTED, timeout=5000)

        box.set_spec("plain", InputFormat.TEXT, "utf-8", LineEnding.NONE)
        box.send_once()  # no field: the sequence does not move
        box.set_spec("n={{counter}};", InputFormat.TEXT, "utf-8", LineEnding.NONE)
        box.fields_check.setChecked(True)
        box.send_once()
        box.interval_spin.setValue(5)
        box.count_spin.setValue(3)
        with qtbot.waitSignal(tcp_bridge.periodic_changed, timeout=5000) as started:
            box.repeat_button.click()
        assert started.args == [True]
        qtbot.waitUntil(lambda: not box.periodic_running and len(sent_payloads(panel)) == 5)
        box.send_once()  # after the run: continues where the ticks left off
        qtbot.waitUntil(lambda: len(sent_payloads(panel)) == 6, timeout=5000)

    assert sent_payloads(panel) == [
        b"plain",
        b"n=1;",
        b"n=2;",
        b"n=3;",
        b"n=4;",
        b"n=5;",
    ]
