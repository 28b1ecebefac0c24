"""``socketdesk-cli tcp relay``: a man in the middle that prints both directions as one timeline.

Each client that connects to LISTEN_PORT is paired with a new connection to TARGET_HOST
TARGET_PORT; bytes flow both ways unchanged and every chunk is printed on stdout::

    12:03:04.567 #1 client→target 16 GET / HTTP/1.1\\r\\n
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import time
from typing import Any

from desktop.cli.arguments import listen_port, port, run_reporting
from desktop.cli.session_report import StderrReport
from desktop.cli.tls_options import tls_session_lines
from desktop.core.codec.visible import visible_text
from desktop.core.limits import raise_open_file_limit
from desktop.core.net.relay import RelaySide, TcpRelay
from desktop.core.net.tls import TlsClientOptions, TlsSessionInfo
from desktop.core.session.session import SessionCore

__all__ = ["add_relay_command"]

_SHOWN = 200  # bytes of a chunk shown on its line (escaped); the count is of the whole chunk
_ARROWS = {RelaySide.CLIENT: "client→target", RelaySide.TARGET: "target→client"}


def add_relay_command(commands: Any) -> None:
    """Register ``tcp relay`` on the ``tcp`` group's sub-parsers."""
    relay = commands.add_parser(
        "relay",
        help="listen on LISTEN_PORT, relay each client to TARGET_HOST TARGET_PORT and print "
        "both directions",
    )
    relay.add_argument("listen_port", type=listen_port, metavar="LISTEN_PORT")
    relay.add_argument("target_host", metavar="TARGET_HOST")
    relay.add_argument("target_port", type=port, metavar="TARGET_PORT")
    relay.add_argument(
        "--host", default="", help="address to listen on (default: every IPv4 and IPv6 address)"
    )
    relay.add_argument("--target-tls", action="store_true", help="speak TLS to the target")
    relay.add_argument(
        "--insecure",
        action="store_true",
        help="with --target-tls: accept any certificate from the target",
    )
    relay.add_argument(
        "-w", "--wait", type=float, default=10.0, metavar="SECONDS", help="connect timeout (10)"
    )
    relay.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="also save what the targets send (target→client, exact bytes) to FILE",
    )
    relay.add_argument(
        "-v", "--verbose", action="store_true", help="report pairs and totals on stderr"
    )
    relay.set_defaults(run=_run)


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


def _run(args: argparse.Namespace) -> int:
    raise_open_file_limit()
    return run_reporting(_relay(args))


async def _relay(args: argparse.Namespace) -> int:
    """Relay until Ctrl+C or SIGTERM."""
    tls = TlsClientOptions(verify=not args.insecure) if args.target_tls else None
    sink = _TimelineSink(args.verbose)
    if args.output and not sink.session.start_saving(args.output):
        return 1
    relay = TcpRelay(
        sink,
        args.target_host,
        args.target_port,
        connect_timeout=args.wait,
        target_tls=tls,
        target_totals=sink.session.totals,
    )
    addresses = await relay.start(args.host, args.listen_port)
    print(f"socketdesk-cli: listening on {', '.join(addresses)}", file=sys.stderr, flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        await stop.wait()
    finally:
        await relay.close()
        sink.session.stop_saving()  # "Saved N bytes to FILE." with -v
    counters = sink.session.counters()  # out: what reached the targets; in: what they sent
    sink.say(
        f"relayed {counters.bytes_out} bytes client→target, {counters.bytes_in} bytes target→client"
    )
    return 1 if sink.failure is not None else 0
