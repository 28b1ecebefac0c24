"""The folder sender: the stream IPMsg and iptux read, round trips, links and changing files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.core.ipmsg.dir_stream import DirHeader, DirStreamParser
from desktop.core.ipmsg_io.tree_errors import TreeSendError
from desktop.core.ipmsg_io.tree_receive import TreeReceiver
from desktop.core.ipmsg_io.tree_send import TreeSender, tree_size, wire_name

MTIME = 1_600_000_000


def headers(stream: bytes) -> list[DirHeader]:
    parser = DirStreamParser()
    out = [h for h in parser.feed(stream) if isinstance(h, DirHeader)]
    assert parser.finished
    return out


def make_tree(root: Path, small_files: int = 0) -> None:
    (root / "照片" / "旅行 2024").mkdir(parents=True)
    (root / "空文件夹").mkdir()
    (root / "a" / "b" / "c").mkdir(parents=True)
    (root / "照片" / "长城.jpg").write_bytes(os.urandom(70_000))
    (root / "照片" / "旅行 2024" / "说明.txt").write_text("你好", "utf-8")
    (root / "零字节").write_bytes(b"")
    (root / "a" / "b" / "c" / "deep.bin").write_bytes(b"deep")
    many = root / "many"
    many.mkdir()
    for i in range(small_files):
        (many / f"f{i:04d}.txt").write_bytes(b"%d" % i)
    for path in [root, *root.rglob("*")]:
        os.utime(path, (MTIME, MTIME))


def tree_of(root: Path) -> dict[str, bytes | None]:
    return {
        str(p.relative_to(root)): (p.read_bytes() if p.is_file() else None) for p in root.rglob("*")
    }


def test_first_record_is_the_folder_and_returns_carry_its_time(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "x").write_bytes(b"12")
    for path in (src, src / "sub", src / "sub" / "x"):
        os.utime(path, (MTIME, MTIME))
    stream = b"".join(TreeSender(src, "utf-8", top_name="offered"))
    first = b"offered:000000000:2:14=%x:16=%x:" % (MTIME, int(src.stat().st_ctime))
    assert stream.startswith(b"%04x:" % (len(first) + 5) + first)
    names = [(h.name, h.file_type, h.size, h.mtime) for h in headers(stream)]
    assert names == [
        (b"offered", 2, 0, MTIME),
        (b"sub", 2, 0, MTIME),
        (b"x", 1, 2, MTIME),
        (b".", 3, 0, MTIME),
        (b".", 3, 0, MTIME),
    ]
    assert all(h.extended and h.extended[0].startswith(b"16=") for h in headers(stream))


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
def test_round_trip_of_a_chinese_tree_with_1000_small_files(tmp_path: Path, encoding: str) -> None:
    src = tmp_path / "src"
    make_tree(src, small_files=1000)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    sender = TreeSender(src, encoding, chunk_size=64 * 1024)
    receiver = TreeReceiver(inbox, "src", encoding)
    chunks = 0
    for chunk in sender:
        assert len(chunk) <= 2 * 64 * 1024
        receiver.feed(chunk)
        chunks += 1
    got = receiver.finish()
    assert tree_of(got) == tree_of(src)
    assert chunks < 10  # 1,000 small files are packed, not one write each
    assert (sender.files_sent, receiver.files_done) == (1004, 1004)
    assert sender.bytes_sent == receiver.bytes_done == tree_size(src)[0]
    assert tree_size(src)[1] == 1004
    for path in [got, *got.rglob("*")]:
        assert path.stat().st_mtime == MTIME, path


def test_round_trip_one_byte_at_a_time(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_tree(src)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    stream = b"".join(TreeSender(src, "utf-8"))
    receiver = TreeReceiver(inbox, "src", "utf-8")
    for i in range(len(stream)):
        receiver.feed(stream[i : i + 1])
    assert tree_of(receiver.finish()) == tree_of(src)


def test_links_and_special_files_are_not_sent(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "key").write_bytes(b"private")
    src = tmp_path / "src"
    src.mkdir()
    (src / "real.txt").write_bytes(b"ok")
    (src / "to-file").symlink_to(secret / "key")
    (src / "to-dir").symlink_to(secret)
    (src / "inside").symlink_to(src / "real.txt")
    os.mkfifo(src / "fifo")
    stream = b"".join(TreeSender(src, "utf-8"))
    assert [h.name for h in headers(stream)] == [b"src", b"real.txt", b"."]
    assert b"private" not in stream


def test_names_the_encoding_cannot_carry(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "😀.txt").write_bytes(b"1")
    (src / "🙂.txt").write_bytes(b"2")
    (src / "a:b").write_bytes(b"3")
    (src / os.fsdecode(b"\xff\xfe.bin")).write_bytes(b"4")  # not UTF-8 on disk
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    stream = b"".join(TreeSender(src, "gbk"))
    files = sorted(h.name for h in headers(stream) if h.file_type == 1)
    assert files == [b"_.txt", b"_.txt", b"__.bin", b"a_b"]
    receiver = TreeReceiver(inbox, "src", "gbk")
    receiver.feed(stream)
    got = receiver.finish()
    assert sorted(p.name for p in got.iterdir()) == ["_ (2).txt", "_.txt", "__.bin", "a_b"]
    assert wire_name("你好:😀", "gbk") == "你好__".encode("gbk")


def test_a_file_that_shrinks_while_sent_stops_the_stream(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "big").write_bytes(b"x" * 300_000)
    sender = TreeSender(src, "utf-8", chunk_size=1024)
    next(sender)
    (src / "big").write_bytes(b"")
    with pytest.raises(TreeSendError, match="became shorter"):
        list(sender)


def test_a_file_that_grows_while_sent_is_cut_at_its_size(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "log").write_bytes(b"x" * 300_000)
    sender = TreeSender(src, "utf-8", chunk_size=1024)
    first = next(sender)
    with (src / "log").open("ab") as grow:
        grow.write(b"y" * 5000)
    stream = first + b"".join(sender)
    (_, log, _) = headers(stream)
    assert log.size == 300_000
    assert b"y" not in stream


def test_an_unreadable_folder_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(TreeSendError, match="No such file"):
        list(TreeSender(tmp_path / "missing", "utf-8"))


def test_close_releases_open_files_and_folders(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "a" / "b").mkdir(parents=True)
    (src / "a" / "b" / "big").write_bytes(b"x" * 100_000)
    before = len(os.listdir("/proc/self/fd"))
    sender = TreeSender(src, "utf-8", chunk_size=1024)
    next(sender)
    assert len(os.listdir("/proc/self/fd")) > before
    sender.close()
    assert len(os.listdir("/proc/self/fd")) == before
