"""pcapng export of a UDP session: one packet per datagram, read back by tshark byte for byte."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from desktop.core.capture.pcapng_udp import export_pcapng_datagrams, udp_endpoints
from desktop.core.capture.record import Direction, Record
from tests.helpers.tshark import tshark

T0 = 1_764_058_150_123_456_789
IN, OUT, INFO = Direction.IN, Direction.OUT, Direction.INFO
_CHECKED = ["-o", "udp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE"]


def session(peers: list[str]) -> list[Record]:
    """Datagrams in and out with several peers: empty, tiny, binary, 60,000 bytes."""
    big = random.Random(7).randbytes(60_000)
    a, b, c = peers
    chunks = [
        (INFO, a, b"listening"),
        (IN, a, b"hello"),
        (OUT, a, b"hello"),
        (IN, b, b""),
        (OUT, b, bytes(range(256))),
        (IN, c, big),
        (OUT, c, big[::-1]),
        (IN, a, "你好".encode("gbk")),
        (INFO, c, b"a note of the session"),
        (OUT, b, b""),
    ]
    return [
        Record(T0 + i * 1_000_003, direction, peer, data)
        for i, (direction, peer, data) in enumerate(chunks)
    ]


def _split(label: str) -> tuple[str, str]:
    host, _, port = label.rpartition(":")
    return host.strip("[]"), port


def _packets(path: Path, ipv6: bool) -> list[list[str]]:
    ip = "ipv6" if ipv6 else "ip"
    fields = ["frame.time_epoch", f"{ip}.src", "udp.srcport", f"{ip}.dst", "udp.dstport"]
    fields += ["udp.length", "udp.checksum.status", "udp.payload"]
    out = tshark(
        path,
        *_CHECKED,
        "-T",
        "fields",
        *(a for f in fields for a in ("-e", f)),
        "-E",
        "separator=|",
    )
    return [line.split("|") for line in out.splitlines()]


@pytest.mark.parametrize(
    ("local", "peers"),
    [
        ("198.18.0.1:40001", ["198.18.0.2:5555", "198.18.0.3:5555", "198.18.0.2:6000"]),
        ("[fd00::1]:40001", ["[fd00::2]:5555", "[fd00::3]:5555", "[fd00::2]:6000"]),
    ],
    ids=["IPv4", "IPv6"],
)
def test_tshark_reads_every_datagram_back_byte_for_byte(
    tmp_path: Path, local: str, peers: list[str]
) -> None:
    records = session(peers)
    path = tmp_path / "udp.pcapng"
    datagrams = [r for r in records if r.direction is not INFO]
    assert export_pcapng_datagrams(path, records, local) == len(datagrams)
    packets = _packets(path, ipv6=local.startswith("["))
    assert len(packets) == len(datagrams)
    me = _split(local)
    for record, (epoch, src, sport, dst, dport, length, status, payload) in zip(
        datagrams, packets, strict=True
    ):
        them = _split(record.peer)
        sender, receiver = (them, me) if record.direction is IN else (me, them)
        assert ((src, sport), (dst, dport)) == (sender, receiver)
        assert bytes.fromhex(payload) == record.data
        assert int(length) == 8 + len(record.data)
        assert status == "1"  # the UDP checksum is good
        seconds, _, fraction = epoch.partition(".")
        assert int(seconds + fraction.ljust(9, "0")[:9]) == record.t_ns
    # Nothing for Wireshark's experts to complain about (IPv4 header checksums, lengths).
    assert tshark(path, *_CHECKED, "-Y", "_ws.expert.severity >= warning") == ""


def test_only_the_peers_asked_for_and_real_addresses_are_written(tmp_path: Path) -> None:
    peers = ["127.0.0.1:5000", "127.0.0.1:5001", "127.0.0.1:5002"]
    records = [*session(peers), Record(T0, IN, "the session", b"not from an address")]
    path = tmp_path / "some.pcapng"
    assert export_pcapng_datagrams(path, records, "127.0.0.1:9000", peers=[peers[1]]) == 3
    ports = tshark(path, "-T", "fields", "-e", "udp.srcport", "-e", "udp.dstport").split()
    assert set(ports) == {"5001", "9000"}


def test_an_ipv4_peer_of_a_dual_stack_socket_is_written_mapped(tmp_path: Path) -> None:
    path = tmp_path / "dual.pcapng"
    records = [Record(T0, IN, "198.18.0.7:53", b"answer")]
    assert export_pcapng_datagrams(path, records, "[::]:5353") == 1
    out = tshark(path, "-T", "fields", "-e", "ipv6.src", "-e", "udp.payload")
    assert out.split() == ["::ffff:198.18.0.7", b"answer".hex()]


def test_a_datagram_too_big_for_one_ip_packet_is_refused(tmp_path: Path) -> None:
    records = [Record(T0, OUT, "198.18.0.2:9", bytes(65_508))]  # the IPv4 limit is 65,507
    with pytest.raises(ValueError, match="65508 bytes"):
        export_pcapng_datagrams(tmp_path / "x.pcapng", records, "198.18.0.1:9")
    largest = [Record(T0, OUT, "[fd00::2]:9", bytes(65_527))]  # IPv6's limit
    assert export_pcapng_datagrams(tmp_path / "y.pcapng", largest, "[fd00::1]:9") == 1


def test_a_local_address_that_is_not_one_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        export_pcapng_datagrams(tmp_path / "x.pcapng", [], "localhost:9")
    assert udp_endpoints("127.0.0.1:1", "127.0.0.1:2").transport == "udp"
