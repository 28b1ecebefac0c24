"""nginx from Debian as a real HTTP/1.1 peer: plain and TLS on 127.0.0.1, gzip, chunked, keep-alive.

Each server gets its own folder (config, pid, logs, temp paths, served files), runs in the
foreground (``daemon off;``) in its own process group, and is stopped (then killed) on exit.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop.core.net.certs import generate_self_signed
from tests.helpers.orphans import dying_with_us

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
HELLO = b"Hello from nginx!\n"
# Text that gzip shrinks: served gzipped (and therefore chunked) to a client that accepts gzip.
BIG_TEXT = b"".join(
    b"line %06d: the quick brown fox jumps over the lazy dog\n" % i for i in range(8000)
)
LARGE_SIZE = 64 << 20  # a sparse file: long enough a download to cancel in the middle

_CONFIG = """\
daemon off;
master_process on;
worker_processes 1;
pid {d}/nginx.pid;
error_log {d}/error.log warn;
{user}
events {{ worker_connections 1024; }}
http {{
    access_log off;
    types {{ text/plain txt; text/html html; application/json json; }}
    default_type application/octet-stream;
    client_body_temp_path {d}/tmp/body;
    proxy_temp_path {d}/tmp/proxy;
    fastcgi_temp_path {d}/tmp/fastcgi;
    uwsgi_temp_path {d}/tmp/uwsgi;
    scgi_temp_path {d}/tmp/scgi;
    sendfile on;
    tcp_nodelay on;
    keepalive_timeout 60s;
    keepalive_requests 1000000;
    gzip on;
    gzip_types text/plain application/json;
    gzip_min_length 64;
    server {{
        listen 127.0.0.1:{port};
        listen 127.0.0.1:{tls_port} ssl;
        ssl_certificate {d}/cert.pem;
        ssl_certificate_key {d}/key.pem;
        ssl_protocols TLSv1.2 TLSv1.3;
        root {d}/www;
        location = /status {{ return 200 "ok\\n"; }}
    }}
}}
"""


@dataclass(frozen=True)
class Nginx:
    """A running nginx.

    Attributes:
        port: plain HTTP on 127.0.0.1.
        tls_port: HTTPS on 127.0.0.1 (self-signed certificate for localhost/127.0.0.1).
        folder: config, logs and the served files (``www/``).
        cert_file: the server's certificate (PEM), to trust it in a test.
    """

    port: int
    tls_port: int
    folder: Path
    cert_file: Path
    host: str = "127.0.0.1"

    def url(self, path: str = "/", *, tls: bool = False) -> str:
        return (
            f"https://{self.host}:{self.tls_port}{path}"
            if tls
            else f"http://{self.host}:{self.port}{path}"
        )


@contextlib.contextmanager
def running_nginx(folder: Path, attempts: int = 5) -> Iterator[Nginx]:
    """Start nginx in ``folder`` on two free loopback ports; stop it when the block ends."""
    _prepare(folder)
    for _ in range(attempts):
        port, tls_port = _free_port(), _free_port()
        process = _start(folder, port, tls_port)
        try:
            if _wait_ready(process, (port, tls_port)):
                yield Nginx(port, tls_port, folder, folder / "cert.pem")
                return
        finally:
            _stop(process)
        if "in use" not in (folder / "error.log").read_text(errors="replace"):
            break
    raise RuntimeError(f"nginx did not start: {(folder / 'error.log').read_text(errors='replace')}")


def _prepare(folder: Path) -> None:
    www = folder / "www"
    for sub in ("tmp", "www"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    cert, key = generate_self_signed("localhost", ("localhost", "127.0.0.1"))
    (folder / "cert.pem").write_bytes(cert)
    (folder / "key.pem").write_bytes(key)
    (www / "hello.txt").write_bytes(HELLO)
    (www / "big.txt").write_bytes(BIG_TEXT)
    (www / "index.html").write_bytes(b"<!doctype html><title>SocketDesk</title><p>nginx\n")
    with (www / "large.bin").open("wb") as large:
        large.truncate(LARGE_SIZE)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _start(folder: Path, port: int, tls_port: int) -> subprocess.Popen[bytes]:
    # As root, workers would switch to "nobody", who cannot read a private temporary folder.
    user = "user root;" if os.geteuid() == 0 else ""
    config = _CONFIG.format(d=folder, user=user, port=port, tls_port=tls_port)
    (folder / "nginx.conf").write_text(config)
    (folder / "error.log").write_text("")
    return subprocess.Popen(
        dying_with_us(
            [
                NGINX,
                "-p",
                str(folder),
                "-c",
                str(folder / "nginx.conf"),
                "-e",
                str(folder / "error.log"),
            ]
        ),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its workers share its process group: stopped together
    )


def _wait_ready(
    process: subprocess.Popen[bytes], ports: tuple[int, ...], timeout: float = 10
) -> bool:
    deadline = time.monotonic() + timeout
    waiting = set(ports)
    while waiting and time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        for port in list(waiting):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
                waiting.discard(port)
        time.sleep(0.02)
    return not waiting


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM (fast shutdown: the master stops its workers), then SIGKILL to the whole group."""
    with contextlib.suppress(ProcessLookupError):
        process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)  # a worker left behind by a crashed master
