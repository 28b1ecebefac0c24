"""What a TCP server keeps and reports about each client: its modes, the client object (the
connection itself, one per client) and the snapshot a connection table shows."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from desktop.core.net.connection import ClosedCallback, DataCallback, StreamConnection, Totals
from desktop.core.net.splice_receive import SpliceReader
from desktop.core.sentence import Sentence

__all__ = [
    "ClientInfo",
    "ClientState",
    "ServerClient",
    "ServerMode",
    "TcpServerSink",
    "TlsOrSplice",
]


class ServerMode(enum.Enum):
    """What a server does with what it receives, besides reporting it."""

    PLAIN = "plain"  # nothing: the user answers by hand
    ECHO = "echo"  # every byte goes back to its sender
    RULES = "rules"  # the first matching auto-reply rule answers


class ClientState(enum.StrEnum):
    """Where a client of the server is (a word for the CLI; the GUI shows its own)."""

    HANDSHAKE = "handshake"  # accepted, the TLS handshake under way
    CONNECTED = "connected"


class TcpServerSink(Protocol):
    """What a server reports. Called on the engine's event-loop thread."""

    def on_client_connected(self, client_id: int, peer: str) -> None:
        """A client is connected (after its TLS handshake, if any)."""

    def on_client_data(self, client_id: int, data: memoryview) -> None:
        """Bytes from a client; valid only during the call."""

    def on_client_sent(self, client_id: int, data: bytes) -> None:
        """The server answered by itself (echo or an auto-reply) with ``data``."""

    def on_client_closed(self, client_id: int, reason: Sentence) -> None:
        """A client is gone; ``reason`` is a sentence."""

    def on_client_rejected(self, peer: str, reason: Sentence) -> None:
        """A connection was refused (client limit, failed TLS handshake); never a client."""


@dataclass(frozen=True, slots=True)
class ClientInfo:
    """A snapshot of one client for a connection table."""

    client_id: int
    peer: str
    since_ns: int
    bytes_in: int
    bytes_out: int
    state: ClientState
    local: str = ""  # the server address this client connected to


class TlsOrSplice:
    """What a client of a TLS or splicing server keeps besides its connection (most have none)."""

    __slots__ = ("handshake", "raw", "splice", "splice_tried")

    def __init__(self) -> None:
        self.handshake = False  # the TLS handshake is under way
        self.raw: list[bytes] = []  # TLS: the handshake's first bytes read while paused
        self.splice: SpliceReader | None = None  # reading straight into the file
        self.splice_tried = False


class ServerClient(StreamConnection):
    """A client of the server: its connection and what the server keeps about it, one object
    (a server holds thousands: a record beside each connection cost ~0.2 KiB more per client).

    Its id is the connection's ``tag``; what only TLS and splicing need is in ``extra``, made
    for those alone (issue #15: bytes per client).
    """

    __slots__ = ("extra", "since_ns")

    def __init__(
        self,
        buffer: memoryview,
        on_data: DataCallback,
        on_closed: ClosedCallback,
        on_made: Callable[[StreamConnection], None],
        totals: Totals,
    ) -> None:
        super().__init__(buffer, on_data, on_closed, on_made, totals=totals)
        self.since_ns = 0
        self.extra: TlsOrSplice | None = None

    @property
    def client_id(self) -> int:
        """The id the server gave it when accepted (0 for a refused connection)."""
        return self.tag or 0

    @property
    def state(self) -> ClientState:
        extra = self.extra
        return (
            ClientState.HANDSHAKE
            if extra is not None and extra.handshake
            else ClientState.CONNECTED
        )

    @property
    def splice(self) -> SpliceReader | None:
        return self.extra.splice if self.extra is not None else None

    def side(self) -> TlsOrSplice:
        """``extra``, made on first need."""
        if self.extra is None:
            self.extra = TlsOrSplice()
        return self.extra
