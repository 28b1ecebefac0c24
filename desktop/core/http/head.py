"""The head of an HTTP/1.x response, read line by line: status line and field lines (RFC 9112)."""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.http.anomaly import AnomalyKind, Report, show
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = ["OWS", "STATUS_START", "FieldLines", "HeadParser", "StatusLine", "parse_status_line"]

StatusLine = tuple[bytes, int, bytes]
"""``(version, status, reason)``."""

OWS = b" \t"  # RFC 9110 §5.6.3
STATUS_START = b"HTTP/"
# RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ]. Lenient like h11
# and curl: several spaces after the version, and no SP at all when the reason is missing.
_STATUS_LINE = re.compile(rb"(HTTP/[0-9]\.[0-9]) +([0-9]{3})(?: (.*))?", re.DOTALL)
_TOKEN = re.compile(rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")  # RFC 9110 §5.6.2
_CR = 0x0D
_LF_ONLY = sentence(QT_TRANSLATE_NOOP("core", "A line ends with LF alone, not CRLF."))


def parse_status_line(line: bytes) -> StatusLine | None:
    """The parts of a status line given without its line ending, or None if it is not one."""
    match = _STATUS_LINE.fullmatch(line)
    if match is None:
        return None
    return match[1], int(match[2]), match[3] or b""


class FieldLines:
    """Field lines of a head or a trailer section: raw names and values, in order, duplicates
    kept, obs-fold unfolded (RFC 9112 §5).

    Attributes:
        fields: ``(name, value)`` pairs; values without surrounding whitespace.
        offsets: the offset of each field's line in the raw response.
    """

    def __init__(self) -> None:
        self.fields: list[tuple[bytes, bytes]] = []
        self.offsets: list[int] = []

    def add(self, line: bytes, offset: int, report: Report) -> None:
        """Add one line (without its line ending) that starts at ``offset``."""
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


class HeadParser:
    """Read one head from a buffer the caller owns and appends to: empty lines (tolerated), a
    status line, field lines, and the empty line that ends the head.

    Args:
        start: where the head starts in the buffer.
        report: receives anomalies.
        on_status: called with the status line and its offset as soon as it is parsed, before
            any anomaly of the lines after it is reported.

    Attributes:
        fields: the header fields so far.
        done: the empty line after the fields has been read.
        bad_offset: where a status line was expected but something else came.
        bad_line: that line if it starts like a status line (``HTTP/``), else None.
    """

    def __init__(
        self, start: int, report: Report, on_status: Callable[[StatusLine, int], None]
    ) -> None:
        self.fields = FieldLines()
        self.done = False
        self.bad_offset: int | None = None
        self.bad_line: bytes | None = None
        self._start = start
        self._report = report
        self._on_status = on_status
        self._has_status = False
        self._scan = start  # where the search for the next LF resumes

    def parse(self, buf: bytes | bytearray, pos: int, end: int) -> int:
        """Read ``buf[pos:end]`` as far as it goes; returns the position reached."""
        while not self.done and self.bad_offset is None:
            newline = buf.find(b"\n", max(pos, self._scan), end)
            if newline < 0:
                self._scan = end
                pending = bytes(buf[pos : min(end, pos + len(STATUS_START))])
                maybe_status = pending == b"\r" or STATUS_START.startswith(pending)
                if not self._has_status and not maybe_status:
                    self._bad(pos, None)  # no need to wait for the end of this line
                break
            self._scan = newline + 1
            stop = newline - 1 if newline > pos and buf[newline - 1] == _CR else newline
            self._line(bytes(buf[pos:stop]), pos, lf_only=stop == newline)
            if self.bad_offset is None:
                pos = newline + 1
        return pos

    def finish(self, buf: bytes | bytearray, pos: int) -> None:
        """The connection closed: take the line it cut short, if any.

        A line cut short is only read when it says something on its own: a first line cut
        inside "HTTP/" ("HTT") or a field name without its colon is just incomplete, and the
        caller reports an incomplete head rather than a malformed line. (A longer first line
        that does not parse, "HTTP/1.1 20", is still reported as it is.)
        """
        rest = bytes(buf[pos:]).removesuffix(b"\r")
        if not rest:
            return
        if not self._has_status and STATUS_START.startswith(rest):
            return
        if self._has_status and b":" not in rest:
            return
        self._line(rest, pos, lf_only=False)

    def _line(self, line: bytes, pos: int, lf_only: bool) -> None:
        if not self._has_status:
            if line:  # empty lines before the status line are skipped
                self._status_line(line, pos, lf_only)
            return
        if lf_only:
            self._report(AnomalyKind.LF_ONLY_LINE, pos, _LF_ONLY)
        if line:
            self.fields.add(line, pos, self._report)
        else:
            self.done = True

    def _status_line(self, line: bytes, pos: int, lf_only: bool) -> None:
        parsed = parse_status_line(line)
        if parsed is None:
            self._bad(pos, line if line.startswith(STATUS_START) else None)
            return
        self._has_status = True
        self._on_status(parsed, pos)
        if pos > self._start:
            self._report(
                AnomalyKind.LEADING_EMPTY_LINES,
                self._start,
                sentence(QT_TRANSLATE_NOOP("core", "Empty lines precede the status line.")),
            )
        if lf_only:
            self._report(AnomalyKind.LF_ONLY_LINE, pos, _LF_ONLY)

    def _bad(self, pos: int, line: bytes | None) -> None:
        self.bad_offset = pos
        self.bad_line = line
