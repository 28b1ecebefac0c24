"""Our file server and our fetcher over loopback: contents equal, resume, cancel, retry."""

from __future__ import annotations

import asyncio
import hashlib
import os
from pathlib import Path

import pytest

from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.transfer import Direction, TransferState
from tests.core.ipmsg_io.files_helpers import Pair, close_pair, make_pair


def _run(coro_factory) -> None:  # type: ignore[no-untyped-def]
    asyncio.run(coro_factory())


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def _download(pair: Pair, path: Path, folder: Path, file_id: int = 1):  # type: ignore[no-untyped-def]
    offer = pair.offer({file_id: path})
    (row,) = pair.receiver.download(offer, [file_id], folder)
    await pair.received.until(lambda: pair.received.finished(row))
    return pair.received.last(row)


@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("empty.bin", 0),
        ("one.bin", 1),
        ("several.bin", 5 * 1024 * 1024 + 7),
        ("报告 2024.txt", 4096),
    ],
)
def test_a_file_arrives_intact(tmp_path: Path, name: str, size: int) -> None:
    source = tmp_path / "out" / name
    source.parent.mkdir()
    source.write_bytes(os.urandom(size))
    folder = tmp_path / "in"
    folder.mkdir()

    async def scenario() -> None:
        pair = await make_pair()
        try:
            row = await _download(pair, source, folder)
            assert row.state is TransferState.DONE, row.reason
            landed = folder / name
            assert row.path == str(landed)
            assert _digest(landed) == _digest(source)
            assert sorted(os.listdir(folder)) == [name]  # no .part left
            assert int(landed.stat().st_mtime) == int(source.stat().st_mtime)
            await pair.sent.until(
                lambda: any(t.state is TransferState.DONE for t in pair.uploads())
            )
            up = pair.uploads()[-1]
            assert (up.direction, up.done, up.size, up.path) == (
                Direction.SEND,
                size,
                size,
                str(source),
            )
        finally:
            await close_pair(pair)

    _run(scenario)


def test_chinese_names_on_both_sides(tmp_path: Path) -> None:
    source = tmp_path / "你好，欢迎进入飞秋.txt"
    source.write_bytes("飞秋".encode() * 1000)
    folder = tmp_path / "收到"
    folder.mkdir()

    async def scenario() -> None:
        pair = await make_pair(receiver=Identity("小明", "小明的电脑"))
        try:
            row = await _download(pair, source, folder)
        finally:
            await close_pair(pair)
        assert row.state is TransferState.DONE, row.reason
        assert (folder / source.name).read_bytes() == source.read_bytes()
        assert pair.uploads()[-1].peer_label.startswith("小明")

    _run(scenario)


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(b"new")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"mine")

    async def scenario() -> None:
        pair = await make_pair()
        try:
            row = await _download(pair, source, folder)
        finally:
            await close_pair(pair)
        assert row.state is TransferState.DONE
        assert (folder / "a.txt").read_bytes() == b"mine"
        assert (folder / "a (2).txt").read_bytes() == b"new"
        assert row.path == str(folder / "a (2).txt")

    _run(scenario)


def test_a_part_file_is_resumed_from_its_size(tmp_path: Path) -> None:
    data = os.urandom(300_000)
    source = tmp_path / "big.bin"
    source.write_bytes(data)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "big.bin.part").write_bytes(data[:123_456])

    async def scenario() -> None:
        pair = await make_pair()
        try:
            row = await _download(pair, source, folder)
            assert row.state is TransferState.DONE, row.reason
            await pair.sent.until(
                lambda: any(t.state is TransferState.DONE for t in pair.uploads())
            )
            running = [t for t in pair.uploads() if t.state is TransferState.RUNNING]
            assert running[0].done == 123_456  # the server started at the asked offset
        finally:
            await close_pair(pair)
        assert (folder / "big.bin").read_bytes() == data
        assert not (folder / "big.bin.part").exists()

    _run(scenario)


def test_many_files_of_one_offer(tmp_path: Path) -> None:
    sources = {}
    for i in range(1, 7):
        sources[i] = tmp_path / f"f{i}.bin"
        sources[i].write_bytes(os.urandom(i * 70_001))
    folder = tmp_path / "in"
    folder.mkdir()

    async def scenario() -> None:
        pair = await make_pair()
        try:
            offer = pair.offer(sources)
            rows = pair.receiver.download(offer, list(sources), folder)
            await pair.received.until(lambda: all(pair.received.finished(r) for r in rows))
        finally:
            await close_pair(pair)
        for i, row in zip(sources, rows, strict=True):
            assert pair.received.last(row).state is TransferState.DONE
            assert (folder / f"f{i}.bin").read_bytes() == sources[i].read_bytes()

    _run(scenario)
