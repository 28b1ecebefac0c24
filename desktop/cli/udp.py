"""``socketdesk-cli udp …``: UDP listen, echo, send, flood (the same engine as the Workbench).

Each module of the group registers its own subcommands (``register(commands)``), so more can be
added (``udp subnet``, ``udp multicast``) by adding their module to ``_COMMANDS``.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from collections.abc import Callable
from typing import Any

from desktop.cli import udp_multicast, udp_send, udp_subnet
from desktop.cli.arguments import listen_port, run_reporting
from desktop.cli.stream_codec import add_format_options
from desktop.cli.udp_output import DatagramPrinter
from desktop.core.errors import SocketDeskError
from desktop.core.net.udp import UdpEndpoint, UdpOptions
from desktop.core.net.udp_files import DatagramFiles
from desktop.core.net.udp_socket import BindOptions

__all__ = ["add_commands", "register"]

SockAddr = tuple[object, ...]


def add_commands(groups: Any) -> None:
    """Register the ``udp`` group and every subcommand of it."""
    udp = groups.add_parser("udp", help="UDP listen, echo, send, flood, subnet send, multicast")
    commands = udp.add_subparsers(dest="command", metavar="SUBCOMMAND", required=True)
    for register_commands in _COMMANDS:
        register_commands(commands)


def register(commands: Any) -> None:
    """``udp listen`` and ``udp echo``."""
    listen = commands.add_parser(
        "listen",
        help="receive datagrams on PORT and print each with who sent it",
        description="Receive datagrams on PORT; each is printed on one line after its sender "
        "(undecodable bytes and control characters as \\xNN escapes). stdin lines are sent "
        "to the last sender.",
    )
    listen.add_argument("port", type=listen_port)
    _add_bind_options(listen)
    listen.add_argument("--echo", action="store_true", help="send every datagram back")
    listen.add_argument(
        "-o", "--output", metavar="FILE", help="also save the datagrams to FILE, one after another"
    )
    listen.add_argument(
        "--split", metavar="DIR", help="also save each datagram to a file of its own in DIR"
    )
    add_format_options(listen)
    listen.set_defaults(run=_run_listen)

    echo = commands.add_parser(
        "echo",
        help="an echo server: every datagram goes back to its sender",
        description="Send every datagram on PORT back to its sender, and print it with who sent "
        "it.",
    )
    echo.add_argument("port", type=listen_port)
    _add_bind_options(echo)
    echo.set_defaults(run=_run_listen, echo=True, output=None, split=None, hex=False, encoding=None)


def _add_bind_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--bind",
        default="",
        metavar="ADDR",
        help="address to bind (default: every IPv6 and IPv4 address; 0.0.0.0: IPv4 only)",
    )
    parser.add_argument(
        "--reuse", action="store_true", help="share the port (SO_REUSEADDR and SO_REUSEPORT)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="report totals on stderr")


def _run_listen(args: argparse.Namespace) -> int:
    return run_reporting(_listen(args))


async def _listen(args: argparse.Namespace) -> int:
    printer = DatagramPrinter(args.verbose, args.hex, args.encoding)
    if args.output and not printer.session.start_saving(args.output):
        return 1
    if args.split:
        printer.files = DatagramFiles(args.split)
    endpoint = UdpEndpoint(printer, printer.session.totals)
    bind = BindOptions(args.bind, args.port, reuse_address=args.reuse, reuse_port=args.reuse)
    local = await endpoint.open(UdpOptions(bind=bind, echo=args.echo))
    print(f"socketdesk-cli: listening on UDP {local}", file=sys.stderr, flush=True)
    done = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, done.set)
    if not args.echo:
        udp_send.pump_stdin_lines(
            loop, lambda data: _reply_last(endpoint, printer, data), args.hex, args.encoding
        )
    try:
        await done.wait()
    finally:
        endpoint.close()
        printer.session.stop_saving()
    counters = printer.session.counters()
    printer.say(
        f"received {counters.messages_in} datagrams ({counters.bytes_in} bytes), "
        f"sent {counters.messages_out} ({counters.bytes_out} bytes)"
    )
    return 1 if printer.failure is not None else 0


def _reply_last(endpoint: UdpEndpoint, printer: DatagramPrinter, data: bytes) -> None:
    if printer.last_peer is None:
        printer.say("nobody has sent anything yet: nothing to answer", always=True)
        return
    try:
        endpoint.send(data, printer.last_peer)
    except SocketDeskError as error:
        printer.say(error, always=True)


_COMMANDS: tuple[Callable[[Any], None], ...] = (
    register,
    udp_send.register,
    udp_subnet.register,
    udp_multicast.register,
)
