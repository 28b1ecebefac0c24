"""Files over IP Messenger between two namespaces on a veth pair: socat, iptux's core, SocketDesk.

Two network namespaces joined by one veth pair (198.18.200.1 ↔ .2, nothing else: no bridge, no
address in the root namespace). In one run, in interleaved rounds:

- one file of ``--size`` bytes (default 2 GiB; generated, incompressible): ``socat`` moving it
  over TCP (baseline), iptux's core → iptux's core (``tests/peers/iptux_peer``: ``offer`` then
  ``RecvFile``; baseline 2), and SocketDesk engine → SocketDesk engine (timed from the accept
  to the last byte, as iptux from ``RecvFile``);
- a folder of ``--files`` files (default 10,000, ``--folder-size`` in all, default 100 MB):
  files/s for iptux → iptux and SocketDesk → SocketDesk.

SocketDesk is two engines (``tests.cli.ipmsg_peers.EnginePeer``), each on a loop thread inside
its namespace, on UDP/TCP 2426 (iptux's cores hold 2425); the receiver accepts each offer at
once. ``bench/ipmsg_files_gui.py`` is the same transfer into the real GUI (stalls and RSS).

Data lives on tmpfs (``/dev/shm``) when memory allows two copies plus headroom, else on disk
(the table says which). Namespaces and processes are removed on any exit (``finally``, SIGTERM,
SIGINT). Needs root, socat, g++ and iptux's core headers (what ``.ci/run`` installs).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parents[1]
SUBNET = "198.18.200"
PORT = 5001
OUR_PORT = 2426  # SocketDesk's engines (iptux's cores hold 2425)
CLI_PORT = 2427  # the sender-in-its-own-process pair (the in-process pair holds 2426)
BLOCK = 1 << 20


def _ip(*args: str, check: bool = True) -> None:
    done = subprocess.run(["ip", *args], capture_output=True, text=True, check=False)
    if check and done.returncode != 0:
        raise RuntimeError(f"ip {' '.join(args)}: {done.stderr.strip()}")


@contextmanager
def veth_pair() -> Iterator[tuple[object, object]]:
    """Two ``LanHost``s joined by a veth pair; namespaces named as ``tests/lan`` sweeps them."""
    from tests.lan.netlan import LanHost

    tag = f"sdlan-{os.getpid()}-9{int(time.time()) % 1000}"
    hosts = [LanHost(f"{tag}-h{i}", f"{SUBNET}.{i}", 24, f"{SUBNET}.255") for i in (1, 2)]
    try:
        for host in hosts:
            _ip("netns", "add", host.namespace)
        a, b = hosts
        _ip("link", "add", "eth0", "netns", a.namespace, "type", "veth",
            "peer", "name", "eth0", "netns", b.namespace)  # fmt: skip
        for host in hosts:
            _ip("-n", host.namespace, "addr", "add", f"{host.address}/24", "dev", "eth0")
            _ip("-n", host.namespace, "link", "set", "eth0", "up")
            _ip("-n", host.namespace, "link", "set", "lo", "up")
        yield a, b
    finally:
        for host in hosts:
            for process in host.processes:
                if process.poll() is None:
                    process.kill()
                process.wait(10)
            _ip("netns", "del", host.namespace, check=False)  # takes the veth pair along


@contextmanager
def _signals_end_the_run() -> Iterator[None]:
    """SIGTERM and SIGINT raise, so every ``finally`` (namespaces, processes) runs."""

    def stop(signum: int, _frame: FrameType | None) -> None:
        raise SystemExit(f"stopped by signal {signum}")

    previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def data_folder(needed: int) -> tuple[Path, str]:
    """Where the files go: tmpfs if it has room for ``needed`` bytes plus 2 GiB, else disk."""
    shm = Path("/dev/shm")
    with open("/proc/meminfo", encoding="ascii") as info:
        available = next(int(line.split()[1]) * 1024 for line in info if "MemAvailable" in line)
    if shm.is_dir() and min(shutil.disk_usage(shm).free, available) > needed + (2 << 30):
        return Path(tempfile.mkdtemp(prefix="sd-bench-files-", dir=shm)), "tmpfs (/dev/shm)"
    return Path(tempfile.mkdtemp(prefix="sd-bench-files-")), "disk (not enough memory for tmpfs)"


def make_file(path: Path, size: int) -> None:
    """``size`` incompressible bytes (one random MiB repeated, shifted per block)."""
    block = os.urandom(BLOCK)
    with path.open("wb") as out:
        written = 0
        while written < size:
            shift = (written // BLOCK) % BLOCK
            chunk = (block[shift:] + block[:shift])[: size - written]
            out.write(chunk)
            written += len(chunk)


def make_folder(path: Path, files: int, total: int) -> None:
    """``files`` files of ``total`` bytes in all, 100 per sub-folder."""
    each = total // files
    block = os.urandom(max(each, 1))
    for n in range(files):
        sub = path / f"d{n // 100:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"f{n:05d}.bin").write_bytes(block[:each])


@dataclass
class Contender:
    name: str
    baseline: bool = False
    seconds: list[float] = field(default_factory=list)
    missing: str = ""  # why it has no measurement (never a made-up number)


def _listening(host: object, port: int) -> bool:
    out = host.run(["ss", "-Hltn", f"sport = :{port}"], text=True).stdout  # type: ignore[attr-defined]
    return bool(out.strip())


def socat_once(sender: object, receiver: object, source: Path, target: Path) -> float:
    """One socat TCP transfer of ``source`` to ``target``; seconds from connect to last byte."""
    listen = receiver.popen(  # type: ignore[attr-defined]
        ["socat", "-u", f"TCP-LISTEN:{PORT},bind={receiver.address},reuseaddr",  # type: ignore[attr-defined]
         f"OPEN:{target},creat,trunc"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while not _listening(receiver, PORT):
        if time.monotonic() > deadline or listen.poll() is not None:
            raise RuntimeError("socat did not listen")
        time.sleep(0.02)
    start = time.perf_counter()
    sent = sender.run(  # type: ignore[attr-defined]
        ["socat", "-u", f"OPEN:{source}", f"TCP:{receiver.address}:{PORT}"], timeout=3600
    )
    listen.wait(3600)
    elapsed = time.perf_counter() - start
    if sent.returncode != 0 or listen.returncode != 0:
        raise RuntimeError(f"socat failed: {sent.stderr!r}")
    if target.stat().st_size != source.stat().st_size:
        raise RuntimeError("socat moved the wrong number of bytes")
    return elapsed


def iptux_once(sender: object, receiver: object, source: Path, into: Path) -> float:
    """iptux's core offers ``source`` (file or folder), the other core fetches it; seconds."""
    sent = sender.offer(receiver.address, [source])  # type: ignore[attr-defined]
    [offered] = receiver.wait_offer(sender.address, 1)  # type: ignore[attr-defined]
    if offered["packet"] != sent["packet"]:
        raise RuntimeError(f"another offer arrived: {offered}")
    start = time.perf_counter()
    got = receiver.fetch(offered["packet"], offered["fileid"], into, timeout=3600)  # type: ignore[attr-defined]
    elapsed = time.perf_counter() - start
    if not got["ok"] or got["bytes"] != offered["size"]:
        raise RuntimeError(f"iptux's download failed: {got}")
    return elapsed


class SocketDeskPair:
    """Two SocketDesk engines, one per namespace (their loop threads entered it), on port
    ``OUR_PORT`` (iptux's cores hold 2425): ``a`` offers, ``b`` accepts every offer at once."""

    def __init__(self, a: object, b: object) -> None:
        from tests.cli.ipmsg_peers import EnginePeer

        self.accepted: dict[int, float] = {}  # packet number -> wall time of the accept
        self.into = Path()
        self.sender = EnginePeer(
            None,
            bind=a.address,
            port=OUR_PORT,
            netns=a.namespace,
            name="甲",  # type: ignore[attr-defined]
        )
        self.receiver = EnginePeer(
            self._accept,
            bind=b.address,
            port=OUR_PORT,
            netns=b.namespace,
            name="乙",  # type: ignore[attr-defined]
        )
        self.sender.run(self.sender.engine.contact, (b.address, OUR_PORT))  # type: ignore[attr-defined]
        self.key = _until(
            lambda: next(
                (p.key for p in self.sender.run(self.sender.engine.peers)
                 if p.address[0] == b.address),  # type: ignore[attr-defined]
                None,
            ),
            10,
        )  # fmt: skip

    def _accept(self, engine: object, event: object) -> None:
        offer = event.offer  # type: ignore[attr-defined]
        self.accepted[offer.packet_no] = time.time()
        engine.files.accept(offer, [f.file_id for f in offer.files], self.into)  # type: ignore[attr-defined]

    def once(self, source: Path, into: Path) -> float:
        """SocketDesk offers ``source`` (file or folder), the other engine fetches it; seconds
        from the accept to the last byte (as ``iptux_once`` times iptux's ``RecvFile``)."""
        self.into = into
        [(offer, _message)] = self.sender.run(
            self.sender.engine.files.offer, [self.key], [str(source)], ""
        )

        def row() -> object:
            return next(
                (t for t in self.receiver.snapshot()
                 if t.packet_no == offer.packet_no and t.state.finished),
                None,
            )  # fmt: skip

        done = _until(row, 3600)
        if done.state.value != "done":  # type: ignore[attr-defined]
            raise RuntimeError(f"SocketDesk's download failed: {done}")
        return done.finished_at - self.accepted[offer.packet_no]  # type: ignore[attr-defined,no-any-return]

    def close(self) -> None:
        self.sender.close()
        self.receiver.close()


class SocketDeskProcesses:
    """SocketDesk as two programs, as iptux's cores are and as two machines would be: the sender
    is ``socketdesk-cli ipmsg send-file`` in its own process inside ``a``'s namespace, the
    receiver an engine in this process in ``b``'s (accepting every offer at once). Timed from the
    accept to the last byte, as the other SocketDesk row; the CLI's start-up is not counted."""

    def __init__(self, a: object, b: object) -> None:
        from tests.cli.ipmsg_peers import EnginePeer

        self.a, self.b = a, b
        self.accepted: list[tuple[int, float]] = []  # (packet number, wall time of the accept)
        self.into = Path()
        self.receiver = EnginePeer(
            self._accept,
            bind=b.address,  # type: ignore[attr-defined]
            port=CLI_PORT,
            netns=b.namespace,  # type: ignore[attr-defined]
            name="乙",
        )

    def _accept(self, engine: object, event: object) -> None:
        offer = event.offer  # type: ignore[attr-defined]
        self.accepted.append((offer.packet_no, time.time()))
        engine.files.accept(offer, [f.file_id for f in offer.files], self.into)  # type: ignore[attr-defined]

    def once(self, source: Path, into: Path) -> float:
        from tests.cli.ipmsg_peers import CLI, ENV, ROOT

        self.into = into
        before = len(self.accepted)
        peer = f"{self.b.address}:{CLI_PORT}"  # type: ignore[attr-defined]
        sent = subprocess.run(
            [
                *(["ip", "netns", "exec", self.a.namespace]),  # type: ignore[attr-defined]
                *CLI,
                "send-file",
                peer,
                str(source),
                "--bind",
                self.a.address,  # type: ignore[attr-defined]
                "--port",
                str(CLI_PORT),
                "--broadcast",
                peer,
                "--timeout",
                "3600",
            ],
            cwd=ROOT,
            env=ENV,
            capture_output=True,
            text=True,
            check=False,
        )
        if sent.returncode != 0 or len(self.accepted) <= before:
            raise RuntimeError(f"socketdesk-cli send-file failed: {sent.stderr.strip()}")
        packet_no, accepted_at = self.accepted[-1]
        done = _until(
            lambda: next(
                (t for t in self.receiver.snapshot()
                 if t.packet_no == packet_no and t.state.finished),
                None,
            ),
            60,
        )  # fmt: skip
        if done.state.value != "done":  # type: ignore[attr-defined]
            raise RuntimeError(f"SocketDesk's download failed: {done}")
        return done.finished_at - accepted_at  # type: ignore[attr-defined,no-any-return]

    def close(self) -> None:
        self.receiver.close()


def _until(check: Callable[[], object], timeout: float) -> object:
    deadline = time.monotonic() + timeout
    while (value := check()) is None or value is False:
        if time.monotonic() > deadline:
            raise RuntimeError("SocketDesk: timed out")
        time.sleep(0.002)
    return value


def _clear(folder: Path) -> None:
    for child in folder.iterdir():
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()


def _row(c: Contender, size: int, files: int, baselines: list[Contender]) -> str:
    if not c.seconds:
        return f"{c.name:<38} {'not measured yet':>16}   ({c.missing})"
    median = statistics.median(c.seconds)
    row = f"{c.name:<38} {median:>9.3f} s {size / median / 1e6:>9.1f} MB/s"
    if files:
        row += f" {files / median:>9.0f} files/s"
    for b in baselines:
        if b is not c and b.seconds:
            row += f"  {statistics.median(b.seconds) / median:>5.2f}x vs {b.name.split()[0]}"
    return row


def run(size: int, files: int, folder_size: int, rounds: int) -> str:
    from desktop.core.event_loop import ENV, loop_kind
    from tests.lan.netlan import lan_available
    from tests.peers.iptux_peer import peer_available, running_peer

    for ok, reason in (lan_available(), peer_available()):
        if not ok:
            return f"== IP Messenger files == skipped: {reason}"
    if shutil.which("socat") is None:
        return "== IP Messenger files == skipped: socat is not installed"

    data, where = data_folder(2 * size + 2 * folder_size)
    lines: list[str] = []
    try:
        source = data / "payload.bin"
        make_file(source, size)
        tree = data / "树"
        make_folder(tree, files, folder_size)
        inbox = data / "in"
        inbox.mkdir()
        with (
            _signals_end_the_run(),
            veth_pair() as (a, b),
            running_peer(a, data / "home-a", "发送") as iptux_a,
            running_peer(b, data / "home-b", "接收") as iptux_b,
        ):
            iptux_b.detect(iptux_a.address)
            iptux_a.wait_for(lambda e: e["event"] == "online")
            iptux_b.wait_for(lambda e: e["event"] in ("online", "update"))

            socat = Contender("socat (TCP, same link)", baseline=True)
            iptux = Contender("iptux 0.8.3 core → iptux core", baseline=True)
            ours = Contender("SocketDesk engine → SocketDesk engine")
            ours_apart = Contender("SocketDesk, sender in its own process")
            tree_iptux = Contender("iptux 0.8.3 core → iptux core")
            tree_ours = Contender("SocketDesk engine → SocketDesk engine")
            tree_apart = Contender("SocketDesk, sender in its own process")
            pair = SocketDeskPair(a, b)
            apart = SocketDeskProcesses(a, b)
            try:
                for n in range(rounds):
                    steps: list[Callable[[], None]] = [
                        lambda: socat.seconds.append(
                            socat_once(a, b, source, inbox / "payload.bin")
                        ),
                        lambda: iptux.seconds.append(iptux_once(iptux_a, iptux_b, source, inbox)),
                        lambda: ours.seconds.append(pair.once(source, inbox)),
                        lambda: ours_apart.seconds.append(apart.once(source, inbox)),
                    ]
                    for step in steps if n % 2 == 0 else reversed(steps):
                        step()
                        _clear(inbox)
                    tree_iptux.seconds.append(iptux_once(iptux_a, iptux_b, tree, inbox))
                    _clear(inbox)
                    tree_ours.seconds.append(pair.once(tree, inbox))
                    _clear(inbox)
                    tree_apart.seconds.append(apart.once(tree, inbox))
                    _clear(inbox)
            finally:
                pair.close()
                apart.close()
            lines = [
                "== IP Messenger files: two namespaces on a veth pair ==",
                "",
                f"SocketDesk's event loop: {loop_kind()} ({ENV})",
                f"one file of {size:,} bytes, data on {where}, median of {rounds} round(s)",
                *(_row(c, size, 0, [socat, iptux]) for c in (socat, iptux, ours, ours_apart)),
                "",
                f"a folder of {files:,} files, {folder_size:,} bytes in all",
                *(
                    _row(c, folder_size, files, [tree_iptux])
                    for c in (tree_iptux, tree_ours, tree_apart)
                ),
                "",
                "ratio = baseline time / contender time (above 1: faster than the baseline)",
            ]
    finally:
        shutil.rmtree(data, ignore_errors=True)
    return "\n".join(lines)


def _bytes(text: str) -> int:
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    if text[-1:].upper() in units:
        return int(float(text[:-1]) * units[text[-1].upper()])
    return int(text)


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=_bytes, default=2 << 30, help="the file (e.g. 64M, 2G)")
    parser.add_argument("--files", type=int, default=10_000, help="files in the folder")
    parser.add_argument("--folder-size", type=_bytes, default=100_000_000, help="folder's bytes")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (median)")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        text = "== IP Messenger files == skipped: needs root (network namespaces)"
    else:
        sys.path.insert(0, str(ROOT))
        text = run(args.size, args.files, args.folder_size, args.rounds)
    print(text)
    return text


if __name__ == "__main__":
    main()
