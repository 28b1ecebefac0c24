from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.ipmsg import (
    InvalidField,
    MalformedPacket,
    Packet,
    PacketNumbers,
    format_packet,
    parse_packet,
)
from desktop.core.ipmsg.attachments import FileOffer, format_file_offers
from desktop.core.ipmsg.constants import (
    MAX_DATAGRAM,
    PACKET_NO_MAX,
    UINT32_MAX,
    Command,
    Mode,
    Opt,
)
from desktop.core.sentence import Sentence
from tests.core.ipmsg.vectors import ALL, DATAGRAMS, vector


def _parse_or_malformed(data: bytes) -> Packet | None:
    try:
        return parse_packet(data)
    except MalformedPacket:
        return None


# --- whole datagrams ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"1:1:u:h:32:hi\0", Packet(b"1", 1, b"u", b"h", 32, b"hi\0")),
        (b"1:1:u:h:32:hi", Packet(b"1", 1, b"u", b"h", 32, b"hi")),  # no NUL (IPMsg BR_*)
        (b"1:1:u:h:32:hi\0\0\0", Packet(b"1", 1, b"u", b"h", 32, b"hi\0\0\0")),  # iptux NULs
        (b"1:1:u:h:1", Packet(b"1", 1, b"u", b"h", 1, b"")),  # no extra field at all
        (b"1:1:u:h:1\0", Packet(b"1", 1, b"u", b"h", 1, b"")),  # only the C string's end
        (b"1:1:u:h:1:", Packet(b"1", 1, b"u", b"h", 1, b"")),
        (b"1:7:u:h:32:a:b::c\0", Packet(b"1", 7, b"u", b"h", 32, b"a:b::c\0")),  # ':' in extra
        (b"1:1:u:h:238:x", Packet(b"1", 1, b"u", b"h", 238, b"x")),  # unknown mode: kept
        (b"1:1::h:32:x\0", Packet(b"1", 1, b"", b"h", 32, b"x\0")),  # empty user: kept as is
        (b"1:0:u:h:0:", Packet(b"1", 0, b"u", b"h", 0, b"")),  # 0 is a number, if a bad one
        (
            b"1:4294967295:u:h:4294967295:",
            Packet(b"1", UINT32_MAX, b"u", b"h", UINT32_MAX, b""),
        ),
        (b"001:1:u:h:1:", Packet(b"001", 1, b"u", b"h", 1, b"")),  # any version is taken
        (
            b"1_iptux 0.8.3:2:root:vm:259:n\0g\0",
            Packet(b"1_iptux 0.8.3", 2, b"root", b"vm", 259, b"n\0g\0"),
        ),
        (b"1_iptux_0#5#2:2:edu:edu:32:x", Packet(b"1_iptux_0#5#2", 2, b"edu", b"edu", 32, b"x")),
        (b"1@shiyeline:9:z:Z:1:n\0", Packet(b"1@shiyeline", 9, b"z", b"Z", 1, b"n\0")),
        (
            b"1_lbt6_0#128#001EC958856C#0#0#0#4001#9:5:Lee:LEE-PC:6291457:Lee\0\0",
            Packet(
                b"1_lbt6_0#128#001EC958856C#0#0#0#4001#9",
                5,
                b"Lee",
                b"LEE-PC",
                Command.FEIQ_BR_ENTRY,
                b"Lee\0\0",
            ),
        ),
    ],
)
def test_parse_table(data: bytes, expected: Packet | None) -> None:
    assert _parse_or_malformed(data) == expected


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"hello",
        b"1:2:3:4",  # four fields
        b"1:abc:u:h:32:",
        b"1::u:h:32:",
        b"1:-1:u:h:32:",
        b"1: 1:u:h:32:",
        b"1:+1:u:h:32:",
        b"1:1_0:u:h:32:",
        b"1:4294967296:u:h:32:",
        b"1:" + b"9" * 5000 + b":u:h:32:",  # int() would raise ValueError past 4300 digits
        b"1:1:u:h:4294967296:",
        b"1:1:u:h:0x20:",
        b"1:1:u:h::x",
        b"1:1:u:h:32 :x",
        b"1:1:u\0:h:32:",
        b"1:1:u:h\0:32:",
        b"1\0:1:u:h:32:",
        b"1:1:u:h:32\0\0x",  # five fields: only NULs may follow the command
        "1:1:用户:主机:三十二:".encode(),
    ],
)
def test_malformed_table(data: bytes) -> None:
    with pytest.raises(MalformedPacket) as caught:
        parse_packet(data)
    assert str(caught.value).startswith("Received an IP Messenger packet that cannot be read: ")
    # The reason is shown in the Messenger (a notice): a marked template, translated there.
    reason = caught.value.reason
    assert isinstance(reason, Sentence) and reason.template.startswith("it")


@pytest.mark.parametrize("name", ALL)
def test_every_vector_parses_and_formats_back_byte_for_byte(name: str) -> None:
    data = vector(name)
    assert format_packet(parse_packet(data)) == data


@pytest.mark.parametrize("name", DATAGRAMS)
def test_every_prefix_of_a_vector_is_a_packet_or_malformed(name: str) -> None:
    """The datagram equivalent of feeding a stream byte by byte: a datagram cut anywhere."""
    data = vector(name)
    for end in range(len(data) + 1):
        packet = _parse_or_malformed(data[:end])
        if data[:end].count(b":") < 4:
            assert packet is None


@pytest.mark.parametrize("name", DATAGRAMS)
def test_trailing_nuls_and_junk_land_in_the_extra(name: str) -> None:
    data = vector(name)
    packet = parse_packet(data)
    assert parse_packet(data + b"\0\0") == Packet(
        packet.version,
        packet.packet_no,
        packet.user,
        packet.host,
        packet.command,
        packet.extra + b"\0\0",
    )
    junk = parse_packet(data + b"\0junk:with:colons\a\0")
    assert junk.extra.startswith(packet.extra)


LESSON = "99:12345:lajos:windows:32:您好，欢迎进入飞秋".encode("gbk")
assert vector("lesson-version-99.bin") == LESSON


@pytest.mark.parametrize(
    ("data", "version"),
    [
        (b"2:1:u:h:32:", b"2"),
        (b"10:1:u:h:32:", b"10"),  # IPMsg's atoi() gives 10 and drops it; iptux takes it
        (b":1:u:h:32:", b""),
        # iptux before the 1_ prefix (its own unit test, UdpDataTest.cpp SomeoneEntry)
        (b"iptux 0.8.0:1:lidaobing:lidaobing.lan:257:lidaobing", b"iptux 0.8.0"),
        (LESSON, b"99"),  # the lesson's datagram (issue #13)
    ],
)
def test_any_version_is_accepted_on_receipt(data: bytes, version: bytes) -> None:
    packet = parse_packet(data)
    assert packet.version == version
    assert packet.packet_no >= 1


def test_the_lessons_datagram() -> None:
    packet = parse_packet(LESSON)
    assert (packet.packet_no, packet.user, packet.host) == (12345, b"lajos", b"windows")
    assert packet.mode == Mode.SENDMSG and packet.options == 0
    assert packet.extra.decode("gbk") == "您好，欢迎进入飞秋"


def test_64_kib_datagrams() -> None:
    big = b"1:1:u:h:32:" + b"x" * (MAX_DATAGRAM - 12) + b"\0"
    assert len(big) == MAX_DATAGRAM
    assert parse_packet(big).extra.endswith(b"x\0")
    with pytest.raises(MalformedPacket):
        parse_packet(big + b"\0")
    with pytest.raises(MalformedPacket):
        parse_packet(b"\xff" * MAX_DATAGRAM)
    with pytest.raises(MalformedPacket):
        parse_packet(b":" * MAX_DATAGRAM)  # empty packet number


def test_mode_and_options() -> None:
    packet = parse_packet(b"1:1:u:h:6291457:x")
    assert packet.mode == Mode.BR_ENTRY
    assert packet.options == Opt.FILEATTACHOPT | Opt.ENCRYPTOPT


# --- formatting -------------------------------------------------------------------------------

_OK = Packet(b"1", 1, b"u", b"h", Mode.SENDMSG, b"hi\0")


@pytest.mark.parametrize(
    ("packet", "field"),
    [
        (Packet(b"", 1, b"u", b"h", 0, b""), "version"),
        (Packet(b"2", 1, b"u", b"h", 0, b""), "version"),
        (Packet(b"10", 1, b"u", b"h", 0, b""), "version"),
        (Packet(b"1:x", 1, b"u", b"h", 0, b""), "version"),
        (Packet(b"1_a\0", 1, b"u", b"h", 0, b""), "version"),
        (Packet(b"1", 1, b"", b"h", 0, b""), "user"),
        (Packet(b"1", 1, b"a:b", b"h", 0, b""), "user"),
        (Packet(b"1", 1, b"a\0", b"h", 0, b""), "user"),
        (Packet(b"1", 1, b"u", b"", 0, b""), "host"),
        (Packet(b"1", 1, b"u", b"h:2", 0, b""), "host"),
        (Packet(b"1", 0, b"u", b"h", 0, b""), "packet number"),
        (Packet(b"1", PACKET_NO_MAX + 1, b"u", b"h", 0, b""), "packet number"),
        (Packet(b"1", -5, b"u", b"h", 0, b""), "packet number"),
        (Packet(b"1", 1, b"u", b"h", UINT32_MAX + 1, b""), "command"),
        (Packet(b"1", 1, b"u", b"h", -1, b""), "command"),
        (Packet(b"1", 1, b"u", b"h", Mode.SENDMSG, b"hi"), "extra"),
        (Packet(b"1", 1, b"u", b"h", Mode.SENDINFO, b"Ver4"), "extra"),
        (Packet(b"1", 1, b"u", b"h", Mode.SENDABSENCEINFO, b""), "extra"),
        (Packet(b"1", 1, b"u", b"h", Mode.BR_ENTRY, b"nick"), "extra"),
        (Packet(b"1", 1, b"u", b"h", Mode.ANSENTRY, b""), "extra"),
        (Packet(b"1", 1, b"u", b"h", Mode.RECVMSG, b"12"), "extra"),
        (Packet(b"1", 1, b"u", b"h", Mode.RECVMSG, b"x\0"), "extra"),
        (Packet(b"1", 1, b"u", b"h", Mode.READMSG, b"\0"), "extra"),
        (Packet(b"1", 1, b"u", b"h", Mode.RELEASEFILES, b"1\0\0"), "extra"),
        (Packet(b"1", 1, b"u", b"h", Command.IPTUX_ATTACH_MSG, b"\0"), "attachment list"),
        (
            Packet(b"1", 1, b"u", b"h", Command.IPTUX_ATTACH_MSG, b"\0x:y:1:2:3:\a"),
            "attachment list",
        ),
        (Packet(b"1", 1, b"u", b"h", Mode.SENDMSG, b"x" * 65500 + b"\0"), "packet"),
    ],
)
def test_format_refuses(packet: Packet, field: str) -> None:
    with pytest.raises(InvalidField) as caught:
        format_packet(packet)
    assert caught.value.field == field
    assert str(caught.value).startswith("Cannot send the IP Messenger packet: the ")


@pytest.mark.parametrize(
    ("packet", "data"),
    [
        (_OK, b"1:1:u:h:32:hi\0"),
        (Packet(b"1", PACKET_NO_MAX, b"u", b"h", 0, b""), b"1:2147483647:u:h:0:"),
        (Packet(b"1_x", 3, b"u", b"h", Mode.FEIQ_KNOCK, b"."), b"1_x:3:u:h:209:."),
        (
            Packet(b"1", 3, b"u", b"h", Command.FEIQ_ENCRYPTED_MSG, b"20002:ab:cd"),
            b"1:3:u:h:4194592:20002:ab:cd",
        ),
        (Packet(b"1", 3, b"u", b"h", Mode.RECVMSG, b"4294967295\0"), b"1:3:u:h:33:4294967295\0"),
        (Packet(b"1", 3, b"u", b"h", Mode.BR_EXIT, b"\0"), b"1:3:u:h:2:\0"),
    ],
)
def test_format_table(packet: Packet, data: bytes) -> None:
    assert format_packet(packet) == data


def test_attachment_message_round_trips() -> None:
    offers = format_file_offers([FileOffer(10001, b"a.txt", 12, 0, 1)])
    packet = Packet(b"1", 2, b"u", b"h", Command.IPTUX_ATTACH_MSG | 0x100, b"\0" + offers + b"\0")
    assert format_packet(packet) == b"1:2:u:h:2097440:\x0010001:a.txt:c:0:1:\a\0"
    assert parse_packet(format_packet(packet)) == packet


# --- properties -------------------------------------------------------------------------------


@given(st.binary(max_size=MAX_DATAGRAM))
def test_any_bytes_give_a_packet_or_malformed(data: bytes) -> None:
    _parse_or_malformed(data)


@given(st.integers(0, MAX_DATAGRAM + 1), st.integers(0, 2**32))
def test_any_long_random_datagram_gives_a_packet_or_malformed(size: int, seed: int) -> None:
    _parse_or_malformed(random.Random(seed).randbytes(size))


_PIECES = st.sampled_from(
    [b":", b"\0", b"1", b"_lbt6_0#128#", b"9" * 11, b"32", b"288", b"-", b" ", b"\xff", b"\a"]
)


@given(st.lists(_PIECES, max_size=40).map(b"".join))
def test_header_like_bytes_give_a_packet_or_malformed(data: bytes) -> None:
    _parse_or_malformed(data)


_NAME = st.binary(min_size=1, max_size=24).map(lambda b: b.replace(b":", b";").replace(b"\0", b"_"))
_NO_NUL = st.binary(max_size=64).map(lambda b: b.replace(b"\0", b" "))
_VERSION = st.sampled_from(
    [b"1", b"1_lbt6_0#128#001EC958856C#0#0#0#4001#9", b"1_iptux 0.8.3", b"1@shiyeline"]
) | _NAME.map(lambda b: b"1_" + b)
_COMMAND = (
    st.integers(0, UINT32_MAX)
    | st.sampled_from(list(Command))
    | st.builds(lambda m, o: m | o << 8, st.sampled_from(list(Mode)), st.integers(0, 0xFFFFFF))
)
_OFFER = st.builds(
    FileOffer,
    file_id=st.integers(0, PACKET_NO_MAX),
    name=_NAME.map(lambda b: b.replace(b"\a", b"_")),
    size=st.integers(0, 2**64 - 1),
    mtime=st.integers(0, 2**32),
    attr=st.integers(0, 0xFFFF),
    extended=st.lists(st.sampled_from([b"14=5e8f1a2b", b"16=0", b"8=3"]), max_size=2).map(tuple),
)


@st.composite
def _valid_packets(draw: st.DrawFn) -> Packet:
    command = draw(_COMMAND)
    mode, tail = command & 0xFF, draw(st.binary(max_size=64))
    if mode in (Mode.SENDMSG, Mode.SENDINFO, Mode.SENDABSENCEINFO) and not (
        mode == Mode.SENDMSG and command & Opt.ENCRYPTOPT
    ):
        if mode == Mode.SENDMSG and command & Opt.FILEATTACHOPT:
            offers = format_file_offers(draw(st.lists(_OFFER, min_size=1, max_size=3)))
            tail = offers + draw(st.sampled_from([b"", b"\0"]))
        extra = draw(_NO_NUL) + b"\0" + tail
    elif mode in (Mode.BR_ENTRY, Mode.BR_EXIT, Mode.ANSENTRY, Mode.BR_ABSENCE):
        extra = draw(_NO_NUL) + b"\0" + tail
    elif mode in (Mode.RECVMSG, Mode.READMSG, Mode.ANSREADMSG, Mode.RELEASEFILES):
        extra = b"%d\0" % draw(st.integers(0, 9_999_999_999))
    else:
        extra = draw(st.binary(max_size=200))
    return Packet(
        draw(_VERSION),
        draw(st.integers(1, PACKET_NO_MAX)),
        draw(_NAME),
        draw(_NAME),
        command,
        extra,
    )


@given(_valid_packets())
def test_any_valid_packet_formats_and_parses_back(packet: Packet) -> None:
    assert parse_packet(format_packet(packet)) == packet


# --- packet numbers ---------------------------------------------------------------------------


def test_packet_numbers_count_up_from_the_seed() -> None:
    numbers = PacketNumbers(1_700_000_000)
    assert [next(numbers) for _ in range(3)] == [1_700_000_000, 1_700_000_001, 1_700_000_002]
    numbers.advance_to(1_700_000_100)  # the clock moved on: jump forward, as IPMsg does
    assert next(numbers) == 1_700_000_100
    numbers.advance_to(5)  # never back
    assert next(numbers) == 1_700_000_101


def test_packet_numbers_wrap_to_1_and_count_the_wrap() -> None:
    numbers = PacketNumbers(PACKET_NO_MAX - 1)
    assert [next(numbers) for _ in range(4)] == [PACKET_NO_MAX - 1, PACKET_NO_MAX, 1, 2]
    assert numbers.wraps == 1


def test_packet_numbers_for_a_quick_ack_stop_before_the_wrap_and_take_nothing() -> None:
    numbers = PacketNumbers(PACKET_NO_MAX - 1)
    assert numbers.next_unless_wrapping() == PACKET_NO_MAX - 1
    assert numbers.next_unless_wrapping() == PACKET_NO_MAX
    assert numbers.next_unless_wrapping() is None  # the next starts again at 1: not here
    assert numbers.wraps == 0
    assert next(numbers) == 1 and numbers.wraps == 1  # the full path wraps (and announces)
    assert numbers.next_unless_wrapping() == 2


@pytest.mark.parametrize(
    ("seed", "first"),
    [(0, PACKET_NO_MAX), (-1, PACKET_NO_MAX - 1), (1, 1), (PACKET_NO_MAX + 1, 1), (2**32, 2)],
)
def test_packet_numbers_fold_seeds_into_range(seed: int, first: int) -> None:
    assert next(PacketNumbers(seed)) == first


_STEPS = st.lists(
    st.none() | st.integers(-10, 2**32) | st.integers(PACKET_NO_MAX - 100, PACKET_NO_MAX + 5),
    max_size=300,
)


@given(st.integers(-(2**40), 2**40) | st.integers(PACKET_NO_MAX - 200, PACKET_NO_MAX), _STEPS)
def test_packet_numbers_strictly_increase_across_a_wrap(seed: int, steps: list[int | None]) -> None:
    numbers = iter(PacketNumbers(seed))
    previous = (-1, 0)
    for step in steps:
        if step is not None:
            numbers.advance_to(step)
            continue
        value = next(numbers)
        assert 1 <= value <= PACKET_NO_MAX
        assert (numbers.wraps, value) > previous
        if numbers.wraps == previous[0]:
            assert value > previous[1]
        previous = (numbers.wraps, value)
