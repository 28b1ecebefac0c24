"""One IP Messenger datagram, ``Ver:PacketNo:User:Host:Command:Extra`` (reference §1.1, §1.4).

Sans-IO: ``parse_packet`` turns a received datagram into a ``Packet`` and ``format_packet`` turns
a ``Packet`` into the bytes to send. ``PacketNumbers`` hands out packet numbers; the caller seeds
it (with the time, as IPMsg does), so nothing here reads a clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.ipmsg.attachments import parse_file_offers
from desktop.core.ipmsg.constants import (
    MAX_DATAGRAM,
    MAX_SEND_DATAGRAM,
    MODE_MASK,
    OPTION_MASK,
    PACKET_NO_MAX,
    UINT32_MAX,
    Mode,
    Opt,
)
from desktop.core.ipmsg.packet_errors import InvalidField, MalformedPacket
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = ["Packet", "PacketNumbers", "format_packet", "parse_packet"]

# What we send: IPMsg atoi()s the version and drops the packet unless it is 1 [IPM-SRC msgmng.cpp
# ResolveMsg], so "1" or "1_<tag>" (§1.1). On receipt any version is taken, as iptux does (it only
# stores the field, TUX UdpData.cpp): tutorials and old clients send "99", "iptux 0.8.0"...
_VERSION = re.compile(rb"1(?![0-9])")
_ACK_EXTRA = re.compile(rb"[0-9]{1,10}\0")
_TEXT_MODES = frozenset({Mode.SENDMSG, Mode.SENDINFO, Mode.SENDABSENCEINFO})
_ENTRY_MODES = frozenset({Mode.BR_ENTRY, Mode.BR_EXIT, Mode.ANSENTRY, Mode.BR_ABSENCE})
_ACK_MODES = frozenset({Mode.RECVMSG, Mode.READMSG, Mode.ANSREADMSG, Mode.RELEASEFILES})


@dataclass(frozen=True, slots=True)
class Packet:
    """An IP Messenger packet with its wire fields undecoded.

    Attributes:
        version: ``1``, or ``1_<tag>`` (``1_lbt6_0#128#...`` for FeiQ, ``1_iptux 0.8.3``); any
            bytes without NUL or ``:`` in a received packet (``99``, ``iptux 0.8.0``).
        packet_no: the sender's packet number.
        user: login name, in the packet's encoding.
        host: host name, in the packet's encoding.
        command: mode (low byte) | options (the other bits).
        extra: every byte after the fifth ``:``, NULs included (layouts in reference §1.4).
    """

    version: bytes
    packet_no: int
    user: bytes
    host: bytes
    command: int
    extra: bytes = b""

    @property
    def mode(self) -> int:
        """The command's low byte (compare with ``Mode``)."""
        return self.command & MODE_MASK

    @property
    def options(self) -> int:
        """The command's option bits (``Opt``, or ``SendOpt`` on SENDMSG)."""
        return self.command & OPTION_MASK


def parse_packet(data: bytes) -> Packet:
    """Read one received datagram.

    Tolerant as the reference asks (§1.1, §7): a trailing NUL or none, any version field (iptux
    stores it unchecked, and tutorials send ``99``; we still send ``1``), ``:`` inside the
    extra, and unknown modes (the caller ignores them quietly). The header is the first five
    ``:``-separated fields, as every implementation splits it; the extra is kept whole. An
    empty user or host is kept as it is.

    Raises:
        MalformedPacket: fewer than five fields, a packet number or
            command that is not an unsigned 32-bit decimal, a NUL inside a header field, or more
            bytes than a UDP datagram holds. Never any other exception.
    """
    if len(data) > MAX_DATAGRAM:
        raise MalformedPacket(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "it is {size} bytes long, more than a UDP datagram holds"
                ),
                size=len(data),
            )
        )
    fields = data.split(b":", 5)
    if len(fields) < 5:
        raise MalformedPacket(
            sentence(
                QT_TRANSLATE_NOOP("core", "it has fewer than five ':'-separated header fields")
            )
        )
    version, number, user, host, command = fields[:5]
    if len(fields) == 5:
        command = command.rstrip(b"\0")  # "1:2:u:h:1\0": no extra, only the C string's end
    if b"\0" in version or b"\0" in user or b"\0" in host:
        _refuse_nul(version, user, host)
    return Packet(
        version=version,
        packet_no=_uint32(
            number,
            QT_TRANSLATE_NOOP(
                "core", "its packet number {value} is not an unsigned 32-bit decimal"
            ),
        ),
        user=user,
        host=host,
        command=_uint32(
            command,
            QT_TRANSLATE_NOOP("core", "its command {value} is not an unsigned 32-bit decimal"),
        ),
        extra=fields[5] if len(fields) == 6 else b"",
    )


def _refuse_nul(version: bytes, user: bytes, host: bytes) -> None:
    """Raises ``MalformedPacket`` naming the first header field that holds a NUL."""
    for value, nul in (
        (version, QT_TRANSLATE_NOOP("core", "its version field contains a NUL byte")),
        (user, QT_TRANSLATE_NOOP("core", "its user field contains a NUL byte")),
        (host, QT_TRANSLATE_NOOP("core", "its host field contains a NUL byte")),
    ):
        if b"\0" in value:
            raise MalformedPacket(sentence(nul))


def format_packet(packet: Packet) -> bytes:
    """The datagram to send for ``packet``, checked strictly.

    The header: a version that IPMsg accepts (``1`` or ``1_<tag>``), a packet number in
    1..2**31-1, a non-empty user and host without ``:`` or NUL (IPMsg's tokenizer collapses an
    empty field and shifts the rest, §1.1), a 32-bit command. The extra, by mode (§1.4):
    SENDMSG/SENDINFO/SENDABSENCEINFO end their text with a NUL, and a SENDMSG with
    FILEATTACHOPT has a valid attachment list after it (unless ENCRYPTOPT hides both); entry
    packets end the nickname with a NUL; RECVMSG/READMSG/ANSREADMSG/RELEASEFILES carry a decimal
    packet number and a NUL. Other modes send their extra as it is.

    Raises:
        InvalidField: any of the above does not hold, or the datagram exceeds 65,507 bytes.
    """
    _check_header(packet)
    _check_extra(packet)
    data = b"%s:%d:%s:%s:%d:%s" % (
        packet.version,
        packet.packet_no,
        packet.user,
        packet.host,
        packet.command,
        packet.extra,
    )
    if len(data) > MAX_SEND_DATAGRAM:
        raise InvalidField("packet", f"is {len(data)} bytes, more than a UDP datagram carries")
    return data


class PacketNumbers:
    """Strictly increasing packet numbers in 1..2**31-1 (reference §1.1, §1.5, §7.6).

    iptux silently drops a message whose number is not above the last one it saw from that IP,
    until a new BR_ENTRY resets its counter. After 2**31-1 the numbers start again at 1 and
    ``wraps`` counts up: the caller then broadcasts BR_ENTRY before anything else.

    Args:
        seed: the first number, e.g. the time in seconds as IPMsg does; values outside the range
            are folded into it.
    """

    def __init__(self, seed: int) -> None:
        self._next = seed if 1 <= seed <= PACKET_NO_MAX else (seed - 1) % PACKET_NO_MAX + 1
        self.wraps = 0

    def __iter__(self) -> PacketNumbers:
        return self

    def __next__(self) -> int:
        value = self._next
        if value > PACKET_NO_MAX:
            value = 1
            self.wraps += 1
        self._next = value + 1
        return value

    def next_unless_wrapping(self) -> int | None:
        """The next number, or None (nothing taken) if it would start again at 1."""
        value = self._next
        if value > PACKET_NO_MAX:
            return None
        self._next = value + 1
        return value

    def advance_to(self, value: int) -> None:
        """Make the next number at least ``value`` (IPMsg jumps forward to the clock).

        Values at or below the next number, or above 2**31-1, change nothing: the sequence
        never goes back.
        """
        if self._next < value <= PACKET_NO_MAX:
            self._next = value


def _uint32(field: bytes, not_a_number: str) -> int:
    """``field`` as a number; ``not_a_number`` is the marked reason when it is none."""
    # bytes.isdigit: ASCII digits only, as [0-9]; at most 10 of them before int() reads them
    if not (field.isdigit() and len(field) <= 10) or int(field) > UINT32_MAX:
        raise MalformedPacket(sentence(not_a_number, value=_show(field)))
    return int(field)


def _check_header(packet: Packet) -> None:
    if _VERSION.match(packet.version) is None:
        raise InvalidField("version", "must be 1 or start with '1_' (IPMsg drops anything else)")
    for name, value in (("version", packet.version), ("user", packet.user), ("host", packet.host)):
        if not value or b":" in value or b"\0" in value:
            raise InvalidField(name, "must be non-empty and contain no ':' or NUL")
    if not 1 <= packet.packet_no <= PACKET_NO_MAX:
        raise InvalidField("packet number", f"must be in 1..{PACKET_NO_MAX}")
    if not 0 <= packet.command <= UINT32_MAX:
        raise InvalidField("command", "must be an unsigned 32-bit number")


def _check_extra(packet: Packet) -> None:
    mode, options, extra = packet.mode, packet.options, packet.extra
    if mode in _TEXT_MODES:
        if mode == Mode.SENDMSG and options & Opt.ENCRYPTOPT:
            return  # CAPA:EKEY:EBODY[:SIG]; the NUL and the list are inside the ciphertext (§4)
        _body, nul, rest = extra.partition(b"\0")
        if not nul:
            raise InvalidField("extra", "must end the text with a NUL byte")
        if mode == Mode.SENDMSG and options & Opt.FILEATTACHOPT:
            try:
                parse_file_offers(rest)
            except MalformedPacket as error:
                raise InvalidField("attachment list", f"is not valid: {error.reason}") from None
    elif mode in _ENTRY_MODES:
        if b"\0" not in extra:
            raise InvalidField("extra", "must end the nickname with a NUL byte")
    elif mode in _ACK_MODES and _ACK_EXTRA.fullmatch(extra) is None:
        raise InvalidField("extra", "must be the original packet number in decimal and a NUL")


def _show(data: bytes) -> str:
    return repr(data[:24]) + ("..." if len(data) > 24 else "")
