"""The Messenger panel: two panels (each with its own bridge) talking on the loopback."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.core.ipmsg.events import Peer, PeerKey
from desktop.core.store.chat_history import ChatHistory
from desktop.ui.messenger.chat_view import ChatEntry, ChatModel, Delivery
from desktop.ui.messenger.roster_model import RosterModel
from tests.ui.messenger.helpers import MakePanel, only_peer, start, texts


def test_presence_appears_in_both_rosters(qtbot, pair) -> None:  # type: ignore[no-untyped-def]
    alice, bob = pair
    seen = alice.roster
    assert seen.index(0, RosterModel.NAME).data() == "鲍勃"
    assert seen.index(0, RosterModel.GROUP).data() == "开发部"
    assert seen.index(0, RosterModel.ADDRESS).data().startswith("127.0.0.1:")
    assert "@" in seen.index(0, RosterModel.USER).data()
    assert seen.index(0, RosterModel.STATUS).data() == "online"
    assert bob.roster.index(0, RosterModel.NAME).data() == "Alice"


def test_search_filters_the_roster(qtbot, pair) -> None:  # type: ignore[no-untyped-def]
    alice, _bob = pair
    alice.search.setText("鲍")
    assert alice.proxy.rowCount() == 1
    alice.search.setText("nobody-here")
    assert alice.proxy.rowCount() == 0
    alice.search.clear()
    assert alice.proxy.rowCount() == 1


def test_chinese_message_arrives_and_is_ticked(qtbot, pair) -> None:  # type: ignore[no-untyped-def]
    alice, bob = pair
    bob_key = alice.roster.peer_at(0).key  # type: ignore[union-attr]
    alice_key = bob.roster.peer_at(0).key  # type: ignore[union-attr]
    assert alice.select_peer(bob_key)
    assert alice.current_peer == bob_key

    alice.chat.input.setPlainText("你好，世界\n第二行")
    qtbot.keyClick(alice.chat.input, Qt.Key.Key_Return)
    assert alice.chat.input.toPlainText() == ""

    received = bob.conversation(alice_key)
    qtbot.waitUntil(lambda: received.rowCount() == 1, timeout=5000)
    entry = received.entry(0)
    assert entry is not None and entry.text == "你好，世界\n第二行"
    assert bob.roster.unread(alice_key) == 1
    assert bob.roster.index(0, RosterModel.UNREAD).data() == "1"

    sent = alice.conversation(bob_key)
    qtbot.waitUntil(lambda: sent.entry(0).state is Delivery.DELIVERED, timeout=5000)  # type: ignore[union-attr]
    assert texts(sent)[0].endswith("✓")

    assert bob.select_peer(alice_key)
    assert bob.roster.unread(alice_key) == 0


def test_shift_enter_starts_a_new_line(qtbot, pair) -> None:  # type: ignore[no-untyped-def]
    alice, _bob = pair
    alice.select_peer(alice.roster.peer_at(0).key)  # type: ignore[union-attr]
    alice.chat.input.setPlainText("one")
    alice.chat.input.moveCursor(alice.chat.input.textCursor().MoveOperation.End)
    qtbot.keyClick(alice.chat.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert alice.chat.input.toPlainText() == "one\n"


def test_sealed_message_gets_a_read_receipt(qtbot, pair) -> None:  # type: ignore[no-untyped-def]
    alice, bob = pair
    bob_key = alice.roster.peer_at(0).key  # type: ignore[union-attr]
    alice_key = bob.roster.peer_at(0).key  # type: ignore[union-attr]
    alice.select_peer(bob_key)
    alice.chat.sealed.setChecked(True)
    alice.chat.input.setPlainText("秘密")
    alice.chat.send_button.click()

    received = bob.conversation(alice_key)
    qtbot.waitUntil(lambda: received.rowCount() == 1, timeout=5000)
    assert "秘密" not in texts(received)[0]  # shown closed
    bob.select_peer(alice_key)
    bob.open_sealed(0)
    assert "秘密" in texts(received)[0]

    sent = alice.conversation(bob_key)
    qtbot.waitUntil(lambda: sent.entry(0).state is Delivery.READ, timeout=5000)  # type: ignore[union-attr]


def test_message_to_a_stopped_node_is_not_delivered(qtbot, pair) -> None:  # type: ignore[no-untyped-def]
    alice, bob = pair
    bob_key = alice.roster.peer_at(0).key  # type: ignore[union-attr]
    with qtbot.waitSignal(bob.bridge.stopped, timeout=5000):
        bob.stop(leave=False)  # gone without a goodbye: Alice still lists it
    assert not bob.running

    alice.select_peer(bob_key)
    alice.send("还在吗？", False)
    sent = alice.conversation(bob_key)
    qtbot.waitUntil(lambda: sent.entry(0).state is Delivery.FAILED, timeout=5000)  # type: ignore[union-attr]
    entry = sent.entry(0)
    assert entry is not None and entry.reason
    assert "✗" in texts(sent)[0] and entry.reason in texts(sent)[0]


def test_sending_while_stopped_fails_with_a_reason(qtbot, make_panel: MakePanel) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel("Solo")
    key = PeerKey(("127.0.0.1", 9), "u", "h")
    panel._show(key)
    panel.send("hello", False)
    model = panel.conversation(key)
    qtbot.waitUntil(lambda: model.entry(0).state is Delivery.FAILED, timeout=5000)  # type: ignore[union-attr]
    assert "not running" in model.entry(0).reason  # type: ignore[union-attr]


def test_bad_targets_do_not_start(qtbot, make_panel: MakePanel) -> None:  # type: ignore[no-untyped-def]
    panel = make_panel("Solo")
    panel.targets.setText("not-an-address")
    panel.start_button.click()
    assert not panel.running
    assert panel.status.text()


def _peer(name: str, group: str, port: int) -> Peer:
    return Peer(PeerKey(("127.0.0.1", port), name.lower(), "host"), nickname=name, group=group)


def test_roster_model_groups_and_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = RosterModel()
    qtmodeltester.check(model, force_py=True)
    model.upsert(_peer("Zed", "B", 1))
    model.upsert(_peer("Amy", "B", 2))
    model.upsert(_peer("Lone", "", 3))
    model.upsert(_peer("Cat", "A", 4))
    names = [model.index(r, RosterModel.NAME).data() for r in range(model.rowCount())]
    assert names == ["Cat", "Amy", "Zed", "Lone"]
    model.add_unread(_peer("Amy", "B", 2).key)
    assert model.index(1, RosterModel.NAME).data() == "Amy (1)"
    model.upsert(_peer("Amy", "A", 2))  # moves to group A, unread kept
    names = [model.index(r, RosterModel.NAME).data() for r in range(model.rowCount())]
    assert names == ["Amy (1)", "Cat", "Zed", "Lone"]
    model.remove(_peer("Zed", "B", 1).key)
    assert model.rowCount() == 3
    qtmodeltester.check(model, force_py=True)


def test_chat_model_is_bounded_and_passes_the_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ChatModel(capacity=3)
    qtmodeltester.check(model, force_py=True)
    for n in range(5):
        model.append(ChatEntry(False, "x", str(n)))
    assert [model.entry(r).text for r in range(3)] == ["2", "3", "4"]  # type: ignore[union-attr]
    qtmodeltester.check(model, force_py=True)


def test_messages_are_written_to_both_histories(qtbot, make_panel: MakePanel, databases) -> None:  # type: ignore[no-untyped-def]
    alice_history = ChatHistory(databases("alice"))
    bob_history = ChatHistory(databases("bob"))
    bob = make_panel("鲍勃", bob_history)
    bob_port = start(qtbot, bob)
    alice = make_panel("Alice", alice_history)
    start(qtbot, alice, f"127.0.0.1:{bob_port}")
    bob_key = only_peer(qtbot, alice)
    alice_key = only_peer(qtbot, bob)

    alice.select_peer(bob_key)
    alice.send("你好 100%", False)
    alice.chat.sealed.setChecked(True)
    alice.send("秘密", True)
    received = bob.conversation(alice_key)
    qtbot.waitUntil(lambda: received.rowCount() == 2, timeout=5000)
    bob.select_peer(alice_key)
    bob.open_sealed(1)
    bob.send("回复", False)

    def states() -> list[tuple[str, str, str]]:
        return [(e.direction, e.text, e.state) for e in alice_history.conversation(str(bob_key))]

    expected = [
        ("out", "你好 100%", "delivered"),
        ("out", "秘密", "read"),
        ("in", "回复", "received"),
    ]
    qtbot.waitUntil(lambda: states() == expected, timeout=5000)
    qtbot.waitUntil(lambda: len(bob_history.conversation(str(alice_key))) == 3, timeout=5000)
    qtbot.waitUntil(
        lambda: bob_history.conversation(str(alice_key))[2].state == "delivered", timeout=5000
    )
    theirs = bob_history.conversation(str(alice_key))
    assert [(e.direction, e.text, e.sealed) for e in theirs] == [
        ("in", "你好 100%", False),
        ("in", "秘密", True),
        ("out", "回复", False),
    ]
    assert theirs[0].peer_name.startswith("Alice")

    alice.search.setText("100%")
    lines = alice.search_history()
    assert len(lines) == 1 and "你好 100%" in lines[0]
    assert alice.history_results.count() == 1


def test_history_survives_a_restart(qtbot, make_panel: MakePanel, databases) -> None:  # type: ignore[no-untyped-def]
    conn = databases("alice")
    bob = make_panel("鲍勃")
    bob_port = start(qtbot, bob)
    alice = make_panel("Alice", ChatHistory(conn))
    start(qtbot, alice, f"127.0.0.1:{bob_port}")
    bob_key = only_peer(qtbot, alice)
    alice.select_peer(bob_key)
    alice.send("before the restart", False)
    sent = alice.conversation(bob_key)
    qtbot.waitUntil(lambda: sent.entry(0).state is Delivery.DELIVERED, timeout=5000)  # type: ignore[union-attr]
    with qtbot.waitSignal(alice.bridge.stopped, timeout=5000):
        alice.stop(leave=False)

    again = make_panel("Alice", ChatHistory(conn))
    start(qtbot, again, f"127.0.0.1:{bob_port}")
    assert only_peer(qtbot, again) == bob_key
    assert again.select_peer(bob_key)
    shown = again.conversation(bob_key)
    assert shown.rowCount() == 1
    entry = shown.entry(0)
    assert entry is not None and entry.outgoing and entry.text == "before the restart"
    assert entry.state is Delivery.DELIVERED
    assert texts(shown)[0].endswith("✓")


def test_the_client_column_shows_a_version_only_when_it_says_something() -> None:
    from dataclasses import replace

    model = RosterModel()
    plain = replace(_peer("Taro", "", 1), client="IP Messenger", version="1")
    feiq = replace(_peer("Lee", "", 2), client="FeiQ", version="1_lbt6_0#128#0C29AB#0#0#0#4001#9")
    tux = replace(_peer("Tux", "", 3), client="iptux 0.8.3", version="iptux 0.8.3")
    for peer in (plain, feiq, tux):
        model.upsert(peer)
    shown = {model.peer_at(r).nickname: model.index(r, RosterModel.CLIENT).data()  # type: ignore[union-attr]
             for r in range(3)}  # fmt: skip
    assert shown == {
        "Taro": "IP Messenger",
        "Lee": "FeiQ (1_lbt6_0#128#0C29AB#0#0#0#4001#9)",
        "Tux": "iptux 0.8.3",
    }


def test_a_panel_whose_attributes_were_cleared_ignores_show_events(qtbot, make_panel) -> None:  # type: ignore[no-untyped-def]
    """The collector may clear a dropped window's wrappers before Qt deletes the widgets, and
    deleting a tab shows the next page: that show event must not raise."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QShowEvent

    panel = make_panel("Ghost")
    kept = dict(vars(panel))
    vars(panel).clear()
    try:
        panel.showEvent(QShowEvent())
        # Handled as any QWidget handles it (True), not dropped and not raised.
        assert panel.event(QEvent(QEvent.Type.WindowActivate)) is True
    finally:
        vars(panel).update(kept)
