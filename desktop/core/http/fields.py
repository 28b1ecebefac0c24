"""Field lines of an HTTP/1.x head or trailer section (RFC 9112 §5): names and values as
received, the anomalies a lenient reader names in them, and the look-ups framing needs."""

from __future__ import annotations

import re

from desktop.core.http.anomaly import AnomalyKind, Report, show
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["OWS", "FieldLines", "report_bare_crs"]

OWS = b" \t"  # RFC 9110 §5.6.3
_TOKEN = re.compile(rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")  # RFC 9110 §5.6.2
_IN_HEADER_LINE = sentence(QT_TRANSLATE_NOOP("core", "a header line"))


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


class FieldLines:
    """Field lines of a head or a trailer section: raw names and values, in order, duplicates
    kept, obs-fold unfolded (RFC 9112 §5).

    A head read whole by :func:`read_whole_head` keeps its field lines as one block of bytes and
    splits them only when ``fields`` or ``offsets`` is first read: ``values`` (what framing and
    keep-alive ask) finds a field in the block without splitting it (a keep-alive exchange whose
    headers nobody reads never splits them).

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

    def set_whole(self, block: bytes, at: int) -> None:
        """Take the field lines of a whole head that the strict match proved well formed:
        ``block`` is CRLF followed by each field line and its CRLF, found at ``at``."""
        self._fields = self._offsets = None
        self._block, self._lower, self._at = block, None, at

    @property
    def whole(self) -> bool:
        """The field lines of a whole head, proved well formed (``set_whole``)."""
        return self._block is not None

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
            return [self.fields[i][1] for i in self._listed(name)]
        found: list[bytes] = []
        for start in self._value_starts(block, name):
            found.append(block[start : block.find(b"\r\n", start)].strip(OWS))
        return found

    def indices(self, name: bytes) -> list[int]:
        """The positions in ``fields`` of every field called ``name`` (given in lower case)."""
        block = self._block
        if block is None:
            return self._listed(name)
        starts = self._value_starts(block, name)
        if not starts:
            return starts
        lower = self._lower
        assert lower is not None  # made by _value_starts
        skip = len(name) + 3  # back from the value to the CRLF before the name
        # The field lines before this one: one CRLF ends each (the status line's included).
        return [lower.count(b"\r\n", 0, start - skip) for start in starts]

    def _listed(self, name: bytes) -> list[int]:
        size = len(name)  # a shorter name cannot be it (whitespace only adds)
        return [
            i
            for i, (key, _) in enumerate(self.fields)
            if len(key) >= size and key.strip(OWS).lower() == name
        ]

    def _value_starts(self, block: bytes, name: bytes) -> list[int]:
        """Where the value of each field called ``name`` starts in the block. In the block a
        name follows CRLF and is followed by the colon (no whitespace: the strict match allows
        none), and no value holds CR or LF: a search finds exactly the fields of that name."""
        lower = self._lower
        if lower is None:
            lower = self._lower = block.lower()
        key = b"\r\n" + name + b":"
        at = lower.find(key)
        if at < 0:  # most names asked for are absent (Transfer-Encoding): no list to fill
            return []
        size = len(key)
        starts: list[int] = []
        while at >= 0:
            starts.append(at + size)
            at = lower.find(key, at + size)
        return starts

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
