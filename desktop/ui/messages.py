"""The one path for transient messages a user must see: errors, warnings and notices.

Every page (a Workbench session, the Messenger, the HTTP composer) owns one ``Messages``
board and shows it with one ``NoticeBanner``; nothing else shows these sentences (not the
status bar, not a second label). In the manner of qutebrowser's ``message`` module, a message
is non-modal and de-duplicated, but it belongs to the session or workspace that raised it
rather than to one global bridge, so a failure in one session never shows on another page.

A message has a *key*: what it is about. Showing a message with a key that is already shown
replaces it, so a retry that fails again shows one sentence, not two; the code that raised it
clears its key when the condition ends (a client was selected, a start succeeded). Without a
key, the level is the key: a new unkeyed error replaces the previous unkeyed error. The same
sentence at the same level is never shown twice, whatever its key. Notices (``INFO``) go by
themselves after ``info_timeout_ms``; errors and warnings stay until cleared or dismissed.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.ui.sentences import Said, say

__all__ = ["INFO_TIMEOUT_MS", "MAX_SHOWN", "Level", "Message", "Messages"]

_log = logging.getLogger("ui.messages")

# A notice (an export finished, a command copied) is true when it is said and stale soon after.
INFO_TIMEOUT_MS = 12_000
# At most this many messages are shown at once per owner: the oldest goes first (a banner that
# grows without bound pushes the page off the screen).
MAX_SHOWN = 3


class Level(enum.IntEnum):
    """How much a message matters; higher is worse."""

    INFO = 0
    WARNING = 1
    ERROR = 2


@dataclass(frozen=True)
class Message:
    """One message on a board.

    Attributes:
        level: how much it matters.
        what: the error, core sentence or translated text; rendered by ``text()``.
        key: what it is about (a later message with the same key replaces it).
        owner: the session or workspace it belongs to, for the log.
    """

    level: Level
    what: Said
    key: str
    owner: str

    def text(self) -> str:
        """The sentence in the interface language."""
        return say(self.what)


class Messages(QObject):
    """The current messages of one owner (a session or a workspace), oldest first.

    Args:
        owner: a short name of the session or workspace (in the log).
        parent: the QObject that owns the board (the page).
        info_timeout_ms: how long a notice stays (0: until cleared).

    Signals:
        changed(): the list of messages changed.
    """

    changed = Signal()

    def __init__(
        self,
        owner: str,
        parent: QObject | None = None,
        *,
        info_timeout_ms: int = INFO_TIMEOUT_MS,
    ) -> None:
        super().__init__(parent)
        self.owner = owner
        self.info_timeout_ms = info_timeout_ms
        self._shown: list[Message] = []
        self._timers: dict[str, QTimer] = {}

    # -- showing -----------------------------------------------------------------------------------
    def show(self, what: Said, level: Level = Level.ERROR, key: str | None = None) -> Message:
        """Show ``what``; replaces the message with the same key (or the same sentence)."""
        message = Message(level, what, key or f"_{level.name.lower()}", self.owner)
        text = message.text()
        kept = [
            m
            for m in self._shown
            if m.key != message.key and not (m.level == level and m.text() == text)
        ]
        for gone in self._shown:
            if gone not in kept:
                self._stop_timer(gone.key)
        self._shown = [*kept, message][-MAX_SHOWN:]
        if level == Level.INFO and self.info_timeout_ms > 0:
            self._start_timer(message.key)
        else:
            self._stop_timer(message.key)
        _log.info("%s %s: %s", level.name.lower(), self.owner, text)
        self.changed.emit()
        return message

    def error(self, what: Said, key: str | None = None) -> Message:
        """Show an error (stays until cleared or dismissed)."""
        return self.show(what, Level.ERROR, key)

    def warning(self, what: Said, key: str | None = None) -> Message:
        """Show a warning: something limits what works (stays until cleared or dismissed)."""
        return self.show(what, Level.WARNING, key)

    def info(self, what: Said, key: str | None = None) -> Message:
        """Show a notice (goes by itself after ``info_timeout_ms``)."""
        return self.show(what, Level.INFO, key)

    # -- clearing ----------------------------------------------------------------------------------
    def clear(self, *keys: str) -> None:
        """Take away the messages with these keys; with no key, every message."""
        kept = [m for m in self._shown if keys and m.key not in keys]
        self._replace(kept)

    def clear_level(self, level: Level) -> None:
        """Take away every message of ``level`` (e.g. the errors of a failed start)."""
        self._replace([m for m in self._shown if m.level != level])

    def dismiss(self, message: Message) -> None:
        """The user closed ``message``."""
        self._replace([m for m in self._shown if m is not message])

    # -- reading -----------------------------------------------------------------------------------
    def messages(self) -> list[Message]:
        """What is shown, oldest first."""
        return list(self._shown)

    def find(self, key: str) -> Message | None:
        """The message shown under ``key``, if any."""
        return next((m for m in self._shown if m.key == key), None)

    def texts(self) -> list[str]:
        """The sentences shown, oldest first."""
        return [m.text() for m in self._shown]

    # -- helpers -----------------------------------------------------------------------------------
    def _replace(self, kept: list[Message]) -> None:
        if kept == self._shown:
            return
        for gone in self._shown:
            if gone not in kept:
                self._stop_timer(gone.key)
        self._shown = kept
        self.changed.emit()

    def _start_timer(self, key: str) -> None:
        timer = self._timers.get(key)
        if timer is None:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda: self.clear(key))
            self._timers[key] = timer
        timer.start(self.info_timeout_ms)

    def _stop_timer(self, key: str) -> None:
        timer = self._timers.get(key)
        if timer is not None:
            timer.stop()
