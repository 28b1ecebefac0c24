"""Messenger panels (each with its own bridge) on the loopback, and history databases.

Every node binds 127.0.0.1 on a port the system picks and announces only to the other nodes'
addresses (unicast): nothing is broadcast.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.core.store.chat_history import ChatHistory
from desktop.core.store.database import open_database
from desktop.settings import Settings
from desktop.ui.messenger.identity_pane import ListInterfaces
from desktop.ui.messenger.messenger_panel import MessengerPanel
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.messenger_bridge import MessengerBridge
from tests.ui.messenger.helpers import FAST, MakePanel, only_peer, start


@pytest.fixture
def make_panel(qtbot, io: EventLoopThread) -> Iterator[MakePanel]:  # type: ignore[no-untyped-def]
    bridges: list[MessengerBridge] = []

    def make(
        nickname: str,
        history: ChatHistory | None = None,
        settings: Settings | None = None,
        interfaces: ListInterfaces | None = None,
        restored: bool = False,
    ) -> MessengerPanel:
        """A panel on 127.0.0.1, port 0; ``restored``: as its settings say, untouched."""
        bridge = MessengerBridge(io)
        bridges.append(bridge)
        extra = {"list_interfaces": interfaces} if interfaces is not None else {}
        panel = MessengerPanel(bridge, FAST, history=history, settings=settings, **extra)
        qtbot.addWidget(panel)
        if restored:
            return panel
        panel.nickname.setText(nickname)
        panel.identity.set_interface("127.0.0.1")
        panel.port.setValue(0)
        return panel

    yield make
    # The panels are gone by now (qtbot closes them first); their nodes are stopped here.
    for bridge in bridges:
        with qtbot.waitSignal(bridge.stopped, timeout=5000):
            bridge.stop(leave=False)


@pytest.fixture
def pair(qtbot, make_panel: MakePanel) -> tuple[MessengerPanel, MessengerPanel]:  # type: ignore[no-untyped-def]
    bob = make_panel("鲍勃")
    bob.group.setText("开发部")
    bob_port = start(qtbot, bob)
    alice = make_panel("Alice")
    start(qtbot, alice, f"127.0.0.1:{bob_port}")
    only_peer(qtbot, alice)
    only_peer(qtbot, bob)
    return alice, bob


@pytest.fixture
def databases(tmp_path: Path) -> Iterator[Callable[[str], sqlite3.Connection]]:
    opened: list[sqlite3.Connection] = []

    def open_named(name: str) -> sqlite3.Connection:
        conn = open_database(tmp_path / f"{name}.sqlite3")
        opened.append(conn)
        return conn

    yield open_named
    for conn in opened:
        conn.close()
