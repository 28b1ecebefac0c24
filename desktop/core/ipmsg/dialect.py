"""Which client sent a packet (IPMsg, FeiQ, iptux), and which text encoding to use with it.

Reference §1.1 (version field), §2 (encodings) and §2.3 (FeiQ's version field).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from desktop.core.ipmsg.constants import IPMSG_MAX_DATAGRAM, IPTUX_MAX_DATAGRAM, Opt
from desktop.core.ipmsg.packet import Packet

__all__ = [
    "Dialect",
    "FeiqVersion",
    "detect_dialect",
    "max_datagram",
    "parse_feiq_version",
    "peer_encoding",
    "reply_encoding",
    "supports_utf8",
]

# 1_lbt<G>_<A>#<level>#<MAC>#<f4>#<f5>#<f6>[#4001#9] [FQ-PY UdpPacketData.py, FQ-IFC, FQ-CL] §2.3
_FEIQ_VERSION = re.compile(
    rb"1_lbt([0-9]{1,9})_([0-9]{1,9})#([0-9]{1,10})#([0-9A-Fa-f]{12})"
    rb"((?:#[0-9]{1,10}){0,3})((?:#[^#]*)*)"
)


class Dialect(enum.Enum):
    """The client family a packet came from, told by its version field."""

    IPMSG = "ipmsg"  # version "1": IP Messenger or another standard client
    FEIQ = "feiq"  # version contains "_lbt"
    IPTUX = "iptux"  # version "1_iptux 0.8.3" (before 0.7.6 "iptux ...", which parsing drops)
    OTHER = "other"  # "1@shiyeline" (内网通) and any other "1<tag>"


@dataclass(frozen=True, slots=True)
class FeiqVersion:
    """The fields of FeiQ's version, ``1_lbt6_0#128#<MAC>#0#0#0#4001#9`` (§2.3).

    Attributes:
        generation: protocol generation, 4 (FeiQ 2.x) or 6 (FeiQ 3.x).
        icon: index of the built-in head icon.
        level: rank/level flags (decimal, 128 typical).
        mac: 12 hex digits as sent (case kept: it is the group-chat key, §2.4).
        avatar_size: size of the custom avatar file, 0 if none.
        image_size: size of the custom "personal image", 0 if none.
        group_length: 0, except in group messages: the byte length of the encrypted body.
        tail: the fields after those, e.g. ``("4001", "9")``.
    """

    generation: int
    icon: int
    level: int
    mac: str
    avatar_size: int = 0
    image_size: int = 0
    group_length: int = 0
    tail: tuple[str, ...] = ()


def detect_dialect(packet: Packet) -> Dialect:
    """Tell the sender's client family from the version field (§2.3 "Detecting FeiQ vs IPMsg")."""
    version = packet.version
    if b"_lbt" in version:
        return Dialect.FEIQ
    if version.startswith(b"1_iptux"):
        return Dialect.IPTUX
    if version == b"1":
        return Dialect.IPMSG
    return Dialect.OTHER


def parse_feiq_version(version: bytes) -> FeiqVersion | None:
    """The fields of a FeiQ version string, or None if it does not have FeiQ's layout."""
    match = _FEIQ_VERSION.fullmatch(version)
    if match is None:
        return None
    generation, icon, level, mac, sizes, tail = match.groups()
    numbers = [int(n) for n in sizes.split(b"#")[1:]] + [0, 0, 0]
    return FeiqVersion(
        generation=int(generation),
        icon=int(icon),
        level=int(level),
        mac=mac.decode("ascii"),
        avatar_size=numbers[0],
        image_size=numbers[1],
        group_length=numbers[2],
        tail=tuple(f.decode("ascii", "replace") for f in tail.split(b"#")[1:]),
    )


def supports_utf8(packet: Packet) -> bool:
    """Whether the sender reads UTF-8: it announced it (CAPUTF8OPT, or a UTF8OPT packet) (§2.1),
    or it is iptux, which announces nothing but reads any valid UTF-8 datagram as UTF-8 (§2.2).

    An entry answered in the legacy form (GBK names beside UTF-8 lines) is valid in no single
    encoding, and iptux, which decodes datagrams whole, showed such a sender as "mysterious".
    """
    if detect_dialect(packet) is Dialect.IPTUX:
        return True
    return bool(packet.options & (Opt.CAPUTF8OPT | Opt.UTF8OPT))


def peer_encoding(packet: Packet, dialect: Dialect, legacy_codepage: str = "cp936") -> str:
    """The encoding of the text in ``packet`` (its user, host and extra), per §2.

    UTF8OPT means UTF-8 [IPM-JA §4.3]. FeiQ sends GBK, decoded as GB18030, its superset (§2.3).
    iptux sends UTF-8 without any flag; when the bytes are not UTF-8 it falls back to GB18030,
    as iptux itself does with its default ``candidacy_encode`` (§2.2). Anything else is in the
    sender's ANSI code page, which only the user knows: CP932 in Japan, CP936 in China (§2.1).

    Args:
        packet: the received packet.
        dialect: its sender's dialect (``detect_dialect``).
        legacy_codepage: the code page configured for unflagged IPMsg text.
    """
    if packet.options & Opt.UTF8OPT:
        return "utf-8"
    if dialect is Dialect.FEIQ:
        return "gb18030"
    if dialect is Dialect.IPTUX:
        try:
            b"".join((packet.user, packet.host, packet.extra)).decode("utf-8")
        except UnicodeDecodeError:
            return "gb18030"
        return "utf-8"
    return legacy_codepage


def reply_encoding(dialect: Dialect, peer_utf8: bool, legacy_codepage: str = "cp936") -> str:
    """The encoding to send text in to a peer (§2, §7.4).

    UTF-8 to a peer that announced CAPUTF8OPT (then sent with UTF8OPT) and to iptux (unflagged);
    GBK to FeiQ, whose Windows code page cannot read GB18030's four-byte forms; else the
    configured legacy code page.

    Args:
        dialect: the peer's dialect.
        peer_utf8: whether the peer's entry packet had CAPUTF8OPT (``supports_utf8``).
        legacy_codepage: the code page configured for IPMsg peers without UTF-8.
    """
    if peer_utf8 or dialect is Dialect.IPTUX:
        return "utf-8"
    if dialect is Dialect.FEIQ:
        return "gbk"
    return legacy_codepage


def max_datagram(dialect: Dialect) -> int:
    """The longest datagram a peer of ``dialect`` reads whole (§1.1 size limits).

    IPMsg reads 32 KiB; iptux 8 KiB. FeiQ's and others' buffers are not documented, so they get
    the 8 KiB that is safe everywhere.
    """
    return IPMSG_MAX_DATAGRAM if dialect is Dialect.IPMSG else IPTUX_MAX_DATAGRAM
