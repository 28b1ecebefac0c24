"""Offers in a conversation: shown with their files, accepted (all, some), declined, auto-accepted;
files offered by button, menu and drag and drop, and our offer following its transfers."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.core.ipmsg.offers import Offer, OfferedFile
from desktop.core.ipmsg.transfer import Direction, TransferState
from desktop.settings import Settings
from desktop.ui.messenger.chat_model import ChatModel
from desktop.ui.messenger.messenger_panel import MessengerPanel
from desktop.ui.messenger.offer_bar import OfferBar
from desktop.ui.messenger.offer_dialog import AcceptDialog
from desktop.ui.messenger.offer_view import OfferView
from tests.ui.messenger.files_helpers import (
    BOB,
    CAROL,
    RecordingBridge,
    offer_from,
    offer_message,
    settings_at,
    transfer,
)


def _panel(qtbot, io, tmp_path: Path, settings: Settings | None = None):  # type: ignore[no-untyped-def]
    bridge = RecordingBridge(io)
    panel = MessengerPanel(bridge, settings=settings or settings_at(tmp_path / "s.ini"))
    qtbot.addWidget(panel)
    panel.resize(1024, 700)
    panel.show()
    qtbot.waitExposed(panel)
    for peer in (BOB, CAROL):
        bridge.peer_joined.emit(peer)
    return panel, bridge


def _bodies(panel: MessengerPanel, key) -> list[str]:  # type: ignore[no-untyped-def]
    model = panel.conversation(key)
    return [str(model.index(r).data(ChatModel.BodyRole)) for r in range(model.rowCount())]


def _files(tmp_path: Path) -> list[str]:
    folder = tmp_path / "照片"
    folder.mkdir()
    (folder / "a.jpg").write_bytes(b"x" * 10)
    report = tmp_path / "报告.pdf"
    report.write_bytes(b"%PDF" * 100)
    return [str(report), str(folder)]


def _drop(widget, paths: list[str], where: QPointF) -> bool:  # type: ignore[no-untyped-def]
    """Drag ``paths`` in over ``widget`` and drop them at ``where``, as a file manager does."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(where.toPoint(), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(widget, enter)
    move = QDragMoveEvent(where.toPoint(), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(widget, move)
    event = QDropEvent(
        where,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_a_received_offer_shows_its_files_and_no_longer_the_old_line(qtbot, io, tmp_path) -> None:  # type: ignore[no-untyped-def]
    panel, bridge = _panel(qtbot, io, tmp_path)
    panel.open_conversation(BOB.key)
    bridge.message_received.emit(offer_message(BOB))
    body = _bodies(panel, BOB.key)[-1]
    assert "(files offered" not in body
    lines = body.split("\n")
    assert lines[0] == "给你文件"
    assert lines[1] == "📄 报告.pdf — 1.5 MiB"
    assert lines[2].startswith("📁 照片/ — ")  # a folder is marked
    assert lines[3] == "📄 notes.txt — 12 bytes"
    bar = panel.chat.offer_bar
    assert bar.isVisible() and bar.view is not None and bar.accept_all_button.isVisible()
    # The bar's own line: what is offered, not "accept or decline it in the bar" in the bar.
    assert bar.summary.text().startswith("Offered to you: 3 files")
    assert "bar" not in bar.summary.text()


def test_accept_some_downloads_only_the_files_checked_into_the_folder(qtbot, io, tmp_path) -> None:  # type: ignore[no-untyped-def]
    panel, bridge = _panel(qtbot, io, tmp_path)
    panel.open_conversation(BOB.key)
    message = offer_message(BOB)
    bridge.message_received.emit(message)
    panel.chat.offer_bar.accept_some_button.click()
    dialog = panel.findChild(AcceptDialog)
    assert dialog is not None and dialog.files.count() == 3
    dialog.set_checked(1, False)  # not the folder
    dialog.folder.setText(str(tmp_path / "下载"))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert bridge.called("accept") == [(message.offer, [1, 3], str(tmp_path / "下载"))]
    bar = panel.chat.offer_bar
    assert not bar.accept_all_button.isVisible()  # answered
    bridge.transfers_changed.emit([transfer(1, TransferState.RUNNING, done=500, size=1000)])
    assert _bodies(panel, BOB.key)[-1].endswith("➜ downloading 50 %")
    assert bar.transfers_button.isVisible()
    bar.transfers_button.click()
    assert panel.transfers_window is not None and panel.transfers_window.isVisible()
    assert [t.transfer_id for t in panel.transfers_window.selected()] == [1]


def test_accept_all_goes_to_the_download_folder_and_decline_tells_the_bridge(
    qtbot, io, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    settings = settings_at(tmp_path / "s.ini")
    settings.set(Settings.DOWNLOAD_FOLDER, str(tmp_path / "dl"))
    panel, bridge = _panel(qtbot, io, tmp_path, settings)
    panel.open_conversation(BOB.key)
    first = offer_message(BOB, packet_no=1)
    bridge.message_received.emit(first)
    panel.chat.offer_bar.accept_all_button.click()
    assert bridge.called("accept") == [(first.offer, [1, 2, 3], str(tmp_path / "dl"))]
    second = offer_message(BOB, packet_no=2)
    bridge.message_received.emit(second)
    assert panel.chat.offer_bar.view is not None
    assert panel.chat.offer_bar.view.offer is second.offer
    panel.chat.offer_bar.decline_button.click()
    assert bridge.called("decline") == [(second.offer,)]
    assert _bodies(panel, BOB.key)[-1].endswith("➜ declined")
    bridge.offer_released.emit(BOB, 1)  # an accepted offer is not undone by a late release
    assert "accepted into" in _bodies(panel, BOB.key)[-2]


def test_an_offer_withdrawn_by_the_sender_says_so(qtbot, io, tmp_path) -> None:  # type: ignore[no-untyped-def]
    panel, bridge = _panel(qtbot, io, tmp_path)
    panel.open_conversation(BOB.key)
    bridge.message_received.emit(offer_message(BOB))
    bridge.offer_released.emit(BOB, 7001)
    assert _bodies(panel, BOB.key)[-1].endswith("➜ withdrawn by the sender or expired")
    assert not panel.chat.offer_bar.isVisible()


def test_auto_accept_takes_offers_of_listed_peers_only(qtbot, io, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = settings_at(tmp_path / "s.ini")
    settings.set(Settings.AUTO_ACCEPT, True)
    settings.set(Settings.AUTO_ACCEPT_PEERS, json.dumps(["bob@bobs-pc"]))
    settings.set(Settings.AUTO_ACCEPT_FOLDER, str(tmp_path / "auto"))
    panel, bridge = _panel(qtbot, io, tmp_path, settings)
    from_bob, from_carol = offer_message(BOB), offer_message(CAROL, packet_no=9)
    bridge.message_received.emit(from_bob)
    bridge.message_received.emit(from_carol)
    assert bridge.called("accept") == [(from_bob.offer, [1, 2, 3], str(tmp_path / "auto"))]
    auto = str(tmp_path / "auto")
    assert _bodies(panel, BOB.key)[-1].endswith(f"➜ accepted into {auto}: waiting")
    assert _bodies(panel, CAROL.key)[-1].endswith(
        "➜ Accept or decline it in the bar under the messages"
    )
    settings.set(Settings.AUTO_ACCEPT, False)  # off: nobody is accepted without asking
    bridge.message_received.emit(offer_message(BOB, packet_no=10))
    assert len(bridge.called("accept")) == 1


def test_dropping_files_on_the_conversation_offers_them_with_the_typed_text(
    qtbot, io, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    panel, bridge = _panel(qtbot, io, tmp_path)
    panel.open_conversation(BOB.key)
    panel.chat.input.setPlainText("看看这些")
    paths = _files(tmp_path)
    viewport = panel.chat.messages.viewport()
    assert _drop(viewport, paths, QPointF(viewport.rect().center()))
    [(_token, keys, sent, text)] = bridge.called("offer_files")
    assert (keys, sent, text) == ([BOB.key], paths, "看看这些")
    assert panel.chat.input.toPlainText() == ""
    body = _bodies(panel, BOB.key)[-1]
    assert "📄 报告.pdf — 400 bytes" in body and "📁 照片/" in body
    _drop(panel.chat.input.viewport(), paths[:1], QPointF(5, 5))  # onto the input too
    assert len(bridge.called("offer_files")) == 2


def test_dropping_files_on_a_roster_row_offers_them_to_that_peer(qtbot, io, tmp_path) -> None:  # type: ignore[no-untyped-def]
    panel, bridge = _panel(qtbot, io, tmp_path)
    paths = _files(tmp_path)
    table = panel.table
    row = panel.proxy.mapFromSource(panel.roster.index(panel.roster.row_of(CAROL.key), 0))
    where = QPointF(table.visualRect(row).center())
    _drop(table.viewport(), paths, where)
    [(_token, keys, sent, text)] = bridge.called("offer_files")
    assert (keys, sent, text) == ([CAROL.key], paths, "")
    assert "📁 照片/" in _bodies(panel, CAROL.key)[-1]


def test_send_files_button_and_our_offer_following_its_transfers(qtbot, io, tmp_path) -> None:  # type: ignore[no-untyped-def]
    panel, bridge = _panel(qtbot, io, tmp_path)
    paths = _files(tmp_path)
    asked: list[bool] = []
    panel.choose_paths = lambda _parent, folder: asked.append(folder) or paths
    panel.select_peers([BOB.key, CAROL.key])
    panel.chat.folder_button.click()
    assert asked == [True]
    [(token, keys, sent, _text)] = bridge.called("offer_files")
    assert set(keys) == {BOB.key, CAROL.key} and sent == paths
    assert _bodies(panel, BOB.key)[-1].endswith("➜ offering…")
    ours = Offer(
        BOB, 4242, (OfferedFile(1, "报告.pdf", 400), OfferedFile(2, "照片", 10, is_folder=True))
    )
    bridge.files_offered.emit(token, ours, 77)
    bridge.offer_failed.emit(token, "no route")  # Carol's could not be offered
    assert _bodies(panel, BOB.key)[-1].endswith("➜ waiting for the peer to download")
    assert _bodies(panel, CAROL.key)[-1].endswith("➜ not offered: no route")
    up = {"direction": Direction.SEND, "packet_no": 4242, "size": 400}
    # The engine lists our offer's rows as WAITING from the start: still nobody downloads.
    bridge.transfers_changed.emit([transfer(5, TransferState.WAITING, **up)])
    assert _bodies(panel, BOB.key)[-1].endswith("➜ waiting for the peer to download")
    bar = panel.chat.offer_bar
    assert "downloading" not in bar.summary.text() and "sending" not in bar.summary.text()
    bridge.transfers_changed.emit([transfer(5, TransferState.RUNNING, done=100, **up)])
    assert _bodies(panel, BOB.key)[-1].endswith("➜ sending 25 %")
    bridge.transfers_changed.emit([transfer(5, TransferState.DONE, done=400, **up)])
    assert _bodies(panel, BOB.key)[-1].endswith("➜ done")


def test_cancel_offer_withdraws_ours(qtbot, io, tmp_path) -> None:  # type: ignore[no-untyped-def]
    panel, bridge = _panel(qtbot, io, tmp_path)
    panel.open_conversation(BOB.key)
    token = panel.offer_files([BOB.key], _files(tmp_path), "")
    ours = Offer(BOB, 4243, (OfferedFile(1, "报告.pdf", 400),))
    bridge.files_offered.emit(token, ours, 78)
    bar = panel.chat.offer_bar
    assert isinstance(bar.view, OfferView) and bar.withdraw_button.isVisible()
    bar.withdraw_button.click()
    assert bridge.called("cancel_offer") == [(ours,)]
    assert _bodies(panel, BOB.key)[-1].endswith("➜ offer cancelled")


def test_the_transfers_button_counts_running_transfers(qtbot, io, tmp_path) -> None:  # type: ignore[no-untyped-def]
    panel, bridge = _panel(qtbot, io, tmp_path)
    assert panel.transfers_button.text() == "Transfers"
    bridge.transfers_changed.emit(
        [transfer(1, TransferState.RUNNING), transfer(2, TransferState.WAITING)]
    )
    assert panel.transfers_button.text() == "Transfers (2)"
    bridge.transfers_changed.emit([transfer(1, TransferState.DONE)])
    assert panel.transfers_button.text() == "Transfers (1)"
    panel.transfers_button.click()
    assert panel.transfers_window is not None and panel.transfers_window.isVisible()


def test_offers_followed_are_bounded(qtbot, io, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.messenger import file_transfers

    monkeypatch.setattr(file_transfers, "MAX_OFFERS", 2)
    panel, bridge = _panel(qtbot, io, tmp_path)
    for packet_no in (1, 2, 3):
        bridge.message_received.emit(offer_message(BOB, packet_no=packet_no))
    bridge.transfers_changed.emit([transfer(1, TransferState.RUNNING, packet_no=1, done=1)])
    bridge.transfers_changed.emit([transfer(2, TransferState.RUNNING, packet_no=3, done=1)])
    bodies = _bodies(panel, BOB.key)
    assert bodies[0].endswith(
        "➜ Accept or decline it in the bar under the messages"
    )  # forgotten: not followed
    assert bodies[2].endswith("➜ downloading 0 %")


def test_a_pending_offer_bar_does_not_repeat_what_its_buttons_say(qtbot: QtBot) -> None:
    """The summary of an offer waiting for an answer is only what is offered; the state
    sentence ("accept or decline it in the bar…") would repeat the buttons beside it."""
    bar = OfferBar()
    qtbot.addWidget(bar)
    view = OfferView(outgoing=False, files=offer_from(BOB).files, offer=offer_from(BOB))
    bar.show_offer(view)
    assert bar.summary.text().startswith("Offered to you")
    assert view.state_line() not in bar.summary.text()
