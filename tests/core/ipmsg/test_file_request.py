"""GETFILEDATA / GETDIRFILES requests: IPMsg's and iptux's forms, and anything else refused."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.ipmsg.constants import Mode, Opt
from desktop.core.ipmsg.file_request import (
    MAX_REQUEST,
    FileRequest,
    parse_request,
    request_ends,
    request_packet,
)
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.packet_errors import InvalidField, MalformedPacket

ME = Identity("amin", "PC-A")


def test_a_file_request_round_trips_in_ipmsg_form() -> None:
    data = request_packet(ME, 7, FileRequest(0x5E8F1A2B, 1234567, 0x1000))
    assert data == b"1:7:amin:PC-A:96:5e8f1a2b:12d687:1000:\0"
    packet, request = parse_request(data)
    assert request == FileRequest(0x5E8F1A2B, 1234567, 0x1000)
    assert (packet.user, packet.host, packet.mode) == (b"amin", b"PC-A", Mode.GETFILEDATA)
    assert request_ends(data)


def test_a_folder_request_round_trips_and_utf8_names_carry_utf8opt() -> None:
    me = Identity("小明", "电脑")
    data = request_packet(me, 9, FileRequest(0x10, 0x20, folder=True), utf8=True)
    packet, request = parse_request(data)
    assert request == FileRequest(0x10, 0x20, 0, folder=True)
    assert packet.options & Opt.UTF8OPT
    assert packet.user.decode() == "小明"
    gbk = request_packet(me, 9, FileRequest(1, 2), encoding="gbk")
    assert parse_request(gbk)[0].user.decode("gbk") == "小明"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"1:5:bob:pc:96:1a:2:0:", FileRequest(0x1A, 2, 0)),  # IPMsg, no NUL
        (b"1_iptux 0.8.3:5:bob:pc:96:1A:3:5", FileRequest(0x1A, 3, 5)),  # iptux, no NUL, upper
        (b"1_iptux 0.8.3:5:bob:pc:98:1a:3:0\0", FileRequest(0x1A, 3, 0, folder=True)),
        (b"1:5:bob:pc:98:1a:3:", FileRequest(0x1A, 3, 0, folder=True)),  # IPMsg folder
        (b"1:5:bob:pc:8388704:ff:0:10:\0\0", FileRequest(0xFF, 0, 0x10)),  # UTF8OPT|GETFILEDATA
    ],
)
def test_each_clients_form_is_read(data: bytes, expected: FileRequest) -> None:
    assert parse_request(data)[1] == expected


@pytest.mark.parametrize(
    "data",
    [
        b"1:5:bob:pc:32:1a:2:0:\0",  # a SENDMSG, not a request
        b"1:5:bob:pc:96:1a:/etc/passwd:0:\0",  # a path instead of a file id
        b"1:5:bob:pc:96:1a:2:0:/etc/passwd\0",  # a path after the numbers
        b"1:5:bob:pc:96:1a:2:0:1:\0",  # a fourth field
        b"1:5:bob:pc:96:1a\0",  # no file id
        b"1:5:bob:pc:96:-1:2:0\0",
        b"1:5:bob:pc:96:100000000:2:0\0",  # packet number over 32 bits
        b"1:5:bob:pc:96:1:2:ffffffffffffffff\0",  # offset over 2**63-1
        b"1:5:bob:pc:96:1a:..:0\0",
        b"1:5:bob:pc:96:" + b"1" * MAX_REQUEST,
        b"",
    ],
)
def test_anything_else_is_refused(data: bytes) -> None:
    with pytest.raises(MalformedPacket):
        parse_request(data)


def test_requests_we_cannot_send_are_refused() -> None:
    with pytest.raises(InvalidField):
        request_packet(ME, 1, FileRequest(2**32, 1))
    with pytest.raises(InvalidField):
        request_packet(ME, 1, FileRequest(1, 1, offset=5, folder=True))


@pytest.mark.parametrize(
    ("data", "ends"),
    [
        (b"1:5:bob:pc:96:1a:2:0:", True),
        (b"1:5:bob:pc:96:1a:2:", False),  # the offset may still come
        (b"1:5:bob:pc:96:1a:2:0", False),  # iptux: "0" may be the start of "0a"
        (b"1:5:bob:pc:98:1a:2:", True),
        (b"1:5:bob:pc:96:1a", False),
        (b"anything\0", True),
        (b"GET / HTTP/1.0\r\n", True),  # can never become a request
        (b"1:5:bob:pc:32:", True),  # a SENDMSG header
        (b"x:5:bob:pc:96:", False),  # any version field is read (the lesson sends 99)
        (b"1:5:bob:pc:96:", False),
        (b"1:5:bob", False),
    ],
)
def test_a_request_ends_visibly_only_when_whole(data: bytes, ends: bool) -> None:
    assert request_ends(data) is ends


@settings(max_examples=500)
@given(st.binary(max_size=200) | st.builds(lambda b: b"1:5:u:h:96:" + b, st.binary(max_size=40)))
def test_any_bytes_give_a_request_or_the_codecs_error(data: bytes) -> None:
    try:
        packet, request = parse_request(data)
    except MalformedPacket:
        return
    assert packet.mode in (Mode.GETFILEDATA, Mode.GETDIRFILES)
    assert 0 <= request.packet_no < 2**32 and 0 <= request.file_id < 2**32
    assert 0 <= request.offset < 2**63
    request_ends(data)  # never raises either


@given(
    st.integers(0, 2**32 - 1),
    st.integers(0, 2**32 - 1),
    st.integers(0, 2**63 - 1),
    st.booleans(),
)
def test_every_request_round_trips(packet_no: int, file_id: int, offset: int, folder: bool) -> None:
    request = FileRequest(packet_no, file_id, 0 if folder else offset, folder)
    data = request_packet(ME, 1, request)
    assert parse_request(data)[1] == request
    assert request_ends(data)
