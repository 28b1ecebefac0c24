"""Bulk receive into a server that counts and saves to a file: SocketDesk vs socat and iperf3.

Run: ``.venv/bin/python -m bench.tcp_server_receive [--gib 2] [--rounds 5]``. Each round, for
each receiver: start it listening on 127.0.0.1, start ``bench/push.py`` sending the bytes, and
time from the push's connection (its clock, printed once connected: the same monotonic clock
here) until the receiver has exited (its file closed); the saved file must
hold exactly the bytes sent. iperf3 reports its own receive rate, fed by its own C client (it
speaks its own protocol, so it cannot feed the others): as a memory sink, and with ``-F FILE``
(its server writing what it receives into a file, as the others do).
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


def receive_once(argv_for: object, size: int, out: Path) -> float:
    port = free_port()
    argv = argv_for(port, out)  # type: ignore[operator]
    receiver = subprocess.Popen(
        argv,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    try:
        wait_listening(port, receiver)
        pushed = subprocess.run(
            [sys.executable, "-m", "bench.push", str(port), str(size)],
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
        receiver.wait(120)
        # From the push's connection (its interpreter's start-up left out, as iperf3's own
        # figure leaves out its client's) until the receiver has exited, its file closed.
        elapsed = time.perf_counter() - float(pushed.stdout.split()[0])
    finally:
        if receiver.poll() is None:
            receiver.kill()
            receiver.wait()
    got = out.stat().st_size
    out.unlink()
    if got != size:
        raise RuntimeError(f"{argv[0]} saved {got} bytes of {size}")
    return elapsed


def iperf3_once(size: int, out: Path | None = None, kept: list[int] | None = None) -> float:
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
    return received["bytes"] / (received["bits_per_second"] / 8) * (size / received["bytes"])


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gib", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    size = int(args.gib * 1024**3)
    folder = Path(tempfile.mkdtemp(prefix="sd-bench-"))
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
        "socketdesk-cli tcp serve -o": lambda port, out: [
            sys.executable,
            "-m",
            "desktop.cli",
            "tcp",
            "serve",
            str(port),
            "--host",
            "127.0.0.1",
            "--no-stdout",
            "-o",
            str(out),
        ],
    }
    times: dict[str, list[float]] = {name: [] for name in contenders}
    iperf3_kept: list[int] = []
    times["iperf3 (memory sink, own client)"] = []
    times["iperf3 -F (into a file, own client)"] = []
    for index in range(args.rounds):
        names = list(contenders) if index % 2 == 0 else list(reversed(contenders))
        for name in names:
            times[name].append(receive_once(contenders[name], size, folder / "received.bin"))
        times["iperf3 (memory sink, own client)"].append(iperf3_once(size))
        into = iperf3_once(size, folder / "received.bin", iperf3_kept)
        times["iperf3 -F (into a file, own client)"].append(into)
    os.rmdir(folder)
    medians = {name: statistics.median(values) for name, values in times.items()}
    ours = medians["socketdesk-cli tcp serve -o"]
    lines = [
        f"== Bulk receive of {args.gib:g} GiB into a server, counted and saved ==",
        "",
        f"{'receiver':<36}{'median s':>10}{'GB/s':>8}{'SocketDesk is':>16}",
    ]
    for name, median in medians.items():
        ratio = "" if median == ours else f"{median / ours:.2f}x as fast"
        lines.append(f"{name:<36}{median:>10.3f}{size / median / 1e9:>8.2f}{ratio:>16}")
    lines += [
        "",
        f"rounds: {args.rounds}; every saved file held exactly {size} bytes, but iperf3 -F's:"
        f" {min(iperf3_kept)}-{max(iperf3_kept)} (it stops writing at the test's end)",
    ]
    text = "\n".join(lines)
    print(text)
    return text


if __name__ == "__main__":
    main()
