"""A hostile peer's directory stream: every byte lands inside the chosen folder, or nowhere.

Each test lays out ``tmp_path`` as ``inbox`` (the chosen folder) beside ``outside`` (where a link
points), feeds a stream, then walks ``tmp_path`` without following links: nothing new exists
outside ``inbox``, and after a failure ``inbox`` holds only what it held before.
"""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.ipmsg.dir_stream import DirStreamError
from desktop.core.ipmsg_io.tree_errors import TreeIncomplete, TreeWriteFailed
from desktop.core.ipmsg_io.tree_receive import TreeReceiver
from desktop.core.os_reasons import os_reason
from tests.helpers.strict import require

MTIME = 0x5E8F1A2B


def rec(name: bytes, attr: int, content: bytes = b"", *, size: int | None = None) -> bytes:
    """One record with any name bytes (``size`` may lie about the content)."""
    body = b"%s:%09x:%x:14=%x:" % (name, len(content) if size is None else size, attr, MTIME)
    return b"%04x:" % (len(body) + 5) + body + content


def folder(name: bytes, *inside: bytes) -> bytes:
    return rec(name, 2) + b"".join(inside) + rec(b".", 3)


def file(name: bytes, content: bytes = b"") -> bytes:
    return rec(name, 1, content)


def snapshot(root: Path) -> set[str]:
    """Every path under ``root``, links not followed."""
    out: set[str] = set()
    for top, dirs, files in os.walk(root, followlinks=False):
        for name in dirs + files:
            out.add(os.path.relpath(os.path.join(top, name), root))
    return out


@pytest.fixture
def layout(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    inbox = tmp_path / "inbox"
    outside = tmp_path / "outside"
    inbox.mkdir()
    outside.mkdir()
    before = snapshot(tmp_path)
    yield inbox, outside
    new = snapshot(tmp_path) - before
    escaped = sorted(p for p in new if not p.startswith("inbox" + os.sep))
    assert not escaped, f"written outside the chosen folder: {escaped}"
    assert not any(outside.iterdir())


def receive(inbox: Path, stream: bytes, *, step: int = 0, top: str = "photos") -> TreeReceiver:
    receiver = TreeReceiver(inbox, top, "utf-8")
    step = step or len(stream)
    for i in range(0, len(stream), step):
        receiver.feed(stream[i : i + step])
    receiver.finish()
    return receiver


def fails(inbox: Path, stream: bytes, error: type[Exception], *, finish: bool = False) -> None:
    """Feeding ``stream`` raises ``error`` and leaves ``inbox`` as it was."""
    before = sorted(p.name for p in inbox.iterdir())
    receiver = TreeReceiver(inbox, "photos", "utf-8")
    with pytest.raises(error):
        receiver.feed(stream)
        if finish:
            receiver.finish()
    assert sorted(p.name for p in inbox.iterdir()) == before


def test_a_tree_lands_with_times_kept(layout: tuple[Path, Path]) -> None:
    inbox, _ = layout
    stream = folder(
        b"ignored-top",
        file(b"a.txt", b"hello"),
        file(b"zero"),
        folder(b"\xe7\xa9\xba"),  # 空, empty
        folder(b"sub", file(b"b.bin", b"\0" * 5000)),
    )
    receiver = receive(inbox, stream, step=3)
    top = inbox / "photos"
    assert receiver.path == top
    assert snapshot(inbox) == {
        "photos",
        *(f"photos/{p}" for p in ("a.txt", "zero", "空", "sub", "sub/b.bin")),
    }
    assert (top / "a.txt").read_bytes() == b"hello"
    assert (top / "zero").read_bytes() == b""
    assert (top / "sub" / "b.bin").stat().st_size == 5000
    for path in (top, top / "a.txt", top / "zero", top / "空", top / "sub"):
        assert path.stat().st_mtime == MTIME
    assert (receiver.files_done, receiver.bytes_done, receiver.folders_done) == (3, 5005, 3)


def test_the_part_folder_is_all_there_is_until_the_end(layout: tuple[Path, Path]) -> None:
    inbox, _ = layout
    receiver = TreeReceiver(inbox, "photos", "utf-8")
    receiver.feed(rec(b"x", 2) + file(b"a.txt", b"hi"))
    assert snapshot(inbox) == {"photos.part", "photos.part/a.txt"}
    receiver.feed(rec(b".", 3))
    assert receiver.finish() == inbox / "photos"
    assert snapshot(inbox) == {"photos", "photos/a.txt"}


HOSTILE_NAMES = {
    "dotdot": (b"..", ".._"),
    "dot": (b".", "unnamed"),
    "absolute": (b"/etc/passwd", "_etc_passwd"),
    "outside": (b"../outside/x", ".._outside_x"),
    "drive": (b"C:\\evil.dll", "C__evil.dll"),
    "backslashes": (b"..\\..\\x", ".._.._x"),
    "nul": (b"a\0b", "a_b"),
    "control": (b"\x1b[2J\x07", "_[2J_"),
    "reserved": (b"CON.txt", "_CON.txt"),
    "reserved any case": (b"lpt1", "_lpt1"),
    "trailing dots": (b"x. . ", "x"),
    "undecodable": (b"\xff\xfe", "\ufffd\ufffd"),
}


@pytest.mark.parametrize(("name", "landed"), HOSTILE_NAMES.values(), ids=HOSTILE_NAMES.keys())
def test_hostile_names_land_inside_as_safe_names(
    layout: tuple[Path, Path], name: bytes, landed: str
) -> None:
    inbox, _ = layout
    if landed == ".._":  # ".." itself becomes the fallback; "../x" keeps its parts
        landed = "unnamed"
    receive(inbox, folder(b"t", file(name, b"data"), folder(name, file(b"in", b"1"))))
    top = inbox / "photos"
    names = sorted(p.name for p in top.iterdir())
    assert landed in names
    assert (top / landed).is_file() or (top / landed).is_dir()
    assert len(names) == 2


def test_duplicate_names_are_numbered_never_overwritten(layout: tuple[Path, Path]) -> None:
    inbox, _ = layout
    stream = folder(
        b"t",
        file(b"a.txt", b"first"),
        file(b"a.txt", b"second"),
        file(b"A/txt", b"x"),
        file(b"A_txt", b"y"),
        folder(b"d", file(b"1")),
        folder(b"d", file(b"2")),
    )
    receive(inbox, stream)
    top = inbox / "photos"
    assert (top / "a.txt").read_bytes() == b"first"
    assert (top / "a (2).txt").read_bytes() == b"second"
    assert (top / "A_txt").read_bytes() == b"x"
    assert (top / "A_txt (2)").read_bytes() == b"y"
    assert sorted(p.name for p in (top / "d").iterdir()) == ["1"]
    assert sorted(p.name for p in (top / "d (2)").iterdir()) == ["2"]


def test_an_existing_folder_keeps_its_name_and_contents(layout: tuple[Path, Path]) -> None:
    inbox, _ = layout
    (inbox / "photos").mkdir()  # empty: rename() alone would silently replace it
    (inbox / "photos (2)").mkdir()
    (inbox / "photos (2)" / "mine.txt").write_bytes(b"mine")
    receiver = receive(inbox, folder(b"t", file(b"mine.txt", b"theirs")))
    assert receiver.path == inbox / "photos (3)"
    assert not any((inbox / "photos").iterdir())
    assert (inbox / "photos (2)" / "mine.txt").read_bytes() == b"mine"
    assert (inbox / "photos (3)" / "mine.txt").read_bytes() == b"theirs"


def test_links_in_the_way_are_never_followed(layout: tuple[Path, Path]) -> None:
    inbox, outside = layout
    (inbox / "photos").symlink_to(outside)
    (inbox / "photos.part").symlink_to(outside)
    (inbox / "photos (2).part").symlink_to(outside / "missing")  # dangling
    receiver = receive(inbox, folder(b"t", file(b"x", b"data")))
    assert receiver.path == inbox / "photos (2)"
    assert (inbox / "photos (2)" / "x").read_bytes() == b"data"
    assert (inbox / "photos").is_symlink()


def test_a_folder_swapped_for_a_link_mid_stream_cannot_redirect_bytes(
    layout: tuple[Path, Path], tmp_path: Path
) -> None:
    inbox, outside = layout
    receiver = TreeReceiver(inbox, "photos", "utf-8")
    receiver.feed(rec(b"t", 2) + rec(b"sub", 2))
    sub = inbox / "photos.part" / "sub"
    moved = inbox / "moved"
    sub.rename(moved)  # a local attacker swaps the folder for a link to outside
    sub.symlink_to(outside)
    receiver.feed(file(b"x", b"data") + rec(b".", 3) + rec(b".", 3))
    receiver.finish()
    assert (moved / "x").read_bytes() == b"data"  # written through the folder we opened


def test_a_link_record_is_refused(layout: tuple[Path, Path]) -> None:
    inbox, _ = layout
    fails(inbox, folder(b"t", rec(b"link", 4, b"../outside")), DirStreamError)


def test_a_stream_starting_with_a_file_is_refused(layout: tuple[Path, Path]) -> None:
    inbox, _ = layout
    fails(inbox, file(b"passwd", b"root::0:0"), DirStreamError)


def test_a_short_file_is_incomplete_and_removed(layout: tuple[Path, Path]) -> None:
    inbox, _ = layout
    fails(inbox, rec(b"t", 2) + rec(b"big", 1, b"12345", size=10), TreeIncomplete, finish=True)


def test_a_long_file_is_refused_and_removed(layout: tuple[Path, Path]) -> None:
    inbox, _ = layout
    stream = rec(b"t", 2) + rec(b"small", 1, b"0123456789", size=3) + rec(b".", 3)
    fails(inbox, stream, DirStreamError)


def test_a_stream_that_stops_in_a_subfolder_is_incomplete(layout: tuple[Path, Path]) -> None:
    inbox, _ = layout
    fails(inbox, rec(b"t", 2) + folder(b"sub", file(b"a", b"1")), TreeIncomplete, finish=True)


def test_an_empty_stream_is_incomplete(layout: tuple[Path, Path]) -> None:
    inbox, _ = layout
    fails(inbox, b"", TreeIncomplete, finish=True)


def test_deep_nesting_is_capped(layout: tuple[Path, Path]) -> None:
    inbox, _ = layout
    fails(inbox, rec(b"d", 2) * 500, DirStreamError)


@pytest.mark.parametrize(
    "stream", [b"ffff:", b"ffffffffffff", b"zz:t:0:2:"], ids=["max", "digits", "hex"]
)
def test_huge_or_bad_header_lengths(layout: tuple[Path, Path], stream: bytes) -> None:
    inbox, _ = layout
    fails(inbox, rec(b"t", 2) + stream, DirStreamError)


def test_data_after_the_end_is_refused(layout: tuple[Path, Path]) -> None:
    inbox, _ = layout
    fails(inbox, folder(b"t", file(b"a", b"1")) + folder(b"again"), DirStreamError)


def test_abort_removes_everything(layout: tuple[Path, Path]) -> None:
    inbox, _ = layout
    receiver = TreeReceiver(inbox, "photos", "utf-8")
    receiver.feed(rec(b"t", 2) + folder(b"sub", file(b"a", b"1")) + rec(b"b", 1, b"12", size=9))
    receiver.abort()
    receiver.abort()
    assert not any(inbox.iterdir())
    with pytest.raises(RuntimeError):
        receiver.feed(b"x")


def test_gbk_names(layout: tuple[Path, Path]) -> None:
    inbox, _ = layout
    receiver = TreeReceiver(inbox, "照片", "gbk")
    receiver.feed(folder(b"t", file("你好.txt".encode("gbk"), b"1")))
    assert receiver.finish() == inbox / "照片"
    assert (inbox / "照片" / "你好.txt").read_bytes() == b"1"


def test_a_missing_folder_is_a_write_failure(tmp_path: Path) -> None:
    with pytest.raises(TreeWriteFailed, match="No such file"):
        TreeReceiver(tmp_path / "nope", "photos", "utf-8")


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 64 KiB tmpfs: a real full disk (mounting needs root)."""
    require(os.geteuid() == 0, "mounting a tmpfs needs root")
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    require(done.returncode == 0, f"could not mount a tmpfs: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_fails_clearly_and_leaves_nothing(tiny_disk: Path) -> None:
    stream = folder(b"t", file(b"small", b"1"), file(b"big.bin", b"\0" * (1 << 20)))
    receiver = TreeReceiver(tiny_disk, "photos", "utf-8")
    with pytest.raises(TreeWriteFailed) as caught:
        for i in range(0, len(stream), 8192):
            receiver.feed(stream[i : i + 8192])
    assert caught.value.reason == os_reason(OSError(errno.ENOSPC, "x"))
    assert "big.bin" in caught.value.path
    assert str(caught.value).endswith("No space left on device.")
    assert not any(tiny_disk.iterdir())


def test_iptuxs_own_folder_stream_lands_whole(layout: tuple[Path, Path]) -> None:
    """The bytes iptux 0.8.3 really sent for a folder (tests/data/ipmsg/README.md), read a few
    bytes at a time: every file and empty folder, with iptux's names and times."""
    inbox, _outside = layout
    stream = Path(__file__).parents[2] / "data" / "ipmsg" / "iptux-dirstream-chinese-tree.bin"
    top = receive(inbox, stream.read_bytes(), step=5, top="资料").path
    files = sorted(p.relative_to(top).as_posix() for p in top.rglob("*"))
    assert top.name == "资料" and "空.txt" in files and "空目录" in files
    assert (top / "说明.txt").read_bytes() == "你好，iptux\n".encode()
    assert (top / "空.txt").stat().st_size == 0 and (top / "空目录").is_dir()
    assert int((top / "说明.txt").stat().st_mtime) == 0x6553F100
