"""``socketdesk-cli udp multicast GROUP PORT``: join a group and print what arrives, or send to it.

Listening prints one line when joined (``joined GROUP on IF, port PORT``), then one line per
datagram: who sent it, then the data (text with escapes for bytes that do not decode, or hex).
``--send DATA`` sends instead, with ``--ttl`` and ``--no-loopback``.
"""

from __future__ import annotations

import argparse
import ipaddress
import socket
import sys
from typing import Any

from desktop.cli.arguments import port
from desktop.cli.udp_subnet import add_data_options
from desktop.core.errors import SocketDeskError
from desktop.core.net.interfaces import Interface, find_interface
from desktop.core.net.multicast import BadGroup, MulticastSocket, NoMulticast, multicast_interfaces

__all__ = ["register"]

_RECEIVE_SIZE = 65_535


def register(subparsers: Any) -> None:
    """Add ``multicast`` to the ``udp`` group's sub-commands."""
    command = subparsers.add_parser(
        "multicast",
        help="join GROUP and print what arrives on PORT, or --send to it",
        description="Join a multicast group (IPv4 or IPv6) on an interface and print each "
        "datagram that arrives on PORT with its sender; with --send, send to the group instead.",
    )
    command.add_argument("group")
    command.add_argument("port", type=port)
    command.add_argument("--interface", metavar="IF", help="interface name or address")
    command.add_argument("--source", metavar="S", help="only from this source (SSM)")
    command.add_argument("--ttl", type=int, default=1, metavar="N", help="TTL / hop limit (1)")
    command.add_argument(
        "--no-loopback", action="store_true", help="do not deliver what is sent to this machine"
    )
    command.add_argument("--send", metavar="DATA", help="send DATA to the group (else listen)")
    command.add_argument(
        "--count", type=int, default=0, metavar="N", help="listen: stop after N datagrams; "
        "send: send N times (default: listen forever, send once)"
    )  # fmt: skip
    add_data_options(command)
    command.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Join and listen, or send."""
    try:
        family = _family(args.group)
        interface = _interface(args.interface, family)
        with socket.socket(family, socket.SOCK_DGRAM) as sock:
            if args.send is not None:
                return _send(sock, args, interface)
            return _listen(sock, args, interface)
    except SocketDeskError as error:
        print(f"socketdesk-cli: {error}", file=sys.stderr)
        return 1
    except (ValueError, LookupError) as error:
        print(f"socketdesk-cli: {error}", file=sys.stderr)
        return 2


def _send(sock: socket.socket, args: argparse.Namespace, interface: Interface) -> int:
    control = MulticastSocket(sock)
    control.set_send_interface(interface.name)
    control.set_ttl(args.ttl)
    control.set_loopback(not args.no_loopback)
    payload = bytes.fromhex(args.send) if args.hex else args.send.encode(args.encoding)
    group = str(ipaddress.ip_address(args.group))
    address: tuple[Any, ...] = (group, args.port)
    if sock.family == socket.AF_INET6:
        address = (group, args.port, 0, interface.index or 0)
    for _ in range(max(1, args.count)):
        sock.sendto(payload, address)
    print(f"sent {max(1, args.count)} to {group} port {args.port} on {interface.name}")
    return 0


def _listen(sock: socket.socket, args: argparse.Namespace, interface: Interface) -> int:
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("::" if sock.family == socket.AF_INET6 else "0.0.0.0", args.port))
    control = MulticastSocket(sock)
    member = control.join(args.group, interface.name, args.source)
    source = f" from {member.source}" if member.source else ""
    print(f"joined {member.group}{source} on {member.interface}, port {args.port}", flush=True)
    received = 0
    try:
        while not args.count or received < args.count:
            data, sender = sock.recvfrom(_RECEIVE_SIZE)
            received += 1
            text = data.hex(" ") if args.hex else data.decode(args.encoding, "backslashreplace")
            print(f"{sender[0]}:{sender[1]}: {text}", flush=True)
    finally:
        control.leave_all()
    return 0


def _family(group: str) -> int:
    try:
        address = ipaddress.ip_address(group.strip())
    except ValueError:
        raise BadGroup(group) from None
    if not address.is_multicast:
        raise BadGroup(group)
    return socket.AF_INET6 if address.version == 6 else socket.AF_INET


def _interface(name: str | None, family: int) -> Interface:
    if name:
        return find_interface(name)
    usable = multicast_interfaces(family)
    if not usable:
        raise NoMulticast("(any)")
    return usable[0]
