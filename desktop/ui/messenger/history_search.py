"""Searching the chat history: one result per stored message that contains the text."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from desktop.core.store.chat_history import ChatHistory

__all__ = ["HistoryHit", "history_hits"]


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
