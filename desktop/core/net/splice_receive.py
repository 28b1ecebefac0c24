"""Zero-copy receive on Linux: a connection's bytes go socket → pipe → file with ``os.splice``.

For a server client whose bytes are only counted and saved. The loop watches a duplicate of the
client's socket (the transport's own reading paused); each time it is readable one ``splice``
moves what arrived into a pipe (page references, no copy) and a second moves it on into the file
(the one copy left, into the page cache): ``recv_into`` + ``write`` made two, one through user
space. Everything runs on the loop thread, like the normal path: the counters stay exact,
several clients saving to one file keep the normal path's order (read by read), and stopping is
synchronous (no thread to wait for). A worker thread splicing with blocking calls measured the
same (docs/BENCHMARKS.md, #15) and would need a stop event and a lock around the shared file.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import fcntl
import os
import select
import sys
from collections.abc import Callable
from typing import Protocol

from desktop.core.net.connection import StreamConnection

__all__ = ["SPLICE_AVAILABLE", "SpliceReader", "SpliceTarget"]

SPLICE_AVAILABLE = sys.platform == "linux" and hasattr(os, "splice")
# The pipe between socket and file holds up to this much (the normal path's read size).
_PIPE_SIZE = 1024 * 1024
# One wake-up moves what waits until EAGAIN, at most this many pipe-fulls (8 MiB, a few ms of
# copying) before other clients get their turn: one splice per wake-up woke the loop ~10 times as
# often (measured, #15).
_BURST = 8
_FROM_SOCKET = os.SPLICE_F_MOVE | os.SPLICE_F_NONBLOCK if SPLICE_AVAILABLE else 0
_F_SETPIPE_SZ = getattr(fcntl, "F_SETPIPE_SZ", 1031)
# This socket or kernel cannot splice: the transport reads it instead (before any byte moved).
_UNSUPPORTED = frozenset({errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP})


class SpliceTarget(Protocol):
    """Where spliced bytes go (``SessionCore`` is one). Called on the loop thread."""

    def can_splice(self) -> bool:
        """True while received bytes are being saved, so splicing may start."""

    def splice_in(self, pipe: int, count: int) -> bool:
        """Move ``count`` bytes waiting in ``pipe`` into the file; False once not saving
        (a failure is reported by the target, as for bytes saved the normal way)."""


class SpliceReader:
    """Reads one connection straight into a ``SpliceTarget`` until it ends or is stopped.

    Made by ``start``. The connection is counted as if its transport had read (one chunk per
    ``splice`` from the socket); the end of the stream and socket errors close it with the
    reasons the transport gives. When the file stops (disk full, saving stopped), reading goes
    back to the transport, which goes on counting.
    """

    __slots__ = (
        "_fd",
        "_loop",
        "_on_end",
        "_pipe_r",
        "_pipe_w",
        "_target",
        "_watch",
        "connection",
        "moved",
    )

    def __init__(
        self,
        connection: StreamConnection,
        target: SpliceTarget,
        on_end: Callable[[SpliceReader], None],
        fd: int,
        pipe: tuple[int, int],
    ) -> None:
        self.connection = connection
        self._target = target
        self._on_end = on_end
        self._fd: int | None = fd
        self._pipe_r, self._pipe_w = pipe
        self._loop = asyncio.get_running_loop()
        # The loop watches an epoll set holding the socket, not the socket itself: uvloop (libuv)
        # closes a watcher whose socket reports an error (a peer's reset) without calling it,
        # and the reset went unseen. An epoll fd is only ever readable; the splice names the
        # error, on both loops.
        self._watch = select.epoll(1)
        self._watch.register(fd, select.EPOLLIN | select.EPOLLRDHUP)
        self.moved = 0  # bytes spliced from the socket

    @classmethod
    def start(
        cls,
        connection: StreamConnection,
        target: SpliceTarget,
        on_end: Callable[[SpliceReader], None],
    ) -> SpliceReader | None:
        """Take over reading ``connection`` (plain TCP only); None when it cannot be done here,
        and the transport goes on reading. ``on_end`` is called once when the reader stops."""
        transport = connection.transport
        if not SPLICE_AVAILABLE or transport is None or transport.is_closing():
            return None
        sock = transport.get_extra_info("socket")
        if sock is None or not target.can_splice():
            return None
        try:
            fd = os.dup(sock.fileno())  # the loop refuses a reader on a transport's own fd
        except OSError:
            return None
        opened = [fd]
        try:
            pipe = os.pipe()
            opened += pipe
            # Above /proc/sys/fs/pipe-max-size this fails: the default 64 KiB works, in
            # smaller steps.
            with contextlib.suppress(OSError):
                fcntl.fcntl(pipe[1], _F_SETPIPE_SZ, _PIPE_SIZE)
            reader = cls(connection, target, on_end, fd, pipe)
        except OSError:  # out of descriptors or memory: the transport goes on reading
            for descriptor in opened:
                os.close(descriptor)
            return None
        transport.pause_reading()
        reader._loop.add_reader(reader._watch.fileno(), reader._ready)
        return reader

    @property
    def running(self) -> bool:
        """True until stopped or ended."""
        return self._fd is not None

    def stop(self, resume: bool = False) -> None:
        """Stop reading (at once; nothing is left in the pipe between reads), and with
        ``resume`` give reading back to the transport."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        self._loop.remove_reader(self._watch.fileno())
        self._watch.close()
        for each in (fd, self._pipe_r, self._pipe_w):
            os.close(each)
        transport = self.connection.transport
        if resume and transport is not None and not transport.is_closing():
            transport.resume_reading()
        self._on_end(self)

    def _ready(self) -> None:
        """The socket is readable: splice what waits, a pipe-full at a time, until the socket
        has nothing more (EAGAIN) or ``_BURST`` pipe-fulls moved (other clients' turn)."""
        connection = self.connection
        pipe_w, pipe_r, target = self._pipe_w, self._pipe_r, self._target
        for _ in range(_BURST):
            transport = connection.transport
            if self._fd is None or transport is None or transport.is_closing():
                self.stop()
                return
            try:
                count = os.splice(self._fd, pipe_w, _PIPE_SIZE, flags=_FROM_SOCKET)
            except (BlockingIOError, InterruptedError):
                return
            except OSError as error:
                if self.moved == 0 and error.errno in _UNSUPPORTED:
                    self.stop(resume=True)
                    return
                self.stop()
                connection.fail(error)
                return
            if count == 0:  # the peer's FIN: what the transport does on EOF
                self.stop()
                if not connection.eof_received():
                    transport.close()
                return
            self.moved += count
            connection.count_in(count)
            if not target.splice_in(pipe_r, count):
                self.stop(resume=True)  # not saving any more: the transport reads (and counts) on
                return
