"""``socketdesk-cli ipmsg list|send|listen|send-file``: the LAN messenger (IPMsg, FeiQ, iptux).

The same engine as the desktop app's Messenger, without a window: ``listen`` is a headless user
that prints what happens (and, with ``--accept-dir``, receives every file offered), ``list``
prints who is on the network, ``send`` delivers messages and says whether they arrived,
``send-file`` (``ipmsg_files.py``) offers files and waits until they were fetched.
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import ipaddress
import json
import signal
import sys
from typing import Any

from desktop.cli import ipmsg_files
from desktop.cli.ipmsg_output import json_line, peer_json, table, text_line
from desktop.cli.ipmsg_setup import (
    PREFIX,
    Events,
    add_network_options,
    as_address,
    find_peer,
    identity_of,
    is_peer_at,
    positive,
    run,
    seconds,
    settings_of,
    targets_of,
)
from desktop.core.ipmsg.events import (
    Event,
    MessageDelivered,
    MessageFailed,
    MessageReceived,
    format_address,
)
from desktop.core.ipmsg.messenger_errors import NoBroadcastAddress
from desktop.core.ipmsg.node_settings import IPMSG_RETRIES, IPMSG_RETRY_INTERVAL
from desktop.core.ipmsg_io.engine import MessengerEngine

__all__ = ["add_commands"]


def add_commands(groups: Any) -> None:
    """Register ``ipmsg listen``, ``list``, ``send`` and ``send-file``."""
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
    add_network_options(listen)
    listen.add_argument("--away", metavar="TEXT", help="be away: messages get TEXT as auto-reply")
    listen.add_argument("--json", action="store_true", help="one JSON object per line")
    ipmsg_files.add_listen_options(listen)
    listen.set_defaults(run=lambda args: run(_listen, args))

    roster = commands.add_parser(
        "list",
        help="announce yourself, collect the answers, print the users as a table",
    )
    add_network_options(roster)
    roster.add_argument(
        "--wait",
        type=seconds,
        default=5.0,
        metavar="SECONDS",
        help="how long to collect answers (5; IP Messenger may wait 4 s before answering)",
    )
    roster.add_argument("--json", action="store_true", help="one JSON object per user")
    roster.set_defaults(run=lambda args: run(_list, args))

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
        type=positive,
        default=IPMSG_RETRIES,
        metavar="N",
        help=f"tries per message ({IPMSG_RETRIES}, as IP Messenger)",
    )
    send.add_argument(
        "--retry-ms",
        type=positive,
        default=round(IPMSG_RETRY_INTERVAL * 1000),
        metavar="MS",
        help=f"milliseconds between tries ({round(IPMSG_RETRY_INTERVAL * 1000)})",
    )
    send.add_argument(
        "--wait",
        type=seconds,
        default=3.0,
        metavar="SECONDS",
        help="how long to wait for the target to answer before sending (3)",
    )
    add_network_options(send)
    send.set_defaults(run=lambda args: run(_send, args))
    ipmsg_files.add_commands(commands)


# -- listen ---------------------------------------------------------------------------------------
async def _listen(args: argparse.Namespace) -> int:
    identity = identity_of(args)
    targets = targets_of(args, required=False)
    loop = asyncio.get_running_loop()
    engine: MessengerEngine

    def show(event: Event) -> None:
        # One write per event (print writes the line and its end apart when unbuffered).
        sys.stdout.write((json_line(event) if args.json else text_line(event)) + "\n")
        sys.stdout.flush()
        if isinstance(event, MessageReceived) and event.sealed:
            # Printed is opened: the read receipt goes once this event is handled.
            loop.call_soon(engine.mark_read, event.peer.key, event.packet_no)
        if isinstance(event, MessageReceived) and event.offer is not None and args.accept_dir:
            loop.call_soon(ipmsg_files.accept_all, engine, event, args.accept_dir)

    events = ipmsg_files.FileEvents(show, ipmsg_files.printer(args.json), keep=False)
    engine = MessengerEngine(identity, settings_of(args, targets), events, bind=args.bind)
    address = await engine.start(announce=False)
    if not targets:
        print(f"{PREFIX}{NoBroadcastAddress()}", file=sys.stderr, flush=True)
    if args.away is not None:
        engine.set_absence(args.away)
    engine.announce()
    where = ", ".join(format_address(t) for t in targets) or "nobody"
    print(
        f"{PREFIX}listening on {format_address(address)} as {identity.nickname}; "
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
    print(f"{PREFIX}signed off", file=sys.stderr, flush=True)
    return 0


# -- list -----------------------------------------------------------------------------------------
async def _list(args: argparse.Namespace) -> int:
    identity = identity_of(args)
    targets = targets_of(args, required=True)
    events = Events(keep=False)
    engine = MessengerEngine(identity, settings_of(args, targets), events, bind=args.bind)
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
    identity = identity_of(args)
    texts = [_read_stdin() if text == "-" else text for text in args.texts]
    address = as_address(args.target)
    targets = () if address is not None else targets_of(args, required=True)
    interval = args.retry_ms / 1000
    settings = settings_of(args, targets, tries=args.retries, retry_interval=interval)
    events = Events()
    engine = MessengerEngine(identity, settings, events, bind=args.bind)
    await engine.start(announce=address is None)
    try:
        if address is not None:
            engine.contact(address)  # introduce ourselves: its answer tells its encoding
            await events.until(lambda e: is_peer_at(e, address), args.wait)
            target: Any = address
        else:
            target = await find_peer(engine, events, args.target, args.wait)
        for text in texts:
            message_id = engine.send_text(target, text, sealed=args.sealed)
            outcome = await events.until(
                functools.partial(_settles, message_id), args.retries * interval + 5
            )
            if isinstance(outcome, MessageFailed):
                print(f"{PREFIX}{outcome.reason}", file=sys.stderr)
                return 1
            if outcome is None:  # the node always reports; this only guards a stuck loop
                print(f"{PREFIX}no answer about the message was reported", file=sys.stderr)
                return 1
    finally:
        await engine.close(leave=True)
    return 0


def _settles(message_id: int, event: Event) -> bool:
    return isinstance(event, MessageDelivered | MessageFailed) and event.message_id == message_id


def _read_stdin() -> str:
    data = sys.stdin.buffer.read()
    text = data.decode("utf-8", "replace")
    return text[:-1] if text.endswith("\n") else text
