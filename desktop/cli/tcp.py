"""``socketdesk-cli tcp …``: a TCP client that behaves like ``nc``/``ncat``.

stdin goes to the socket, the socket goes to stdout. End of stdin half-closes the connection
(the peer sees EOF) and the command keeps printing until the peer closes.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import os
import signal
import threading
from typing import Any

from desktop.cli.arguments import listen_port, port, run_reporting
from desktop.cli.session_report import StderrReport
from desktop.cli.stream_codec import InputConverter, OutputWriter, add_format_options
from desktop.cli.tcp_relay import add_relay_command
from desktop.cli.tcp_serve import serve
from desktop.cli.tls_options import (
    add_tls_client_options,
    add_tls_server_options,
    tls_client_from_args,
)
from desktop.core.errors import SocketDeskError
from desktop.core.limits import raise_open_file_limit
from desktop.core.net.tcp_client import TcpClient
from desktop.core.sentence import Sentence
from desktop.core.session.reconnect import keep_connected
from desktop.core.session.session import SessionCore

__all__ = ["add_commands"]

_STDIN_CHUNK = 64 * 1024
# Reads go straight to stdout: a 256 KiB buffer stays in cache. The engines' 1 MiB pays off when
# the data is copied again (into a file: bench/tcp_server_receive.py); here it was no faster.
_CLIENT_READ_SIZE = 256 * 1024
_TLS_QUIET_S = 1.0  # after stdin ends, a TLS connection closes once the peer is this quiet


def add_commands(groups: Any) -> None:
    """Register ``tcp connect``."""
    tcp = groups.add_parser("tcp", help="TCP client and server")
    commands = tcp.add_subparsers(dest="command", metavar="SUBCOMMAND", required=True)
    connect = commands.add_parser(
        "connect",
        help="connect to HOST PORT; stdin to the socket, the socket to stdout",
        description="Connect to HOST PORT: stdin goes to the socket, the socket to stdout. "
        "When stdin ends the connection is half-closed and the command ends when the peer "
        "closes; over TLS (which cannot half-close) it closes once the peer has been quiet "
        "for a second.",
    )
    connect.add_argument("host")
    connect.add_argument("port", type=port)
    connect.add_argument(
        "-w", "--wait", type=float, default=10.0, metavar="SECONDS", help="connect timeout (10)"
    )
    connect.add_argument(
        "-C", "--crlf", action="store_true", help="send LF from stdin as CRLF (like ncat -C)"
    )
    connect.add_argument(
        "--recv-only", action="store_true", help="do not read stdin; only print what arrives"
    )
    connect.add_argument(
        "-o", "--output", metavar="FILE", help="also save everything received to FILE (exact bytes)"
    )
    connect.add_argument(
        "-r",
        "--reconnect",
        action="store_true",
        help="connect again after a failure or a close (1 s, doubling up to 30 s) until Ctrl+C; "
        "the end of stdin is then not passed on",
    )
    connect.add_argument(
        "-v", "--verbose", action="store_true", help="report the totals on stderr at the end"
    )
    add_format_options(connect)
    add_tls_client_options(connect)
    connect.set_defaults(run=_run_connect)

    serve = commands.add_parser(
        "serve",
        help="listen on PORT; what clients send goes to stdout, stdin goes to every client",
    )
    serve.add_argument("port", type=listen_port)
    serve.add_argument(
        "--host", default="", help="address to listen on (default: every IPv4 and IPv6 address)"
    )
    serve.add_argument("--echo", action="store_true", help="send every byte back to its sender")
    serve.add_argument(
        "-k",
        "--keep-open",
        action="store_true",
        help="keep accepting clients (like ncat -k); otherwise stop after the first client leaves",
    )
    serve.add_argument(
        "-m",
        "--max-clients",
        type=int,
        default=0,
        metavar="N",
        help="refuse clients beyond N at once (0: no limit)",
    )
    serve.add_argument(
        "-o", "--output", metavar="FILE", help="also save everything received to FILE (exact bytes)"
    )
    serve.add_argument(
        "--no-stdout", action="store_true", help="do not print what is received (count it only)"
    )
    serve.add_argument(
        "-v", "--verbose", action="store_true", help="report clients and totals on stderr"
    )
    add_format_options(serve)
    add_tls_server_options(serve)
    serve.set_defaults(run=_run_serve)
    add_relay_command(commands)


class _StdoutSink(StderrReport):
    """Writes received bytes to stdout (raw, decoded or as a hexdump) and to ``-o FILE``."""

    def __init__(self, output: OutputWriter, verbose: bool) -> None:
        super().__init__(verbose)
        self.output = output
        self.session = SessionCore(self)

    def on_connected(self, local: str, peer: str) -> None:
        self.say(f"connected to {peer} from {local}")

    def on_data(self, data: memoryview) -> None:
        if self.session.saving is not None:
            self.session.save(data)
        self.output.write(data)

    def on_closed(self, reason: str) -> None:
        self.say(reason)

    def on_waiting(self, why: Sentence) -> None:
        """Reconnecting: what happened and when the next attempt is (always shown)."""
        self.say(why, always=True)


def _run_connect(args: argparse.Namespace) -> int:
    return run_reporting(_connect(args))


async def _connect(args: argparse.Namespace) -> int:
    """Connect (again and again with ``--reconnect``, through the session core's
    ``keep_connected``, the GUI client's loop); stdin to the socket, the socket to stdout."""
    converter = InputConverter(args.hex, args.encoding, args.crlf)
    sink = _StdoutSink(OutputWriter(args.hex, args.encoding), args.verbose)
    if args.output and not sink.session.start_saving(args.output):
        return 1
    tls = tls_client_from_args(args)
    loop = asyncio.get_running_loop()
    current: list[TcpClient] = []  # the connection stdin goes to (the latest one)

    async def connect() -> None:
        client = TcpClient(sink, read_size=_CLIENT_READ_SIZE, totals=sink.session.totals)
        await client.connect(args.host, args.port, timeout=args.wait, tls=tls)
        first = not current
        current[:] = [client]
        if args.recv_only:
            client.close_write()
        elif first:
            threading.Thread(
                target=_pump_stdin,
                args=(loop, current, converter, not args.reconnect),
                name="stdin",
                daemon=True,
            ).start()

    async def wait_closed() -> None:
        await current[0].wait_closed()

    connecting = loop.create_task(
        keep_connected(
            connect,
            wait_closed,
            reconnect=args.reconnect,
            on_failed=sink.on_error,
            on_waiting=sink.on_waiting,
        )
    )
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, connecting.cancel)
    try:
        await connecting
    except asyncio.CancelledError:
        if current and current[0].connected:
            current[0].close()
            await current[0].wait_closed()
    sink.output.finish()
    sink.session.stop_saving()  # "Saved N bytes to FILE." with -v
    counters = sink.session.counters()
    sink.say(f"received {counters.bytes_in} bytes, sent {counters.bytes_out} bytes")
    return 1 if sink.failure is not None else 0


def _pump_stdin(
    loop: asyncio.AbstractEventLoop,
    current: list[TcpClient],
    converter: InputConverter,
    pass_end: bool,
) -> None:
    """Read stdin on its own thread (blocking reads work for files, pipes and terminals alike).

    Each chunk goes to the connection open then (``current[0]``); the end of stdin half-closes
    it only with ``pass_end`` (not while reconnecting: a later connection would get nothing).
    """

    async def send(chunk: bytes) -> None:
        client = current[0]
        if client.connected and chunk:
            client.send(chunk)
            await client.drain()  # back-pressure: never read stdin faster than the socket takes it

    while True:
        try:
            chunk = os.read(0, _STDIN_CHUNK)
        except OSError:
            chunk = b""
        data = converter.convert(chunk, final=not chunk)
        try:
            asyncio.run_coroutine_threadsafe(send(data), loop).result()
        except (RuntimeError, SocketDeskError, concurrent.futures.CancelledError):
            return  # the loop or the connection is gone
        if not chunk:
            break
    if not pass_end:
        return
    client = current[0]
    try:
        if client.tls_info is not None:
            asyncio.run_coroutine_threadsafe(_close_when_quiet(client), loop)
        else:
            loop.call_soon_threadsafe(client.close_write)
    except RuntimeError:
        return


async def _close_when_quiet(client: TcpClient) -> None:
    """TLS has no half-close: once stdin has ended, close after the peer is quiet for a while."""
    while client.connected:
        seen = client.bytes_in
        await asyncio.sleep(_TLS_QUIET_S)
        if client.bytes_in == seen:
            client.close()


def _run_serve(args: argparse.Namespace) -> int:
    raise_open_file_limit()
    return run_reporting(serve(args))
