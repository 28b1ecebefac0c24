"""What every ``socketdesk-cli ipmsg`` command shares: network options, argument types, the
identity and targets, the engine's sink, and finding the peer a command names."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import ipaddress
import socket
import sys
from collections.abc import Callable
from typing import Any

from desktop.cli.arguments import listen_port
from desktop.core import event_loop
from desktop.core.errors import SocketDeskError
from desktop.core.ipmsg.constants import PORT
from desktop.core.ipmsg.events import (
    Address,
    Event,
    Notice,
    Peer,
    PeerJoined,
    PeerUpdated,
    format_address,
)
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.messenger_errors import BadTarget, NoBroadcastAddress
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg.packet_errors import InvalidField
from desktop.core.ipmsg.targets import parse_target, parse_targets
from desktop.core.ipmsg.text import text_codec
from desktop.core.ipmsg_io.engine import MessengerEngine
from desktop.core.net.interfaces import broadcast_addresses

__all__ = [
    "PREFIX",
    "Events",
    "NoSuchUser",
    "UsageError",
    "add_network_options",
    "as_address",
    "codepage",
    "find_peer",
    "identity_of",
    "is_peer_at",
    "positive",
    "run",
    "seconds",
    "settings_of",
    "targets_of",
]

PREFIX = "socketdesk-cli: "


def add_network_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--bind", default="0.0.0.0", metavar="ADDR", help="IPv4 address to use (every one)"
    )
    parser.add_argument(
        "--port",
        type=listen_port,
        default=PORT,
        help=f"UDP port to bind ({PORT}; 0: any free port)",
    )
    parser.add_argument(
        "--broadcast",
        action="append",
        default=[],
        metavar="ADDR",
        help="announce to ADDR[:PORT], a subnet (198.18.1.0/24: its broadcast address) or a "
        "range (198.18.1.10-40); repeatable (default: every interface's broadcast address)",
    )
    parser.add_argument("--name", metavar="NICK", help="nickname (default: the login name)")
    parser.add_argument("--group", default="", metavar="G", help="group name")
    parser.add_argument("--user", metavar="LOGIN", help="login name sent (default: yours)")
    parser.add_argument("--hostname", metavar="HOST", help="host name sent (default: this one)")
    parser.add_argument(
        "--codepage",
        type=codepage,
        default="cp936",
        metavar="CP",
        help="code page of peers without UTF-8 (cp936 in China, cp932 in Japan; cp936)",
    )


# -- argument types -----------------------------------------------------------------------------
def positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 3600:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds (0-3600)")
    return value


def codepage(text: str) -> str:
    try:
        return text_codec(text)
    except InvalidField:
        raise argparse.ArgumentTypeError(f"{text!r} is not a known code page") from None


# -- set-up ---------------------------------------------------------------------------------------
def run(command: Callable[[argparse.Namespace], Any], args: argparse.Namespace) -> int:
    try:
        status: int = event_loop.run(command(args))
    except (BadTarget, UsageError) as error:
        print(f"{PREFIX}{error}", file=sys.stderr)
        return 2
    except SocketDeskError as error:
        print(f"{PREFIX}{error}", file=sys.stderr)
        return 1
    return status


def identity_of(args: argparse.Namespace) -> Identity:
    user = _clean(args.user or _login())
    host = _clean(args.hostname or socket.gethostname() or "localhost")
    nickname = args.name if args.name is not None else user
    try:
        return Identity(user, host, nickname, args.group, legacy_encoding=args.codepage)
    except InvalidField as error:
        raise UsageError(f"The {error.field} {error.reason}.") from None


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment nor in the password database
        return "user"


def _clean(name: str) -> str:
    """IPMsg's rule for names on the wire: ':' becomes ';' and control characters go (§1.1)."""
    return "".join(c for c in name.replace(":", ";") if ord(c) >= 0x20) or "user"


def targets_of(args: argparse.Namespace, required: bool) -> tuple[Address, ...]:
    if args.broadcast:
        return parse_targets(args.broadcast)
    found = tuple((address, PORT) for address in broadcast_addresses())
    if not found and required:
        raise NoBroadcastAddress()
    return found


def settings_of(
    args: argparse.Namespace, targets: tuple[Address, ...], **more: Any
) -> NodeSettings:
    return NodeSettings(port=args.port, targets=targets, **more)


class Events:
    """The engine's sink: prints, or queues events for the command to wait on."""

    def __init__(self, show: Callable[[Event], None] | None = None, keep: bool = True) -> None:
        self.show = show
        self.keep = keep
        self.queue: asyncio.Queue[Event] = asyncio.Queue()

    def on_event(self, event: Event) -> None:
        if self.show is not None:
            self.show(event)
        elif isinstance(event, Notice):
            print(f"{PREFIX}{event.text}", file=sys.stderr, flush=True)
        if self.keep:
            self.queue.put_nowait(event)

    async def until(self, wanted: Callable[[Event], bool], timeout: float) -> Event | None:
        """The first event ``wanted`` accepts within ``timeout`` seconds, else None."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while (remaining := deadline - loop.time()) > 0:
            try:
                event = await asyncio.wait_for(self.queue.get(), remaining)
            except TimeoutError:
                return None
            if wanted(event):
                return event
        return None


def as_address(text: str) -> Address | None:
    """``ADDR`` or ``ADDR:PORT`` (one host: never a subnet's broadcast or a range), else None."""
    if "/" in text or "-" in text:
        return None
    try:
        [address] = parse_target(text) if ":" in text else [(_ip(text), PORT)]
    except (BadTarget, ValueError):
        return None
    return address


def _ip(text: str) -> str:
    return str(ipaddress.IPv4Address(text))


def is_peer_at(event: Event, address: Address) -> bool:
    return isinstance(event, PeerJoined | PeerUpdated) and event.peer.address == address


async def find_peer(engine: MessengerEngine, events: Events, name: str, wait: float) -> Any:
    def named(peer: Peer) -> bool:
        return name in (peer.nickname, peer.user_at_host)

    await events.until(lambda e: isinstance(e, PeerJoined) and named(e.peer), wait)
    found = [peer for peer in engine.peers() if named(peer)]
    if not found:
        raise NoSuchUser(f"No user named {name!r} answered within {wait:g} s.")
    if len(found) > 1:
        where = ", ".join(format_address(p.address) for p in found)
        raise NoSuchUser(f"{len(found)} users are named {name!r} ({where}); give an address.")
    return found[0].key


class UsageError(SocketDeskError):
    """An option's value is refused (exit status 2, as argparse's own errors)."""


class NoSuchUser(SocketDeskError):
    """The nickname given to ``send`` matches nobody, or several users."""
