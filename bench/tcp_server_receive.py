"""Bulk receive into a server that counts and saves to a file: SocketDesk vs socat and iperf3.

Run: ``.venv/bin/python -m bench.tcp_server_receive [--gib 2] [--rounds 5]``. Each round, for
each receiver: start it listening on 127.0.0.1, start ``bench/push.py`` sending the bytes, and
time from the push's start until the receiver has exited (its file closed); the saved file must
hold exactly the bytes sent. iperf3 (a memory sink, no file) reports its own receive rate.
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
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bench.push", str(port), str(size)], cwd=ROOT, check=True
        )
        receiver.wait(120)
        elapsed = time.perf_counter() - start
    finally:
        if receiver.poll() is None:
            receiver.kill()
            receiver.wait()
    got = out.stat().st_size
    out.unlink()
    if got != size:
        raise RuntimeError(f"{argv[0]} saved {got} bytes of {size}")
    return elapsed


def iperf3_once(size: int) -> float:
    port = free_port()
    server = subprocess.Popen(
        ["iperf3", "-s", "-1", "-p", str(port)],
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
    times["iperf3 (memory sink, own client)"] = []
    for index in range(args.rounds):
        names = list(contenders) if index % 2 == 0 else list(reversed(contenders))
        for name in names:
            times[name].append(receive_once(contenders[name], size, folder / "received.bin"))
        times["iperf3 (memory sink, own client)"].append(iperf3_once(size))
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
    lines += ["", f"rounds: {args.rounds}; every saved file held exactly {size} bytes"]
    text = "\n".join(lines)
    print(text)
    return text


if __name__ == "__main__":
    main()
