"""Searching the chat history: one line per stored message that contains the text."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QCoreApplication

from desktop.core.store.chat_history import ChatHistory

__all__ = ["history_lines"]


def history_lines(history: ChatHistory, text: str) -> list[str]:
    """``[when] → name: text`` for every stored message containing ``text``, oldest first.

    Raises:
        StoreError: the history could not be read.
    """
    lines = []
    for stored in history.search(text):
        when = _dt.datetime.fromtimestamp(stored.t_ns / 1e9).strftime("%Y-%m-%d %H:%M:%S")
        arrow = "→" if stored.direction == "out" else "←"
        lines.append(f"[{when}] {arrow} {stored.peer_name}: {stored.text}")
    if not lines:
        message = QCoreApplication.translate("HistorySearch", "No message contains “{text}”.")
        lines.append(message.format(text=text))
    return lines
