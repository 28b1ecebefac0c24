"""Two Messenger panels on a test LAN (each node in its own namespace): a sealed message and
its read receipt, the away auto-reply, and a goodbye that empties the other's roster."""

from __future__ import annotations

import pytest

from desktop.ui.messenger.chat_view import Delivery
from desktop.ui.messenger.roster_model import RosterModel
from tests.lan.panels import PanelOn, start
from tests.ui.messenger.helpers import texts

pytestmark = pytest.mark.lan


def test_sealed_receipt_away_reply_and_exit_between_two_hosts(  # type: ignore[no-untyped-def]
    make_lan, panel_on: PanelOn, qtbot
) -> None:
    lan = make_lan(2)
    h1, h2 = lan.hosts
    alice, bob = panel_on(h1), panel_on(h2)
    alice.nickname.setText("阿丽")
    bob.nickname.setText("鲍勃")
    start(qtbot, alice, h1.broadcast)
    start(qtbot, bob, h2.broadcast)
    qtbot.waitUntil(lambda: alice.roster.rowCount() == bob.roster.rowCount() == 1, timeout=10_000)
    bob_peer, alice_peer = alice.roster.peer_at(0), bob.roster.peer_at(0)
    assert bob_peer is not None and alice_peer is not None
    assert (bob_peer.nickname, bob_peer.address[0]) == ("鲍勃", h2.address)
    assert (alice_peer.nickname, alice_peer.address[0]) == ("阿丽", h1.address)

    # A sealed message arrives closed; opening it sends the read receipt back across the LAN.
    alice.select_peer(bob_peer.key)
    alice.chat.sealed.setChecked(True)
    alice.chat.input.setPlainText("机密：今晚八点")
    alice.chat.send_button.click()
    received = bob.conversation(alice_peer.key)
    qtbot.waitUntil(lambda: received.rowCount() == 1, timeout=5000)
    assert "机密" not in texts(received)[0]
    bob.select_peer(alice_peer.key)
    bob.open_sealed(0)
    assert "机密：今晚八点" in texts(received)[0]
    sent = alice.conversation(bob_peer.key)
    qtbot.waitUntil(lambda: sent.entry(0).state is Delivery.READ, timeout=5000)  # type: ignore[union-attr]

    # Away: the status reaches Alice's roster and her message is answered once, automatically.
    bob.presence.set_absence("开会中，稍后回复")
    status = alice.roster.index(0, RosterModel.STATUS)
    qtbot.waitUntil(lambda: status.data() == "away: 开会中，稍后回复", timeout=5000)
    alice.chat.sealed.setChecked(False)
    alice.send("在吗？", False)
    qtbot.waitUntil(lambda: sent.rowCount() == 3, timeout=5000)
    qtbot.waitUntil(lambda: sent.entry(1).state is Delivery.DELIVERED, timeout=5000)  # type: ignore[union-attr]
    reply = sent.entry(2)
    assert reply is not None and not reply.outgoing and reply.text == "开会中，稍后回复"

    # Bob signs off: his BR_EXIT takes him out of Alice's roster.
    with qtbot.waitSignal(bob.bridge.stopped, timeout=5000):
        bob.stop(leave=True)
    qtbot.waitUntil(lambda: alice.roster.rowCount() == 0, timeout=5000)
