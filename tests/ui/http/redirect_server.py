"""A loopback HTTP/1.1 server that redirects and sets cookies (nginx's test config has neither).

Routes:
    /login        302 to /home, sets ``sid=abc``
    /home         200, the body says which Cookie and Authorization headers came
    /loop         302 to itself
    /chain/N      302 to /chain/N-1; /chain/0 is 200
    /see-other    303 to /echo
    /temporary    307 to /echo
    /away         302 to ``http://127.0.0.1:PORT/home`` (the server itself, by address)
    /echo         200, the body is the method, then the request body
    /to/PORT      302 to ``http://127.0.0.1:PORT/``
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        return  # quiet: the suite fails on unexpected output only through asserts

    def do_GET(self) -> None:
        self._route()

    def do_POST(self) -> None:
        self._route()

    def do_PUT(self) -> None:
        self._route()

    def _route(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path = self.path.split("?")[0]
        port = self.server.server_address[1]
        if path == "/login":
            self._send(302, b"", [("Location", "/home"), ("Set-Cookie", "sid=abc; Path=/")])
        elif path == "/home":
            cookie = self.headers.get("Cookie", "-")
            auth = self.headers.get("Authorization", "-")
            self._send(200, f"cookie={cookie} auth={auth}".encode())
        elif path == "/loop":
            self._send(302, b"", [("Location", "/loop")])
        elif path.startswith("/chain/"):
            left = int(path.rsplit("/", 1)[1])
            if left:
                self._send(302, b"", [("Location", f"/chain/{left - 1}")])
            else:
                self._send(200, b"end of chain")
        elif path == "/see-other":
            self._send(303, b"", [("Location", "/echo")])
        elif path == "/temporary":
            self._send(307, b"", [("Location", "/echo")])
        elif path == "/away":
            self._send(302, b"", [("Location", f"http://127.0.0.1:{port}/home")])
        elif path.startswith("/to/"):
            self._send(302, b"", [("Location", f"http://127.0.0.1:{path[4:]}/")])
        elif path == "/echo":
            self._send(200, self.command.encode() + b" " + body)
        else:
            self._send(404, b"not found")

    def _send(self, status: int, body: bytes, headers: list[tuple[str, str]] = ()) -> None:  # type: ignore[assignment]
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True


@contextmanager
def redirect_server() -> Iterator[int]:
    """Run the server on an OS-chosen 127.0.0.1 port; yields the port."""
    server = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, name="redirect-server", daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
