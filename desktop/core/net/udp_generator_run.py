"""A generator run hosted by an event loop: its counts folded into the session's ``Totals``.

The generator's thread only writes its own two integers; this folds them into ``Totals`` on the
loop every ``interval`` (and once at the end), so the counters a session shows, and the live
datagrams/s and bits/s computed from them, include what the generator sent. Qt-free.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import Callable
from dataclasses import dataclass

from desktop.core.errors import SocketDeskError
from desktop.core.net.connection import Totals
from desktop.core.net.udp_generator import Generator
from desktop.core.sentence import Sentence

__all__ = ["GeneratorPlan", "GeneratorRun"]

DEFAULT_TICK_S = 0.1


@dataclass(frozen=True)
class GeneratorPlan:
    """What the generator sends: ``payload`` to ``host``:``port`` (None: the connected peer).

    ``rate`` is datagrams/s (None: as fast as possible); ``count`` and ``seconds`` end it
    (neither: until stopped).
    """

    payload: bytes
    host: str | None = None
    port: int = 0
    rate: float | None = None
    count: int | None = None
    seconds: float | None = None


class GeneratorRun:
    """Starts a ``Generator`` in its thread and keeps ``totals`` up to date from the loop.

    Args:
        sock, address, payload, rate, count, seconds, peer_name: as for ``Generator``.
        totals: the session's totals (loop thread).
        on_tick: called on the loop after each fold (e.g. to publish the counters).
        on_done: called on the loop once, with the generator's summary and error (or None).
        interval: seconds between folds.

    Raises:
        DatagramTooLarge, ValueError: as ``Generator``.
    """

    def __init__(
        self,
        sock: socket.socket,
        address: tuple[object, ...] | None,
        payload: bytes,
        *,
        totals: Totals,
        on_tick: Callable[[], None],
        on_done: Callable[[Sentence, SocketDeskError | None], None],
        rate: float | None = None,
        count: int | None = None,
        seconds: float | None = None,
        peer_name: tuple[str, int] | None = None,
        interval: float = DEFAULT_TICK_S,
    ) -> None:
        self._loop = asyncio.get_running_loop()
        self._totals = totals
        self._on_tick = on_tick
        self._on_done = on_done
        self._interval = interval
        self._counted = (0, 0)
        self._timer: asyncio.TimerHandle | None = None
        self.generator = Generator(
            sock,
            address,
            payload,
            rate=rate,
            count=count,
            seconds=seconds,
            on_done=self._done_in_thread,
            peer_name=peer_name,
        )
        self.finished = False

    def start(self) -> None:
        """Start sending (loop thread)."""
        self.generator.start()
        self._tick()

    def stop(self) -> None:
        """Stop before the next datagram (any thread); ``on_done`` follows on the loop."""
        self.generator.stop()

    def stop_and_wait(self, timeout: float = 2.0) -> None:
        """Stop and wait for the thread; the counts are folded at once (loop thread)."""
        self.generator.stop()
        self.generator.join(timeout)
        self._fold()

    def _fold(self) -> None:
        sent, sent_bytes = self.generator.sent, self.generator.sent_bytes
        counted, counted_bytes = self._counted
        self._totals.chunks_out += sent - counted
        self._totals.bytes_out += sent_bytes - counted_bytes
        self._counted = (sent, sent_bytes)

    def _tick(self) -> None:
        self._timer = None
        self._fold()
        self._on_tick()
        if not self.finished:
            self._timer = self._loop.call_later(self._interval, self._tick)

    def _done_in_thread(self, said: Sentence, error: SocketDeskError | None) -> None:
        with contextlib.suppress(RuntimeError):  # the loop has closed: nobody to tell
            self._loop.call_soon_threadsafe(self._done, said, error)

    def _done(self, said: Sentence, error: SocketDeskError | None) -> None:
        if self.finished:
            return
        self.finished = True
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self._fold()
        self._on_tick()
        self._on_done(said, error)
