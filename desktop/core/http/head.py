"""The head of an HTTP/1.x response, read line by line: status line and field lines (RFC 9112)."""

from __future__ import annotations

import re
from collections.abc import Callable

from desktop.core.http.anomaly import AnomalyKind, Report, show
from desktop.core.http.fields import FieldLines, report_bare_crs, whole_lines
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = [
    "STATUS_START",
    "HeadParser",
    "StatusLine",
    "could_start_status_line",
    "parse_status_line",
    "read_whole_head",
]

StatusLine = tuple[bytes, int, bytes]
"""``(version, status, reason)``."""

STATUS_START = b"HTTP/"
# RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ]. Lenient like h11
# and curl: several spaces after the version (named), no SP at all when the reason is missing,
# and HTTP-like protocols (RTSP/1.0, ICE/1.0, SIP/2.0: IP cameras and phones speak them) read
# like HTTP with a note.
_STATUS_LINE = re.compile(
    rb"((?:HTTP|RTSP|ICE|SIP)/[0-9]\.[0-9])( +)([0-9]{3})(?: (.*))?", re.DOTALL
)
# How the status line of each protocol read starts (junk is told from a line still arriving).
_PROTOCOL_STARTS = (STATUS_START, b"RTSP/", b"ICE/", b"SIP/")
_HTTP_VERSIONS = (b"HTTP/1.0", b"HTTP/1.1")
_CR = 0x0D
# The fast path (:meth:`HeadParser._fast`): a whole head that is strictly well formed, matched by
# the C regex engine in one call. Only a head about which the line-by-line reader would name
# nothing qualifies: "HTTP/1.0" or "HTTP/1.1" at the very start, one SP, three digits, an
# optional SP and reason without CR or LF, CRLF; then field lines "token:value" (no whitespace
# before the colon or at the line's start, no CR or LF inside), each ending in CRLF; then CRLF.
# Anything else (a bare CR or LF, obs-fold, leading empty lines, another version…) goes the slow
# way, which names it; framing anomalies (Content-Length, Transfer-Encoding) are decided after
# the head on both paths by the same code.
# Possessive repeats (nothing to backtrack into: a CR or LF ends each part) and groups for the
# version, status, reason and the field lines' block (CRLF, then each line and its CRLF).
# "Not CR or LF" is spelled as the ranges around them: the engine tests a class of ranges
# against one bitmap per byte, and a negated class literal by literal (a head matched ~25%
# faster; the same bytes: test_response_whole checks it against the negated spelling).
_TEXT = rb"[\x00-\x09\x0b\x0c\x0e-\xff]"  # any byte but CR and LF
_FAST_HEAD = re.compile(
    rb"(HTTP/1\.[01]) ([0-9]{3})(?: (" + _TEXT + rb"*+))?"
    rb"(\r\n(?:[!#$%&'*+\-.^_`|~0-9A-Za-z]++:" + _TEXT + rb"*+\r\n)*+)\r\n"
)
# The value of each three-digit status code (a look-up costs a third of int()).
_CODES = {b"%03d" % code: code for code in range(1000)}
_LF_ONLY = sentence(QT_TRANSLATE_NOOP("core", "A line ends with LF alone, not CRLF."))


def parse_status_line(line: bytes) -> StatusLine | None:
    """The parts of a status line given without its line ending, or None if it is not one."""
    match = _STATUS_LINE.fullmatch(line)
    if match is None:
        return None
    return match[1], int(match[3]), match[4] or b""


def could_start_status_line(pending: bytes) -> bool:
    """Whether ``pending`` (the first bytes of a line still arriving) may begin a status line."""
    return any(start.startswith(pending[: len(start)]) for start in _PROTOCOL_STARTS)


_IN_STATUS_LINE = sentence(QT_TRANSLATE_NOOP("core", "the status line"))


def read_whole_head(
    buf: bytes | bytearray | memoryview, pos: int, end: int, base: int = 0
) -> tuple[bytes, int, bytes, int, FieldLines] | None:
    """Read a head that lies whole in ``buf[pos:end]`` and is strictly well formed, in one
    regex match: the fast path, for a head the line-by-line reader would name nothing in.

    ``base`` is where ``buf`` starts in the raw response (a piece just fed): the offsets given
    and returned are the raw response's.

    Returns:
        The status line's version, status and reason, where the head ends (after its empty
        line) and its field lines (split when first read), in one flat tuple; or None when it
        is not whole or not strictly well formed.
    """
    # A match from ``pos`` ends at the first empty line or not at all: no part of the pattern
    # holds CRLF CRLF but its end, and it ends with it (the same as a search for the empty
    # line and a match of the whole head up to it).
    match = _FAST_HEAD.match(buf, pos, end)
    if match is None:
        return None
    version, status, reason, block = match.groups()
    at, reached = match.span(4)  # the match ends with the empty line's CRLF after the block
    lines = whole_lines(block, base + at)
    return version, _CODES[status], reason or b"", base + reached + 2, lines


class HeadParser:
    """Read one head from a buffer the caller owns and appends to: empty lines (tolerated), a
    status line, field lines, and the empty line that ends the head.

    Args:
        start: where the head starts in the buffer.
        report: receives anomalies.
        on_status: called with the status line and its offset as soon as it is parsed, before
            any anomaly of the lines after it is reported.

        fast: read a head that arrived whole and is strictly well formed in one regex match
            (the same result as line by line, which is taken for anything else).

    Attributes:
        fields: the header fields so far.
        done: the empty line after the fields has been read.
        bad_offset: where a status line was expected but something else came.
        bad_line: that line if it starts like a status line (``HTTP/``), else None.
    """

    def __init__(
        self,
        start: int,
        report: Report,
        on_status: Callable[[StatusLine, int], None],
        *,
        fast: bool = True,
    ) -> None:
        self.fields = FieldLines()
        self.fast = fast
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
        if self.fast and pos == self._start and not self._has_status:
            reached = self._fast(buf, pos, end)
            if reached is not None:
                return reached
        while not self.done and self.bad_offset is None:
            newline = buf.find(b"\n", max(pos, self._scan), end)
            if newline < 0:
                self._scan = end
                pending = bytes(buf[pos : min(end, pos + len(STATUS_START))])
                maybe_status = pending == b"\r" or could_start_status_line(pending)
                if not self._has_status and not maybe_status:
                    self._bad(pos, None)  # no need to wait for the end of this line
                break
            self._scan = newline + 1
            stop = newline - 1 if newline > pos and buf[newline - 1] == _CR else newline
            self._line(bytes(buf[pos:stop]), pos, lf_only=stop == newline)
            if self.bad_offset is None:
                pos = newline + 1
        return pos

    def _fast(self, buf: bytes | bytearray, pos: int, end: int) -> int | None:
        """The whole head in one match, or None (then it is read line by line)."""
        got = read_whole_head(buf, pos, end)
        if got is None:
            return None
        version, status, reason, reached, self.fields = got
        self._has_status = True
        self._on_status((version, status, reason), pos)
        self.done = True
        self._scan = reached
        return reached

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
        if not self._has_status and any(start.startswith(rest) for start in _PROTOCOL_STARTS):
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
        match = _STATUS_LINE.fullmatch(line)
        if match is None:
            self._bad(pos, line if line.startswith(_PROTOCOL_STARTS) else None)
            return
        self._has_status = True
        self._on_status((match[1], int(match[3]), match[4] or b""), pos)
        self._status_anomalies(match, pos)
        if pos > self._start:
            self._report(
                AnomalyKind.LEADING_EMPTY_LINES,
                self._start,
                sentence(QT_TRANSLATE_NOOP("core", "Empty lines precede the status line.")),
            )
        if lf_only:
            self._report(AnomalyKind.LF_ONLY_LINE, pos, _LF_ONLY)

    def _status_anomalies(self, match: re.Match[bytes], pos: int) -> None:
        version = match[1]
        if not version.startswith(STATUS_START):
            self._report(
                AnomalyKind.NOT_HTTP,
                pos,
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The response speaks {protocol}, not HTTP; it is read as HTTP/1.1.",
                    ),
                    protocol=show(version),
                ),
            )
        elif version not in _HTTP_VERSIONS:
            self._report(
                AnomalyKind.HTTP_VERSION,
                pos,
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "The version {version} is neither HTTP/1.0 nor HTTP/1.1;"
                        " the response is read as HTTP/1.1.",
                    ),
                    version=show(version),
                ),
            )
        if len(match[2]) > 1:
            self._report(
                AnomalyKind.STATUS_LINE_SPACES,
                pos + match.start(2),
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core",
                        "{count} spaces separate the version from the status code, not one.",
                    ),
                    count=len(match[2]),
                ),
            )
        if b"\r" in match[0]:
            report_bare_crs(match[0], pos, self._report, _IN_STATUS_LINE)

    def _bad(self, pos: int, line: bytes | None) -> None:
        self.bad_offset = pos
        self.bad_line = line
