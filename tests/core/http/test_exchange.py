"""The exchange engine against a real nginx on loopback, and against servers that misbehave."""

from __future__ import annotations

import asyncio
import hashlib
import os
import socket
import ssl
import statistics
import subprocess
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from desktop.core.http.anomaly import AnomalyKind
from desktop.core.http.decode import decode_content
from desktop.core.http.exchange import ExchangeResult, HttpTarget, exchange, race
from desktop.core.http.request import build_request
from desktop.core.http.timings import Clock, Timings
from desktop.core.net.tls import TlsClientOptions
from tests.helpers.servers import closed_port, unresponsive_port
from tests.peers.nginx import BIG_TEXT, HELLO, LARGE_SIZE, Nginx, running_nginx


@pytest.fixture(scope="module")
def nginx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nginx]:
    with running_nginx(tmp_path_factory.mktemp("nginx")) as server:
        yield server


def get(path: str, *extra: str) -> bytes:
    lines = [f"GET {path} HTTP/1.1", "Host: localhost", *extra, "", ""]
    return "\r\n".join(lines).encode()


def run(coro: Coroutine[Any, Any, ExchangeResult]) -> ExchangeResult:
    """Run one exchange; a kept-alive connection is closed before the loop ends."""

    async def main() -> ExchangeResult:
        result = await coro
        await close(result)
        return result

    return asyncio.run(main())


async def close(*results: ExchangeResult) -> None:
    for result in results:
        if result.connection is not None:
            result.connection.close()
    await asyncio.sleep(0.01)  # the transports finish closing on this loop


def test_get_over_plain_tcp(nginx: Nginx) -> None:
    result = run(exchange(HttpTarget(nginx.host, nginx.port), [get("/hello.txt")]))
    assert result.error is None
    assert result.reader.raw.startswith(b"HTTP/1.1 200 OK\r\n")
    [response] = result.responses
    assert (response.status, response.body) == (200, HELLO)
    assert result.raw_sent == get("/hello.txt")
    assert result.tls_info is None and result.peer == f"127.0.0.1:{nginx.port}"
    assert result.connection is not None  # nginx keeps HTTP/1.1 connections alive
    assert not result.reader.anomalies


def test_get_over_tls_reports_the_session_and_the_leaf_certificate(nginx: Nginx) -> None:
    tls = TlsClientOptions(verify=True, ca_file=str(nginx.cert_file))
    result = run(exchange(HttpTarget("localhost", nginx.tls_port, tls=tls), [get("/hello.txt")]))
    assert result.error is None
    assert result.responses[0].body == HELLO
    info = result.tls_info
    assert info is not None and info.version == "TLSv1.3" and info.cipher
    leaf = info.peer_chain[0]
    der = ssl.PEM_cert_to_DER_cert(nginx.cert_file.read_text())
    assert leaf.sha256.replace(":", "") == hashlib.sha256(der).hexdigest().upper()
    assert "CN=localhost" in leaf.subject
    assert info.verified is True and info.verification_required
    assert info.server_name_sent == "localhost" and info.alpn == "http/1.1"  # offered by default
    timings = result.timings
    assert timings.tls_ms is not None and timings.tls_ms > 0


def test_tls_over_keep_alive_reuses_the_session_facts(nginx: Nginx) -> None:
    target = HttpTarget("127.0.0.1", nginx.tls_port, tls=TlsClientOptions(verify=False))

    async def main() -> tuple[ExchangeResult, ExchangeResult]:
        first = await exchange(target, [get("/hello.txt")])
        second = await exchange(target, [get("/big.txt")], reuse=first.connection)
        await close(second)
        return first, second

    first, second = asyncio.run(main())
    assert second.reused and second.error is None
    assert second.responses[0].body == BIG_TEXT
    assert second.tls_info is first.tls_info and first.tls_info is not None
    assert first.tls_info.server_name_sent is None  # an address: no SNI unless asked
    assert not first.tls_info.verified and not first.tls_info.verification_required


def test_tls_verification_failure_is_a_sentence(nginx: Nginx) -> None:
    target = HttpTarget("localhost", nginx.tls_port, tls=TlsClientOptions(verify=True))
    result = run(exchange(target, [get("/")]))
    assert result.error is not None and "self-signed" in str(result.error)
    assert result.connection is None and result.reader.raw == b""
    assert result.raw_sent == b""  # nothing was written to a server that failed the check
    info = result.tls_info  # the chain and the reason still come back
    assert info is not None and len(info.peer_chain) == 1 and info.peer_chain[0].self_signed
    assert [p.message for p in info.verify_problems] == ["self-signed certificate"]


def test_sni_override_is_the_name_checked(nginx: Nginx) -> None:
    tls = TlsClientOptions(verify=True, ca_file=str(nginx.cert_file))
    wrong = HttpTarget("127.0.0.1", nginx.tls_port, tls=tls, sni_override="example.test")
    result = run(exchange(wrong, [get("/")]))
    assert result.error is not None and "hostname mismatch" in str(result.error)
    right = HttpTarget("127.0.0.1", nginx.tls_port, tls=tls, sni_override="localhost")
    result = run(exchange(right, [get("/hello.txt")]))
    assert result.error is None


def test_keep_alive_second_request_on_the_same_connection(nginx: Nginx) -> None:
    async def scenario() -> tuple[ExchangeResult, ExchangeResult]:
        target = HttpTarget(nginx.host, nginx.port)
        first = await exchange(target, [get("/hello.txt")])
        second = await exchange(target, [get("/index.html")], reuse=first.connection)
        await close(second)
        return first, second

    first, second = asyncio.run(scenario())
    assert second.reused and second.connection is first.connection
    assert second.connection is not None and second.connection.exchanges == 2
    assert second.responses[0].status == 200 and b"nginx" in second.responses[0].body
    assert second.timings.connect_ms is None and second.timings.dns_ms is None
    assert second.reader.raw.startswith(b"HTTP/1.1 200")  # only the second response


def test_connection_close_is_not_kept_and_a_closed_one_is_replaced(nginx: Nginx) -> None:
    async def scenario() -> tuple[ExchangeResult, ExchangeResult]:
        target = HttpTarget(nginx.host, nginx.port)
        first = await exchange(target, [get("/hello.txt")])
        assert first.connection is not None
        first.connection.close()
        await asyncio.sleep(0.05)
        last = await exchange(
            target, [get("/hello.txt", "Connection: close")], reuse=first.connection
        )
        return first, last

    _, last = asyncio.run(scenario())
    assert last.error is None and not last.reused and last.connection is None
    assert [str(n) for n in last.notes] == [
        "The kept-alive connection had closed; a new one was opened."
    ]


def test_two_pipelined_requests_get_two_responses(nginx: Nginx) -> None:
    requests = [get("/hello.txt"), get("/index.html")]
    result = run(exchange(HttpTarget(nginx.host, nginx.port), requests))
    assert result.error is None and result.raw_sent == b"".join(requests)
    assert [r.status for r in result.responses] == [200, 200]
    assert result.responses[0].body == HELLO and b"<title>" in result.responses[1].body
    assert result.reader.raw.count(b"HTTP/1.1 200 OK") == 2


def test_gzip_comes_chunked_and_decodes(nginx: Nginx) -> None:
    request = get("/big.txt", "Accept-Encoding: gzip")
    result = run(exchange(HttpTarget(nginx.host, nginx.port), [request]))
    [response] = result.responses
    assert response.framing == "chunked" and response.codings() == ["gzip"]
    assert decode_content(response.body, response.codings(), 1 << 24).data == BIG_TEXT


def test_exact_mode_sends_an_lf_only_request_as_typed(nginx: Nginx) -> None:
    built = build_request("GET /hello.txt HTTP/1.1\nHost: localhost\n\n", exact=True)
    assert b"\r" not in built.data
    result = run(exchange(HttpTarget(nginx.host, nginx.port), [built.data]))
    assert result.raw_sent == built.data
    # Recorded: nginx 1.22 accepts bare LF line endings (RFC 9112 §2.2 allows it) and answers.
    assert result.reader.raw.startswith(b"HTTP/1.1 200 OK")
    assert result.responses[0].body == HELLO


def curl_w(url: str) -> dict[str, float]:
    fields = ["namelookup", "connect", "appconnect", "pretransfer", "starttransfer", "total"]
    form = " ".join(f"%{{time_{f}}}" for f in fields)
    out = subprocess.run(
        ["curl", "-s", "-o", "/dev/null", "-w", form, url], capture_output=True, check=True
    )
    return {f"time_{f}": float(v) * 1000 for f, v in zip(fields, out.stdout.split(), strict=True)}


def test_timings_are_monotonic_and_agree_with_curl(nginx: Nginx) -> None:
    ours: list[dict[str, float]] = []
    for _ in range(7):
        result = run(exchange(HttpTarget(nginx.host, nginx.port), [get("/hello.txt")]))
        timings = result.timings
        phases = [timings.dns_ms, timings.connect_ms, timings.request_written_ms]
        phases += [timings.ttfb_ms, timings.download_ms]
        assert all(p is not None and p >= 0 for p in phases) and timings.tls_ms is None
        marks = list(timings.curl_style().values())
        assert marks[:2] + marks[3:] == sorted(marks[:2] + marks[3:])  # appconnect is 0: no TLS
        assert sum(p for p in phases if p) <= timings.total_ms + 0.01
        ours.append(timings.curl_style())
    theirs = [curl_w(nginx.url("/hello.txt")) for _ in range(7)]
    for name in ("time_namelookup", "time_connect", "time_pretransfer", "time_starttransfer"):
        mine = statistics.median(t[name] for t in ours)
        curl = statistics.median(t[name] for t in theirs)
        assert abs(mine - curl) < 20, (name, mine, curl)  # generous: a loaded CI machine


def test_cancel_in_the_middle_of_a_download(nginx: Nginx) -> None:
    cancel = asyncio.Event()
    seen: list[int] = []

    def progress(count: int) -> None:
        seen.append(count)
        if count > 1 << 20:
            cancel.set()

    request = get("/large.bin")
    result = run(
        exchange(HttpTarget(nginx.host, nginx.port), [request], cancel=cancel, progress=progress)
    )
    assert result.error is not None and str(result.error).startswith("Cancelled after ")
    assert 1 << 20 < len(result.reader.raw) < LARGE_SIZE
    assert result.connection is None and seen == sorted(seen)
    assert result.timings.download_ms is not None


def test_cancel_while_connecting() -> None:
    async def scenario(port: int) -> ExchangeResult:
        cancel = asyncio.Event()
        asyncio.get_running_loop().call_later(0.2, cancel.set)
        return await exchange(HttpTarget("127.0.0.1", port), [get("/")], cancel=cancel)

    with unresponsive_port() as port:
        started = time.monotonic()
        result = asyncio.run(scenario(port))
    assert str(result.error) == "Cancelled while connecting."
    assert time.monotonic() - started < 3


def test_cancelling_the_task_stops_the_exchange(nginx: Nginx) -> None:
    async def scenario() -> None:
        def progress(count: int) -> None:
            if count > 1 << 20:
                task.cancel()

        target = HttpTarget(nginx.host, nginx.port)
        task = asyncio.ensure_future(exchange(target, [get("/large.bin")], progress=progress))
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(scenario())


# --- servers that misbehave on purpose ---------------------------------------------------------


@contextmanager
def scripted_server(
    script: Callable[[socket.socket, threading.Event], None], first_read: int = 65536
) -> Iterator[int]:
    """A loopback server running ``script(connection, stop)`` for each client; yields the port."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.05)
    stop = threading.Event()
    threads: list[threading.Thread] = []

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            thread = threading.Thread(target=handle, args=(connection,), daemon=True)
            threads.append(thread)
            thread.start()

    def handle(connection: socket.socket) -> None:
        with connection:
            connection.recv(first_read)
            try:
                script(connection, stop)
            except OSError:
                return

    acceptor = threading.Thread(target=serve, daemon=True)
    acceptor.start()
    try:
        yield int(listener.getsockname()[1])
    finally:
        stop.set()
        acceptor.join(5)
        for thread in threads:
            thread.join(5)
        listener.close()


def silent(connection: socket.socket, stop: threading.Event) -> None:
    stop.wait(10)


def drip(connection: socket.socket, stop: threading.Event) -> None:
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n")
    while not stop.wait(0.02):
        connection.sendall(b".")


def early_close(connection: socket.socket, stop: threading.Event) -> None:
    connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc")


def test_read_timeout_against_a_silent_server() -> None:
    with scripted_server(silent) as port:
        target = HttpTarget("127.0.0.1", port, read_timeout=0.3)
        started = time.monotonic()
        result = run(exchange(target, [get("/")]))
    assert 0.25 < time.monotonic() - started < 3
    assert (
        str(result.error) == "The server sent nothing for 0.3 s (read timeout) before any response."
    )
    assert result.connection is None and result.timings.ttfb_ms is None


def test_a_slow_drip_stops_at_the_total_timeout() -> None:
    with scripted_server(drip) as port:
        target = HttpTarget("127.0.0.1", port, read_timeout=5, total_timeout=0.5)
        started = time.monotonic()
        result = run(exchange(target, [get("/")]))
    assert time.monotonic() - started < 3
    assert result.error is not None and str(result.error).startswith(
        "The exchange took longer than 0.5 s (total timeout) after "
    )
    assert result.responses[0].status == 200 and 0 < len(result.responses[0].body) < 1000
    assert AnomalyKind.SHORT_BODY in {a.kind for a in result.reader.anomalies}


def test_a_server_that_reads_nothing_gives_a_write_timeout() -> None:
    body = b"x" * (64 << 20)  # more than the kernel's buffers on both sides
    request = b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % len(body) + body
    with scripted_server(silent) as port:
        target = HttpTarget("127.0.0.1", port, read_timeout=0.5)
        started = time.monotonic()
        result = run(exchange(target, [request]))
    assert time.monotonic() - started < 5
    assert (
        str(result.error)
        == "The server took no request bytes for 0.5 s (write timeout) before any response."
    )
    assert result.connection is None and result.timings.request_written_ms is None


def test_early_close_keeps_the_partial_response() -> None:
    with scripted_server(early_close) as port:
        result = run(exchange(HttpTarget("127.0.0.1", port), [get("/")]))
    assert result.error is not None
    assert str(result.error).startswith(
        "The server closed the connection before the response was complete"
    )
    assert result.responses[0].body == b"abc"
    assert AnomalyKind.SHORT_BODY in {a.kind for a in result.reader.anomalies}


def test_bytes_on_an_idle_connection_are_read_first_and_said() -> None:
    def unsolicited(connection: socket.socket, stop: threading.Event) -> None:
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
        stop.wait(0.1)
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nextra")
        connection.recv(65536)
        connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
        stop.wait(1)

    async def scenario(port: int) -> ExchangeResult:
        target = HttpTarget("127.0.0.1", port)
        first = await exchange(target, [get("/")])
        await asyncio.sleep(0.3)
        second = await exchange(target, [get("/")], reuse=first.connection)
        await close(second)
        return second

    with scripted_server(unsolicited) as port:
        second = asyncio.run(scenario(port))
    assert second.reused and second.responses[0].body == b"extra"
    assert [str(n) for n in second.notes] == [
        "43 bytes had arrived on the idle connection; they are read first."
    ]


def test_refused_and_unknown_host_are_sentences() -> None:
    port = closed_port()
    result = run(exchange(HttpTarget("127.0.0.1", port), [get("/")]))
    assert str(result.error) == (
        f"Could not connect to 127.0.0.1:{port}: the connection was refused "
        "(is a server listening there?)."
    )
    result = run(exchange(HttpTarget("nowhere.invalid", 80), [get("/")]))
    assert result.error is not None and "host name is unknown" in str(result.error)
    assert result.timings.total_ms >= 0 and result.timings.connect_ms is None


def test_race_sends_on_five_connections_and_all_answer(nginx: Nginx) -> None:
    async def scenario() -> list[ExchangeResult]:
        results = await race(HttpTarget(nginx.host, nginx.port), get("/hello.txt"), 5)
        await close(*results)
        return results

    results = asyncio.run(scenario())
    assert [r.error for r in results] == [None] * 5
    assert [r.responses[0].status for r in results] == [200] * 5
    assert all(r.raw_sent == get("/hello.txt") for r in results)
    locals_ = {r.connection.stream.local for r in results if r.connection is not None}
    assert len(locals_) == 5


def test_race_holds_the_last_byte_back_then_releases_them_together() -> None:
    arrivals: list[tuple[float, float]] = []  # (first bytes, last byte) per connection

    def record(connection: socket.socket, stop: threading.Event) -> None:
        data = connection.recv(65536)
        first = time.monotonic()
        while not data.endswith(b"\r\n\r\n") and (chunk := connection.recv(65536)):
            data += chunk
        arrivals.append((first, time.monotonic()))
        connection.sendall(b"HTTP/1.1 204 No Content\r\n\r\n")

    async def scenario(port: int) -> list[ExchangeResult]:
        results = await race(HttpTarget("127.0.0.1", port), get("/"), 5, settle=0.2)
        await close(*results)
        return results

    with scripted_server(record, first_read=0) as port:
        results = asyncio.run(scenario(port))
    assert [r.responses[0].status for r in results] == [204] * 5
    lasts = [last for _, last in arrivals]
    assert max(lasts) - min(lasts) < 0.1
    assert all(last - first >= 0.15 for first, last in arrivals)


def test_nothing_is_left_running(tmp_path: Path) -> None:
    with running_nginx(tmp_path) as server:
        pid = int((server.folder / "nginx.pid").read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_timings_from_a_clock_name_phases_and_curl_marks() -> None:
    clock = Clock()
    start = clock.start
    clock.namelookup, clock.connect = start + 100_000, start + 300_000
    clock.pretransfer, clock.posttransfer = start + 400_000, start + 500_000
    clock.starttransfer, clock.end = start + 1_500_000, start + 2_000_000
    timings = clock.timings()
    assert (timings.dns_ms, timings.connect_ms, timings.tls_ms) == (0.1, 0.2, None)
    assert (timings.request_written_ms, timings.ttfb_ms, timings.download_ms) == (0.1, 1.0, 0.5)
    assert timings.total_ms == 2.0
    assert timings.curl_style() == {
        "time_namelookup": 0.1,
        "time_connect": 0.3,
        "time_appconnect": 0.0,
        "time_pretransfer": 0.4,
        "time_posttransfer": 0.5,
        "time_starttransfer": 1.5,
        "time_total": 2.0,
    }
    assert timings.summary() == (
        "dns 0.10 ms · connect 0.20 ms · request 0.10 ms · wait 1.00 ms · download 0.50 ms"
        " · total 2.00 ms"
    )
    bare = Timings(None, None, None, 0.1, 1.0, 0.5, 2.0)  # no marks: summed from the phases
    assert bare.curl_style()["time_starttransfer"] == 1.1


def test_a_result_is_handed_over_frozen_so_the_gui_thread_copies_nothing(nginx: Nginx) -> None:
    """The reader's buffer becomes ``bytes`` on the loop's thread, before the result leaves
    it: the GUI thread reading ``raw`` of a 100 MiB response must not copy it (a long stall)."""
    result = run(exchange(HttpTarget(nginx.host, nginx.port), [get("/large.bin")]))
    assert result.error is None and result.responses[0].body_size == LARGE_SIZE
    assert result.reader.frozen
    assert result.reader.raw is result.reader.raw  # no copy when asked
