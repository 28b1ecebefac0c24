"""The broadcast and multicast tools refuse bad input with one clear sentence each, and plug into
a panel through ``attach_network_tools``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QWidget

from desktop.core.net.broadcast import BroadcastNeedsInterface
from desktop.core.net.interfaces import NoSuchInterface
from desktop.core.net.multicast import NoMulticast
from desktop.core.net.udp import UdpOptions
from desktop.core.net.udp_socket import BindOptions
from desktop.ui.sentences import Said, say
from desktop.ui.workbench.udp_broadcast import UdpBroadcastWidget
from desktop.ui.workbench.udp_network_tools import attach_network_tools
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.udp_bridge import UdpBridge


@pytest.fixture
def bridge(qtbot, io: EventLoopThread) -> Iterator[UdpBridge]:  # type: ignore[no-untyped-def]
    made = UdpBridge(io)
    yield made
    made.shutdown()


class FakePanel(QWidget):
    """The four methods the UDP panel offers, and its message entry point."""

    def __init__(self) -> None:
        super().__init__()
        self.tabs: list[tuple[QWidget, str]] = []
        self.tools: list[QWidget] = []
        self.errors: list[Said] = []
        self.targets: list[tuple[str, int]] = [("127.0.0.1", 4000)]

    def add_side_tab(self, widget: QWidget, title: str) -> None:
        widget.setParent(self)
        self.tabs.append((widget, title))

    def add_tool(self, widget: QWidget) -> None:
        widget.setParent(self)
        self.tools.append(widget)

    def target(self) -> tuple[str, int] | None:
        return self.targets[-1]

    def set_target(self, host: str, port: int) -> None:
        self.targets.append((host, port))

    def show_error(self, what: Said, key: str | None = None) -> None:
        self.errors.append(what)


def listed(qtbot, bridge: UdpBridge, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(bridge.interfaces_listed, timeout=10_000):
        widget.window().show()  # the first show lists the interfaces on the I/O thread


def test_broadcast_to_255_without_an_interface_is_refused_with_the_sentence(  # type: ignore[no-untyped-def]
    qtbot, bridge: UdpBridge
) -> None:
    panel = FakePanel()
    qtbot.addWidget(panel)
    tools = attach_network_tools(panel, bridge)
    assert [title for _w, title in panel.tabs] == ["Broadcast", "Multicast"]
    assert [tool.text() for tool in panel.tools] == ["Subnet send…"]  # type: ignore[attr-defined]
    widget = tools.broadcast
    assert widget.port_spin.value() == 4000  # the panel's target port
    listed(qtbot, bridge, widget)
    assert "lo" in [
        widget.interface_combo.itemData(i) for i in range(widget.interface_combo.count())
    ]
    widget.choose_interface(None)
    widget.destination_combo.setCurrentText("255.255.255.255")
    widget.send_button.click()
    assert len(panel.errors) == 1 and isinstance(panel.errors[0], BroadcastNeedsInterface)
    assert say(panel.errors[0]) == (
        "Broadcast to 255.255.255.255 needs an interface: choose the one to send on."
    )
    assert widget.address_label.text() == say(panel.errors[0])
    assert panel.targets == [("127.0.0.1", 4000)]  # nothing chosen as target


def test_a_destination_that_is_no_address_and_an_interface_that_cannot_broadcast(  # type: ignore[no-untyped-def]
    qtbot, bridge: UdpBridge
) -> None:
    widget = UdpBroadcastWidget(bridge)
    qtbot.addWidget(widget)
    problems: list[object] = []
    widget.problem.connect(problems.append)
    listed(qtbot, bridge, widget)
    widget.destination_combo.setCurrentText("198.18.0.x")
    widget.send_button.click()
    widget.destination_combo.setCurrentText("")
    widget.choose_interface("lo")
    widget.send_button.click()
    assert [say(p) for p in problems] == [  # type: ignore[arg-type]
        "'198.18.0.x' is not an IP address.",
        "The interface lo cannot broadcast (it is down, has no IPv4 address, or its kind of "
        "link has no broadcast).",
    ]


def test_a_directed_broadcast_without_a_session_says_so(qtbot, bridge: UdpBridge) -> None:  # type: ignore[no-untyped-def]
    widget = UdpBroadcastWidget(bridge)
    qtbot.addWidget(widget)
    widget.destination_combo.setCurrentText("127.255.255.255")  # no interface: left to routing
    assert widget.address_label.text() == "Sends to 127.255.255.255 from 0.0.0.0"
    with qtbot.waitSignal(bridge.error_occurred, timeout=5000) as refused:
        widget.send_button.click()
    assert str(refused.args[0]) == "The session is not running: nothing was sent."


def test_multicast_join_on_an_interface_without_multicast_or_none_at_all(  # type: ignore[no-untyped-def]
    qtbot, bridge: UdpBridge
) -> None:
    panel = FakePanel()
    qtbot.addWidget(panel)
    pane = attach_network_tools(panel, bridge).multicast
    with qtbot.waitSignal(bridge.started, timeout=5000):
        bridge.start(UdpOptions(bind=BindOptions("0.0.0.0", 0)))
    errors: list[object] = []
    bridge.error_occurred.connect(errors.append)
    pane.group_edit.setText("239.1.2.3")
    pane.join_button.click()  # no interface listed yet
    assert panel.errors == ["Choose the interface to join the group on."]
    listed(qtbot, bridge, pane)
    pane.choose_interface("lo")  # Linux's loopback has no MULTICAST flag
    pane.join_button.click()
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)  # the refusal, whatever comes first
    assert isinstance(errors[0], NoMulticast)
    assert str(errors[0]) == "The interface lo cannot do multicast: choose another one."
    pane.interface_combo.addItem("wlan9", "wlan9")
    pane.choose_interface("wlan9")
    pane.join_button.click()
    qtbot.waitUntil(lambda: len(errors) == 2, timeout=5000)
    assert isinstance(errors[1], NoSuchInterface)
    assert str(errors[1]) == "There is no network interface called wlan9 here."
    assert pane.joined() == []
