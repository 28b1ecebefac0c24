"""Bulk receive into a server that counts and saves to a file: SocketDesk vs socat and iperf3.

Run: ``.venv/bin/python -m bench.tcp_server_receive [--gib 2] [--rounds 5] [--cold]``. Each
round, for each receiver: start it listening on 127.0.0.1, start ``bench/push.py`` sending the
bytes, and time from the push's connection (its clock, printed once connected: the same
monotonic clock here) until the saved file is complete (its final name and size: the last byte
in it), as iperf3's own figure ends at its last read; the time until the receiver has exited is
printed beside it. The saved file must hold exactly the bytes sent. iperf3 reports its own
receive rate, fed by its own C client (it speaks its own protocol, so it cannot feed the
others): as a memory sink, and with ``-F FILE`` (its server writing what it receives into a
file, as the others do). Who keeps the bytes is compared with who keeps them: SocketDesk
counting only (no file) with iperf3's memory sink, the file receivers with iperf3 ``-F``.

The page cache: on this VM (virtio free page reporting on: freed memory is handed back to the
host), writing into pages freed a few seconds earlier costs several times the copy (most likely
the host backing them again on first touch; measured with the page
cache full: ``dd`` of 2 GiB into a new file 0.4 s right after a 2 GiB file was deleted, 1.9-4.2 s
five seconds later; SocketDesk's receiver 0.6 s of CPU against 2.2-2.4 s), so a receiver's
figure depended on what ran just before it, and a memory sink never pays it. Each receive is
therefore preceded, once its receiver listens, by writing and deleting a file of the same size
in the same folder: every receiver starts with the same freed pages at hand, as on a machine
without page reporting.
``--cold`` leaves that out (each receive then finds what the one before left).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_listening(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        out = subprocess.run(
            ["ss", "-Hltn", f"sport = :{port}"], capture_output=True, text=True, check=False
        ).stdout
        if out.strip():
            return
        if process.poll() is not None:
            raise RuntimeError(f"receiver exited early ({process.returncode})")
        time.sleep(0.01)
    raise RuntimeError("receiver did not start listening")


def warm(folder: Path, size: int) -> None:
    """Write ``size`` bytes into a file in ``folder`` and delete it: the kernel then has that
    many freed pages at hand for the next writer (see the module's note on the page cache)."""
    path = folder / "warm.bin"
    chunk = memoryview(bytes(4 * 1024 * 1024))
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        left = size
        while left > 0:
            left -= os.write(fd, chunk[: min(left, len(chunk))])
    finally:
        os.close(fd)
        path.unlink()


def wait_complete(out: Path, size: int, receiver: subprocess.Popen[bytes]) -> float:
    """The time ``out`` holds ``size`` bytes under its final name (the receiver still running
    or not); checked every millisecond."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if out.stat().st_size == size:
                return time.perf_counter()
        except FileNotFoundError:
            pass
        if receiver.poll() is not None:
            return time.perf_counter()  # exited without completing: the size check reports it
        time.sleep(0.001)
    raise RuntimeError("the saved file did not complete")


def receive_once(
    argv_for: object, size: int, out: Path | None, folder: Path, cold: bool
) -> tuple[float, float]:
    """One receive: seconds from the push's connection until the file is complete (the receiver
    has exited, when it saves nothing), and until the receiver has exited."""
    port = free_port()
    argv = argv_for(port, out)  # type: ignore[operator]
    push: subprocess.Popen[str] | None = None
    receiver = subprocess.Popen(
        argv,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    try:
        wait_listening(port, receiver)
        if not cold:
            warm(folder, size)
        push = subprocess.Popen(
            [sys.executable, "-m", "bench.push", str(port), str(size)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert push is not None and push.stdout is not None
        # From the push's connection (its interpreter's start-up left out, as iperf3's own
        # figure leaves out its client's).
        start = float(push.stdout.readline())
        complete = wait_complete(out, size, receiver) if out is not None else None
        receiver.wait(120)
        exited = time.perf_counter()
        if push.wait(120) != 0:
            raise RuntimeError("the push failed")
    finally:
        for process in (receiver, push):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()
    if out is not None:
        got = out.stat().st_size
        out.unlink()
        if got != size:
            raise RuntimeError(f"{argv[0]} saved {got} bytes of {size}")
    return (complete if complete is not None else exited) - start, exited - start


def iperf3_once(
    size: int,
    folder: Path,
    cold: bool,
    out: Path | None = None,
    kept: list[int] | None = None,
) -> float:
    """iperf3's own client into its server: a memory sink, or ``out`` (``-F``: written to a
    file; the bytes it kept are appended to ``kept``: iperf3 stops at the test's end and has
    dropped the last megabytes in every run seen)."""
    port = free_port()
    into_file = ["-F", str(out)] if out is not None else []
    server = subprocess.Popen(
        ["iperf3", "-s", "-1", "-p", str(port), *into_file],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_listening(port, server)
        if not cold:
            warm(folder, size)
        result = subprocess.run(
            ["iperf3", "-c", "127.0.0.1", "-p", str(port), "-n", str(size), "-J"],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        server.wait(30)
    received = json.loads(result.stdout)["end"]["sum_received"]
    if out is not None:
        if kept is not None:
            kept.append(out.stat().st_size)
        out.unlink()
    return float(received["bytes"] / (received["bits_per_second"] / 8) * (size / received["bytes"]))


SAVING = "socketdesk-cli tcp serve -o"
COUNTING = "socketdesk-cli tcp serve (count only)"
MEMORY = "iperf3 (memory sink, own client)"
INTO_FILE = "iperf3 -F (into a file, own client)"


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gib", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--cold", action="store_true", help="no same-size write before each receive"
    )
    args = parser.parse_args(argv)
    size = int(args.gib * 1024**3)
    folder = Path(tempfile.mkdtemp(prefix="sd-bench-"))
    serve = [sys.executable, "-m", "desktop.cli", "tcp", "serve"]
    contenders = {
        "socat (default 8 KiB blocks)": lambda port, out: [
            "socat",
            "-u",
            f"TCP-LISTEN:{port},bind=127.0.0.1,reuseaddr",
            f"OPEN:{out},creat,trunc",
        ],
        "socat -b 262144": lambda port, out: [
            "socat",
            "-b",
            "262144",
            "-u",
            f"TCP-LISTEN:{port},bind=127.0.0.1,reuseaddr",
            f"OPEN:{out},creat,trunc",
        ],
        SAVING: lambda port, out: [
            *serve,
            *(str(port), "--host", "127.0.0.1", "--no-stdout", "-o", str(out)),
        ],
        COUNTING: lambda port, out: [*serve, str(port), "--host", "127.0.0.1", "--no-stdout"],
    }
    times: dict[str, list[float]] = {name: [] for name in [*contenders, MEMORY, INTO_FILE]}
    exits: dict[str, list[float]] = {name: [] for name in contenders}
    iperf3_kept: list[int] = []
    for index in range(args.rounds):
        names = list(contenders) if index % 2 == 0 else list(reversed(contenders))
        for name in names:
            out = None if name == COUNTING else folder / "received.bin"
            complete, exited = receive_once(contenders[name], size, out, folder, args.cold)
            times[name].append(complete)
            exits[name].append(exited)
        times[MEMORY].append(iperf3_once(size, folder, args.cold))
        into = iperf3_once(size, folder, args.cold, folder / "received.bin", iperf3_kept)
        times[INTO_FILE].append(into)
    os.rmdir(folder)
    medians = {name: statistics.median(values) for name, values in times.items()}
    ours = medians[SAVING]
    lines = [
        f"== Bulk receive of {args.gib:g} GiB into a server, counted and saved ==",
        "",
        f"{'receiver':<40}{'median s':>10}{'exited s':>10}{'GB/s':>7}{'SocketDesk -o is':>18}",
    ]
    for name, median in medians.items():
        ratio = "" if name in (SAVING, COUNTING) else f"{median / ours:.2f}x as fast"
        exit_s = f"{statistics.median(exits[name]):.3f}" if name in exits else "-"
        lines.append(f"{name:<40}{median:>10.3f}{exit_s:>10}{size / median / 1e9:>7.2f}{ratio:>18}")
    lines += [
        "",
        "median s: from the push's connection until the file is complete (count only: until"
        " the receiver exited); iperf3: its own figure",
        f"keeping the bytes, SocketDesk -o vs iperf3 -F: {medians[INTO_FILE] / ours:.2f}x;"
        f" keeping none, SocketDesk counting vs iperf3's memory sink:"
        f" {medians[MEMORY] / medians[COUNTING]:.2f}x",
        f"rounds: {args.rounds}; "
        + (
            "cold (no write before each receive)"
            if args.cold
            else "a same-size write and"
            " delete before each receive (every receiver finds the same freed pages)"
        ),
        f"every saved file held exactly {size} bytes, but iperf3 -F's:"
        f" {min(iperf3_kept)}-{max(iperf3_kept)} (it stops writing at the test's end)",
    ]
    text = "\n".join(lines)
    print(text)
    return text


if __name__ == "__main__":
    main()
