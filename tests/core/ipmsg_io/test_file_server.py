"""Hostile peers against our file server: each is refused, timed out or bounded."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest

from desktop.core.ipmsg.events import Peer, PeerKey
from desktop.core.ipmsg.file_request import FileRequest, request_packet
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.offer_book import SharedFile
from desktop.core.ipmsg.transfer import TransferState
from desktop.core.ipmsg.transfer_errors import FileRefused
from desktop.core.ipmsg_io.file_server import FoldersUnavailable, ServerLimits
from tests.core.ipmsg_io.files_helpers import PACKET, RECEIVER, Pair, close_pair, make_pair

SECRET = b"the offered file's contents\n"


async def _ask(port: int, data: bytes, source: str = "127.0.0.1") -> bytes:
    """Send ``data`` from ``source`` and read until the server closes."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(source, 0))
    try:
        writer.write(data)
        await writer.drain()
        return await asyncio.wait_for(reader.read(), 20)
    finally:
        writer.close()


def _request(
    packet_no: int = PACKET,
    file_id: int = 1,
    offset: int = 0,
    who: Identity = RECEIVER,
    folder: bool = False,
) -> bytes:
    return request_packet(who, 9, FileRequest(packet_no, file_id, offset, folder))


def _scenario(tmp_path: Path, body, **pair_options) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "shared.txt"
    source.write_bytes(SECRET)
    (tmp_path / "private.txt").write_bytes(b"never to be sent")

    async def run() -> None:
        pair = await make_pair(**pair_options)
        try:
            pair.offer({1: source})
            await body(pair)
        finally:
            await close_pair(pair)

    asyncio.run(run())


def _refusal(pair: Pair) -> str:
    (error,) = pair.sent.refused
    assert isinstance(error, FileRefused)
    return error.reason.template


def test_the_recipient_gets_the_file(tmp_path: Path) -> None:
    async def body(pair: Pair) -> None:
        assert await _ask(pair.port, _request()) == SECRET
        assert await _ask(pair.port, _request(offset=4)) == b""  # fetched once: refused now
        assert "already fetched" in _refusal(pair)

    _scenario(tmp_path, body)


def test_iptux_form_without_nul_is_served(tmp_path: Path) -> None:
    async def body(pair: Pair) -> None:
        data = b"1_iptux 0.8.3:9:bob:PC-B:96:%x:1:4" % PACKET
        assert await _ask(pair.port, data) == SECRET[4:]

    _scenario(tmp_path, body)


@pytest.mark.parametrize(
    ("data", "source", "reason"),
    [
        (_request(packet_no=PACKET + 1), "127.0.0.1", "nothing was offered"),
        (_request(file_id=2), "127.0.0.1", "no file with id"),
        (_request(), "127.0.0.2", "not made to the address"),
        (_request(who=Identity("mallory", "PC-B")), "127.0.0.1", "not made to {user}@{host}"),
        (_request(who=Identity("bob", "PC-M")), "127.0.0.1", "not made to {user}@{host}"),
        (_request(folder=True), "127.0.0.1", "a file was asked for as a folder"),
        (_request(offset=len(SECRET) + 1), "127.0.0.1", "past the file's end"),
    ],
    ids=["packet", "file-id", "other-ip", "user", "host", "as-folder", "offset"],
)
def test_a_request_that_does_not_match_the_offer_gets_nothing(
    tmp_path: Path, data: bytes, source: str, reason: str
) -> None:
    async def body(pair: Pair) -> None:
        assert await _ask(pair.port, data, source) == b""
        assert reason in _refusal(pair)
        assert await _ask(pair.port, _request()) == SECRET  # the real recipient still can

    _scenario(tmp_path, body)


@pytest.mark.parametrize(
    "data",
    [
        b"1:9:bob:PC-B:96:%x:1:0:/etc/passwd\0" % PACKET,
        b"1:9:bob:PC-B:96:%x:../private.txt:0:\0" % PACKET,
        b"1:9:bob:PC-B:96:/etc/passwd\0",
        b"GET /private.txt HTTP/1.0\r\n\r\n",
    ],
)
def test_a_path_in_the_request_gets_nothing(tmp_path: Path, data: bytes) -> None:
    async def body(pair: Pair) -> None:
        assert await _ask(pair.port, data) == b""
        assert len(pair.sent.refused) == 1
        assert not pair.uploads()[0].state.finished  # nothing was sent

    _scenario(tmp_path, body)


def test_a_released_offer_is_refused(tmp_path: Path) -> None:
    async def body(pair: Pair) -> None:
        pair.sender.released(PACKET, "127.0.0.1")
        assert await _ask(pair.port, _request()) == b""
        assert "nothing was offered" in _refusal(pair)  # its only recipient released it
        assert pair.uploads()[-1].state is TransferState.DECLINED

    _scenario(tmp_path, body)


def test_an_expired_offer_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "late.txt"
    source.write_bytes(b"late")

    async def body(pair: Pair) -> None:
        me = pair.receiver.identity
        bob = Peer(PeerKey(("127.0.0.1", 2425), me.user, me.host))
        (row,) = pair.sender.share(77, [bob], {1: SharedFile(str(source), False, 4)}, 0)
        await pair.sent.until(lambda: pair.sent.finished(row))
        assert pair.sent.last(row).state is TransferState.EXPIRED
        assert await _ask(pair.port, _request(packet_no=77)) == b""
        assert "nothing was offered" in _refusal(pair)

    _scenario(tmp_path, body)


def test_a_folder_request_is_refused_until_folders_are_wired(tmp_path: Path) -> None:
    folder = tmp_path / "album"
    folder.mkdir()

    async def body(pair: Pair) -> None:
        me = pair.receiver.identity
        bob = Peer(PeerKey(("127.0.0.1", 2425), me.user, me.host))
        pair.sender.share(78, [bob], {2: SharedFile(str(folder), True, 0)}, None)
        assert await _ask(pair.port, _request(packet_no=78, file_id=2, folder=True)) == b""
        (error,) = pair.sent.refused
        assert isinstance(error, FoldersUnavailable)

    _scenario(tmp_path, body)


def test_a_silent_peer_is_closed_after_the_timeout(tmp_path: Path) -> None:
    async def body(pair: Pair) -> None:
        silent = [await asyncio.open_connection("127.0.0.1", pair.port) for _ in range(3)]
        # Meanwhile the real recipient is served: the silent ones hold no thread.
        assert await _ask(pair.port, _request()) == SECRET
        for reader, writer in silent:
            assert await asyncio.wait_for(reader.read(), 20) == b""
            writer.close()
        await pair.sent.until(lambda: len(pair.sent.refused) == 3)
        assert all("no whole request" in e.reason.template for e in pair.sent.refused)  # type: ignore[attr-defined]
        assert pair.sender.server is not None and pair.sender.server.active == 0

    _scenario(tmp_path, body, limits=ServerLimits(request_timeout=0.5))


def test_a_trickling_peer_is_closed_after_the_timeout(tmp_path: Path) -> None:
    async def body(pair: Pair) -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", pair.port)
        closed = asyncio.ensure_future(reader.read())
        request = _request()[:-2]  # never ends, and never grows past the size cap in time
        sent = 0
        while not closed.done() and sent < len(request):
            writer.write(request[sent : sent + 1])
            sent += 1
            await asyncio.wait([closed], timeout=0.05)  # the trickle's pace (no result awaited)
        assert closed.done() and closed.result() == b""
        assert sent < len(request)
        writer.close()
        assert "no whole request" in _refusal(pair)

    _scenario(tmp_path, body, limits=ServerLimits(request_timeout=0.5))


async def _closed(
    connections: list[tuple[asyncio.StreamReader, asyncio.StreamWriter]], n: int
) -> None:
    """Wait until ``n`` of the connections were closed by the server (EOF or reset)."""

    async def read(reader: asyncio.StreamReader) -> None:
        with contextlib.suppress(ConnectionError):
            await reader.read()

    pending = {asyncio.ensure_future(read(r)) for r, _w in connections}
    done: set[asyncio.Future[None]] = set()
    while len(done) < n:
        finished, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        done |= finished
    for task in pending:
        task.cancel()


def test_many_connections_at_once_are_bounded(tmp_path: Path) -> None:
    async def body(pair: Pair) -> None:
        server = pair.sender.server
        assert server is not None
        opened = [await asyncio.open_connection("127.0.0.1", pair.port) for _ in range(10)]
        await asyncio.wait_for(_closed(opened, 8), 20)  # 2 from one address at most
        others = [
            await asyncio.open_connection("127.0.0.1", pair.port, local_addr=("127.0.0.2", 0))
            for _ in range(3)
        ]
        await asyncio.wait_for(_closed(others, 1), 20)  # 4 in all at most
        assert server.active == 4 and server.turned_away == 9
        for _reader, writer in opened + others:
            writer.close()

    _scenario(
        tmp_path,
        body,
        limits=ServerLimits(request_timeout=30, max_connections=4, max_per_ip=2),
    )


def test_cancelling_a_running_upload_stops_it(tmp_path: Path) -> None:
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * (64 << 20))

    async def body(pair: Pair) -> None:
        me = pair.receiver.identity
        bob = Peer(PeerKey(("127.0.0.1", 2425), me.user, me.host))
        (row,) = pair.sender.share(79, [bob], {1: SharedFile(str(big), False, 64 << 20)}, None)
        reader, writer = await asyncio.open_connection("127.0.0.1", pair.port)
        writer.write(_request(packet_no=79))
        await reader.readexactly(1000)  # it started; we stop reading: the server blocks
        await pair.sent.until(lambda: pair.sent.last(row).state is TransferState.RUNNING)
        pair.sender.cancel(row)
        await pair.sent.until(lambda: pair.sent.finished(row))
        assert pair.sent.last(row).state is TransferState.CANCELLED
        writer.close()
        again = await _ask(pair.port, _request(packet_no=79))
        assert again == b"" and "withdrawn" in _refusal(pair)

    _scenario(tmp_path, body)


def test_a_retry_while_the_old_connection_lives_is_served_and_the_old_one_ends_interrupted(
    tmp_path: Path,
) -> None:
    """The receiver gave up a connection the sender still serves (its close not noticed yet)
    and asks again from its .part: the old upload ends as interrupted (failed, not done), the
    new request is served from its offset, and the one row goes on to done."""
    big = tmp_path / "big.bin"
    data = bytes(range(256)) * (32 << 12)  # 8 MiB, more than loopback's socket buffers

    async def body(pair: Pair) -> None:
        big.write_bytes(data)
        pair.offer({1: big}, packet_no=PACKET + 7)
        old_reader, old_writer = await asyncio.open_connection("127.0.0.1", pair.port)
        old_writer.write(_request(packet_no=PACKET + 7))
        held = await asyncio.wait_for(old_reader.readexactly(100_000), 20)
        [row_id] = {t.transfer_id for t in pair.uploads() if t.packet_no == PACKET + 7}
        await pair.sent.until(lambda: pair.sent.last(row_id).state is TransferState.RUNNING)
        mark = len(pair.sent.seen)
        try:  # the old connection stays open and unread: the sender is stuck in it
            rest = await _ask(pair.port, _request(packet_no=PACKET + 7, offset=len(held)))
        finally:
            old_writer.close()
        assert held + rest == data
        assert pair.sent.refused == []
        await pair.sent.until(lambda: pair.sent.last(row_id).state.finished)
        after = [t for t in pair.sent.seen[mark:] if t.transfer_id == row_id]
        states = [t.state for t in after]
        ended = states.index(TransferState.FAILED)
        assert "the receiver asked for the file again" in after[ended].reason.template  # type: ignore[union-attr]
        assert TransferState.DONE not in states[:ended]  # the old one never looked complete
        assert TransferState.CANCELLED not in states
        assert after[ended + 1].state is TransferState.RUNNING
        assert after[ended + 1].done == len(held)  # the new one from the asked offset
        assert states[-1] is TransferState.DONE
        assert {t.transfer_id for t in pair.uploads() if t.packet_no == PACKET + 7} == {row_id}
        # Fetched now: a third request is refused.
        assert await _ask(pair.port, _request(packet_no=PACKET + 7)) == b""
        assert "already fetched" in _refusal(pair)

    _scenario(tmp_path, body)
