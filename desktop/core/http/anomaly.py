"""Deviations from RFC 9112 found in a response: what the raw reader tolerated, and where."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from desktop.core.codec.visible import visible_text
from desktop.core.sentence import Sentence

__all__ = ["Anomaly", "AnomalyKind", "Report", "show"]


class AnomalyKind(enum.Enum):
    """What kind of deviation; the sentence in :class:`Anomaly` gives the details."""

    # Lines and the head (RFC 9112 §2.2, §4, §5).
    LF_ONLY_LINE = enum.auto()
    BARE_CR = enum.auto()  # a CR not followed by LF inside a line (§2.2)
    OBS_FOLD = enum.auto()
    LEADING_EMPTY_LINES = enum.auto()
    MALFORMED_STATUS_LINE = enum.auto()
    STATUS_LINE_SPACES = enum.auto()  # more than one SP between version and status code (§4)
    HTTP_VERSION = enum.auto()  # HTTP/x.y other than 1.0 or 1.1 (§2.3)
    NOT_HTTP = enum.auto()  # an HTTP-like protocol: RTSP/1.0, ICE/1.0, SIP/2.0 ... (a note)
    MALFORMED_HEADER_LINE = enum.auto()
    INCOMPLETE_HEAD = enum.auto()
    # Framing (RFC 9112 §6).
    DUPLICATE_CONTENT_LENGTH = enum.auto()
    CONFLICTING_CONTENT_LENGTH = enum.auto()
    INVALID_CONTENT_LENGTH = enum.auto()
    TE_WITH_CONTENT_LENGTH = enum.auto()
    UNKNOWN_TRANSFER_CODING = enum.auto()
    CHUNKED_NOT_FINAL = enum.auto()
    # The body (RFC 9112 §6.3, §7.1).
    SHORT_BODY = enum.auto()
    BAD_CHUNK_SIZE = enum.auto()
    CHUNK_SIZE_WHITESPACE = enum.auto()  # whitespace after the size, no extension (§7.1.1)
    EMPTY_CHUNK_EXTENSION = enum.auto()  # a ";" with no extension name after it (§7.1.1)
    BAD_CHUNK_END = enum.auto()
    MISSING_FINAL_CHUNK = enum.auto()
    EXTRA_BYTES_AFTER_BODY = enum.auto()
    # The exchange as a whole.
    EMPTY_RESPONSE = enum.auto()
    NO_FINAL_RESPONSE = enum.auto()
    # The reader's own caps.
    HEADER_TOO_LARGE = enum.auto()
    BODY_TRUNCATED_BY_CAP = enum.auto()


@dataclass(frozen=True)
class Anomaly:
    """One deviation.

    Attributes:
        kind: what kind of deviation.
        offset: where it is, as a byte offset in the reader's ``raw``.
        message: a sentence for the user (``str()`` is English; the UI translates it).
    """

    kind: AnomalyKind
    offset: int
    message: Sentence


Report = Callable[[AnomalyKind, int, Sentence], None]
"""Receives an anomaly as it is found: its kind, its offset and its sentence."""


def show(data: bytes, limit: int = 40) -> str:
    """Quote a few received bytes inside a sentence, control characters escaped (a fact)."""
    return f"“{visible_text(data, 'latin-1', limit)}”"
