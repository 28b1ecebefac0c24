"""Files end to end between two real Messenger panels, bridges and engines on loopback."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QPointF

from desktop.core.ipmsg.transfer import Direction, TransferState
from desktop.ui.messenger.messenger_panel import MessengerPanel
from desktop.ui.messenger.transfer_model import TransferModel
from tests.ui.messenger.test_offers import _drop


def _states(panel: MessengerPanel) -> list[tuple[Direction, TransferState]]:
    model: TransferModel = panel.files.model
    rows = [model.transfer(r) for r in range(model.rowCount())]
    return [(t.direction, t.state) for t in rows if t is not None]


def test_a_dropped_file_is_accepted_from_the_offer_bar_and_lands_intact(
    qtbot, pair, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    alice, bob = pair
    for panel in (alice, bob):
        panel.resize(1024, 700)
        panel.show()
        qtbot.waitExposed(panel)
    source = tmp_path / "out" / "季度 报告.bin"
    source.parent.mkdir()
    source.write_bytes(os.urandom(2_500_000))
    inbox = tmp_path / "inbox"

    bob_key = alice.roster.peer_at(0).key  # type: ignore[union-attr]
    alice.open_conversation(bob_key)
    viewport = alice.chat.messages.viewport()
    assert _drop(viewport, [str(source)], QPointF(viewport.rect().center()))

    bar = bob.chat.offer_bar
    alice_key = bob.roster.peer_at(0).key  # type: ignore[union-attr]
    bob.open_conversation(alice_key)
    qtbot.waitUntil(lambda: bar.isVisible() and bar.view is not None, timeout=5000)
    assert [f.name for f in bar.view.files] == [source.name]  # type: ignore[union-attr]
    bar.set_folder(str(inbox))
    bar.accept_all_button.click()

    landed = inbox / source.name
    qtbot.waitUntil(
        lambda: _states(bob) == [(Direction.RECEIVE, TransferState.DONE)], timeout=15000
    )
    qtbot.waitUntil(lambda: _states(alice) == [(Direction.SEND, TransferState.DONE)], timeout=5000)
    digest = hashlib.sha256
    assert digest(landed.read_bytes()).hexdigest() == digest(source.read_bytes()).hexdigest()
    assert os.listdir(inbox) == [source.name]
    for panel in (alice, bob):
        window = panel.open_transfers()
        assert window.isVisible()
        assert panel.transfers_button.text() == panel.tr("Transfers")  # nothing running
