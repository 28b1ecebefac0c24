"""Bad input in the Messenger: each gives one clear sentence in the panel, nothing crashes."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from desktop.core.ipmsg.events import NoticeCause
from desktop.core.net.interfaces import InterfaceAddress
from desktop.ui.messenger.chat_view import Delivery
from desktop.ui.messenger.control_bar import REACH
from tests.ui.messenger.helpers import MakePanel, only_peer, start

LOOPBACK = InterfaceAddress("lo", "127.0.0.1", "255.0.0.0", None, up=True, loopback=True)


@pytest.fixture
def udp() -> Iterator[socket.socket]:
    """A UDP socket on 127.0.0.1 that plays a peer (or holds a port)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    yield sock
    sock.close()


def test_port_in_use_names_the_program_and_offers_a_free_port(  # type: ignore[no-untyped-def]
    qtbot, make_panel: MakePanel, udp: socket.socket
) -> None:
    taken = udp.getsockname()[1]
    panel = make_panel("Solo")
    panel.port.setValue(taken)
    with qtbot.waitSignal(panel.bridge.start_failed, timeout=5000):
        panel.start_button.click()
    assert not panel.running
    text = panel.banner.label.text()
    assert panel.banner.isVisibleTo(panel) and f"UDP port {taken}" in text
    assert "already in use by" in text and "(pid " in text  # this very test holds it
    assert panel.use_port_button.isVisibleTo(panel)
    offered = int(panel.use_port_button.text().rpartition(" ")[2])
    assert offered != taken
    with qtbot.waitSignal(panel.bridge.started, timeout=5000) as started:
        panel.use_port_button.click()
    assert started.args[0] == f"127.0.0.1:{offered}"
    assert panel.port.value() == offered
    assert "already in use" not in panel.banner.label.text()
    assert not panel.use_port_button.isVisibleTo(panel)


def test_no_interface_with_a_broadcast_address_is_said_and_the_node_still_starts(  # type: ignore[no-untyped-def]
    qtbot, make_panel: MakePanel
) -> None:
    panel = make_panel("Solo", interfaces=lambda: [LOOPBACK])
    assert panel.identity.bind_address() == "127.0.0.1"
    with qtbot.waitSignal(panel.bridge.started, timeout=5000):
        panel.start_button.click()
    assert "lo (127.0.0.1) has no broadcast address" in panel.banner.text()
    assert "add targets" in panel.banner.text()

    other = make_panel("Other", interfaces=lambda: [LOOPBACK])
    other.identity.set_interface("")
    other.targets.setText("127.0.0.1:9")
    with qtbot.waitSignal(other.bridge.started, timeout=5000):
        other.start_button.click()
    assert "only the extra targets are announced to" in other.banner.text()


def test_nowhere_to_announce_to_is_said_once_not_by_the_panel_and_the_node(  # type: ignore[no-untyped-def]
    qtbot, make_panel: MakePanel
) -> None:
    panel = make_panel("Solo", interfaces=lambda: [LOOPBACK])  # loopback only, no target
    with qtbot.waitSignal(panel.bridge.node_noticed, timeout=5000) as noticed:
        panel.start_button.click()
    assert noticed.args[0].cause is NoticeCause.NO_TARGETS  # the node said it too
    [message] = panel.messages.messages()  # one condition, one message
    assert message.key == REACH
    assert "lo (127.0.0.1) has no broadcast address" in panel.banner.text()
    assert "There is no address to announce to" not in panel.banner.text()


def test_all_interfaces_without_any_broadcast_gives_the_core_sentence(  # type: ignore[no-untyped-def]
    qtbot, make_panel: MakePanel
) -> None:
    panel = make_panel("Solo", interfaces=lambda: [LOOPBACK])
    panel.identity.set_interface("")  # all interfaces, and the only one is the loopback
    assert panel.identity.bind_address() == "0.0.0.0"
    with qtbot.waitSignal(panel.bridge.started, timeout=5000):  # no target: nothing is sent
        panel.start_button.click()
    assert panel.banner.text().startswith(
        "No network interface has a broadcast address, so other IP Messenger users cannot be found"
    )


def test_undecodable_name_is_shown_with_replacement_characters_and_a_note(  # type: ignore[no-untyped-def]
    qtbot, make_panel: MakePanel, udp: socket.socket
) -> None:
    panel = make_panel("Solo")
    port = start(qtbot, panel, f"127.0.0.1:{udp.getsockname()[1]}")
    udp.sendto(b"1:5:\xff\xfeuser:host:1:\xff\xfe\xff\0\0", ("127.0.0.1", port))
    only_peer(qtbot, panel)
    peer = panel.roster.peer_at(0)
    assert peer is not None and "\ufffd" in peer.key.user and "\ufffd" in peer.nickname
    qtbot.waitUntil(lambda: "replacement characters" in panel.banner.text(), timeout=5000)


def test_a_64_kib_datagram_is_read_or_refused_in_one_sentence(  # type: ignore[no-untyped-def]
    qtbot, make_panel: MakePanel, udp: socket.socket
) -> None:
    panel = make_panel("Solo")
    port = start(qtbot, panel, f"127.0.0.1:{udp.getsockname()[1]}")
    udp.sendto(b"x" * 65507, ("127.0.0.1", port))  # the largest UDP datagram, not IPMsg
    qtbot.waitUntil(lambda: "not an IP Messenger packet" in panel.banner.text(), timeout=5000)

    header = b"1:6:big:host:32:"  # SENDMSG without SENDCHECKOPT
    text = "长" * ((65507 - len(header) - 1) // 2)  # GBK: 2 bytes a character
    udp.sendto(header + text.encode("gbk") + b"\0", ("127.0.0.1", port))
    qtbot.waitUntil(lambda: panel.unread_total == 1, timeout=5000)
    [key] = [k for k in panel.conversations.names if k.user == "big"]
    entry = panel.conversation(key).entry(0)
    assert entry is not None and entry.text == text


def test_message_to_a_peer_that_left_says_so_at_once_and_keeps_the_text(qtbot, pair) -> None:  # type: ignore[no-untyped-def]
    alice, bob = pair  # Alice announces to Bob, so Bob hears her goodbye
    alice_key = bob.roster.peer_at(0).key  # type: ignore[union-attr]
    bob.select_peer(alice_key)
    with qtbot.waitSignal(bob.bridge.peer_left, timeout=5000):
        alice.stop(leave=True)
    assert bob.roster.rowCount() == 0
    assert bob.current_peer == alice_key  # the conversation stays open
    before = bob.conversation(alice_key).rowCount()

    bob.chat.input.setPlainText("你还在吗？")
    bob.chat.submit()
    where = f"{alice_key.address[0]}:{alice_key.address[1]}"
    said = bob.banner.label.text()
    assert said == f"Alice ({where}) has left; the message was not delivered."
    assert bob.chat.input.toPlainText() == "你还在吗？"
    chat = bob.conversation(alice_key)
    assert chat.rowCount() == before
    assert all(chat.entry(r).state is not Delivery.SENDING for r in range(chat.rowCount()))  # type: ignore[union-attr]
