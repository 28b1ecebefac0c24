"""Files into the real GUI: the GUI's longest stall and its RSS while a big file and a big folder
arrive (issue #13: "the GUI's longest stall < 200 ms and RSS flat; the file never passes through
the GUI thread").

Two hosts of a test LAN: the whole ``Application`` (``bench.messenger_gui.open_app``: main
window, Messenger tab, offscreen) receives on one, its I/O thread in that host's namespace; a
SocketDesk engine (``tests.cli.ipmsg_peers.EnginePeer``, its loop thread in the other host's
namespace) offers. The GUI accepts each offer through ``MessengerBridge.accept`` as the offer
bar does. A 1 ms ``QTimer`` (``StallProbe``) measures the GUI's stalls from the offer to the
last ``transfers_changed`` batch saying done; RSS is sampled every 100 ms.

``python -m bench.ipmsg_files_gui --size 2G --files 10000 --folder-size 100M``
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.ipmsg_files import _bytes, data_folder, make_file, make_folder
from bench.messenger_gui import need_lan, open_app, spin
from bench.proc import rss_kib
from bench.stall_probe import StallProbe

ROOT = Path(__file__).resolve().parents[1]


def _rss_mib() -> float:
    return rss_kib(os.getpid())[0] / 1024


def _digest(root: Path) -> dict[str, str]:
    paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    found = {}
    for path in paths:
        digest = hashlib.sha256()
        with path.open("rb") as source:
            while chunk := source.read(1 << 20):
                digest.update(chunk)
        found[path.relative_to(root).as_posix() if path != root else ""] = digest.hexdigest()
    return found


def run(size: int, files: int, folder_size: int) -> list[dict[str, Any]]:  # noqa: PLR0915
    from PySide6.QtCore import QTimer

    from tests.cli.ipmsg_peers import EnginePeer
    from tests.lan.netlan import TestLan

    need_lan("ipmsg_files_gui")
    data, where = data_folder(2 * size + 2 * folder_size)
    results: list[dict[str, Any]] = []
    try:
        source = data / "payload.bin"
        make_file(source, size)
        tree = data / "树"
        make_folder(tree, files, folder_size)
        inbox = data / "in"
        inbox.mkdir()
        with TestLan(2) as lan:
            sender_host, gui = lan.hosts
            qapp, app = open_app(gui.namespace, "bench", gui.broadcast)
            panel = app.window.messenger
            bridge = app.messenger_bridge
            sender: EnginePeer | None = None
            try:
                started: list[str] = []
                bridge.started.connect(started.append)
                panel.start()
                if not spin(lambda: bool(started), 10):
                    raise SystemExit(f"the messenger did not start: {panel.status.text()}")
                finished: dict[int, Any] = {}  # packet number -> the finished receive row

                def on_message(message: Any) -> None:
                    if message.offer is not None:
                        ids = [f.file_id for f in message.offer.files]
                        bridge.accept(message.offer, ids, str(inbox))

                def on_transfers(batch: list[Any]) -> None:
                    for t in batch:
                        if t.direction.value == "receive" and t.state.finished:
                            finished[t.packet_no] = t

                bridge.message_received.connect(on_message)
                bridge.transfers_changed.connect(on_transfers)
                sender = EnginePeer(
                    None, bind=sender_host.address, port=2425, netns=sender_host.namespace
                )
                sender.run(sender.engine.contact, (gui.address, 2425))

                def keys() -> list[Any]:
                    assert sender is not None
                    peers = sender.run(sender.engine.peers)
                    return [p.key for p in peers if p.address[0] == gui.address]

                spin(lambda: bool(keys()), 10)
                [key] = keys()
                spin(lambda: False, 1.0)  # the window settles
                for label, what, count, total in (
                    (f"one file of {size:,} bytes", source, 1, size),
                    (f"a folder of {files:,} files", tree, files, folder_size),
                ):
                    rss_before = _rss_mib()
                    peak = [rss_before]
                    sampler = QTimer()
                    sampler.setInterval(100)
                    sampler.timeout.connect(lambda peak=peak: peak.append(_rss_mib()))
                    probe = StallProbe()
                    probe.start()
                    sampler.start()
                    begin = time.perf_counter()
                    [(offer, _mid)] = sender.run(sender.engine.files.offer, [key], [str(what)], "")
                    spin(lambda offer=offer: offer.packet_no in finished, 3600)
                    seconds = time.perf_counter() - begin
                    probe.stop()
                    sampler.stop()
                    row = finished.get(offer.packet_no)
                    longest, p99 = probe.summary()
                    intact = row is not None and _digest(Path(row.path)) == _digest(what)
                    results.append({
                        "what": label, "state": row.state.value if row else "not finished",
                        "intact": intact, "seconds": seconds, "mb_s": total / seconds / 1e6,
                        "files_s": count / seconds, "longest": longest, "p99": p99,
                        "rss_before": rss_before, "rss_peak": max(peak), "rss_after": _rss_mib(),
                    })  # fmt: skip
                    shutil.rmtree(inbox)
                    inbox.mkdir()
            finally:
                if sender is not None:
                    sender.close()
                app.shutdown()
                qapp.processEvents()
        print(f"data on {where}", file=sys.stderr)
    finally:
        shutil.rmtree(data, ignore_errors=True)
    return results


def table(results: list[dict[str, Any]]) -> str:
    lines = [
        "== IP Messenger files into the GUI (SocketDesk engine → the Application, offscreen) ==",
        "",
        f"{'':<44}{'state':>7}{'intact':>7}{'MB/s':>8}{'files/s':>9}{'stall max':>10}{'p99':>6}"
        f"{'RSS MiB before/peak/after':>27}",
    ]
    for r in results:
        rss = f"{r['rss_before']:.0f}/{r['rss_peak']:.0f}/{r['rss_after']:.0f}"
        lines.append(
            f"{r['what']:<44}{r['state']:>7}{'yes' if r['intact'] else 'NO':>7}"
            f"{r['mb_s']:>8.1f}{r['files_s']:>9.0f}{r['longest']:>8.0f}ms{r['p99']:>6.1f}{rss:>27}"
        )
    lines += ["", "targets: stall max < 200 ms, RSS flat (peak ≈ before), every file intact"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=_bytes, default=2 << 30, help="the file (e.g. 64M, 2G)")
    parser.add_argument("--files", type=int, default=10_000, help="files in the folder")
    parser.add_argument("--folder-size", type=_bytes, default=100_000_000, help="folder's bytes")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        text = "== IP Messenger files into the GUI == skipped: needs root (network namespaces)"
    else:
        tempfile.tempdir = None
        text = table(run(args.size, args.files, args.folder_size))
    print(text)
    return text


if __name__ == "__main__":
    main()
