from __future__ import annotations

import io
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.capture.pcapng import (
    MAX_SEGMENT,
    Endpoints,
    PcapngTcpWriter,
    _checksum,
    export_pcapng,
    export_pcapng_streams,
    tcp_endpoints,
)
from desktop.core.capture.record import Direction, Record
from desktop.core.errors import SaveError
from tests.helpers.strict import require
from tests.helpers.tshark import analysis_problems, stream_count
from tests.helpers.tshark import follow as follow_stream

T0 = 1_764_058_150_123_456_789
V4 = Endpoints("198.18.0.1", 40001, "198.18.0.2", 5555)
V6 = Endpoints("fd00::1", 40001, "fd00::2", 5555)


def conversation() -> list[Record]:
    big = random.Random(1).randbytes(200 * 1024)
    chunks = [
        (Direction.INFO, b"connected"),
        (Direction.OUT, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"),
        (Direction.IN, "你好，世界\r\n".encode()),
        (Direction.OUT, bytes(range(256))),
        (Direction.IN, big),
        (Direction.OUT, b""),
        (Direction.INFO, b"closed"),
        (Direction.OUT, "再见".encode("gb18030")),
    ]
    return [Record(T0 + i * 1_000_000, d, "peer:1", data) for i, (d, data) in enumerate(chunks)]


def tshark(path: Path, *args: str) -> str:
    require(shutil.which("tshark") is not None, "tshark is not installed")
    done = subprocess.run(["tshark", "-r", str(path), *args], capture_output=True, check=True)
    return done.stdout.decode()


def follow(path: Path) -> tuple[bytes, bytes]:
    """The reassembled bytes of stream 0: (client → server, server → client)."""
    out = tshark(path, "-q", "-z", "follow,tcp,raw,0")
    body = out.split("Node 1:", 1)[1].split("\n", 1)[1]
    client, server = bytearray(), bytearray()
    for line in body.splitlines():
        if line.startswith("="):
            break
        if line.startswith("\t"):
            server += bytes.fromhex(line.strip())
        else:
            client += bytes.fromhex(line)
    return bytes(client), bytes(server)


def joined(records: list[Record], direction: Direction) -> bytes:
    return b"".join(r.data for r in records if r.direction is direction)


@pytest.mark.parametrize("endpoints", [V4, V6], ids=["ipv4", "ipv6"])
def test_tshark_reassembles_each_direction_exactly(tmp_path: Path, endpoints: Endpoints) -> None:
    records = conversation()
    path = tmp_path / "conv.pcapng"
    packets = export_pcapng(path, records, endpoints)
    out_bytes, in_bytes = follow(path)
    assert out_bytes == joined(records, Direction.OUT)
    assert in_bytes == joined(records, Direction.IN)
    frames = tshark(path, "-T", "fields", "-e", "frame.number").split()
    assert len(frames) == packets
    # handshake, 3 OUT (the empty one makes none), 1 + 4 IN (200 KiB in 65000-byte segments), FINs
    assert packets == 3 + 3 + 1 + 4 + 3


@pytest.mark.parametrize("endpoints", [V4, V6], ids=["ipv4", "ipv6"])
def test_checksums_are_good_and_tcp_analysis_finds_nothing(
    tmp_path: Path, endpoints: Endpoints
) -> None:
    path = tmp_path / "conv.pcapng"
    export_pcapng(path, conversation(), endpoints)
    options = ["-o", "tcp.check_checksum:TRUE", "-o", "ip.check_checksum:TRUE"]
    fields = ["-T", "fields", "-e", "ip.checksum.status", "-e", "tcp.checksum.status"]
    rows = tshark(path, *options, *fields).splitlines()
    ip_good = "" if endpoints is V6 else "1"  # IPv6 has no header checksum
    assert rows and set(rows) == {f"{ip_good}\t1"}  # 1 = PROTO_CHECKSUM_E_GOOD
    # HTTP is off: it reads the OUT "GET /" and then calls the random IN bytes bad headers.
    options += ["--disable-protocol", "http"]
    assert (
        tshark(path, *options, "-Y", "tcp.analysis.flags || _ws.expert.severity >= warning") == ""
    )


def test_addresses_ports_and_nanosecond_times_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "conv.pcapng"
    records = conversation()
    export_pcapng(path, records, V4)
    fields = ["-e", "frame.time_epoch", "-e", "ip.src", "-e", "tcp.srcport", "-e", "tcp.len"]
    rows = [row.split("\t") for row in tshark(path, "-T", "fields", *fields).splitlines()]
    seconds, nanoseconds = divmod(T0, 1_000_000_000)
    assert rows[0] == [f"{seconds}.{nanoseconds:09d}", "198.18.0.1", "40001", "0"]  # the SYN
    chinese = records[2]
    seconds, nanoseconds = divmod(chinese.t_ns, 1_000_000_000)
    stamp = f"{seconds}.{nanoseconds:09d}"
    assert [stamp, "198.18.0.2", "5555", str(len(chinese.data))] in rows


def test_a_long_one_way_transfer_is_acknowledged_so_no_window_fills(tmp_path: Path) -> None:
    path = tmp_path / "download.pcapng"
    chunk = random.Random(2).randbytes(256 * 1024)
    records = [Record(T0 + i, Direction.IN, "p", chunk) for i in range(40)]  # 10 MiB
    export_pcapng(path, records, V4)
    assert follow(path) == (b"", chunk * 40)
    options = ["-o", "tcp.check_checksum:TRUE"]
    assert tshark(path, *options, "-Y", "tcp.analysis.flags") == ""
    acks = tshark(
        path,
        "-Y",
        "tcp.srcport == 40001 && tcp.len == 0 && tcp.flags.fin == 0 && tcp.flags.syn == 0",
    )
    # the handshake's ACK, one every ~4 MiB (2 in 10 MiB), the last ACK of the close
    assert len(acks.splitlines()) == 4


def test_no_records_make_a_valid_file_without_packets(tmp_path: Path) -> None:
    path = tmp_path / "empty.pcapng"
    assert export_pcapng(path, [], V4) == 0
    assert tshark(path) == ""


def test_info_records_are_counted_not_written() -> None:
    stream = io.BytesIO()
    writer = PcapngTcpWriter(stream, V4)
    for record in conversation():
        writer.write(record)
    writer.close()
    assert writer.skipped_info == 2
    assert not stream.closed
    assert stream.getvalue().count(b"connected") == 0


def test_big_payloads_are_split_into_segments_of_at_most_max_segment() -> None:
    stream = io.BytesIO()
    writer = PcapngTcpWriter(stream, V6)
    writer.write(Record(T0, Direction.OUT, "p", b"x" * (MAX_SEGMENT * 2 + 1)))
    assert writer.packets_written == 3 + 3


def test_write_after_close_is_refused() -> None:
    writer = PcapngTcpWriter(io.BytesIO(), V4)
    writer.close()
    writer.close()
    with pytest.raises(RuntimeError):
        writer.write(Record(T0, Direction.OUT, "p", b"x"))


@pytest.mark.parametrize(
    "endpoints",
    [
        Endpoints("198.18.0.1", 1, "fd00::2", 2),
        Endpoints("example.invalid", 1, "198.18.0.2", 2),
        Endpoints("198.18.0.1", 65536, "198.18.0.2", 2),
    ],
)
def test_bad_endpoints_are_a_value_error(endpoints: Endpoints) -> None:
    with pytest.raises(ValueError):
        PcapngTcpWriter(io.BytesIO(), endpoints)


def test_disk_errors_are_save_errors_and_leave_no_part_file(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "conv.pcapng"
    with pytest.raises(SaveError, match=r"Could not write .*conv\.pcapng: No such file"):
        export_pcapng(path, conversation(), V4)
    full = tmp_path / "full.pcapng"
    (tmp_path / "full.pcapng.part").symlink_to("/dev/full")
    with pytest.raises(SaveError, match="No space left on device"):
        export_pcapng(full, conversation(), V4)
    assert list(tmp_path.iterdir()) == []


def _reference_checksum(data: bytes) -> int:
    if len(data) % 2:
        data += b"\0"
    total = sum(int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2))
    while total > 0xFFFF:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


@given(st.binary(max_size=300) | st.sampled_from([b"", b"\0\0", b"\xff\xff", b"\xff\xff" * 9]))
def test_checksum_matches_the_rfc_1071_loop(data: bytes) -> None:
    assert _checksum(data) == _reference_checksum(data)


def test_several_connections_are_separate_streams_in_one_file(tmp_path: Path) -> None:
    """A server's clients: records interleaved in time, each peer its own TCP stream."""
    a = Endpoints("127.0.0.1", 7000, "127.0.0.1", 50001)
    b = Endpoints("127.0.0.1", 7000, "127.0.0.1", 50002)
    records = [
        Record(T0 + 1, Direction.IN, "127.0.0.1:50001", b"from a, "),
        Record(T0 + 2, Direction.IN, "127.0.0.1:50002", b"from b"),
        Record(T0 + 3, Direction.OUT, "127.0.0.1:50001", b"to a"),
        Record(T0 + 4, Direction.IN, "127.0.0.1:50001", b"again a"),
        Record(T0 + 5, Direction.OUT, "127.0.0.1:50002", b"to b"),
        Record(T0 + 6, Direction.IN, "127.0.0.1:9", b"nobody asked for this peer"),
    ]
    path = tmp_path / "server.pcapng"
    export_pcapng_streams(path, records, {"127.0.0.1:50001": a, "127.0.0.1:50002": b})
    assert stream_count(path) == 2
    assert follow_stream(path, 0) == (
        "127.0.0.1:7000",
        "127.0.0.1:50001",
        b"to a",
        b"from a, again a",
    )
    assert follow_stream(path, 1) == ("127.0.0.1:7000", "127.0.0.1:50002", b"to b", b"from b")
    assert analysis_problems(path) == ""


def test_a_writer_without_endpoints_needs_them_per_record() -> None:
    writer = PcapngTcpWriter(io.BytesIO())
    with pytest.raises(ValueError, match="needs endpoints"):
        writer.write(Record(T0, Direction.OUT, "p", b"x"))


@pytest.mark.parametrize(
    ("local", "remote", "expected"),
    [
        ("127.0.0.1:5000", "127.0.0.1:80", Endpoints("127.0.0.1", 5000, "127.0.0.1", 80)),
        ("[::1]:5000", "[fd00::2]:80", Endpoints("::1", 5000, "fd00::2", 80)),
        ("[::1]:5000", "127.0.0.1:80", Endpoints("::1", 5000, "::ffff:7f00:1", 80)),
        ("127.0.0.1:5000", "[::1]:80", Endpoints("::ffff:7f00:1", 5000, "::1", 80)),
    ],
)
def test_tcp_endpoints_from_addresses(local: str, remote: str, expected: Endpoints) -> None:
    assert tcp_endpoints(local, remote) == expected
    PcapngTcpWriter(io.BytesIO(), expected)  # a valid connection: one family on both ends
