"""``socketdesk-cli ipmsg send-file`` and ``listen --accept-dir``: files over the LAN messenger.

``send-file`` offers files and folders to one peer and waits until the peer fetched every one:
exit 0 only then, else 1 with one line saying what happened (declined, expired, failed, the
offer never arrived, or the time ran out; the offer is withdrawn then). ``listen --accept-dir``
accepts every offer into a folder. Both print each transfer's outcome, as text or JSON lines.
The transfers run in the engine's ``files`` service (``transfer_book``); this module only
commands it and watches the ``Transfer`` snapshots it publishes.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from desktop.cli.ipmsg_output import transfer_json, transfer_line
from desktop.cli.ipmsg_setup import (
    PREFIX,
    Events,
    UsageError,
    add_network_options,
    as_address,
    find_peer,
    identity_of,
    is_peer_at,
    run,
    seconds,
    settings_of,
    targets_of,
)
from desktop.core.errors import SocketDeskError
from desktop.core.ipmsg.events import (
    Event,
    MessageFailed,
    MessageReceived,
    PeerKey,
    format_address,
)
from desktop.core.ipmsg.offers import Offer
from desktop.core.ipmsg.transfer import Direction, Transfer, TransferState
from desktop.core.ipmsg_io.engine import MessengerEngine

__all__ = ["FileEvents", "accept_all", "accept_folder", "add_commands", "add_listen_options"]

_DEFAULT_TIMEOUT = 600.0


def add_commands(commands: Any) -> None:
    """Register ``ipmsg send-file``."""
    send = commands.add_parser(
        "send-file",
        help="offer files and folders to a user; exit 0 once the user fetched every one",
        description="Offer each PATH (a file or a folder) to PEER in one message, then serve "
        "them until PEER has fetched every one. Exit 0 when all were fetched; 1, with the "
        "reason, when the offer was declined, expired, failed or not fetched in time.",
    )
    send.add_argument("peer", metavar="PEER", help="an address (ADDR or ADDR:PORT) or a nickname")
    send.add_argument("paths", metavar="PATH", nargs="+", help="a file or folder to offer")
    send.add_argument("--message", default="", metavar="TEXT", help="text sent with the offer")
    send.add_argument(
        "--timeout",
        type=_timeout,
        default=_DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"how long to wait for every file to be fetched ({_DEFAULT_TIMEOUT:g}; 0: forever)",
    )
    send.add_argument(
        "--wait",
        type=seconds,
        default=3.0,
        metavar="SECONDS",
        help="how long to wait for the peer to answer before offering (3)",
    )
    send.add_argument("--json", action="store_true", help="one JSON object per transfer")
    add_network_options(send)
    send.set_defaults(run=lambda args: run(_send_file, args))


def add_listen_options(listen: argparse.ArgumentParser) -> None:
    """``listen --accept-dir DIR``."""
    listen.add_argument(
        "--accept-dir",
        type=accept_folder,
        metavar="DIR",
        help="accept every file and folder offered, into DIR (made if missing), and print "
        "each transfer's outcome",
    )


def accept_folder(text: str) -> Path:
    """An existing or creatable folder (argument type of ``--accept-dir``)."""
    folder = Path(text).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or str(error)
        raise argparse.ArgumentTypeError(f"cannot use {text!r} as a folder: {reason}") from None
    return folder.resolve()


def _timeout(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 86400:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds (0-86400)")
    return value


class FileEvents(Events):
    """``Events`` that also keeps the engine's transfer snapshots and prints each outcome.

    Args:
        show: prints an event (None: notices to stderr, as ``Events``).
        say: prints a finished transfer (None: nothing printed).
        keep: queue the events for ``until``.
    """

    def __init__(
        self,
        show: Callable[[Event], None] | None = None,
        say: Callable[[Transfer], None] | None = None,
        keep: bool = True,
    ) -> None:
        super().__init__(show, keep)
        self.say = say
        self.transfers: dict[int, Transfer] = {}
        self.changed = asyncio.Event()

    def on_transfers(self, batch: Iterable[Transfer]) -> None:
        """The engine's transfer snapshots (loop thread): keep the newest, print outcomes."""
        for transfer in batch:
            before = self.transfers.get(transfer.transfer_id)
            self.transfers[transfer.transfer_id] = transfer
            ended = transfer.state.finished and (before is None or before.state != transfer.state)
            if ended and self.say is not None:
                self.say(transfer)
        self.changed.set()

    def on_transfer(self, transfer: Transfer) -> None:
        """One snapshot (the same as a batch of one)."""
        self.on_transfers([transfer])

    def on_event(self, event: Event) -> None:
        if isinstance(event, Transfer):  # an engine that publishes snapshots as events
            self.on_transfers([event])
            return
        super().on_event(event)


def printer(json_lines: bool) -> Callable[[Transfer], None]:
    """Prints a transfer's outcome on stdout, as text or JSON."""

    def say(transfer: Transfer) -> None:
        line = json.dumps(transfer_json(transfer), ensure_ascii=False) if json_lines else None
        print(line or transfer_line(transfer), flush=True)

    return say


def accept_all(engine: MessengerEngine, event: MessageReceived, folder: Path) -> None:
    """Download every file of the offer ``event`` carries into ``folder`` (loop thread)."""
    offer = event.offer
    if offer is None or not offer.files:
        return
    try:
        engine.files.accept(offer, [f.file_id for f in offer.files], folder)
    except SocketDeskError as error:
        print(f"{PREFIX}{error}", file=sys.stderr, flush=True)


# -- send-file ------------------------------------------------------------------------------------
async def _send_file(args: argparse.Namespace) -> int:
    paths = _checked_paths(args.paths)
    identity = identity_of(args)
    address = as_address(args.peer)
    targets = () if address is not None else targets_of(args, required=True)
    events = FileEvents(say=printer(args.json))
    engine = MessengerEngine(identity, settings_of(args, targets), events, bind=args.bind)
    await engine.start(announce=address is None)
    try:
        key = await _peer_key(engine, events, args.peer, address, args.wait)
        [(offer, message_id)] = engine.files.offer([key], [str(p) for p in paths], args.message)
        failure = await _fetched(events, offer, message_id, args.timeout)
        if failure is not None:
            engine.files.release(offer)  # no fetch after we gave up
            print(f"{PREFIX}{failure}", file=sys.stderr, flush=True)
            return 1
    finally:
        await engine.close(leave=True)
    return 0


def _checked_paths(texts: Sequence[str]) -> list[Path]:
    paths = []
    for text in texts:
        path = Path(text).expanduser()
        if not (path.is_file() or path.is_dir()):
            raise UsageError(f"{text!r} is not a file or folder that can be read.")
        paths.append(path.resolve())
    return paths


async def _peer_key(
    engine: MessengerEngine, events: Events, name: str, address: Any, wait: float
) -> PeerKey:
    """The key of the peer named: an address must answer our BR_ENTRY within ``wait``."""
    if address is None:
        found: PeerKey = await find_peer(engine, events, name, wait)
        return found
    engine.contact(address)
    await events.until(lambda e: is_peer_at(e, address), wait)
    for peer in engine.peers():
        if peer.address == address:
            return peer.key
    raise _NoAnswer(f"No IP Messenger answered at {format_address(address)} within {wait:g} s.")


async def _fetched(events: FileEvents, offer: Offer, message_id: int, timeout: float) -> str | None:
    """Wait until every file of ``offer`` was fetched; None then, else why not (one line)."""
    loop = asyncio.get_running_loop()
    deadline = None if timeout == 0 else loop.time() + timeout
    wanted = len(offer.files)
    while True:
        while not events.queue.empty():
            event = events.queue.get_nowait()
            if isinstance(event, MessageFailed) and event.message_id == message_id:
                return str(event.reason)
        rows = [
            t
            for t in events.transfers.values()
            if t.direction is Direction.SEND and t.packet_no == offer.packet_no
        ]
        for row in rows:
            if row.state.finished and row.state is not TransferState.DONE:
                return _not_fetched(row)
        done = {t.file_id for t in rows if t.state is TransferState.DONE}
        if len(done) >= wanted:
            return None
        remaining = None if deadline is None else deadline - loop.time()
        if remaining is not None and remaining <= 0:
            return (
                f"{wanted - len(done)} of {wanted} offered "
                f"{'file was' if wanted == 1 else 'files were'} not fetched within {timeout:g} s; "
                "the offer is withdrawn."
            )
        events.changed.clear()
        waiters = [
            asyncio.ensure_future(events.changed.wait()),
            asyncio.ensure_future(_queued(events)),
        ]
        try:
            await asyncio.wait(waiters, timeout=remaining, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waiters:
                waiter.cancel()


async def _queued(events: Events) -> None:
    """Returns once an event is queued (left in the queue for the caller)."""
    event = await events.queue.get()
    events.queue.put_nowait(event)


def _not_fetched(row: Transfer) -> str:
    kind = "folder" if row.is_folder else "file"
    why = f": {row.reason}" if row.reason is not None else ""
    return f"The {kind} {row.name} was not fetched ({row.state.value}){why}."


class _NoAnswer(SocketDeskError):
    """The address given to ``send-file`` did not answer."""
