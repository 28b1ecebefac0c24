"""Typed errors of file transfers: a refused request (server side) and a failed fetch.

Each carries a ``Sentence`` (``error.sentence``); the clause saying why (``reason``) is kept too,
so a ``Transfer`` snapshot can show it as its ``reason``.
"""

from __future__ import annotations

from desktop.core.errors import SocketDeskError
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["FetchFailed", "FileRefused", "TransferError"]


class TransferError(SocketDeskError):
    """A file could not be sent or received.

    Attributes:
        reason: why, as a clause (a ``Sentence``).
    """

    reason: Sentence


class FileRefused(TransferError):
    """A peer asked for a file we will not send it (unknown, not for it, expired...).

    Args:
        who: the asker as shown, e.g. ``amin@PC-A (127.0.0.2)``.
        reason: why, as a clause.
    """

    def __init__(self, who: str, reason: Sentence) -> None:
        self.who = who
        self.reason = reason
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP("core", "Refused a file request from {who}: {reason}."),
                who=who,
                reason=reason,
            )
        )


class FetchFailed(TransferError):
    """Downloading a file failed; whatever arrived stays in its ``.part`` file, never complete.

    Args:
        name: the file's name as offered.
        reason: why, as a clause.
    """

    def __init__(self, name: str, reason: Sentence) -> None:
        self.name = name
        self.reason = reason
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP("core", "Could not receive {name}: {reason}."),
                name=name,
                reason=reason,
            )
        )
