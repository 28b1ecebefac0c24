"""Argument parsing and dispatch for ``socketdesk-cli``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from desktop import __version__
from desktop.cli import http as http_commands
from desktop.cli import ipmsg, self_test, tcp, udp

__all__ = ["main"]


def build_parser() -> argparse.ArgumentParser:
    """The whole command-line grammar: one sub-parser per command group."""
    parser = argparse.ArgumentParser(
        prog="socketdesk-cli",
        description="SocketDesk from the command line: the same engines as the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"SocketDesk {__version__}")
    groups = parser.add_subparsers(dest="group", metavar="COMMAND", required=True)
    tcp.add_commands(groups)
    ipmsg.add_commands(groups)
    http_commands.add_commands(groups)
    udp.add_commands(groups)
    self_test.add_commands(groups)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the process exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.run(args)
    except KeyboardInterrupt:
        return 130
    return status


if __name__ == "__main__":
    sys.exit(main())
