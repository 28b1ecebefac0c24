"""The directory stream a GETDIRFILES request is answered with (sans-IO).

Reference §3.3 [IPM-JA §5; IPM-SRC mainwinfile.cpp MakeDirHeader, recvdlg.cpp RecvDirFile]:
records ``headerSize:name:size:attr[:id=value…]:``, each followed, for a regular file only, by
exactly ``size`` content bytes. ``headerSize`` is hex and counts from its own first character to
the ``:`` before the content (IPMsg and iptux write ``%04x``). Every number is hex; IPMsg writes
the size ``%x%08x`` and iptux ``%.9jx``, which are the same digits (``%09x``). The first record
is the offered folder itself, a DIR record descends into a folder, a RETPARENT record (name ``.``)
leaves one, and the stream ends with the RETPARENT that leaves the top folder.

iptux does not escape a ``:`` inside a name; IPMsg writes ``::``. The parser reads a header from
its right end (the extended items hold ``=``, size and attribute do not), so both read right, and
``::`` is taken as one ``:``. ``format_header`` refuses names holding ``:``; the sender replaces it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.ipmsg.constants import FileType
from desktop.core.ipmsg.packet_errors import InvalidField, IpmsgError
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = [
    "HEADER_MAX",
    "MAX_DEPTH",
    "DirHeader",
    "DirStreamError",
    "DirStreamParser",
    "format_header",
]

# A header is a name (at most 255 bytes on every file system we write to) and a few hex numbers:
# real ones are under 100 bytes. 8 KiB leaves room for any client's extended items while a
# hostile peer cannot make us buffer more than this before the header is refused.
HEADER_MAX = 8192
# The length field is read like IPMsg does (its receiver reads 8 bytes and ``strtoul``s them).
_LENGTH_DIGITS_MAX = 8
# Folders inside folders: deep enough for any real tree, shallow enough that a hostile stream
# cannot build paths past the file system's limit or an unbounded stack of open folders.
MAX_DEPTH = 64
# Sizes and times are 64-bit on every client.
_NUMBER_DIGITS_MAX = 16

_HEX = re.compile(rb"[0-9A-Fa-f]{1,%d}" % _NUMBER_DIGITS_MAX)
_ITEM = re.compile(rb"([0-9A-Fa-f]{1,8})=([^:\0]*)")
# The common record, whole in one chunk: a length, a name without ``:``, hex size and attribute,
# well-formed items. ``_parse`` reads exactly these the same way (a hypothesis property checks);
# anything else (``::``, a header split across chunks, a malformed one) takes the general path.
_LENGTH = re.compile(rb"([0-9A-Fa-f]{1,8}):")
_PLAIN = re.compile(
    rb"[0-9A-Fa-f]{1,8}:([^:]+):([0-9A-Fa-f]{1,16}):([0-9A-Fa-f]{1,16}):"
    rb"((?:[0-9A-Fa-f]{1,8}=[^:\0]*:)*)"
)
_MTIME_ID = b"14"
_MTIME_KEY = int(_MTIME_ID, 16)
_KINDS = (FileType.REGULAR, FileType.DIR, FileType.RETPARENT)


@dataclass(frozen=True, slots=True)
class DirHeader:
    """One record of a directory stream.

    Attributes:
        name: the raw name in the requester's encoding (``::`` already read as ``:``).
        size: content bytes that follow (regular files only).
        attr: ``FileType`` in the low byte, ``FileAttr`` bits above.
        mtime: Unix time from the ``14=`` item (0 when absent).
        extended: the other raw ``id=value`` items, in order (e.g. ``b"16=5e8f1a2b"``).
    """

    name: bytes
    size: int
    attr: int
    mtime: int = 0
    extended: tuple[bytes, ...] = ()

    @property
    def file_type(self) -> int:
        """The low byte of ``attr`` (a ``FileType`` value)."""
        return self.attr & 0xFF


class DirStreamError(IpmsgError):
    """The peer's directory stream cannot be read (the peer's fault, never ours).

    Args:
        reason: what is wrong, as a clause.
    """

    def __init__(self, reason: Sentence) -> None:
        self.reason = reason
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP("core", "Received a folder that cannot be read: {reason}."),
                reason=reason,
            )
        )


def format_header(header: DirHeader) -> bytes:
    """One record's header: ``%04x:name:%09x:%x:14=%x:`` and the extended items.

    Raises:
        InvalidField: the name is empty or holds ``:`` or NUL, a number is negative or past 64
            bits, an extended item is not ``id=value``, or the header is longer than
            ``HEADER_MAX``.
    """
    if not header.name or b":" in header.name or b"\0" in header.name:
        raise InvalidField("file name", "must be non-empty, without ':' or NUL")
    if not all(0 <= n < 1 << 64 for n in (header.size, header.attr, header.mtime)):
        raise InvalidField("file size, time or attribute", "must be in 0..2**64-1")
    if any(
        (m := _ITEM.fullmatch(item)) is None or int(m[1], 16) == int(_MTIME_ID, 16)
        for item in header.extended
    ):
        raise InvalidField(
            "extended attribute", "must be hex id=value other than 14 (the time), without ':'"
        )
    body = b"%s:%09x:%x:%s=%x:" % (header.name, header.size, header.attr, _MTIME_ID, header.mtime)
    body += b"".join(item + b":" for item in header.extended)
    length = len(body) + 5
    if length > HEADER_MAX:
        raise InvalidField("folder record", f"must be at most {HEADER_MAX} bytes")
    return b"%04x:" % length + body


class DirStreamParser:
    """Reads a directory stream fed in chunks of any size (h11's ``receive_data`` shape).

    Memory is bounded: a header is buffered up to ``HEADER_MAX`` bytes; content is handed back
    as slices of the chunks fed, never gathered.

    Args:
        max_depth: folders inside the top folder that may be open at once.
    """

    def __init__(self, max_depth: int = MAX_DEPTH) -> None:
        self._max_depth = max_depth
        self._buffer = bytearray()
        self._header_length = 0  # 0 while the length field is still being read
        self._content_left = 0
        self._depth = 0
        self._started = False
        self._finished = False
        self._offset = 0  # bytes of the stream consumed, for the error sentences

    @property
    def finished(self) -> bool:
        """True once the RETPARENT leaving the top folder arrived."""
        return self._finished

    @property
    def depth(self) -> int:
        """Folders open now (1 inside the top folder)."""
        return self._depth

    @property
    def content_left(self) -> int:
        """Content bytes of the current file still to come."""
        return self._content_left

    def feed(self, chunk: bytes) -> list[DirHeader | bytes]:
        """Consume ``chunk``; return the headers it completes and the content pieces it holds.

        Raises:
            DirStreamError: the bytes are not a directory stream (the parser is then unusable).
        """
        out: list[DirHeader | bytes] = []
        view = memoryview(chunk)
        pos = 0
        end = len(view)
        while pos < end:
            if self._finished:
                raise self._error(sentence(QT_TRANSLATE_NOOP("core", "more data follows its end")))
            if self._content_left:
                take = min(self._content_left, end - pos)
                whole = take == end and type(chunk) is bytes
                out.append(chunk if whole else bytes(view[pos : pos + take]))
                self._content_left -= take
                pos += take
                self._offset += take
                continue
            if not self._header_length and not self._buffer:
                plain = self._plain_header(view, pos)
                if plain is not None:
                    header, after = plain
                    self._offset += after - pos
                    pos = after
                    self._accept(header)
                    out.append(header)
                    continue
            pos = self._read_header(view, pos, out)
        return out

    def _plain_header(self, view: memoryview, pos: int) -> tuple[DirHeader, int] | None:
        """The record at ``pos`` when it is whole in ``view`` and plain (see ``_PLAIN``)."""
        length = _LENGTH.match(view, pos)
        if length is None:
            return None
        size = int(length[1], 16)
        if not length.end() - pos < size <= HEADER_MAX or pos + size > len(view):
            return None
        plain = _PLAIN.fullmatch(view, pos, pos + size)
        if plain is None:
            return None
        name, size_hex, attr, items = plain.groups()
        mtime, extended = _items(items[:-1].split(b":")) if items else (0, ())
        return DirHeader(name, int(size_hex, 16), int(attr, 16), mtime, extended), pos + size

    def _read_header(self, view: memoryview, pos: int, out: list[DirHeader | bytes]) -> int:
        if not self._header_length:
            window = bytes(view[pos : pos + _LENGTH_DIGITS_MAX + 1])
            colon = window.find(b":")
            end = pos + (len(window) if colon < 0 else colon)
            self._buffer += view[pos:end]
            if len(self._buffer) > _LENGTH_DIGITS_MAX:
                raise self._error(
                    sentence(QT_TRANSLATE_NOOP("core", "a record's length has too many digits"))
                )
            if colon < 0:
                return end
            self._header_length = self._length(bytes(self._buffer))
            self._buffer += b":"
            return end + 1
        take = min(self._header_length - len(self._buffer), len(view) - pos)
        self._buffer += view[pos : pos + take]
        if len(self._buffer) == self._header_length:
            header = self._parse(bytes(self._buffer))
            self._offset += len(self._buffer)
            self._buffer.clear()
            self._header_length = 0
            self._accept(header)
            out.append(header)
        return pos + take

    def _length(self, digits: bytes) -> int:
        if _HEX.fullmatch(digits) is None:
            raise self._error(
                sentence(
                    QT_TRANSLATE_NOOP("core", "a record's length {length} is not a hex number"),
                    length=_show(digits),
                )
            )
        length = int(digits, 16)
        if not len(digits) + 1 < length <= HEADER_MAX:
            raise self._error(
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core", "a record's length {length} is not between {low} and {high}"
                    ),
                    length=length,
                    low=len(digits) + 2,
                    high=HEADER_MAX,
                )
            )
        return length

    def _parse(self, raw: bytes) -> DirHeader:
        body = raw[raw.index(b":") + 1 :]
        if not body.endswith(b":"):
            raise self._bad(raw)
        fields = body[:-1].split(b":")
        items: list[bytes] = []
        while len(fields) > 3 and b"=" in fields[-1]:
            items.insert(0, fields.pop())
        if len(fields) < 3 or any(_ITEM.fullmatch(item) is None for item in items):
            raise self._bad(raw)
        *name_parts, size, attr = fields
        if _HEX.fullmatch(size) is None or _HEX.fullmatch(attr) is None:
            raise self._bad(raw)
        name = b":".join(name_parts).replace(b"::", b":")
        mtime, extended = _items(items)
        return DirHeader(name, int(size, 16), int(attr, 16), mtime, extended)

    def _accept(self, header: DirHeader) -> None:
        kind = header.file_type
        if kind not in _KINDS:
            raise self._error(
                sentence(
                    QT_TRANSLATE_NOOP("core", "a record has the unsupported type {type}"),
                    type=f"0x{kind:x}",
                )
            )
        if kind != FileType.RETPARENT and not header.name:
            raise self._error(sentence(QT_TRANSLATE_NOOP("core", "a record has no name")))
        if not self._started:
            if kind != FileType.DIR:
                raise self._error(
                    sentence(QT_TRANSLATE_NOOP("core", "it does not start with a folder"))
                )
            self._started = True
        if kind == FileType.DIR:
            if self._depth > self._max_depth:
                raise self._error(
                    sentence(
                        QT_TRANSLATE_NOOP("core", "its folders nest deeper than {depth} levels"),
                        depth=self._max_depth,
                    )
                )
            self._depth += 1
        elif kind == FileType.RETPARENT:
            self._depth -= 1
            self._finished = self._depth == 0
        else:
            self._content_left = header.size

    def _bad(self, raw: bytes) -> DirStreamError:
        return self._error(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "the record {record} lacks a name, hex size and hex attribute"
                ),
                record=_show(raw),
            )
        )

    def _error(self, reason: Sentence) -> DirStreamError:
        return DirStreamError(
            sentence(
                QT_TRANSLATE_NOOP("core", "{reason} (at byte {offset})"),
                reason=reason,
                offset=self._offset,
            )
        )


def _items(items: list[bytes]) -> tuple[int, tuple[bytes, ...]]:
    """The time (the last well-formed ``14=``) and the other items, in order."""
    mtime = 0
    extended: list[bytes] = []
    for item in items:
        key, _, value = item.partition(b"=")
        if int(key, 16) == _MTIME_KEY and _HEX.fullmatch(value):
            mtime = int(value, 16)
        else:
            extended.append(item)
    return mtime, tuple(extended)


def _show(data: bytes) -> str:
    return repr(data[:40]) + ("..." if len(data) > 40 else "")
