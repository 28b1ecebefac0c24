"""The UDP traffic generator: as fast as possible or at a set rate, for a count or a time.

Qt-free, one thread of its own (a full-rate send loop must not hold the event loop). ``stop()``
works at full rate: the loop checks a flag before every datagram. Its counts (``sent``,
``sent_bytes``) are plain integers written by that thread only; the owner folds them into the
session's ``Totals`` on its loop, so live datagrams/s and bits/s come from the usual counters.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable

from desktop.core.errors import SocketDeskError
from desktop.core.net.connection import format_address
from desktop.core.net.udp_facts import PortUnreachable, check_size
from desktop.core.net.udp_socket import send_error
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["Generator", "datagrams_per_second"]

# Datagrams sent between two looks at the clock (and two updates of the visible counts).
_STEP = 256
# The longest sleep between two paced bursts (keeps Stop and the end time prompt).
_MAX_SLEEP_S = 0.005


def datagrams_per_second(bits_per_second: float, size: int) -> float:
    """The datagram rate that carries ``bits_per_second`` of ``size``-byte payloads."""
    return bits_per_second / (8 * max(size, 1))


class Generator:
    """Sends ``payload`` on ``sock`` to ``address`` (None: the connected peer).

    Args:
        sock: a UDP socket (blocking or not: a full send buffer is waited for, then retried).
        address: the destination socket address, or None on a connected socket.
        payload: the datagram.
        rate: datagrams per second (None: as fast as possible).
        count: stop after this many (None: no count).
        seconds: stop after this long (None: no limit). With neither, until ``stop()``.
        on_done: called once, in the generator's thread, with the sentence saying how it ended
            and the error that ended it (or None).
        peer_name: ``(host, port)`` to name in a "nothing is listening" error.

    Raises:
        DatagramTooLarge: the payload cannot be one datagram.
        ValueError: a rate, count or time that is not positive.
    """

    def __init__(
        self,
        sock: socket.socket,
        address: tuple[object, ...] | None,
        payload: bytes,
        *,
        rate: float | None = None,
        count: int | None = None,
        seconds: float | None = None,
        on_done: Callable[[Sentence, SocketDeskError | None], None] | None = None,
        peer_name: tuple[str, int] | None = None,
    ) -> None:
        check_size(len(payload), sock.family)
        if rate is not None and not rate > 0:
            raise ValueError(f"The rate must be above 0 (got {rate}).")
        if count is not None and count < 1:
            raise ValueError(f"The count must be at least 1 (got {count}).")
        if seconds is not None and not seconds > 0:
            raise ValueError(f"The time must be above 0 (got {seconds}).")
        self._sock = sock
        self._address = address
        self._payload = payload
        self._rate = rate
        self._count = count
        self._seconds = seconds
        self._on_done = on_done
        self._peer_name = peer_name
        self._stop = False
        self.sent = 0
        self.sent_bytes = 0
        self.elapsed = 0.0
        self.error: SocketDeskError | None = None
        self._thread: threading.Thread | None = None

    # -- control ---------------------------------------------------------------------------------
    def start(self) -> None:
        """Run in a thread of its own."""
        self._thread = threading.Thread(target=self.run, name="udp-generator", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop before the next datagram (any thread)."""
        self._stop = True

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the thread; True once it has ended."""
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    @property
    def running(self) -> bool:
        """True while the thread sends."""
        return self._thread is not None and self._thread.is_alive()

    # -- the send loop ---------------------------------------------------------------------------
    def run(self) -> None:
        """Send until the count, the time or ``stop()`` (blocking; ``start`` uses a thread)."""
        started = time.perf_counter()
        try:
            self._loop(started)
        except SocketDeskError as error:
            self.error = error
        self.elapsed = time.perf_counter() - started
        if self._on_done is not None:
            self._on_done(self.summary(), self.error)

    def _loop(self, started: float) -> None:
        payload = self._payload
        size = len(payload)
        address = self._address
        sock = self._sock
        count = self._count
        rate = self._rate
        end = started + self._seconds if self._seconds is not None else None
        clock = time.perf_counter
        sent = 0
        while not self._stop:
            step = _STEP if count is None else min(_STEP, count - sent)
            if step <= 0:
                break
            now = clock()
            if end is not None and now >= end:
                break
            if rate is not None:
                due = int((now - started) * rate) + 1 - sent
                if due <= 0:
                    time.sleep(min((sent + 1) / rate - (now - started), _MAX_SLEEP_S))
                    continue
                step = min(step, due)
            done = self._burst(sock, payload, address, step)
            sent += done
            self.sent = sent
            self.sent_bytes = sent * size

    def _burst(
        self, sock: socket.socket, payload: bytes, address: tuple[object, ...] | None, step: int
    ) -> int:
        done = 0
        try:
            if address is None:
                send = sock.send
                while done < step and not self._stop:
                    send(payload)
                    done += 1
            else:
                sendto = sock.sendto
                while done < step and not self._stop:
                    sendto(payload, address)
                    done += 1
        except (BlockingIOError, InterruptedError):
            time.sleep(0.0001)  # the send buffer is full: let the kernel drain it
        except ConnectionRefusedError:
            self.sent += done
            host, port = self._peer_name or ("?", 0)
            raise PortUnreachable(host, port) from None
        except OSError as error:
            where = format_address(address) if address is not None else "the peer"
            raise send_error(error, where) from None
        return done

    def summary(self) -> Sentence:
        """ "Sent N datagrams in S s (R datagrams/s, B Mbit/s)."."""
        elapsed = self.elapsed or 1e-9
        return sentence(
            QT_TRANSLATE_NOOP(
                "core",
                "Sent {count} datagrams in {seconds} s ({rate} datagrams/s, {mbits} Mbit/s).",
            ),
            count=self.sent,
            seconds=f"{self.elapsed:.2f}",
            rate=f"{self.sent / elapsed:,.0f}",
            mbits=f"{self.sent_bytes * 8 / elapsed / 1e6:.1f}",
        )
