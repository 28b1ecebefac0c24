"""How a response body is delimited: the length rules of RFC 9112 §6.3, applied leniently."""

from __future__ import annotations

from typing import Literal

from desktop.core.http.anomaly import AnomalyKind, Report, show
from desktop.core.http.fields import OWS, FieldLines, field_values
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = [
    "Framing",
    "FramingKind",
    "decide_framing",
    "field_values",
    "is_final",
    "persists",
    "switches_protocol",
]

FramingKind = Literal["content-length", "chunked", "close", "none"]

# The IANA HTTP Transfer Coding Registry ("trailers" is only for the TE request field).
_TRANSFER_CODINGS = {b"chunked", b"compress", b"deflate", b"gzip", b"x-compress", b"x-gzip"}


# A plain tuple (one is made per response): a named tuple is made by a Python-level __new__.
Framing = tuple[FramingKind, int, bool]
"""How a body is delimited, and whether the head lets the connection stay open:
``(kind, length, persistent)``.

- kind: ``content-length``, ``chunked``, ``close`` (until the connection closes) or ``none``
  (no body).
- length: the body length for ``content-length`` (else 0).
- persistent: the head lets the connection carry another request (RFC 9112 §9.3: no ``close``
  connection option, and HTTP/1.1 or a ``keep-alive`` option); the body and what follows it
  decide the rest (``attempt._reusable``).
"""

# The framings without a length, indexed by ``persistent``.
_NONE: tuple[Framing, Framing] = (("none", 0, False), ("none", 0, True))
_CLOSE: tuple[Framing, Framing] = (("close", 0, False), ("close", 0, True))
_CHUNKED: tuple[Framing, Framing] = (("chunked", 0, False), ("chunked", 0, True))


def is_final(status: int) -> bool:
    """Whether a response with this status ends the exchange (RFC 9110 §15.2: 1xx are interim,
    except 101, after which the connection speaks another protocol)."""
    return not 100 <= status <= 199 or status == 101


def switches_protocol(method: bytes, status: int) -> bool:
    """Whether the bytes after this response are another protocol's (RFC 9110 §9.3.6, §15.2.2)."""
    return status == 101 or (method == b"CONNECT" and 200 <= status <= 299)


def persists(version: bytes, connection: list[bytes]) -> bool:
    """Whether a response of ``version`` with these Connection values lets the connection carry
    another request (RFC 9112 §9.3): not with a ``close`` option; HTTP/1.0 only with
    ``keep-alive``."""
    if not connection:
        return version != b"HTTP/1.0"
    if len(connection) == 1:  # one value that is one token: as the loop below reads it
        only = connection[0].lower()
        if only == b"keep-alive":
            return True
        if only == b"close":
            return False
    keep_alive = False
    for value in connection:
        for item in value.split(b","):
            token = item.strip().lower()
            if token == b"close":
                return False
            keep_alive = keep_alive or token == b"keep-alive"
    return version != b"HTTP/1.0" or keep_alive


def decide_framing(
    method: bytes, version: bytes, status: int, head: FieldLines, report: Report
) -> Framing:
    """Apply RFC 9112 §6.3 to a response head, reporting what deviates, and §9.3 (whether the
    connection persists) from the same search of the fields.

    Args:
        method: the request method (``HEAD`` responses have no body).
        version: the response's HTTP version.
        status: the status code.
        head: the header fields.
        report: receives anomalies.
    """
    te, lengths, connection = head.framing_values()  # one search for framing and keep-alive
    persistent = persists(version, connection)
    # No body: interim (1xx) and switching responses, 204, 304, HEAD (the reader relies on it:
    # a response with a body is final and switches nothing).
    if (
        100 <= status <= 199
        or status in (204, 304)
        or method == b"HEAD"
        or switches_protocol(method, status)
    ):
        return _NONE[persistent]
    if te:
        return _transfer_encoding(head, te, bool(lengths), report, persistent)
    if not lengths:
        return _CLOSE[persistent]
    if len(lengths) == 1:
        (length,) = lengths
        if length.isdigit() and len(length) <= 18:
            return "content-length", int(length), persistent  # as below would
    return _content_length(head, lengths, report, persistent)


def _tokens(values: list[bytes]) -> list[bytes]:
    return [t.strip(OWS) for value in values for t in value.split(b",") if t.strip(OWS)]


def _transfer_encoding(
    head: FieldLines, values: list[bytes], content_length: bool, report: Report, persistent: bool
) -> Framing:
    if content_length:
        report(
            AnomalyKind.TE_WITH_CONTENT_LENGTH,
            head.offset_of(b"content-length"),
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Both Transfer-Encoding and Content-Length are present; Transfer-Encoding"
                    " wins and Content-Length is ignored (a request-smuggling signal).",
                )
            ),
        )
    codings = [t.partition(b";")[0].strip(OWS).lower() for t in _tokens(values)]
    unknown = [c for c in codings if c not in _TRANSFER_CODINGS]
    chunked_last = bool(codings) and codings[-1] == b"chunked"
    if unknown or not codings:
        report(
            AnomalyKind.UNKNOWN_TRANSFER_CODING,
            head.offset_of(b"transfer-encoding"),
            _unknown_coding(unknown, chunked_last),
        )
    if chunked_last:
        return _CHUNKED[persistent]
    if b"chunked" in codings:
        report(
            AnomalyKind.CHUNKED_NOT_FINAL,
            head.offset_of(b"transfer-encoding"),
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "chunked is not the last transfer coding; the body is read until the"
                    " connection closes.",
                )
            ),
        )
    return _CLOSE[persistent]


def _content_length(
    head: FieldLines, lengths: list[bytes], report: Report, persistent: bool
) -> Framing:
    values = _tokens(lengths)
    # More than 18 digits is no real length, and int() refuses over 4300 digits (CVE-2020-10735).
    bad = next((v for v in values if not v.isdigit() or len(v.lstrip(b"0")) > 18), None)
    if bad is not None or not values:
        message = (
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Content-Length is empty; the body is read until the connection closes.",
                )
            )
            if bad is None
            else sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Content-Length {value} is not a usable number; the body is read until the"
                    " connection closes.",
                ),
                value=show(bad),
            )
        )
        report(AnomalyKind.INVALID_CONTENT_LENGTH, head.offset_of(b"content-length", -1), message)
        return _CLOSE[persistent]
    unique = sorted({int(v) for v in values})
    if len(unique) > 1:
        listed = ", ".join(str(n) for n in unique)
        report(
            AnomalyKind.CONFLICTING_CONTENT_LENGTH,
            head.offset_of(b"content-length", -1),
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Content-Length has conflicting values ({values}); the body is read until"
                    " the connection closes (a request-smuggling signal).",
                ),
                values=listed,
            ),
        )
        return _CLOSE[persistent]
    if len(values) > 1:
        report(
            AnomalyKind.DUPLICATE_CONTENT_LENGTH,
            head.offset_of(b"content-length", -1),
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "Content-Length is given {count} times, always {length}."
                ),
                count=len(values),
                length=unique[0],
            ),
        )
    return "content-length", unique[0], persistent


def _unknown_coding(unknown: list[bytes], chunked_last: bool) -> Sentence:
    """The sentence for an unknown transfer coding (or an empty list of them)."""
    if unknown and chunked_last:
        template = QT_TRANSLATE_NOOP("core", "Unknown transfer coding {coding}.")
    elif unknown:
        template = QT_TRANSLATE_NOOP(
            "core",
            "Unknown transfer coding {coding}; the body is read until the connection closes.",
        )
    else:  # no coding at all, so chunked is not last either
        template = QT_TRANSLATE_NOOP(
            "core",
            "Unknown transfer list (it is empty); the body is read until the connection closes.",
        )
    return sentence(template, coding=show(unknown[0]) if unknown else "")
