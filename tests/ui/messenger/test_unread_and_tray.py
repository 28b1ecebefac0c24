"""Unread counts, notifications, the tray badge and close-to-tray: nothing received is lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from desktop.app import Application
from desktop.core.store.chat_history import ChatHistory
from desktop.settings import Settings
from desktop.ui.messenger.tray import MessengerTray, badge_icon, badge_text
from tests.ui.messenger.helpers import MakePanel, only_peer, start


def test_messages_to_a_hidden_window_or_closed_conversation_are_kept_and_counted(  # type: ignore[no-untyped-def]
    qtbot, make_panel: MakePanel, databases
) -> None:
    history = ChatHistory(databases("bob"))
    bob = make_panel("鲍勃", history)
    bob_port = start(qtbot, bob)
    alice = make_panel("Alice")
    start(qtbot, alice, f"127.0.0.1:{bob_port}")
    bob_key, alice_key = only_peer(qtbot, alice), only_peer(qtbot, bob)
    alice.select_peer(bob_key)

    # Bob's window is hidden and the conversation was never opened.
    assert not bob.isVisible() and bob.current_peer is None
    with (
        qtbot.waitSignal(bob.unread_changed, timeout=5000) as count,
        qtbot.waitSignal(bob.notify_requested, timeout=5000) as note,
    ):
        alice.send("第一条", False)
    assert count.args == [1] and note.args == ["Alice", "第一条"]
    assert bob.unread_total == 1 and bob.roster.unread(alice_key) == 1
    assert bob.conversation(alice_key).entry(0).text == "第一条"  # type: ignore[union-attr]
    assert [e.text for e in history.conversation(str(alice_key))] == ["第一条"]

    # Bob looks at it: read.
    with qtbot.waitActive(bob):
        bob.show()
        bob.activateWindow()
    with qtbot.waitSignal(bob.unread_changed) as cleared:
        bob.select_peer(alice_key)
    assert cleared.args == [0] and bob.roster.unread(alice_key) == 0

    # Looking at it, a new message is neither counted nor notified.
    with qtbot.assertNotEmitted(bob.notify_requested, wait=0):
        alice.send("第二条", False)
        qtbot.waitUntil(lambda: bob.conversation(alice_key).rowCount() == 2, timeout=5000)
    assert bob.unread_total == 0

    # The window goes to the tray (hidden): counted, notified, and in the history.
    bob.hide()
    with qtbot.waitSignal(bob.notify_requested, timeout=5000):
        alice.send("第三条", False)
    assert bob.unread_total == 1
    assert [e.text for e in history.conversation(str(alice_key))] == ["第一条", "第二条", "第三条"]


def test_badge_is_drawn_on_the_icon(qtbot) -> None:  # type: ignore[no-untyped-def]
    assert [badge_text(n) for n in (0, -1, 7, 99, 100)] == ["", "", "7", "99", "99+"]
    plain = QPixmap(64, 64)
    plain.fill(QColor("#2060c0"))
    base = QIcon(plain)
    assert badge_icon(base, 0) is base
    image = badge_icon(base, 3).pixmap(64, 64).toImage()
    corner = image.pixelColor(48, 16)  # inside the red disc, away from the digit
    assert corner.red() > 180 and corner.blue() < 100
    assert image.pixelColor(8, 56) == QColor("#2060c0")  # the icon itself, untouched


def test_tray_counts_without_a_system_tray(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    tray = MessengerTray(QIcon(), window, use_tray=False)
    assert not tray.available
    tray.set_unread(4)
    assert tray.unread == 4
    tray.notify("Alice", "你好")  # falls back to QApplication.alert: no exception, no tray


def _app(qtbot, tmp_path) -> Application:  # type: ignore[no-untyped-def]
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    app = Application(QApplication.instance(), settings, show_crash_dialogs=False, use_tray=False)
    qtbot.addWidget(app.window)
    return app


def test_tab_shows_the_unread_count(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = _app(qtbot, tmp_path)
    try:
        tabs = app.window.tabs
        index = tabs.indexOf(app.window.messenger)
        app.messenger.unread_changed.emit(3)
        assert tabs.tabText(index) == "Messenger (3)"
        assert app.tray.unread == 3
        app.messenger.unread_changed.emit(0)
        assert tabs.tabText(index) == "Messenger"
        assert not app.keeps_running_in_tray()  # no tray here
    finally:
        app.shutdown()


# The offscreen platform cannot raise a window nor pass size hints; it says so, harmlessly.
@pytest.mark.qt_log_ignore("This plugin does not support")
def test_closing_into_the_tray_hides_and_quit_really_closes(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = _app(qtbot, tmp_path)
    try:
        window = app.window
        assert window.menus.close_to_tray_action.isChecked()  # on by default
        window.menus.close_to_tray_action.setChecked(False)
        assert not app.settings.get(Settings.MESSENGER_CLOSE_TO_TRAY)
        window.set_close_to_tray(lambda: True)  # as with a tray and a running messenger
        window.show()
        with qtbot.waitSignal(window.hidden_to_tray):
            assert not window.close()
        assert not window.isVisible()
        window.show_from_tray()
        assert window.isVisible()
        window.quit()
        assert not window.isVisible()
    finally:
        app.shutdown()


def test_another_active_window_counts_unread_until_the_panel_is_active_again(  # type: ignore[no-untyped-def]
    qtbot, pair
) -> None:
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    alice, bob = pair
    bob_key, alice_key = alice.roster.peer_at(0).key, bob.roster.peer_at(0).key  # type: ignore[union-attr]
    alice.select_peer(bob_key)
    window = QWidget()  # Bob's panel inside a window, as in the main window's tab
    qtbot.addWidget(window)
    QVBoxLayout(window).addWidget(bob)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    bob.select_peer(alice_key)
    other = QWidget()
    qtbot.addWidget(other)
    with qtbot.waitActive(other):  # the user works in another window; Bob's stays open
        other.show()
        other.activateWindow()
    assert bob.isVisible() and not bob.isActiveWindow()
    with qtbot.waitSignal(bob.notify_requested, timeout=5000):
        alice.send("看一下", False)
    assert bob.unread_total == 1 and bob.roster.unread(alice_key) == 1
    with qtbot.waitSignal(bob.unread_changed) as cleared:
        window.activateWindow()
    assert cleared.args == [0] and bob.roster.unread(alice_key) == 0
    bob.setParent(None)  # back to the fixture, which closes it after the window
