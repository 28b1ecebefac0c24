"""The fetcher against senders that misbehave: short, long and broken streams, an iptux-like
sender that ignores the offset, a full disk, a cancel. Never a file that looks complete."""

from __future__ import annotations

import asyncio
import itertools
import os
import socket
import struct
import subprocess
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from desktop.core.ipmsg.events import Peer, PeerKey
from desktop.core.ipmsg.file_request import FileRequest, parse_request
from desktop.core.ipmsg.offers import Offer, OfferedFile
from desktop.core.ipmsg.transfer import Transfer, TransferState
from desktop.core.ipmsg_io.file_fetch import FetchOptions, choose_target
from desktop.core.ipmsg_io.transfer_book import TransferBook
from tests.core.ipmsg_io.files_helpers import RECEIVER, Recorder, close_pair, make_pair
from tests.helpers.strict import require

DATA = bytes(range(256)) * 4096  # 1 MiB, every position distinguishable mod 256
Serve = Callable[[FileRequest, asyncio.StreamWriter], Awaitable[None]]


class FakeSender:
    """A raw TCP sender: reads one request, then does what ``serve`` says."""

    def __init__(self, serve: Serve) -> None:
        self.serve = serve
        self.requests: list[FileRequest] = []
        self.port = 0
        self._server: asyncio.Server | None = None

    async def __aenter__(self) -> FakeSender:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        data = await reader.readuntil(b"\0")
        request = parse_request(data)[1]
        self.requests.append(request)
        try:
            await self.serve(request, writer)
        finally:
            writer.close()

    def offer(self, size: int = len(DATA), name: str = "data.bin") -> Offer:
        return Offer(
            Peer(PeerKey(("127.0.0.1", self.port), "amin", "PC-A")),
            packet_no=5,
            files=(OfferedFile(1, name, size),),
        )


async def _fetch(
    sender: FakeSender, folder: Path, offer: Offer | None = None
) -> tuple[Transfer, Recorder]:
    seen = Recorder()
    book = TransferBook(RECEIVER, seen.publish, options=FetchOptions(read_timeout=10, linger=5))
    (row,) = book.download(offer or sender.offer(), [1], folder)
    await seen.until(lambda: seen.finished(row))
    await book.close()
    return seen.last(row), seen


def _run(scenario: Callable[[], Awaitable[None]]) -> None:
    asyncio.run(scenario())  # type: ignore[arg-type]


def test_a_short_stream_fails_and_keeps_only_the_part(tmp_path: Path) -> None:
    async def short(request: FileRequest, writer: asyncio.StreamWriter) -> None:
        writer.write(DATA[:1000])
        await writer.drain()

    async def scenario() -> None:
        async with FakeSender(short) as sender:
            row, _ = await _fetch(sender, tmp_path)
        assert row.state is TransferState.FAILED
        assert "after {done} of {size}" in row.reason.template  # type: ignore[union-attr]
        assert os.listdir(tmp_path) == ["data.bin.part"]
        assert (tmp_path / "data.bin.part").read_bytes() == DATA[:1000]

    _run(scenario)


def test_a_long_stream_fails_and_leaves_nothing(tmp_path: Path) -> None:
    async def long(request: FileRequest, writer: asyncio.StreamWriter) -> None:
        writer.write(DATA + b"more")
        await writer.drain()

    async def scenario() -> None:
        async with FakeSender(long) as sender:
            row, _ = await _fetch(sender, tmp_path)
            assert [r.offset for r in sender.requests] == [0]  # no second try from 0
        assert row.state is TransferState.FAILED
        assert "more than the announced" in row.reason.template  # type: ignore[union-attr]
        assert os.listdir(tmp_path) == []

    _run(scenario)


def test_a_broken_stream_fails_and_keeps_only_the_part(tmp_path: Path) -> None:
    async def broken(request: FileRequest, writer: asyncio.StreamWriter) -> None:
        writer.write(DATA[:5000])
        await writer.drain()
        sock = writer.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()  # a reset, not a close

    async def scenario() -> None:
        async with FakeSender(broken) as sender:
            row, _ = await _fetch(sender, tmp_path)
        assert row.state is TransferState.FAILED
        assert os.listdir(tmp_path) == ["data.bin.part"]

    _run(scenario)


def test_a_sender_that_refuses_fails_the_row(tmp_path: Path) -> None:
    async def refuse(request: FileRequest, writer: asyncio.StreamWriter) -> None:
        return

    async def scenario() -> None:
        async with FakeSender(refuse) as sender:
            row, _ = await _fetch(sender, tmp_path)
        assert row.state is TransferState.FAILED
        assert "without sending anything" in row.reason.template  # type: ignore[union-attr]
        assert not (tmp_path / "data.bin").exists()

    _run(scenario)


def test_a_sender_that_ignores_the_offset_is_detected_and_restarted(tmp_path: Path) -> None:
    async def iptux(request: FileRequest, writer: asyncio.StreamWriter) -> None:
        writer.write(DATA)  # iptux sends the whole file whatever the offset (§3.2)
        await writer.drain()

    (tmp_path / "data.bin.part").write_bytes(DATA[:300_000])

    async def scenario() -> None:
        async with FakeSender(iptux) as sender:
            row, _ = await _fetch(sender, tmp_path)
            assert [r.offset for r in sender.requests] == [300_000, 0]
        assert row.state is TransferState.DONE, row.reason
        assert (tmp_path / "data.bin").read_bytes() == DATA
        assert os.listdir(tmp_path) == ["data.bin"]

    _run(scenario)


def test_a_sender_that_honours_the_offset_sends_only_the_rest(tmp_path: Path) -> None:
    async def ipmsg(request: FileRequest, writer: asyncio.StreamWriter) -> None:
        writer.write(DATA[request.offset :])
        await writer.drain()

    (tmp_path / "data.bin.part").write_bytes(DATA[:300_000])

    async def scenario() -> None:
        async with FakeSender(ipmsg) as sender:
            row, _ = await _fetch(sender, tmp_path)
            assert [r.offset for r in sender.requests] == [300_000]
        assert row.state is TransferState.DONE
        assert (tmp_path / "data.bin").read_bytes() == DATA
        assert row.done == len(DATA)

    _run(scenario)


def test_cancel_mid_stream_then_retry_resumes(tmp_path: Path) -> None:
    release = asyncio.Event()

    async def stalls(request: FileRequest, writer: asyncio.StreamWriter) -> None:
        if request.offset == 0:
            writer.write(DATA[:100_000])
            await writer.drain()
            await release.wait()  # hold the connection open, sending nothing more
        else:
            writer.write(DATA[request.offset :])
            await writer.drain()

    async def scenario() -> None:
        async with FakeSender(stalls) as sender:
            seen = Recorder()
            ticks = itertools.count()  # each progress step a second later: all published
            book = TransferBook(RECEIVER, seen.publish, clock=lambda: float(next(ticks)))
            (row,) = book.download(sender.offer(), [1], tmp_path)
            await seen.until(lambda: seen.last(row).done == 100_000)
            book.cancel(row)
            await seen.until(lambda: seen.finished(row))
            assert seen.last(row).state is TransferState.CANCELLED
            assert os.listdir(tmp_path) == ["data.bin.part"]
            (tmp_path / "data.bin").write_bytes(b"the user's own file, made meanwhile")
            book.retry(row)
            await seen.until(lambda: seen.last(row).state is TransferState.DONE)
            assert [r.offset for r in sender.requests] == [0, 100_000]
            assert seen.last(row).path == str(tmp_path / "data (2).bin")
            release.set()
            await book.close()
        assert (tmp_path / "data (2).bin").read_bytes() == DATA
        assert (tmp_path / "data.bin").read_bytes() == b"the user's own file, made meanwhile"
        assert sorted(os.listdir(tmp_path)) == ["data (2).bin", "data.bin"]

    _run(scenario)


def test_a_full_disk_fails_cleanly(tmp_path: Path) -> None:
    require(os.geteuid() == 0, "mounting a tmpfs needs root")
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    require(done.returncode == 0, f"could not mount a tmpfs: {done.stderr.strip()}")
    source = tmp_path / "big.bin"
    source.write_bytes(DATA)

    async def scenario() -> None:
        pair = await make_pair()
        try:
            offer = pair.offer({1: source})
            (row,) = pair.receiver.download(offer, [1], mount)
            await pair.received.until(lambda: pair.received.finished(row))
            result = pair.received.last(row)
        finally:
            await close_pair(pair)
        assert result.state is TransferState.FAILED
        assert "No space left on device" in str(result.reason)
        assert os.listdir(mount) == ["big.bin.part"]

    try:
        _run(scenario)
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.mark.parametrize(
    ("offered", "expected"),
    [
        ("../../etc/passwd", ".._.._etc_passwd"),
        ("/etc/passwd", "_etc_passwd"),
        ("C:\\Windows\\evil.exe", "C__Windows_evil.exe"),
        ("..", "unnamed"),
        ("", "unnamed"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("a\x00b\nc\x7f", "a_b_c_"),
        ("trailing. . ", "trailing"),
        ("报告.txt", "报告.txt"),
    ],
)
def test_offered_names_land_inside_the_folder(tmp_path: Path, offered: str, expected: str) -> None:
    target = choose_target(tmp_path, offered)
    assert target.parent == tmp_path
    assert target.name == expected
