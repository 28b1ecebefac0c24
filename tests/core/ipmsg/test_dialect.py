from __future__ import annotations

import pytest

from desktop.core.ipmsg import Dialect, Packet, detect_dialect, peer_encoding, reply_encoding
from desktop.core.ipmsg.constants import Mode, Opt
from desktop.core.ipmsg.dialect import (
    FeiqVersion,
    max_datagram,
    parse_feiq_version,
    supports_utf8,
)


def _packet(version: bytes = b"1", command: int = Mode.SENDMSG, extra: bytes = b"") -> Packet:
    return Packet(version, 1, b"u", b"h", command, extra)


@pytest.mark.parametrize(
    ("version", "dialect"),
    [
        (b"1", Dialect.IPMSG),
        (b"1_lbt6_0#128#001EC958856C#0#0#0#4001#9", Dialect.FEIQ),
        (b"1_lbt4_0#128#001EC958856C#0#0#0", Dialect.FEIQ),
        (b"1_iptux 0.8.3", Dialect.IPTUX),
        (b"1_iptux 0.8.0-b1", Dialect.IPTUX),
        (b"1_iptux_0#5#2", Dialect.IPTUX),
        (b"1@shiyeline", Dialect.OTHER),
        (b"1_socketdesk", Dialect.OTHER),
    ],
)
def test_detect_dialect(version: bytes, dialect: Dialect) -> None:
    assert detect_dialect(_packet(version)) is dialect


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        (
            b"1_lbt6_0#128#001EC958856C#0#0#0#4001#9",
            FeiqVersion(6, 0, 128, "001EC958856C", 0, 0, 0, ("4001", "9")),
        ),
        (b"1_lbt4_0#128#001EC958856C#0#0#0", FeiqVersion(4, 0, 128, "001EC958856C")),
        (
            b"1_lbt4_12#65664#00e04c0a1b2c#1024#2048#96#4000#9",
            FeiqVersion(4, 12, 65664, "00e04c0a1b2c", 1024, 2048, 96, ("4000", "9")),
        ),
        (b"1_lbt6_3#128#001EC958856C", FeiqVersion(6, 3, 128, "001EC958856C")),
        (
            b"1_lbt6_0#128#001EC958856C#0#0#0#x#",
            FeiqVersion(6, 0, 128, "001EC958856C", tail=("x", "")),
        ),
        (b"1_lbt6_0#128#001EC95885#0#0#0", None),  # MAC of 10 digits
        (b"1_lbt6_0#128#001EC958856G#0#0#0", None),
        (b"1_lbt6_x#128#001EC958856C#0#0#0", None),
        (b"1_lbt6#128#001EC958856C", None),
        (b"1", None),
        (b"1_iptux 0.8.3", None),
        (b"2_lbt6_0#128#001EC958856C#0#0#0", None),
    ],
)
def test_parse_feiq_version(version: bytes, expected: FeiqVersion | None) -> None:
    assert parse_feiq_version(version) == expected


@pytest.mark.parametrize(
    ("packet", "dialect", "encoding"),
    [
        (_packet(command=Mode.SENDMSG | Opt.UTF8OPT), Dialect.IPMSG, "utf-8"),
        (_packet(command=Mode.SENDMSG | Opt.UTF8OPT), Dialect.FEIQ, "utf-8"),
        (_packet(), Dialect.IPMSG, "cp932"),
        (_packet(command=Mode.SENDMSG | Opt.CAPUTF8OPT), Dialect.IPMSG, "cp932"),  # only capable
        (_packet(), Dialect.FEIQ, "gb18030"),
        (_packet(extra="你好".encode()), Dialect.IPTUX, "utf-8"),  # unflagged UTF-8
        (_packet(extra="你好".encode("gbk")), Dialect.IPTUX, "gb18030"),  # iptux's own fallback
        (_packet(), Dialect.OTHER, "cp932"),
    ],
)
def test_peer_encoding(packet: Packet, dialect: Dialect, encoding: str) -> None:
    assert peer_encoding(packet, dialect, legacy_codepage="cp932") == encoding


def test_peer_encoding_defaults_to_cp936() -> None:
    assert peer_encoding(_packet(), Dialect.IPMSG) == "cp936"


@pytest.mark.parametrize(
    ("dialect", "peer_utf8", "encoding"),
    [
        (Dialect.IPMSG, True, "utf-8"),
        (Dialect.IPMSG, False, "cp932"),
        (Dialect.FEIQ, False, "gbk"),
        (Dialect.FEIQ, True, "utf-8"),
        (Dialect.IPTUX, False, "utf-8"),
        (Dialect.OTHER, False, "cp932"),
    ],
)
def test_reply_encoding(dialect: Dialect, peer_utf8: bool, encoding: str) -> None:
    assert reply_encoding(dialect, peer_utf8, legacy_codepage="cp932") == encoding


def test_supports_utf8() -> None:
    assert supports_utf8(_packet(command=Mode.BR_ENTRY | Opt.CAPUTF8OPT))
    assert supports_utf8(_packet(command=Mode.ANSENTRY | Opt.UTF8OPT))
    assert not supports_utf8(_packet(command=0x600001))


def test_max_datagram() -> None:
    assert max_datagram(Dialect.IPMSG) == 32768
    assert max_datagram(Dialect.IPTUX) == max_datagram(Dialect.FEIQ) == 8192
