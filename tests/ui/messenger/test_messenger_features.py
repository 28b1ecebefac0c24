"""Away status, several recipients, broadcast, per-peer encodings and settings of the panel."""

from __future__ import annotations

import json

from desktop.settings import Settings
from desktop.ui.messenger.chat_view import Delivery
from desktop.ui.messenger.conversations import BROADCAST
from desktop.ui.messenger.peer_menu import encoding_menu
from desktop.ui.messenger.roster_model import RosterModel
from tests.ui.messenger.helpers import MakePanel, only_peer, start, texts


def test_away_is_seen_by_peers_and_auto_replied_once(qtbot, pair, settings) -> None:  # type: ignore[no-untyped-def]
    alice, bob = pair
    alice.settings = settings
    alice_key = bob.roster.peer_at(0).key  # type: ignore[union-attr]
    alice.presence.set_absence("开会中，稍后回复")
    status = bob.roster.index(0, RosterModel.STATUS)
    qtbot.waitUntil(lambda: status.data() == "away: 开会中，稍后回复", timeout=5000)
    assert settings.get(Settings.MESSENGER_AWAY)
    assert settings.get(Settings.MESSENGER_AWAY_MESSAGE) == "开会中，稍后回复"

    bob.select_peer(alice_key)
    bob.send("在吗？", False)
    bob.send("还在吗？", False)
    chat = bob.conversation(alice_key)
    qtbot.waitUntil(lambda: chat.rowCount() == 3, timeout=5000)
    qtbot.waitUntil(
        lambda: [chat.entry(r).state for r in (0, 1)] == [Delivery.DELIVERED] * 2,  # type: ignore[union-attr]
        timeout=5000,
    )
    replies = [chat.entry(r) for r in range(chat.rowCount()) if not chat.entry(r).outgoing]  # type: ignore[union-attr]
    assert [e.text for e in replies] == ["开会中，稍后回复"]  # type: ignore[union-attr]

    alice.presence.set_absence(None)
    qtbot.waitUntil(lambda: status.data() == "online", timeout=5000)
    assert not settings.get(Settings.MESSENGER_AWAY)


def test_one_message_to_several_selected_peers(qtbot, make_panel: MakePanel) -> None:  # type: ignore[no-untyped-def]
    bob, carol = make_panel("鲍勃"), make_panel("Carol")
    ports = [start(qtbot, bob), start(qtbot, carol)]
    alice = make_panel("Alice")
    start(qtbot, alice, ", ".join(f"127.0.0.1:{p}" for p in ports))
    qtbot.waitUntil(lambda: alice.roster.rowCount() == 2, timeout=5000)
    keys = [alice.roster.peer_at(r).key for r in range(2)]  # type: ignore[union-attr]
    assert alice.select_peers(keys) == 2
    assert "2" in alice.chat.title.text()

    alice.chat.input.setPlainText("五点开会 🙂")
    alice.chat.submit()
    for key in keys:
        sent = alice.conversation(key)
        assert sent.rowCount() == 1
        qtbot.waitUntil(lambda s=sent: s.entry(0).state is Delivery.DELIVERED, timeout=5000)  # type: ignore[union-attr,misc]
    for panel in (bob, carol):
        key = only_peer(qtbot, panel)
        received = panel.conversation(key)
        qtbot.waitUntil(lambda r=received: r.rowCount() == 1, timeout=5000)  # type: ignore[misc]
        assert received.entry(0).text == "五点开会 🙂"  # type: ignore[union-attr]


def test_broadcast_goes_to_everyone_and_lands_in_their_broadcast_conversation(
    qtbot, make_panel: MakePanel
) -> None:  # type: ignore[no-untyped-def]
    bob, carol = make_panel("鲍勃"), make_panel("Carol")
    ports = [start(qtbot, bob), start(qtbot, carol)]
    alice = make_panel("Alice")
    start(qtbot, alice, ", ".join(f"127.0.0.1:{p}" for p in ports))
    qtbot.waitUntil(lambda: alice.roster.rowCount() == 2, timeout=5000)
    alice.show_broadcast()
    assert alice.current_peer == BROADCAST
    assert not alice.chat.sealed.isEnabled()
    alice.send("全体注意：消防演习", False)
    sent = alice.conversation(BROADCAST)
    qtbot.waitUntil(lambda: sent.entry(0).state is Delivery.SENT, timeout=5000)  # type: ignore[union-attr]
    assert "sent to 2 users" in texts(sent)[0]
    for panel in (bob, carol):
        received = panel.conversation(BROADCAST)
        qtbot.waitUntil(lambda r=received: r.rowCount() == 1, timeout=5000)  # type: ignore[misc]
        assert received.entry(0).text == "全体注意：消防演习"  # type: ignore[union-attr]
        assert panel.conversations.unread(BROADCAST) == 1
        assert panel.broadcast_button.text() == "Broadcast (1)"
        assert panel.roster.unread(panel.roster.peer_at(0).key) == 0  # type: ignore[union-attr]
        panel.show_broadcast()
        assert panel.broadcast_button.text() == "Broadcast"


def test_encoding_override_is_applied_shown_and_kept(qtbot, pair, settings, make_panel) -> None:  # type: ignore[no-untyped-def]
    alice, bob = pair
    alice.settings = settings
    bob_peer = alice.roster.peer_at(0)
    alice_key = bob.roster.peer_at(0).key  # type: ignore[union-attr]
    assert bob_peer is not None and bob_peer.encoding == "utf-8"
    alice.set_peer_encoding(bob_peer.address, "cp932")
    column = alice.roster.index(0, RosterModel.ENCODING)
    qtbot.waitUntil(lambda: column.data() == "cp932", timeout=5000)

    alice.select_peer(bob_peer.key)
    alice.send("日本語", False)  # written in CP932; Bob reads an unflagged IPMsg as CP936
    received = bob.conversation(alice_key)
    qtbot.waitUntil(lambda: received.rowCount() == 1, timeout=5000)
    assert received.entry(0).text != "日本語"  # type: ignore[union-attr]
    bob.set_peer_encoding(alice_key.address, "cp932")
    alice.send("日本語", False)
    qtbot.waitUntil(lambda: received.rowCount() == 2, timeout=5000)
    assert received.entry(1).text == "日本語"  # type: ignore[union-attr]

    address = f"{bob_peer.address[0]}:{bob_peer.address[1]}"
    assert json.loads(settings.get(Settings.MESSENGER_ENCODINGS)) == {address: "cp932"}
    again = make_panel("Alice", settings=settings, restored=True)
    assert again.encoding_of(bob_peer.address) == "cp932"
    alice.set_peer_encoding(bob_peer.address, None)
    qtbot.waitUntil(lambda: column.data() == "utf-8", timeout=5000)
    assert json.loads(settings.get(Settings.MESSENGER_ENCODINGS)) == {}


def test_encoding_menu_offers_auto_and_checks_the_choice(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    menu = encoding_menu(parent, "gb18030")
    actions = [a for a in menu.actions() if not a.isSeparator()]
    assert [a.data() for a in actions][:3] == ["", "utf-8", "gb18030"]
    assert [a.text() for a in actions if a.isChecked()] == ["GBK (GB18030)"]
    assert [a.data() for a in encoding_menu(parent, None).actions() if a.isChecked()] == [""]


def test_identity_and_network_are_kept_in_settings(qtbot, make_panel: MakePanel, settings) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel("飞鸟", settings=settings)
    panel.group.setText("市场部")
    panel.identity.codepage.setCurrentIndex(panel.identity.codepage.findData("cp932"))
    panel.presence.message.setEditText("出差中")
    panel.set_peer_encoding(("127.0.0.1", 9), "big5")
    start(qtbot, panel, "127.0.0.1:9")
    assert not panel.identity.fields.isEnabled()
    again = make_panel("", settings=settings, restored=True)
    assert again.nickname.text() == "飞鸟"
    assert again.group.text() == "市场部"
    assert again.identity.codepage_name() == "cp932"
    assert again.identity.bind_address() == "127.0.0.1"
    assert again.targets.text() == "127.0.0.1:9"
    assert again.presence.absence_text() == "出差中"
    assert again.presence.absence() is None  # online: only the message was typed
    assert again.encoding_of(("127.0.0.1", 9)) == "big5"

    again.presence.set_absence("出差中")
    away = make_panel("", settings=settings, restored=True)
    assert away.presence.absence() == "出差中"
    assert away.encoding_of(("127.0.0.1", 9)) == "big5"  # loading "away" kept the rest


def test_interface_chooser_binds_one_interface_and_announces_to_its_broadcast(qtbot) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.ipmsg.node_settings import NodeSettings
    from desktop.core.net.interfaces import InterfaceAddress
    from desktop.ui.messenger.identity_pane import IdentityPane

    lan = InterfaceAddress("sd0", "198.18.0.1", "255.255.255.0", "198.18.0.255", True, False)
    other = InterfaceAddress("sd1", "198.19.0.1", "255.255.255.0", "198.19.0.255", True, False)
    loop = InterfaceAddress("lo", "127.0.0.1", "255.0.0.0", None, True, True)
    pane = IdentityPane(lambda: [loop, lan, other])
    qtbot.addWidget(pane)
    pane.nickname.setText("阿明")
    assert [pane.interface.itemData(i) for i in range(pane.interface.count())] == [
        "0.0.0.0", "127.0.0.1", "198.18.0.1", "198.19.0.1",
    ]  # fmt: skip
    request = pane.start_request(NodeSettings())  # all interfaces: every broadcast address
    assert request.bind == "0.0.0.0" and not request.warning
    assert request.settings.targets == (("198.18.0.255", 2425), ("198.19.0.255", 2425))

    pane.set_interface("198.19.0.1")
    pane.port.setValue(2426)
    pane.targets.setText("198.18.5.7")
    request = pane.start_request(NodeSettings())
    assert request.bind == "198.19.0.1" and request.settings.port == 2426
    assert request.settings.targets == (("198.19.0.255", 2426), ("198.18.5.7", 2425))
    pane.set_interface("198.18.9.9")  # gone since it was saved: back to all interfaces
    assert pane.bind_address() == "0.0.0.0"


def test_legacy_code_page_reads_unflagged_names(qtbot, make_panel: MakePanel) -> None:  # type: ignore[no-untyped-def]
    import socket

    panel = make_panel("Solo")
    panel.identity.codepage.setCurrentIndex(panel.identity.codepage.findData("cp932"))
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as peer:
        peer.bind(("127.0.0.1", 0))
        port = start(qtbot, panel, f"127.0.0.1:{peer.getsockname()[1]}")
        peer.sendto("1:9:taro:PC:1:太郎\0営業\0".encode("cp932"), ("127.0.0.1", port))
        only_peer(qtbot, panel)
    peer_row = panel.roster.peer_at(0)
    assert peer_row is not None and (peer_row.nickname, peer_row.group) == ("太郎", "営業")
    assert peer_row.encoding == "cp932"
