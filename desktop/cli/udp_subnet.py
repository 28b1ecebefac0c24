"""``socketdesk-cli udp subnet CIDR|RANGE PORT``: one datagram to every host of a range.

The lesson's loop over a /24 (one GBK "FeiQ" datagram to every host on port 2425). It prints the
count first and sends without asking, so scripts can run it. ``--data`` is the datagram; without
it each line of stdin is one datagram, sent to every host in turn (like ``udp send``).
"""

from __future__ import annotations

import argparse
import socket
import sys
from collections.abc import Iterator
from typing import Any

from desktop.cli.arguments import port
from desktop.core.errors import SocketDeskError
from desktop.core.net.subnet import SubnetResult, SubnetSender, SubnetTargets, parse_targets

__all__ = ["datagrams", "register"]


def register(subparsers: Any) -> None:
    """Add ``subnet`` to the ``udp`` group's sub-commands."""
    command = subparsers.add_parser(
        "subnet",
        help="send one datagram to every host of CIDR or RANGE",
        description="Send the same datagram to every host of a CIDR network (198.18.0.0/24: "
        "254 hosts, network and broadcast left out) or an address range (198.18.0.1-20, "
        "198.18.0.1-198.18.0.20). Prints the count, then sends without asking. At most "
        "65,536 hosts.",
    )
    command.add_argument("targets", metavar="CIDR|RANGE")
    command.add_argument("port", type=port)
    add_data_options(command)
    command.add_argument(
        "--rate", type=_positive, metavar="N", help="datagrams per second at most (default: all)"
    )
    command.set_defaults(run=run)


def add_data_options(command: argparse.ArgumentParser) -> None:
    """``--data``, ``--hex``, ``--encoding``: what is sent (shared with ``udp multicast``)."""
    command.add_argument("--data", metavar="TEXT", help="the datagram (default: stdin lines)")
    command.add_argument("--hex", action="store_true", help="the data is hex digits")
    command.add_argument(
        "--encoding", default="utf-8", metavar="E", help="text encoding (utf-8; gbk for FeiQ)"
    )


def datagrams(args: argparse.Namespace) -> Iterator[bytes]:
    """The datagrams to send: ``--data``, or each line of stdin (line ends removed)."""
    lines = [args.data] if args.data is not None else _stdin_lines()
    for line in lines:
        yield bytes.fromhex(line) if args.hex else line.encode(args.encoding)


def run(args: argparse.Namespace) -> int:
    """Parse the range, print the count, send every datagram to every host."""
    try:
        targets = parse_targets(args.targets)
        payloads = list(datagrams(args))
    except (SocketDeskError, ValueError, LookupError) as error:
        print(f"socketdesk-cli: {error}", file=sys.stderr)
        return 2
    hosts = "1 host" if len(targets) == 1 else f"{len(targets)} hosts"
    print(f"{hosts}: {_span(targets)}, port {args.port}", flush=True)
    family = socket.AF_INET6 if targets.first.version == 6 else socket.AF_INET
    failed = 0
    with socket.socket(family, socket.SOCK_DGRAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
        for payload in payloads:
            sender = SubnetSender(
                targets,
                args.port,
                payload,
                lambda data, host, to: sock.sendto(data, (host, to)),
                rate=args.rate,
            )
            result = sender.run()
            failed += result.failed
            _report(result)
    return 1 if failed else 0


def _report(result: SubnetResult) -> None:
    print(f"sent {result.sent} of {result.total}", flush=True)
    if result.first_error is not None:
        print(
            f"socketdesk-cli: {result.failed} hosts could not be sent to "
            f"({result.first_error.strerror or result.first_error})",
            file=sys.stderr,
        )


def _span(targets: SubnetTargets) -> str:
    return str(targets.first) if len(targets) == 1 else f"{targets.first} to {targets.last}"


def _stdin_lines() -> Iterator[str]:
    for line in sys.stdin:
        yield line.rstrip("\r\n")


def _positive(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("the rate must be above 0")
    return value
