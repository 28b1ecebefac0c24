"""Nothing received is stranded: conversations outlive their peers, history results open them."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from desktop.app import Application
from desktop.core.ipmsg.events import PeerKey
from desktop.core.store.chat_history import ChatHistory
from desktop.settings import Settings
from desktop.ui.messenger.conversation_list import ConversationListModel
from desktop.ui.messenger.conversations import BROADCAST, parse_key
from tests.ui.messenger.helpers import MakePanel, only_peer, start


def _click(qtbot, view, row: int, double: bool = False) -> None:  # type: ignore[no-untyped-def]
    rect = view.visualRect(view.model().index(row, 0))
    assert rect.isValid() and view.viewport().rect().contains(rect.center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    if double:  # a real double-click: a press and release, then the double-click
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# The offscreen platform cannot pass size hints; it says so, harmlessly.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_messages_from_a_peer_who_left_can_be_opened_and_read(  # type: ignore[no-untyped-def]
    qtbot, tmp_path, make_panel: MakePanel
) -> None:
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    app = Application(QApplication.instance(), settings, show_crash_dialogs=False, use_tray=False)
    qtbot.addWidget(app.window)
    try:
        me, window = app.messenger, app.window
        me.nickname.setText("Alice")
        me.identity.set_interface("127.0.0.1")
        me.port.setValue(0)
        my_port = start(qtbot, me)
        bob = make_panel("鲍勃")
        start(qtbot, bob, f"127.0.0.1:{my_port}")  # Bob announces to me: I hear his goodbye
        alice_key, bob_key = only_peer(qtbot, bob), only_peer(qtbot, me)
        bob.select_peer(alice_key)
        with qtbot.waitSignal(me.unread_changed, timeout=5000, check_params_cb=lambda n: n == 2):
            bob.send("第一条", False)
            bob.send("second one", False)
        tab = window.tabs.indexOf(me)
        assert window.tabs.tabText(tab) == "Messenger (2)"

        with qtbot.waitSignal(me.bridge.peer_left, timeout=5000):
            bob.stop()  # signs off: gone from the roster
        assert me.roster.rowCount() == 0
        listing = me.conversation_list.model()
        row = listing.index(0, 0)  # the latest conversation first (older ones may be listed)
        assert row.data(ConversationListModel.KeyRole) == bob_key
        assert row.data(ConversationListModel.OnlineRole) is False
        assert row.data(ConversationListModel.UnreadRole) == 2
        greyed = QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        assert row.data(Qt.ItemDataRole.ForegroundRole) == greyed

        window.tabs.setCurrentWidget(me)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        with qtbot.waitSignal(me.unread_changed, check_params_cb=lambda n: n == 0):
            _click(qtbot, me.conversation_list, 0)
        assert me.current_peer == bob_key
        shown = me.chat.messages.model()
        assert [shown.entry(r).text for r in range(2)] == ["第一条", "second one"]  # type: ignore[union-attr]
        assert shown.marker_row == 0  # "new messages" above the first unread
        assert window.tabs.tabText(tab) == "Messenger"
        assert listing.index(0, 0).data(ConversationListModel.UnreadRole) == 0
        assert "offline" in me.chat.title.text()

        me.close_conversation(bob_key)  # listed until the user closes it
        assert listing.row_of(bob_key) is None and me.current_peer is None
    finally:
        app.shutdown()


def test_a_history_result_opens_its_conversation_at_that_message(  # type: ignore[no-untyped-def]
    qtbot, make_panel: MakePanel, databases
) -> None:
    history = ChatHistory(databases("alice"))
    bob_key = PeerKey(("127.0.0.1", 2425), "bob", "bob-pc")
    start_ns = time.time_ns() - 10**12
    for n in range(300):
        text = "the needle is here" if n == 40 else f"line {n}"
        history.add(str(bob_key), "鲍勃", "in" if n % 2 else "out", text, False,
                    "received" if n % 2 else "delivered", start_ns + n * 10**9)  # fmt: skip
    alice = make_panel("Alice", history)  # not started: Bob is nowhere on the network
    alice.resize(900, 600)
    alice.show()
    qtbot.waitExposed(alice)
    alice.search.setText("needle")
    assert len(alice.search_history()) == 1
    results = alice.history_results
    _click(qtbot, results, 0, double=True)

    assert alice.current_peer == bob_key
    view = alice.chat.messages
    current = view.currentIndex()
    assert current.isValid() and current.data(view.model().EntryRole).text == "the needle is here"
    shown = view.visualRect(current)
    assert view.viewport().rect().intersects(shown)  # scrolled to it, not left at the bottom
    bottom = view.visualRect(view.model().index(view.model().rowCount() - 1))
    assert not view.viewport().rect().intersects(bottom)


def test_history_keys_read_back() -> None:
    for key in (
        PeerKey(("127.0.0.1", 2425), "bob", "bob-pc"),
        PeerKey(("198.18.0.2", 9), "张 三@corp.example", "pc"),  # a host name has no @
        PeerKey(("::1", 2425), "", ""),
        BROADCAST,
    ):
        assert parse_key(str(key)) == key
    assert parse_key("nonsense") is None


def test_recent_conversations_are_listed_again_after_a_restart(  # type: ignore[no-untyped-def]
    qtbot, make_panel: MakePanel, databases
) -> None:
    history = ChatHistory(databases("alice"))
    bob = PeerKey(("127.0.0.1", 2425), "bob", "bob-pc")
    carol = PeerKey(("127.0.0.1", 2426), "carol", "carol-pc")
    now = time.time_ns()
    history.add(str(bob), "鲍勃 (127.0.0.1:2425)", "in", "昨天的消息", False, "received", now - 9)
    history.add(str(carol), "Carol (127.0.0.1:2426)", "in", "secret", True, "received", now - 5)
    history.add(str(bob), "鲍勃 (127.0.0.1:2425)", "out", "最后一条", False, "delivered", now - 1)
    assert [e.text for e in history.recent()] == ["最后一条", "secret"]

    alice = make_panel("Alice", history)  # a fresh start: nobody is online
    listing = alice.conversation_list.model()
    keys = [listing.index(r, 0).data(ConversationListModel.KeyRole) for r in range(2)]
    assert keys == [bob, carol] and listing.rowCount() == 2
    assert listing.index(0, 0).data() == "鲍勃\n最后一条"
    assert "secret" not in listing.index(1, 0).data()  # a sealed message stays sealed
    assert listing.index(0, 0).data(ConversationListModel.OnlineRole) is False
    alice.conversation_list.open_row(0)
    assert alice.current_peer == bob
    shown = alice.chat.messages.model()
    assert [shown.entry(r).text for r in range(shown.rowCount())] == ["昨天的消息", "最后一条"]  # type: ignore[union-attr]


def test_a_closed_conversation_stays_closed_after_a_restart(  # type: ignore[no-untyped-def]
    qtbot, tmp_path, make_panel: MakePanel, databases
) -> None:
    history = ChatHistory(databases("alice"))
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    bob = PeerKey(("127.0.0.1", 2425), "bob", "bob-pc")
    carol = PeerKey(("127.0.0.1", 2426), "carol", "carol-pc")
    now = time.time_ns()
    history.add(str(bob), "Bob (127.0.0.1:2425)", "in", "hello", False, "received", now - 9)
    history.add(str(carol), "Carol (127.0.0.1:2426)", "in", "hi", False, "received", now - 5)

    def listed(panel) -> list[PeerKey]:  # type: ignore[no-untyped-def]
        listing = panel.conversation_list.model()
        return [
            listing.index(r, 0).data(ConversationListModel.KeyRole)
            for r in range(listing.rowCount())
        ]

    first = make_panel("Alice", history, settings)
    assert set(listed(first)) == {bob, carol}
    first.close_conversation(bob)
    assert listed(first) == [carol]

    again = make_panel("Alice", history, settings, restored=True)  # the next start
    assert listed(again) == [carol]  # Bob's stays closed

    # A message after the close lists the conversation again, also after the next start.
    history.add(str(bob), "Bob (127.0.0.1:2425)", "in", "back", False, "received", time.time_ns())
    third = make_panel("Alice", history, settings, restored=True)
    assert set(listed(third)) == {bob, carol}
