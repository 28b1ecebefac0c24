"""``MessengerNode.quick_ack``: the RECVMSG written from the raw datagram is exactly the one
``receive`` would send, given exactly when ``receive`` would give it (issue #15)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.ipmsg import Identity, format_packet, parse_packet
from desktop.core.ipmsg import messages as m
from desktop.core.ipmsg.constants import PACKET_NO_MAX, Mode, Opt, SendOpt
from desktop.core.ipmsg.dialect import Dialect
from desktop.core.ipmsg.events import Action, MessageReceived, Transmit
from desktop.core.ipmsg.node import MessengerNode
from desktop.core.ipmsg.node_settings import NodeSettings

PORT = 2425
PEER = ("198.18.0.2", PORT)
ME = Identity("me", "MY-PC", "我")
SENDER = Identity("bob", "BOB-PC", "鲍勃")

_OPTIONS = [
    SendOpt.SENDCHECKOPT,
    SendOpt.BROADCASTOPT,
    SendOpt.AUTORETOPT,
    SendOpt.SECRETOPT,
    SendOpt.READCHECKOPT,
    SendOpt.NOADDLISTOPT,
    Opt.ENCRYPTOPT,
    Opt.UTF8OPT,
]


@st.composite
def _datagrams(draw: st.DrawFn) -> tuple[bytes, tuple[str, int]]:
    """A message from the listed peer asking for a RECVMSG, as is or with one change: other
    options, another mode, a duplicate or odd number, a stranger, our own address, or a header
    the parser refuses."""
    fields = [b"1", b"%d" % draw(st.integers(7, 9)), b"bob", b"BOB-PC", b"%d" % 0x120]
    extra = b":" + "快信".encode() + b"\0"
    address = PEER
    change = draw(st.sampled_from(["none", "options", "mode", "number", "names", "version",
                                   "header", "address"]))  # fmt: skip
    if change == "options":
        chosen = draw(st.lists(st.sampled_from(_OPTIONS), max_size=3, unique=True))
        fields[4] = b"%d" % (Mode.SENDMSG | sum(chosen))
    elif change == "mode":
        fields[4] = b"%d" % (draw(st.sampled_from([Mode.RECVMSG, Mode.READMSG, 0xFB])) | 0x100)
    elif change == "number":
        fields[1] = draw(st.sampled_from([b"4294967295", b"4294967296", b"00000000009", b"0"]))
    elif change == "names":
        fields[2:4] = draw(
            st.sampled_from([(b"eve", b"EVE"), (b"ann", b"ANN"), (b"b\0b", b"BOB-PC"), (b"", b"")])
        )
    elif change == "version":
        fields[0] = draw(st.sampled_from([b"1_lbt6_0#128#", b"99", b"1\0", b""]))
    elif change == "header":
        where = draw(st.sampled_from([1, 4]))
        odd = [b"12a", b"", b" 7", b"0" * 11 + b"7", b"+7", b"%d" % (2**32 + 0x120)]
        fields[where] = draw(st.sampled_from(odd))
        extra = draw(st.sampled_from([extra, b"", b"\0"]))
    elif change == "address":
        address = draw(st.sampled_from([("198.18.0.3", PORT), ("198.18.0.1", PORT)]))
    return b":".join(fields) + extra, address


def _node(me: Identity, seed: int) -> MessengerNode:
    ours = frozenset({"198.18.0.1"})
    targets = (("198.18.0.255", PORT),)
    settings = NodeSettings(port=PORT, targets=targets, local_addresses=ours)
    node = MessengerNode(me, settings, seed=seed)
    node.roster.per_ip = 2  # a second stranger at the peer's address is refused (not acknowledged)
    node.announce(now=0.0)  # present: a wrap of the packet numbers announces again
    node.receive(format_packet(m.entry(SENDER, 5)), PEER, 0.0)
    node.take_actions()
    return node


@settings(max_examples=300, deadline=None)
@given(
    datagrams=st.lists(_datagrams(), min_size=1, max_size=6),
    me=st.sampled_from(
        [ME, Identity("a%d%%b", "P%s", "百分", legacy_encoding="utf-8"), Identity("张三", "电脑")]
    ),
    seed=st.sampled_from([1_000, PACKET_NO_MAX - 1]),
)
def test_quick_ack_then_receive_acts_exactly_as_receive_alone(
    datagrams: list[tuple[bytes, tuple[str, int]]], me: Identity, seed: int
) -> None:
    """Same actions, same order, same bytes: quick RECVMSGs, duplicates, refusals, wraps."""
    alone, quick = _node(me, seed), _node(me, seed)
    for datagram, address in datagrams:
        expected = alone.receive(datagram, address, 1.0)
        ack = quick.quick_ack(datagram, address)
        got: list[Action] = [] if ack is None else [Transmit(ack, address)]
        got += quick.receive(datagram, address, 1.0, acked=ack is not None)
        assert got == expected


def test_a_listed_peers_message_is_answered_at_once_and_shown_once() -> None:
    node = _node(ME, 1_000)
    message = m.send_msg(SENDER, 9, to_dialect=Dialect.IPMSG, text="快", encoding="utf-8")
    datagram = format_packet(message)
    ack = node.quick_ack(datagram, PEER)
    assert ack is not None
    number = parse_packet(ack).packet_no
    assert ack == format_packet(m.recv_msg(ME, number, 9))
    assert [type(a) for a in node.receive(datagram, PEER, 1.0, acked=True)] == [MessageReceived]
    again = node.quick_ack(datagram, PEER)  # a duplicate: acknowledged again, not shown again
    assert again == format_packet(m.recv_msg(ME, number + 1, 9))
    assert node.receive(datagram, PEER, 1.1, acked=True) == []


def test_what_must_not_be_acknowledged_gets_no_quick_answer() -> None:
    node = _node(ME, 1_000)

    def message(options: int, sender: Identity = SENDER) -> bytes:
        packet = m.send_msg(sender, 9, to_dialect=Dialect.IPMSG, text="快", encoding="utf-8")
        command = packet.command & ~SendOpt.SENDCHECKOPT | options
        return format_packet(replace(packet, command=command))

    assert node.quick_ack(message(SendOpt.SENDCHECKOPT), PEER) is not None
    for options in (
        SendOpt.SENDCHECKOPT | SendOpt.BROADCASTOPT,
        SendOpt.SENDCHECKOPT | SendOpt.AUTORETOPT,
        SendOpt.SENDCHECKOPT | Opt.ENCRYPTOPT,
        0,
    ):
        assert node.quick_ack(message(options), PEER) is None
    assert node.quick_ack(message(SendOpt.SENDCHECKOPT, Identity("eve", "EVE")), PEER) is None
    assert node.quick_ack(message(SendOpt.SENDCHECKOPT), ("198.18.0.9", PORT)) is None
