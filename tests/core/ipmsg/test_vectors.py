"""The vectors of tests/data/ipmsg, per dialect: decoded as the reference says, and answered."""

from __future__ import annotations

import pytest

from desktop.core.ipmsg import (
    Dialect,
    Identity,
    Packet,
    decode_message,
    detect_dialect,
    format_packet,
    parse_entry_extra,
    parse_packet,
    peer_encoding,
    reply_encoding,
    strip_feiq_font,
)
from desktop.core.ipmsg import messages as m
from desktop.core.ipmsg.attachments import FileOffer, parse_file_offers
from desktop.core.ipmsg.constants import Command, Mode, Opt
from desktop.core.ipmsg.dialect import FeiqVersion, parse_feiq_version, supports_utf8
from desktop.core.ipmsg.text import EntryInfo, feiq_image_ids, original_packet_no
from tests.core.ipmsg.vectors import DIR_STREAMS, vector

ME = Identity("bob", "BOB-PC", "鲍勃", "研发")  # a Chinese desktop: legacy code page CP936
NICK_GBK, GROUP_GBK = "鲍勃".encode("gbk"), "研发".encode("gbk")
LINES = "\nUN:bob\nHN:BOB-PC\nNN:鲍勃\nGN:研发".encode()
MAC = "001EC958856C"


def _read(name: str, legacy: str = "cp936") -> tuple[Packet, Dialect, str]:
    packet = parse_packet(vector(name))
    dialect = detect_dialect(packet)
    return packet, dialect, peer_encoding(packet, dialect, legacy)


def _text(name: str, legacy: str = "cp936") -> str:
    packet, _dialect, encoding = _read(name, legacy)
    decoded = decode_message(packet, encoding)
    assert not decoded.replaced
    return decoded.text


# --- IP Messenger ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "encoding", "info"),
    [
        (
            "ipmsg-br-entry-cp932.bin",
            "cp932",
            EntryInfo("太郎", "開発", "taro", "TARO-PC", "00010002:4:99:103"),
        ),
        ("ipmsg-br-entry-no-nul.bin", "cp932", EntryInfo("taro", "", "taro", "TARO-PC")),
        (
            "ipmsg-ansentry-utf8.bin",
            "utf-8",
            EntryInfo("太郎", "開発", version_info="00010002:4:99:103"),
        ),
    ],
)
def test_ipmsg_entries(name: str, encoding: str, info: EntryInfo) -> None:
    packet, dialect, peer = _read(name, "cp932")
    assert (dialect, peer) == (Dialect.IPMSG, encoding)
    assert parse_entry_extra(packet, peer) == info
    assert supports_utf8(packet)


def test_ipmsg_entry_legacy_fields_are_cp932() -> None:
    packet = parse_packet(vector("ipmsg-br-entry-cp932.bin"))
    nick, group, _lines = packet.extra.split(b"\0", 2)
    assert (nick.decode("cp932"), group.decode("cp932")) == ("太郎", "開発")
    assert not packet.options & Opt.UTF8OPT  # BR_* never carry it (§1.4)


def test_ipmsg_br_entry_is_answered_in_utf8() -> None:
    packet = parse_packet(vector("ipmsg-br-entry-cp932.bin"))
    assert m.needs_entry_answer(packet)
    answer = m.answer_entry(ME, 2, peer_utf8=supports_utf8(packet))
    assert format_packet(answer) == (
        b"1:2:bob:BOB-PC:27262979:" + "鲍勃".encode() + b"\0" + "研发".encode() + b"\0"
    )


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("ipmsg-sendmsg-cp932.bin", "こんにちは\n元気？"),
        ("ipmsg-sendmsg-utf8.bin", "こんにちは 🙂"),
        ("ipmsg-sendmsg-attach.bin", "Hello"),
        ("ipmsg-sendmsg-tolist.bin", "Hi all"),  # the recipient list after the NUL is not text
    ],
)
def test_ipmsg_messages(name: str, text: str) -> None:
    assert _text(name, "cp932") == text
    packet = parse_packet(vector(name))
    ack = m.acknowledgement(ME, 3, packet)
    assert ack is not None
    assert format_packet(ack) == b"1:3:bob:BOB-PC:33:%d\0" % packet.packet_no


def test_ipmsg_attachment_list() -> None:
    packet = parse_packet(vector("ipmsg-sendmsg-attach.bin"))
    assert packet.options & Opt.FILEATTACHOPT
    assert parse_file_offers(packet.extra.partition(b"\0")[2]) == (
        FileOffer(1234567, b"report.txt", 0x1F4, 0x5E8F1A2B, 1),
        FileOffer(1234568, b"photos", 0, 0x5E8F1A2B, 2),
    )


def test_ipmsg_utf8_message_is_answered_in_utf8() -> None:
    packet, dialect, _ = _read("ipmsg-sendmsg-utf8.bin")
    encoding = reply_encoding(dialect, supports_utf8(packet))
    reply = m.send_msg(
        ME, 4, to_dialect=dialect, text="はい", encoding=encoding, peer_utf8=supports_utf8(packet)
    )
    assert format_packet(reply) == b"1:4:bob:BOB-PC:25166112:" + "はい".encode() + b"\0"


def test_ipmsg_recvmsg() -> None:
    packet = parse_packet(vector("ipmsg-recvmsg.bin"))
    assert packet.mode == Mode.RECVMSG
    assert original_packet_no(packet) == 1700000003
    assert not m.needs_ack(packet)


# --- iptux -------------------------------------------------------------------------------------


def test_iptux_ansentry() -> None:
    packet, dialect, encoding = _read("iptux-ansentry.bin")
    assert (dialect, encoding) == (Dialect.IPTUX, "utf-8")
    assert packet.command == Command.IPTUX_ENTRY  # ABSENCEOPT always set: not trusted (§1.3)
    assert parse_entry_extra(packet, encoding) == EntryInfo(
        "iptux-bot", "testgrp", icon="icon-tux.png", encoding="utf-8"
    )
    assert supports_utf8(packet)  # no flag, but iptux reads a valid UTF-8 datagram as UTF-8
    assert not m.needs_entry_answer(packet)


def test_iptux_br_entry_is_answered_all_in_utf8() -> None:
    entry = Packet(
        b"1_iptux 0.8.3",
        1,
        b"root",
        b"vm",
        Mode.BR_ENTRY | Opt.ABSENCEOPT,
        b"iptux-bot\0testgrp\0icon-tux.png\0utf-8\0",
    )
    answer = m.answer_entry(ME, 5, peer_utf8=supports_utf8(entry))
    # GBK names beside UTF-8 lines are valid in no single encoding: iptux decodes a datagram
    # whole, and showed such a sender as "mysterious" (tests/lan/test_iptux.py).
    assert format_packet(answer) == b"1:5:bob:BOB-PC:27262979:" + "鲍勃\0研发\0".encode()


def test_iptux_message_is_unflagged_utf8_and_answered_so() -> None:
    packet, dialect, encoding = _read("iptux-sendmsg-utf8.bin")
    assert not packet.options & Opt.UTF8OPT
    assert _text("iptux-sendmsg-utf8.bin") == "你好，世界"
    ack = m.acknowledgement(ME, 6, packet)
    assert ack is not None
    assert format_packet(ack) == b"1:6:bob:BOB-PC:33:3\0"
    reply_with = reply_encoding(dialect, supports_utf8(packet))
    reply = m.send_msg(ME, 7, to_dialect=dialect, text="收到", encoding=reply_with)
    assert format_packet(reply) == b"1:7:bob:BOB-PC:288:" + "收到".encode() + b"\0"
    assert encoding == reply_with == "utf-8"


def test_iptux_recvmsg_needs_no_ack() -> None:
    packet = parse_packet(vector("iptux-recvmsg.bin"))
    assert packet.command == Command.IPTUX_RECVMSG
    assert original_packet_no(packet) == 100
    assert not m.needs_ack(packet)


def test_iptux_attachments() -> None:
    packet = parse_packet(vector("iptux-attach.bin"))
    assert packet.command == Command.IPTUX_ATTACH_MSG
    assert not m.needs_ack(packet)  # offered without SENDCHECKOPT (§3.1)
    assert _text("iptux-attach.bin") == ""
    offers = parse_file_offers(packet.extra.partition(b"\0")[2])
    assert [(o.file_id, o.name, o.size, o.file_type) for o in offers] == [
        (10001, b"a:b.txt", 12, 1),
        (10002, b"subdir", 0xBBE, 2),
    ]


# --- FeiQ --------------------------------------------------------------------------------------


def test_feiq_nooperation_is_ignored() -> None:
    packet, dialect, _ = _read("feiq-nooperation.bin")
    assert (dialect, packet.mode) == (Dialect.FEIQ, Mode.NOOPERATION)
    assert not m.needs_ack(packet)
    assert not m.needs_entry_answer(packet)


def test_feiq_br_entry_is_read_and_answered() -> None:
    packet, dialect, encoding = _read("feiq-br-entry.bin")
    assert (dialect, encoding) == (Dialect.FEIQ, "gb18030")
    assert packet.command == Command.FEIQ_BR_ENTRY
    assert parse_feiq_version(packet.version) == FeiqVersion(6, 0, 128, MAC, tail=("4001", "9"))
    assert parse_entry_extra(packet, encoding) == EntryInfo("Lee", "")
    assert m.needs_entry_answer(packet)
    answer = format_packet(m.answer_entry(ME, 8, peer_utf8=supports_utf8(packet)))
    assert answer == (
        b"1:8:bob:BOB-PC:18874371:" + NICK_GBK + b"\0" + GROUP_GBK + b"\0" + LINES + b"\0"
    )
    # FeiQ reads an ANSENTRY as an IPMsg client does: mode 3, GBK nick and group up to the NULs.
    seen = parse_packet(answer)
    assert seen.mode == Mode.ANSENTRY
    assert not seen.options & Opt.ENCRYPTOPT  # or FeiQ would encrypt to us (§2.3, §4.5)
    nick, group, _rest = seen.extra.split(b"\0", 2)
    assert (nick.decode("gbk"), group.decode("gbk")) == ("鲍勃", "研发")


def test_feiq_2x_entry_in_gbk() -> None:
    packet, _dialect, encoding = _read("feiq-br-entry-2x.bin")
    assert parse_feiq_version(packet.version) == FeiqVersion(4, 0, 128, MAC)
    assert parse_entry_extra(packet, encoding) == EntryInfo("李雷", "研发部")


def test_feiq_message_with_font_is_stripped_and_answered_in_gbk() -> None:
    text, font = strip_feiq_font(_text("feiq-sendmsg-font.bin"))
    assert text == "你好"
    assert font is not None
    assert (font.face, font.height, font.weight, font.charset) == ("微软雅黑", -16, 400, 134)
    packet, dialect, _ = _read("feiq-sendmsg-font.bin")
    ack = m.acknowledgement(ME, 9, packet)
    assert ack is not None
    assert format_packet(ack) == b"1:9:bob:BOB-PC:33:1655805998\0"
    encoding = reply_encoding(dialect, supports_utf8(packet))
    reply = m.send_msg(ME, 10, to_dialect=dialect, text="你好！", encoding=encoding)
    assert format_packet(reply) == b"1:10:bob:BOB-PC:288:" + "你好！".encode("gbk") + b"\0"


def test_feiq_image_placeholder() -> None:
    text = _text("feiq-sendmsg-image.bin")
    assert feiq_image_ids(text) == ["1a2b3c4d"]
    assert strip_feiq_font(text)[0] == "看图[image]"


@pytest.mark.parametrize(
    ("name", "mode", "extra"),
    [
        ("feiq-knock.bin", Mode.FEIQ_KNOCK, b"."),
        ("feiq-typing.bin", Mode.FEIQ_TYPING, b""),
    ],
)
def test_feiq_extensions_parse_and_need_nothing(name: str, mode: int, extra: bytes) -> None:
    packet = parse_packet(vector(name))
    assert (packet.mode, packet.extra) == (mode, extra)
    assert not m.needs_ack(packet)
    assert not m.may_auto_reply(packet)


def test_feiq_group_message_keeps_its_ciphertext() -> None:
    packet, dialect, _ = _read("feiq-group.bin")
    assert dialect is Dialect.FEIQ
    assert packet.command == Command.FEIQ_GROUP_MSG
    version = parse_feiq_version(packet.version)
    assert version == FeiqVersion(4, 0, 128, MAC, group_length=16, tail=("4000", "9"))
    assert len(packet.extra) == version.group_length
    assert packet.extra == bytes.fromhex("3a00ff10203a3a0007e9a1c4d5000001")


def test_feiq_encrypted_message_is_kept_raw() -> None:
    packet = parse_packet(vector("feiq-encrypted.bin"))
    assert packet.command == Command.FEIQ_ENCRYPTED_MSG
    assert packet.extra == b"20002:9f3c2a:77e1b0c4"


# --- others ------------------------------------------------------------------------------------


def test_shiyeline_entry_uses_the_legacy_code_page() -> None:
    packet, dialect, encoding = _read("shiyeline-br-entry.bin")
    assert (dialect, encoding) == (Dialect.OTHER, "cp936")
    assert parse_entry_extra(packet, encoding) == EntryInfo("张三", "")


# --- directory streams (parsed by dir_stream; checked here as data) ------------------------------


@pytest.mark.parametrize("name", DIR_STREAMS)
def test_dir_stream_vectors_are_framed_by_their_header_sizes(name: str) -> None:
    """Each record: ``%04x`` header size up to its last ``:``, then ``size`` bytes for a file;
    the stream ends with the RETPARENT that leaves the top folder (§3.3)."""
    data, depth, at, kinds = vector(name), 0, 0, []
    while at < len(data):
        size = int(data[at : at + 4], 16)
        header = data[at : at + size]
        assert header.endswith(b":") and header[4:5] == b":"
        _, _name, file_size, attr = header.split(b":")[:4]
        kind = int(attr, 16) & 0xFF
        kinds.append(kind)
        depth += {2: 1, 3: -1}.get(kind, 0)
        at += size + (int(file_size, 16) if kind == 1 else 0)
        assert depth >= 0 and (depth > 0 or at == len(data))
    assert at == len(data) and kinds[0] == 2 and kinds[-1] == 3
