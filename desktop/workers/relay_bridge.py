"""Bridge between a ``TcpRelay`` engine on the I/O loop and a GUI panel."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Signal

from desktop.core.capture import Direction
from desktop.core.errors import SocketDeskError
from desktop.core.net.relay import RelaySide, TcpRelay
from desktop.core.net.tls import TlsClientOptions, TlsServerOptions, TlsSessionInfo, with_cache_dir
from desktop.core.sentence import Sentence
from desktop.core.session import log_lines, sentences
from desktop.core.session.lifecycle import (
    relaying_status,
    starting_status,
    stopped_status,
)
from desktop.wording import say
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.session_bridge import SessionBridge

__all__ = ["RelayBridge", "RelayOptions", "pair_labels"]


@dataclass(frozen=True)
class RelayOptions:
    """Where a relay listens and where it forwards to."""

    listen_host: str
    listen_port: int
    target_host: str
    target_port: int
    timeout: float = 10.0
    target_tls: TlsClientOptions | None = None
    listen_tls: TlsServerOptions | None = None


def pair_labels(pair_id: int, client: str, target: str) -> tuple[str, str, str, str]:
    """The peer labels of a pair's records in the log: client → target, target → client,
    injected toward the target, injected toward the client."""
    return (
        f"#{pair_id} {client}→{target}",
        f"#{pair_id} {target}→{client}",
        say(log_lines.injected_label(pair_id, to_target=True)),
        say(log_lines.injected_label(pair_id, to_target=False)),
    )


class RelayBridge(SessionBridge):
    """Drives one relay session: one timeline for both directions of every pair.

    In the log, bytes from a client toward the target are OUT (→) and bytes from the target
    back to the client are IN (←), as a client would see its own conversation; the record's
    peer names the pair and the direction.

    ``start(RelayOptions)`` listens (``started`` carries the addresses), ``stop()`` stops.
    The session's counters are those of the target side: bytes sent to the targets (relayed
    and injected) are out, bytes from the targets are in.

    Signals (besides SessionBridge's):
        pair_opened(int, str, str): pair id, client address, target address.
        pair_failed(int, str, str): pair id, client address, why.
        pair_closed(int, str): pair id, why.
        target_tls_established(int, TlsSessionInfo): pair id and the TLS session with the
            target (the whole chain it sent, the verification outcome; also for a target
            whose certificate failed a required check, before ``pair_failed``).
    """

    pair_opened = Signal(int, str, str)
    pair_failed = Signal(int, str, object)  # pair, client, Sentence
    pair_closed = Signal(int, object)  # pair, Sentence
    target_tls_established = Signal(int, object)

    def __init__(self, io: EventLoopThread, cert_dir: Path) -> None:
        super().__init__(io)
        self._cert_dir = cert_dir  # where the self-signed certificate is kept for TLS
        self._relay: TcpRelay | None = None
        self._labels: dict[tuple[int, RelaySide], str] = {}
        # Pair numbers of the whole session: a restarted relay goes on counting, so a pair's
        # log labels (and its pcapng stream) are never those of an earlier pair.
        self._pair_ids = itertools.count(1)

    # -- commands (GUI thread) ---------------------------------------------------------------------
    def inject(self, data: bytes, to_side: RelaySide, pair_ids: Sequence[int] | None) -> None:
        """Send ``data`` toward one side of the given pairs (None: every pair)."""
        self._io.call(self._inject, data, to_side, tuple(pair_ids) if pair_ids else None)

    def close_pair(self, pair_id: int) -> None:
        """Close one pair (both its connections)."""
        self._io.call(self._close_pair, pair_id)

    # -- loop thread -------------------------------------------------------------------------------
    def _start(self, options: object) -> None:
        assert isinstance(options, RelayOptions)
        if self._relay is not None:
            self.error_occurred.emit(sentences.already_running("relay"))
            return
        self._set_status(starting_status())
        asyncio.get_running_loop().create_task(self._listen(options))

    async def _listen(self, options: RelayOptions) -> None:
        listen_tls = (
            with_cache_dir(options.listen_tls, self._cert_dir) if options.listen_tls else None
        )
        relay = TcpRelay(
            self,
            options.target_host,
            options.target_port,
            connect_timeout=options.timeout,
            target_tls=options.target_tls,
            target_totals=self.totals,
            pair_ids=self._pair_ids,
        )
        self._relay = relay
        addresses = await self._listening(
            relay.start(options.listen_host, options.listen_port, listen_tls)
        )
        if addresses is None:
            self._relay = None
            return
        target = f"{options.target_host}:{options.target_port}"
        self._set_status(relaying_status(addresses, target))
        for address in addresses:
            self._info(address, log_lines.relaying(address, target))

    def _stop(self) -> None:
        relay, self._relay = self._relay, None
        self._core.stop_periodic()
        if relay is not None:
            asyncio.get_running_loop().create_task(self._close(relay))

    async def _close(self, relay: TcpRelay) -> None:
        await relay.close()
        self._flush()
        status = stopped_status("relay")
        self.stopped.emit(status.sentence)
        self._set_status(status)

    def _send_bytes(self, data: bytes) -> None:
        self._inject(data, RelaySide.TARGET, None, raise_errors=True)

    def _inject(
        self,
        data: bytes,
        to_side: RelaySide,
        pair_ids: tuple[int, ...] | None,
        raise_errors: bool = False,
    ) -> None:
        relay = self._relay
        targets = (list(pair_ids) if pair_ids else relay.pair_ids()) if relay else []
        if relay is None or not targets:
            problem = sentences.not_running("relay")
            if raise_errors:
                raise problem
            self.error_occurred.emit(problem)
            return
        for pair_id in targets:
            try:
                relay.inject(pair_id, to_side, data)
            except SocketDeskError as error:
                self.error_occurred.emit(sentences.pair_failed(pair_id, error))

    def _close_pair(self, pair_id: int) -> None:
        if self._relay is not None:
            self._relay.close_pair(pair_id)

    # -- RelaySink (loop thread) -------------------------------------------------------------------
    def on_pair_opened(self, pair_id: int, client_peer: str, target_peer: str) -> None:
        from_client, from_target, _, _ = pair_labels(pair_id, client_peer, target_peer)
        self._labels[(pair_id, RelaySide.CLIENT)] = from_client
        self._labels[(pair_id, RelaySide.TARGET)] = from_target
        self._info(f"#{pair_id}", log_lines.pair_opened(pair_id, client_peer, target_peer))
        self.pair_opened.emit(pair_id, client_peer, target_peer)

    def on_target_tls(self, pair_id: int, session: TlsSessionInfo) -> None:
        self.target_tls_established.emit(pair_id, session)

    def on_pair_failed(self, pair_id: int, client_peer: str, reason: Sentence) -> None:
        self._info(f"#{pair_id}", log_lines.pair_failed(pair_id, client_peer, reason))
        self.pair_failed.emit(pair_id, client_peer, reason)

    def on_data(self, pair_id: int, from_side: RelaySide, data: memoryview) -> None:
        label = self._labels.get((pair_id, from_side), f"#{pair_id}")
        if from_side is RelaySide.TARGET:
            self._received(label, data)
        else:  # counted by the engine when it reaches the target
            self._record(Direction.OUT, label, bytes(data))

    def on_injected(self, pair_id: int, to_side: RelaySide, data: bytes) -> None:
        self._info(
            f"#{pair_id}", log_lines.injected(pair_id, len(data), to_side is RelaySide.TARGET)
        )
        label = say(log_lines.injected_label(pair_id, to_side is RelaySide.TARGET))
        if to_side is RelaySide.TARGET:
            self._sent(label, data)
        else:
            self._record(Direction.IN, label, data)

    def on_pair_closed(self, pair_id: int, reason: Sentence) -> None:
        self._labels.pop((pair_id, RelaySide.CLIENT), None)
        self._labels.pop((pair_id, RelaySide.TARGET), None)
        self._info(f"#{pair_id}", log_lines.pair_closed(pair_id, reason))
        self.pair_closed.emit(pair_id, reason)
