"""Auto-reply rules of a server session: a received chunk that matches gets a response."""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.errors import SocketDeskError
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = ["AutoReplyRule", "InvalidPattern", "MatchKind", "first_reply"]


class InvalidPattern(SocketDeskError, ValueError):
    """A regular expression that does not compile (a ``ValueError`` too, as it always was)."""


class MatchKind(enum.Enum):
    """How a rule's pattern is compared with a received chunk."""

    EXACT = "exact"  # the chunk equals the pattern
    CONTAINS = "contains"  # the pattern occurs in the chunk
    STARTS = "starts"  # the chunk starts with the pattern
    REGEX = "regex"  # a bytes regular expression searched in the chunk; \1… usable in the reply


@dataclass(frozen=True)
class AutoReplyRule:
    """One rule: ``pattern`` (bytes, already decoded from text/hex input) → ``response``.

    Raises:
        InvalidPattern: a REGEX pattern does not compile (the message says where).
    """

    kind: MatchKind
    pattern: bytes
    response: bytes

    def __post_init__(self) -> None:
        if self.kind is MatchKind.REGEX:
            try:
                object.__setattr__(self, "_regex", re.compile(self.pattern, re.DOTALL))
            except re.error as error:
                raise InvalidPattern(
                    sentence(
                        QT_TRANSLATE_NOOP("core", "The regular expression is not valid: {reason}."),
                        reason=str(error),
                    )
                ) from None

    def reply_to(self, chunk: bytes) -> bytes | None:
        """The response for ``chunk``, or None when the rule does not match."""
        if self.kind is MatchKind.EXACT:
            return self.response if chunk == self.pattern else None
        if self.kind is MatchKind.CONTAINS:
            return self.response if self.pattern in chunk else None
        if self.kind is MatchKind.STARTS:
            return self.response if chunk.startswith(self.pattern) else None
        match = self._regex.search(chunk)  # type: ignore[attr-defined]
        return match.expand(self.response) if match is not None else None


def first_reply(rules: Sequence[AutoReplyRule], chunk: bytes) -> bytes | None:
    """The response of the first rule that matches, if any.

    TCP is a stream: a message split across two reads is matched per read, as in Packet
    Sender's smart responses.
    """
    for rule in rules:
        reply = rule.reply_to(chunk)
        if reply is not None:
            return reply
    return None
