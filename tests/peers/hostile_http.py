"""A hostile HTTP server for the suite: what no real server does on purpose.

Loopback only, one thread per connection, at most ``MAX_CONNECTIONS`` at a time. The request
target names the behaviour (``GET /endless_chunked HTTP/1.1``), with parameters in the query
(``/slow_drip?interval=0.2``). Plain TCP, or TLS with an ``ssl`` server context. Every
connection is logged (:class:`Served`: what was asked, how many bytes went out, how it ended),
so a test can tell what the server did, not only what the client saw.

Behaviours (see :data:`BEHAVIOURS`): ``bad_status``, ``lf_only``, ``endless_chunked``,
``huge_header`` (a 1 MB header line), ``endless_header``, ``slow_drip``,
``content_length_larger`` (than the body), ``content_length_smaller`` (than the body),
``closed_mid_body``, ``reset_mid_body``, ``silent``, ``empty``; and from the research
notes' matrix: ``http09`` (no status line), ``bad_chunk``, ``content_length_and_chunked``,
``continue_flood`` (1,000 ``100 Continue`` before the answer); and ``big_body`` (a
well-formed text body of ``?size=`` bytes) for the views' own caps.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import struct
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

__all__ = ["BEHAVIOURS", "HostileServer", "Served", "running_hostile"]

MAX_CONNECTIONS = 64  # a test opens a handful; more means a runaway client
MAX_REQUEST_HEAD = 64 * 1024
HUGE_HEADER_SIZE = 1_000_000  # "a 1 MB header line" (under the reader's 1 MiB cap)
CHUNK = b"x" * 1024
SEND_TIMEOUT = 10.0  # a client that stops reading does not hold a thread forever

BAD_STATUS = b"HTTP/1.1 2000 WHAT\r\nContent-Length: 5\r\n\r\nhello"
LF_ONLY = b"HTTP/1.1 200 OK\nContent-Type: text/plain\nContent-Length: 6\n\nhello\n"
DRIP = b"HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\none byte at a time, slowly, on purpose!\n"
LARGER = b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly nine"
SMALLER = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokSMUGGLED BYTES AFTER THE BODY"
MID_BODY = b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npartial"
HTTP09 = b"<html>no status line at all</html>\n"
BAD_CHUNK = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nZZ\r\nmore\r\n"
CL_TE = (
    b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
    b"3\r\nabc\r\n0\r\n\r\n"
)
CONTINUES = 1000
CONTINUE_FLOOD = b"HTTP/1.1 100 Continue\r\n\r\n" * CONTINUES + (
    b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\ndone"
)


@dataclass
class Served:
    """One connection as the server saw it.

    Attributes:
        path: the behaviour asked for ("" before the request arrived).
        sent: bytes written to the client.
        ended: how it ended: ``"done"``, ``"client closed"``, ``"stopped"``, ``"timeout"``.
        finished: set when the connection's thread is done.
    """

    path: str = ""
    sent: int = 0
    ended: str = ""
    finished: threading.Event = field(default_factory=threading.Event)


class _ClientGone(Exception):
    """The client closed or stopped reading."""


class _Conn:
    def __init__(self, sock: socket.socket, served: Served, stop: threading.Event) -> None:
        self.sock, self.served, self.stop = sock, served, stop

    def send(self, data: bytes) -> None:
        if self.stop.is_set():
            raise _ClientGone("stopped")
        try:
            self.sock.sendall(data)
        except (OSError, ssl.SSLError) as error:
            raise _ClientGone(str(error)) from None
        self.served.sent += len(data)

    def wait(self, seconds: float) -> None:
        """Sleep, but notice the client closing or the server stopping."""
        if self.stop.wait(seconds):
            raise _ClientGone("stopped")
        if self._client_closed():
            raise _ClientGone("client closed")

    def _client_closed(self) -> bool:
        try:
            self.sock.setblocking(False)
            try:
                data = self.sock.recv(1)
            finally:
                self.sock.setblocking(True)
                self.sock.settimeout(SEND_TIMEOUT)
        except (BlockingIOError, ssl.SSLWantReadError):
            return False
        except (OSError, ssl.SSLError):
            return True
        return data == b""


Behaviour = Callable[[_Conn, dict[str, str]], None]


def _bad_status(conn: _Conn, query: dict[str, str]) -> None:
    conn.send(BAD_STATUS)


def _lf_only(conn: _Conn, query: dict[str, str]) -> None:
    conn.send(LF_ONLY)


def _endless_chunked(conn: _Conn, query: dict[str, str]) -> None:
    conn.send(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
    piece = b"%x\r\n%s\r\n" % (len(CHUNK), CHUNK)
    batch = piece * 64
    while True:
        conn.send(batch)


def _huge_header(conn: _Conn, query: dict[str, str]) -> None:
    conn.send(b"HTTP/1.1 200 OK\r\nX-Huge: " + b"h" * HUGE_HEADER_SIZE + b"\r\n")
    conn.send(b"Content-Length: 2\r\n\r\nok")


def _endless_header(conn: _Conn, query: dict[str, str]) -> None:
    conn.send(b"HTTP/1.1 200 OK\r\nX-Endless: ")
    batch = b"e" * 65536
    while True:
        conn.send(batch)


def _slow_drip(conn: _Conn, query: dict[str, str]) -> None:
    interval = float(query.get("interval", "1.0"))
    for index in range(len(DRIP)):
        if index:
            conn.wait(interval)
        conn.send(DRIP[index : index + 1])


def _larger(conn: _Conn, query: dict[str, str]) -> None:
    conn.send(LARGER)


def _smaller(conn: _Conn, query: dict[str, str]) -> None:
    conn.send(SMALLER)


def _closed_mid_body(conn: _Conn, query: dict[str, str]) -> None:
    conn.send(MID_BODY)


def _reset_mid_body(conn: _Conn, query: dict[str, str]) -> None:
    conn.send(MID_BODY)
    conn.wait(0.05)  # let the bytes leave before the reset
    # SO_LINGER with a zero timeout: close() sends RST instead of FIN.
    conn.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def _silent(conn: _Conn, query: dict[str, str]) -> None:
    while True:
        conn.wait(0.05)


def _empty(conn: _Conn, query: dict[str, str]) -> None:
    return


def _http09(conn: _Conn, query: dict[str, str]) -> None:
    conn.send(HTTP09)


def _bad_chunk(conn: _Conn, query: dict[str, str]) -> None:
    conn.send(BAD_CHUNK)


def _cl_te(conn: _Conn, query: dict[str, str]) -> None:
    conn.send(CL_TE)


def _continue_flood(conn: _Conn, query: dict[str, str]) -> None:
    conn.send(CONTINUE_FLOOD)


def _big_body(conn: _Conn, query: dict[str, str]) -> None:
    size = int(query.get("size", str(1 << 20)))
    conn.send(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % size)
    line = b"b" * 1023 + b"\n"
    for _ in range(size // len(line)):
        conn.send(line)
    conn.send(b"b" * (size % len(line)))


BEHAVIOURS: dict[str, Behaviour] = {
    "bad_status": _bad_status,
    "lf_only": _lf_only,
    "endless_chunked": _endless_chunked,
    "huge_header": _huge_header,
    "endless_header": _endless_header,
    "slow_drip": _slow_drip,
    "content_length_larger": _larger,
    "content_length_smaller": _smaller,
    "closed_mid_body": _closed_mid_body,
    "reset_mid_body": _reset_mid_body,
    "silent": _silent,
    "empty": _empty,
    "http09": _http09,
    "bad_chunk": _bad_chunk,
    "content_length_and_chunked": _cl_te,
    "continue_flood": _continue_flood,
    "big_body": _big_body,
}


class HostileServer:
    """A running hostile server: ``host``, ``port``, and the log of ``served`` connections."""

    def __init__(self, listener: socket.socket, tls: ssl.SSLContext | None) -> None:
        self.host = "127.0.0.1"
        self.port = int(listener.getsockname()[1])
        self.tls = tls
        self.served: list[Served] = []
        self._listener = listener
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self.accepted = threading.Semaphore(0)  # released once per accepted connection

    @staticmethod
    def request(behaviour: str, **query: object) -> bytes:
        """The request that asks for ``behaviour``."""
        target = "/" + behaviour
        if query:
            target += "?" + "&".join(f"{k}={v}" for k, v in query.items())
        return f"GET {target} HTTP/1.1\r\nHost: localhost\r\n\r\n".encode()

    def last(self, timeout: float = 10.0) -> Served:
        """The latest connection, once its thread has finished."""
        deadline = time.monotonic() + timeout
        while not self.served and time.monotonic() < deadline:
            time.sleep(0.01)
        served = self.served[-1]
        served.finished.wait(max(0.0, deadline - time.monotonic()))
        return served

    # -- server threads ------------------------------------------------------------------------
    def serve(self) -> None:
        while not self._stop.is_set():
            try:
                sock, _ = self._listener.accept()
            except OSError:
                return  # the listener was closed: stopping
            served = Served()
            with self._lock:
                self._threads = [t for t in self._threads if t.is_alive()]
                if len(self._threads) >= MAX_CONNECTIONS:
                    sock.close()
                    continue
                self.served.append(served)
                thread = threading.Thread(
                    target=self._handle, args=(sock, served), name="hostile-conn", daemon=True
                )
                self._threads.append(thread)
                thread.start()  # under the lock: stop() never sees a thread not yet started
            self.accepted.release()

    def _handle(self, sock: socket.socket, served: Served) -> None:
        try:
            sock.settimeout(SEND_TIMEOUT)
            if self.tls is not None:
                sock = self.tls.wrap_socket(sock, server_side=True)
            conn = _Conn(sock, served, self._stop)
            path, query = self._read_request(conn)
            served.path = path
            BEHAVIOURS.get(path, _empty)(conn, query)
            served.ended = "done"
        except _ClientGone as why:
            served.ended = "stopped" if str(why) == "stopped" else "client closed"
        except TimeoutError:
            served.ended = "timeout"
        except (OSError, ssl.SSLError, ValueError):
            served.ended = "client closed"
        finally:
            with contextlib.suppress(OSError):
                sock.close()
            served.finished.set()

    def _read_request(self, conn: _Conn) -> tuple[str, dict[str, str]]:
        head = b""
        while b"\r\n\r\n" not in head and b"\n\n" not in head:
            if self._stop.is_set():
                raise _ClientGone("stopped")
            try:
                data = conn.sock.recv(4096)
            except (OSError, ssl.SSLError) as error:
                raise _ClientGone(str(error)) from None
            if not data or len(head) > MAX_REQUEST_HEAD:
                raise _ClientGone("client closed")
            head += data
        words = head.split(b"\n", 1)[0].split()
        target = urlsplit(words[1].decode("latin-1") if len(words) > 1 else "/")
        query = {k: v[-1] for k, v in parse_qs(target.query).items()}
        return target.path.strip("/"), query

    def stop(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):  # wakes the thread blocked in accept() (Linux)
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(SEND_TIMEOUT + 5)


@contextlib.contextmanager
def running_hostile(tls: ssl.SSLContext | None = None) -> Iterator[HostileServer]:
    """Run a hostile server on 127.0.0.1 (a free port); stopped with its threads at the end."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(MAX_CONNECTIONS)
    server = HostileServer(listener, tls)
    acceptor = threading.Thread(target=server.serve, name="hostile-accept", daemon=True)
    acceptor.start()
    try:
        yield server
    finally:
        server.stop()
        acceptor.join(5)
