"""Whatever a "TLS server" sends instead of a handshake, the exchange ends with one sentence:
never an exception, a hang or a traceback (real sockets on loopback, bytes from hypothesis)."""

from __future__ import annotations

import asyncio

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.http.exchange import HttpTarget, exchange
from desktop.core.net.tls import TlsClientOptions
from tests.helpers.servers import sender_server

# A TLS record header (handshake, TLS 1.2) followed by anything: the parser gets past the
# first byte check more often than with bytes alone.
RECORDISH = st.binary(max_size=64).map(lambda tail: b"\x16\x03\x03" + tail)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reply=st.one_of(st.binary(max_size=2048), RECORDISH))
def test_any_reply_to_a_client_hello_is_a_sentence(reply: bytes) -> None:
    with sender_server(reply) as port:
        target = HttpTarget(
            "127.0.0.1", port, tls=TlsClientOptions(verify=False), connect_timeout=5
        )
        result = asyncio.run(exchange(target, [b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"]))
    assert result.error is not None and str(result.error).endswith(".")
    assert "\n" not in str(result.error) and "Traceback" not in str(result.error)
    assert result.raw_sent == b"" and result.tls_info is None
