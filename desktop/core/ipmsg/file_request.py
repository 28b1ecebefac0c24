"""The TCP request that starts a download: GETFILEDATA or GETDIRFILES (reference §3.2).

One whole IP Messenger packet is sent over the TCP connection, then the sender streams the data.
The extra is ``packetNo:fileID:offset`` for GETFILEDATA and ``packetNo:fileID`` for GETDIRFILES,
**all hex**. IPMsg appends a ``:`` (``%x:%x:%x:``); iptux writes ``%x:%x:%x`` and, for a folder,
``%x:%x:0``; either may end with the C string's NUL. Sans-IO: bytes in, values out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.ipmsg.constants import UINT32_MAX, Mode, Opt
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.packet import Packet, format_packet, parse_packet
from desktop.core.ipmsg.packet_errors import InvalidField, MalformedPacket
from desktop.core.ipmsg.text import text_codec
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = [
    "MAX_REQUEST",
    "OFFSET_MAX",
    "FileRequest",
    "parse_request",
    "request_ends",
    "request_packet",
]

MAX_REQUEST = 4096  # a request is a header and three numbers; IPMsg's own buffer is smaller
OFFSET_MAX = 2**63 - 1  # IPMsg parses the offset as a signed 64-bit number
_HEX = re.compile(rb"[0-9A-Fa-f]{1,16}")
_MODES = (Mode.GETFILEDATA, Mode.GETDIRFILES)


@dataclass(frozen=True, slots=True)
class FileRequest:
    """What a downloader asks for.

    Attributes:
        packet_no: the packet number of the SENDMSG that offered the file.
        file_id: the file's id in that offer.
        offset: the first byte wanted (a resumed download); 0 for folders.
        folder: GETDIRFILES (a folder tree) instead of GETFILEDATA.
    """

    packet_no: int
    file_id: int
    offset: int = 0
    folder: bool = False


def request_packet(
    identity: Identity,
    packet_no: int,
    request: FileRequest,
    *,
    encoding: str = "utf-8",
    utf8: bool = False,
) -> bytes:
    """The whole request to send over the connection, NUL-terminated like IPMsg's C string.

    Args:
        identity: who asks (the server checks the user and host against its recipients).
        packet_no: this request's own packet number.
        request: what is asked for.
        encoding: the code page for our names when ``utf8`` is off (the offerer's).
        utf8: the offer came with UTF8OPT: the request carries UTF8OPT and UTF-8 names.

    Raises:
        InvalidField: a number is out of range, or a field breaks ``format_packet``'s rules.
    """
    if not 0 <= request.packet_no <= UINT32_MAX or not 0 <= request.file_id <= UINT32_MAX:
        raise InvalidField("file request", "must name a packet number and file id in 32 bits")
    if not 0 <= request.offset <= OFFSET_MAX or (request.folder and request.offset):
        raise InvalidField("file request", "must have an offset in 0..2**63-1 (0 for a folder)")
    if request.folder:
        mode, extra = Mode.GETDIRFILES, b"%x:%x:" % (request.packet_no, request.file_id)
    else:
        mode = Mode.GETFILEDATA
        extra = b"%x:%x:%x:" % (request.packet_no, request.file_id, request.offset)
    names = "utf-8" if utf8 else text_codec(encoding)
    command = int(mode) | (int(Opt.UTF8OPT) if utf8 else 0)
    packet = Packet(
        version=identity.version,
        packet_no=packet_no,
        user=identity.user.encode(names, "replace"),
        host=identity.host.encode(names, "replace"),
        command=command,
        extra=extra,
    )
    return format_packet(packet) + b"\0"


def parse_request(data: bytes) -> tuple[Packet, FileRequest]:
    """Read one received request (the bytes before the data stream starts).

    Tolerates a trailing ``:`` and NULs, a third ``0`` field on GETDIRFILES (iptux), upper or
    lower case hex. Anything else after the numbers (a path, a fourth field) is refused.

    Raises:
        MalformedPacket: not a packet, not a file request, or numbers that are not hex or out
            of range. Never any other exception.
    """
    if len(data) > MAX_REQUEST:
        raise MalformedPacket(
            sentence(
                QT_TRANSLATE_NOOP("core", "the file request is {size} bytes long, too long"),
                size=len(data),
            )
        )
    packet = parse_packet(data)
    if packet.mode not in _MODES:
        raise MalformedPacket(
            sentence(
                QT_TRANSLATE_NOOP("core", "command {command} is not a file request"),
                command=f"{packet.command:#x}",
            )
        )
    folder = packet.mode == Mode.GETDIRFILES
    body = packet.extra.partition(b"\0")[0]
    if body.endswith(b":"):
        body = body[:-1]
    fields = body.split(b":")
    if not 2 <= len(fields) <= 3 or any(_HEX.fullmatch(f) is None for f in fields):
        raise MalformedPacket(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "the file request {extra} is not packetNo:fileID[:offset] in hex"
                ),
                extra=_show(packet.extra),
            )
        )
    numbers = [int(f, 16) for f in fields]
    packet_no, file_id = numbers[0], numbers[1]
    offset = numbers[2] if len(numbers) == 3 else 0
    if packet_no > UINT32_MAX or file_id > UINT32_MAX or offset > OFFSET_MAX:
        raise MalformedPacket(
            sentence(QT_TRANSLATE_NOOP("core", "the file request's numbers are out of range"))
        )
    if folder:
        offset = 0  # iptux writes "%x:%x:0"; a folder always starts at its beginning
    return packet, FileRequest(packet_no, file_id, offset, folder)


def request_ends(data: bytes) -> bool:
    """True when reading more cannot help: ``data`` holds a whole request (it has a NUL, or
    ends with ``:`` after every number: IPMsg's form), or can no longer become one (a line
    break, a header that is not a file request's). iptux's ``%x:%x:%x`` without a NUL does not
    end visibly: the reader then waits a moment for more bytes before taking it as whole.
    """
    if any(c in data for c in (b"\0", b"\r", b"\n")) or len(data) > MAX_REQUEST:
        return True
    fields = data.split(b":", 5)
    if len(fields) < 6:
        return False
    try:
        packet = parse_packet(data)
    except MalformedPacket:
        return True  # the header is wrong already: let the parser say so
    if packet.mode not in _MODES:
        return True
    if not data.endswith(b":"):
        return False
    body = fields[5][:-1].split(b":")
    return len(body) >= (2 if packet.mode == Mode.GETDIRFILES else 3)


def _show(data: bytes) -> str:
    return repr(data[:24]) + ("..." if len(data) > 24 else "")
