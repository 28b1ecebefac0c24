"""The saved-messages library shared by every send box (SQLite through the core store)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.core.codec import InputFormat, LineEnding
from desktop.core.store.saved_messages import SavedMessage, SavedMessageStore

__all__ = ["SavedMessages", "ending_from_key", "ending_key"]

_ENDING_KEYS = {
    LineEnding.NONE: "none",
    LineEnding.LF: "lf",
    LineEnding.CRLF: "crlf",
    LineEnding.CR: "cr",
}


def ending_key(ending: LineEnding) -> str:
    """The stored name of a line ending."""
    return _ENDING_KEYS[ending]


def ending_from_key(key: str) -> LineEnding:
    """A line ending from its stored name (LF when unknown)."""
    return next((e for e, k in _ENDING_KEYS.items() if k == key), LineEnding.LF)


class SavedMessages(QObject):
    """The store plus a ``changed`` signal, so that every send box shows the same list.

    Signals:
        changed(): a message was saved or deleted.
    """

    changed = Signal()

    def __init__(self, store: SavedMessageStore) -> None:
        super().__init__()
        self.store = store

    def names(self) -> list[str]:
        """Every saved name, in order."""
        return [m.name for m in self.store.list()]

    def get(self, name: str) -> SavedMessage | None:
        """One message."""
        return self.store.get(name)

    def save(
        self, name: str, text: str, fmt: InputFormat, encoding: str, ending: LineEnding
    ) -> None:
        """Save (or overwrite) a message. Raises StoreError with a sentence."""
        self.store.save(SavedMessage(name, text, fmt.value, encoding, ending_key(ending)))
        self.changed.emit()

    def delete(self, name: str) -> None:
        """Delete a message."""
        if self.store.delete(name):
            self.changed.emit()
