"""``socketdesk-cli tcp …``: a TCP client that behaves like ``nc``/``ncat``.

stdin goes to the socket, the socket goes to stdout. End of stdin half-closes the connection
(the peer sees EOF) and the command keeps printing until the peer closes.
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.arguments import listen_port, port, run_reporting
from desktop.cli.stream_codec import add_format_options
from desktop.cli.tcp_relay import add_relay_command
from desktop.cli.tls_options import add_tls_client_options, add_tls_server_options
from desktop.core.limits import raise_open_file_limit

__all__ = ["add_commands"]


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


def _run_connect(args: argparse.Namespace) -> int:
    # Each sub-command's run is imported when it runs: ``tcp serve`` loads neither the client
    # nor the relay (issue #15: an idle server's memory).
    from desktop.cli.tcp_connect import connect  # noqa: PLC0415

    return run_reporting(connect(args))


def _run_serve(args: argparse.Namespace) -> int:
    from desktop.cli.tcp_serve import serve  # noqa: PLC0415

    raise_open_file_limit()
    return run_reporting(serve(args))
