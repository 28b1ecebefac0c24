"""Accepting a plain TCP server's clients into ``FdTransport``s, watched in one epoll set."""

from __future__ import annotations

import asyncio
import errno
import select
import socket
import sys
from collections.abc import Callable
from typing import Any

from desktop.core.net.fd_transport import FdTransport

__all__ = ["FdListener"]

_ACCEPT_RETRY_S = 1.0  # out of descriptors or memory: accept again after this (as asyncio)
_OUT_OF_RESOURCES = (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM)
_IN, _OUT = select.EPOLLIN, select.EPOLLOUT
_IN_OR_ERROR = _IN | select.EPOLLERR | select.EPOLLHUP
_OUT_OR_ERROR = _OUT | select.EPOLLERR | select.EPOLLHUP


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
            if transport is not None and transport.watching & _IN and events & _IN_OR_ERROR:
                transport.read_ready()
            transport = clients.get(fd)  # the read may have closed it
            if transport is not None and transport.watching & _OUT and events & _OUT_OR_ERROR:
                transport.write_ready()

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
            try:
                protocol = self._factory()
            except Exception as error:  # the descriptor is still ours to close
                conn.close()
                loop.call_exception_handler(
                    {"message": "The protocol factory failed.", "exception": error}
                )
                continue
            sockname = self._socknames.setdefault(sockname, sockname)
            if isinstance(peer, tuple):
                peer = (sys.intern(peer[0]), *peer[1:])  # one host string per peer address
            fd = conn.detach()
            self._clients[fd] = transport = FdTransport(self, fd, protocol, peer, sockname)
            transport.start()

    def _resume(self) -> None:
        if self._sock is not None:
            self.loop.add_reader(self._sock.fileno(), self._accept)
