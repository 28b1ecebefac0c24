"""The two halves of a relay pair: the connections and the pair that joins them."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

from desktop.core.net.connection import StreamConnection
from desktop.core.net.relay_events import RelaySide
from desktop.core.sentence import Sentence

if TYPE_CHECKING:
    from desktop.core.net.relay import TcpRelay
    from desktop.core.net.tls_accept import Held

__all__ = ["RelayPair", "SideConnection"]


class SideConnection(StreamConnection):
    """A ``StreamConnection`` that reports EOF and write blocking to its relay.

    It calls the relay's private hooks (``_made`` in ``relay.py``; ``_data``, ``_lost``,
    ``_eof``, ``_blocked`` in ``relay_piping.py``): the modules are one unit, split only to keep
    each readable.
    """

    __slots__ = ("eof_sent", "failed", "held", "reading", "relay", "side", "write_blocked")

    def __init__(self, relay: TcpRelay, side: RelaySide, pair_id: int | None) -> None:
        totals = relay.client_totals if side is RelaySide.CLIENT else relay.target_totals
        super().__init__(relay._buffer, relay._data, relay._lost, relay._made, totals=totals)
        self.relay = relay
        self.side = side
        self.tag = pair_id
        self.reading = True
        self.write_blocked = False
        self.eof_sent = False  # we half-closed this side: nothing more may be written to it
        self.failed = False  # lost through an error rather than a close
        self.held: list[bytes] = []  # read before its pair was open (uvloop: see _data)

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.reading = True  # a new transport (also the TLS one after start_tls) reads at first
        super().connection_made(transport)

    def eof_received(self) -> bool:
        super().eof_received()
        return self.relay._eof(self)

    def connection_lost(self, exc: Exception | None) -> None:
        if exc is not None:
            self.failed = True
            self.close_reason = None  # the error, not an earlier EOF, says why it ended
        super().connection_lost(exc)

    def pause_writing(self) -> None:
        super().pause_writing()
        self.write_blocked = True
        self.relay._blocked(self)

    def resume_writing(self) -> None:
        super().resume_writing()
        self.write_blocked = False
        self.relay._blocked(self)

    def set_reading(self, want: bool) -> None:
        """Pause or resume reading from this side (no-op once it sent EOF or is closing)."""
        transport = self.transport
        if want == self.reading or transport is None or self.lost or self.eof_received_from_peer:
            return  # after EOF the transport has dropped its reader: resuming would read again
        if transport.is_closing():
            return
        self.reading = want
        if want:
            transport.resume_reading()
        else:
            transport.pause_reading()

    def pause_now(self) -> None:
        """Pause reading whatever ``reading`` says (it may be wrong: see ``_data``)."""
        self.reading = True
        self.set_reading(False)


class RelayPair:
    """A client connection and, once made, its target connection."""

    __slots__ = (
        "client",
        "early",
        "first_eof",
        "grace",
        "linger",
        "opened",
        "pair_id",
        "reason",
        "since_ns",
        "target",
        "task",
    )

    def __init__(self, pair_id: int, client: SideConnection) -> None:
        self.pair_id = pair_id
        self.client = client
        self.target: SideConnection | None = None
        self.task: asyncio.Task[None] | None = None
        self.opened = False
        self.reason: Sentence | None = None  # why the pair ends, once that is decided
        self.first_eof: RelaySide | None = None
        self.linger: asyncio.TimerHandle | None = None
        self.grace: asyncio.TimerHandle | None = None
        self.early: Held | None = None  # what came with the client's TLS handshake
        self.since_ns = time.time_ns()

    def sides(self) -> list[SideConnection]:
        return [self.client] if self.target is None else [self.client, self.target]

    def other(self, side: SideConnection) -> SideConnection | None:
        return self.target if side is self.client else self.client
