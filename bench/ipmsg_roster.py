"""A whole /24 of IP Messenger users answering the GUI's BR_ENTRY: how soon the roster is full.

Run (root: it builds network namespaces): ``.venv/bin/python -m bench.ipmsg_roster
[--rounds 3] [--max-delay 4]``.

A test LAN of two hosts (198.18.0.0/15): one carries all 254 addresses of a /24 with a responder
(``tests.lan.ipmsg_responder``: one socket per address, ANSENTRY after a random delay up to
``--max-delay`` s as IPMsg does on a large LAN, distinct nicknames in eight groups); the other
runs SocketDesk's real main window (offscreen), its Messenger started with the /24 as broadcast
target. Per round: time from Start to 254 rows in the roster model, against the latest answer
delay the responder drew (what no client can beat), and the GUI's longest and p99 stall (1 ms
QTimer probe) over the round. Target: 254 within 5 s, stall < 200 ms. Exits 1 if a round does not
reach 254.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from bench.messenger_gui import engine_stats, need_lan, open_app, spin
from bench.stall_probe import StallProbe
from tests.lan.netlan import TestLan
from tests.lan.ready_process import launch, outcome
from tests.lan.subnet import add_subnet, reach_subnet

USERS = 254
GOAL_S = 5.0


def _round(app, probe: StallProbe, limit: float) -> dict[str, float]:  # type: ignore[no-untyped-def]
    panel = app.window.messenger
    full: list[float] = []

    def inserted() -> None:
        if not full and panel.roster.rowCount() >= USERS:
            full.append(time.perf_counter())

    panel.roster.rowsInserted.connect(inserted)
    probe.gaps_ms.clear()
    probe.start()
    started = time.perf_counter()
    panel.start()
    spin(lambda: bool(full), limit)
    spin(lambda: False, 0.5)  # the stall probe keeps watching a little after the last row
    probe.stop()
    panel.roster.rowsInserted.disconnect(inserted)
    longest, p99 = probe.summary()
    stats = engine_stats(app)
    rows = panel.roster.rowCount()
    panel.stop(leave=True)
    spin(lambda: not panel.running, 5)
    return {
        "seconds": full[0] - started if full else float("nan"),
        "rows": rows,
        "longest": longest,
        "p99": p99,
        "received": stats.received if stats else 0,
        "dropped": stats.dropped if stats else 0,
    }


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--max-delay", type=float, default=4.0, help="longest answer delay, s")
    parser.add_argument("--limit", type=float, default=15.0, help="seconds before giving up")
    args = parser.parse_args(argv)
    need_lan("ipmsg_roster")
    results = []
    with TestLan(2) as lan:
        gui, crowd = lan.hosts
        network = f"198.19.{lan.network.network_address.packed[2]}.0/24"
        add_subnet(crowd, network)
        reach_subnet(gui, network)
        qapp, app = open_app(gui.namespace, "bench", network)
        probe = StallProbe()
        try:
            for index in range(args.rounds):
                seconds = str(args.limit + 10)
                responder = launch(
                    crowd, "tests.lan.ipmsg_responder", network, "--max-delay",
                    str(args.max_delay), "--seconds", seconds, "--seed", str(index + 1),
                )  # fmt: skip
                result = _round(app, probe, args.limit)
                responder.terminate()
                result["latest"] = outcome(responder)["latest_ms"] / 1000
                results.append(result)
        finally:
            app.shutdown()
            qapp.processEvents()
    lines = [
        f"== {USERS} IP Messenger users on one /24 answering the GUI (answers up to "
        f"{args.max_delay:g} s late) ==",
        "",
        f"{'round':<6}{'roster full s':>14}{'last answer s':>14}{'GUI lag s':>10}"
        f"{'rows':>6}{'stall max ms':>13}{'stall p99 ms':>13}{'datagrams':>10}{'dropped':>8}",
    ]
    for index, r in enumerate(results, start=1):
        lag = r["seconds"] - r["latest"]
        lines.append(
            f"{index:<6}{r['seconds']:>14.2f}{r['latest']:>14.2f}{lag:>10.2f}"
            f"{r['rows']:>6.0f}{r['longest']:>13.1f}{r['p99']:>13.1f}{r['received']:>10.0f}"
            f"{r['dropped']:>8.0f}"
        )
    reached = [r for r in results if r["rows"] >= USERS]
    worst = max((r["seconds"] for r in reached), default=float("nan"))
    lines += [
        "",
        f"all {USERS} listed in {len(reached)} of {len(results)} rounds; worst {worst:.2f} s "
        f"(goal < {GOAL_S:g} s); median stall max "
        f"{statistics.median(r['longest'] for r in results):.1f} ms (goal < 200 ms)",
        "GUI lag = roster full - the latest answer the responder drew (what no client can beat)",
    ]
    text = "\n".join(lines)
    print(text)
    if len(reached) != len(results):
        sys.exit(1)
    return text


if __name__ == "__main__":
    main()
