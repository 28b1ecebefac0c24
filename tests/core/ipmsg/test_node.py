"""Messenger nodes talking to each other in memory: presence, chat, receipts, retries, garbage."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.ipmsg import Identity, InvalidField, format_packet, parse_packet
from desktop.core.ipmsg import messages as m
from desktop.core.ipmsg.constants import PACKET_NO_MAX, Mode, Opt, SendOpt
from desktop.core.ipmsg.delivery import SeenPackets
from desktop.core.ipmsg.dialect import Dialect
from desktop.core.ipmsg.events import (
    Action,
    InfoReceived,
    MessageDelivered,
    MessageFailed,
    MessageRead,
    MessageReceived,
    Notice,
    NoticeCause,
    PeerJoined,
    PeerKey,
    PeerLeft,
    PeerUpdated,
    Transmit,
)
from desktop.core.ipmsg.messenger_errors import TooManyPending, UnknownPeer
from desktop.core.ipmsg.node import MessengerNode
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg.roster import Roster
from tests.core.ipmsg.memory_lan import PORT, Host, MemoryLan
from tests.core.ipmsg.vectors import ALL, vector

A, B, C = "198.18.0.1", "198.18.0.2", "198.18.0.3"


def _lan(count: int = 2, **settings: object) -> tuple[MemoryLan, list[Host]]:
    """``count`` hosts that announced themselves and know each other."""
    lan = MemoryLan()
    names = [("阿明", "研发部"), ("鲍勃", "测试"), ("Carol", "")]
    hosts = [lan.add(ip, *names[i], **settings) for i, ip in enumerate((A, B, C)[:count])]
    for host in hosts:
        lan.run(host, host.node.announce)
    lan.advance(5)
    return lan, hosts


def _texts(host: Host) -> list[str]:
    return [e.text for e in host.of(MessageReceived)]


# --- presence ----------------------------------------------------------------------------------


def test_entries_are_answered_after_ipmsgs_random_delay_and_everyone_knows_everyone() -> None:
    lan = MemoryLan()
    a, b, c = lan.add(A, "阿明", "研发部"), lan.add(B, "鲍勃"), lan.add(C, "Carol")
    a.up = False  # a starts later
    for host in (b, c):
        lan.run(host, host.node.announce)
    lan.advance(2)
    a.up = True
    lan.run(a, a.node.announce)
    assert [e.peer.nickname for e in b.of(PeerJoined)] == ["Carol", "阿明"]
    assert a.of(PeerJoined) == []  # the answers wait up to 1.023 s (§1.4)
    lan.advance(1.023)
    assert sorted(e.peer.nickname for e in a.of(PeerJoined)) == ["Carol", "鲍勃"]
    answers = lan.sent_by(b, Mode.ANSENTRY)
    assert [s.transmit.address for s in answers][-1] == a.address  # answered to the sender only
    joined = b.of(PeerJoined)[-1].peer
    assert joined.key == PeerKey((A, PORT), "user1", "PC-1")
    assert (joined.group, joined.client, joined.encoding, joined.status) == (
        "研发部",
        "IP Messenger",
        "utf-8",
        "online",
    )
    for host in (a, b, c):  # nobody lists itself: its own broadcast came back and was ignored
        assert host.address not in {p.address for p in host.node.peers()}
        assert len(host.node.peers()) == 2


def test_two_users_with_the_same_login_and_host_are_told_apart_by_address() -> None:
    lan = MemoryLan()
    hosts = [lan.add(ip, f"n{i}", user="root", host="localhost") for i, ip in enumerate((A, B, C))]
    for host in hosts:
        lan.run(host, host.node.announce)
    lan.advance(3)
    assert sorted(p.nickname for p in hosts[0].node.peers()) == ["n1", "n2"]


def test_exit_is_seen_by_the_others() -> None:
    lan, (a, b, c) = _lan(3)
    lan.run(b, b.node.leave)
    for host in (a, c):
        [left] = host.of(PeerLeft)
        assert (left.peer.nickname, str(left.reason)) == ("鲍勃", "signed off")
        assert [p.nickname for p in host.node.peers()] == ["Carol" if host is a else "阿明"]


def test_refresh_drops_peers_that_do_not_answer() -> None:
    lan, (a, _b, c) = _lan(3)
    c.up = False  # gone without a BR_EXIT (cable pulled)
    lan.run(a, a.node.refresh)
    lan.advance(4.9)
    assert a.of(PeerLeft) == []
    lan.advance(0.2)
    assert [(e.peer.nickname, str(e.reason)) for e in a.of(PeerLeft)] == [
        ("Carol", "did not answer the refresh")
    ]
    assert [p.nickname for p in a.node.peers()] == ["鲍勃"]


def test_refresh_drops_a_peer_whose_last_word_came_just_before_it_at_the_same_reading() -> None:
    """The loop's clock may be coarse (uvloop counts milliseconds): a word said before the
    refresh, at the same reading, is not an answer to it."""
    lan, (a, _b, c) = _lan(3)
    lan.run(c, lambda: c.node.set_absence("gone"))  # c's last words, at the refresh's instant
    c.up = False
    lan.run(a, a.node.refresh)
    lan.advance(5.1)
    assert [e.peer.nickname for e in a.of(PeerLeft)] == ["Carol"]
    assert [p.nickname for p in a.node.peers()] == ["鲍勃"]


def test_away_state_and_message_reach_the_list() -> None:
    lan, (a, b) = _lan()
    lan.run(b, lambda: b.node.set_absence("开会中，稍后回复"))
    updates = [e.peer.status for e in a.of(PeerUpdated)]
    assert updates == ["away", "away: 开会中，稍后回复"]  # BR_ABSENCE, then GETABSENCEINFO's answer
    lan.run(b, lambda: b.node.set_absence(None))
    assert a.of(PeerUpdated)[-1].peer.status == "online"


# --- chat --------------------------------------------------------------------------------------


def test_chinese_message_is_delivered_and_acknowledged() -> None:
    lan, (a, b) = _lan()
    text = "你好，世界！\n第二行 🙂"
    message_id = lan.run(a, lambda: a.node.send_text(a.key_of(b), text))
    [received] = b.of(MessageReceived)
    assert (received.text, received.peer.nickname, received.sealed) == (text, "阿明", False)
    assert a.of(MessageDelivered) == [MessageDelivered(message_id)]  # type: ignore[arg-type]
    [sent] = lan.sent_by(a, Mode.SENDMSG)
    assert sent.packet.options & Opt.UTF8OPT  # both announced CAPUTF8OPT
    assert sent.packet.extra == text.encode() + b"\0"
    assert a.node.pending == 0


def test_messages_to_one_peer_leave_one_at_a_time_in_order() -> None:
    lan, (a, b) = _lan()
    lan.drop = lambda sent: sent.packet.mode == Mode.RECVMSG  # every ACK is lost at first
    ids = [lan.run(a, lambda i=i: a.node.send_text(a.key_of(b), f"第{i}条")) for i in range(3)]
    assert [s.packet.extra for s in lan.sent_by(a, Mode.SENDMSG)] == ["第0条".encode() + b"\0"]
    lan.drop = lambda sent: False
    lan.advance(0.75)  # the retry is acknowledged, then the next one leaves at once
    assert _texts(b) == ["第0条", "第1条", "第2条"]
    assert a.of(MessageDelivered) == [MessageDelivered(i) for i in ids]


def test_sealed_message_and_its_read_receipt() -> None:
    lan, (a, b) = _lan()
    message_id = lan.run(a, lambda: a.node.send_text(a.key_of(b), "只给你看", sealed=True))
    [received] = b.of(MessageReceived)
    assert received.sealed
    sent = lan.sent_by(a, Mode.SENDMSG)[0].packet
    assert sent.options & SendOpt.SECRETOPT and sent.options & SendOpt.READCHECKOPT
    assert a.of(MessageDelivered) == [MessageDelivered(message_id)]  # type: ignore[arg-type]
    assert a.of(MessageRead) == []
    lan.run(b, lambda: b.node.mark_read(received.peer.key, received.packet_no))
    lan.run(b, lambda: b.node.mark_read(received.peer.key, received.packet_no))  # twice: one
    assert a.of(MessageRead) == [MessageRead(message_id)]  # type: ignore[arg-type]
    assert len(lan.sent_by(b, Mode.READMSG)) == 1
    assert len(lan.sent_by(a, Mode.ANSREADMSG)) == 1  # READCHECKOPT: the receipt is ACKed
    assert b.node.pending == 0


def test_read_receipt_is_retried_until_answered() -> None:
    lan, (a, b) = _lan()
    lan.run(a, lambda: a.node.send_text(a.key_of(b), "密", sealed=True))
    [received] = b.of(MessageReceived)
    lan.drop = lambda sent: sent.packet.mode == Mode.READMSG and len(lan.sent_by(b, 0x30)) < 2
    lan.run(b, lambda: b.node.mark_read(received.peer.key, received.packet_no))
    lan.advance(2)
    assert len(lan.sent_by(b, Mode.READMSG)) == 3
    assert len(a.of(MessageRead)) == 1
    assert b.node.pending == 0


def test_absent_node_auto_replies_once_and_two_absent_nodes_do_not_loop() -> None:
    lan, (a, b) = _lan()
    lan.run(b, lambda: b.node.set_absence("外出午餐"))
    lan.run(a, lambda: a.node.send_text(a.key_of(b), "在吗？"))
    [reply] = a.of(MessageReceived)
    assert (reply.text, reply.auto_reply) == ("外出午餐", True)
    assert len(lan.sent_by(a, Mode.RECVMSG)) == 0  # AUTORETOPT: never acknowledged (§1.5)
    lan.run(a, lambda: a.node.set_absence("我也不在"))
    lan.run(a, lambda: a.node.send_text(a.key_of(b), "还在吗？"))
    lan.advance(10)
    assert _texts(b) == ["在吗？", "还在吗？"]
    assert _texts(a) == ["外出午餐"]  # once per peer per period; a did not answer the answer
    assert len(lan.sent_by(a, Mode.SENDMSG)) == 2
    assert len(lan.sent_by(b, Mode.SENDMSG)) == 1


def test_broadcast_message_is_neither_acknowledged_nor_auto_replied() -> None:
    lan, (a, b) = _lan()
    lan.run(b, lambda: b.node.set_absence("不在"))
    me = a.node.identity
    packet = m.send_msg(me, 99_000, to_dialect=Dialect.IPMSG, text="全体注意", encoding="utf-8")
    packet = type(packet)(  # BROADCASTOPT added to a SENDCHECKOPT message
        packet.version,
        99_000,
        packet.user,
        packet.host,
        packet.command | SendOpt.BROADCASTOPT,
        packet.extra,
    )
    actions = lan.inject(b, format_packet(packet), a.address)
    assert [type(x) for x in actions] == [MessageReceived]
    assert actions[0].broadcast  # type: ignore[union-attr]


def test_duplicates_are_acknowledged_every_time_but_shown_once() -> None:
    lan, (a, b) = _lan()
    first_ack = True

    def lose_first_ack(sent) -> bool:  # type: ignore[no-untyped-def]
        nonlocal first_ack
        if sent.packet.mode == Mode.RECVMSG and first_ack:
            first_ack = False
            return True
        return False

    lan.drop = lose_first_ack
    message_id = lan.run(a, lambda: a.node.send_text(a.key_of(b), "重复的"))
    lan.advance(0.75)
    assert len(lan.sent_by(a, Mode.SENDMSG)) == 2  # the same datagram twice
    assert len({s.transmit.datagram for s in lan.sent_by(a, Mode.SENDMSG)}) == 1
    assert len(lan.sent_by(b, Mode.RECVMSG)) == 2
    assert _texts(b) == ["重复的"]
    assert a.of(MessageDelivered) == [MessageDelivered(message_id)]  # type: ignore[arg-type]
    lan.advance(10)
    assert len(lan.sent_by(a, Mode.SENDMSG)) == 2


def test_retries_every_750_ms_six_times_then_failed() -> None:
    lan, (a, b) = _lan()
    lan.drop = lambda sent: sent.source == a.address and sent.packet.mode == Mode.SENDMSG
    start = lan.now
    message_id = lan.run(a, lambda: a.node.send_text(a.key_of(b), "喂？"))
    times = []
    for _ in range(12):
        before = len(lan.sent_by(a, Mode.SENDMSG))
        lan.advance(0.375)
        if len(lan.sent_by(a, Mode.SENDMSG)) > before:
            times.append(round(lan.now - start, 3))
        if lan.now - start == pytest.approx(4.125):
            assert a.of(MessageFailed) == []
    assert times == [0.75, 1.5, 2.25, 3.0, 3.75]  # and the first at 0: six tries
    assert len(lan.sent_by(a, Mode.SENDMSG)) == 6
    [failed] = a.of(MessageFailed)
    assert failed.message_id == message_id
    assert str(failed.reason) == (
        f"The message to 鲍勃 ({B}:2425) was not delivered after 6 tries: "
        "no acknowledgement came back."
    )
    assert a.node.next_deadline() is None


def test_retries_are_configurable() -> None:
    lan, (a, b) = _lan(retry_interval=0.2, tries=2)
    b.up = False
    lan.run(a, lambda: a.node.send_text(a.key_of(b), "x"))
    lan.advance(0.39)
    assert a.of(MessageFailed) == []
    lan.advance(0.02)
    assert "after 2 tries" in str(a.of(MessageFailed)[0].reason)


def test_message_to_a_peer_that_has_left_fails_clearly_and_the_next_is_not_lost() -> None:
    lan, (a, b) = _lan()
    key = a.key_of(b)
    lan.run(b, b.node.leave)
    b.up = False
    first = lan.run(a, lambda: a.node.send_text(key, "你还在吗"))
    second = lan.run(a, lambda: a.node.send_text(key, "第二条"))
    lan.advance(5)
    assert [(f.message_id, str(f.reason)) for f in a.of(MessageFailed)] == [
        (
            first,
            f"The message to 鲍勃 ({B}:2425) was not delivered after 6 tries: "
            "鲍勃 has left the network.",
        ),
        (
            second,
            f"The message to 鲍勃 ({B}:2425) was not sent: the one before it was not "
            "acknowledged after 6 tries.",
        ),
    ]


def test_message_to_an_address_nobody_answers_from() -> None:
    lan, (a,) = _lan(1)
    lan.run(a, lambda: a.node.send_text(("198.18.0.77", PORT), "有人吗"))
    sent = lan.sent_by(a, Mode.SENDMSG)[0].packet
    assert sent.extra == "有人吗".encode("cp936") + b"\0"  # the legacy code page (§2.1)
    lan.advance(5)
    assert str(a.of(MessageFailed)[0].reason).endswith(
        "not delivered after 6 tries: no IP Messenger answered at that address."
    )


def test_leaving_reports_what_was_still_waiting() -> None:
    lan, (a, b) = _lan()
    b.up = False
    message_id = lan.run(a, lambda: a.node.send_text(a.key_of(b), "再见"))
    lan.run(a, a.node.leave)
    [failed] = a.of(MessageFailed)
    assert failed.message_id == message_id
    assert "you left the network" in str(failed.reason)
    assert a.node.next_deadline() is None


def test_unknown_key_and_too_long_text_are_refused_before_anything_is_sent() -> None:
    _, (a, b) = _lan()
    with pytest.raises(UnknownPeer, match=r"nobody@nowhere 198\.18\.0\.9:2425 is not in the"):
        a.node.send_text(PeerKey(("198.18.0.9", PORT), "nobody", "nowhere"), "hi")
    with pytest.raises(InvalidField, match="too long"):
        a.node.send_text(a.key_of(b), "长" * 20_000)  # 60 KB of UTF-8; IPMsg reads 32 KiB
    assert a.node.pending == 0
    assert a.node.take_actions() == []


def test_pending_messages_are_capped() -> None:
    _, (a, b) = _lan()
    b.up = False
    for i in range(256):
        a.node.send_text(a.key_of(b), f"{i}")
    with pytest.raises(TooManyPending, match="256 messages are still waiting"):
        a.node.send_text(a.key_of(b), "one too many")


# --- questions -----------------------------------------------------------------------------------


def test_getinfo_and_getabsenceinfo_are_answered() -> None:
    lan, (a, b) = _lan()
    lan.run(a, lambda: a.node.ask_info(a.key_of(b)))
    lan.run(a, lambda: a.node.ask_absence(a.key_of(b)))
    assert [(e.kind, e.text) for e in a.of(InfoReceived)] == [
        ("version", "SocketDesk 0.1.0"),
        ("absence", "Not absence mode"),
    ]
    lan.run(b, lambda: b.node.set_absence("出差中"))
    lan.run(a, lambda: a.node.ask_absence(a.key_of(b)))
    assert a.of(InfoReceived)[-1].text == "出差中"


# --- other clients, from the codec's vectors ------------------------------------------------------

ME = Identity("bob", "BOB-PC", "鲍勃", "研发")
NICK_GBK, GROUP_GBK = "鲍勃".encode("gbk"), "研发".encode("gbk")
LINES = "\nUN:bob\nHN:BOB-PC\nNN:鲍勃\nGN:研发".encode()
FEIQ = ("198.18.0.9", 2425)


def _bob(seed: int = 8) -> MessengerNode:
    node = MessengerNode(ME, NodeSettings(entry_answer_delay=0), seed=seed)
    node.announce(now=0)
    node.take_actions()
    return node


def test_feiq_entry_is_answered_in_the_form_feiq_accepts() -> None:
    node = _bob(seed=7)  # 7 went to our own BR_ENTRY
    assert node.receive(vector("feiq-nooperation.bin"), FEIQ, 1.0) == []
    joined, answer = node.receive(vector("feiq-br-entry.bin"), FEIQ, 1.0)
    assert isinstance(joined, PeerJoined)
    peer = joined.peer
    assert (peer.nickname, peer.client, peer.dialect, peer.encoding) == (
        "Lee",
        "FeiQ 3.x",
        Dialect.FEIQ,
        "gbk",
    )
    assert peer.key == PeerKey(FEIQ, "Lee", "LEE-PC")
    assert answer == Transmit(
        b"1:8:bob:BOB-PC:18874371:" + NICK_GBK + b"\0" + GROUP_GBK + b"\0" + LINES + b"\0", FEIQ
    )
    ack, message = node.receive(vector("feiq-sendmsg-font.bin"), FEIQ, 2.0)
    assert ack == Transmit(b"1:9:bob:BOB-PC:33:1655805998\0", FEIQ)
    assert isinstance(message, MessageReceived)
    assert (message.text, message.peer.nickname) == ("你好", "Lee")  # the font suffix is gone
    node.send_text(peer.key, "你好！", now=3.0)
    [reply] = node.take_actions()
    assert reply == Transmit(b"1:10:bob:BOB-PC:288:" + "你好！".encode("gbk") + b"\0", FEIQ)


def test_iptux_is_listed_as_iptux_and_not_away() -> None:
    node = _bob()
    [joined] = node.receive(vector("iptux-ansentry.bin"), ("198.18.0.8", 2425), 1.0)
    assert isinstance(joined, PeerJoined)
    peer = joined.peer
    assert (peer.nickname, peer.group, peer.client, peer.status) == (
        "iptux-bot",
        "testgrp",
        "iptux 0.8.3",
        "online",  # iptux sets ABSENCEOPT on every entry (§1.3)
    )
    _ack, message = node.receive(vector("iptux-sendmsg-utf8.bin"), ("198.18.0.8", 2425), 2.0)
    assert isinstance(message, MessageReceived)
    assert (message.text, message.peer.key) == ("你好，世界", peer.key)


def test_ipmsg_entry_in_two_encodings_is_one_peer() -> None:
    node = _bob()
    taro = ("198.18.0.7", 2425)
    joined, _answer = node.receive(vector("ipmsg-br-entry-cp932.bin"), taro, 1.0)
    assert isinstance(joined, PeerJoined)
    assert joined.peer.client == "IP Messenger 4.99r103 (Windows 64-bit)"
    node.receive(vector("ipmsg-ansentry-utf8.bin"), taro, 1.5)
    [_ack, message] = node.receive(vector("ipmsg-sendmsg-utf8.bin"), taro, 2.0)
    assert isinstance(message, MessageReceived)
    assert message.peer.key == joined.peer.key
    assert len(node.peers()) == 1


def test_unknown_sender_is_asked_to_introduce_itself() -> None:
    node = _bob()
    actions = node.receive(vector("iptux-sendmsg-utf8.bin"), ("198.18.0.8", 2425), 1.0)
    ack, entry, message = actions
    assert isinstance(ack, Transmit) and parse_packet(ack.datagram).mode == Mode.RECVMSG
    assert isinstance(entry, Transmit) and parse_packet(entry.datagram).mode == Mode.BR_ENTRY
    assert isinstance(message, MessageReceived) and message.peer.nickname == ""
    assert message.peer.name == "root"


def test_undecodable_name_is_listed_with_a_notice() -> None:
    node = _bob()
    entry = b"1:5:u\xff:h:16777217:\x81\xff\x80\0\0"
    actions = node.receive(entry, ("198.18.0.6", 2425), 1.0)
    joined, notice = actions[0], actions[1]
    assert isinstance(joined, PeerJoined) and joined.peer.name_replaced
    assert isinstance(notice, Notice)
    assert "198.18.0.6:2425 sent a name that is not valid cp936" in str(notice.text)


# --- garbage, bounds -----------------------------------------------------------------------------


def test_garbage_and_oversized_datagrams_become_one_notice_per_minute() -> None:
    node = _bob()
    [notice] = node.receive(b"x" * 70_000, ("198.18.0.5", 2425), 1.0)
    assert isinstance(notice, Notice)
    assert str(notice.text).startswith("Ignored a datagram from 198.18.0.5:2425 that is not an IP")
    assert node.receive(b"GET / HTTP/1.1\r\n\r\n", ("198.18.0.5", 2425), 2.0) == []
    assert len(node.receive(b"junk", ("198.18.0.5", 2425), 62.0)) == 1


def test_a_64_kib_message_is_read() -> None:
    node = _bob()
    text = "字" * 21_000  # 63,000 bytes of UTF-8: a datagram near the largest UDP payload
    packet = m.send_msg(ME, 5, to_dialect=Dialect.IPMSG, text="x", encoding="utf-8")
    datagram = b"1:5:bob2:PC2:%d:" % (packet.command | Opt.UTF8OPT) + text.encode() + b"\0"
    assert len(datagram) > 63_000
    actions = node.receive(datagram, ("198.18.0.4", 2425), 1.0)
    assert [e.text for e in actions if isinstance(e, MessageReceived)] == [text]


def _entry(i: int) -> bytes:
    return format_packet(m.entry(Identity(f"u{i}", f"h{i}", f"n{i}"), 100 + i))


def test_roster_is_capped_with_one_notice() -> None:
    node = _bob()
    node.roster = Roster(cap=2)
    notices = []
    for i in range(4):
        actions = node.receive(_entry(i), (f"198.18.1.{i}", 2425), 1.0)
        notices += [str(a.text) for a in actions if isinstance(a, Notice)]
    assert [p.nickname for p in node.peers()] == ["n0", "n1"]
    assert notices == [
        "The list of users is full (2); n2 (198.18.1.2:2425) and others after it were not added."
    ]


def test_seen_packets_window_forgets_the_oldest() -> None:
    seen = SeenPackets(cap=2)
    assert [seen.first_time(k) for k in (1, 2, 1, 3, 2, 1)] == [True, True, False, True, True, True]


def test_packet_number_wrap_announces_again_first() -> None:
    lan = MemoryLan()
    a, b = lan.add(A, "a", entry_answer_delay=0), lan.add(B, "b", entry_answer_delay=0)
    a.node = MessengerNode(a.node.identity, a.node.settings, seed=PACKET_NO_MAX - 1)
    lan.run(b, b.node.announce)
    lan.run(a, a.node.announce)
    lan.run(a, lambda: a.node.send_text(a.key_of(b), "last"))
    lan.run(a, lambda: a.node.send_text(a.key_of(b), "wrapped"))
    assert [(s.packet.mode, s.packet.packet_no) for s in lan.sent_by(a)] == [
        (Mode.BR_ENTRY, PACKET_NO_MAX - 1),
        (Mode.SENDMSG, PACKET_NO_MAX),
        (Mode.BR_ENTRY, 1),  # iptux drops lower numbers until a new BR_ENTRY (§7.6)
        (Mode.SENDMSG, 2),
    ]
    assert _texts(b) == ["last", "wrapped"]


# --- property: any datagram ---------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        b":",
        b"\0",
        b"1",
        b"1_lbt6_0#128#001EC958856C#0#0#0",
        b"1_iptux 0.8.3",
        b"288",
        b"289",
        b"33",
        b"48",
        b"1",
        b"3",
        b"2",
        b"64",
        b"80",
        b"81",
        b"65",
        b"4194592",
        b"2097440",
        b"25166112",
        b"\xff",
        b"\a",
        b"\n",
        b"UN:",
        b"12",
        b"\xe4\xbd\xa0",
    ]
)


def _busy_node() -> MessengerNode:
    node = _bob()
    node.set_absence("不在", now=0)
    node.receive(vector("iptux-ansentry.bin"), ("198.18.0.8", 2425), 0.5)
    node.send_text(("198.18.0.8", 2425), "hi", sealed=True, now=0.5)
    node.take_actions()
    return node


@settings(max_examples=300)
@given(st.lists(_PIECES, max_size=30).map(b"".join) | st.binary(max_size=300))
def test_any_datagram_gives_actions_or_nothing(data: bytes) -> None:
    node = _busy_node()
    for address in (("198.18.0.8", 2425), ("198.18.0.9", 2425)):
        actions = node.receive(data, address, 1.0)
        actions += node.receive(data, address, 1.1)  # and again, as a duplicate
        actions += node.tick(10.0)
        assert all(isinstance(a, Action) for a in actions)
        for action in actions:
            if isinstance(action, Transmit):
                parse_packet(action.datagram)  # everything we send is a valid packet


@settings(max_examples=50)
@given(st.sampled_from(ALL), st.integers(0, 2**32))
def test_every_vector_with_random_damage_gives_actions_or_nothing(name: str, seed: int) -> None:
    data = bytearray(vector(name))
    rng = random.Random(seed)
    for _ in range(rng.randrange(4)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    node = _busy_node()
    node.receive(bytes(data), ("198.18.0.8", 2425), 1.0)
    node.tick(20.0)


# --- less common paths ---------------------------------------------------------------------------


def test_an_away_text_the_peer_cannot_read_gives_a_notice_not_a_crash() -> None:
    node = _bob()
    node.set_absence("外出 🙂", now=0)  # an emoji: CP936 has none
    node.take_actions()
    legacy = b"1:5:taro:TARO:288:" + "你好".encode("gbk") + b"\0"  # no CAPUTF8OPT: CP936 back
    ack, entry, message, notice = node.receive(legacy, ("198.18.0.7", 2425), 1.0)
    assert parse_packet(ack.datagram).mode == Mode.RECVMSG  # type: ignore[union-attr]
    assert parse_packet(entry.datagram).mode == Mode.BR_ENTRY  # type: ignore[union-attr]
    assert isinstance(message, MessageReceived) and message.text == "你好"
    assert isinstance(notice, Notice)
    assert str(notice.text).startswith(
        "Could not answer: Cannot send the IP Messenger packet: the text"
    )


def test_encrypted_message_is_not_acknowledged_and_said_once() -> None:
    node = _bob()
    encrypted = vector("feiq-encrypted.bin")
    [notice] = node.receive(encrypted, FEIQ, 1.0)
    assert isinstance(notice, Notice)
    assert "sent an encrypted message, which cannot be read here" in str(notice.text)
    assert node.receive(encrypted, FEIQ, 1.5) == []


def test_repeated_entry_within_the_delay_is_answered_once() -> None:
    node = MessengerNode(ME, NodeSettings(entry_answer_delay=1.0), seed=1)
    node.announce(now=0)
    node.take_actions()
    node.receive(_entry(1), ("198.18.0.7", 2425), 1.0)
    node.receive(_entry(1), ("198.18.0.7", 2425), 1.2)
    answers = node.tick(3.0)
    assert [parse_packet(a.datagram).mode for a in answers] == [Mode.ANSENTRY]  # type: ignore[union-attr]


def test_node_that_has_not_announced_does_not_answer_entries() -> None:
    node = MessengerNode(ME, NodeSettings(entry_answer_delay=0))
    actions = node.receive(_entry(1), ("198.18.0.7", 2425), 1.0)
    assert [type(a) for a in actions] == [PeerJoined]


def test_contact_announces_to_one_address_and_is_remembered() -> None:
    node = MessengerNode(ME, NodeSettings(targets=()), seed=1)
    node.contact(("198.18.5.9", 2425), now=0)
    [entry] = node.take_actions()
    assert entry == Transmit(format_packet(m.entry(ME, 1)), ("198.18.5.9", 2425))
    node.leave(now=1)
    [exit_] = node.take_actions()
    assert isinstance(exit_, Transmit) and exit_.address == ("198.18.5.9", 2425)
    assert parse_packet(exit_.datagram).mode == Mode.BR_EXIT


def test_announcing_with_nowhere_to_announce_to_says_so() -> None:
    node = MessengerNode(ME, NodeSettings(targets=()))
    node.announce(now=0)
    [notice] = node.take_actions()
    assert isinstance(notice, Notice) and str(notice.text).startswith("There is no address")
    assert notice.cause is NoticeCause.NO_TARGETS  # a user interface can match the condition


def test_dialup_peers_get_entries_directly() -> None:
    node = _bob()
    dialup = format_packet(m.entry(Identity("d", "D"), 5, dialup=True))
    node.receive(dialup, ("198.19.9.9", 2425), 1.0)
    node.set_absence("away", now=2)
    [transmit] = node.take_actions()
    assert isinstance(transmit, Transmit) and transmit.address == ("198.19.9.9", 2425)


def test_sealed_message_without_read_check_gets_one_plain_receipt() -> None:
    node = _bob()
    sealed = b"1:5:taro:TARO:%d:secret\0" % (
        Mode.SENDMSG | SendOpt.SENDCHECKOPT | SendOpt.SECRETOPT
    )
    _ack, _, message = node.receive(sealed, ("198.18.0.7", 2425), 1.0)
    assert isinstance(message, MessageReceived) and message.sealed
    node.mark_read(message.peer.key, message.packet_no, now=2.0)
    [receipt] = node.take_actions()
    packet = parse_packet(receipt.datagram)  # type: ignore[union-attr]
    assert (packet.mode, packet.options, packet.extra) == (Mode.READMSG, 0, b"5\0")
    assert node.pending == 0


def test_read_receipt_never_answered_gives_a_notice() -> None:
    node = _bob()
    sealed = b"1:5:taro:TARO:%d:secret\0" % (
        Mode.SENDMSG | SendOpt.SENDCHECKOPT | SendOpt.SECRETOPT | SendOpt.READCHECKOPT
    )
    message = node.receive(sealed, ("198.18.0.7", 2425), 1.0)[-1]
    assert isinstance(message, MessageReceived)
    node.mark_read(message.peer.key, message.packet_no, now=2.0)
    actions = node.take_actions()
    for step in range(1, 9):
        actions += node.tick(2.0 + step * 0.75)
    assert len([a for a in actions if isinstance(a, Transmit)]) == 6
    assert [str(a.text) for a in actions if isinstance(a, Notice)] == [
        "taro (198.18.0.7:2425) did not acknowledge the read receipt after 6 tries."
    ]
    assert node.pending == 0


def test_exit_of_a_peer_known_under_other_raw_names() -> None:
    node = _bob()
    taro = ("198.18.0.7", 2425)
    node.receive(vector("ipmsg-br-entry-cp932.bin"), taro, 1.0)
    utf8_exit = b"1:9:taro:TARO-PC:%d:\xe5\xa4\xaa\xe9\x83\x8e\0\0" % (Mode.BR_EXIT | Opt.UTF8OPT)
    [left] = node.receive(utf8_exit, taro, 2.0)
    assert isinstance(left, PeerLeft) and left.peer.nickname == "太郎"
    assert node.receive(utf8_exit, taro, 2.5) == []  # already gone


def test_sending_by_address_to_a_peer_that_left_uses_what_was_known() -> None:
    node = _bob()
    node.receive(vector("feiq-br-entry.bin"), FEIQ, 1.0)
    node.receive(b"1_lbt6_0#128#001EC958856C#0#0#0:7:Lee:LEE-PC:2:Lee\0\0", FEIQ, 2.0)
    node.take_actions()
    node.send_text(FEIQ, "走了吗", now=3.0)
    [sent] = node.take_actions()
    assert parse_packet(sent.datagram).extra == "走了吗".encode("gbk") + b"\0"  # type: ignore[union-attr]
    for now in (3.75, 4.5, 5.25, 6.0, 6.75, 7.5):
        actions = node.tick(now)
    [failed] = actions
    assert isinstance(failed, MessageFailed) and "Lee has left the network" in str(failed.reason)


def test_questions_to_someone_never_seen_are_refused() -> None:
    node = _bob()
    with pytest.raises(UnknownPeer):
        node.ask_info(PeerKey(("198.18.0.9", 2425), "x", "y"))


def test_acknowledgements_that_match_nothing_change_nothing() -> None:
    node = _bob()
    for extra in (b"12345\0", b"junk\0", b""):
        for mode in (Mode.RECVMSG, Mode.ANSREADMSG, Mode.READMSG):
            assert node.receive(b"1:5:u:h:%d:%s" % (mode, extra), FEIQ, 1.0) in (
                [],
                [Transmit(b"1:8:bob:BOB-PC:50:12345\0", FEIQ)],
            )


_MODES = st.sampled_from([int(mode) for mode in Mode])
_OPTIONS = st.integers(0, 0xFFFFFF).map(lambda n: n << 8)
_FIELD = st.binary(min_size=1, max_size=12).map(
    lambda b: b.replace(b":", b";").replace(b"\0", b"_")
)


_WELL_FORMED = st.tuples(
    st.sampled_from([b"1", b"1_iptux 0.8.3", b"1_lbt6_0#128#001EC958856C#0#0#0", b"1@x"]),
    st.integers(0, 2**32 - 1),
    _FIELD,
    _FIELD,
    st.tuples(_MODES, _OPTIONS).map(lambda pair: pair[0] | pair[1]),
    st.binary(max_size=200) | st.lists(_PIECES, max_size=12).map(b"".join),
).map(lambda fields: b"%s:%d:%s:%s:%d:%s" % fields)


@settings(max_examples=400)
@given(_WELL_FORMED)
def test_any_well_formed_packet_gives_actions_or_nothing(datagram: bytes) -> None:
    node = _busy_node()
    actions = node.receive(datagram, ("198.18.0.8", 2425), 1.0)
    actions += node.receive(datagram, ("198.18.0.8", 2425), 1.1)
    actions += node.tick(30.0)
    for action in actions:
        assert isinstance(action, Action)
        if isinstance(action, Transmit):
            parse_packet(action.datagram)


def test_going_away_tells_iptux_in_an_entry_it_decodes() -> None:
    """iptux shows a BR_ABSENCE's names undecoded; an all-UTF-8 ANSENTRY follows for it."""
    node = _bob()
    iptux = ("198.18.0.8", 2425)
    node.receive(vector("iptux-ansentry.bin"), iptux, 1.0)
    node.take_actions()
    node.set_absence("开会中", now=2.0)
    to_iptux = [a for a in node.take_actions() if isinstance(a, Transmit) and a.address == iptux]
    [answer] = [parse_packet(a.datagram) for a in to_iptux]
    assert answer.mode == Mode.ANSENTRY
    assert answer.command & Opt.UTF8OPT and answer.command & Opt.ABSENCEOPT
    assert answer.extra.split(b"\0")[0].decode("utf-8") == node.identity.nickname


def test_the_acknowledgement_is_handed_out_before_the_message_event_is_built() -> None:
    """``hand_out_early`` gets the RECVMSG while ``receive`` still works (issue #15)."""
    sender = Identity("alice", "ALICE-PC", "阿明")
    node = MessengerNode(ME, NodeSettings(port=PORT), seed=500)
    addr = (A, PORT)
    node.receive(format_packet(m.entry(sender, 10)), addr, 0.0)
    node.take_actions()
    early: list[list[Action]] = []
    built: list[int] = []
    node.hand_out_early = early.append
    real_event = node._message_event

    def event(*args):  # type: ignore[no-untyped-def]
        built.append(len(early))  # how many hand-outs had happened when the event was built
        return real_event(*args)

    node._message_event = event  # type: ignore[method-assign]
    message = m.send_msg(sender, 11, to_dialect=Dialect.IPMSG, text="快", encoding="utf-8")
    rest = node.receive(format_packet(message), addr, 1.0)
    assert len(early) == 1 and built == [1]
    [[ack]] = early
    assert isinstance(ack, Transmit) and ack.address == addr
    acked = parse_packet(ack.datagram)
    assert (acked.mode, acked.extra) == (Mode.RECVMSG, b"11\0")
    assert [type(x) for x in rest] == [MessageReceived]
    # A duplicate is acknowledged again (in the returned actions) and not shown.
    again = node.receive(format_packet(message), addr, 1.1)
    assert [parse_packet(x.datagram).mode for x in again if isinstance(x, Transmit)] == [
        Mode.RECVMSG
    ]
    assert not [x for x in again if isinstance(x, MessageReceived)]
    # A broadcast is never acknowledged: nothing is handed out early.
    broadcast = type(message)(
        message.version, 12, message.user, message.host,
        message.command & ~SendOpt.SENDCHECKOPT | SendOpt.BROADCASTOPT, message.extra,
    )  # fmt: skip
    actions = node.receive(format_packet(broadcast), addr, 1.2)
    assert len(early) == 1
    assert [type(x) for x in actions] == [MessageReceived]
