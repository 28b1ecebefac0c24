"""File send over a real loopback TCP connection: integrity, progress, back-pressure, cancel."""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import os
import socket
import struct
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from desktop.core.errors import NetError, SocketDeskError
from desktop.core.net.connection import StreamConnection
from desktop.core.net.file_send import FileProgress, send_file
from desktop.core.net.tcp_client import TcpClient
from desktop.core.sentence import Sentence

CHUNK = 256 * 1024
Handler = Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]


class Sink:
    def on_connected(self, local: str, peer: str) -> None:
        pass

    def on_data(self, data: memoryview) -> None:
        pass

    def on_closed(self, reason: Sentence) -> None:
        pass


class Progress:
    """Collects progress reports, each sentence as its English text (``str``)."""

    def __init__(self) -> None:
        self.reports: list[FileProgress] = []

    def __call__(self, progress: FileProgress) -> None:
        assert progress.error is None or isinstance(progress.error, Sentence)
        english = None if progress.error is None else str(progress.error)
        self.reports.append(dataclasses.replace(progress, error=english))  # type: ignore[arg-type]

    @property
    def last(self) -> FileProgress:
        return self.reports[-1]


class Collector:
    """Server side that reads everything until EOF."""

    def __init__(self) -> None:
        self.data = bytearray()
        self.eof = asyncio.Event()

    async def __call__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while chunk := await reader.read(1024 * 1024):
            self.data += chunk
        writer.close()
        self.eof.set()


@asynccontextmanager
async def connected(handler: Handler) -> AsyncIterator[tuple[TcpClient, StreamConnection]]:
    """A client connected to a loopback server running ``handler``; both end with the block."""
    handlers: set[asyncio.Future[None]] = set()

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        assert task is not None
        handlers.add(task)
        try:
            await handler(reader, writer)
        except ConnectionResetError:
            pass  # the client's abort() at the end of the block
        finally:
            writer.transport.abort()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    client = TcpClient(Sink())
    try:
        await client.connect("127.0.0.1", server.sockets[0].getsockname()[1])
        assert client.connection is not None
        yield client, client.connection
    finally:
        client.abort()
        server.close()
        await server.wait_closed()
        if handlers:
            _, pending = await asyncio.wait(handlers, timeout=10)
            assert not pending, "a server handler did not finish"


def sparse_file(path: Path, size: int) -> Path:
    """A file of ``size`` zero bytes that takes no disk space."""
    with path.open("wb") as file:
        file.truncate(size)
    return path


class Watched:
    """A ``Writable`` around a connection that records the most bytes ever waiting in it."""

    def __init__(self, connection: StreamConnection) -> None:
        self.connection = connection
        self.max_pending = 0
        self.draining = False

    def write(self, data: bytes) -> None:
        self.connection.write(data)
        self.max_pending = max(self.max_pending, self.connection.pending)

    async def drain(self) -> None:
        self.draining = True
        try:
            await self.connection.drain()
        finally:
            self.draining = False

    @property
    def is_open(self) -> bool:
        return self.connection.is_open


async def until(condition: Callable[[], bool]) -> None:
    async with asyncio.timeout(20):
        while not condition():
            await asyncio.sleep(0.005)


def test_a_20_mb_file_arrives_byte_exact(tmp_path: Path) -> None:
    content = os.urandom(20 * 1024 * 1024)
    path = tmp_path / "random.bin"
    path.write_bytes(content)

    async def scenario() -> None:
        collector = Collector()
        async with connected(collector) as (client, connection):
            progress = Progress()
            sent = await send_file(connection, path, progress, asyncio.Event())
            client.close()
            await asyncio.wait_for(collector.eof.wait(), 20)
            assert sent == len(content) == connection.bytes_out
            assert hashlib.sha256(collector.data).digest() == hashlib.sha256(content).digest()
            assert progress.last == FileProgress(len(content), len(content), True, None)
            assert progress.reports[0] == FileProgress(0, len(content), False, None)

    asyncio.run(scenario())


def test_progress_is_monotonic_and_rate_limited(tmp_path: Path) -> None:
    size = 8 * 1024 * 1024 + 123
    path = sparse_file(tmp_path / "zeros.bin", size)

    async def scenario() -> None:
        async with connected(Collector()) as (_client, connection):
            every = Progress()
            await send_file(
                connection, path, every, asyncio.Event(), chunk_size=CHUNK, progress_interval_s=0
            )
            sent = [report.sent for report in every.reports]
            assert sent == sorted(sent)
            assert len(every.reports) >= size // CHUNK  # one per chunk at interval 0
            assert [report.done for report in every.reports].count(True) == 1
            assert every.last == FileProgress(size, size, True, None)
            assert all(report.error is None for report in every.reports)
            assert all(report.total == size for report in every.reports)

            rare = Progress()
            await send_file(
                connection, path, rare, asyncio.Event(), chunk_size=CHUNK, progress_interval_s=3600
            )
            assert rare.reports == [
                FileProgress(0, size, False, None),
                FileProgress(size, size, True, None),
            ]

    asyncio.run(scenario())


def test_an_empty_file_is_done_at_once(tmp_path: Path) -> None:
    path = sparse_file(tmp_path / "empty.bin", 0)

    async def scenario() -> None:
        async with connected(Collector()) as (_client, connection):
            progress = Progress()
            assert await send_file(connection, path, progress, asyncio.Event()) == 0
            assert progress.last == FileProgress(0, 0, True, None)

    asyncio.run(scenario())


def test_cancel_midway_stops_and_reports(tmp_path: Path) -> None:
    size = 64 * 1024 * 1024
    path = sparse_file(tmp_path / "zeros.bin", size)

    async def scenario() -> None:
        collector = Collector()
        async with connected(collector) as (client, connection):
            cancel = asyncio.Event()
            progress = Progress()

            def on_progress(report: FileProgress) -> None:
                progress(report)
                if report.sent >= 4 * CHUNK:
                    cancel.set()

            sent = await send_file(
                connection, path, on_progress, cancel, chunk_size=CHUNK, progress_interval_s=0
            )
            assert 4 * CHUNK <= sent < size
            assert progress.last == FileProgress(
                sent, size, True, f"Cancelled after {sent} of {size} bytes."
            )
            client.close()
            await asyncio.wait_for(collector.eof.wait(), 20)
            assert len(collector.data) == sent  # nothing more was written after the cancel

    asyncio.run(scenario())


def test_cancel_before_start_sends_nothing(tmp_path: Path) -> None:
    path = sparse_file(tmp_path / "zeros.bin", 1000)

    async def scenario() -> None:
        async with connected(Collector()) as (_client, connection):
            cancel = asyncio.Event()
            cancel.set()
            progress = Progress()
            assert await send_file(connection, path, progress, cancel) == 0
            assert progress.reports == [
                FileProgress(0, 0, True, f"Cancelled before {path} was opened.")
            ]
            assert connection.bytes_out == 0

    asyncio.run(scenario())


def test_a_peer_that_never_reads_holds_the_send_and_cancel_still_works(tmp_path: Path) -> None:
    size = 256 * 1024 * 1024  # far more than the kernel buffers on both sides
    path = sparse_file(tmp_path / "zeros.bin", size)

    async def scenario() -> None:
        release = asyncio.Event()

        async def never_reads(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await release.wait()
            writer.transport.abort()

        async with connected(never_reads) as (_client, connection):
            watched = Watched(connection)
            cancel = asyncio.Event()
            progress = Progress()
            task = asyncio.create_task(
                send_file(watched, path, progress, cancel, chunk_size=CHUNK, progress_interval_s=0)
            )
            # Blocked: inside drain() with bytes the kernel will not take.
            await until(lambda: watched.draining and connection.pending > 64 * 1024)
            for _ in range(20):  # the loop keeps turning; the send stays where it is
                await asyncio.sleep(0.005)
            assert not task.done()
            assert watched.draining
            assert watched.max_pending <= 2 * CHUNK  # memory does not grow with the file
            cancel.set()
            sent = await asyncio.wait_for(task, 10)
            assert sent < size
            assert progress.last == FileProgress(
                sent, size, True, f"Cancelled after {sent} of {size} bytes."
            )
            release.set()

    asyncio.run(scenario())


def test_cancelling_the_task_reports_and_propagates(tmp_path: Path) -> None:
    size = 256 * 1024 * 1024
    path = sparse_file(tmp_path / "zeros.bin", size)

    async def scenario() -> None:
        release = asyncio.Event()

        async def never_reads(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            await release.wait()
            writer.transport.abort()

        async with connected(never_reads) as (_client, connection):
            watched = Watched(connection)
            progress = Progress()
            task = asyncio.create_task(
                send_file(watched, path, progress, asyncio.Event(), chunk_size=CHUNK)
            )
            await until(lambda: watched.draining and connection.pending > 64 * 1024)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            assert progress.last.done
            assert progress.last.error == f"Cancelled after {progress.last.sent} of {size} bytes."
            release.set()

    asyncio.run(scenario())


def test_the_peer_resetting_midway_gives_the_sentence(tmp_path: Path) -> None:
    size = 256 * 1024 * 1024
    path = sparse_file(tmp_path / "zeros.bin", size)

    async def resets(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readexactly(1024 * 1024)
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()  # closing with a zero linger sends RST

    async def scenario() -> None:
        async with connected(resets) as (_client, connection):
            progress = Progress()
            with pytest.raises(NetError) as caught:
                await send_file(connection, path, progress, asyncio.Event(), chunk_size=CHUNK)
            sent = progress.last.sent
            assert str(caught.value) == (
                f"The connection closed after {sent} of {size} bytes were sent."
            )
            assert 1024 * 1024 <= sent < size
            assert progress.last == FileProgress(sent, size, True, str(caught.value))

    asyncio.run(scenario())


def test_a_connection_closed_before_the_start(tmp_path: Path) -> None:
    path = sparse_file(tmp_path / "zeros.bin", 1000)

    async def scenario() -> None:
        async with connected(Collector()) as (client, connection):
            client.close()
            progress = Progress()
            with pytest.raises(
                NetError, match=r"^The connection closed after 0 of 1000 bytes were sent\.$"
            ):
                await send_file(connection, path, progress, asyncio.Event())

    asyncio.run(scenario())


class Refusing:
    """A ``Writable`` that refuses every write, as a connection over its cap does."""

    is_open = True

    def write(self, data: bytes) -> None:
        raise NetError("The peer is not reading.")

    async def drain(self) -> None:
        pass


def test_a_refused_write_reports_its_sentence(tmp_path: Path) -> None:
    path = sparse_file(tmp_path / "zeros.bin", 1000)

    async def scenario() -> None:
        progress = Progress()
        with pytest.raises(NetError, match=r"^The peer is not reading\.$"):
            await send_file(Refusing(), path, progress, asyncio.Event())
        assert progress.last == FileProgress(0, 1000, True, "The peer is not reading.")

    asyncio.run(scenario())


@pytest.mark.parametrize(
    ("name", "why"), [("missing.bin", "No such file or directory"), (".", "Is a directory")]
)
def test_an_unreadable_path_gives_the_read_error(tmp_path: Path, name: str, why: str) -> None:
    path = tmp_path / name

    async def scenario() -> None:
        async with connected(Collector()) as (_client, connection):
            progress = Progress()
            with pytest.raises(SocketDeskError) as caught:
                await send_file(connection, path, progress, asyncio.Event())
            assert str(caught.value) == f"Could not read {path}: {why}."
            assert progress.reports == [FileProgress(0, 0, True, str(caught.value))]
            assert connection.bytes_out == 0

    asyncio.run(scenario())


def test_a_read_error_midway_gives_the_read_error() -> None:
    path = Path("/proc/self/mem")  # opens fine; reading at offset 0 (unmapped) fails with EIO

    async def scenario() -> None:
        async with connected(Collector()) as (_client, connection):
            progress = Progress()
            with pytest.raises(SocketDeskError) as caught:
                await send_file(connection, path, progress, asyncio.Event())
            assert str(caught.value) == f"Could not read {path}: Input/output error."
            assert progress.last == FileProgress(0, 0, True, str(caught.value))

    asyncio.run(scenario())


def test_a_chunk_size_below_1_is_refused(tmp_path: Path) -> None:
    async def scenario() -> None:
        with pytest.raises(ValueError, match="at least 1 byte"):
            await send_file(Refusing(), tmp_path, Progress(), asyncio.Event(), chunk_size=0)

    asyncio.run(scenario())
