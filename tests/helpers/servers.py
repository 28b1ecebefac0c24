"""Real servers on loopback for tests: echo, silent (full backlog), one-shot senders."""

from __future__ import annotations

import atexit
import socket
import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _EchoHandler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        while data := self.request.recv(65536):
            self.request.sendall(data)


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class _Server6(_Server):
    address_family = socket.AF_INET6


@contextmanager
def echo_server(host: str = "127.0.0.1") -> Iterator[tuple[str, int]]:
    """A threaded echo server on an OS-chosen loopback port; yields (host, port)."""
    server_class = _Server6 if ":" in host else _Server
    server = server_class((host, 0), _EchoHandler)
    thread = threading.Thread(target=server.serve_forever, name="echo-server", daemon=True)
    thread.start()
    try:
        yield host, server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


_HELD: list[socket.socket] = []


@atexit.register
def _release_held() -> None:
    for held in _HELD:
        held.close()


def closed_port() -> int:
    """A loopback port with nothing listening (connecting to it is refused).

    The port stays bound (never listening) for the rest of the session, so no other test or
    process can start listening on it in the meantime: a connect is refused every time.
    """
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    _HELD.append(probe)
    return int(probe.getsockname()[1])


def start_listening_on(port: int) -> socket.socket:
    """Make a ``closed_port()`` port start accepting connections (a server "coming back")."""
    for held in _HELD:
        if held.getsockname()[1] == port:
            _HELD.remove(held)
            held.listen(1)
            return held
    raise ValueError(f"port {port} did not come from closed_port()")


@contextmanager
def unresponsive_port() -> Iterator[int]:
    """A loopback port whose accept queue is full, so a new connect gets no answer (SYN dropped).

    Loopback-only stand-in for an unreachable host: no packet leaves the machine.
    """
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = int(listener.getsockname()[1])
    fillers = []
    try:
        for _ in range(4):  # backlog 0 still admits one; fill it, then further SYNs are dropped
            filler = socket.socket()
            filler.setblocking(False)
            filler.connect_ex(("127.0.0.1", port))
            fillers.append(filler)
        yield port
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


@contextmanager
def sender_server(payload: bytes, close_after: bool = True) -> Iterator[int]:
    """Accepts one connection, sends ``payload``, then closes; yields the port."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = int(listener.getsockname()[1])

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.sendall(payload)
            if not close_after:
                conn.recv(1)

    thread = threading.Thread(target=serve, name="sender-server", daemon=True)
    thread.start()
    try:
        yield port
    finally:
        listener.close()
        thread.join(5)
