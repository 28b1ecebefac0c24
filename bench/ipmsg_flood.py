"""A hostile peer floods the GUI's messenger while a polite peer keeps talking to it.

Run (root: it builds network namespaces): ``.venv/bin/python -m bench.ipmsg_flood
[--seconds 10] [--rate 20000]``.

A test LAN of three hosts (198.18.0.0/15): SocketDesk's real main window (offscreen) with its
Messenger started on UDP 2425; a hostile peer (``tests.lan.ipmsg_flood hostile``) sending
``--rate`` datagrams a second for ``--seconds`` (BR_ENTRY and SENDMSG from thousands of fake
users, huge fields, 64 KiB datagrams, garbage); a polite peer sending ``SENDMSG|SENDCHECKOPT``
every 100 ms throughout, with IPMsg's retries. Reported: datagrams really sent per second, the
GUI's longest and p99 stall (1 ms QTimer probe) from the flood's start until the chat has caught
up, RSS before / peak (sampled every 100 ms) / after, the polite messages acknowledged and shown
in its conversation, the roster's size, the datagrams the engine dropped, the conversations the
panel opened.

Baseline, same run, same machine: the same application with the flood guards taken out (no
datagram budget, no per-address cap on the roster), which is what the messenger did before
them. Each side runs in its own process, so peak RSS is its own.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Slot

from bench.messenger_gui import engine_stats, need_lan, open_app, spin
from bench.proc import rss_kib
from bench.stall_probe import StallProbe
from tests.lan.ipmsg_flood import POLITE_NICK, polite_text
from tests.lan.netlan import TestLan
from tests.lan.ready_process import launch, outcome

ROOT = Path(__file__).resolve().parents[1]
CATCH_UP_S = 60.0  # after the flood, how long the chat may take to show the polite messages
SIDES = {
    "unguarded": "no flood guards (before)",
    "socketdesk": "SocketDesk",
}


def _unguard() -> None:
    """Take the flood guards out: no datagram budget, no per-address roster cap."""
    from desktop.core.ipmsg import node_core
    from desktop.core.ipmsg.roster import Roster
    from desktop.core.ipmsg.source_budget import SourceBudget
    from desktop.core.ipmsg_io import engine

    if not (hasattr(engine, "SourceBudget") and hasattr(node_core, "Roster")):
        raise SystemExit("ipmsg_flood: the guards moved; update _unguard() to take them out")

    engine.SourceBudget = functools.partial(  # type: ignore[misc]
        SourceBudget, math.inf, math.inf, math.inf, math.inf
    )
    node_core.Roster = functools.partial(Roster, per_ip=1 << 30)  # type: ignore[misc]


class _SignalCounter(QObject):
    """Counts the bridge's signals as the GUI thread receives them."""

    def __init__(self, bridge: QObject) -> None:
        super().__init__()
        self.count = 0
        for name in ("peer_joined", "peer_updated", "message_received", "notice"):
            getattr(bridge, name).connect(self.one)
        bridge.peer_left.connect(self.two)  # type: ignore[attr-defined]

    @Slot(object)
    def one(self, _value: object) -> None:
        self.count += 1

    @Slot(object, str)
    def two(self, _value: object, _reason: str) -> None:
        self.count += 1


def _rss_mib() -> float:
    return rss_kib(os.getpid())[0] / 1024


def run_side(side: str, seconds: float, rate: float) -> dict[str, Any]:
    """One side of the bench in this process; its figures."""
    need_lan("ipmsg_flood")
    if side == "unguarded":
        _unguard()
    with TestLan(3) as lan:
        gui, attacker, neighbour = lan.hosts
        qapp, app = open_app(gui.namespace, "bench", gui.broadcast)
        panel = app.window.messenger
        try:
            started: list[str] = []
            app.messenger_bridge.started.connect(started.append)
            panel.start()
            if not spin(lambda: bool(started), 10):
                raise SystemExit(f"ipmsg_flood: the messenger did not start: {panel.status.text()}")
            polite = launch(
                neighbour, "tests.lan.ipmsg_flood", "polite", gui.address,
                "--seconds", str(seconds + 2), "--interval", "0.1", "--settle", "6",
            )  # fmt: skip
            spin(lambda: False, 1.0)  # it introduces itself; the application settles
            rss_before = _rss_mib()
            hostile = launch(
                attacker, "tests.lan.ipmsg_flood", "hostile", gui.address,
                "--seconds", str(seconds), "--rate", str(rate),
            )  # fmt: skip
            probe = StallProbe()
            signals = _SignalCounter(app.messenger_bridge)
            probe.start()
            peak = [rss_before]
            sampler = _sample_rss(peak)
            spin(lambda: hostile.poll() is not None, seconds + 30)
            flood = outcome(hostile)
            spin(lambda: polite.poll() is not None, 60)
            talk = outcome(polite)
            flood_end = time.perf_counter()

            def shown() -> int:
                keys = [
                    p.key
                    for row in range(panel.roster.rowCount())
                    if (p := panel.roster.peer_at(row)) is not None and p.nickname == POLITE_NICK
                ]
                if len(keys) != 1:
                    return 0
                chat = panel.conversation(keys[0])
                texts = {polite_text(n) for n in range(1, talk["sent"] + 1)}
                return sum(1 for r in range(chat.rowCount()) if chat.entry(r).text in texts)  # type: ignore[union-attr]

            spin(lambda: shown() >= talk["acked"], CATCH_UP_S)
            caught_up = time.perf_counter() - flood_end
            probe.stop()
            sampler.stop()
            longest, p99 = probe.summary()
            stats = engine_stats(app)
            result = {
                "sent": flood["sent"],
                "rate": flood["rate"],
                "longest": longest,
                "p99": p99,
                "rss_before": rss_before,
                "rss_peak": max(peak),
                "rss_after": _rss_mib(),
                "polite_sent": talk["sent"],
                "acked": talk["acked"],
                "first_try": talk["first_try"],
                "shown": shown(),
                "caught_up": caught_up,
                "roster": panel.roster.rowCount(),
                "received": stats.received if stats else 0,
                "dropped": stats.dropped if stats else 0,
                "refused": stats.peers_refused if stats else 0,
                "conversations": len(panel.conversations),
                "signals": signals.count,
            }
        finally:
            app.shutdown()
            qapp.processEvents()
    return result


def _sample_rss(peak: list[float]):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.setInterval(100)
    timer.timeout.connect(lambda: peak.append(_rss_mib()))
    timer.start()
    return timer


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rate", type=float, default=20_000.0)
    parser.add_argument("--only", choices=tuple(SIDES))
    args = parser.parse_args(argv)
    if args.only is not None:
        result = run_side(args.only, args.seconds, args.rate)
        print(json.dumps(result), flush=True)
        return json.dumps(result)
    rows = []
    for side, name in SIDES.items():
        done = subprocess.run(
            [sys.executable, "-m", "bench.ipmsg_flood", "--only", side,
             "--seconds", str(args.seconds), "--rate", str(args.rate)],
            cwd=ROOT, capture_output=True, text=True, check=False, timeout=args.seconds + 300,
        )  # fmt: skip
        if done.returncode != 0:
            raise SystemExit(f"ipmsg_flood {side} failed: {done.stderr.strip()[-2000:]}")
        rows.append((name, json.loads(done.stdout.strip().splitlines()[-1])))
    lines = [
        f"== A hostile peer floods the messenger ({args.rate:,.0f} datagrams/s asked for "
        f"{args.seconds:g} s) while a polite peer talks every 100 ms ==",
        "",
        f"{'':<28}{'sent/s':>8}{'stall max':>10}{'p99':>7}{'RSS MiB before/peak/after':>27}"
        f"{'acked':>9}{'1st try':>8}{'shown':>7}{'catch-up s':>11}{'roster':>7}"
        f"{'dropped':>9}{'chats':>7}{'signals':>9}",
    ]
    for name, r in rows:
        rss = f"{r['rss_before']:.0f}/{r['rss_peak']:.0f}/{r['rss_after']:.0f}"
        lines.append(
            f"{name:<28}{r['rate']:>8,.0f}{r['longest']:>10.0f}{r['p99']:>7.1f}{rss:>27}"
            f"{r['acked']:>5}/{r['polite_sent']:<3}{r['first_try']:>8}{r['shown']:>7}"
            f"{r['caught_up']:>11.1f}{r['roster']:>7}{r['dropped']:>9,}{r['conversations']:>7}"
            f"{r['signals']:>9,}"
        )
    lines += [
        "",
        "stall in ms from the flood's start until the chat shows every acknowledged message; "
        "acked = polite messages acknowledged (with IPMsg's retries) / sent; shown = in its "
        "conversation; chats = conversations the panel opened; signals = the bridge's signals "
        "the GUI thread handled meanwhile",
        "targets (SocketDesk): stall max < 200 ms, RSS bounded, every polite message delivered "
        "and shown",
    ]
    text = "\n".join(lines)
    print(text)
    return text


if __name__ == "__main__":
    main()
