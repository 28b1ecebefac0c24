"""``socketdesk-cli tcp relay``'s run: the relay engine and the timeline printed on stdout.

Loaded only when ``tcp relay`` runs (``desktop.cli.tcp_relay`` holds the grammar).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import time

from desktop.cli.session_report import StderrReport
from desktop.cli.tls_options import tls_session_lines
from desktop.core.codec.visible import visible_text
from desktop.core.net.relay import RelaySide, TcpRelay
from desktop.core.net.tls import TlsClientOptions, TlsSessionInfo
from desktop.core.session.session import SessionCore

__all__ = ["relay"]

_SHOWN = 200  # bytes of a chunk shown on its line (escaped); the count is of the whole chunk
_ARROWS = {RelaySide.CLIENT: "client→target", RelaySide.TARGET: "target→client"}


def _clock() -> str:
    now = time.time()
    return time.strftime("%H:%M:%S", time.localtime(now)) + f".{int(now * 1000) % 1000:03d}"


class _TimelineSink(StderrReport):
    """Prints every chunk on stdout; pair events on stderr (failures always, the rest with -v).

    It is also the report of the command's session core, which counts the target side (as the
    GUI relay does) and saves what the targets send with ``-o``.
    """

    def __init__(self, verbose: bool) -> None:
        super().__init__(verbose)
        self.session = SessionCore(self)
        self.stdout_gone = False

    def on_pair_opened(self, pair_id: int, client_peer: str, target_peer: str) -> None:
        self.say(f"pair {pair_id}: {client_peer} ⇄ {target_peer}")

    def on_target_tls(self, pair_id: int, session: TlsSessionInfo) -> None:
        for line in tls_session_lines(session):
            self.say(f"pair {pair_id} target TLS: {line}")

    def on_pair_failed(self, pair_id: int, client_peer: str, reason: str) -> None:
        self.say(f"pair {pair_id} from {client_peer}: {reason}", always=True)

    def on_data(self, pair_id: int, from_side: RelaySide, data: memoryview) -> None:
        if from_side is RelaySide.TARGET and self.session.saving is not None:
            self.session.save(data)
        if self.stdout_gone:
            return
        shown = visible_text(bytes(data[: _SHOWN + 1]), limit=_SHOWN)
        line = f"{_clock()} #{pair_id} {_ARROWS[from_side]} {len(data)} {shown}\n".encode()
        try:
            while line:
                line = line[os.write(1, line) :]
        except BrokenPipeError:
            self.stdout_gone = True  # like the other commands: a closed reader ends the output

    def on_injected(self, pair_id: int, to_side: RelaySide, data: bytes) -> None:
        """Never called: the command does not inject."""

    def on_pair_closed(self, pair_id: int, reason: str) -> None:
        self.say(f"pair {pair_id}: {reason}")


async def relay(args: argparse.Namespace) -> int:
    """Relay until Ctrl+C or SIGTERM."""
    tls = TlsClientOptions(verify=not args.insecure) if args.target_tls else None
    sink = _TimelineSink(args.verbose)
    if args.output and not sink.session.start_saving(args.output):
        return 1
    engine = TcpRelay(
        sink,
        args.target_host,
        args.target_port,
        connect_timeout=args.wait,
        target_tls=tls,
        target_totals=sink.session.totals,
    )
    addresses = await engine.start(args.host, args.listen_port)
    print(f"socketdesk-cli: listening on {', '.join(addresses)}", file=sys.stderr, flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        await stop.wait()
    finally:
        await engine.close()
        sink.session.stop_saving()  # "Saved N bytes to FILE." with -v
    counters = sink.session.counters()  # out: what reached the targets; in: what they sent
    sink.say(
        f"relayed {counters.bytes_out} bytes client→target, {counters.bytes_in} bytes target→client"
    )
    return 1 if sink.failure is not None else 0
