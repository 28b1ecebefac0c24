"""Every hostile case of issue #5 through ``exchange()``: the raw bytes are all there, a clear
parse message is reported, memory stays within the reader's caps, cancel and timeouts work.

The server is ``tests/peers/hostile_http.py`` on loopback, plain and over TLS (the TLS cases
also exercise the pyOpenSSL pipe under a hostile stream).
"""

from __future__ import annotations

import asyncio
import tracemalloc
from collections.abc import Iterator

import pytest

from desktop.core.http.anomaly import AnomalyKind
from desktop.core.http.exchange import ExchangeResult, HttpTarget, exchange
from desktop.core.http.link import READ_SIZE
from desktop.core.http.response import MAX_HEADER_BYTES
from desktop.core.net.tls import TlsClientOptions, TlsServerOptions, server_context
from tests.helpers.servers import unresponsive_port
from tests.peers import hostile_http
from tests.peers.hostile_http import HostileServer, running_hostile

CAP = 1 << 20  # the body cap given to exchange() in these tests


@pytest.fixture(scope="module", params=["plain", "tls"])
def server(request: pytest.FixtureRequest) -> Iterator[HostileServer]:
    tls = server_context(TlsServerOptions()) if request.param == "tls" else None
    with running_hostile(tls) as hostile:
        yield hostile


def target(server: HostileServer, **timeouts: float) -> HttpTarget:
    tls = TlsClientOptions(verify=False) if server.tls is not None else None
    settings: dict[str, float] = {"connect_timeout": 5, "read_timeout": 5, **timeouts}
    return HttpTarget(server.host, server.port, tls=tls, **settings)  # type: ignore[arg-type]


def ask(
    server: HostileServer,
    behaviour: str,
    *,
    cancel_at: int | None = None,
    query: dict[str, object] | None = None,
    **timeouts: float,
) -> ExchangeResult:
    """One exchange asking for ``behaviour``; ``cancel_at``: cancel once that many bytes came."""

    async def main() -> ExchangeResult:
        cancel = asyncio.Event()

        def progress(received: int) -> None:
            if cancel_at is not None and received >= cancel_at:
                cancel.set()

        result = await exchange(
            target(server, **timeouts),
            [HostileServer.request(behaviour, **(query or {}))],
            cancel=cancel,
            max_response_bytes=CAP,
            progress=progress,
        )
        if result.connection is not None:
            result.connection.close()
        await asyncio.sleep(0.01)
        return result

    return asyncio.run(main())


def kinds(result: ExchangeResult) -> list[AnomalyKind]:
    return [anomaly.kind for anomaly in result.reader.anomalies]


def test_malformed_status_line_shows_every_byte_and_says_where_parsing_stopped(
    server: HostileServer,
) -> None:
    result = ask(server, "bad_status")
    assert result.reader.raw == hostile_http.BAD_STATUS
    assert kinds(result) == [AnomalyKind.MALFORMED_STATUS_LINE]
    assert result.reader.error_offset == 0
    assert "status line" in str(result.reader.anomalies[0].message)
    assert result.responses[0].status is None


def test_lf_only_lines_are_accepted_and_flagged(server: HostileServer) -> None:
    result = ask(server, "lf_only")
    assert result.error is None and result.reader.raw == hostile_http.LF_ONLY
    assert kinds(result) == [AnomalyKind.LF_ONLY_LINE]
    assert result.responses[0].status == 200 and result.responses[0].body == b"hello\n"


def test_endless_chunked_body_stops_at_the_cap_with_bounded_memory(server: HostileServer) -> None:
    tracemalloc.start()
    try:
        result = ask(server, "endless_chunked")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    served = server.last()
    assert served.sent > CAP and result.reader.discarded > 0  # more came; it was not kept
    assert kinds(result) == [AnomalyKind.BODY_TRUNCATED_BY_CAP]
    assert "reached the cap of 1.0 MiB" in str(result.reader.anomalies[0].message)
    assert len(result.reader.raw) <= CAP + READ_SIZE
    assert result.reader.raw.startswith(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n")
    assert peak < 12 * CAP, f"peak {peak} bytes"
    assert result.connection is None  # an unfinished response is never reused


def test_a_1mb_header_line_is_read_whole(server: HostileServer) -> None:
    result = ask(server, "huge_header")
    assert result.error is None and kinds(result) == []
    response = result.responses[0]
    assert response.header_values(b"x-huge") == [b"h" * hostile_http.HUGE_HEADER_SIZE]
    assert response.body == b"ok"


def test_an_endless_header_stops_at_the_header_cap(server: HostileServer) -> None:
    result = ask(server, "endless_header")
    assert server.last().sent > MAX_HEADER_BYTES
    assert kinds(result) == [AnomalyKind.HEADER_TOO_LARGE]
    assert "headers reached the cap" in str(result.reader.anomalies[0].message)
    assert len(result.reader.raw) == MAX_HEADER_BYTES and result.reader.discarded > 0


def test_content_length_larger_than_the_body(server: HostileServer) -> None:
    result = ask(server, "content_length_larger")
    assert result.reader.raw == hostile_http.LARGER
    assert kinds(result) == [AnomalyKind.SHORT_BODY]
    assert "91 bytes short" in str(result.reader.anomalies[0].message)
    assert result.error is not None and "before the response was complete" in str(result.error)
    assert result.responses[0].body == b"only nine"


def test_content_length_smaller_than_the_body_keeps_the_bytes_after_it(
    server: HostileServer,
) -> None:
    result = ask(server, "content_length_smaller")
    assert result.reader.raw == hostile_http.SMALLER  # including the bytes after the body
    assert kinds(result) == [AnomalyKind.EXTRA_BYTES_AFTER_BODY]
    extra = result.reader.anomalies[0]
    assert result.reader.raw[extra.offset :] == b"SMUGGLED BYTES AFTER THE BODY"
    assert result.responses[0].body == b"ok"
    assert result.connection is None  # junk on the connection: it is not reused


@pytest.mark.parametrize("behaviour", ["closed_mid_body", "reset_mid_body"])
def test_connection_closed_mid_body_keeps_the_partial_response(
    server: HostileServer, behaviour: str
) -> None:
    result = ask(server, behaviour)
    assert result.reader.raw == hostile_http.MID_BODY
    assert kinds(result) == [AnomalyKind.SHORT_BODY]
    assert "993 bytes short" in str(result.reader.anomalies[0].message)
    assert result.error is not None and "48 bytes were received" in str(result.error)


def test_empty_reply_is_a_sentence(server: HostileServer) -> None:
    result = ask(server, "empty")
    assert result.reader.raw == b"" and kinds(result) == [AnomalyKind.EMPTY_RESPONSE]
    assert result.error is not None and "without answering" in str(result.error)


def test_a_silent_server_trips_the_read_timeout(server: HostileServer) -> None:
    result = ask(server, "silent", read_timeout=0.3)
    assert result.error is not None and "(read timeout)" in str(result.error)
    assert server.last().ended == "client closed"  # the connection was closed, not leaked


def test_a_slow_drip_never_trips_the_read_timeout(server: HostileServer) -> None:
    """The whole drip lasts far longer than the read timeout, yet no silence is that long."""
    interval, read_timeout = 0.02, 0.5
    assert len(hostile_http.DRIP) * interval > 2 * read_timeout
    result = ask(server, "slow_drip", query={"interval": interval}, read_timeout=read_timeout)
    assert result.error is None and result.reader.raw == hostile_http.DRIP
    assert result.responses[0].complete


def test_a_slow_drip_stops_at_the_total_timeout(server: HostileServer) -> None:
    result = ask(server, "slow_drip", query={"interval": 0.05}, read_timeout=5, total_timeout=0.3)
    assert result.error is not None and "(total timeout)" in str(result.error)
    raw = result.reader.raw
    assert raw and hostile_http.DRIP.startswith(raw) and len(raw) < len(hostile_http.DRIP)


def test_cancel_during_a_slow_drip_is_honoured_at_once(server: HostileServer) -> None:
    """1 byte/s, as in the issue: cancelled after the second byte, the exchange ends with those
    bytes, and the server sees the client go before it has dripped the rest."""
    result = ask(server, "slow_drip", query={"interval": 1.0}, cancel_at=2)
    assert result.error is not None and str(result.error).startswith("Cancelled after 2 bytes")
    assert result.reader.raw == hostile_http.DRIP[:2]
    served = server.last()
    assert served.ended == "client closed" and served.sent < len(hostile_http.DRIP)


def test_cancel_in_the_middle_of_an_endless_body(server: HostileServer) -> None:
    result = ask(server, "endless_chunked", cancel_at=100_000)
    assert result.error is not None and str(result.error).startswith("Cancelled after")
    assert 100_000 <= len(result.reader.raw) < CAP
    assert AnomalyKind.BODY_TRUNCATED_BY_CAP not in kinds(result)


def test_cancel_while_the_tls_handshake_waits() -> None:
    """A server that accepts but never answers the ClientHello: cancel still ends it."""
    with running_hostile() as silent_plain:

        async def main() -> ExchangeResult:
            cancel = asyncio.Event()
            tls_target = HttpTarget(
                silent_plain.host, silent_plain.port, tls=TlsClientOptions(verify=False)
            )
            task = asyncio.ensure_future(
                exchange(tls_target, [b"GET / HTTP/1.1\r\n\r\n"], cancel=cancel)
            )
            while not silent_plain.accepted.acquire(blocking=False):
                await asyncio.sleep(0.01)
            cancel.set()
            return await task

        result = asyncio.run(main())
    assert str(result.error) == "Cancelled while connecting."
    assert result.timings.total_ms > 0 and result.raw_sent == b""


def test_cancel_while_the_tcp_connect_waits() -> None:
    with unresponsive_port() as port:

        async def main() -> ExchangeResult:
            cancel = asyncio.Event()
            loop = asyncio.get_running_loop()
            loop.call_later(0.1, cancel.set)
            return await exchange(
                HttpTarget("127.0.0.1", port), [b"GET / HTTP/1.1\r\n\r\n"], cancel=cancel
            )

        result = asyncio.run(main())
    assert str(result.error) == "Cancelled while connecting."


def test_no_status_line_at_all_is_shown_unparsed(server: HostileServer) -> None:
    result = ask(server, "http09")
    assert result.reader.raw == hostile_http.HTTP09
    assert kinds(result) == [AnomalyKind.MALFORMED_STATUS_LINE]
    assert "does not start with “HTTP/”" in str(result.reader.anomalies[0].message)


def test_a_bad_chunk_size_ends_the_body_before_it(server: HostileServer) -> None:
    result = ask(server, "bad_chunk")
    assert result.reader.raw == hostile_http.BAD_CHUNK
    assert kinds(result) == [AnomalyKind.BAD_CHUNK_SIZE]
    assert result.reader.error_offset == hostile_http.BAD_CHUNK.index(b"ZZ")
    assert result.responses[0].body == b"hello"


def test_content_length_with_chunked_is_flagged_and_chunked_wins(server: HostileServer) -> None:
    result = ask(server, "content_length_and_chunked")
    assert result.error is None and result.reader.raw == hostile_http.CL_TE
    assert kinds(result) == [AnomalyKind.TE_WITH_CONTENT_LENGTH]
    assert result.responses[0].body == b"abc"


def test_a_flood_of_interim_responses_then_the_answer(server: HostileServer) -> None:
    result = ask(server, "continue_flood")
    assert result.error is None and result.reader.raw == hostile_http.CONTINUE_FLOOD
    statuses = [response.status for response in result.responses]
    assert statuses == [100] * hostile_http.CONTINUES + [200]
    assert result.responses[-1].body == b"done"


def test_a_status_line_cut_short_is_incomplete_not_malformed(server: HostileServer) -> None:
    result = ask(server, "slow_drip", query={"interval": 0.05}, cancel_at=3)
    assert result.reader.raw == hostile_http.DRIP[:3]
    assert kinds(result) == [AnomalyKind.INCOMPLETE_HEAD]
