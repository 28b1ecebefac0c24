"""Files between two real messenger engines on loopback: offer, accept, decline, cancel, resume,
expiry, folders (``engine.files``, the file server on the engine's own port)."""

from __future__ import annotations

import asyncio
import os
import socket
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from desktop.core.errors import SocketDeskError
from desktop.core.ipmsg.events import FilesOffered, OfferReleased, PeerJoined
from desktop.core.ipmsg.file_request import FileRequest, request_packet
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg.transfer import Direction, Transfer, TransferState
from desktop.core.ipmsg_io.engine import MessengerEngine
from desktop.core.ipmsg_io.file_service import FileSettings
from desktop.core.net.connect import connect_socket
from tests.core.ipmsg_io.engine_files_helpers import (
    FilesSink,
    Pair,
    engine_pair,
    offered,
    peer_of,
    sha,
    tree,
)


def _run(scenario: Callable[[], Awaitable[None]]) -> None:
    asyncio.run(asyncio.wait_for(scenario(), 60))


def _one(rows: dict[int, Transfer], direction: Direction) -> Transfer:
    (row,) = [t for t in rows.values() if t.direction is direction]
    return row


def _done(pair: Pair) -> Callable[[], bool]:
    def both() -> bool:
        a, b = pair.sink_a.rows().values(), pair.sink_b.rows().values()
        return any(t.state.finished for t in b) and all(t.state.finished for t in a) and bool(a)

    return both


def test_a_file_moves_and_both_rows_say_done(tmp_path: Path) -> None:
    source = tmp_path / "out" / "报告 final.bin"
    source.parent.mkdir()
    source.write_bytes(os.urandom(3_000_000))
    inbox = tmp_path / "inbox"  # made by accept

    async def scenario() -> None:
        pair = await engine_pair()
        try:
            message = await offered(pair, [source], "here it is")
            assert message.text == "here it is"
            assert message.offer is not None
            assert [(f.name, f.size) for f in message.offer.files] == [(source.name, 3_000_000)]
            sent = [e for e in pair.sink_a.events if isinstance(e, FilesOffered)]
            assert sent and sent[0].offer.packet_no == message.offer.packet_no
            ids = pair.b.files.accept(message.offer, [0], inbox)
            await pair.sink_b.until(lambda: pair.sink_b.rows()[ids[0]].state.finished)
            await pair.sink_a.until(_done(pair))
            got = pair.sink_b.rows()[ids[0]]
            assert got.state is TransferState.DONE, got.reason
            assert sha(Path(got.path)) == sha(source)
            up = _one(pair.sink_a.rows(), Direction.SEND)
            assert up.state is TransferState.DONE
            assert up.done == 3_000_000
        finally:
            await pair.close()

    _run(scenario)
    assert os.listdir(inbox) == [source.name]


def test_a_folder_tree_with_chinese_names_empty_folder_and_empty_file(tmp_path: Path) -> None:
    top = tmp_path / "out" / "项目 资料"
    (top / "子目录" / "深层").mkdir(parents=True)
    (top / "空文件夹").mkdir()
    (top / "说明.txt").write_text("你好，世界\n", encoding="utf-8")
    (top / "子目录" / "数据.bin").write_bytes(os.urandom(700_000))
    (top / "子目录" / "深层" / "空.txt").write_bytes(b"")
    inbox = tmp_path / "inbox"

    async def scenario() -> None:
        pair = await engine_pair()
        try:
            message = await offered(pair, [top])
            assert message.offer is not None
            (entry,) = message.offer.files
            assert entry.is_folder and entry.size == 700_000 + len("你好，世界\n".encode())
            (row_id,) = pair.b.files.accept(message.offer, [entry.file_id], inbox)
            await pair.sink_a.until(_done(pair))
            got = pair.sink_b.rows()[row_id]
            assert got.state is TransferState.DONE, got.reason
            assert got.files_done == 3 and got.done == entry.size
            assert Path(got.path) == inbox / "项目 资料"
            assert _one(pair.sink_a.rows(), Direction.SEND).state is TransferState.DONE
        finally:
            await pair.close()

    _run(scenario)
    assert tree(inbox / "项目 资料") == tree(top)
    assert os.listdir(inbox) == ["项目 资料"]


def test_decline_turns_the_senders_row_declined(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(b"abc")

    async def scenario() -> None:
        pair = await engine_pair()
        try:
            message = await offered(pair, [source])
            assert message.offer is not None
            pair.b.files.decline(message.offer)
            released = await pair.sink_a.event(lambda e: isinstance(e, OfferReleased))
            assert isinstance(released, OfferReleased)
            assert released.packet_no == message.offer.packet_no
            await pair.sink_a.until(
                lambda: _one(pair.sink_a.rows(), Direction.SEND).state is TransferState.DECLINED
            )
            # The server refuses it from now on.
            (row_id,) = pair.b.files.accept(message.offer, [0], tmp_path / "in")
            await pair.sink_b.until(lambda: pair.sink_b.rows()[row_id].state.finished)
            assert pair.sink_b.rows()[row_id].state is TransferState.FAILED
        finally:
            await pair.close()

    _run(scenario)
    assert not (tmp_path / "in" / "a.txt").exists()


async def _until_partial(part: Path, size: int) -> None:
    """Poll every turn of the loop until ``part`` holds some, not all, of ``size`` bytes."""
    while not (part.exists() and 0 < part.stat().st_size < size):
        await asyncio.sleep(0)


BIG = 48 << 20


def test_receiver_cancels_then_retry_resumes_from_the_part(tmp_path: Path) -> None:
    source = tmp_path / "big.bin"
    source.write_bytes(os.urandom(BIG))
    inbox = tmp_path / "inbox"

    async def scenario() -> None:
        pair = await engine_pair()
        try:
            message = await offered(pair, [source])
            assert message.offer is not None
            (row_id,) = pair.b.files.accept(message.offer, [0], inbox)
            await _until_partial(inbox / "big.bin.part", BIG)
            pair.b.files.cancel(row_id)
            await pair.sink_b.until(lambda: pair.sink_b.rows()[row_id].state.finished)
            assert pair.sink_b.rows()[row_id].state is TransferState.CANCELLED
            held = (inbox / "big.bin.part").stat().st_size
            assert 0 < held < BIG
            assert not (inbox / "big.bin").exists()
            # The sender notices the closed connection (its row fails), so the file is free again.
            up = _one(pair.sink_a.rows(), Direction.SEND)
            await pair.sink_a.until(lambda: pair.sink_a.rows()[up.transfer_id].state.finished)
            seen_before = len(pair.sink_a.batches)
            pair.b.files.retry(row_id)
            await pair.sink_b.until(lambda: pair.sink_b.rows()[row_id].state.finished, timeout=40)
            assert pair.sink_b.rows()[row_id].state is TransferState.DONE
            again = [
                t
                for batch in pair.sink_a.batches[seen_before:]
                for t in batch
                if t.state is TransferState.RUNNING
            ]
            assert again and again[0].done == held  # asked from the .part's end
        finally:
            await pair.close()

    _run(scenario)
    assert sha(inbox / "big.bin") == sha(source)
    assert os.listdir(inbox) == ["big.bin"]


def test_sender_cancels_the_upload_and_the_receiver_keeps_no_complete_file(
    tmp_path: Path,
) -> None:
    source = tmp_path / "big.bin"
    source.write_bytes(os.urandom(BIG))
    inbox = tmp_path / "inbox"

    async def scenario() -> None:
        pair = await engine_pair()
        try:
            message = await offered(pair, [source])
            assert message.offer is not None
            (row_id,) = pair.b.files.accept(message.offer, [0], inbox)
            await _until_partial(inbox / "big.bin.part", BIG)
            up = _one(pair.sink_a.rows(), Direction.SEND)
            pair.a.files.cancel(up.transfer_id)
            await pair.sink_b.until(lambda: pair.sink_b.rows()[row_id].state.finished)
            await pair.sink_a.until(lambda: pair.sink_a.rows()[up.transfer_id].state.finished)
            assert pair.sink_a.rows()[up.transfer_id].state is TransferState.CANCELLED
            assert pair.sink_b.rows()[row_id].state is TransferState.FAILED
        finally:
            await pair.close()

    _run(scenario)
    assert not (inbox / "big.bin").exists()


def test_an_offer_expires_and_is_refused_after(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(b"abc")

    async def scenario() -> None:
        pair = await engine_pair(files_a=FileSettings(lifetime=0.3))
        try:
            message = await offered(pair, [source])
            assert message.offer is not None
            await pair.sink_a.until(
                lambda: _one(pair.sink_a.rows(), Direction.SEND).state is TransferState.EXPIRED
            )
            (row_id,) = pair.b.files.accept(message.offer, [0], tmp_path / "in")
            await pair.sink_b.until(lambda: pair.sink_b.rows()[row_id].state.finished)
            assert pair.sink_b.rows()[row_id].state is TransferState.FAILED
        finally:
            await pair.close()

    _run(scenario)
    assert not (tmp_path / "in" / "a.txt").exists()


def test_transfer_ids_start_where_the_app_says(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(b"abc")

    async def scenario() -> None:
        pair = await engine_pair(files_a=FileSettings(first_id=500))
        try:
            await offered(pair, [source])
            assert list(pair.sink_a.rows()) == [500]
        finally:
            await pair.close()

    _run(scenario)


def test_an_unreadable_path_is_refused_before_anything_is_sent(tmp_path: Path) -> None:
    async def scenario() -> None:
        pair = await engine_pair()
        try:
            key = peer_of(pair.sink_a).peer.key
            with pytest.raises(SocketDeskError, match="missing"):
                pair.a.files.offer([key], [str(tmp_path / "missing")], "")
            assert not any(isinstance(e, FilesOffered) for e in pair.sink_a.events)
        finally:
            await pair.close()

    _run(scenario)


def test_a_folder_far_larger_than_announced_is_stopped(tmp_path: Path) -> None:
    top = tmp_path / "out" / "grows"
    top.mkdir(parents=True)
    (top / "small.txt").write_bytes(b"12345")
    inbox = tmp_path / "inbox"

    async def scenario() -> None:
        pair = await engine_pair()
        try:
            message = await offered(pair, [top])
            assert message.offer is not None
            (top / "huge.bin").write_bytes(os.urandom(3 << 20))  # after the offer was made
            (row_id,) = pair.b.files.accept(message.offer, [0], inbox)
            await pair.sink_b.until(lambda: pair.sink_b.rows()[row_id].state.finished)
            got = pair.sink_b.rows()[row_id]
            assert got.state is TransferState.FAILED
            assert "far more than the announced 5 bytes" in str(got.reason)
        finally:
            await pair.close()

    _run(scenario)
    assert os.listdir(inbox) == []


def test_a_feiq_peer_with_a_gbk_user_name_is_served(tmp_path: Path) -> None:
    """FeiQ sends its names in GBK without UTF8OPT; the server matches them in the peer's
    encoding (``encoding_for``), not UTF-8."""
    source = tmp_path / "a.txt"
    source.write_bytes(b"for the FeiQ user")

    async def scenario() -> None:
        loop = asyncio.get_running_loop()
        sink = FilesSink()
        a = MessengerEngine(Identity("amin", "PC-A"), NodeSettings(port=0), sink, bind="127.0.0.1")
        host, port = await a.start(announce=False)
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        udp.bind(("127.0.0.3", 0))
        udp.setblocking(False)
        try:
            entry = "1_lbt4_0#128#001EC958856C#0#0#0:1655805997:张三:研发-PC:1:张三\0研发部\0"
            udp.sendto(entry.encode("gbk"), (host, port))  # (uvloop has no sock_sendto)
            joined = await sink.event(lambda e: isinstance(e, PeerJoined))
            assert isinstance(joined, PeerJoined) and joined.peer.key.user == "张三"
            a.files.offer([joined.peer.key], [str(source)], "")
            (offer,) = [e for e in sink.events if isinstance(e, FilesOffered)]
            tcp = await connect_socket(host, port, local_addr=("127.0.0.3", 0))
            try:
                request = FileRequest(offer.offer.packet_no, 0)
                data = request_packet(
                    Identity("张三", "研发-PC"), 1655806000, request, encoding="gbk"
                )
                await loop.sock_sendall(tcp, data)
                got = b""
                while chunk := await asyncio.wait_for(loop.sock_recv(tcp, 65536), 10):
                    got += chunk
            finally:
                tcp.close()
            assert got == b"for the FeiQ user"
            await sink.until(
                lambda: [t.state for t in sink.rows().values()] == [TransferState.DONE]
            )
        finally:
            udp.close()
            await a.close(leave=False)

    _run(scenario)
