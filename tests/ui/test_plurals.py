"""Counts read as sentences in both languages: Qt's plural forms (%n), not "1 clients"."""

from __future__ import annotations

import socket

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.sentence import translate
from desktop.ui.sentences import say
from desktop.ui.workbench.tcp_server_panel import TcpServerPanel


def _connected_counts(qtbot: QtBot, panel: TcpServerPanel) -> list[str]:
    """The count label with one client connected, then with two (real loopback clients)."""
    panel.host_edit.setText("127.0.0.1")
    panel.port_spin.setValue(0)
    panel.toggle()
    qtbot.waitUntil(lambda: panel.running, timeout=5000)
    port = int(panel.state_label.text().rsplit(":", 1)[1])
    shown = []
    clients: list[socket.socket] = []
    try:
        for n in (1, 2):
            clients.append(socket.create_connection(("127.0.0.1", port)))
            qtbot.waitUntil(lambda n=n: panel.clients.rowCount() == n, timeout=5000)
            shown.append(panel.count_label.text())
    finally:
        for client in clients:
            client.close()
        panel.toggle()
    return shown


def _panel(qtbot, server_bridge, settings, runner) -> TcpServerPanel:  # type: ignore[no-untyped-def]
    panel = TcpServerPanel(server_bridge, settings, runner)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_client_count_in_english(qtbot, server_bridge, settings, runner) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, server_bridge, settings, runner)
    assert _connected_counts(qtbot, panel) == ["1 client connected", "2 clients connected"]


def test_client_count_in_chinese(qtbot, server_bridge, settings, runner, chinese) -> None:  # type: ignore[no-untyped-def]
    panel = _panel(qtbot, server_bridge, settings, runner)
    assert _connected_counts(qtbot, panel) == ["已连接 1 个客户端", "已连接 2 个客户端"]


@pytest.mark.parametrize(
    ("count", "english", "chinese_text"),
    [
        (1, "after 1 byte was received", "当时已收到 1 字节"),
        (3821, "after 3821 bytes were received", "当时已收到 3821 字节"),
    ],
)
def test_a_count_in_a_core_sentence(
    qapp, count: int, english: str, chinese_text: str, request
) -> None:  # type: ignore[no-untyped-def]
    got = translate("core", "after %n byte(s) (was|were) received", None, 1).counting(count)
    assert say(got) == english == str(got)
    request.getfixturevalue("chinese")
    assert say(got) == chinese_text
