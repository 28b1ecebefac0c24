"""The UDP session's network tools across a test LAN, through ``UdpBridge`` and its widgets: the
bridge's I/O thread lives in host 1's (or 2's) namespace, so its socket is on the test LAN only."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from desktop.core.capture import Direction, RecordBatch
from desktop.core.net.udp import UdpOptions
from desktop.core.net.udp_socket import BindOptions
from desktop.ui.workbench.udp_broadcast import UdpBroadcastWidget
from desktop.ui.workbench.udp_multicast_pane import UdpMulticastPane
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.udp_bridge import UdpBridge
from tests.lan.netlan import LanHost, TestLan
from tests.lan.subnet import enter_namespace
from tests.lan.udp_hosts import multicast_send, receive, wait_for

pytestmark = pytest.mark.lan


@dataclass
class Session:
    """A started bridge, its port, and every record batch it sent."""

    bridge: UdpBridge
    port: int
    batches: list[RecordBatch] = field(default_factory=list)

    def received(self) -> list[bytes]:
        """The datagrams received, in order."""
        return [r.data for b in self.batches for r in b.records if r.direction == Direction.IN]


BridgeOn = Callable[[LanHost], Session]


async def _enter(namespace: str) -> None:
    enter_namespace(namespace)


@pytest.fixture
def bridge_on(qtbot) -> Iterator[BridgeOn]:  # type: ignore[no-untyped-def]
    """``bridge_on(host)``: a started UDP session whose I/O thread runs as ``host``."""
    made: list[tuple[EventLoopThread, UdpBridge]] = []

    def make(host: LanHost) -> Session:
        io = EventLoopThread()
        io.start_and_wait()
        io.submit(_enter(host.namespace)).result(5)
        bridge = UdpBridge(io)
        made.append((io, bridge))
        batches: list[RecordBatch] = []

        def take(batch: RecordBatch) -> None:
            batches.append(batch)
            bridge.batch_consumed()

        bridge.records_received.connect(take)
        with qtbot.waitSignal(bridge.started, timeout=5000) as started:
            bridge.start(UdpOptions(bind=BindOptions("0.0.0.0", 0)))
        return Session(bridge, int(str(started.args[0][0]).rsplit(":", 1)[1]), batches)

    yield make
    for io, bridge in made:
        with qtbot.waitSignal(bridge.stopped, timeout=5000):
            bridge.stop()
        assert io.stop(3000)  # the thread cannot leave the namespace: it ends with the test


def unicast_send(address: str, port: int, data: bytes) -> None:
    """Run as a host: one plain datagram."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.sendto(data, (address, port))


@pytest.mark.parametrize("destination", ["", "255.255.255.255"], ids=["directed", "limited"])
def test_broadcast_from_a_bridge_in_host_1_reaches_hosts_2_and_3(  # type: ignore[no-untyped-def]
    qtbot, make_lan, bridge_on: BridgeOn, tmp_path: Path, destination: str
) -> None:
    lan: TestLan = make_lan(3)
    h1, h2, h3 = lan.hosts
    bridge = bridge_on(h1).bridge
    widget = UdpBroadcastWidget(bridge)
    qtbot.addWidget(widget)
    errors: list[object] = []
    bridge.error_occurred.connect(errors.append)
    widget.problem.connect(errors.append)
    with qtbot.waitSignal(bridge.interfaces_listed, timeout=10_000):
        widget.show()
    names = [widget.interface_combo.itemData(i) for i in range(widget.interface_combo.count())]
    assert names == [None, "lo", "eth0"]  # the namespace's own interfaces
    assert widget.interface_name() == "eth0"  # the one that can broadcast, chosen
    port = 40_300
    waiting = [h.start(receive, str(tmp_path), f"h{n}", port) for n, h in ((2, h2), (3, h3))]
    wait_for(lambda: all((tmp_path / f"h{n}.ready").exists() for n in (2, 3)), "receivers")
    widget.destination_combo.setCurrentText(destination)
    assert widget.address_label.text() == (
        f"Sends to {destination or h1.broadcast} from {h1.address}"
    )
    widget.port_spin.setValue(port)
    widget.data_edit.setText("飞秋 hello")
    chosen: list[tuple[str, int]] = []
    widget.target_chosen.connect(lambda host, to: chosen.append((host, to)))
    widget.send_button.click()
    wait_for(lambda: all((tmp_path / f"h{n}.got1").exists() for n in (2, 3)), "the broadcast")
    (tmp_path / "stop").touch()
    got = [w.result(15) for w in waiting]
    assert got == [[("飞秋 hello".encode(), h1.address)]] * 2
    assert errors == []
    assert chosen == ([(h1.broadcast, port)] if not destination else [])


def test_multicast_reaches_a_joined_bridge_and_stops_after_leave(  # type: ignore[no-untyped-def]
    qtbot, make_lan, bridge_on: BridgeOn
) -> None:
    lan: TestLan = make_lan(2)
    h1, h2 = lan.hosts
    session = bridge_on(h2)
    bridge, local_port, received = session.bridge, session.port, session.received
    errors: list[object] = []
    bridge.error_occurred.connect(errors.append)
    pane = UdpMulticastPane(bridge)
    qtbot.addWidget(pane)
    with qtbot.waitSignal(bridge.interfaces_listed, timeout=10_000):
        pane.show()
    assert pane.interface_name() == "eth0"  # multicast-capable first
    pane.group_edit.setText("239.198.18.9")
    with qtbot.waitSignal(bridge.joined_groups, timeout=5000):
        pane.join_button.click()
    assert pane.joined() == [("239.198.18.9", "eth0", None)]
    pane.ttl_spin.setValue(2)
    pane.apply_button.click()

    h1.call(multicast_send, "239.198.18.9", local_port, b"one")
    qtbot.waitUntil(lambda: received() == [b"one"], timeout=5000)
    pane.groups.topLevelItem(0).setSelected(True)
    with qtbot.waitSignal(bridge.joined_groups, timeout=5000):
        pane.leave_button.click()
    assert pane.joined() == []
    h1.call(multicast_send, "239.198.18.9", local_port, b"two")
    h1.call(unicast_send, h2.address, local_port, b"three")  # after "two" on the same path
    qtbot.waitUntil(lambda: b"three" in received(), timeout=5000)
    assert received() == [b"one", b"three"]  # "two" never arrived: the group was left
    assert errors == []
