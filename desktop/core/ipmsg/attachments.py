"""The attachment list after a SENDMSG|FILEATTACHOPT body: ``fileID:name:size:mtime:attr:`` + BEL.

Reference §3.1 [IPM-EN §3.4, IPM-JA §5]: the file id is decimal, size/mtime/attr are hex, a ``:``
inside a name is written ``::``, entries are separated by ``\\a`` or ``\\a:``, and iptux ends the
list with a NUL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.ipmsg.constants import PACKET_NO_MAX
from desktop.core.ipmsg.packet_errors import InvalidField, MalformedPacket
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = ["FileOffer", "format_file_offers", "parse_file_offers"]

_DECIMAL = re.compile(rb"[0-9]{1,10}")
_HEX = re.compile(rb"[0-9A-Fa-f]{1,16}")  # sizes are 64-bit
_FORBIDDEN = (b":", b"\0", b"\a")


@dataclass(frozen=True, slots=True)
class FileOffer:
    """One attached file or directory as announced in a SENDMSG.

    Attributes:
        file_id: the id to request it with (decimal on the wire).
        name: the name in the SENDMSG's encoding, ``::`` already turned back into ``:``.
        size: bytes (a directory's size is the total of its contents).
        mtime: Unix time; iptux sends 0.
        attr: ``FileType`` in the low byte, ``FileAttr`` bits above.
        extended: raw ``id=value`` items (hex), e.g. ``b"14=5e8f1a2b"``.
    """

    file_id: int
    name: bytes
    size: int
    mtime: int
    attr: int
    extended: tuple[bytes, ...] = ()

    @property
    def file_type(self) -> int:
        """The low byte of ``attr`` (a ``FileType`` value)."""
        return self.attr & 0xFF


def parse_file_offers(data: bytes) -> tuple[FileOffer, ...]:
    """Read the attachment list that follows the body's NUL, up to the next NUL.

    Raises:
        MalformedPacket: an entry is not ``id:name:size:mtime:attr:``, or there is none.
    """
    offers: list[FileOffer] = []
    for piece in data.partition(b"\0")[0].split(b"\a"):  # a C string: it ends at the NUL
        entry = piece[1:] if piece.startswith(b":") else piece  # the "\a:" separator
        if entry:
            offers.append(_parse_offer(entry))
    if not offers:
        raise MalformedPacket(sentence(QT_TRANSLATE_NOOP("core", "its attachment list is empty")))
    return tuple(offers)


def format_file_offers(offers: Iterable[FileOffer]) -> bytes:
    """Write an attachment list, each entry ending with ``\\a``.

    Names may not contain ``:``: iptux cannot parse the ``::`` escape (§3.1), so the caller
    replaces it before offering the file.

    Raises:
        InvalidField: a name is empty or holds ``:``, NUL or BEL; a number is out of range.
    """
    out = bytearray()
    for offer in offers:
        if not offer.name or any(c in offer.name for c in _FORBIDDEN):
            raise InvalidField("file name", "must be non-empty, without ':', NUL or BEL (0x07)")
        if not 0 <= offer.file_id <= PACKET_NO_MAX:
            raise InvalidField("file id", f"must be in 0..{PACKET_NO_MAX}")
        if min(offer.size, offer.mtime, offer.attr) < 0:
            raise InvalidField("file size, time or attribute", "must not be negative")
        if any(not item or any(c in item for c in _FORBIDDEN) for item in offer.extended):
            raise InvalidField("extended attribute", "must be non-empty, without ':', NUL or BEL")
        out += b"%d:%s:%x:%x:%x:" % (offer.file_id, offer.name, offer.size, offer.mtime, offer.attr)
        out += b"".join(item + b":" for item in offer.extended)
        out += b"\a"
    if not out:
        raise InvalidField("attachment list", "is empty")
    return bytes(out)


def _parse_offer(entry: bytes) -> FileOffer:
    file_id, sep, rest = entry.partition(b":")
    if not sep or _DECIMAL.fullmatch(file_id) is None:
        raise MalformedPacket(
            sentence(
                QT_TRANSLATE_NOOP("core", "attachment id {id} is not a decimal number"),
                id=_show(file_id),
            )
        )
    name, rest = _split_name(rest)
    fields = rest.split(b":")
    if fields[-1] == b"":
        fields.pop()  # the entry's closing ':'
    if len(fields) < 3 or any(_HEX.fullmatch(f) is None for f in fields[:3]):
        raise MalformedPacket(
            sentence(
                QT_TRANSLATE_NOOP("core", "attachment {name} lacks a hex size, time and attribute"),
                name=_show(name),
            )
        )
    size, mtime, attr = (int(f, 16) for f in fields[:3])
    return FileOffer(int(file_id), name, size, mtime, attr, tuple(fields[3:]))


def _split_name(rest: bytes) -> tuple[bytes, bytes]:
    """The name up to the first lone ``:`` (``::`` is a literal colon), and what follows it."""
    name = bytearray()
    start = 0
    while (colon := rest.find(b":", start)) >= 0:
        if rest[colon + 1 : colon + 2] == b":":
            name += rest[start : colon + 1]
            start = colon + 2
            continue
        name += rest[start:colon]
        if not name:
            break
        return bytes(name), rest[colon + 1 :]
    raise MalformedPacket(
        sentence(QT_TRANSLATE_NOOP("core", "an attachment has no name followed by ':'"))
    )


def _show(data: bytes) -> str:
    return repr(data[:24]) + ("..." if len(data) > 24 else "")
