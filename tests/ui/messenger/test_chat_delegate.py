"""The conversation reads like a messenger: sides, days, names once per run, states, wrapping."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QObject, QSettings, Qt, QUrl, Slot
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication, QPalette
from PySide6.QtWidgets import QStyleOptionViewItem, QVBoxLayout, QWidget

from desktop.settings import Settings
from desktop.ui.messenger.chat_delegate import BUBBLE_SHARE, MARGIN, RowGeometry, blend
from desktop.ui.messenger.chat_model import ChatEntry, ChatModel, Delivery, find_links
from desktop.ui.messenger.chat_view import ChatView
from desktop.ui.messenger.status_selector import StatusSelector
from desktop.ui.translations import install_translations
from tests.ui.messenger.helpers import MakePanel, only_peer, start

YESTERDAY = _dt.datetime.now().replace(hour=9, minute=0) - _dt.timedelta(days=1)
TODAY = YESTERDAY + _dt.timedelta(days=1, minutes=30)
LINK = "https://example.test/" + "a1b2c3" * 60  # one long word: wrapped anywhere


def _model() -> ChatModel:
    model = ChatModel()
    rows = [
        ChatEntry(False, "鲍勃", "早上好", when=YESTERDAY),
        ChatEntry(False, "鲍勃", "发布准备好了吗？", when=YESTERDAY + _dt.timedelta(minutes=1)),
        ChatEntry(True, "Me", "好了", when=TODAY, state=Delivery.DELIVERED),
        ChatEntry(True, "Me", "看这个", when=TODAY, sealed=True, state=Delivery.READ),
        ChatEntry(True, "Me", "还有这个", when=TODAY, state=Delivery.FAILED, reason="timed out"),
        ChatEntry(False, "鲍勃", LINK, when=TODAY),
    ]
    for entry in rows:
        model.append(entry)
    return model


def _geometry(view: ChatView, row: int) -> RowGeometry:
    option = QStyleOptionViewItem()
    view.messages.initViewItemOption(option)
    index = view.messages.model().index(row, 0)
    option.rect = view.messages.visualRect(index)
    return view.delegate.geometry(option, index)


def test_bubbles_days_names_states_and_wrapping(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = ChatView()
    qtbot.addWidget(view)
    view.resize(600, 2000)  # every row on screen
    model = _model()
    view.set_conversation(model, "鲍勃")
    view.show()
    qtbot.waitExposed(view)
    width = view.messages.viewport().width()
    rows = [_geometry(view, r) for r in range(model.rowCount())]

    # The peer's messages on the left, ours on the right, all inside the view.
    for row, g in enumerate(rows):
        outgoing = model.entry(row).outgoing  # type: ignore[union-attr]
        assert g.bubble.left() >= 0 and g.bubble.right() < width
        if outgoing:
            assert g.bubble.right() == width - MARGIN - 1
        else:
            assert g.bubble.left() == MARGIN
    # A date separator where the day changes, and nowhere else.
    assert [not g.day.isEmpty() for g in rows] == [True, False, True, False, False, False]
    # The peer's name once per run of its messages (ours carry none).
    assert [not g.name.isEmpty() for g in rows] == [True, False, False, False, False, True]
    # Delivery and read state per message, beside its time.
    footers = [str(model.index(r).data(ChatModel.FooterRole)) for r in range(model.rowCount())]
    assert footers[2].endswith("✓ delivered") and footers[3].endswith("✓✓ read")
    assert "✗ not delivered: timed out" in footers[4]
    assert footers[0] == YESTERDAY.strftime("%H:%M")
    # The long link wraps inside the bubble, which stays within its share of the width.
    link = rows[5]
    line = view.messages.fontMetrics().height()
    assert link.bubble.width() <= width * BUBBLE_SHARE
    assert link.text.height() > 4 * line
    assert link.text.right() <= link.bubble.right()
    assert view.messages.visualRect(model.index(5)).height() >= link.height

    # Our bubbles and theirs are told apart by colour taken from the palette.
    image = view.messages.viewport().grab().toImage()
    palette = view.messages.palette()
    base = palette.color(QPalette.ColorRole.Base)
    ours = image.pixelColor(rows[2].bubble.left() + 3, rows[2].bubble.center().y())
    theirs = image.pixelColor(rows[0].bubble.left() + 3, rows[0].bubble.center().y())
    expected = blend(base, palette.color(QPalette.ColorRole.Highlight), 0.28)
    assert _close(ours, expected) and not _close(theirs, expected) and not _close(theirs, base)


def test_the_new_messages_marker_sits_above_the_first_unread(qtbot, pair) -> None:  # type: ignore[no-untyped-def]
    alice, bob = pair
    bob_key, alice_key = alice.roster.peer_at(0).key, bob.roster.peer_at(0).key  # type: ignore[union-attr]
    alice.select_peer(bob_key)
    window, other = QWidget(), QWidget()  # Bob's panel in a window; another window
    qtbot.addWidget(window)
    qtbot.addWidget(other)
    QVBoxLayout(window).addWidget(bob)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    bob.select_peer(alice_key)
    chat = bob.conversation(alice_key)
    alice.send("一", False)
    qtbot.waitUntil(lambda: chat.rowCount() == 1, timeout=5000)
    assert chat.marker_row is None  # read as it came

    with qtbot.waitActive(other):  # the user works elsewhere
        other.show()
        other.activateWindow()
    alice.send("二", False)
    alice.send("三", False)
    qtbot.waitUntil(lambda: bob.unread_total == 2, timeout=5000)
    with qtbot.waitSignal(bob.unread_changed):
        window.activateWindow()
    assert chat.marker_row == 1
    assert [chat.index(r).data(ChatModel.MarkerRole) for r in range(3)] == [False, True, False]
    marked, plain = _geometry(bob.chat, 1), _geometry(bob.chat, 2)
    assert not marked.marker.isEmpty() and plain.marker.isEmpty()
    assert marked.marker.bottom() < marked.bubble.top()

    bob.select_peer(alice_key)  # opened again with nothing new: no marker
    bob.show_broadcast()
    bob.select_peer(alice_key)
    assert chat.marker_row is None
    bob.setParent(None)  # back to the fixture, which closes it after the window


def test_a_conversation_of_thousands_lays_out_with_cached_measures(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = ChatView()
    qtbot.addWidget(view)
    view.resize(500, 400)
    model = ChatModel()
    start = _dt.datetime.now() - _dt.timedelta(days=3)
    for n in range(2000):
        when = start + _dt.timedelta(minutes=n * 2)
        model.append(
            ChatEntry(n % 3 == 0, "Me" if n % 3 == 0 else "Amy", f"message {n % 50}", when=when)
        )
    view.set_conversation(model, "Amy")
    view.show()
    qtbot.waitExposed(view)
    bar = view.messages.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() == bar.maximum() > 0)
    # 50 distinct texts: measured once per width, however many of the 2,000 rows share them.
    measured = view.delegate._sizes
    widths = {width for _text, _font, width in measured}
    assert len(measured) <= 50 * len(widths) and len(widths) <= 3


def _close(a: QColor, b: QColor) -> bool:
    return all(abs(x - y) <= 3 for x, y in zip(a.getRgb()[:3], b.getRgb()[:3], strict=True))


def test_the_default_away_text_follows_the_interface_language(  # type: ignore[no-untyped-def]
    qtbot, qapp, tmp_path, make_panel: MakePanel
) -> None:
    from tests.ui.test_translations import _remove_translators

    saved = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    english = StatusSelector()  # chosen in English: the default preset
    qtbot.addWidget(english)
    english.set_absence(english.absence_text())
    english.save(saved)
    assert english.absence() == "I am away from my desk."

    assert install_translations(qapp, "zh_CN") == "zh_CN"
    try:
        bob = make_panel("鲍勃")
        bob_port = start(qtbot, bob)
        alice = make_panel("Alice", settings=saved)  # the same settings, now in Chinese
        assert alice.presence.absence() == "我暂时不在座位上。"
        start(qtbot, alice, f"127.0.0.1:{bob_port}")
        alice_key = only_peer(qtbot, bob)
        bob.select_peer(alice_key)
        bob.send("在吗？", False)
        chat = bob.conversation(alice_key)
        qtbot.waitUntil(lambda: chat.rowCount() == 2, timeout=5000)
        assert chat.entry(1).text == "我暂时不在座位上。"  # type: ignore[union-attr]  # on the wire
        alice.save_settings()
        assert saved.get(Settings.MESSENGER_AWAY_MESSAGE) == "I am away from my desk."
    finally:
        _remove_translators(qapp)


class _Browser(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_links_are_found_opened_and_messages_copied(qtbot) -> None:  # type: ignore[no-untyped-def]
    text = "报告见https://ci.example.test/b?id=7&x=(1)，谢谢。Also www.example.test."
    assert [url for _s, _n, url in find_links(text)] == [
        "https://ci.example.test/b?id=7&x=(1)",
        "http://www.example.test",
    ]
    view = ChatView()
    qtbot.addWidget(view)
    view.resize(500, 300)
    model = ChatModel()
    model.append(ChatEntry(False, "鲍勃", text))
    view.set_conversation(model, "鲍勃")
    view.show()
    qtbot.waitExposed(view)
    browser = _Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        rect = view.messages.visualRect(model.index(0))
        qtbot.mouseClick(view.messages.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.messages.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert browser.opened == ["https://ci.example.test/b?id=7&x=(1)"]

    QGuiApplication.clipboard().clear()
    view.messages.setFocus()
    qtbot.keyClick(view.messages, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == text
