"""Subnet send: the dialog counts as you type and asks above 256 hosts; the bridge sends one
datagram to each host of a loopback range and stops at once when cancelled."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from desktop.core.net.udp import UdpOptions
from desktop.core.net.udp_socket import BindOptions
from desktop.ui.workbench.udp_subnet_dialog import UdpSubnetDialog
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.udp_bridge import UdpBridge
from desktop.workers.udp_network import SubnetProgress


@pytest.fixture
def bridge(qtbot, io: EventLoopThread) -> Iterator[UdpBridge]:  # type: ignore[no-untyped-def]
    made = UdpBridge(io)
    yield made
    made.shutdown()


def start(qtbot, bridge: UdpBridge) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(bridge.started, timeout=5000):
        bridge.start(UdpOptions(bind=BindOptions("0.0.0.0", 0)))


@pytest.fixture
def listeners() -> Iterator[tuple[int, list[socket.socket]]]:
    """Three sockets bound to 127.0.0.1, .2 and .3 on one port."""
    first = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    first.bind(("127.0.0.1", 0))
    port = first.getsockname()[1]
    made = [first]
    for last in (2, 3):
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.bind((f"127.0.0.{last}", port))
        made.append(sock)
    yield port, made
    for sock in made:
        sock.close()


def drain(sock: socket.socket) -> list[bytes]:
    sock.setblocking(False)
    got = []
    while True:
        try:
            got.append(sock.recv(100))
        except BlockingIOError:
            return got


def test_count_is_shown_as_typed_and_a_slash_24_holds_254(qtbot, bridge: UdpBridge) -> None:  # type: ignore[no-untyped-def]
    dialog = UdpSubnetDialog(bridge)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.targets_edit, "198.18.0.0/24")
    assert dialog.count() == 254
    assert dialog.count_label.text() == "Hosts: 254 (198.18.0.1 to 198.18.0.254)"
    assert dialog.send_button.isEnabled()
    dialog.targets_edit.setText("198.18.0.0/8")
    assert dialog.count() is None
    assert dialog.count_label.text() == (
        "198.18.0.0/8 holds 16777214 hosts; a subnet send goes to at most 65536: "
        "split it into smaller ranges."
    )
    dialog.targets_edit.setText("198.18.0.1-nine")
    assert dialog.count_label.text() == (
        "'198.18.0.1-nine' is not a subnet or an address range: 'nine' is not an IP address."
    )
    assert not dialog.send_button.isEnabled()


def test_a_confirmation_appears_above_256_hosts_and_no_keeps_it_unsent(  # type: ignore[no-untyped-def]
    qtbot, bridge: UdpBridge
) -> None:
    start(qtbot, bridge)
    dialog = UdpSubnetDialog(bridge, port=9)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.targets_edit.setText("127.0.0.1-127.0.0.255")  # 255: no question
    progress: list[SubnetProgress] = []
    bridge.subnet_progress.connect(progress.append)
    dialog.targets_edit.setText("127.0.0.0/23")  # 510 hosts
    dialog.send_button.click()
    box = dialog.confirmation
    assert box is not None and box.isVisible()
    assert box.text() == "Send to 510 hosts (127.0.0.1 to 127.0.1.254) on port 9?"
    box.button(box.StandardButton.No).click()
    qtbot.waitUntil(lambda: dialog.confirmation is None)
    assert progress == [] and dialog.send_button.isEnabled()
    dialog.send_button.click()
    box = dialog.confirmation
    assert box is not None
    with qtbot.waitSignal(
        bridge.subnet_progress, timeout=10_000, check_params_cb=lambda p: p.finished
    ) as done:
        box.button(box.StandardButton.Yes).click()
    assert (done.args[0].total, done.args[0].sent) == (510, 510)


def test_subnet_send_from_the_bridge_gives_each_host_exactly_one_datagram(  # type: ignore[no-untyped-def]
    qtbot, bridge: UdpBridge, listeners
) -> None:
    port, socks = listeners
    start(qtbot, bridge)
    notices: list[object] = []
    bridge.notice.connect(notices.append)
    dialog = UdpSubnetDialog(bridge, port=port, data=b"FeiQ")
    qtbot.addWidget(dialog)
    dialog.targets_edit.setText("127.0.0.1-127.0.0.3")
    assert dialog.count_label.text() == "Hosts: 3 (127.0.0.1 to 127.0.0.3)"
    with qtbot.waitSignal(
        bridge.subnet_progress, timeout=5000, check_params_cb=lambda p: p.finished
    ) as done:
        dialog.send_button.click()
    assert done.args[0] == SubnetProgress(3, 3, 0, True, False)
    for sock in socks:
        sock.settimeout(5)
        assert sock.recv(100) == b"FeiQ"
    for sock in socks:
        assert drain(sock) == []  # exactly one each
    assert dialog.progress.value() == 3 and dialog.progress.maximum() == 3
    assert dialog.status_label.text() == "Sent 3 of 3, refused 0"
    qtbot.waitUntil(lambda: any("Subnet send done" in str(n) for n in notices))
    assert [str(n) for n in notices if "Subnet" in str(n)] == [
        f"Subnet send done: sent to 3 of 3 hosts on port {port}, 0 refused."
    ]


def test_cancel_stops_a_slow_subnet_send(qtbot, bridge: UdpBridge, listeners) -> None:  # type: ignore[no-untyped-def]
    port, _socks = listeners
    start(qtbot, bridge)
    dialog = UdpSubnetDialog(bridge, port=port, data=b"slow")
    qtbot.addWidget(dialog)
    dialog.targets_edit.setText("127.0.0.1-127.0.0.200")
    dialog.rate_spin.setValue(20)  # 10 s for the range
    with qtbot.waitSignal(
        bridge.subnet_progress, timeout=5000, check_params_cb=lambda p: p.sent >= 2
    ):
        dialog.send_button.click()
    assert dialog.cancel_button.isEnabled() and not dialog.send_button.isEnabled()
    with qtbot.waitSignal(
        bridge.subnet_progress, timeout=3000, check_params_cb=lambda p: p.finished
    ) as done:
        dialog.cancel_button.click()
    final = done.args[0]
    assert final.cancelled and 2 <= final.sent < 200
    assert dialog.status_label.text().startswith("Cancelled: sent")
    assert dialog.send_button.isEnabled() and not dialog.cancel_button.isEnabled()


def test_subnet_send_without_a_session_is_refused_and_the_dialog_is_ready_again(  # type: ignore[no-untyped-def]
    qtbot, bridge: UdpBridge
) -> None:
    dialog = UdpSubnetDialog(bridge, port=9)
    qtbot.addWidget(dialog)
    dialog.targets_edit.setText("127.0.0.1")
    with qtbot.waitSignal(bridge.error_occurred, timeout=5000) as refused:
        dialog.send_button.click()
    assert str(refused.args[0]) == "The session is not running: nothing was sent."
    qtbot.waitUntil(dialog.send_button.isEnabled)
