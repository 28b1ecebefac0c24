"""How a response body is delimited: the length rules of RFC 9112 §6.3, applied leniently."""

from __future__ import annotations

from typing import Literal, NamedTuple

from desktop.core.http.anomaly import AnomalyKind, Report, show
from desktop.core.http.fields import OWS, FieldLines
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = [
    "Framing",
    "FramingKind",
    "decide_framing",
    "field_values",
    "is_final",
    "switches_protocol",
]

FramingKind = Literal["content-length", "chunked", "close", "none"]

# The IANA HTTP Transfer Coding Registry ("trailers" is only for the TE request field).
_TRANSFER_CODINGS = {b"chunked", b"compress", b"deflate", b"gzip", b"x-compress", b"x-gzip"}


# A named tuple, not a frozen dataclass: one is made per response, and a frozen dataclass sets
# each field through object.__setattr__.
class Framing(NamedTuple):
    """How a body is delimited.

    Attributes:
        kind: ``content-length``, ``chunked``, ``close`` (until the connection closes) or
            ``none`` (no body).
        length: the body length for ``content-length``.
    """

    kind: FramingKind
    length: int = 0


_NONE, _CLOSE, _CHUNKED = Framing("none"), Framing("close"), Framing("chunked")
_SHORTEST = len(b"content-length")  # of the two names looked for


def is_final(status: int) -> bool:
    """Whether a response with this status ends the exchange (RFC 9110 §15.2: 1xx are interim,
    except 101, after which the connection speaks another protocol)."""
    return not 100 <= status <= 199 or status == 101


def switches_protocol(method: bytes, status: int) -> bool:
    """Whether the bytes after this response are another protocol's (RFC 9110 §9.3.6, §15.2.2)."""
    return status == 101 or (method == b"CONNECT" and 200 <= status <= 299)


def field_values(fields: list[tuple[bytes, bytes]], name: bytes) -> list[bytes]:
    """The values of every field called ``name`` (any case, whitespace around it ignored)."""
    wanted, size = name.lower(), len(name)  # a shorter key cannot be it (whitespace adds)
    return [value for key, value in fields if len(key) >= size and key.strip(OWS).lower() == wanted]


def decide_framing(method: bytes, status: int, head: FieldLines, report: Report) -> Framing:
    """Apply RFC 9112 §6.3 to a response head, reporting what deviates.

    Args:
        method: the request method (``HEAD`` responses have no body).
        status: the status code.
        head: the header fields.
        report: receives anomalies.
    """
    if 100 <= status <= 199 or status in (204, 304) or method == b"HEAD":
        return _NONE
    if switches_protocol(method, status):
        return _NONE
    if head.whole:  # found in the block, without splitting the fields
        te_at = head.indices(b"transfer-encoding")
        if not te_at:
            lengths = head.values(b"content-length")
            if not lengths:
                return _CLOSE
            if len(lengths) == 1 and lengths[0].isdigit() and len(lengths[0]) <= 18:
                return Framing("content-length", int(lengths[0]))  # as _content_length would
            return _content_length(head, head.indices(b"content-length"), report)
        return _transfer_encoding(head, te_at, head.indices(b"content-length"), report)
    te_at = []
    cl_at = []
    for i, (key, _) in enumerate(head.fields):  # one pass: this runs for every response
        if len(key) >= _SHORTEST:  # a shorter name is neither (whitespace only adds length)
            name = key.strip(OWS).lower()
            if name == b"content-length":
                cl_at.append(i)
            elif name == b"transfer-encoding":
                te_at.append(i)
    if te_at:
        return _transfer_encoding(head, te_at, cl_at, report)
    if cl_at:
        return _content_length(head, cl_at, report)
    return _CLOSE


def _tokens(values: list[bytes]) -> list[bytes]:
    return [t.strip(OWS) for value in values for t in value.split(b",") if t.strip(OWS)]


def _transfer_encoding(
    head: FieldLines, te_at: list[int], cl_at: list[int], report: Report
) -> Framing:
    offset = head.offsets[te_at[0]]
    if cl_at:
        report(
            AnomalyKind.TE_WITH_CONTENT_LENGTH,
            head.offsets[cl_at[0]],
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Both Transfer-Encoding and Content-Length are present; Transfer-Encoding"
                    " wins and Content-Length is ignored (a request-smuggling signal).",
                )
            ),
        )
    values = [head.fields[i][1] for i in te_at]
    codings = [t.partition(b";")[0].strip(OWS).lower() for t in _tokens(values)]
    unknown = [c for c in codings if c not in _TRANSFER_CODINGS]
    chunked_last = bool(codings) and codings[-1] == b"chunked"
    if unknown or not codings:
        report(AnomalyKind.UNKNOWN_TRANSFER_CODING, offset, _unknown_coding(unknown, chunked_last))
    if chunked_last:
        return _CHUNKED
    if b"chunked" in codings:
        report(
            AnomalyKind.CHUNKED_NOT_FINAL,
            offset,
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "chunked is not the last transfer coding; the body is read until the"
                    " connection closes.",
                )
            ),
        )
    return _CLOSE


def _content_length(head: FieldLines, cl_at: list[int], report: Report) -> Framing:
    if len(cl_at) == 1:  # the common case, decided as below would, without the lists
        value = head.fields[cl_at[0]][1]
        if value.isdigit() and len(value) <= 18:
            return Framing("content-length", int(value))
    values = _tokens([head.fields[i][1] for i in cl_at])
    offset = head.offsets[cl_at[-1]]
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
        report(AnomalyKind.INVALID_CONTENT_LENGTH, offset, message)
        return _CLOSE
    lengths = sorted({int(v) for v in values})
    if len(lengths) > 1:
        listed = ", ".join(str(n) for n in lengths)
        report(
            AnomalyKind.CONFLICTING_CONTENT_LENGTH,
            offset,
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Content-Length has conflicting values ({values}); the body is read until"
                    " the connection closes (a request-smuggling signal).",
                ),
                values=listed,
            ),
        )
        return _CLOSE
    if len(values) > 1:
        report(
            AnomalyKind.DUPLICATE_CONTENT_LENGTH,
            offset,
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "Content-Length is given {count} times, always {length}."
                ),
                count=len(values),
                length=lengths[0],
            ),
        )
    return Framing("content-length", lengths[0])


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
