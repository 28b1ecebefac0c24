"""A server that only counts and saves: bytes go socket → pipe → file with ``os.splice``.

Every scenario runs on the zero-copy path and on the normal one (the sink saving each read), on
real loopback sockets, and both must leave the same file, counters and close reasons.
"""

from __future__ import annotations

import asyncio
import fcntl
import hashlib
import os
import socket
import ssl
import struct
import subprocess
import termios
import threading
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.core import event_loop
from desktop.core.errors import SaveError, SocketDeskError
from desktop.core.net import splice_receive
from desktop.core.net.connection import RESET
from desktop.core.net.tcp_server import ServerMode, TcpServer
from desktop.core.net.tls import TlsServerOptions
from desktop.core.sentence import Sentence
from desktop.core.session.session import SessionCore
from tests.core.net.test_tcp_server import Sink, until
from tests.helpers.strict import require

pytestmark = pytest.mark.skipif(not splice_receive.SPLICE_AVAILABLE, reason="Linux only")

PATHS = ["splice", "normal"]
# Both loops run the splice path: uvloop (the default) and the stock one.
LOOPS = ["asyncio", "uvloop"]


class Report:
    """A ``SessionReport`` that keeps what it is told."""

    def __init__(self) -> None:
        self.errors: list[SocketDeskError | Sentence] = []
        self.saving: list[bool] = []

    def on_error(self, what: SocketDeskError | Sentence) -> None:
        self.errors.append(what)

    def on_notice(self, what: Sentence) -> None:
        pass

    def on_saving(self, saving: bool) -> None:
        self.saving.append(saving)

    def on_periodic(self, running: bool) -> None:
        pass


class SavingSink(Sink):
    """What ``tcp serve --no-stdout -o`` does with a client's bytes: save them, nothing else."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.report = Report()
        self.session = SessionCore(self.report)
        assert self.session.start_saving(path)

    def on_client_data(self, client_id: int, data: memoryview) -> None:
        self.session.save(data)
        super().on_client_data(client_id, data)


_SERVERS: list[TcpServer] = []


def new_server(sink: SavingSink, path: str, mode: ServerMode = ServerMode.PLAIN) -> TcpServer:
    server = TcpServer(
        sink,
        mode,
        totals=sink.session.totals,
        splice_to=sink.session if path == "splice" else None,
    )
    _SERVERS.append(server)
    return server


def run(scenario: Coroutine[Any, Any, None], loop: event_loop.LoopKind) -> None:
    """Run ``scenario`` on ``loop``, closing its servers even when it fails (uvloop's close
    waits forever for a server left listening, and a failed assert would hang the suite)."""

    async def guarded() -> None:
        try:
            await scenario
        finally:
            while _SERVERS:
                await _SERVERS.pop().close()

    event_loop.run(guarded(), loop)


def fds() -> int:
    return len(os.listdir("/proc/self/fd"))


async def send_and_close(port: int, payload: bytes, reset: bool = False) -> None:
    def run() -> None:
        with socket.create_connection(("127.0.0.1", port)) as client:
            client.sendall(payload)
            if reset:
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    await asyncio.to_thread(run)


@pytest.mark.parametrize("loop", LOOPS)
@pytest.mark.parametrize("path", PATHS)
def test_the_file_and_counters_are_the_same_on_both_paths(
    tmp_path: Path, path: str, loop: event_loop.LoopKind
) -> None:
    payload = os.urandom(12 * 1024 * 1024 + 17)
    target = tmp_path / "saved.bin"

    async def scenario() -> None:
        sink = SavingSink(target)
        server = new_server(sink, path)
        await server.start("127.0.0.1", 0)
        before = fds()
        await send_and_close(server.port, payload)
        await until(lambda: sink.closed)
        assert sink.closed == {1: "The peer closed the connection."}
        assert server.spliced_clients == (1 if path == "splice" else 0)
        assert sink.session.totals.bytes_in == len(payload)
        assert fds() <= before  # the duplicate socket and the pipe are closed
        assert sink.session.stop_saving() == len(payload)
        await server.close()
        assert sink.report.errors == []

    run(scenario(), loop)
    assert hashlib.sha256(target.read_bytes()).digest() == hashlib.sha256(payload).digest()


@pytest.mark.parametrize("loop", LOOPS)
@pytest.mark.parametrize("path", PATHS)
def test_clients_saving_to_one_file_keep_each_ones_order(
    tmp_path: Path, path: str, loop: event_loop.LoopKind
) -> None:
    # Client A's bytes are all below 128, client B's all from 128: the file interleaves them
    # read by read on both paths, each client's own bytes in the order sent.
    size = 6 * 1024 * 1024
    a = bytes(b & 0x7F for b in os.urandom(size))
    b = bytes(b | 0x80 for b in os.urandom(size))
    target = tmp_path / "saved.bin"

    async def scenario() -> None:
        sink = SavingSink(target)
        server = new_server(sink, path)
        await server.start("127.0.0.1", 0)
        await asyncio.gather(send_and_close(server.port, a), send_and_close(server.port, b))
        await until(lambda: len(sink.closed) == 2)
        assert server.spliced_clients == (2 if path == "splice" else 0)
        assert sink.session.totals.bytes_in == 2 * size
        sink.session.stop_saving()
        await server.close()

    run(scenario(), loop)
    saved = target.read_bytes()
    assert len(saved) == 2 * size
    assert bytes(x for x in saved if x < 0x80) == a
    assert bytes(x for x in saved if x >= 0x80) == b


@pytest.mark.parametrize("loop", LOOPS)
@pytest.mark.parametrize("path", PATHS)
def test_stopping_the_server_mid_stream_is_prompt_and_leaves_nothing(
    tmp_path: Path, path: str, loop: event_loop.LoopKind
) -> None:
    target = tmp_path / "saved.bin"
    stop = threading.Event()

    def endless(port: int) -> None:
        chunk = bytes(1024 * 1024)
        with socket.create_connection(("127.0.0.1", port)) as client:
            try:
                while not stop.is_set():
                    client.sendall(chunk)
            except OSError:
                pass  # the server went away: what this test wants

    async def scenario() -> None:
        sink = SavingSink(target)
        server = new_server(sink, path)
        await server.start("127.0.0.1", 0)
        before = fds()
        sender = asyncio.create_task(asyncio.to_thread(endless, server.port))
        await until(lambda: sink.session.totals.bytes_in > 8 * 1024 * 1024)
        assert server.spliced_clients == (1 if path == "splice" else 0)
        async with asyncio.timeout(5):
            await server.close()
            await until(lambda: sink.closed)
        stop.set()
        async with asyncio.timeout(10):
            await sender
        assert sink.closed == {1: "The server was stopped."}
        assert fds() <= before
        assert sink.session.stop_saving() == sink.session.totals.bytes_in
        assert target.stat().st_size == sink.session.totals.bytes_in

    run(scenario(), loop)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 1 MiB tmpfs, mounted for the test."""
    require(os.geteuid() == 0, "mounting a small tmpfs needs root")
    mount = tmp_path / "small"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


@pytest.mark.parametrize("loop", LOOPS)
@pytest.mark.parametrize("path", PATHS)
def test_disk_full_is_reported_and_the_client_still_counted(
    small_disk: Path, path: str, loop: event_loop.LoopKind
) -> None:
    payload = os.urandom(4 * 1024 * 1024)
    target = small_disk / "saved.bin"

    async def scenario() -> None:
        sink = SavingSink(target)
        server = new_server(sink, path)
        await server.start("127.0.0.1", 0)
        await send_and_close(server.port, payload)
        await until(lambda: sink.closed)
        assert sink.closed == {1: "The peer closed the connection."}
        assert server.spliced_clients == (1 if path == "splice" else 0)
        assert sink.session.totals.bytes_in == len(payload)  # counted to the end
        assert sink.session.saving is None
        assert sink.report.saving == [True, False]
        (error,) = sink.report.errors
        assert isinstance(error, SaveError)
        kept = (small_disk / "saved.bin.part").stat().st_size
        assert 0 < kept < len(payload)
        assert str(error) == (
            f"Could not write {small_disk / 'saved.bin.part'}: No space left on device. "
            f"{kept} bytes were saved before the failure."
        )
        assert (small_disk / "saved.bin.part").read_bytes() == payload[:kept]
        await server.close()

    run(scenario(), loop)


@pytest.mark.parametrize("loop", LOOPS)
@pytest.mark.parametrize("path", PATHS)
def test_a_reset_by_the_peer_is_reported_as_on_the_normal_path(
    tmp_path: Path, path: str, loop: event_loop.LoopKind
) -> None:
    target = tmp_path / "saved.bin"

    async def scenario() -> None:
        sink = SavingSink(target)
        server = new_server(sink, path)
        await server.start("127.0.0.1", 0)
        _, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(b"first read")  # the splice starts after a client's first read
        await until(lambda: sink.session.totals.bytes_in == 10)
        await until(lambda: server.spliced_clients == (1 if path == "splice" else 0))
        writer.write(os.urandom(256 * 1024))
        await writer.drain()
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()
        await until(lambda: sink.closed)
        assert sink.closed == {1: str(RESET)}
        assert sink.session.stop_saving() == target.stat().st_size
        assert target.stat().st_size == sink.session.totals.bytes_in
        await server.close()

    run(scenario(), loop)


@pytest.mark.parametrize("loop", LOOPS)
@pytest.mark.parametrize(
    "case",
    [
        pytest.param((ServerMode.PLAIN, False, False, True), id="display on: no splice target"),
        pytest.param((ServerMode.ECHO, False, True, True), id="echo"),
        pytest.param((ServerMode.RULES, False, True, True), id="auto-reply rules"),
        pytest.param((ServerMode.PLAIN, True, True, True), id="TLS"),
        pytest.param((ServerMode.PLAIN, False, True, False), id="no os.splice: not Linux"),
    ],
)
def test_the_normal_path_reads_when_it_must(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: tuple[ServerMode, bool, bool, bool],
    loop: event_loop.LoopKind,
) -> None:
    mode, tls, offered, available = case
    monkeypatch.setattr(splice_receive, "SPLICE_AVAILABLE", available)
    payload = os.urandom(3 * 1024 * 1024)
    target = tmp_path / "saved.bin"

    async def scenario() -> None:
        sink = SavingSink(target)
        server = new_server(sink, "splice" if offered else "normal", mode)
        options = TlsServerOptions(cache_dir=tmp_path) if tls else None
        await server.start("127.0.0.1", 0, options)
        if tls:
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            _, writer = await asyncio.open_connection("127.0.0.1", server.port, ssl=context)
        else:
            _, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(payload)
        await writer.drain()
        await until(lambda: sink.session.totals.bytes_in == len(payload))
        assert server.spliced_clients == 0
        assert bytes(sink.data[1]) == payload  # every read reached the sink
        writer.close()
        await until(lambda: sink.closed)
        sink.session.stop_saving()
        await server.close()

    run(scenario(), loop)
    assert target.read_bytes() == payload


@pytest.mark.parametrize("loop", LOOPS)
def test_one_wake_up_moves_all_that_waits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loop: event_loop.LoopKind
) -> None:
    # Several pipe-fulls wait in the socket when the loop wakes: one wake-up splices them all
    # (until EAGAIN), instead of one pipe-full per wake-up.
    payload = os.urandom(3 * 1024 * 1024)
    target = tmp_path / "saved.bin"
    held = [True]
    queued = [0]
    moved_per_wake: list[int] = []
    ready = splice_receive.SpliceReader._ready

    def counted(reader: splice_receive.SpliceReader) -> None:
        transport = reader.connection.transport
        assert transport is not None
        sock = transport.get_extra_info("socket")
        if held[0]:  # let the bytes pile up in the socket (the watch is level-triggered)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 * 1024 * 1024)
            waiting = fcntl.ioctl(sock.fileno(), termios.FIONREAD, b"\0" * 4)
            queued[0] = struct.unpack("i", waiting)[0]
            return
        before = reader.moved
        ready(reader)
        moved_per_wake.append(reader.moved - before)

    monkeypatch.setattr(splice_receive.SpliceReader, "_ready", counted)

    async def scenario() -> None:
        sink = SavingSink(target)
        server = new_server(sink, "splice")
        await server.start("127.0.0.1", 0)
        _, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(b"first read")  # the splice starts after a client's first read
        await until(lambda: server.spliced_clients == 1)
        writer.write(payload)
        await until(lambda: queued[0] == len(payload))
        held[0] = False
        await until(lambda: sink.session.totals.bytes_in == 10 + len(payload))
        assert moved_per_wake[0] == len(payload)  # three pipe-fulls in the first wake-up
        writer.close()
        await until(lambda: sink.closed)
        sink.session.stop_saving()
        await server.close()

    run(scenario(), loop)
    assert target.read_bytes() == b"first read" + payload


@pytest.mark.parametrize("loop", LOOPS)
def test_out_of_descriptors_for_the_pipe_reads_the_normal_way_and_leaks_none(
    tmp_path: Path, loop: event_loop.LoopKind, monkeypatch: pytest.MonkeyPatch
) -> None:
    payload = os.urandom(3 * 1024 * 1024 + 5)
    target = tmp_path / "saved.bin"

    def no_pipe() -> tuple[int, int]:
        raise OSError(24, "Too many open files")

    monkeypatch.setattr(splice_receive.os, "pipe", no_pipe)

    async def scenario() -> None:
        sink = SavingSink(target)
        server = new_server(sink, "splice")
        await server.start("127.0.0.1", 0)
        before = fds()
        await send_and_close(server.port, payload)
        await until(lambda: sink.closed)
        assert sink.closed == {1: "The peer closed the connection."}
        assert server.spliced_clients == 0  # the transport went on reading
        assert sink.session.totals.bytes_in == len(payload)
        assert fds() <= before  # the duplicate socket was closed again
        assert sink.session.stop_saving() == len(payload)
        await server.close()

    run(scenario(), loop)
    assert target.read_bytes() == payload
