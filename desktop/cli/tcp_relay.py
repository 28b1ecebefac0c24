"""``socketdesk-cli tcp relay``: a man in the middle that prints both directions as one timeline.

Each client that connects to LISTEN_PORT is paired with a new connection to TARGET_HOST
TARGET_PORT; bytes flow both ways unchanged and every chunk is printed on stdout::

    12:03:04.567 #1 client→target 16 GET / HTTP/1.1\\r\\n
"""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.arguments import listen_port, port, run_reporting
from desktop.core.limits import raise_open_file_limit

__all__ = ["add_relay_command"]


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


def _run(args: argparse.Namespace) -> int:
    from desktop.cli.tcp_relay_run import relay  # noqa: PLC0415  (the engine: only when it runs)

    raise_open_file_limit()
    return run_reporting(relay(args))
