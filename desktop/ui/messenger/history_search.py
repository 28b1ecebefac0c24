"""Searching the chat history: one result per stored message that contains the text."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Slot

from desktop.core.errors import StoreError
from desktop.core.store.chat_history import ChatHistory

__all__ = ["HistoryHit", "HistoryOpening", "history_hits"]


@dataclass(frozen=True, slots=True)
class HistoryHit:
    """One search result: the line shown, and the message it opens (None: nothing to open).

    Attributes:
        line: ``[when] → name: text``.
        peer: the conversation's key as the history stores it.
        history_id: the message's row in the history.
    """

    line: str
    peer: str | None = None
    history_id: int | None = None


def history_hits(history: ChatHistory, text: str) -> list[HistoryHit]:
    """Every stored message containing ``text``, newest first (or one line saying there is none).

    Raises:
        StoreError: the history could not be read.
    """
    hits = []
    for stored in history.search(text):
        when = _dt.datetime.fromtimestamp(stored.t_ns / 1e9).strftime("%Y-%m-%d %H:%M:%S")
        arrow = "→" if stored.direction == "out" else "←"
        line = f"[{when}] {arrow} {stored.peer_name}: {stored.text}"
        hits.append(HistoryHit(line, stored.peer, stored.id))
    if not hits:
        message = QCoreApplication.translate("HistorySearch", "No message contains “{text}”.")
        hits.append(HistoryHit(message.format(text=text)))
    return hits


class HistoryOpening:
    """The history search of ``MessengerPanel`` (a part of it): list the stored messages that
    contain the search box's text, and open a result's conversation at that message."""

    def search_history(self) -> list[str]:
        """List the stored messages containing the search box's text; returns the lines shown."""
        text = self.search.text().strip()
        hits = []
        if self.history is not None and text:
            try:
                hits = history_hits(self.history, text)
            except StoreError as error:
                self._history_failed(error)
        self.roster_pane.show_results(hits)
        return [hit.line for hit in hits]

    @Slot(str, int)
    def open_history_result(self, peer: str, history_id: int) -> None:
        """Open the conversation of a history search result, at that message."""
        key = self.conversations.key_of(peer)
        if key is None:
            return
        self.open_conversation(key)
        row = self.conversation(key).row_of_history(history_id)
        if row is not None:
            self.chat.scroll_to(row)
