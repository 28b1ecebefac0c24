"""iptux's own protocol code (``libiptux-core``) as a scripted peer: build it, run it, drive it.

``tests/peers/iptux_peer/peer.cpp`` is compiled once with g++ into a cache folder
(``tests/peers/native.py``: ``$TMPDIR/socketdesk-iptux-peer/<hash>/iptux-peer``), so later
sessions reuse it. The program reads commands on stdin (``detect IP``, ``send IP TEXT``,
``offer IP PATH…``, ``fetch PACKET FILEID DIR``, ``fetch-all DIR``, ``quit``) and prints
``CoreThread``'s events as JSON lines; ``IptuxPeer`` wraps both. Files move with iptux's own
code: ``offer`` does what the GUI does (``AddPrivateFile``, ``BcstFileInfoEntry``), ``fetch``
calls ``CoreThread::RecvFile``.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import subprocess
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from tests.lan.netlan import LanHost
from tests.peers.iptux import PORT, write_home
from tests.peers.native import built, missing

SOURCE = Path(__file__).with_name("iptux_peer") / "peer.cpp"

Event = dict[str, Any]


def peer_available() -> tuple[bool, str]:
    """Whether the peer can be built here (g++, pkg-config, iptux-core's headers), and why not."""
    if tool := missing("g++", "pkg-config"):
        return False, f"{tool} is not installed"
    found = subprocess.run(
        ["pkg-config", "--exists", "iptux-core"], capture_output=True, check=False
    )
    if found.returncode != 0:
        return False, "iptux-core's headers are missing (apt-get install iptux libjsoncpp-dev …)"
    return True, ""


def build_peer() -> Path:
    """The compiled peer, built now unless the cache has this source's build."""
    flags = subprocess.run(
        ["pkg-config", "--cflags", "--libs", "iptux-core"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return built(SOURCE, "iptux-peer", ["g++", "-std=c++17", "-O1"], flags)


def escape(text: str) -> str:
    """A message as one command line: backslash, newline and tab escaped as peer.cpp reads them."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


class IptuxPeer:
    """A running peer as ``host``; its events arrive as dicts, ``wait_for`` finds one."""

    def __init__(self, host: LanHost, process: subprocess.Popen[bytes]) -> None:
        self.host = host
        self.process = process
        self.events: queue.Queue[Event] = queue.Queue()
        self.seen: list[Event] = []
        self.stderr: list[str] = []
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    @property
    def address(self) -> str:
        return self.host.address

    def _read_stdout(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.events.put(json.loads(line.decode("utf-8")))

    def _read_stderr(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.stderr.append(line.decode("utf-8", "replace").rstrip("\n"))

    def command(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line.encode("utf-8") + b"\n")
        self.process.stdin.flush()

    def detect(self, ip: str) -> None:
        """SendDetectPacket: iptux sends ``ip`` a BR_ENTRY."""
        self.command(f"detect {ip}")

    def send(self, ip: str, text: str) -> None:
        """SendMessage to the pal at ``ip``; a ``sent`` event follows."""
        self.command(f"send {ip} {escape(text)}")

    def offer(self, ip: str, paths: Sequence[Path | str], timeout: float = 15) -> Event:
        """Offer files and folders to the pal at ``ip``; the ``offer`` event iptux sent.

        Its ``packet`` is the SENDMSG's packet number, ``files`` each ``fileid``, ``name``,
        ``size`` (a folder's is its contents' total), ``mtime`` (iptux sends the ctime) and
        ``folder``.
        """
        listed = [str(path) for path in paths]
        if any(c in path for path in listed for c in "\t\n") or not listed:
            raise ValueError(f"paths the peer cannot take on one line: {listed!r}")
        self.command(f"offer {ip} " + "\t".join(listed))
        sent = self.wait_for(
            lambda e: (e["event"] == "offer" and e["ip"] == ip) or _failed(e), timeout
        )
        return _checked(sent)

    def wait_offer(self, ip: str, files: int, timeout: float = 15) -> list[Event]:
        """The ``files`` entries of one offer from ``ip`` as iptux decoded them (``offered``)."""
        first = self.wait_for(lambda e: e["event"] == "offered" and e["ip"] == ip, timeout)
        rest = [
            self.wait_for(
                lambda e: e["event"] == "offered" and e["packet"] == first["packet"], timeout
            )
            for _ in range(files - 1)
        ]
        return [first, *rest]

    def fetch(self, packet: int, file_id: int, folder: Path | str, timeout: float = 60) -> Event:
        """Download one offered file or folder into ``folder`` with iptux's ``RecvFile``.

        Returns the ``fetched`` event: ``path``, ``size``, ``bytes`` received, iptux's task
        ``status`` (``tip-finish`` or ``tip-error``) and ``ok``.
        """
        self.start_fetch(packet, file_id, folder)
        return self.wait_fetched(packet, file_id, timeout)

    def start_fetch(self, packet: int, file_id: int, folder: Path | str) -> None:
        """Start downloading (``wait_fetched`` waits for the outcome)."""
        if "\n" in str(folder):
            raise ValueError(f"a folder the peer cannot take on one line: {folder!r}")
        self.command(f"fetch {packet} {file_id} {folder}")

    def wait_fetched(self, packet: int, file_id: int, timeout: float = 60) -> Event:
        """The ``fetched`` event of that file (or the peer's error)."""
        return _checked(
            self.wait_for(
                lambda e: (
                    (e["event"] == "fetched" and (e["packet"], e["fileid"]) == (packet, file_id))
                    or _failed(e)
                ),
                timeout,
            )
        )

    def fetch_all(self, folder: Path | str, files: int, timeout: float = 60) -> list[Event]:
        """Download every file of the last offer received, in order; their ``fetched`` events."""
        if "\n" in str(folder):
            raise ValueError(f"a folder the peer cannot take on one line: {folder!r}")
        self.command(f"fetch-all {folder}")
        return [
            _checked(self.wait_for(lambda e: e["event"] == "fetched" or _failed(e), timeout))
            for _ in range(files)
        ]

    def wait_for(self, wanted: Callable[[Event], bool], timeout: float = 15) -> Event:
        """The first event (seen before or arriving) that ``wanted`` accepts, taken off the list."""
        for index, event in enumerate(self.seen):
            if wanted(event):
                return self.seen.pop(index)
        deadline = time.monotonic() + timeout
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                event = self.events.get(timeout=remaining)
            except queue.Empty:
                break
            if wanted(event):
                return event
            self.seen.append(event)
        raise AssertionError(
            f"no such event within {timeout} s; seen: {self.seen}; stderr: {self.stderr[-20:]}"
        )

    def forget(self, unwanted: Callable[[Event], bool], quiet: float = 0.3) -> None:
        """Drop the events ``unwanted`` accepts, once no new one came for ``quiet`` seconds.

        Pal events carry iptux's live ``PalInfo``, printed when the event is handled: an old
        event may already show newer names, so a test forgets them before provoking new ones.
        """
        while True:
            try:
                self.seen.append(self.events.get(timeout=quiet))
            except queue.Empty:
                break
        self.seen = [event for event in self.seen if not unwanted(event)]

    def quit(self) -> int:
        """Ask the core to stop (it sends BR_EXIT to its pals); returns the exit status."""
        with contextlib.suppress(BrokenPipeError):
            self.command("quit")
        return self.process.wait(15)


def _failed(event: Event) -> bool:
    """An ``error`` event: a waiting wrapper stops at it, to fail with the peer's reason."""
    return bool(event["event"] == "error")


def _checked(event: Event) -> Event:
    if _failed(event):
        raise AssertionError(f"the iptux peer refused: {event['text']}")
    return event


@contextlib.contextmanager
def running_peer(
    host: LanHost, home: Path, nickname: str, group: str = "", **config: Any
) -> Iterator[IptuxPeer]:
    """The core peer as ``host`` with its config in ``home``; killed when the block ends."""
    binary = build_peer()
    write_home(
        home,
        {
            "nick_name": nickname,
            "belong_group": group,
            "preference_encode": "utf-8",
            "candidacy_encode": "gb18030,utf-16",
            "port": PORT,
            "debug_dont_broadcast": True,
            "send_message_retry_in_us": 200_000,  # SendMessage blocks one interval at least
            **config,
        },
    )
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home), "LANG": "C.UTF-8"}
    process = host.popen(
        ["env", "-i", *(f"{k}={v}" for k, v in env.items()), str(binary)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    peer = IptuxPeer(host, process)
    try:
        ready = peer.wait_for(lambda e: e["event"] in ("ready", "error"), timeout=15)
        if ready["event"] != "ready":
            raise RuntimeError(f"the iptux peer did not start: {ready['text']}")
        yield peer
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(10)
