"""Away replies per period, broadcast messages and per-peer encodings of ``MessengerNode``."""

from __future__ import annotations

import pytest

from desktop.core.ipmsg import InvalidField, parse_packet
from desktop.core.ipmsg.constants import Mode, SendOpt
from desktop.core.ipmsg.events import (
    MessageDelivered,
    MessageReceived,
    Notice,
    PeerJoined,
    PeerUpdated,
    Transmit,
)
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.node import MessengerNode
from desktop.core.ipmsg.node_settings import NodeSettings
from tests.core.ipmsg.memory_lan import Host, MemoryLan
from tests.core.ipmsg.vectors import vector

A, B, C = "198.18.0.1", "198.18.0.2", "198.18.0.3"
ME = Identity("bob", "BOB-PC", "鲍勃", "研发")
CP932_PEER = ("198.18.0.7", 2425)


def _lan(count: int = 2, **settings: object) -> tuple[MemoryLan, list[Host]]:
    lan = MemoryLan()
    names = [("阿明", "研发部"), ("鲍勃", "测试"), ("Carol", "")]
    hosts = [lan.add(ip, *names[i], **settings) for i, ip in enumerate((A, B, C)[:count])]
    for host in hosts:
        lan.run(host, host.node.announce)
    lan.advance(5)
    return lan, hosts


def _replies(host: Host) -> list[str]:
    return [e.text for e in host.of(MessageReceived) if e.auto_reply]


# --- away ----------------------------------------------------------------------------------------
def test_away_reply_goes_once_per_peer_per_period_and_again_after_it() -> None:
    lan, (a, b, c) = _lan(3, auto_reply_quiet=60.0)
    lan.run(b, lambda: b.node.set_absence("开会"))
    lan.run(a, lambda: a.node.send_text(a.key_of(b), "一"))
    lan.run(a, lambda: a.node.send_text(a.key_of(b), "二"))
    lan.run(c, lambda: c.node.send_text(c.key_of(b), "three"))
    lan.advance(5)
    assert _replies(a) == ["开会"]  # the second line got no second reply
    assert _replies(c) == ["开会"]  # another peer is answered on its own
    lan.advance(60)
    lan.run(a, lambda: a.node.send_text(a.key_of(b), "三"))
    lan.advance(5)
    assert _replies(a) == ["开会", "开会"]  # the period is over


def test_a_new_away_message_is_told_again_and_coming_back_stops_replies() -> None:
    lan, (a, b) = _lan(auto_reply_quiet=600.0)
    lan.run(b, lambda: b.node.set_absence("午饭"))
    lan.run(a, lambda: a.node.send_text(a.key_of(b), "一"))
    lan.run(b, lambda: b.node.set_absence("出差到周五"))
    lan.run(a, lambda: a.node.send_text(a.key_of(b), "二"))
    lan.run(b, lambda: b.node.set_absence(None))
    lan.run(a, lambda: a.node.send_text(a.key_of(b), "三"))
    lan.advance(5)
    assert _replies(a) == ["午饭", "出差到周五"]
    entries = [s.packet for s in lan.sent_by(b, Mode.BR_ABSENCE)]
    assert [bool(p.options & 0x100) for p in entries] == [True, True, False]  # ABSENCEOPT


def test_peers_see_the_away_state_and_message() -> None:
    lan, (a, b) = _lan()
    lan.run(b, lambda: b.node.set_absence("外出"))
    lan.advance(1)
    updates = [e.peer for e in a.of(PeerUpdated)]
    assert updates[-1].absent and updates[-1].absence_text == "外出"
    assert updates[-1].status == "away: 外出"


def test_settings_refuse_a_negative_reply_period() -> None:
    with pytest.raises(InvalidField):
        NodeSettings(auto_reply_quiet=-1)


# --- broadcast -----------------------------------------------------------------------------------
def test_broadcast_reaches_everyone_once_without_acknowledgements_or_replies() -> None:
    lan, (a, b, c) = _lan(3)
    lan.run(c, lambda: c.node.set_absence("不在"))
    sent = lan.run(a, lambda: a.node.broadcast_text("全体：五点开会"))
    lan.advance(10)
    assert sent == 2
    for host in (b, c):
        [message] = host.of(MessageReceived)
        assert (message.text, message.broadcast) == ("全体：五点开会", True)
    wire = [s.packet for s in lan.sent_by(a, Mode.SENDMSG)]
    assert len(wire) == 2  # no retry: nobody acknowledges a broadcast
    assert all(p.options & SendOpt.BROADCASTOPT for p in wire)
    assert not any(p.options & SendOpt.SENDCHECKOPT for p in wire)
    assert lan.sent_by(b, Mode.RECVMSG) == lan.sent_by(c, Mode.RECVMSG) == []
    assert _replies(a) == []  # nor auto-replied


def test_broadcast_skips_a_peer_that_cannot_read_the_text_and_says_so() -> None:
    node = MessengerNode(ME, NodeSettings(entry_answer_delay=0), seed=5)
    node.announce(now=0)
    node.receive(vector("ipmsg-br-entry-cp932.bin"), CP932_PEER, 0.5)
    node.set_encoding(CP932_PEER, "cp932")  # the user says this peer reads CP932 only
    node.take_actions()
    assert node.broadcast_text("中文🙂", now=1.0) == 0  # CP932 has no emoji
    [notice] = node.take_actions()
    assert isinstance(notice, Notice) and "was not sent to" in str(notice.text)


# --- per-peer encoding ---------------------------------------------------------------------------
def test_encoding_override_applies_to_names_messages_and_what_we_send() -> None:
    node = MessengerNode(ME, NodeSettings(entry_answer_delay=0), seed=5)
    node.announce(now=0)
    node.take_actions()
    peer_at = ("198.18.0.7", 2425)
    entry = "1:10:taro:PC:1:太郎\0営業\0".encode("cp932")
    joined = node.receive(entry, peer_at, 1.0)[0]
    assert isinstance(joined, PeerJoined)
    assert joined.peer.nickname != "太郎"  # read as CP936: mojibake
    [updated] = [a for a in (node.set_encoding(peer_at, "cp932"), node.take_actions())[1]]
    assert isinstance(updated, PeerUpdated) and updated.peer.encoding == "cp932"
    assert node.encoding_override(peer_at) == "cp932"
    assert [p.encoding for p in node.peers()] == ["cp932"]  # the roster says so at once

    again = node.receive(entry.replace(b":10:", b":11:"), peer_at, 2.0)
    peer = [a.peer for a in again if isinstance(a, PeerUpdated)][-1]
    assert (peer.nickname, peer.group, peer.name_replaced) == ("太郎", "営業", False)

    [received] = [
        a
        for a in node.receive("1:12:taro:PC:32:こんにちは\0".encode("cp932"), peer_at, 3.0)
        if isinstance(a, MessageReceived)
    ]
    assert received.text == "こんにちは" and not received.replaced

    node.send_text(peer.key, "ありがとう", now=4.0)
    [out] = [a for a in node.take_actions() if isinstance(a, Transmit)]
    assert parse_packet(out.datagram).extra == "ありがとう".encode("cp932") + b"\0"


def test_back_to_auto_restores_the_detected_encoding() -> None:
    node = MessengerNode(ME, NodeSettings(entry_answer_delay=0), seed=5)
    node.receive(vector("iptux-ansentry.bin"), ("198.18.0.8", 2425), 1.0)
    node.take_actions()
    node.set_encoding(("198.18.0.8", 2425), "gb18030")
    node.set_encoding(("198.18.0.8", 2425), None)
    [first, second] = node.take_actions()
    assert isinstance(first, PeerUpdated) and first.peer.encoding == "gb18030"
    assert isinstance(second, PeerUpdated) and second.peer.encoding == "utf-8"
    assert node.encoding_override(("198.18.0.8", 2425)) is None


def test_an_unknown_encoding_is_refused() -> None:
    node = MessengerNode(ME)
    with pytest.raises(InvalidField):
        node.set_encoding(("198.18.0.8", 2425), "klingon")


def test_an_away_update_keeps_the_encoding_chosen_for_the_peer() -> None:
    lan, (a, b) = _lan()
    lan.run(a, lambda: a.node.set_encoding(b.address, "gb18030"))
    lan.run(b, lambda: b.node.set_absence("外出"))
    lan.advance(1)
    last = [e.peer for e in a.of(PeerUpdated)][-1]
    assert (last.absence_text, last.encoding) == ("外出", "gb18030")


def test_one_of_several_recipients_is_marked_multicast_and_still_acknowledged() -> None:
    lan, (a, b, c) = _lan(3)
    for host in (b, c):
        lan.run(a, lambda h=host: a.node.send_text(a.key_of(h), "各位好", multicast=True))
    lan.advance(5)
    for host in (b, c):
        [message] = host.of(MessageReceived)
        assert (message.text, message.multicast, message.broadcast) == ("各位好", True, False)
    assert len(a.of(MessageDelivered)) == 2
    assert all(s.packet.options & SendOpt.MULTICASTOPT for s in lan.sent_by(a, Mode.SENDMSG))
