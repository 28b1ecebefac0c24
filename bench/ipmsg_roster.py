"""A whole /24 of IP Messenger users answering the GUI's BR_ENTRY: how soon the roster is full.

Run (root: it builds network namespaces): ``.venv/bin/python -m bench.ipmsg_roster
[--rounds 3] [--max-delay 4] [--subnets 1]``.

A test LAN of two hosts (198.18.0.0/15): one carries all 254 addresses of a /24 with a responder
(``tests.lan.ipmsg_responder``: one socket per address, ANSENTRY after a random delay up to
``--max-delay`` s as IPMsg does on a large LAN, distinct nicknames in eight groups); the other
runs SocketDesk's real main window (offscreen), its Messenger started with the /24 as broadcast
target. Per round: time from Start to 254 rows in the roster model, against the latest answer
delay the responder drew (what no client can beat), and the GUI's longest and p99 stall (1 ms
QTimer probe) over the round. Baseline, in the same window and run, rounds interleaved: the
roster model as it was before (each join scans the rows for the key and rebuilds every row's
sort key to find its place). Target: 254 within 5 s, stall < 200 ms. Exits 1 if a round does not
reach 254. ``--subnets N`` puts N such /24s (one responder each) behind the crowd host, to see how
the figures scale with 254 x N users.
"""

from __future__ import annotations

import argparse
import bisect
import statistics
import sys
import time
import types

from PySide6.QtCore import QModelIndex

from bench.messenger_gui import engine_stats, need_lan, open_app, spin
from bench.stall_probe import StallProbe
from desktop.core.ipmsg.events import Peer, PeerKey
from desktop.ui.messenger.roster_model import RosterModel
from tests.lan.netlan import LanHost, TestLan
from tests.lan.ready_process import launch, outcome
from tests.lan.subnet import add_subnet, reach_subnet

PER_SUBNET = 254
GOAL_S = 5.0
CONTENDERS = ("naive model (before)", "SocketDesk")


def _naive_row_of(model: RosterModel, key: PeerKey) -> int | None:
    for row, peer in enumerate(model._peers):
        if peer.key == key:
            return row
    return None


def _naive_upsert(model: RosterModel, peer: Peer) -> None:
    """The model's upsert before: a scan for the key, every row's sort key rebuilt."""
    order = (peer.group.casefold() or "\uffff", peer.name.casefold(), peer.key)
    row = _naive_row_of(model, peer.key)
    if row is not None:
        model.remove(peer.key, keep_unread=True)
    keys = [(p.group.casefold() or "\uffff", p.name.casefold(), p.key) for p in model._peers]
    at = bisect.bisect_left(keys, order)
    model.beginInsertRows(QModelIndex(), at, at)
    model._peers.insert(at, peer)
    model._orders.insert(at, order)  # kept, so that the rest of the model still works
    model._order_of[peer.key] = order
    model.endInsertRows()


def _use_naive(model: RosterModel, naive: bool) -> None:
    if naive:
        model.upsert = types.MethodType(_naive_upsert, model)  # type: ignore[method-assign]
        model.row_of = types.MethodType(_naive_row_of, model)  # type: ignore[method-assign]
    else:
        vars(model).pop("upsert", None)
        vars(model).pop("row_of", None)


def _round(app, probe: StallProbe, users: int, limit: float) -> dict[str, float]:  # type: ignore[no-untyped-def]
    panel = app.window.messenger
    full: list[float] = []

    def inserted() -> None:
        if not full and panel.roster.rowCount() >= users:
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


def _responder(host: LanHost, network: str, delay: float, seconds: str, seed: str):  # type: ignore[no-untyped-def]
    return launch(
        host, "tests.lan.ipmsg_responder", network,
        "--max-delay", str(delay), "--seconds", seconds, "--seed", seed,
    )  # fmt: skip


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--max-delay", type=float, default=4.0, help="longest answer delay, s")
    parser.add_argument("--limit", type=float, default=15.0, help="seconds before giving up")
    parser.add_argument("--subnets", type=int, default=1, choices=range(1, 17))
    args = parser.parse_args(argv)
    need_lan("ipmsg_roster")
    users = PER_SUBNET * args.subnets
    results = []
    with TestLan(2) as lan:
        gui, crowd = lan.hosts
        networks = [f"198.19.{n}.0/24" for n in range(args.subnets)]
        for network in networks:
            add_subnet(crowd, network)
            reach_subnet(gui, network)
        qapp, app = open_app(gui.namespace, "bench", ", ".join(networks))
        probe = StallProbe()
        try:
            for index in range(args.rounds):
                order = list(enumerate(CONTENDERS))
                for which, name in order if index % 2 == 0 else reversed(order):
                    seconds = str(args.limit + 10)
                    responders = [
                        _responder(crowd, network, args.max_delay, seconds, f"{index}{n}")
                        for n, network in enumerate(networks)
                    ]
                    _use_naive(app.window.messenger.roster, naive=which == 0)
                    result = _round(app, probe, users, args.limit)
                    for responder in responders:
                        responder.terminate()
                    latest = max(outcome(responder)["latest_ms"] for responder in responders)
                    result["latest"] = latest / 1000
                    results.append((name, index + 1, result))
        finally:
            app.shutdown()
            qapp.processEvents()
    lines = [
        f"== {users} IP Messenger users on {args.subnets} x /24 answering the GUI (answers up to "
        f"{args.max_delay:g} s late) ==",
        "",
        f"{'contender':<22}{'round':>6}{'roster full s':>14}{'last answer s':>14}{'GUI lag s':>10}"
        f"{'rows':>6}{'stall max ms':>13}{'stall p99 ms':>13}{'datagrams':>10}{'dropped':>8}",
    ]
    for name, index, r in sorted(results, key=lambda item: (item[0] != CONTENDERS[0], item[1])):
        lag = r["seconds"] - r["latest"]
        lines.append(
            f"{name:<22}{index:>6}{r['seconds']:>14.2f}{r['latest']:>14.2f}{lag:>10.2f}"
            f"{r['rows']:>6.0f}{r['longest']:>13.1f}{r['p99']:>13.1f}{r['received']:>10.0f}"
            f"{r['dropped']:>8.0f}"
        )
    lines.append("")
    medians = {}
    for name in CONTENDERS:
        mine = [r for n, _i, r in results if n == name]
        reached = [r for r in mine if r["rows"] >= users]
        worst = max((r["seconds"] for r in reached), default=float("nan"))
        medians[name] = (
            statistics.median(r["longest"] for r in mine),
            statistics.median(r["p99"] for r in mine),
        )
        lines.append(
            f"{name}: all {users} listed in {len(reached)} of {len(mine)} rounds, worst "
            f"{worst:.2f} s (goal < {GOAL_S:g} s); median stall max {medians[name][0]:.1f} ms, "
            f"p99 {medians[name][1]:.1f} ms (goal < 200 ms)"
        )
    naive, ours = medians[CONTENDERS[0]], medians[CONTENDERS[1]]
    lines += [
        f"stall ratio naive / SocketDesk: max {naive[0] / max(ours[0], 0.1):.1f}x, "
        f"p99 {naive[1] / max(ours[1], 0.1):.1f}x",
        "GUI lag = roster full - the latest answer the responder drew (what no client can beat)",
    ]
    text = "\n".join(lines)
    print(text)
    if any(r["rows"] < users for name, _i, r in results if name == CONTENDERS[1]):
        sys.exit(1)
    return text


if __name__ == "__main__":
    main()
