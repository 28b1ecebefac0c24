"""iptux's core as a file peer, without SocketDesk: two iptux cores, and iptux against raw sockets.

Files and folders (Chinese names, empty files, an empty folder) move between two peers built
against Debian's ``libiptux-core``, each in its own namespace of one test LAN; then a raw IPMsg
peer (``tests/lan/iptux_wire.py``) records what iptux sends on the wire, and the assertions state
those facts. ``SOCKETDESK_IPTUX_CAPTURE=DIR`` also writes the captured bytes there (how the
vectors in ``tests/data/ipmsg`` were made).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from tests.helpers.strict import require
from tests.lan.iptux_wire import OFFSET_ASKED, parse_dir_stream, parse_offer, raw_peer
from tests.peers.iptux_peer import IptuxPeer, peer_available, running_peer

pytestmark = pytest.mark.lan

CONTENT = "第一行\n第二行\n".encode() * 50
NOTE = "你好，iptux\n".encode()
TREE = len(NOTE) + 0 + 256 * 12  # the folder's contents


def _needed() -> None:
    ok, reason = peer_available()
    require(ok, reason)


def make_offer(root: Path) -> list[Path]:
    """A file, an empty file and a folder tree with Chinese names, an empty file and folder."""
    root.mkdir(parents=True)
    report = root / "报告.txt"
    report.write_bytes(CONTENT)
    empty = root / "空文件.txt"
    empty.write_bytes(b"")
    tree = root / "资料"
    (tree / "子目录").mkdir(parents=True)
    (tree / "空目录").mkdir()
    (tree / "说明.txt").write_bytes(NOTE)
    (tree / "空.txt").write_bytes(b"")
    (tree / "子目录" / "数据.bin").write_bytes(bytes(range(256)) * 12)
    for path in [tree, *tree.rglob("*")]:
        os.utime(path, (1_700_000_000, 1_700_000_000))
    return [report, empty, tree]


def digests(root: Path) -> dict[str, str]:
    """Every path under ``root`` (relative) with its SHA-256 (``dir`` for a folder)."""
    found = {}
    for path in sorted(root.rglob("*")):
        key = path.relative_to(root).as_posix()
        found[key] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _capture(name: str, data: bytes) -> None:
    folder = os.environ.get("SOCKETDESK_IPTUX_CAPTURE")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / name).write_bytes(data)


def _meet(one: IptuxPeer, other: IptuxPeer) -> None:
    """``one`` asks ``other`` (BR_ENTRY, answered): each has the other as a pal."""
    one.detect(other.address)
    other.wait_for(lambda e: e["event"] == "online" and e["ip"] == one.address)
    one.wait_for(lambda e: e["event"] in ("online", "update") and e["ip"] == other.address)


def test_iptux_core_sends_files_and_a_chinese_tree_to_iptux_core_intact(
    make_lan, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _needed()
    sender_host, receiver_host = make_lan(2).hosts
    paths = make_offer(tmp_path / "offered")
    with (
        running_peer(sender_host, tmp_path / "a", "发送者") as sender,
        running_peer(receiver_host, tmp_path / "b", "接收者") as receiver,
    ):
        _meet(receiver, sender)
        sent = sender.offer(receiver.address, paths)
        assert [f["name"] for f in sent["files"]] == ["报告.txt", "空文件.txt", "资料"]
        assert [f["folder"] for f in sent["files"]] == [False, False, True]
        assert [f["size"] for f in sent["files"]] == [len(CONTENT), 0, TREE]
        assert all(f["fileid"] >= 10000 for f in sent["files"])

        offered = receiver.wait_offer(sender.address, 3)
        assert {e["packet"] for e in offered} == {sent["packet"]}
        assert [(e["fileid"], e["name"], e["size"], e["folder"]) for e in offered] == [
            (f["fileid"], f["name"], f["size"], f["folder"]) for f in sent["files"]
        ]
        # The GUI's way: the offer carries each path's ctime in the mtime field.
        assert [e["mtime"] for e in offered] == [f["mtime"] for f in sent["files"]]

        into = tmp_path / "received"
        into.mkdir()
        fetched = receiver.fetch_all(into, 3)
        assert [(e["ok"], e["status"]) for e in fetched] == [(True, "tip-finish")] * 3
        assert [e["bytes"] for e in fetched] == [len(CONTENT), 0, TREE]
        assert digests(into) == digests(tmp_path / "offered")

        # The sender saw each upload start and finish.
        finished = [sender.wait_for(lambda e: e["event"] == "upload-finished") for _ in range(3)]
        assert {e["name"] for e in finished} >= {"报告.txt", "空文件.txt"}
        assert all(e["ip"] == receiver.address for e in finished)
        assert sender.quit() == 0
        assert receiver.quit() == 0


def test_iptux_fetch_of_a_missing_offer_reports_an_error_and_a_failed_download(
    make_lan, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _needed()
    sender_host, receiver_host = make_lan(2).hosts
    paths = make_offer(tmp_path / "offered")
    with (
        running_peer(sender_host, tmp_path / "a", "发送者") as sender,
        running_peer(receiver_host, tmp_path / "b", "接收者") as receiver,
    ):
        _meet(receiver, sender)
        with pytest.raises(AssertionError, match="no offered file 1/2"):
            receiver.fetch(1, 2, tmp_path)
        sent = sender.offer(receiver.address, paths[:1])
        [offered] = receiver.wait_offer(sender.address, 1)
        paths[0].unlink()  # iptux's sender can no longer open it: the download fails
        into = tmp_path / "received"
        into.mkdir()
        failed = receiver.fetch(offered["packet"], offered["fileid"], into)
        assert (failed["ok"], failed["status"], failed["bytes"]) == (False, "tip-error", 0)
        assert failed["size"] == sent["files"][0]["size"]


def test_what_iptux_sends_a_plain_ipmsg_peer_for_files(make_lan, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _needed()
    iptux_host, raw_host = make_lan(2).hosts
    paths = make_offer(tmp_path / "offered")
    with running_peer(iptux_host, tmp_path / "a", "图克斯") as iptux:
        call = raw_host.start(raw_peer, raw_host.address, iptux_host.address)
        iptux.wait_for(lambda e: e["event"] == "online" and e["ip"] == raw_host.address)
        sent = iptux.offer(raw_host.address, paths)

        # Back from the raw peer: it offered iptux the folder; iptux fetches it with its code.
        offered = iptux.wait_for(lambda e: e["event"] == "offered" and e["ip"] == raw_host.address)
        assert (offered["name"], offered["folder"], offered["fileid"]) == ("资料", True, 77)
        into = tmp_path / "back"
        into.mkdir()
        back = iptux.fetch(offered["packet"], offered["fileid"], into)
        got = call.result(60)
        assert back["ok"], back
        assert digests(into / "资料") == digests(paths[2])

    _capture("iptux-offer-to-plain-peer.bin", got["offer"])
    _capture("iptux-dirstream-chinese-tree.bin", got["dirstream"])
    _capture("iptux-dirstream-request.bin", got["request"])

    # The offer: SENDMSG|FILEATTACHOPT (0x200020) with no SENDCHECK, empty text, names in UTF-8
    # (iptux took the raw peer as UTF-8), `id:name:size:ctime:attr:` then `\a:` between entries.
    header = got["offer"].split(b":")
    assert header[0].startswith(b"1_iptux ") and int(header[4]) == 0x200020
    assert int(header[1]) == sent["packet"]
    entries = parse_offer(got["offer"])
    assert [(e.file_id, e.name.decode(), e.size, e.folder) for e in entries] == [
        (f["fileid"], f["name"], f["size"], f["folder"]) for f in sent["files"]
    ]
    assert [e.mtime for e in entries] == [f["mtime"] for f in sent["files"]]
    assert got["offer"].count(b":\a:") == 2 and got["offer"].endswith(
        b":\a\0"
    )  # none after the last

    # GETFILEDATA: iptux ignores the offset (5 asked, the whole file came), sends exactly the
    # size and closes; it serves the same file again to the same peer.
    assert OFFSET_ASKED > 0
    assert got["files"] == {"报告.txt".encode(): CONTENT, "空文件.txt".encode(): b""}
    assert got["again"] == got["files"]

    # The directory stream: `%04x` header sizes, names in UTF-8, sizes `%.9jx`, 14=mtime and
    # 16=ctime, the top folder first, RETPARENT `.` (size `0`) to leave each folder.
    records = parse_dir_stream(got["dirstream"])
    assert records[0].name == "资料".encode() and records[0].attr == 2
    assert records[0].header.split(b":")[2] == b"000000000"
    assert records[-1].name == b"." and records[-1].attr == 3
    assert records[-1].header.split(b":")[2] == b"0"
    files = {r.name.decode(): r.content for r in records if r.attr == 1}
    assert files == {
        "说明.txt": NOTE,
        "空.txt": b"",
        "数据.bin": bytes(range(256)) * 12,
    }
    assert b"14=6553f100:" in records[0].header  # the mtime we set, in hex
    assert sum(r.attr == 2 for r in records) == 3 and sum(r.attr == 3 for r in records) == 3

    # iptux's own GETDIRFILES: `%x:%x:0` (packet number and file id in hex, a trailing 0).
    request = got["request"]
    fields = request.rstrip(b"\0").split(b":")
    assert int(fields[4]) == 0x200062  # GETDIRFILES | FILEATTACHOPT
    assert fields[5:] == [b"%x" % got["offered_packet"], b"%x" % 77, b"0"]


VECTORS = Path(__file__).resolve().parents[1] / "data" / "ipmsg"


def test_the_captured_iptux_vectors_are_what_the_live_test_asserts() -> None:
    """The saved captures keep the shapes the live test saw (they are not hand-written)."""
    offer = parse_offer((VECTORS / "iptux-offer-to-plain-peer.bin").read_bytes())
    assert [(e.name.decode(), e.size, e.folder) for e in offer] == [
        ("报告.txt", len(CONTENT), False),
        ("空文件.txt", 0, False),
        ("资料", TREE, True),
    ]
    records = parse_dir_stream((VECTORS / "iptux-dirstream-chinese-tree.bin").read_bytes())
    assert {r.name.decode() for r in records} == {
        "资料",
        "子目录",
        "空目录",
        "说明.txt",
        "空.txt",
        "数据.bin",
        ".",
    }
    request = (VECTORS / "iptux-dirstream-request.bin").read_bytes()
    assert request.startswith(b"1_iptux 0.8.3:") and b":2097250:" in request
