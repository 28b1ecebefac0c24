"""Field lines of an HTTP/1.x head or trailer section (RFC 9112 §5): names and values as
received, the anomalies a lenient reader names in them, and the look-ups framing needs."""

from __future__ import annotations

import re

from desktop.core.http.anomaly import AnomalyKind, Report, show
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["OWS", "FieldLines", "field_values", "report_bare_crs", "whole_lines"]

OWS = b" \t"  # RFC 9110 §5.6.3
_TOKEN = re.compile(rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")  # RFC 9110 §5.6.2
_IN_HEADER_LINE = sentence(QT_TRANSLATE_NOOP("core", "a header line"))
# What framing_values looks for in a whole head's block, in one search: a name follows CRLF
# and is followed by the colon (the strict match allows no whitespace there), and no value
# holds CR or LF, so this finds exactly the fields of those names (any case: the pattern is
# bytes, so IGNORECASE folds ASCII only, as bytes.lower() does). The names' shared starts are
# written once (the engine tries fewer branches at each line), and a group that is not empty
# tells which name it is: ``(r, n, value)``, r for Transfer-Encoding, n for Content-Length.
_FRAMING_FIELDS = re.compile(
    rb"\r\n(?:t(r)ansfer-encoding|co(?:(n)tent-length|nnection)):([^\r]*+)", re.IGNORECASE
)
_SHORTEST = len(b"connection")  # of the names framing_values looks for
_new = object.__new__


def report_bare_crs(line: bytes, offset: int, report: Report, where: Sentence) -> None:
    """Name each CR inside a line (not part of its CRLF ending): RFC 9112 §2.2 lets a recipient
    treat a bare CR as SP or reject the message, and some parsers end the line there instead."""
    start = 0
    while (cr := line.find(b"\r", start)) >= 0:
        report(
            AnomalyKind.BARE_CR,
            offset + cr,
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "A bare CR (not followed by LF) is inside {where}; it is kept as received,"
                    " but other parsers may end the line there.",
                ),
                where=where,
            ),
        )
        start = cr + 1


def _values_at(block: bytes, lower: bytes, key: bytes, at: int) -> list[bytes]:
    """The values of the fields whose ``key`` (CRLF, name in lower case, colon) is found in
    ``lower`` at ``at`` (-1: none) and after; each value ends at the CRLF of its line."""
    found: list[bytes] = []
    size = len(key)
    while at >= 0:
        start = at + size
        end = block.find(b"\r\n", start)
        found.append(block[start:end].strip(OWS))
        at = lower.find(key, end)
    return found


class FieldLines:
    """Field lines of a head or a trailer section: raw names and values, in order, duplicates
    kept, obs-fold unfolded (RFC 9112 §5).

    A head read whole by :func:`read_whole_head` (made by :func:`whole_lines`) keeps its field
    lines as one block of bytes and splits them only when ``fields`` or ``offsets`` is first
    read: ``values`` and ``framing_values`` (what framing and keep-alive ask, in one search)
    find a field in the block without splitting it (a keep-alive exchange whose headers nobody
    reads never splits them).

    Attributes:
        fields: ``(name, value)`` pairs; values without surrounding whitespace.
        offsets: the offset of each field's line in the raw response.
    """

    __slots__ = ("_at", "_block", "_fields", "_lower", "_offsets")

    def __init__(self) -> None:
        self._fields: list[tuple[bytes, bytes]] | None = []
        self._offsets: list[int] | None = []
        # A whole, strictly well-formed head: CRLF, then each field line "token:value" CRLF
        # (the first CRLF is the status line's end, at ``_at`` in the raw response).
        self._block: bytes | None = None
        self._lower: bytes | None = None  # the block in lower case, made on first search
        self._at = 0

    @property
    def fields(self) -> list[tuple[bytes, bytes]]:
        """``(name, value)`` pairs in order; values without surrounding whitespace."""
        if self._fields is None:
            self._split()
            assert self._fields is not None
        return self._fields

    @property
    def offsets(self) -> list[int]:
        """The offset of each field's line in the raw response."""
        if self._offsets is None:
            self._split()
            assert self._offsets is not None
        return self._offsets

    def _split(self) -> None:
        # The strict match proved each field line is "token:value" CRLF (a token has no colon):
        # a split at CRLF and at the first colon reads them.
        block = self._block
        assert block is not None
        fields: list[tuple[bytes, bytes]] = []
        offsets: list[int] = []
        at = self._at + 2
        if len(block) > 2:
            for line in block[2:-2].split(b"\r\n"):
                name, _, value = line.partition(b":")
                fields.append((name, value.strip(OWS)))
                offsets.append(at)
                at += len(line) + 2
        self._fields, self._offsets = fields, offsets

    def values(self, name: bytes) -> list[bytes]:
        """The values of every field called ``name`` (given in lower case; any case and
        whitespace around the name ignored), in order."""
        block = self._block
        if block is None:
            return field_values(self.fields, name)
        lower = self._lowered(block)
        key = b"\r\n" + name + b":"
        return _values_at(block, lower, key, lower.find(key))

    def framing_values(self) -> tuple[list[bytes], list[bytes], list[bytes]]:
        """The values of Transfer-Encoding, Content-Length and Connection, in order: what
        framing and keep-alive read in every response, found in one search of the lines."""
        block = self._block
        if block is None:
            te: list[bytes] = []
            cl: list[bytes] = []
            co: list[bytes] = []
            for key, value in self.fields:
                if len(key) >= _SHORTEST:  # a shorter name is none (whitespace only adds)
                    name = key.strip(OWS).lower()
                    if name == b"content-length":
                        cl.append(value)
                    elif name == b"connection":
                        co.append(value)
                    elif name == b"transfer-encoding":
                        te.append(value)
            return te, cl, co
        te, cl, co = [], [], []
        for is_te, is_cl, value in _FRAMING_FIELDS.findall(block):
            (cl if is_cl else te if is_te else co).append(value.strip(OWS))
        return te, cl, co

    def offset_of(self, name: bytes, nth: int = 0) -> int:
        """Where the ``nth`` field called ``name`` (given in lower case) starts in the raw
        response (for an anomaly's offset; the field must be there)."""
        return self.offsets[self.indices(name)[nth]]

    def indices(self, name: bytes) -> list[int]:
        """The positions in ``fields`` of every field called ``name`` (given in lower case)."""
        block = self._block
        if block is None:
            return self._listed(name)
        lower = self._lowered(block)
        key = b"\r\n" + name + b":"
        # The field lines before each one: one CRLF ends each (the status line's included).
        found: list[int] = []
        at = lower.find(key)
        while at >= 0:
            found.append(lower.count(b"\r\n", 0, at))
            at = lower.find(key, at + len(key))
        return found

    def _listed(self, name: bytes) -> list[int]:
        return [i for i, (key, _) in enumerate(self.fields) if _named(key, name)]

    def _lowered(self, block: bytes) -> bytes:
        """The block in lower case (made once). In it a name follows CRLF and is followed by
        the colon (no whitespace: the strict match allows none), and no value holds CR or LF:
        a search for CRLF, the name and a colon finds exactly the fields of that name."""
        lower = self._lower
        if lower is None:
            lower = self._lower = block.lower()
        return lower

    def add(self, line: bytes, offset: int, report: Report) -> None:
        """Add one line (without its line ending) that starts at ``offset``."""
        if self._block is not None:  # lines after a whole head: the block becomes the lists
            self._split()
            self._block = self._lower = None
        if line[:1] in (b" ", b"\t"):
            if not self.fields:
                report(
                    AnomalyKind.MALFORMED_HEADER_LINE,
                    offset,
                    sentence(
                        QT_TRANSLATE_NOOP(
                            "core",
                            "A line starting with whitespace comes before any header;"
                            " it is ignored.",
                        )
                    ),
                )
                return
            # RFC 9112 §5.2: replace each obs-fold with SP before interpreting the value.
            name, value = self.fields[-1]
            self.fields[-1] = (name, (value + b" " + line.strip(OWS)).strip(OWS))
            report(
                AnomalyKind.OBS_FOLD,
                offset,
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The value of {name} continues on the next line (obsolete line folding);"
                        " it was unfolded with a space.",
                    ),
                    name=show(name),
                ),
            )
            return
        if b"\r" in line:
            report_bare_crs(line, offset, report, _IN_HEADER_LINE)
        name, colon, value = line.partition(b":")
        if not colon:
            report(
                AnomalyKind.MALFORMED_HEADER_LINE,
                offset,
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core", "The header line {line} has no colon; it is ignored."
                    ),
                    line=show(line),
                ),
            )
            return
        if not _TOKEN.fullmatch(name):
            template = (
                QT_TRANSLATE_NOOP(
                    "core",
                    "The header name {name} has whitespace before the colon;"
                    " the header is kept as received.",
                )
                if _TOKEN.fullmatch(name.strip(OWS))
                else QT_TRANSLATE_NOOP(
                    "core",
                    "The header name {name} is not a valid field name;"
                    " the header is kept as received.",
                )
            )
            report(AnomalyKind.MALFORMED_HEADER_LINE, offset, sentence(template, name=show(name)))
        self.fields.append((name, value.strip(OWS)))
        self.offsets.append(offset)


def whole_lines(block: bytes, at: int) -> FieldLines:
    """The field lines of a whole head that the strict match proved well formed: ``block`` is
    CRLF followed by each field line and its CRLF, found at ``at`` (split when first read).
    A function, not a class method, and without ``__init__``: one is made per keep-alive
    response."""
    lines = _new(FieldLines)
    lines._fields = lines._offsets = lines._lower = None
    lines._block, lines._at = block, at
    return lines


def field_values(fields: list[tuple[bytes, bytes]], name: bytes) -> list[bytes]:
    """The values of every field called ``name`` (any case, whitespace around it ignored)."""
    wanted = name.lower()
    return [value for key, value in fields if _named(key, wanted)]


def _named(key: bytes, name: bytes) -> bool:
    """Whether a field's ``key`` is ``name`` (given in lower case; any case and whitespace
    around the key ignored)."""
    return len(key) >= len(name) and key.strip(OWS).lower() == name  # (whitespace only adds)
