"""Files and folders across namespaces: iptux's core ↔ SocketDesk, SocketDesk ↔ SocketDesk.

iptux is its own protocol code (``tests/peers/iptux_peer``, Debian's ``libiptux-core``);
SocketDesk is ``socketdesk-cli ipmsg listen --accept-dir`` / ``send-file`` running as a host, or
an engine whose loop thread lives in a host's namespace (``EnginePeer(netns=…)``) when the test
must act mid-transfer (cancel, retry). A slow link, where a test needs time to interrupt, is an
nftables ``limit rate`` in the receiving namespace. Strict: nothing here skips under
SOCKETDESK_STRICT=1.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from desktop.core.ipmsg.transfer import Direction, Transfer, TransferState
from tests.cli.ipmsg_peers import CLI, ENV, EnginePeer, engine_peer, listening
from tests.helpers.strict import require
from tests.lan.netlan import ROOT, LanHost
from tests.lan.test_iptux_files import CONTENT, NOTE, TREE, digests, make_offer
from tests.peers.iptux_peer import IptuxPeer, peer_available, running_peer

pytestmark = pytest.mark.lan

BIG = 200 * 1000 * 1000


def _needed() -> None:
    ok, reason = peer_available()
    require(ok, reason)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        while chunk := source.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def make_big(path: Path, size: int) -> None:
    """``size`` incompressible bytes (a random MiB, rotated per MiB)."""
    block = os.urandom(1 << 20)
    with path.open("wb") as out:
        written = 0
        while written < size:
            shift = (written >> 20) % len(block)
            chunk = (block[shift:] + block[:shift])[: size - written]
            out.write(chunk)
            written += len(chunk)


@contextmanager
def slow_link(host: LanHost, bytes_per_second: int) -> Iterator[None]:
    """Incoming TCP to ``host`` above the rate is dropped (TCP slows to it)."""
    table = "sdslow"
    rules = [
        ["nft", "add", "table", "inet", table],
        ["nft", "add", "chain", "inet", table, "in", "{ type filter hook input priority 0; }"],
        ["nft", "add", "rule", "inet", table, "in", "meta", "l4proto", "tcp", "limit", "rate",
         "over", f"{bytes_per_second // 1000} kbytes/second", "drop"],
    ]  # fmt: skip
    for rule in rules:
        done = host.run(rule, text=True)
        assert done.returncode == 0, done.stderr
    try:
        yield
    finally:
        host.run(["nft", "delete", "table", "inet", table])


def wait(check: Callable[[], Any], timeout: float = 60, what: str = "") -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := check():
            return value
        time.sleep(0.02)
    raise AssertionError(f"not reached in {timeout} s: {what}")


def finished(peer: EnginePeer, direction: Direction, count: int) -> list[Transfer]:
    """Wait until ``count`` rows of ``direction`` are finished; those rows."""

    def rows() -> list[Transfer] | None:
        found = [t for t in peer.snapshot() if t.direction is direction and t.state.finished]
        return found if len(found) >= count else None

    return wait(rows, 300, f"{count} finished {direction.value} rows: {peer.snapshot()}")  # type: ignore[no-any-return]


def accept_into(folder: Path) -> Callable[[Any, Any], None]:
    def accept(engine: Any, event: Any) -> None:
        engine.files.accept(event.offer, [f.file_id for f in event.offer.files], folder)

    return accept


def meet(iptux: IptuxPeer, address: str) -> None:
    """iptux sends us BR_ENTRY; we answer, and are its pal."""
    iptux.detect(address)
    iptux.wait_for(lambda e: e["event"] in ("online", "update") and e["ip"] == address)


# -- iptux → SocketDesk ---------------------------------------------------------------------------
def test_iptux_offers_files_a_chinese_tree_and_200_mb_to_listen_accept_dir(
    make_lan, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _needed()
    iptux_host, our_host = make_lan(2).hosts
    paths = make_offer(tmp_path / "offered")
    big = tmp_path / "offered" / "大文件.bin"
    make_big(big, BIG)
    inbox = tmp_path / "inbox"
    with (
        running_peer(iptux_host, tmp_path / "home", "图克斯") as iptux,
        listening(
            "--bind", our_host.address, "--broadcast", our_host.broadcast,
            "--accept-dir", str(inbox), popen=our_host.popen,
        ) as listener,
    ):  # fmt: skip
        meet(iptux, our_host.address)
        sent = iptux.offer(our_host.address, [*paths, big])
        got = listener.transfers(4, timeout=300)
        message = listener.wait_for(lambda e: e["event"] == "message")
    assert message["packet_no"] == sent["packet"]
    assert sorted((t["name"], t["state"], t["folder"]) for t in got) == [
        ("大文件.bin", "done", False),
        ("报告.txt", "done", False),
        ("空文件.txt", "done", False),
        ("资料", "done", True),
    ]
    assert {t["name"]: t["bytes"] for t in got if not t["folder"]} == {
        "报告.txt": len(CONTENT),
        "空文件.txt": 0,
        "大文件.bin": BIG,
    }
    assert sha256(inbox / "大文件.bin") == sha256(big)
    big.unlink()
    (inbox / "大文件.bin").unlink()
    assert digests(inbox) == digests(tmp_path / "offered")
    assert (inbox / "资料" / "说明.txt").read_bytes() == NOTE


# -- SocketDesk → iptux ---------------------------------------------------------------------------
def test_send_file_waits_for_iptux_to_fetch_a_file_and_a_folder(make_lan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _needed()
    iptux_host, our_host = make_lan(2).hosts
    paths = make_offer(tmp_path / "offered")
    into = tmp_path / "iptux-got"
    into.mkdir()
    with running_peer(iptux_host, tmp_path / "home", "图克斯") as iptux:
        sender = our_host.popen(
            [*CLI, "send-file", iptux_host.address, str(paths[0]), str(paths[2]),
             "--message", "文件来了", "--bind", our_host.address, "--timeout", "120"],
            cwd=ROOT, env=ENV, stdout=-1, stderr=-1,
        )  # fmt: skip
        offered = iptux.wait_offer(our_host.address, 2, timeout=30)
        assert [(e["name"], e["folder"]) for e in offered] == [("报告.txt", False), ("资料", True)]
        assert offered[1]["size"] == TREE
        fetched = iptux.fetch_all(into, 2)
        out, err = sender.communicate(timeout=60)
    assert [(e["ok"], e["bytes"]) for e in fetched] == [(True, len(CONTENT)), (True, TREE)]
    assert sender.returncode == 0, err.decode()
    assert len(out.decode().splitlines()) == 2
    assert (into / "报告.txt").read_bytes() == CONTENT
    assert digests(into / "资料") == digests(paths[2])


# -- iptux ignores the resume offset ---------------------------------------------------------
def test_a_download_from_iptux_resumed_from_a_part_restarts_cleanly(
    make_lan, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """iptux sends the whole file whatever offset we ask: the fetcher sees it and restarts.

    The interrupted download is a ``.part`` holding the first 4 MiB, as one left by an earlier
    try: cutting a live download from iptux's core kills it (SIGPIPE, exit -13), so the
    interruption cannot be made against a living iptux.
    """
    _needed()
    iptux_host, our_host = make_lan(2).hosts
    source = tmp_path / "大.bin"
    make_big(source, 24 << 20)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    part = inbox / "大.bin.part"
    held = 4 << 20
    part.write_bytes(source.read_bytes()[:held])
    with (
        running_peer(iptux_host, tmp_path / "home", "图克斯") as iptux,
        engine_peer(
            accept_into(inbox), bind=our_host.address, port=2425, netns=our_host.namespace
        ) as ours,
    ):
        meet(iptux, our_host.address)
        iptux.offer(our_host.address, [source])
        [done] = finished(ours, Direction.RECEIVE, 1)
        iptux.forget(lambda e: False)
        starts = sum(e["event"] == "upload-started" for e in iptux.seen)
        after = [t.done for t in ours.history if t.transfer_id == done.transfer_id]
    assert done.state is TransferState.DONE, done.reason
    assert sha256(inbox / "大.bin") == sha256(source)
    assert not part.exists()
    # Asked from the .part's end (progress said ``held``); iptux sent from byte 0 anyway, so
    # the fetcher started over from 0 on a new connection rather than appending.
    assert held in after, after
    assert 0 in after[after.index(held) :], after
    assert starts == 2  # iptux served the resumed request, then the one from byte 0


# -- SocketDesk ↔ SocketDesk ----------------------------------------------------------------------
def _pair(lan: Any, on_offer: Any) -> tuple[EnginePeer, EnginePeer]:
    a, b = lan.hosts
    sender = EnginePeer(None, bind=a.address, port=2425, netns=a.namespace, name="甲")
    receiver = EnginePeer(on_offer, bind=b.address, port=2425, netns=b.namespace, name="乙")
    sender.run(sender.engine.contact, (b.address, 2425))
    wait(lambda: [p for p in sender.run(sender.engine.peers) if p.address[0] == b.address])
    return sender, receiver


def _key(sender: EnginePeer, address: str) -> Any:
    [peer] = [p for p in sender.run(sender.engine.peers) if p.address[0] == address]
    return peer.key


def test_socketdesk_to_socketdesk_a_file_and_a_folder(make_lan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lan = make_lan(2)
    paths = make_offer(tmp_path / "offered")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    sender, receiver = _pair(lan, accept_into(inbox))
    try:
        key = _key(sender, lan.hosts[1].address)
        sender.run(sender.engine.files.offer, [key], [str(p) for p in paths], "给你")
        got = finished(receiver, Direction.RECEIVE, 3)
        sent = finished(sender, Direction.SEND, 3)
    finally:
        sender.close()
        receiver.close()
    assert [t.state for t in got] == [TransferState.DONE] * 3
    assert [t.state for t in sent] == [TransferState.DONE] * 3
    assert digests(inbox) == digests(tmp_path / "offered")


def test_socketdesk_resumes_an_interrupted_download_from_its_part(make_lan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lan = make_lan(2)
    source = tmp_path / "大.bin"
    make_big(source, 24 << 20)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    sender, receiver = _pair(lan, accept_into(inbox))
    try:
        with slow_link(lan.hosts[1], 8_000_000):
            sender.run(
                sender.engine.files.offer, [_key(sender, lan.hosts[1].address)], [str(source)], ""
            )
            [row] = wait(lambda: [t for t in receiver.snapshot() if t.done >= 4 << 20], 60)
            receiver.run(receiver.engine.files.cancel, row.transfer_id)
            wait(lambda: receiver.transfers[row.transfer_id].state is TransferState.CANCELLED)
            held = (inbox / "大.bin.part").stat().st_size
            mark = len(receiver.history)
            receiver.run(receiver.engine.files.retry, row.transfer_id)
            wait(
                lambda: (
                    receiver.transfers[row.transfer_id].state
                    in (TransferState.DONE, TransferState.FAILED)
                ),
                120,
            )
            after = [t.done for t in receiver.history[mark:] if t.transfer_id == row.transfer_id]
    finally:
        sender.close()
        receiver.close()
    assert receiver.transfers[row.transfer_id].state is TransferState.DONE
    assert sha256(inbox / "大.bin") == sha256(source)
    assert held > 0 and min(d for d in after if d > 0) >= held  # resumed: never back to 0


@pytest.mark.parametrize("side", ["receiver", "sender"])
def test_a_cancel_on_either_side_ends_both_rows_not_done(
    make_lan, tmp_path: Path, side: str
) -> None:  # type: ignore[no-untyped-def]
    lan = make_lan(2)
    source = tmp_path / "大.bin"
    make_big(source, 24 << 20)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    sender, receiver = _pair(lan, accept_into(inbox))
    try:
        with slow_link(lan.hosts[1], 8_000_000):
            sender.run(
                sender.engine.files.offer, [_key(sender, lan.hosts[1].address)], [str(source)], ""
            )
            wait(lambda: [t for t in receiver.snapshot() if t.done >= 2 << 20], 60)
            who = receiver if side == "receiver" else sender
            direction = Direction.RECEIVE if side == "receiver" else Direction.SEND
            [row] = [t for t in who.snapshot() if t.direction is direction]
            who.run(who.engine.files.cancel, row.transfer_id)
            [down] = finished(receiver, Direction.RECEIVE, 1)
            [up] = finished(sender, Direction.SEND, 1)
    finally:
        sender.close()
        receiver.close()
    assert down.state in (TransferState.CANCELLED, TransferState.FAILED)
    assert up.state in (TransferState.CANCELLED, TransferState.FAILED)
    assert who.transfers[row.transfer_id].state is TransferState.CANCELLED
    assert not (inbox / "大.bin").exists()  # nothing that looks complete


def test_a_folder_of_10000_small_files(make_lan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lan = make_lan(2)
    tree = tmp_path / "out" / "一万"
    block = os.urandom(1000)
    for n in range(10_000):
        sub = tree / f"d{n // 100:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"文件{n:05d}.bin").write_bytes(block[: 100 + n % 900])
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    sender, receiver = _pair(lan, accept_into(inbox))
    try:
        started = time.monotonic()
        sender.run(sender.engine.files.offer, [_key(sender, lan.hosts[1].address)], [str(tree)], "")
        [row] = finished(receiver, Direction.RECEIVE, 1)
        seconds = time.monotonic() - started
    finally:
        sender.close()
        receiver.close()
    print(f"10,000 files in {seconds:.1f} s")  # shown with -s; the report quotes it
    assert row.state is TransferState.DONE, row.reason
    assert row.files_done == 10_000
    assert digests(inbox / "一万") == digests(tree)


def test_the_engine_peer_runs_inside_its_namespace(make_lan) -> None:  # type: ignore[no-untyped-def]
    """The harness itself: an engine whose loop thread entered a host answers over the bridge."""
    a, b = make_lan(2).hosts
    with engine_peer(bind=a.address, port=2425, netns=a.namespace) as peer:
        done = b.run([sys.executable, "-m", "desktop.cli", "ipmsg", "send", a.address, "在吗",
                      "--bind", b.address], cwd=ROOT, env=ENV, text=True)  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert any(getattr(e, "text", None) == "在吗" for e in peer.events)
