"""Messenger panels whose node lives on a test LAN: the panel here, its I/O thread in a host's
namespace (``subnet.enter_namespace``), so the node's socket is on the test LAN only."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg_io.engine import EngineStats
from desktop.ui.messenger.messenger_panel import MessengerPanel
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.messenger_bridge import MessengerBridge
from tests.lan.netlan import LanHost
from tests.lan.subnet import enter_namespace

PanelOn = Callable[[LanHost], MessengerPanel]


async def _enter(namespace: str) -> None:
    enter_namespace(namespace)


@pytest.fixture
def panel_on(qtbot) -> Iterator[PanelOn]:  # type: ignore[no-untyped-def]
    """``panel_on(host)``: a Messenger panel whose node runs as ``host``; stopped afterwards."""
    made: list[tuple[EventLoopThread, MessengerBridge]] = []

    def make(host: LanHost) -> MessengerPanel:
        io = EventLoopThread()
        io.start_and_wait()
        io.submit(_enter(host.namespace)).result(5)
        bridge = MessengerBridge(io)
        made.append((io, bridge))
        panel = MessengerPanel(bridge, NodeSettings(entry_answer_delay=0.0))
        qtbot.addWidget(panel)
        panel.nickname.setText("测试员")
        panel.identity.use_interface_list(lambda: [])  # the root namespace's are not ours
        panel.identity.set_interface("0.0.0.0")
        return panel

    yield make
    for io, bridge in made:
        with qtbot.waitSignal(bridge.stopped, timeout=5000):
            bridge.stop(leave=False)
        assert io.stop(3000)  # the thread cannot leave the namespace: it ends with the test


def engine_stats(panel: MessengerPanel) -> EngineStats:
    """The engine's counters, read on its own thread."""
    stats = panel.bridge.stats().result(5)
    assert stats is not None
    return stats


def start(qtbot, panel: MessengerPanel, targets: str) -> None:  # type: ignore[no-untyped-def]
    """Start ``panel`` announcing to ``targets`` and wait until its node runs."""
    panel.targets.setText(targets)
    with qtbot.waitSignal(panel.bridge.started, timeout=5000):
        panel.start_button.click()
