"""``socketdesk-cli tcp …``: a TCP client that behaves like ``nc``/``ncat``.

stdin goes to the socket, the socket goes to stdout. End of stdin half-closes the connection
(the peer sees EOF) and the command keeps printing until the peer closes.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import os
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
        self.closed = asyncio.Event()
        self.reason = ""

    def on_connected(self, local: str, peer: str) -> None:
        pass

    def on_data(self, data: memoryview) -> None:
        if self.session.saving is not None:
            self.session.save(data)
        self.output.write(data)

    def on_closed(self, reason: str) -> None:
        self.reason = reason
        self.output.finish()
        self.closed.set()


def _run_connect(args: argparse.Namespace) -> int:
    return run_reporting(_connect(args))


async def _connect(args: argparse.Namespace) -> int:
    converter = InputConverter(args.hex, args.encoding, args.crlf)
    sink = _StdoutSink(OutputWriter(args.hex, args.encoding), args.verbose)
    if args.output and not sink.session.start_saving(args.output):
        return 1
    client = TcpClient(sink, read_size=_CLIENT_READ_SIZE, totals=sink.session.totals)
    tls = tls_client_from_args(args)
    await client.connect(
        args.host,
        args.port,
        timeout=args.wait,
        tls=tls,
    )
    if args.recv_only:
        client.close_write()
    else:
        loop = asyncio.get_running_loop()
        threading.Thread(
            target=_pump_stdin, args=(loop, client, converter), name="stdin", daemon=True
        ).start()
    await sink.closed.wait()
    sink.session.stop_saving()  # "Saved N bytes to FILE." with -v
    counters = sink.session.counters()
    sink.say(f"received {counters.bytes_in} bytes, sent {counters.bytes_out} bytes")
    return 1 if sink.failure is not None else 0


def _pump_stdin(
    loop: asyncio.AbstractEventLoop, client: TcpClient, converter: InputConverter
) -> None:
    """Read stdin on its own thread (blocking reads work for files, pipes and terminals alike)."""

    async def send(chunk: bytes) -> None:
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
