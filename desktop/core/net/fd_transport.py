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
descriptor is closed. ``FdListener`` accepts into it.

Needs ``select.epoll`` (Linux) and a loop with ``add_reader`` (uvloop, asyncio's selector loop);
elsewhere the server's clients get the loop's transports.
"""

from __future__ import annotations

import asyncio
import errno
import os
import select
import socket
import sys
from collections.abc import Callable
from typing import Any

__all__ = [
    "HIGH_WATER",
    "LOW_WATER",
    "FdListener",
    "FdSocket",
    "FdTransport",
    "fd_transports_work",
]

# asyncio's own defaults: the protocol is asked to pause above 64 KiB waiting, to resume at 16.
HIGH_WATER = 64 * 1024
LOW_WATER = 16 * 1024

_OPEN, _CLOSING, _DONE = 0, 1, 2  # closing: close() waits for queued bytes; done: lost called
_ACCEPT_RETRY_S = 1.0  # out of descriptors or memory: accept again after this (as asyncio)
_OUT_OF_RESOURCES = (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM)
_IN, _OUT = select.EPOLLIN, select.EPOLLOUT
_IN_OR_ERROR = _IN | select.EPOLLERR | select.EPOLLHUP
_OUT_OR_ERROR = _OUT | select.EPOLLERR | select.EPOLLHUP


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

    __slots__ = ("_blocked", "_eof", "_fd", "_mask", "_paused", "_peer", "_pending",
                 "_poller", "_protocol", "_sockname", "_state")  # fmt: skip

    def __init__(
        self,
        poller: FdListener,
        fd: int,
        protocol: asyncio.BufferedProtocol,
        peer: Any,
        sockname: Any,
    ) -> None:
        self._poller = poller  # watches the descriptor in the listener's epoll set
        self._mask = 0  # the events it watches: EPOLLIN while reading, EPOLLOUT while pending
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
        """Tell the protocol, then read unless it paused or closed us meanwhile."""
        self._protocol.connection_made(self)
        if self._state == _OPEN and not self._paused:
            self._watch()

    def _watch(self) -> None:
        """Watch what is wanted now: reading unless paused, writing while bytes wait."""
        mask = (0 if self._paused else _IN) | (0 if self._pending is None else _OUT)
        if mask != self._mask:
            self._poller.watch(self._fd, self._mask, mask)
            self._mask = mask

    # -- reading ---------------------------------------------------------------------------------
    def _read_ready(self) -> None:
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

    def _write_ready(self) -> None:
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
        """``peername``, ``sockname``, or ``socket`` (a duplicate of the descriptor, made when
        asked: options set on it apply to this connection)."""
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


class FdListener:
    """Accepts on a listening socket, each client into an ``FdTransport`` (TCP_NODELAY set)
    with the protocol ``factory`` makes, and watches every client's descriptor in one epoll set
    of its own, which the loop watches (``add_reader``) as one descriptor.

    One set rather than a loop watcher per client: the loops' watchers cost ~0.5 KiB each
    (uvloop: a handle and a libuv poll), and uvloop drops a watcher whose socket reports an
    error (a reset) without calling back: an epoll descriptor only ever reports readable, and
    the reset comes out of the client's read. ``close`` stops accepting (clients stay)."""

    __slots__ = ("_backlog", "_clients", "_epoll", "_factory", "_sock", "_socknames", "loop")

    def __init__(
        self,
        loop: asyncio.AbstractEventLoop,
        sock: socket.socket,
        factory: Callable[[], asyncio.BufferedProtocol],
        backlog: int,
    ) -> None:
        self.loop = loop
        self._sock: socket.socket | None = sock
        self._factory = factory
        self._backlog = backlog
        self._epoll = select.epoll()
        self._clients: dict[int, FdTransport] = {}  # by descriptor, until connection_lost
        # One tuple per local address, shared by its clients (a tuple each: ~100 B).
        self._socknames: dict[Any, Any] = {}
        sock.setblocking(False)
        loop.add_reader(sock.fileno(), self._accept)
        loop.add_reader(self._epoll.fileno(), self._ready)

    def is_serving(self) -> bool:
        return self._sock is not None

    def close(self) -> None:
        """Stop accepting; the set is closed once its last client is gone."""
        sock = self._sock
        if sock is not None:
            self._sock = None
            self.loop.remove_reader(sock.fileno())
            sock.close()
            self._close_set()

    async def wait_closed(self) -> None:
        """Returns once closed; lets the clients aborted with it hear their ``connection_lost``."""
        await asyncio.sleep(0)

    def watch(self, fd: int, old: int, new: int) -> None:
        """Watch ``fd`` for ``new`` events (0: not at all) instead of ``old``."""
        if not old:
            self._epoll.register(fd, new)
        elif not new:
            self._epoll.unregister(fd)
        else:
            self._epoll.modify(fd, new)

    def forget(self, fd: int) -> None:
        """A client is gone (its descriptor about to close)."""
        del self._clients[fd]
        self._close_set()

    def _close_set(self) -> None:
        if self._sock is None and not self._clients and not self._epoll.closed:
            self.loop.remove_reader(self._epoll.fileno())
            self._epoll.close()

    def _ready(self) -> None:
        clients = self._clients
        for fd, events in self._epoll.poll(0):
            transport = clients.get(fd)
            # An error or hang-up is read (or written) to learn what it is, as a selector does.
            if transport is not None and transport._mask & _IN and events & _IN_OR_ERROR:
                transport._read_ready()
            transport = clients.get(fd)  # the read may have closed it
            if transport is not None and transport._mask & _OUT and events & _OUT_OR_ERROR:
                transport._write_ready()

    def _accept(self) -> None:
        sock, loop = self._sock, self.loop
        for _ in range(self._backlog):
            if sock is None or self._sock is None:
                return
            try:
                conn, peer = sock.accept()
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                return
            except OSError as error:
                if error.errno not in _OUT_OF_RESOURCES:
                    raise
                loop.call_exception_handler(
                    {"message": "socket.accept() out of system resource", "exception": error}
                )
                loop.remove_reader(sock.fileno())
                loop.call_later(_ACCEPT_RETRY_S, self._resume)
                return
            try:
                conn.setblocking(False)
                if conn.family in (socket.AF_INET, socket.AF_INET6):
                    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                sockname = conn.getsockname()
            except OSError:
                conn.close()  # gone already (reset before we looked at it)
                continue
            sockname = self._socknames.setdefault(sockname, sockname)
            if isinstance(peer, tuple):
                peer = (sys.intern(peer[0]), *peer[1:])  # one host string per peer address
            fd = conn.detach()
            self._clients[fd] = transport = FdTransport(self, fd, self._factory(), peer, sockname)
            transport.start()

    def _resume(self) -> None:
        if self._sock is not None:
            self.loop.add_reader(self._sock.fileno(), self._accept)
