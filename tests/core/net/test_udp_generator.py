"""The UDP generator (exact counts, a Stop that works at full rate, pacing) and datagram files."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from desktop.core.errors import SocketDeskError
from desktop.core.net.udp_facts import DatagramTooLarge
from desktop.core.net.udp_files import DatagramFiles, file_datagrams
from desktop.core.net.udp_generator import Generator, datagrams_per_second


class Counter:
    """A receiver on loopback that counts datagrams in a thread (buffer big enough for a burst)."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:  # SO_RCVBUFFORCE (33 on Linux; Python has no name for it), past rmem_max
            self.sock.setsockopt(socket.SOL_SOCKET, 33, 64 * 1024 * 1024)
        except OSError:
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 64 * 1024 * 1024)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.3)
        self.count = 0
        self.sizes: set[int] = set()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            try:
                data = self.sock.recv(2048)
            except TimeoutError:
                if self.count:
                    return
                continue
            except OSError:
                return
            self.count += 1
            self.sizes.add(len(data))

    def finish(self) -> int:
        self._thread.join(10)
        self.sock.close()
        return self.count


def sender() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("127.0.0.1", 0))
    return sock


def test_a_count_is_exact() -> None:
    counter = Counter()
    with sender() as sock:
        generator = Generator(sock, counter.sock.getsockname(), b"g" * 64, count=20_000)
        generator.start()
        assert generator.join(30)
    assert (generator.sent, generator.sent_bytes) == (20_000, 20_000 * 64)
    assert counter.finish() == 20_000
    assert counter.sizes == {64}
    assert str(generator.summary()).startswith("Sent 20000 datagrams in ")


def test_stop_works_at_full_rate() -> None:
    counter = Counter()
    done: list[object] = []
    with sender() as sock:
        generator = Generator(
            sock,
            counter.sock.getsockname(),
            b"s" * 64,
            on_done=lambda said, error: done.append(said),
        )
        generator.start()
        deadline = time.monotonic() + 10
        while generator.sent < 5_000 and time.monotonic() < deadline:
            time.sleep(0.01)
        asked = time.monotonic()
        generator.stop()
        assert generator.join(2.0)
        stopped_within = time.monotonic() - asked
    assert generator.sent >= 5_000
    assert stopped_within < 1.0
    assert len(done) == 1
    assert counter.finish() <= generator.sent


def test_a_rate_is_held_and_a_time_ends_it() -> None:
    counter = Counter()
    with sender() as sock:
        generator = Generator(sock, counter.sock.getsockname(), b"r" * 100, rate=2000, seconds=0.5)
        generator.run()
    # 2,000/s for 0.5 s is 1,000 datagrams (one more when the last step lands on the end)
    assert 900 <= generator.sent <= 1001
    assert counter.finish() == generator.sent


def test_bits_per_second_to_datagrams() -> None:
    assert datagrams_per_second(512_000, 64) == 1000


def test_refuses_what_udp_cannot_carry() -> None:
    with sender() as sock, pytest.raises(DatagramTooLarge):
        Generator(sock, ("127.0.0.1", 9), b"x" * 65_508, count=1)


def test_a_send_error_ends_the_run_with_a_sentence() -> None:
    with sender() as sock:
        generator = Generator(sock, ("203.0.113.1", 9), b"x", count=3)  # never reached: see below
        sock.close()  # sending on a closed socket fails at once
        generator.run()
    assert isinstance(generator.error, SocketDeskError)
    assert generator.sent == 0


def test_one_file_per_datagram(tmp_path: Path) -> None:
    files = DatagramFiles(tmp_path / "out")
    files.write("127.0.0.1:5000", b"first")
    files.write("[::1]:6000", b"")
    files.write("127.0.0.1:5000", bytes(range(256)))
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["000001_127.0.0.1_5000.bin", "000002_1_6000.bin", "000003_127.0.0.1_5000.bin"]
    assert (tmp_path / "out" / names[2]).read_bytes() == bytes(range(256))
    assert (files.count, files.written) == (3, 261)


def test_a_file_as_datagrams(tmp_path: Path) -> None:
    path = tmp_path / "f.bin"
    path.write_bytes(bytes(range(256)) * 10)
    chunks = list(file_datagrams(path, 1000))
    assert [len(c) for c in chunks] == [1000, 1000, 560]
    assert b"".join(chunks) == path.read_bytes()
    with pytest.raises(ValueError):
        list(file_datagrams(path, 65_508))
