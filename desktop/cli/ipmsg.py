"""``socketdesk-cli ipmsg list|send|listen``: the LAN messenger (IP Messenger, FeiQ, iptux).

The same engine as the desktop app's Messenger, without a window: ``listen`` is a headless user
that prints what happens, ``list`` prints who is on the network, ``send`` delivers messages and
says whether they arrived.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import getpass
import ipaddress
import json
import signal
import socket
import sys
from collections.abc import Callable
from typing import Any

from desktop.cli.arguments import listen_port
from desktop.cli.ipmsg_output import json_line, peer_json, table, text_line
from desktop.core import event_loop
from desktop.core.errors import SocketDeskError
from desktop.core.ipmsg.constants import PORT
from desktop.core.ipmsg.events import (
    Address,
    Event,
    MessageDelivered,
    MessageFailed,
    MessageReceived,
    Notice,
    Peer,
    PeerJoined,
    PeerUpdated,
    format_address,
)
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.messenger_errors import BadTarget, NoBroadcastAddress
from desktop.core.ipmsg.node_settings import IPMSG_RETRIES, IPMSG_RETRY_INTERVAL, NodeSettings
from desktop.core.ipmsg.packet_errors import InvalidField
from desktop.core.ipmsg.targets import parse_target, parse_targets
from desktop.core.ipmsg.text import text_codec
from desktop.core.ipmsg_io.engine import MessengerEngine
from desktop.core.net.interfaces import broadcast_addresses

__all__ = ["add_commands"]

_PREFIX = "socketdesk-cli: "


def add_commands(groups: Any) -> None:
    """Register ``ipmsg listen``, ``ipmsg list`` and ``ipmsg send``."""
    ipmsg = groups.add_parser(
        "ipmsg", help="LAN messenger: IP Messenger, FeiQ (飞秋) and iptux on UDP 2425"
    )
    commands = ipmsg.add_subparsers(dest="command", metavar="SUBCOMMAND", required=True)

    listen = commands.add_parser(
        "listen",
        help="be on the network: print who comes and goes and the messages received",
        description="Announce yourself, then print roster changes and received messages, one "
        "line each (text escaped as \\n \\t \\\\), answering as IP Messenger does. Ctrl+C or "
        "SIGTERM signs off (BR_EXIT).",
    )
    _add_network_options(listen)
    listen.add_argument("--away", metavar="TEXT", help="be away: messages get TEXT as auto-reply")
    listen.add_argument("--json", action="store_true", help="one JSON object per line")
    listen.set_defaults(run=lambda args: _run(_listen, args))

    roster = commands.add_parser(
        "list",
        help="announce yourself, collect the answers, print the users as a table",
    )
    _add_network_options(roster)
    roster.add_argument(
        "--wait",
        type=_seconds,
        default=5.0,
        metavar="SECONDS",
        help="how long to collect answers (5; IP Messenger may wait 4 s before answering)",
    )
    roster.add_argument("--json", action="store_true", help="one JSON object per user")
    roster.set_defaults(run=lambda args: _run(_list, args))

    send = commands.add_parser(
        "send",
        help="send messages to a user; exit 0 once every one is acknowledged",
        description="Send each TEXT as one message to TARGET, in order, each retried until "
        "acknowledged. Exit 0 when all were delivered, 1 (with the reason) when one was not.",
    )
    send.add_argument(
        "target", metavar="TARGET", help="an address (ADDR or ADDR:PORT) or a nickname"
    )
    send.add_argument("texts", metavar="TEXT", nargs="+", help="a message ('-': read stdin)")
    send.add_argument("--sealed", action="store_true", help="sealed: the peer must open it")
    send.add_argument(
        "--retries",
        type=_positive,
        default=IPMSG_RETRIES,
        metavar="N",
        help=f"tries per message ({IPMSG_RETRIES}, as IP Messenger)",
    )
    send.add_argument(
        "--retry-ms",
        type=_positive,
        default=round(IPMSG_RETRY_INTERVAL * 1000),
        metavar="MS",
        help=f"milliseconds between tries ({round(IPMSG_RETRY_INTERVAL * 1000)})",
    )
    send.add_argument(
        "--wait",
        type=_seconds,
        default=3.0,
        metavar="SECONDS",
        help="how long to wait for the target to answer before sending (3)",
    )
    _add_network_options(send)
    send.set_defaults(run=lambda args: _run(_send, args))


def _add_network_options(parser: argparse.ArgumentParser) -> None:
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
        type=_codepage,
        default="cp936",
        metavar="CP",
        help="code page of peers without UTF-8 (cp936 in China, cp932 in Japan; cp936)",
    )


# -- argument types -----------------------------------------------------------------------------
def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 3600:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds (0-3600)")
    return value


def _codepage(text: str) -> str:
    try:
        return text_codec(text)
    except InvalidField:
        raise argparse.ArgumentTypeError(f"{text!r} is not a known code page") from None


# -- set-up ---------------------------------------------------------------------------------------
def _run(command: Callable[[argparse.Namespace], Any], args: argparse.Namespace) -> int:
    try:
        status: int = event_loop.run(command(args))
    except (BadTarget, _UsageError) as error:
        print(f"{_PREFIX}{error}", file=sys.stderr)
        return 2
    except SocketDeskError as error:
        print(f"{_PREFIX}{error}", file=sys.stderr)
        return 1
    return status


def _identity(args: argparse.Namespace) -> Identity:
    user = _clean(args.user or _login())
    host = _clean(args.hostname or socket.gethostname() or "localhost")
    nickname = args.name if args.name is not None else user
    try:
        return Identity(user, host, nickname, args.group, legacy_encoding=args.codepage)
    except InvalidField as error:
        raise _UsageError(f"The {error.field} {error.reason}.") from None


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment nor in the password database
        return "user"


def _clean(name: str) -> str:
    """IPMsg's rule for names on the wire: ':' becomes ';' and control characters go (§1.1)."""
    return "".join(c for c in name.replace(":", ";") if ord(c) >= 0x20) or "user"


def _targets(args: argparse.Namespace, required: bool) -> tuple[Address, ...]:
    if args.broadcast:
        return parse_targets(args.broadcast)
    found = tuple((address, PORT) for address in broadcast_addresses())
    if not found and required:
        raise NoBroadcastAddress()
    return found


def _settings(args: argparse.Namespace, targets: tuple[Address, ...], **more: Any) -> NodeSettings:
    return NodeSettings(port=args.port, targets=targets, **more)


class _Events:
    """The engine's sink: prints, or queues events for the command to wait on."""

    def __init__(self, show: Callable[[Event], None] | None = None, keep: bool = True) -> None:
        self.show = show
        self.keep = keep
        self.queue: asyncio.Queue[Event] = asyncio.Queue()

    def on_event(self, event: Event) -> None:
        if self.show is not None:
            self.show(event)
        elif isinstance(event, Notice):
            print(f"{_PREFIX}{event.text}", file=sys.stderr, flush=True)
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


# -- listen ---------------------------------------------------------------------------------------
async def _listen(args: argparse.Namespace) -> int:
    identity = _identity(args)
    targets = _targets(args, required=False)
    loop = asyncio.get_running_loop()
    engine: MessengerEngine

    def show(event: Event) -> None:
        print(json_line(event) if args.json else text_line(event), flush=True)
        if isinstance(event, MessageReceived) and event.sealed:
            # Printed is opened: the read receipt goes once this event is handled.
            loop.call_soon(engine.mark_read, event.peer.key, event.packet_no)

    events = _Events(show, keep=False)
    engine = MessengerEngine(identity, _settings(args, targets), events, bind=args.bind)
    address = await engine.start(announce=False)
    if not targets:
        print(f"{_PREFIX}{NoBroadcastAddress()}", file=sys.stderr, flush=True)
    if args.away is not None:
        engine.set_absence(args.away)
    engine.announce()
    where = ", ".join(format_address(t) for t in targets) or "nobody"
    print(
        f"{_PREFIX}listening on {format_address(address)} as {identity.nickname}; "
        f"announced to {where}",
        file=sys.stderr,
        flush=True,
    )
    stop = asyncio.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        await stop.wait()
    finally:
        await engine.close(leave=True)
    print(f"{_PREFIX}signed off", file=sys.stderr, flush=True)
    return 0


# -- list -----------------------------------------------------------------------------------------
async def _list(args: argparse.Namespace) -> int:
    identity = _identity(args)
    targets = _targets(args, required=True)
    events = _Events(keep=False)
    engine = MessengerEngine(identity, _settings(args, targets), events, bind=args.bind)
    await engine.start()
    try:
        await asyncio.sleep(args.wait)
        peers = sorted(engine.peers(), key=lambda p: (ipaddress.ip_address(p.address[0]), p.key))
    finally:
        await engine.close(leave=True)
    if args.json:
        for peer in peers:
            print(json.dumps(peer_json(peer), ensure_ascii=False))
    else:
        print(table(peers))
    return 0


# -- send -----------------------------------------------------------------------------------------
async def _send(args: argparse.Namespace) -> int:
    identity = _identity(args)
    texts = [_read_stdin() if text == "-" else text for text in args.texts]
    address = _as_address(args.target)
    targets = () if address is not None else _targets(args, required=True)
    interval = args.retry_ms / 1000
    settings = _settings(args, targets, tries=args.retries, retry_interval=interval)
    events = _Events()
    engine = MessengerEngine(identity, settings, events, bind=args.bind)
    await engine.start(announce=address is None)
    try:
        if address is not None:
            engine.contact(address)  # introduce ourselves: its answer tells its encoding
            await events.until(lambda e: _is_peer_at(e, address), args.wait)
            target: Any = address
        else:
            target = await _find(engine, events, args.target, args.wait)
        for text in texts:
            message_id = engine.send_text(target, text, sealed=args.sealed)
            outcome = await events.until(
                functools.partial(_settles, message_id), args.retries * interval + 5
            )
            if isinstance(outcome, MessageFailed):
                print(f"{_PREFIX}{outcome.reason}", file=sys.stderr)
                return 1
            if outcome is None:  # the node always reports; this only guards a stuck loop
                print(f"{_PREFIX}no answer about the message was reported", file=sys.stderr)
                return 1
    finally:
        await engine.close(leave=True)
    return 0


def _as_address(text: str) -> Address | None:
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


def _settles(message_id: int, event: Event) -> bool:
    return isinstance(event, MessageDelivered | MessageFailed) and event.message_id == message_id


def _is_peer_at(event: Event, address: Address) -> bool:
    return isinstance(event, PeerJoined | PeerUpdated) and event.peer.address == address


async def _find(engine: MessengerEngine, events: _Events, name: str, wait: float) -> Any:
    def named(peer: Peer) -> bool:
        return name in (peer.nickname, peer.user_at_host)

    await events.until(lambda e: isinstance(e, PeerJoined) and named(e.peer), wait)
    found = [peer for peer in engine.peers() if named(peer)]
    if not found:
        raise _NoSuchUser(f"No user named {name!r} answered within {wait:g} s.")
    if len(found) > 1:
        where = ", ".join(format_address(p.address) for p in found)
        raise _NoSuchUser(f"{len(found)} users are named {name!r} ({where}); give an address.")
    return found[0].key


class _UsageError(SocketDeskError):
    """An option's value is refused (exit status 2, as argparse's own errors)."""


class _NoSuchUser(SocketDeskError):
    """The nickname given to ``send`` matches nobody, or several users."""


def _read_stdin() -> str:
    data = sys.stdin.buffer.read()
    text = data.decode("utf-8", "replace")
    return text[:-1] if text.endswith("\n") else text
