"""The roster's bounds: per address, in total, and on the size of what a peer calls itself."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.ipmsg import Identity, format_packet, parse_packet
from desktop.core.ipmsg import messages as m
from desktop.core.ipmsg.constants import Mode
from desktop.core.ipmsg.dialect import Dialect
from desktop.core.ipmsg.events import (
    MessageReceived,
    Notice,
    Peer,
    PeerJoined,
    PeerKey,
    PeerLeft,
    Transmit,
)
from desktop.core.ipmsg.node import MessengerNode
from desktop.core.ipmsg.roster import (
    MAX_NAME_CHARS,
    MAX_PEERS_PER_IP,
    STRANGER_WINDOW_S,
    Roster,
)

ATTACKER, NEIGHBOUR = "198.18.3.66", "198.18.3.7"


def _node() -> MessengerNode:
    node = MessengerNode(Identity("bob", "BOB-PC", "鲍勃"), seed=1)
    node.announce(now=0.0)
    node.take_actions()
    return node


def _entry(user: str, nickname: str, number: int = 7, group: str = "") -> bytes:
    return format_packet(m.entry(Identity(user, f"{user}-pc", nickname, group), number))


def _peer(ip: str, user: str, port: int = 2425) -> Peer:
    return Peer(PeerKey((ip, port), user, "pc"))


def test_fake_users_from_one_address_stop_at_the_cap_with_one_notice() -> None:
    node = _node()
    joined, notices = [], []
    for i in range(MAX_PEERS_PER_IP + 40):
        port = 40_000 + i % 8  # a flooder changes its source port freely
        for action in node.receive(_entry(f"fake{i}", f"假{i}"), (ATTACKER, port), 1.0 + i):
            if isinstance(action, PeerJoined):
                joined.append(action.peer.nickname)
            elif isinstance(action, Notice):
                notices.append(str(action.text))
    assert joined == [f"假{i}" for i in range(MAX_PEERS_PER_IP)]
    assert node.roster.refused == 40
    assert notices == [
        f"{ATTACKER} already has {MAX_PEERS_PER_IP} users in the list; "
        f"假{MAX_PEERS_PER_IP} ({ATTACKER}:40000) and others from there were not added."
    ]
    # Someone else is not crowded out, and the users already listed still update.
    actions = node.receive(_entry("amin", "阿明"), (NEIGHBOUR, 2425), 100.0)
    assert [a.peer.nickname for a in actions if isinstance(a, PeerJoined)] == ["阿明"]
    renamed = node.receive(_entry("fake0", "改名", number=9), (ATTACKER, 40_000), 101.0)
    assert [a for a in renamed if isinstance(a, PeerJoined)] == []
    assert "改名" in {p.nickname for p in node.peers()}


def test_a_user_leaving_makes_room_at_its_address() -> None:
    node = _node()
    for i in range(MAX_PEERS_PER_IP + 1):
        node.receive(_entry(f"u{i}", f"n{i}"), (ATTACKER, 2425), 1.0)
    assert len(node.roster) == MAX_PEERS_PER_IP
    exit_ = format_packet(m.exit_(Identity("u0", "u0-pc", "n0"), 50))
    assert any(isinstance(a, PeerLeft) for a in node.receive(exit_, (ATTACKER, 2425), 2.0))
    node.receive(_entry("late", "迟到"), (ATTACKER, 2425), 3.0)
    assert "迟到" in {p.nickname for p in node.peers()}


def test_the_total_cap_refuses_newcomers_and_keeps_who_was_there() -> None:
    roster = Roster(cap=3, per_ip=2)
    raw = ((NEIGHBOUR, 2425), b"u", b"h")
    for i, ip in enumerate(("198.18.4.1", "198.18.4.2", "198.18.4.3", "198.18.4.4")):
        roster.add(_peer(ip, f"u{i}"), raw, float(i))
    assert [p.key.user for p in roster] == ["u0", "u1", "u2"]
    assert roster.refused == 1
    refusal = roster.refusal(_peer("198.18.4.5", "x"))
    assert refusal is not None and str(refusal[1]).startswith("The list of users is full (3); ")
    assert roster.refusal(_peer("198.18.4.1", "u0")) is None  # listed: an update, not a newcomer


def test_peers_at_one_ip_on_several_ports_are_told_apart() -> None:
    roster = Roster()
    raw = ((NEIGHBOUR, 2425), b"u", b"h")
    roster.add(_peer(NEIGHBOUR, "a", 2425), raw, 0.0)
    roster.add(_peer(NEIGHBOUR, "b", 2426), raw, 0.0)
    assert [p.key.user for p in roster.at_address((NEIGHBOUR, 2426))] == ["b"]
    assert roster.at_address((ATTACKER, 2425)) == []


def test_huge_names_are_cut() -> None:
    node = _node()
    nickname, group = "长" * 5000, "组" * 2000
    actions = node.receive(_entry("u" * 2000, nickname, group=group), (NEIGHBOUR, 2425), 1.0)
    [peer] = [a.peer for a in actions if isinstance(a, PeerJoined)]
    for name in (peer.nickname, peer.group, peer.key.user):
        assert len(name) == MAX_NAME_CHARS and name.endswith("…")
    assert peer.nickname.startswith("长" * (MAX_NAME_CHARS - 1))
    huge_version = _entry("v", "版本").replace(b"1:", b"1_" + b"x" * 30_000 + b":", 1)
    actions = node.receive(huge_version, ("198.18.3.8", 2425), 2.0)
    [other] = [a.peer for a in actions if isinstance(a, PeerJoined)]
    assert len(other.version) == MAX_NAME_CHARS and len(other.client) < 2 * MAX_NAME_CHARS


_IPS = [f"198.18.5.{n}" for n in range(1, 5)]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.booleans(), st.sampled_from(_IPS), st.integers(0, 6)), min_size=1, max_size=80
    )
)
def test_bounds_and_the_address_index_hold_after_any_joins_and_leaves(
    steps: list[tuple[bool, str, int]],
) -> None:
    roster = Roster(cap=7, per_ip=3)
    for now, (join, ip, user) in enumerate(steps):
        peer = _peer(ip, f"u{user}")
        if join:
            roster.add(peer, ((ip, 2425), f"u{user}".encode(), b"pc"), float(now))
        else:
            roster.remove(peer.key)
        listed = list(roster)
        assert len(listed) <= 7
        for each in _IPS:
            here = [p for p in listed if p.address[0] == each]
            assert len(here) <= 3
            assert roster.at_address((each, 2425)) == here
            for user_no in range(7):  # the quick ack's look-up agrees with ``find``
                raw = ((each, 2425), f"u{user_no}".encode(), b"pc")
                assert (raw in roster.aliases) == (roster.find(*raw) is not None)


def _message(user: str, number: int) -> bytes:
    sender = Identity(user, f"{user}-pc")
    packet = m.send_msg(
        sender, number, to_dialect=Dialect.IPMSG, text=f"{user}:{number}", encoding="utf-8",
        peer_utf8=True,
    )  # fmt: skip
    return format_packet(packet)


def test_unannounced_senders_from_one_address_are_bounded_too() -> None:
    node = _node()
    node.receive(_entry("amin", "阿明"), (ATTACKER, 2425), 0.0)  # listed: never a stranger
    shown, acks, notices = [], 0, []

    def send(user: str, number: int, now: float, port: int = 0) -> None:
        nonlocal acks
        source = (ATTACKER, port or 40_000 + number)  # a flooder's ports vary
        for action in node.receive(_message(user, number), source, now):
            if isinstance(action, MessageReceived):
                shown.append(action.text)
            elif isinstance(action, Notice):
                notices.append(str(action.text))
            elif isinstance(action, Transmit):
                acks += parse_packet(action.datagram).mode == Mode.RECVMSG

    for i in range(MAX_PEERS_PER_IP + 5):
        send(f"s{i}", i + 1, 1.0 + i)
    assert shown == [f"s{i}:{i + 1}" for i in range(MAX_PEERS_PER_IP)]
    assert acks == MAX_PEERS_PER_IP  # the refused were not acknowledged either
    assert notices == [
        f"{ATTACKER} sent messages as more than {MAX_PEERS_PER_IP} different users who never "
        "announced themselves; the messages of the others were ignored."
    ]
    send("s0", 100, 50.0)  # a stranger already talking goes on
    send("amin", 101, 51.0, port=2425)  # and so does the listed user
    send("s99", 102, 52.0)
    assert shown[-2:] == ["s0:100", "amin:101"]
    send("s99", 103, 52.0 + STRANGER_WINDOW_S)  # the others fell silent long ago: room again
    assert shown[-1] == "s99:103"
    assert node.roster.refused == 6
