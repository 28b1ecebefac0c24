"""Helpers of the Messenger UI tests: start a panel, find its one peer, read a conversation."""

from __future__ import annotations

from collections.abc import Callable

from desktop.core.ipmsg.events import PeerKey
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.ui.messenger.chat_view import ChatModel
from desktop.ui.messenger.messenger_panel import MessengerPanel

# Quick answers and a short retry so that "not delivered" comes within a second.
FAST = NodeSettings(entry_answer_delay=0.0, retry_interval=0.1, tries=2)

MakePanel = Callable[..., MessengerPanel]


def start(qtbot, panel: MessengerPanel, targets: str = "") -> int:  # type: ignore[no-untyped-def]
    """Start ``panel`` announcing to ``targets``; returns its port."""
    panel.targets.setText(targets)
    with qtbot.waitSignal(panel.bridge.started, timeout=5000) as blocker:
        panel.start_button.click()
    address = str(blocker.args[0])
    assert address.startswith("127.0.0.1:")
    return int(address.rpartition(":")[2])


def only_peer(qtbot, panel: MessengerPanel) -> PeerKey:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: panel.roster.rowCount() == 1, timeout=5000)
    peer = panel.roster.peer_at(0)
    assert peer is not None
    return peer.key


def texts(model: ChatModel) -> list[str]:
    return [str(model.index(row).data()) for row in range(model.rowCount())]
