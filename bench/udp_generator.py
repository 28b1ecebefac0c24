"""UDP generator: 64-byte datagrams/s sent by ``udp flood``, the Workbench generator, socat, iperf3.

Run (root: it makes a network namespace): ``.venv/bin/python -m bench.udp_generator [--seconds 5]``.

Each sender runs alone in a fresh network namespace with only loopback, so the kernel's UDP
counters there (``/proc/net/snmp``) count its traffic and nothing else: ``OutDatagrams`` is what
left the sender, ``InDatagrams + RcvbufErrors`` what reached the receiving socket (which never
reads, so it costs no CPU). The generators' own counters are compared with the kernel's.
Senders: ``socketdesk-cli udp flood --rate max``; the Workbench session's generator
(``UdpBridge.start_generator``); ``socat -u -b 64 /dev/zero UDP-SENDTO:…``; ``iperf3 -c -u -b 0
-l 64`` (against ``iperf3 -s``, whose control connection is TCP).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = 64
PORT = 40_000


def _ns(name: str, *argv: str) -> list[str]:
    return ["ip", "netns", "exec", name, *argv]


def _snmp(name: str) -> dict[str, int]:
    text = subprocess.run(
        _ns(name, "cat", "/proc/net/snmp"), capture_output=True, text=True, check=True
    ).stdout
    heads, values = [line.split()[1:] for line in text.splitlines() if line.startswith("Udp:")]
    return dict(zip(heads, map(int, values), strict=True))


def _child_bridge(seconds: float) -> None:
    from PySide6.QtCore import QCoreApplication

    from desktop.core.net.udp import UdpOptions
    from desktop.core.net.udp_socket import BindOptions
    from desktop.workers.loop_thread import EventLoopThread
    from desktop.workers.udp_bridge import GeneratorPlan, UdpBridge

    sys.setswitchinterval(0.001)  # as the app's composition root sets it (ARCHITECTURE.md)
    app = QCoreApplication([])
    io = EventLoopThread()
    io.start_and_wait()
    bridge = UdpBridge(io)
    last: dict[str, int] = {}

    def counters(sample: object) -> None:
        last["sent"] = sample.messages_out  # type: ignore[attr-defined]

    def changed(on: bool) -> None:
        if not on:
            bridge.shutdown()
            io.stop(3000)
            print(f"Sent {last['sent']} datagrams", flush=True)
            app.quit()

    bridge.counters_updated.connect(counters)
    bridge.generator_changed.connect(changed)
    bridge.started.connect(
        lambda _a: bridge.start_generator(
            GeneratorPlan(b"\0" * SIZE, "127.0.0.1", PORT, seconds=seconds)
        )
    )
    bridge.start(UdpOptions(bind=BindOptions("127.0.0.1", 0)))
    app.exec()


def _measure(name: str, seconds: float, argv: list[str], timed: bool) -> dict[str, float]:
    ns = f"sdudpgen{os.getpid()}"
    subprocess.run(["ip", "netns", "add", ns], check=True)
    try:
        subprocess.run(_ns(ns, "ip", "link", "set", "lo", "up"), check=True)
        sink_code = (
            "import socket,sys,time;s=socket.socket(2,2);"
            f"s.bind(('127.0.0.1',{PORT}));print(1,flush=True);time.sleep({seconds + 30})"
        )
        iperf = argv[0] == "iperf3"
        sink = subprocess.Popen(
            _ns(ns, "iperf3", "-s", "-1", "-B", "127.0.0.1", "-p", str(PORT))
            if iperf
            else _ns(ns, sys.executable, "-c", sink_code),
            stdout=subprocess.PIPE,
            text=True,
        )
        if not iperf:
            assert sink.stdout is not None
            sink.stdout.readline()
        time.sleep(0.5)
        before = _snmp(ns)
        started = time.perf_counter()
        if timed:
            run = subprocess.run(
                _ns(ns, "timeout", "-s", "INT", str(seconds), *argv),
                capture_output=True, text=True, cwd=ROOT, check=False,
            )  # fmt: skip
        else:
            run = subprocess.run(
                _ns(ns, *argv), capture_output=True, text=True, cwd=ROOT, check=False,
                env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            )  # fmt: skip
        elapsed = time.perf_counter() - started
        after = _snmp(ns)
        sink.terminate()
        sink.wait(10)
    finally:
        subprocess.run(["ip", "netns", "del", ns], check=False)
    out = after["OutDatagrams"] - before["OutDatagrams"]
    reached = (after["InDatagrams"] - before["InDatagrams"]) + (
        after["RcvbufErrors"] - before["RcvbufErrors"]
    )
    own: float = float("nan")
    match = re.search(r"Sent (\d+) datagrams", run.stdout)
    if match:
        own = int(match.group(1))
    elif iperf:
        own = json.loads(run.stdout)["end"]["sum"]["packets"]
    return {"out": out, "reached": reached, "own": own, "seconds": min(elapsed, seconds + 1)}


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--child-bridge", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_bridge:
        _child_bridge(args.child_bridge)
        return ""
    s = args.seconds
    senders = {
        "socat": (
            ["socat", "-u", "-b", str(SIZE), "/dev/zero", f"UDP-SENDTO:127.0.0.1:{PORT}"],
            True,
        ),
        "iperf3 -u -b 0 -l 64": (
            ["iperf3", "-c", "127.0.0.1", "-p", str(PORT), "-u", "-b", "0", "-l", str(SIZE),
             "-t", f"{s:g}", "-J"],
            False,
        ),
        "socketdesk-cli udp flood": (
            [sys.executable, "-m", "desktop.cli", "udp", "flood", "127.0.0.1", str(PORT),
             "--seconds", f"{s:g}", "--size", str(SIZE)],
            False,
        ),
        "Workbench generator (bridge)": (
            [sys.executable, "-m", "bench.udp_generator", "--child-bridge", f"{s:g}"],
            False,
        ),
    }  # fmt: skip
    results = {name: _measure(name, s, argv_, timed) for name, (argv_, timed) in senders.items()}
    base = results["socat"]["out"]
    iperf = results["iperf3 -u -b 0 -l 64"]["out"]
    lines = [
        f"UDP generator, {SIZE}-byte datagrams to loopback for {s:g} s (kernel counts per netns)",
        f"{'sender':30} {'sent/s':>10} {'× socat':>8} {'× iperf3':>9} {'own count':>10} "
        f"{'vs kernel':>9} {'vs receiver':>11}",
    ]
    for name, r in results.items():
        own = r["own"]
        lines.append(
            f"{name:30} {r['out'] / s:>10,.0f} {r['out'] / base:>8.2f} {r['out'] / iperf:>9.2f} "
            f"{own:>10,.0f} {100 * (own / r['out'] - 1) if r['out'] else 0:>+8.2f}% "
            f"{100 * (own / r['reached'] - 1) if r['reached'] else 0:>+10.2f}%"
        )
    text = "\n".join(lines)
    print(text)
    return text


if __name__ == "__main__":
    main()
