"""``ipmsg send-file`` and ``ipmsg listen --accept-dir`` as real processes on loopback.

Every socket is on 127.0.0.1 with a port the system chose; ``listen`` announces only to a held,
silent loopback port. The peer is a second CLI process, or an in-process engine when the test
needs it to decline. Across namespaces and against iptux: tests/lan/test_files_lan.py.
"""

from __future__ import annotations

import hashlib
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from desktop.core.ipmsg.transfer import TransferState
from tests.cli.ipmsg_peers import ENV, ROOT, engine_peer, listening

LOOP = ["--bind", "127.0.0.1", "--port", "0"]


def send_file(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "ipmsg", "send-file", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=ENV,
        timeout=timeout,
    )


@contextmanager
def silent_port() -> Iterator[str]:
    """A loopback UDP port held and never read: where a listener's announcements go."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        yield f"127.0.0.1:{sock.getsockname()[1]}"


def digests(root: Path) -> dict[str, str]:
    found = {}
    for path in sorted(root.rglob("*")):
        key = path.relative_to(root).as_posix()
        found[key] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def offered(root: Path) -> list[Path]:
    root.mkdir()
    report = root / "报告.txt"
    report.write_bytes("第一行\n".encode() * 5000)
    empty = root / "空.txt"
    empty.write_bytes(b"")
    tree = root / "资料"
    (tree / "子目录").mkdir(parents=True)
    (tree / "空目录").mkdir()
    (tree / "说明.txt").write_text("你好\n", encoding="utf-8")
    (tree / "子目录" / "数据.bin").write_bytes(os.urandom(300_000))
    return [report, empty, tree]


def test_send_file_to_a_listener_accepting_into_a_folder(tmp_path: Path) -> None:
    paths = offered(tmp_path / "out")
    inbox = tmp_path / "in"
    with (
        silent_port() as nobody,
        listening(*LOOP, "--broadcast", nobody, "--accept-dir", str(inbox)) as listener,
    ):
        result = send_file(
            f"127.0.0.1:{listener.port}", *map(str, paths), "--message", "给你", *LOOP
        )
        assert result.returncode == 0, result.stderr
        message = listener.wait_for(lambda e: e["event"] == "message")
        assert message["text"] == "给你"
        assert message["attachments"] == ["报告.txt", "空.txt", "资料"]
        received = listener.transfers(3)
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert all(line.startswith("sent ") and ": done, " in line for line in lines)
    assert {line.split(" ")[2] for line in lines} == {"报告.txt", "空.txt", "资料"}
    assert sorted((t["name"], t["state"], t["direction"], t["folder"]) for t in received) == [
        ("报告.txt", "done", "receive", False),
        ("空.txt", "done", "receive", False),
        ("资料", "done", "receive", True),
    ]
    assert digests(inbox) == digests(tmp_path / "out")
    assert not list(inbox.rglob("*.part"))


def test_listen_text_lines_say_what_was_received_and_where(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(b"x" * 1000)
    inbox = tmp_path / "in"
    with silent_port() as nobody:
        listener = subprocess.Popen(
            [sys.executable, "-m", "desktop.cli", "ipmsg", "listen", *LOOP,
             "--broadcast", nobody, "--accept-dir", str(inbox)],
            cwd=ROOT, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            assert listener.stderr is not None
            first = listener.stderr.readline()
            port = first.split("listening on 127.0.0.1:")[1].split(" ")[0]
            result = send_file(f"127.0.0.1:{port}", str(source), *LOOP)
        finally:
            listener.terminate()
            out, _err = listener.communicate(timeout=15)
    assert result.returncode == 0, result.stderr
    [line] = [line for line in out.splitlines() if line.startswith("received ")]
    assert line.startswith("received file a.txt from ")
    assert line.endswith(f": done, 1000 bytes, {inbox / 'a.txt'}")
    assert (inbox / "a.txt").read_bytes() == source.read_bytes()


def test_a_declined_offer_is_exit_1_with_one_line(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(b"data")
    with engine_peer(lambda engine, event: engine.files.decline(event.offer)) as peer:
        result = send_file(f"127.0.0.1:{peer.address[1]}", str(source), *LOOP)
    assert result.returncode == 1
    [line] = result.stderr.splitlines()
    assert line == (
        "socketdesk-cli: The file a.txt was not fetched (declined): "
        "the receiver declined the offer."
    )
    assert "sent file a.txt to " in result.stdout and ": declined" in result.stdout


def test_an_offer_nobody_fetches_times_out_and_is_withdrawn(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(b"data")
    with engine_peer() as peer:  # receives the offer, never fetches it
        result = send_file(f"127.0.0.1:{peer.address[1]}", str(source), *LOOP, "--timeout", "1")
        [event] = [e for e in peer.events if getattr(e, "offer", None) is not None]
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "socketdesk-cli: 1 of 1 offered file was not fetched within 1 s; the offer is withdrawn."
    ]
    assert event.offer.files[0].name == "a.txt"


def test_the_fetching_engine_sees_our_file_arrive_whole(tmp_path: Path) -> None:
    source = tmp_path / "数据.bin"
    source.write_bytes(os.urandom(3_000_000))
    inbox = tmp_path / "in"
    inbox.mkdir()

    def accept(engine, event) -> None:  # type: ignore[no-untyped-def]
        engine.files.accept(event.offer, [f.file_id for f in event.offer.files], inbox)

    with engine_peer(accept) as peer:
        result = send_file(f"127.0.0.1:{peer.address[1]}", str(source), *LOOP)
        assert result.returncode == 0, result.stderr
        [row] = peer.wait_until(
            lambda: [t for t in peer.snapshot() if t.state is TransferState.DONE]
        )
    assert (inbox / "数据.bin").read_bytes() == source.read_bytes()
    assert row.size == row.done == 3_000_000


def test_a_silent_address_is_one_line(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(b"data")
    with silent_port() as nobody:
        result = send_file(nobody, str(source), *LOOP, "--wait", "0.3")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"socketdesk-cli: No IP Messenger answered at {nobody} within 0.3 s."
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["send-file", "127.0.0.1"], "the following arguments are required: PATH"),
        (["send-file", "127.0.0.1:9", "x", "--timeout", "soon"], "is not a number of seconds"),
        (["send-file", "127.0.0.1:9", "x", "--timeout", "-1"], "is not a number of seconds"),
    ],
)
def test_bad_send_file_arguments_are_usage_errors(args: list[str], message: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "ipmsg", *args],
        cwd=ROOT, capture_output=True, text=True, env=ENV, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert message in result.stderr


def test_a_missing_path_is_a_usage_error_before_anything_is_sent(tmp_path: Path) -> None:
    result = send_file("127.0.0.1:9", str(tmp_path / "nope.txt"), *LOOP)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        f"socketdesk-cli: {str(tmp_path / 'nope.txt')!r} is not a file or folder that can be read."
    ]


def test_accept_dir_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "ipmsg", "listen", *LOOP,
         "--broadcast", "127.0.0.1:9", "--accept-dir", str(blocker / "in")],
        cwd=ROOT, capture_output=True, text=True, env=ENV, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert "cannot use" in result.stderr and "as a folder: Not a directory" in result.stderr
