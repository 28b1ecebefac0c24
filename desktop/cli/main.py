"""Argument parsing and dispatch for ``socketdesk-cli``.

Only the command being run is imported: the other groups appear in ``--help`` by name and help
line alone, so ``tcp serve`` does not load the HTTP and messenger engines (issue #15: the idle
process was 30 MiB against plain asyncio's 21, and ~200 ms slower to start).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

from desktop import __version__

__all__ = ["GROUPS", "build_parser", "main"]


def _tcp() -> ModuleType:
    from desktop.cli import tcp  # noqa: PLC0415  (only when the command runs)

    return tcp


def _ipmsg() -> ModuleType:
    from desktop.cli import ipmsg  # noqa: PLC0415

    return ipmsg


def _http() -> ModuleType:
    from desktop.cli import http  # noqa: PLC0415

    return http


def _udp() -> ModuleType:
    from desktop.cli import udp  # noqa: PLC0415

    return udp


def _self_test() -> ModuleType:
    from desktop.cli import self_test  # noqa: PLC0415

    return self_test


# name → (the help line of --help, the module defining the group's grammar and its runners).
# Each module's ``add_commands`` registers the same name with the same help line
# (tests/cli/test_cli_main.py checks both).
GROUPS: dict[str, tuple[str, Callable[[], ModuleType]]] = {
    "tcp": ("TCP client and server", _tcp),
    "ipmsg": ("LAN messenger: IP Messenger, FeiQ (飞秋) and iptux on UDP 2425", _ipmsg),
    "http": ("raw HTTP/1.x requests", _http),
    "udp": ("UDP listen, echo, send, flood, subnet send, multicast", _udp),
    "self-test": ("check the engines on loopback (TCP, UDP, Messenger, HTTP, TLS)", _self_test),
}


def _columns() -> int:
    """The terminal's width as ``shutil.get_terminal_size`` gives it (``COLUMNS``, the terminal,
    else 80), without importing ``shutil``."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, sized without ``shutil``: argparse makes a formatter for every
    ``add_argument``, and ``shutil`` brings bz2, lzma and zlib (0.5 MiB in every command's
    process, a server's included, that never prints help)."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        super().__init__(
            prog, indent_increment, max_help_position, _columns() - 2 if width is None else width
        )


class _Parser(argparse.ArgumentParser):
    """A parser whose sub-parsers (``add_subparsers`` makes them of this class) use
    ``_Formatter`` unless told otherwise."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


def _chosen_group(argv: Sequence[str]) -> str | None:
    """The command group named in ``argv`` (the first word not an option), if any."""
    for word in argv:
        if word == "--":
            return None
        if not word.startswith("-"):
            return word if word in GROUPS else None
    return None


def build_parser(load: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command-line grammar; the groups in ``load`` (default: all) get their full grammar.

    A group not loaded is a bare sub-parser with its help line: enough for ``--help`` and for
    argparse's "invalid choice" errors, without importing its engines.
    """
    parser = _Parser(
        prog="socketdesk-cli",
        description="SocketDesk from the command line: the same engines as the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"SocketDesk {__version__}")
    groups: Any = parser.add_subparsers(dest="group", metavar="COMMAND", required=True)
    for name, (help_line, module) in GROUPS.items():
        if load is None or name in load:
            module().add_commands(groups)
        else:
            groups.add_parser(name, help=help_line)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the process exit status."""
    words = sys.argv[1:] if argv is None else list(argv)
    chosen = _chosen_group(words)
    parser = build_parser([chosen] if chosen else [])
    args = parser.parse_args(words)
    try:
        status: int = args.run(args)
    except KeyboardInterrupt:
        return 130
    return status


if __name__ == "__main__":
    sys.exit(main())
