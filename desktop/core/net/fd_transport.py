"""The transport of a plain TCP server's clients: an accepted socket's descriptor watched in
its listener's epoll set, read into the protocol's buffer and written to directly.

A server holds thousands of clients, and the loops' own transports cost most of each one
(uvloop's ~1.1 KiB, asyncio's ~1.3 KiB with its socket object, selector key and address tuples).
This one keeps a descriptor, the peer's address and, only while a peer is slow to read, the
bytes waiting for it (issue #15: ~0.5 KiB less per client on uvloop, ~1 KiB on the stock loop).
It speaks to an ``asyncio.BufferedProtocol`` (``StreamConnection``) exactly as the loops'
transports do: ``connection_made``, ``get_buffer``/``buffer_updated``, ``eof_received`` (a
false answer closes), ``pause_writing``/``resume_writing`` around the write buffer's
high-water mark, and ``connection_lost`` once, in a later loop turn, after which the
descriptor is closed. ``fd_listener.FdListener`` accepts into it.

Needs ``select.epoll`` (Linux) and a loop with ``add_reader`` (uvloop, asyncio's selector loop);
elsewhere the server's clients get the loop's transports.
"""

from __future__ import annotations

import asyncio
import os
import select
import socket
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.net.fd_listener import FdListener

__all__ = ["HIGH_WATER", "LOW_WATER", "FdSocket", "FdTransport", "fd_transports_work"]

# asyncio's own defaults: the protocol is asked to pause above 64 KiB waiting, to resume at 16.
HIGH_WATER = 64 * 1024
LOW_WATER = 16 * 1024

_OPEN, _CLOSING, _DONE = 0, 1, 2  # closing: close() waits for queued bytes; done: lost called
_IN, _OUT = select.EPOLLIN, select.EPOLLOUT


def fd_transports_work() -> bool:
    """True where this transport runs: where ``select.epoll`` exists (Linux)."""
    return hasattr(select, "epoll")


def _borrowed(fd: int) -> socket.socket:
    """A socket object on ``fd`` for one call; ``detach()`` it after (it must not close)."""
    return socket.socket(fileno=fd)


class FdSocket:
    """What ``get_extra_info("socket")`` gives (made when asked, as asyncio's TransportSocket):
    the descriptor and its options, never closing it (the transport does)."""

    __slots__ = ("_fd",)

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def fileno(self) -> int:
        return self._fd

    @property
    def family(self) -> int:
        return int(self._call("getsockopt", socket.SOL_SOCKET, socket.SO_DOMAIN))

    def getsockopt(self, level: int, option: int) -> Any:
        return self._call("getsockopt", level, option)

    def setsockopt(self, level: int, option: int, value: int) -> None:
        self._call("setsockopt", level, option, value)

    def getsockname(self) -> Any:
        return self._call("getsockname")

    def getpeername(self) -> Any:
        return self._call("getpeername")

    def _call(self, name: str, *args: Any) -> Any:
        sock = _borrowed(self._fd)
        try:
            return getattr(sock, name)(*args)
        finally:
            sock.detach()


class FdTransport(asyncio.Transport):
    """One accepted, non-blocking TCP socket, owned (closed after ``connection_lost``)."""

    __slots__ = (
        "_blocked",
        "_eof",
        "_fd",
        "_paused",
        "_peer",
        "_pending",
        "_poller",
        "_protocol",
        "_sockname",
        "_state",
        "watching",
    )  # fmt: skip

    def __init__(
        self,
        poller: FdListener,
        fd: int,
        protocol: asyncio.BufferedProtocol,
        peer: Any,
        sockname: Any,
    ) -> None:
        self._poller = poller  # watches the descriptor in the listener's epoll set
        self.watching = 0  # the events it watches: EPOLLIN while reading, EPOLLOUT while pending
        self._fd = fd
        self._protocol = protocol
        self._peer = peer  # the address accept() gave (kept: a reset socket has no peer)
        self._sockname = sockname  # shared by the listener's clients on the same address
        self._pending: bytearray | None = None  # bytes the kernel did not take yet
        self._state = _OPEN
        self._paused = False  # reading paused
        self._blocked = False  # the protocol was told pause_writing
        self._eof = False  # write_eof asked: shut down writing once pending is sent

    def start(self) -> None:
        """Tell the protocol, then read unless it paused or closed us meanwhile. A protocol
        that fails, or a descriptor the set cannot take, closes this client alone."""
        try:
            self._protocol.connection_made(self)
        except Exception as error:  # as asyncio: the protocol's fault closes
            self._protocol_failed(error, "connection_made")
            return
        if self._state == _OPEN and not self._paused:
            try:
                self._watch()
            except OSError as error:  # ENOSPC/ENOMEM from epoll
                self._force_close(error)

    def _watch(self) -> None:
        """Watch what is wanted now: reading unless paused, writing while bytes wait."""
        mask = (0 if self._paused else _IN) | (0 if self._pending is None else _OUT)
        if mask != self.watching:
            self._poller.watch(self._fd, self.watching, mask)
            self.watching = mask

    # -- reading ---------------------------------------------------------------------------------
    def read_ready(self) -> None:
        """The descriptor is readable (or in error): read once."""
        protocol = self._protocol
        try:
            count = os.readv(self._fd, (protocol.get_buffer(-1),))
        except (BlockingIOError, InterruptedError):
            return
        except OSError as error:
            self._force_close(error)
            return
        if count:
            try:
                protocol.buffer_updated(count)
            except Exception as error:  # as asyncio: the protocol's fault closes
                self._protocol_failed(error, "buffer_updated")
            return
        self._paused = True  # the peer's FIN: nothing more will come
        self._watch()
        try:
            keep_open = protocol.eof_received()
        except Exception as error:
            self._protocol_failed(error, "eof_received")
            return
        if not keep_open:
            self.close()

    def pause_reading(self) -> None:
        if self._state == _OPEN and not self._paused:
            self._paused = True
            self._watch()

    def resume_reading(self) -> None:
        if self._state == _OPEN and self._paused:
            self._paused = False
            self._watch()

    def is_reading(self) -> bool:
        return self._state == _OPEN and not self._paused

    # -- writing ---------------------------------------------------------------------------------
    def write(self, data: bytes | bytearray | memoryview) -> None:
        if self._eof:
            raise RuntimeError("Cannot call write() after write_eof()")
        if not data or self._state == _DONE:
            return  # as asyncio's: writing to a lost connection is dropped
        pending = self._pending
        if pending is not None:
            pending += data
        else:
            try:
                sent = os.write(self._fd, data)
            except (BlockingIOError, InterruptedError):
                sent = 0
            except OSError as error:
                self._force_close(error)
                return
            if sent == len(data):
                return
            self._pending = pending = bytearray(memoryview(data)[sent:])
            self._watch()
        if not self._blocked and len(pending) > HIGH_WATER:
            self._blocked = True
            self._protocol.pause_writing()

    def write_ready(self) -> None:
        """The descriptor is writable (or in error): send what waits."""
        pending = self._pending
        assert pending is not None
        try:
            sent = os.write(self._fd, pending)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as error:
            self._force_close(error)
            return
        del pending[:sent]  # a bytearray drops its head without copying the rest
        if self._blocked and len(pending) <= LOW_WATER:
            self._blocked = False
            self._protocol.resume_writing()
        if pending or self._pending is None:
            return
        self._pending = None
        self._watch()
        if self._state == _CLOSING:
            self._finish(None)
        elif self._eof:
            self._shutdown_write()

    def get_write_buffer_size(self) -> int:
        return len(self._pending) if self._pending is not None else 0

    def get_write_buffer_limits(self) -> tuple[int, int]:
        return LOW_WATER, HIGH_WATER

    def can_write_eof(self) -> bool:
        return True

    def write_eof(self) -> None:
        if self._state != _OPEN or self._eof:
            return
        self._eof = True
        if self._pending is None:
            self._shutdown_write()

    def _shutdown_write(self) -> None:
        sock = _borrowed(self._fd)
        try:
            sock.shutdown(socket.SHUT_WR)
        except OSError as error:
            self._force_close(error)
        finally:
            sock.detach()

    # -- closing ---------------------------------------------------------------------------------
    def is_closing(self) -> bool:
        return self._state != _OPEN

    def close(self) -> None:
        """Stop reading; ``connection_lost`` once the queued bytes are sent."""
        if self._state != _OPEN:
            return
        self._state = _CLOSING
        self._paused = True
        self._watch()
        if self._pending is None:
            self._finish(None)

    def abort(self) -> None:
        self._force_close(None)

    def _force_close(self, error: Exception | None) -> None:
        if self._state == _DONE:
            return
        self._pending = None
        self._paused = True
        self._watch()
        self._finish(error)

    def _protocol_failed(self, error: Exception, call: str) -> None:
        self._poller.loop.call_exception_handler(
            {
                "message": f"Fatal error: protocol.{call}() call failed.",
                "exception": error,
                "transport": self,
                "protocol": self._protocol,
            }
        )
        self._force_close(error)

    def _finish(self, error: Exception | None) -> None:
        self._state = _DONE
        self._poller.loop.call_soon(self._lost, error)

    def _lost(self, error: Exception | None) -> None:
        try:
            self._protocol.connection_lost(error)
        finally:
            self._poller.forget(self._fd)
            os.close(self._fd)
            self._fd = -1
            # As the loops' transports: no cycle with the protocol (which keeps its transport)
            # left for the collector, so a crowd's memory comes back when it leaves.
            self._protocol = None  # type: ignore[assignment]

    # -- the rest of the interface ---------------------------------------------------------------
    def get_extra_info(self, name: str, default: Any = None) -> Any:
        """``peername``, ``sockname``, or ``socket`` (an ``FdSocket`` over this descriptor,
        made when asked: options set on it apply to this connection)."""
        if name == "peername":
            return self._peer
        if name == "sockname":
            return self._sockname
        if name == "socket" and self._fd >= 0:
            return FdSocket(self._fd)
        return default

    def set_protocol(self, protocol: asyncio.BaseProtocol) -> None:
        assert isinstance(protocol, asyncio.BufferedProtocol)
        self._protocol = protocol

    def get_protocol(self) -> asyncio.BaseProtocol:
        return self._protocol

    def __repr__(self) -> str:
        return f"<FdTransport fd={self._fd} peer={self._peer!r} state={self._state}>"
