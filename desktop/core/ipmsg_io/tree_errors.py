"""Typed errors of sending and receiving a folder (a directory stream)."""

from __future__ import annotations

from desktop.core.errors import SaveError, SocketDeskError
from desktop.core.os_reasons import os_reason
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = [
    "TreeIncomplete",
    "TreeReceiveError",
    "TreeSendError",
    "TreeUnsafe",
    "TreeWriteFailed",
]


class TreeReceiveError(SocketDeskError):
    """A folder could not be received (the stream's own faults are ``DirStreamError``)."""


class TreeIncomplete(TreeReceiveError):
    """The stream stopped before the folder was complete.

    Args:
        name: the folder's name.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "The folder {name} was not received completely: the sender stopped."
                ),
                name=name,
            )
        )


class TreeUnsafe(TreeReceiveError):
    """Something on this machine would have taken the data out of the chosen folder.

    Args:
        path: where it was found.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Refused to write {path}: it is a link or lies outside the chosen folder.",
                ),
                path=path,
            )
        )


class TreeWriteFailed(TreeReceiveError, SaveError):
    """Writing a received file or folder failed (disk full, no permission…).

    Args:
        path: what was being written.
        error: the operating system's error.
    """

    def __init__(self, path: str, error: OSError) -> None:
        self.path = path
        self.reason: Sentence = os_reason(error)
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP("core", "Could not write {path}: {reason}."),
                path=path,
                reason=self.reason,
            )
        )


class TreeSendError(SocketDeskError):
    """A folder being sent could not be read, or changed while it was read.

    Args:
        path: the file or folder at fault.
        reason: why, as a clause.
    """

    def __init__(self, path: str, reason: Sentence) -> None:
        self.path = path
        self.reason = reason
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP("core", "Could not send {path}: {reason}."),
                path=path,
                reason=reason,
            )
        )
