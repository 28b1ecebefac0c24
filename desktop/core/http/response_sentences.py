"""What the response reader (``response.py``) says about a response that ended short, began
badly, was followed by other bytes or reached a cap: one ``Sentence`` per deviation, for the
``Anomaly`` it reports."""

from __future__ import annotations

from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence
from desktop.core.units import format_bytes

__all__ = [
    "bad_status_line",
    "bytes_after_response",
    "cap_reached",
    "closed_before_final_chunk",
    "closed_before_status_line",
    "closed_empty",
    "closed_mid_head",
    "closed_short",
    "closed_with_interim_only",
    "protocol_switched",
]


def closed_short(missing: int) -> Sentence:
    """The connection closed with a Content-Length body ``missing`` bytes short."""
    return sentence(
        QT_TRANSLATE_NOOP(
            "core",
            "The connection closed with the body {count} bytes short of its Content-Length.",
        ),
        count=missing,
    )


def closed_before_final_chunk() -> Sentence:
    """The connection closed inside a chunked body."""
    return sentence(
        QT_TRANSLATE_NOOP(
            "core", "The connection closed before the last chunk of the chunked body."
        )
    )


def bad_status_line(looks_like_http: bool) -> Sentence:
    """A status line was expected: ``looks_like_http`` when it starts with ``HTTP/`` but is
    not ``HTTP/x.y NNN reason``."""
    return sentence(
        QT_TRANSLATE_NOOP(
            "core", "The status line is not “HTTP/x.y NNN reason”; the rest is not parsed."
        )
        if looks_like_http
        else QT_TRANSLATE_NOOP(
            "core", "The status line does not start with “HTTP/”; the rest is not parsed."
        )
    )


def protocol_switched() -> Sentence:
    """Bytes after a 101 response or a CONNECT tunnel's: another protocol's."""
    return sentence(
        QT_TRANSLATE_NOOP(
            "core",
            "The connection switched protocols (101, or a tunnel after CONNECT); the"
            " bytes after the response belong to that protocol and are not parsed.",
        )
    )


def bytes_after_response() -> Sentence:
    """Bytes after the final response that are not a response."""
    return sentence(
        QT_TRANSLATE_NOOP(
            "core",
            "Bytes arrived after the end of the response (a request-smuggling signal).",
        )
    )


def closed_mid_head() -> Sentence:
    """The connection closed inside a response's head."""
    return sentence(QT_TRANSLATE_NOOP("core", "The connection closed mid-head."))


def closed_before_status_line() -> Sentence:
    """The connection closed inside what would have been a status line."""
    return sentence(QT_TRANSLATE_NOOP("core", "The connection closed before a status line."))


def closed_empty() -> Sentence:
    """The connection closed without sending a byte."""
    return sentence(QT_TRANSLATE_NOOP("core", "The connection closed with 0 bytes."))


def closed_with_interim_only() -> Sentence:
    """The connection closed after 1xx responses and before a final one."""
    return sentence(
        QT_TRANSLATE_NOOP("core", "The connection closed after interim (1xx) responses only.")
    )


def cap_reached(head: bool, cap: int) -> Sentence:
    """Reading stopped at a cap of ``cap`` bytes: the headers' when ``head``, else the bodies'."""
    return (
        sentence(
            QT_TRANSLATE_NOOP("core", "The headers reached the cap of {size}; reading stopped."),
            size=format_bytes(cap),
        )
        if head
        else sentence(
            QT_TRANSLATE_NOOP("core", "The bodies reached the cap of {size}; reading stopped."),
            size=format_bytes(cap),
        )
    )
