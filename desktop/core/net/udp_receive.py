"""The UDP receive path: a blocking receive loop in its own thread, batches to the event loop.

Measured (``bench/udp_receive.py``, docs/BENCHMARKS.md): asyncio's per-datagram
``DatagramProtocol`` callbacks lose most datagrams above ~60k/s here, where a thread blocked in
``recvfrom_into`` keeps up with socat. So the thread waits for one datagram, then takes whatever
else is queued without waiting (``MSG_DONTWAIT``) and hands the lot to the loop in one call.
Datagrams waiting for a busy loop are bounded: past ``max_pending`` they are counted (never lost
from the counters) but not handed over.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import socket
import sys
import threading
from collections.abc import Callable

from desktop.core.net import udp_mmsg
from desktop.core.net.udp_facts import Datagram

__all__ = ["DEFAULT_RECEIVE_SIZE", "Overflow", "ReceiveThread"]

#: A receive buffer every UDP datagram fits (IPv4's 65,507 and IPv6's 65,527 bytes).
DEFAULT_RECEIVE_SIZE = 65_536
# Datagrams taken per hand-over at most (keeps one batch's work on the loop short).
_BATCH = 4096
# Datagrams that may wait for the loop; past this they are only counted.
DEFAULT_MAX_PENDING = 262_144
# The loop takes what waits at most this often: each wake-up of the loop costs ~20 µs of Python
# holding the GIL, and handing over every datagram or two as it came halved the rate the
# receive thread kept (bench/udp_receive.py: 119k/s → see docs/BENCHMARKS.md).
HAND_OVER_S = 0.002

# Datagrams per recvmmsg call (Linux): see udp_mmsg and docs/BENCHMARKS.md.
_MMSG_SLOTS = 64

_LINUX = sys.platform.startswith("linux")
_DONTWAIT = getattr(socket, "MSG_DONTWAIT", 0)
_TRUNC = getattr(socket, "MSG_TRUNC", 0)


class Overflow:
    """Datagrams the loop was too busy to take: counted, not kept."""

    __slots__ = ("bytes", "datagrams")

    def __init__(self) -> None:
        self.datagrams = 0
        self.bytes = 0


BatchHandler = Callable[[list[Datagram], int, int], None]
ErrorHandler = Callable[[OSError], None]


class ReceiveThread:
    """Receives on ``sock`` in a daemon thread until ``stop()``.

    Args:
        sock: a bound UDP socket; this thread owns its receive side.
        loop: where ``on_batch`` and ``on_error`` run.
        on_batch: called on the loop with the datagrams, and the count and bytes of those
            dropped since the last call because the loop fell behind.
        on_error: called on the loop with an error the socket reported (e.g. ECONNREFUSED of a
            connected socket); receiving goes on.
        receive_size: the receive buffer: larger datagrams are cut and marked truncated.
        max_pending: datagrams that may wait for the loop.
        reply: called in this thread with each datagram; returns bytes to send back at once
            (echo, auto-reply rules) or None. Read afresh for each datagram (it may change).
    """

    def __init__(
        self,
        sock: socket.socket,
        loop: asyncio.AbstractEventLoop,
        on_batch: BatchHandler,
        on_error: ErrorHandler,
        *,
        receive_size: int = DEFAULT_RECEIVE_SIZE,
        max_pending: int = DEFAULT_MAX_PENDING,
    ) -> None:
        self._sock = sock
        self._loop = loop
        self._on_batch = on_batch
        self._on_error = on_error
        self._size = receive_size
        self._max_pending = max_pending
        self._lock = threading.Lock()
        self._pending: list[Datagram] = []
        self._overflow = Overflow()
        self._scheduled = False
        self._last_drain = 0.0
        self._stopping = False
        self.reply: Callable[[Datagram], bytes | None] | None = None
        self.replies = 0  # datagrams sent back from this thread
        self.reply_bytes = 0
        self.reply_errors = 0
        self._answers: list[tuple[tuple[object, ...], bytes]] = []  # for the log, bounded
        self._thread = threading.Thread(target=self._run, name="udp-receive", daemon=True)

    def start(self) -> None:
        """Start receiving."""
        self._thread.start()

    def stop(self, timeout: float = 2.0) -> None:
        """Stop receiving and wait for the thread (the socket stays open; close it after)."""
        self._stopping = True
        # Wakes a recv blocked on this socket (Linux answers ENOTCONN for an unconnected
        # socket but wakes it all the same); elsewhere the receive timeout is the fallback.
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RD)
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)

    # -- the thread ------------------------------------------------------------------------------
    def _run(self) -> None:
        if udp_mmsg.available():
            self._run_mmsg()
        else:
            self._run_recvfrom()

    def _run_mmsg(self) -> None:
        receiver = udp_mmsg.MmsgReceiver(self._sock, _MMSG_SLOTS, self._size)
        try:
            while not self._stopping:
                try:
                    batch = receiver.receive()
                except OSError as error:
                    if self._stopping:
                        break
                    self._report(error)
                    continue
                if not batch:  # woken by shutdown()
                    break
                reply = self.reply
                answers = self._reply_all(batch, reply) if reply is not None else None
                self._hand_over(batch, answers)
        finally:
            receiver.close()

    def _run_recvfrom(self) -> None:
        sock = self._sock
        keep = self._size
        buffer = bytearray(keep + 1)
        view = memoryview(buffer)
        receive = sock.recvfrom_into
        if _LINUX:
            size, flags = keep, _TRUNC  # the return value is then the datagram's real size
        else:
            size, flags = keep + 1, 0  # a datagram filling the spare byte was cut
        nowait = flags | _DONTWAIT
        sock.settimeout(0.25 if not _LINUX else None)
        batch: list[Datagram] = []
        append = batch.append
        new = tuple.__new__  # Datagram(...) costs ~3.5x more: a Python-level __new__
        while not self._stopping:
            try:
                count, peer = receive(buffer, size, flags)
            except TimeoutError:
                continue
            except OSError as error:
                if self._stopping:
                    break
                self._report(error)
                continue
            if peer is None:  # woken by shutdown()
                break
            append(new(Datagram, (peer, bytes(view[: min(count, keep)]), count)))
            while len(batch) < _BATCH:
                try:
                    count, peer = receive(buffer, size, nowait)
                except BlockingIOError:
                    break
                except OSError as error:
                    if not self._stopping:
                        self._report(error)
                    break
                if peer is None:
                    break
                append(new(Datagram, (peer, bytes(view[: min(count, keep)]), count)))
            reply = self.reply
            answers = self._reply_all(batch, reply) if reply is not None else None
            self._hand_over(batch, answers)
            batch = []
            append = batch.append

    def _reply_all(
        self, batch: list[Datagram], reply: Callable[[Datagram], bytes | None]
    ) -> list[tuple[tuple[object, ...], bytes]]:
        send = self._sock.sendto
        answers: list[tuple[tuple[object, ...], bytes]] = []
        for datagram in batch:
            answer = reply(datagram)
            if answer is None:
                continue
            try:
                send(answer, datagram.peer)
            except OSError:
                self.reply_errors += 1
                continue
            self.replies += 1
            self.reply_bytes += len(answer)
            answers.append((datagram.peer, answer))
        return answers

    def _hand_over(
        self, batch: list[Datagram], answers: list[tuple[tuple[object, ...], bytes]] | None
    ) -> None:
        with self._lock:
            if answers and len(self._answers) < self._max_pending:
                self._answers.extend(answers)
            room = self._max_pending - len(self._pending)
            if room >= len(batch):
                self._pending.extend(batch)
            else:
                keep = max(room, 0)
                self._pending.extend(batch[:keep])
                overflow = self._overflow
                for datagram in batch[keep:]:
                    overflow.datagrams += 1
                    overflow.bytes += datagram.size
            if self._scheduled:
                return
            self._scheduled = True
        try:
            self._loop.call_soon_threadsafe(self._drain_soon)
        except RuntimeError:  # the loop is closed: the session is over
            self._stopping = True

    def _report(self, error: OSError) -> None:
        if error.errno == errno.EBADF:
            self._stopping = True
            return
        try:
            self._loop.call_soon_threadsafe(self._on_error, error)
        except RuntimeError:
            self._stopping = True

    # -- the loop --------------------------------------------------------------------------------
    def _drain_soon(self) -> None:
        wait = self._last_drain + HAND_OVER_S - self._loop.time()
        if wait > 0:
            self._loop.call_later(wait, self._drain)
        else:
            self._drain()

    def _drain(self) -> None:
        self._last_drain = self._loop.time()
        with self._lock:
            pending, self._pending = self._pending, []
            overflow, self._overflow = self._overflow, Overflow()
            self._scheduled = False
        self._on_batch(pending, overflow.datagrams, overflow.bytes)

    def take_replies(self) -> list[tuple[tuple[object, ...], bytes]]:
        """The answers sent since the last call (loop thread; for the log)."""
        with self._lock:
            answers, self._answers = self._answers, []
        return answers

    def drain_now(self) -> None:
        """Hand over what waits (on the loop, e.g. before the session reports it stopped)."""
        self._drain()
