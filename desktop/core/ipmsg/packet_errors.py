"""Typed errors of the IP Messenger codec: the peer's garbage versus our own misuse."""

from __future__ import annotations

from desktop.core.errors import SocketDeskError
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["InvalidField", "IpmsgError", "MalformedPacket"]


class IpmsgError(SocketDeskError):
    """An IP Messenger packet could not be read or written."""


class MalformedPacket(IpmsgError):
    """The peer sent bytes that are not an IP Messenger packet (h11's ``RemoteProtocolError``).

    Args:
        reason: what is wrong, as a short clause (``str()`` is English).
    """

    def __init__(self, reason: Sentence | str) -> None:
        self.reason = reason
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "Received an IP Messenger packet that cannot be read: {reason}."
                ),
                reason=reason,
            )
        )


class InvalidField(IpmsgError):
    """We were asked to send something the protocol cannot carry (h11's ``LocalProtocolError``).

    Args:
        field: the field at fault (``user``, ``text``...).
        reason: what is wrong with it, as a clause that follows the field's name.
        said: the whole sentence for the user, translatable, when the field is one the user
            filled in (the text, the encoding); None builds it from ``field`` and ``reason``
            (our own misuse, in English).
    """

    def __init__(self, field: str, reason: str, said: Sentence | None = None) -> None:
        self.field = field
        self.reason = reason
        super().__init__(said or f"Cannot send the IP Messenger packet: the {field} {reason}.")
