"""Offers in the node: received lists decoded into ``Offer``, ``send_files``, RELEASEFILES."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.ipmsg import Identity, InvalidField, MalformedPacket, parse_packet
from desktop.core.ipmsg.constants import Mode, Opt, SendOpt
from desktop.core.ipmsg.events import (
    FilesOffered,
    MessageDelivered,
    MessageReceived,
    Notice,
    OfferReleased,
    Peer,
    PeerKey,
    Transmit,
)
from desktop.core.ipmsg.node import MessengerNode
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg.offer_codec import UnencodableName, offer_list, read_offer
from desktop.core.ipmsg.offers import Offer, OfferedFile
from desktop.core.ipmsg.packet import Packet
from tests.core.ipmsg.memory_lan import MemoryLan
from tests.core.ipmsg.vectors import DATA, vector

PEER = Peer(PeerKey(("198.18.0.9", 2425), "lee", "LEE-PC"))
FEIQ_VERSION = b"1_lbt6_0#128#001EC958856C#0#0#0#2.5a"
GBK_NAMES = "报告.txt".encode("gbk")


def _sendmsg(tail: bytes, *, options: int = 0, body: bytes = b"", version: bytes = b"1") -> Packet:
    command = Mode.SENDMSG | SendOpt.SENDCHECKOPT | Opt.FILEATTACHOPT | options
    return Packet(version, 77, b"lee", b"LEE-PC", int(command), body + b"\0" + tail)


F = OfferedFile

# (what follows the body's NUL, packet options, encoding of the text, the files read)
TABLE = [
    pytest.param(  # IPMsg 4.x example as printed (§3.1), plain '\a' separators
        b"1234567:report.txt:1f4:5e8f1a2b:1:\a1234568:photos:0:5e8f1a2b:2:\a\0",
        0,
        "cp936",
        (F(1234567, "report.txt", 500, 0x5E8F1A2B), F(1234568, "photos", 0, 0x5E8F1A2B, True)),
        id="ipmsg-two-entries",
    ),
    pytest.param(  # iptux LIVE: '::' escape, '\a:' separator, mtime 0, a folder (§3.1)
        b"10001:a::b.txt:c:0:1:\a:10002:subdir:bbe:0:2:\a\0",
        0,
        "utf-8",
        (F(10001, "a:b.txt", 12, 0), F(10002, "subdir", 0xBBE, 0, True)),
        id="iptux-escape-bel-colon-mtime0",
    ),
    pytest.param(  # FeiQ: GBK names, no flag
        b"5:" + GBK_NAMES + b":400:0:1:\a6:" + "资料".encode("gbk") + b":0:0:2:\a",
        0,
        "gbk",
        (F(5, "报告.txt", 1024, 0), F(6, "资料", 0, 0, True)),
        id="feiq-gbk",
    ),
    pytest.param(  # IPMsg with UTF8OPT: UTF-8 names, extended attributes kept out of the way
        b"9:" + "レポート.txt".encode() + b":10:65000000:1:14=65000000:16=0:\a",
        Opt.UTF8OPT,
        "utf-8",
        (F(9, "レポート.txt", 16, 0x65000000),),
        id="ipmsg-utf8-extattrs",
    ),
    pytest.param(  # iptux's own unit test (CommandTest.cpp), twice: '\a:' then '\a:'
        b"0:bashrc:ffffffffffffffff:0:1:\a:0:bashrc:ffffffffffffffff:0:1:\a:",
        0,
        "utf-8",
        (F(0, "bashrc", 2**64 - 1, 0), F(0, "bashrc", 2**64 - 1, 0)),
        id="iptux-unit-test-twice",
    ),
    pytest.param(  # a symbolic link and an inline image are left out, as IPMsg and iptux do
        b"1:link:0:0:4:\a2:img.png:10:0:20:\a3:kept:1:0:101:\a",
        0,
        "utf-8",
        (F(3, "kept", 1, 0),),
        id="other-types-left-out",
    ),
    pytest.param(  # names ending in an escaped colon; a missing final '\a'
        b"7:x:::1:0:1:\a8:y:2:0:1",
        0,
        "utf-8",
        (F(7, "x:", 1, 0), F(8, "y", 2, 0)),
        id="colon-at-end-no-final-bel",
    ),
    pytest.param(  # after the list's NUL, something else (a recipient list) is not an entry
        b"1:a:1:0:1:\a\0TO:User1:Host1\aUser2:Host2\0",
        0,
        "utf-8",
        (F(1, "a", 1, 0),),
        id="stops-at-nul",
    ),
]


@pytest.mark.parametrize(("tail", "options", "encoding", "files"), TABLE)
def test_offer_table(
    tail: bytes, options: int, encoding: str, files: tuple[OfferedFile, ...]
) -> None:
    offer = read_offer(_sendmsg(tail, options=options), PEER, encoding)
    assert offer.files == files
    assert (offer.peer, offer.packet_no) == (PEER, 77)
    assert offer.utf8 is bool(options & Opt.UTF8OPT)
    assert offer.encoding == ("utf-8" if options & Opt.UTF8OPT else encoding)


def test_iptux_unit_test_vector_file() -> None:
    """The list of iptux's CommandTest.cpp, stored as it is (tests/data/ipmsg/README.md)."""
    tail = (DATA / "attachlist-iptux-commandtest.lst").read_bytes()
    (file,) = read_offer(_sendmsg(tail), PEER, "utf-8").files
    assert (file.file_id, file.name, file.size, file.is_folder) == (0, "bashrc", 2**64 - 1, False)
    # iptux's test: the same entry with attr 0 gives no file; here, the codec's own error
    with pytest.raises(MalformedPacket):
        read_offer(_sendmsg(tail.replace(b":1:\a", b":0:\a")), PEER, "utf-8")


@pytest.mark.parametrize(
    "tail", [b"", b"\0", b"x:a:1:0:1:\a", b"1:a:zz:0:1:\a", b"1::1:0:1:\a", b"1:a:1:0:3:\a"]
)
def test_unreadable_lists_are_the_codecs_error(tail: bytes) -> None:
    with pytest.raises(MalformedPacket):
        read_offer(_sendmsg(tail), PEER, "utf-8")


@given(st.binary(max_size=300), st.sampled_from(["utf-8", "gbk", "cp932", "latin-1"]))
def test_any_bytes_after_the_nul_give_an_offer_or_the_codecs_error(
    tail: bytes, encoding: str
) -> None:
    try:
        offer = read_offer(_sendmsg(tail), PEER, encoding)
    except MalformedPacket:
        return
    assert offer.files and all(f.name and f.size >= 0 for f in offer.files)


_NAMES = st.text(
    st.characters(codec="gbk", exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1
).filter(lambda name: name.isprintable())


@given(
    st.lists(
        st.builds(
            OfferedFile,
            file_id=st.integers(0, 2**31 - 1),
            name=_NAMES,
            size=st.integers(0, 2**64 - 1),
            mtime=st.integers(0, 2**32 - 1),
            is_folder=st.booleans(),
        ),
        min_size=1,
        max_size=5,
    ),
    st.sampled_from(["gbk", "utf-8"]),
)
def test_offer_list_reads_back_with_colons_replaced(files: list[OfferedFile], enc: str) -> None:
    offer = read_offer(_sendmsg(offer_list(files, enc)), PEER, enc)
    assert offer.files == tuple(
        F(f.file_id, f.name.replace(":", ";"), f.size, f.mtime, f.is_folder) for f in files
    )


def test_offer_list_refuses_what_cannot_be_written() -> None:
    with pytest.raises(UnencodableName) as caught:
        offer_list([F(1, "ok.txt", 1), F(2, "かな.txt", 1)], "latin-1")
    error = caught.value
    assert (error.name, error.encoding, error.char) == ("かな.txt", "latin-1", "か")
    assert isinstance(error, InvalidField)
    assert str(error) == (
        "Cannot offer かな.txt: its name has 'か', which the peer's encoding latin-1 cannot "
        "write; "
        "rename it, or choose another encoding for this peer."
    )
    for bad in ([], [F(1, "", 1)], [F(1, "a\ab", 1)], [F(1, "a\nb", 1)], [F(-1, "a", 1)]):
        with pytest.raises(InvalidField):
            offer_list(bad, "utf-8")
    with pytest.raises(InvalidField):
        offer_list([F(1, "a", 1)], "utf-16")  # writes NUL bytes into the name


# --- the node: receiving ------------------------------------------------------------------------

ME = Identity("bob", "BOB-PC", "鲍勃")
FROM = ("198.18.0.9", 2425)


def _node() -> MessengerNode:
    node = MessengerNode(ME, NodeSettings(entry_answer_delay=0), seed=100)
    node.announce(now=0)
    node.take_actions()
    return node


def _received(actions: list[object]) -> MessageReceived:
    [message] = [a for a in actions if isinstance(a, MessageReceived)]
    return message


def test_feiq_offer_in_gbk_reaches_the_message() -> None:
    body = "给你{/font;-16 0 0 0 400 0 0 0 134 0 0 2 32 宋体 0;}".encode("gbk")
    tail = b"5:" + GBK_NAMES + b":400:0:1:\a:6:" + "资料".encode("gbk") + b":0:0:2:\a\0"
    datagram = _wire(_sendmsg(tail, body=body, version=FEIQ_VERSION))
    message = _received(_node().receive(datagram, FROM, 1.0))
    assert message.text == "给你"
    assert message.offer == Offer(
        message.peer, 77, (F(5, "报告.txt", 1024), F(6, "资料", 0, 0, True)), encoding="gb18030"
    )
    assert message.attachments == ("报告.txt", "资料")  # the names stay derivable


@pytest.mark.parametrize("name", ["ipmsg-sendmsg-attach.bin", "iptux-attach.bin"])
def test_vector_offers_reach_the_message(name: str) -> None:
    message = _received(_node().receive(vector(name), FROM, 1.0))
    assert message.offer is not None and message.offer.packet_no == message.packet_no
    assert [f.is_folder for f in message.offer.files] == [False, True]


def test_iptux_offer_in_the_encoding_chosen_for_it() -> None:
    node = _node()
    node.set_encoding(FROM, "gbk")
    node.take_actions()
    datagram = _wire(_sendmsg(b"1:" + GBK_NAMES + b":1:0:1:\a\0", version=b"1_iptux 0.8.3"))
    message = _received(node.receive(datagram, FROM, 1.0))
    assert message.offer is not None
    assert (message.offer.files[0].name, message.offer.encoding) == ("报告.txt", "gbk")


def test_unreadable_offer_still_shows_the_message_with_a_notice() -> None:
    datagram = _wire(_sendmsg(b"x:broken\a", body=b"see attached"))
    actions = _node().receive(datagram, FROM, 1.0)
    message = _received(actions)
    assert (message.text, message.offer, message.attachments) == ("see attached", None, ())
    [notice] = [a for a in actions if isinstance(a, Notice)]
    assert "offered files, but the list of them cannot be read" in str(notice.text)
    assert any(isinstance(a, Transmit) and b":33:77\0" in a.datagram for a in actions)  # ACKed


# --- the node: offering and releasing ------------------------------------------------------------


def _wire(packet: Packet) -> bytes:
    return b"%s:%d:%s:%s:%d:%s" % (
        packet.version,
        packet.packet_no,
        packet.user,
        packet.host,
        packet.command,
        packet.extra,
    )


def test_entries_advertise_fileattachopt() -> None:
    node = MessengerNode(ME, NodeSettings(targets=(FROM,)), seed=1)
    node.announce(now=0)
    entries = [parse_packet(a.datagram) for a in node.take_actions() if isinstance(a, Transmit)]
    assert any(p.mode == Mode.BR_ENTRY and p.options & Opt.FILEATTACHOPT for p in entries)


def test_send_files_to_feiq_in_gbk_with_colons_replaced_acked_like_a_message() -> None:
    node = _node()
    node.receive(vector("feiq-br-entry-2x.bin"), FROM, 1.0)  # a GBK FeiQ peer
    [peer] = node.peers()
    files = [F(1, "报告:终稿.txt", 1024, 0x5E8F1A2B), F(2, "资料", 4096, 0, True)]
    message_id = node.send_files(peer.key, files, "给你", now=2.0)
    offered, transmit = node.take_actions()
    assert isinstance(offered, FilesOffered) and isinstance(transmit, Transmit)
    packet = parse_packet(transmit.datagram)
    assert offered.message_id == message_id and offered.offer.packet_no == packet.packet_no
    assert offered.offer.files == (
        F(1, "报告;终稿.txt", 1024, 0x5E8F1A2B),
        F(2, "资料", 4096, 0, True),
    )
    assert packet.mode == Mode.SENDMSG
    assert packet.options & (SendOpt.SENDCHECKOPT | Opt.FILEATTACHOPT) == (
        SendOpt.SENDCHECKOPT | Opt.FILEATTACHOPT
    )
    assert not packet.options & Opt.UTF8OPT
    listing = "1:报告;终稿.txt:400:5e8f1a2b:1:\a2:资料:1000:0:2:\a\0"
    assert packet.extra == "给你".encode("gbk") + b"\0" + listing.encode("gbk")
    retry = node.tick(2.75)
    assert retry == [Transmit(transmit.datagram, peer.address)]  # the same packet number
    ack = b"1_lbt6_0#128#001EC958856C#0#0#0:9:lee:LEE-PC:33:%d\0" % packet.packet_no
    assert MessageDelivered(message_id) in node.receive(ack, FROM, 3.0)


def test_send_files_behind_a_waiting_message_is_numbered_when_it_leaves() -> None:
    lan = MemoryLan()
    a, b = lan.add("198.18.0.1", "阿明", ""), lan.add("198.18.0.2", "鲍勃", "")
    for host in (a, b):
        lan.run(host, host.node.announce)
    lan.advance(5)
    lan.drop = lambda sent: sent.packet.mode == Mode.RECVMSG
    lan.run(a, lambda: a.node.send_text(a.key_of(b), "先"))
    message_id = lan.run(a, lambda: a.node.send_files(a.key_of(b), [F(3, "文件.txt", 5)]))
    assert a.of(FilesOffered) == []  # it waits for the text before it
    lan.drop = lambda sent: False
    lan.advance(0.75)
    [offered] = a.of(FilesOffered)
    sent = lan.sent_by(a, Mode.SENDMSG)[-1]
    assert (offered.message_id, offered.offer.packet_no) == (message_id, sent.packet.packet_no)
    assert sent.packet.options & Opt.UTF8OPT and offered.offer.utf8  # both speak UTF-8
    [_, received] = b.of(MessageReceived)
    assert received.offer is not None and received.offer.files == (F(3, "文件.txt", 5),)
    assert MessageDelivered(message_id) in a.of(MessageDelivered)


def test_unencodable_name_is_refused_before_anything_is_sent() -> None:
    node = _node()
    node.receive(vector("feiq-br-entry-2x.bin"), FROM, 1.0)
    node.set_encoding(FROM, "latin-1")  # chosen by the user for this peer
    node.take_actions()
    [peer] = node.peers()
    with pytest.raises(UnencodableName):
        node.send_files(peer.key, [F(1, "报告.txt", 1)])
    assert node.take_actions() == [] and node.pending == 0


def test_release_files_both_ways() -> None:
    lan = MemoryLan()
    a, b = lan.add("198.18.0.1", "阿明", ""), lan.add("198.18.0.2", "鲍勃", "")
    for host in (a, b):
        lan.run(host, host.node.announce)
    lan.advance(5)
    lan.run(a, lambda: a.node.send_files(a.key_of(b), [F(1, "a.txt", 1)]))
    [received] = b.of(MessageReceived)
    assert received.offer is not None
    lan.run(b, lambda: b.node.release_files(received.peer.key, received.offer.packet_no))  # type: ignore[union-attr]
    [release] = lan.sent_by(b, Mode.RELEASEFILES)
    assert release.packet.extra == b"%d\0" % received.packet_no  # decimal (§1.4)
    [released] = a.of(OfferReleased)
    assert released.packet_no == a.of(FilesOffered)[0].offer.packet_no
    assert released.peer.nickname == "鲍勃"
