"""A UDP session's bulk sends, on its I/O thread: the traffic generator and a file as datagrams.

``UdpBridge`` owns one ``UdpBulkSend`` and forwards these commands here. Both report their
progress as counter samples (at most 10 a second) for live datagrams/s and bits/s; what goes
wrong is emitted typed on the bridge's ``error_occurred``.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from desktop.core.errors import NetError, SocketDeskError
from desktop.core.net import udp_notes
from desktop.core.net.udp_files import send_file
from desktop.core.net.udp_generator_run import GeneratorPlan, GeneratorRun
from desktop.core.sentence import Sentence
from desktop.core.session import sentences
from desktop.core.session.counters import sample

if TYPE_CHECKING:
    from desktop.workers.udp_bridge import UdpBridge

__all__ = ["UdpBulkSend"]

# The generator's counters reach the GUI at most this often.
_COUNTER_INTERVAL_S = 0.1


class UdpBulkSend:
    """The generator run and the file being sent as datagrams, at most one of each."""

    def __init__(self, bridge: UdpBridge) -> None:
        self._bridge = bridge
        self._generator: GeneratorRun | None = None
        self._sending_file: asyncio.Task[None] | None = None

    # -- a file as datagrams -----------------------------------------------------------------------
    def start_file(
        self, path: str, size: int, interval_s: float, host: str | None, port: int
    ) -> None:
        """Send a file as datagrams of ``size`` bytes, ``interval_s`` apart (loop thread)."""
        if self._sending_file is not None and not self._sending_file.done():
            self._bridge.error_occurred.emit(sentences.file_busy())
            return
        self._sending_file = asyncio.get_running_loop().create_task(
            self._file(path, size, interval_s, host, port)
        )

    async def _file(
        self, path: str, size: int, interval_s: float, host: str | None, port: int
    ) -> None:
        bridge = self._bridge
        sent = [0]

        def progress(count: int) -> None:
            sent[0] = count
            self._push_counters()

        try:
            endpoint = bridge._running()
            address = None if host is None else await endpoint.resolve(endpoint.family, host, port)
            await send_file(
                lambda chunk: endpoint.send(chunk, address), path, size, interval_s, progress
            )
        except SocketDeskError as error:
            bridge.error_occurred.emit(error)
        except ValueError as error:
            bridge.error_occurred.emit(NetError(str(error)))
        bridge.notice.emit(udp_notes.file_sent(path, sent[0]))

    def cancel_file(self) -> None:
        """Stop sending the file (loop thread)."""
        if self._sending_file is not None:
            self._sending_file.cancel()

    # -- generator ---------------------------------------------------------------------------------
    def start_generator(self, plan: GeneratorPlan) -> None:
        """Start the generator (loop thread; it runs in a thread of its own)."""
        if self._generator is not None:
            self._bridge.error_occurred.emit(udp_notes.generator_busy())
            return
        asyncio.get_running_loop().create_task(self._generate(plan))

    async def _generate(self, plan: GeneratorPlan) -> None:
        bridge = self._bridge
        try:
            endpoint = bridge._running()
            address = None
            if plan.host is not None:
                address = await endpoint.resolve(endpoint.family, plan.host, plan.port)
            elif endpoint.peer is None:
                raise udp_notes.no_target()
            assert endpoint.sock is not None
            run = GeneratorRun(
                endpoint.sock,
                address,
                plan.payload,
                totals=bridge.totals,
                on_tick=self._push_counters,
                on_done=self._generator_done,
                rate=plan.rate,
                count=plan.count,
                seconds=plan.seconds,
                peer_name=bridge._target,
                interval=_COUNTER_INTERVAL_S,
            )
        except SocketDeskError as error:
            bridge.error_occurred.emit(error)
            return
        except ValueError as error:
            bridge.error_occurred.emit(NetError(str(error)))
            return
        self._generator = run
        bridge.generator_changed.emit(True)
        run.start()

    def _push_counters(self) -> None:
        self._bridge.counters_updated.emit(sample(self._bridge.totals))

    def _generator_done(self, said: Sentence, error: SocketDeskError | None) -> None:
        self._generator = None
        if error is not None:
            self._bridge.error_occurred.emit(error)
        self._bridge.notice.emit(said)
        self._bridge.generator_changed.emit(False)

    def stop_generator(self) -> None:
        """Stop the generator at once (a flag: safe from any thread, no wait for the loop)."""
        generator = self._generator
        if generator is not None:
            generator.stop()

    def stop_generator_now(self) -> None:
        """Stop the generator and wait for its thread (loop thread, when the session stops)."""
        if self._generator is not None:
            self._generator.stop_and_wait()
