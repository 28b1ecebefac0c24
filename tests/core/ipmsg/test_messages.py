from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.ipmsg import (
    Dialect,
    Identity,
    InvalidField,
    Packet,
    PacketNumbers,
    decode_message,
    detect_dialect,
    format_packet,
    parse_entry_extra,
    parse_packet,
    peer_encoding,
    reply_encoding,
)
from desktop.core.ipmsg import messages as m
from desktop.core.ipmsg.constants import Command, Mode, Opt, SendOpt
from desktop.core.ipmsg.dialect import supports_utf8
from desktop.core.ipmsg.text import original_packet_no

ME = Identity("bob", "BOB-PC", "鲍勃", "研发")
NICK_GBK, GROUP_GBK = "鲍勃".encode("gbk"), "研发".encode("gbk")
NICK_UTF8, GROUP_UTF8 = "鲍勃".encode(), "研发".encode()
LINES = b"\nUN:bob\nHN:BOB-PC\nNN:" + NICK_UTF8 + b"\nGN:" + GROUP_UTF8
NEVER = Opt.ENCRYPTOPT | Opt.CAPIPDICTOPT | Opt.CAPFILEENCOPT | Opt.ENCEXTMSGOPT


def _wire(packet: Packet) -> bytes:
    return format_packet(packet)


# --- entry packets ----------------------------------------------------------------------------


def test_entry_is_legacy_fields_then_utf8_lines_with_capututf8_then_iptux_encoding() -> None:
    assert _wire(m.entry(ME, 100)) == (
        b"1:100:bob:BOB-PC:18874369:"
        + NICK_GBK
        + b"\0"
        + GROUP_GBK
        + b"\0"
        + LINES
        + b"\0utf-8\0"  # iptux's 4th field: it then reads our messages as UTF-8 (§1.4)
    )


@pytest.mark.parametrize(
    ("kwargs", "command"),
    [
        ({}, 0x1200001),  # FILEATTACHOPT by default: we take and offer files (§3.1)
        ({"absent": True}, 0x1200101),
        ({"dialup": True}, 0x1210001),
        ({"file_attach": False}, 0x1000001),
        ({"absent": True, "dialup": True, "file_attach": True}, 0x1210101),
    ],
)
def test_entry_status_flags(kwargs: dict[str, bool], command: int) -> None:
    assert m.entry(ME, 1, **kwargs).command == command


def test_entry_without_group_keeps_an_empty_group_and_omits_empty_lines() -> None:
    me = Identity("bob", "BOB-PC", "鲍勃")
    expected = b"1:1:bob:BOB-PC:18874369:" + NICK_GBK + b"\0\0\nUN:bob\nHN:BOB-PC\nNN:"
    assert _wire(m.entry(me, 1)) == expected + NICK_UTF8 + b"\0utf-8\0"


def _as_iptux_reads(datagram: bytes) -> list[str]:
    """The fields of an entry's extra as iptux 0.8.3 decodes them: the whole datagram as UTF-8,
    else GB18030, else UTF-16 (``candidacy_encode``), then split at the NULs [TUX UdpData.cpp]."""
    for encoding in ("utf-8", "gb18030", "utf-16"):
        try:
            text = datagram.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text.split(":", 5)[5].split("\0") if text.count(":") >= 5 else ["mysterious"]
    return ["mysterious"]


@pytest.mark.parametrize(
    ("nickname", "group"),
    [("阿明", "研发部"), ("鲍勃", "研发"), ("图克斯", "测试组"), ("核心", ""), ("Bob", "QA")],
)
def test_iptux_reads_our_names_and_utf8_from_every_broadcast(nickname: str, group: str) -> None:
    me = Identity("amin", "AMIN-PC", nickname, group)
    for packet in (m.entry(me, 1), m.absence(me, 2, absent=True), m.exit_(me, 3)):
        fields = _as_iptux_reads(_wire(packet))
        assert fields[:2] == [nickname, group]
        assert fields[3] == "utf-8"  # iptux then decodes our UTF-8 messages as UTF-8


def test_lines_iptux_cannot_read_beside_gbk_names_are_left_to_the_legacy_fields() -> None:
    # GBK 阿明/研发部 then UTF-8 NN/GN lines: valid neither as UTF-8 nor as GB18030, and iptux
    # showed the sender as "mysterious" (seen against libiptux-core in tests/lan/test_iptux.py).
    me = Identity("amin", "AMIN-PC", "阿明", "研发部")
    legacy = "阿明".encode("gbk") + b"\0" + "研发部".encode("gbk") + b"\0"
    assert m.entry(me, 1).extra == legacy + b"\nUN:amin\nHN:AMIN-PC\0utf-8\0"
    # The form IPMsg and FeiQ read is unchanged: names from the legacy fields.
    info = parse_entry_extra(m.entry(me, 1), "gbk")
    assert (info.nickname, info.group) == ("阿明", "研发部")
    # The answer to a CAPUTF8OPT peer stays all UTF-8, and to a legacy peer keeps its lines.
    assert m.answer_entry(me, 2, peer_utf8=True).extra == "阿明\0研发部\0".encode()
    assert b"NN:" in m.answer_entry(me, 2, peer_utf8=False).extra


def test_a_name_the_legacy_code_page_lacks_keeps_its_utf8_line() -> None:
    me = Identity("amin", "AMIN-PC", "阿明😀", "研发部")  # GBK has no emoji
    extra = m.entry(me, 1).extra
    assert "\nNN:阿明😀".encode() in extra
    assert b"GN:" not in extra  # 研发部 is exact in GBK


def test_names_the_legacy_code_page_lacks_survive_in_the_utf8_lines() -> None:
    me = Identity("bob", "BOB-PC", "Zoë😀", legacy_encoding="cp932")
    packet = m.entry(me, 1)
    assert packet.extra.startswith(b"Zo??\0\0")  # CP932 has neither character
    info = parse_entry_extra(packet, "cp932")
    assert info.nickname == "Zoë😀"
    assert info.user_name == "bob"


def test_answer_entry_in_utf8_to_a_utf8_peer() -> None:
    assert _wire(m.answer_entry(ME, 5, peer_utf8=True)) == (
        b"1:5:bob:BOB-PC:27262979:" + NICK_UTF8 + b"\0" + GROUP_UTF8 + b"\0"
    )


def test_answer_entry_to_others_is_the_entry_form() -> None:
    assert _wire(m.answer_entry(ME, 5, peer_utf8=False)) == (
        b"1:5:bob:BOB-PC:18874371:" + NICK_GBK + b"\0" + GROUP_GBK + b"\0" + LINES + b"\0"
    )


def test_exit_and_absence() -> None:
    entry_extra = NICK_GBK + b"\0" + GROUP_GBK + b"\0" + LINES + b"\0utf-8\0"
    assert _wire(m.exit_(ME, 9)) == b"1:9:bob:BOB-PC:16777218:" + entry_extra
    assert _wire(m.absence(ME, 9, absent=True)) == b"1:9:bob:BOB-PC:18874628:" + entry_extra
    present = Opt.CAPUTF8OPT | Opt.FILEATTACHOPT | Mode.BR_ABSENCE
    assert m.absence(ME, 9, absent=False).command == present


def test_no_operation() -> None:
    assert _wire(m.no_operation(ME, 3)) == b"1:3:bob:BOB-PC:0:\0"


@given(st.booleans(), st.booleans(), st.booleans(), st.booleans())
def test_never_advertise_encryption_nor_utf8opt_on_broadcasts(
    absent: bool, dialup: bool, attach: bool, peer_utf8: bool
) -> None:
    broadcasts = [
        m.entry(ME, 1, absent=absent, dialup=dialup, file_attach=attach),
        m.exit_(ME, 1, dialup=dialup),
        m.absence(ME, 1, absent=absent, dialup=dialup, file_attach=attach),
    ]
    for packet in broadcasts:
        assert not packet.command & (NEVER | Opt.UTF8OPT)
        assert packet.command & Opt.CAPUTF8OPT
    others = [
        m.answer_entry(ME, 1, peer_utf8=peer_utf8, absent=absent, file_attach=attach),
        m.send_msg(
            ME,
            1,
            to_dialect=Dialect.IPMSG,
            text="x",
            encoding="utf-8",
            peer_utf8=peer_utf8,
            sealed=absent,
        ),
        m.no_operation(ME, 1),
        m.recv_msg(ME, 1, 2),
    ]
    for packet in broadcasts + others:
        assert not packet.command & NEVER
        assert parse_packet(_wire(packet)) == packet


# --- messages ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "command", "body"),
    [
        (
            {"to_dialect": Dialect.FEIQ, "text": "你好\r\n世界", "encoding": "gbk"},
            288,
            "你好\n世界".encode("gbk"),
        ),
        (
            {"to_dialect": Dialect.IPMSG, "text": "今日", "encoding": "utf-8", "peer_utf8": True},
            Mode.SENDMSG | SendOpt.SENDCHECKOPT | Opt.UTF8OPT | Opt.CAPUTF8OPT,
            "今日".encode(),
        ),
        (  # UTF-8 to a peer that never announced it: no flag
            {"to_dialect": Dialect.IPMSG, "text": "é", "encoding": "utf-8"},
            288,
            "é".encode(),
        ),
        (  # iptux gets UTF-8 unflagged, whatever it announced
            {"to_dialect": Dialect.IPTUX, "text": "你好", "encoding": "utf-8", "peer_utf8": True},
            288,
            "你好".encode(),
        ),
        (
            {"to_dialect": Dialect.IPMSG, "text": "秘密", "encoding": "cp932", "sealed": True},
            Mode.SENDMSG | SendOpt.SENDCHECKOPT | SendOpt.SECRETOPT,
            "秘密".encode("cp932"),
        ),
        (
            {
                "to_dialect": Dialect.IPMSG,
                "text": "x",
                "encoding": "cp932",
                "sealed": True,
                "read_check": True,
            },
            Mode.SENDMSG | SendOpt.SENDCHECKOPT | SendOpt.SECRETEXOPT,
            b"x",
        ),
        (
            {"to_dialect": Dialect.IPMSG, "text": "x", "encoding": "cp932", "multicast": True},
            Mode.SENDMSG | SendOpt.SENDCHECKOPT | SendOpt.MULTICASTOPT,
            b"x",
        ),
        (
            {"to_dialect": Dialect.IPMSG, "text": "away", "encoding": "cp932", "auto_reply": True},
            Mode.SENDMSG | SendOpt.AUTORETOPT,
            b"away",
        ),
        ({"to_dialect": Dialect.OTHER, "text": "", "encoding": "gbk"}, 288, b""),
    ],
)
def test_send_msg(kwargs: dict[str, object], command: int, body: bytes) -> None:
    packet = m.send_msg(ME, 7, **kwargs)  # type: ignore[arg-type]
    assert (packet.command, packet.extra) == (command, body + b"\0")
    names = b"bob:BOB-PC"
    assert _wire(packet) == b"1:7:" + names + b":%d:" % command + body + b"\0"


def test_send_msg_names_follow_the_packet_encoding() -> None:
    me = Identity("张三", "主机", legacy_encoding="gbk")
    flagged = m.send_msg(
        me, 1, to_dialect=Dialect.IPMSG, text="x", encoding="utf-8", peer_utf8=True
    )
    plain = m.send_msg(me, 1, to_dialect=Dialect.FEIQ, text="x", encoding="gbk")
    assert (flagged.user, flagged.host) == ("张三".encode(), "主机".encode())
    assert (plain.user, plain.host) == ("张三".encode("gbk"), "主机".encode("gbk"))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"text": "a\0b", "encoding": "gbk"}, "text"),
        ({"text": "😀", "encoding": "gbk"}, "text"),
        ({"text": "\udc80", "encoding": "utf-8", "peer_utf8": True}, "text"),
        ({"text": "x", "encoding": "utf-16"}, "encoding"),  # writes NUL bytes
        ({"text": "x", "encoding": "no-such-codec"}, "encoding"),
        ({"text": "x", "encoding": "gbk", "read_check": True}, "read check"),
        ({"text": "x" * 8200, "encoding": "gbk"}, "text"),  # iptux reads 8 KiB
    ],
)
def test_send_msg_refuses(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidField) as caught:
        m.send_msg(ME, 1, to_dialect=Dialect.IPTUX, **kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_long_messages_fit_ipmsg_but_not_iptux() -> None:
    text = "x" * 9000
    assert len(_wire(m.send_msg(ME, 1, to_dialect=Dialect.IPMSG, text=text, encoding="gbk"))) > 9000
    with pytest.raises(InvalidField, match="too long"):
        m.send_msg(ME, 1, to_dialect=Dialect.IPTUX, text=text, encoding="gbk")


def test_acks_and_read_notices() -> None:
    assert _wire(m.recv_msg(ME, 8, 1700000003)) == b"1:8:bob:BOB-PC:33:1700000003\0"
    assert _wire(m.read_msg(ME, 9, 5)) == b"1:9:bob:BOB-PC:48:5\0"
    assert _wire(m.read_msg(ME, 9, 5, read_check=True)) == b"1:9:bob:BOB-PC:1048624:5\0"
    assert _wire(m.ans_read_msg(ME, 10, 5)) == b"1:10:bob:BOB-PC:50:5\0"


def test_info_answers() -> None:
    assert _wire(m.send_info(ME, 2, "SocketDesk 0.1", encoding="gbk")) == (
        b"1:2:bob:BOB-PC:65:SocketDesk 0.1\0"
    )
    assert _wire(m.send_absence_info(ME, 2, encoding="gbk")) == (
        b"1:2:bob:BOB-PC:81:Not absence mode\0"
    )
    away = m.send_absence_info(ME, 2, "外出中", encoding="utf-8", peer_utf8=True)
    assert away.command == Mode.SENDABSENCEINFO | Opt.UTF8OPT | Opt.CAPUTF8OPT
    assert away.extra == "外出中".encode() + b"\0"


# --- what to answer ---------------------------------------------------------------------------


def _incoming(command: int, extra: bytes = b"hi\0") -> Packet:
    return Packet(b"1", 77, b"u", b"h", command, extra)


@pytest.mark.parametrize(
    ("command", "extra", "ack", "auto_reply"),
    [
        (288, b"hi\0", True, True),
        (Command.SENDMSG_CHECK | Opt.UTF8OPT, b"hi\0", True, True),
        (Mode.SENDMSG, b"hi\0", False, True),  # no SENDCHECKOPT
        (Command.IPTUX_ATTACH_MSG, b"\0", False, True),  # iptux offers files without it
        (288 | SendOpt.BROADCASTOPT, b"hi\0", False, False),
        (Command.IPTUX_GROUP_BROADCAST, b"hi\0", False, False),
        (288 | SendOpt.AUTORETOPT, b"away\0", False, False),
        (Command.FEIQ_ENCRYPTED_MSG, b"20002:ab:cd", True, True),
        (Command.IPTUX_RECVMSG, b"5\0", False, False),  # 0x100 on RECVMSG is no SENDCHECKOPT
        (Mode.READMSG | SendOpt.READCHECKOPT, b"5\0", True, False),
        (Mode.READMSG | SendOpt.READCHECKOPT, b"x\0", False, False),  # nothing to answer with
        (Mode.READMSG, b"5\0", False, False),
        (Mode.BR_ENTRY | SendOpt.SENDCHECKOPT, b"n\0g\0", False, False),  # that is ABSENCEOPT
        (Mode.FEIQ_KNOCK, b".", False, False),
    ],
)
def test_answer_rules(command: int, extra: bytes, ack: bool, auto_reply: bool) -> None:
    packet = _incoming(command, extra)
    assert m.needs_ack(packet) is ack
    assert m.may_auto_reply(packet) is auto_reply
    assert (m.acknowledgement(ME, 1, packet) is not None) is ack


def test_acknowledgement_packets() -> None:
    assert m.acknowledgement(ME, 2, _incoming(288)) == m.recv_msg(ME, 2, 77)
    read = _incoming(Mode.READMSG | SendOpt.READCHECKOPT, b"5\0")
    assert m.acknowledgement(ME, 2, read) == m.ans_read_msg(ME, 2, 5)


@pytest.mark.parametrize(
    ("mode", "answer"),
    [(Mode.BR_ENTRY, True), (Mode.BR_ABSENCE, False), (Mode.ANSENTRY, False), (0, False)],
)
def test_needs_entry_answer(mode: int, answer: bool) -> None:
    assert m.needs_entry_answer(_incoming(mode | Opt.CAPUTF8OPT, b"n\0\0")) is answer


# --- identity ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"user": "a:b"}, "user name"),
        ({"user": ""}, "user name"),
        ({"user": "a\0"}, "user name"),
        ({"user": "a\ab"}, "user name"),
        ({"host": ""}, "host name"),
        ({"host": "h:1"}, "host name"),
        ({"host": "h\n"}, "host name"),
        ({"nickname": "a\nb"}, "nickname"),
        ({"nickname": "a\0"}, "nickname"),
        ({"group": "g\a"}, "group"),
        ({"version": b"2"}, "version"),
        ({"version": b"10"}, "version"),
        ({"version": b""}, "version"),
        ({"version": b"1_a:b"}, "version"),
        ({"version": b"1_a\0"}, "version"),
        ({"legacy_encoding": "no-such-codec"}, "encoding"),
        ({"legacy_encoding": "hex"}, "encoding"),
    ],
)
def test_identity_refuses(kwargs: dict[str, object], field: str) -> None:
    fields: dict[str, object] = {"user": "bob", "host": "BOB-PC"} | kwargs
    with pytest.raises(InvalidField) as caught:
        Identity(**fields)  # type: ignore[arg-type]
    assert caught.value.field == field


def test_identity_accepts_tags_and_spaces() -> None:
    me = Identity("bob smith", "BOB-PC", "鲍 勃", "", b"1_socketdesk 0.1")
    assert format_packet(m.entry(me, 1)).startswith(b"1_socketdesk 0.1:1:bob smith:BOB-PC:")


# --- two nodes, in memory ---------------------------------------------------------------------


def test_two_nodes_meet_talk_and_ack_in_memory() -> None:
    alice = Identity("alice", "ALICE-PC", "爱丽", "测试", legacy_encoding="gbk")
    bob = Identity("bob", "BOB-PC", "ボブ", legacy_encoding="cp932")
    a_numbers, b_numbers = PacketNumbers(1_700_000_000), PacketNumbers(1)

    hello = parse_packet(format_packet(m.entry(alice, next(a_numbers))))
    assert m.needs_entry_answer(hello)
    alice_info = parse_entry_extra(hello, peer_encoding(hello, detect_dialect(hello), "cp932"))
    assert (alice_info.nickname, alice_info.group) == ("爱丽", "测试")  # from the UTF-8 lines

    answer = m.answer_entry(bob, next(b_numbers), peer_utf8=supports_utf8(hello))
    back = parse_packet(format_packet(answer))
    assert back.options & Opt.UTF8OPT
    bob_info = parse_entry_extra(back, peer_encoding(back, detect_dialect(back), "gbk"))
    assert bob_info.nickname == "ボブ"

    dialect = detect_dialect(back)
    encoding = reply_encoding(dialect, supports_utf8(back), "gbk")
    utf8 = supports_utf8(back)
    number = next(a_numbers)
    sent = m.send_msg(
        alice, number, to_dialect=dialect, text="你好，ボブ", encoding=encoding, peer_utf8=utf8
    )
    received = parse_packet(format_packet(sent))
    text = decode_message(received, peer_encoding(received, detect_dialect(received), "cp932"))
    assert (text.text, text.replaced) == ("你好，ボブ", False)

    ack = m.acknowledgement(bob, next(b_numbers), received)
    assert ack is not None
    got = parse_packet(format_packet(ack))
    assert got.mode == Mode.RECVMSG
    assert original_packet_no(got) == sent.packet_no
    assert not m.needs_ack(got)
