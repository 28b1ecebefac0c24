"""The UDP endpoint on real loopback sockets: echo, connected mode, datagram facts, peers, bind."""

from __future__ import annotations

import asyncio
import os
import socket

import pytest

from desktop.core.errors import AddressInUse, SocketDeskError
from desktop.core.net import udp_mmsg
from desktop.core.net.auto_reply import AutoReplyRule, MatchKind
from desktop.core.net.udp import UdpEndpoint, UdpOptions
from desktop.core.net.udp_facts import Datagram, DatagramTooLarge, PortUnreachable
from desktop.core.net.udp_socket import BindOptions

SockAddr = tuple[object, ...]


@pytest.fixture(params=["recvmmsg", "recvfrom_into"], autouse=True)
def receive_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test runs on both receive paths (recvmmsg is Linux only; the other is everywhere)."""
    if request.param == "recvfrom_into":
        monkeypatch.setattr(udp_mmsg, "available", lambda: False)
    elif not udp_mmsg.available():
        pytest.skip("recvmmsg is Linux only")
    return str(request.param)


class Sink:
    """Collects what the endpoint reports."""

    def __init__(self) -> None:
        self.datagrams: list[Datagram] = []
        self.replies: list[tuple[SockAddr, bytes]] = []
        self.errors: list[SocketDeskError] = []
        self.changed = asyncio.Event()

    def on_datagrams(
        self, datagrams: list[Datagram], replies: list[tuple[SockAddr, bytes]]
    ) -> None:
        self.datagrams += datagrams
        self.replies += replies
        self.changed.set()

    def on_udp_error(self, error: SocketDeskError) -> None:
        self.errors.append(error)
        self.changed.set()

    async def wait(self, until: object, timeout: float = 5.0) -> None:
        async def loop() -> None:
            while not until():  # type: ignore[operator]
                self.changed.clear()
                await self.changed.wait()

        await asyncio.wait_for(loop(), timeout)


def closed_udp_port(family: int = socket.AF_INET) -> int:
    with socket.socket(family, socket.SOCK_DGRAM) as probe:
        probe.bind(("::1" if family == socket.AF_INET6 else "127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def opened(options: UdpOptions) -> tuple[UdpEndpoint, Sink]:
    sink = Sink()
    endpoint = UdpEndpoint(sink)
    await endpoint.open(options)
    return endpoint, sink


@pytest.mark.parametrize(
    ("host", "family"), [("127.0.0.1", socket.AF_INET), ("::1", socket.AF_INET6)]
)
def test_echo_round_trip(host: str, family: int) -> None:
    async def run() -> None:
        endpoint, sink = await opened(UdpOptions(bind=BindOptions(host, 0), echo=True))
        assert endpoint.sock is not None
        with socket.socket(family, socket.SOCK_DGRAM) as client:
            client.settimeout(5)
            client.sendto("你好".encode(), endpoint.sock.getsockname())
            answer = await asyncio.to_thread(client.recvfrom, 100)
            await sink.wait(lambda: sink.replies)
            assert answer[0] == "你好".encode()
            assert [d.data for d in sink.datagrams] == ["你好".encode()]
            assert sink.replies == [(sink.datagrams[0].peer, "你好".encode())]
        assert (endpoint.totals.chunks_in, endpoint.totals.bytes_in) == (1, 6)
        assert (endpoint.totals.chunks_out, endpoint.totals.bytes_out) == (1, 6)
        endpoint.close()

    asyncio.run(run())


def test_dual_stack_hears_ipv4_and_ipv6_and_answers_both() -> None:
    async def run() -> None:
        endpoint, sink = await opened(UdpOptions(bind=BindOptions("", 0)))
        port = endpoint.sock.getsockname()[1]  # type: ignore[union-attr]
        with (
            socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as v4,
            socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) as v6,
        ):
            v4.bind(("127.0.0.1", 0))
            v6.bind(("::1", 0))
            v4.sendto(b"four", ("127.0.0.1", port))
            v6.sendto(b"six", ("::1", port))
            await sink.wait(lambda: len(sink.datagrams) == 2)
            await endpoint.send_to(b"back4", "127.0.0.1", v4.getsockname()[1])
            await endpoint.send_to(b"back6", "::1", v6.getsockname()[1])
            v4.settimeout(5)
            v6.settimeout(5)
            assert v4.recv(10) == b"back4"
            assert v6.recv(10) == b"back6"
        endpoint.close()

    asyncio.run(run())


def test_auto_reply_rules_are_the_tcp_rule_engine() -> None:
    async def run() -> None:
        rules = (AutoReplyRule(MatchKind.REGEX, rb"PING (\d+)", rb"PONG \1"),)
        endpoint, sink = await opened(UdpOptions(bind=BindOptions("127.0.0.1", 0), rules=rules))
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
            client.settimeout(5)
            client.sendto(b"nothing", endpoint.sock.getsockname())  # type: ignore[union-attr]
            client.sendto(b"PING 42", endpoint.sock.getsockname())  # type: ignore[union-attr]
            assert await asyncio.to_thread(client.recv, 100) == b"PONG 42"
        await sink.wait(lambda: len(sink.datagrams) == 2)
        endpoint.close()

    asyncio.run(run())


def test_connected_mode_says_nothing_is_listening() -> None:
    port = closed_udp_port()

    async def run() -> None:
        peer = ("127.0.0.1", port)
        endpoint, sink = await opened(UdpOptions(bind=BindOptions("127.0.0.1", 0), peer=peer))
        endpoint.send(b"anyone?")
        await sink.wait(lambda: sink.errors)
        error = sink.errors[0]
        assert isinstance(error, PortUnreachable)
        assert f"nothing is listening on 127.0.0.1:{port}" in str(error).lower()
        endpoint.close()

    asyncio.run(run())


def test_a_datagram_above_65507_bytes_is_refused_with_a_sentence() -> None:
    async def run() -> None:
        endpoint, _sink = await opened(UdpOptions(bind=BindOptions("127.0.0.1", 0)))
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as peer:
            peer.bind(("127.0.0.1", 0))
            with pytest.raises(DatagramTooLarge) as refused:
                endpoint.send(b"x" * 65_508, peer.getsockname())
            assert str(refused.value) == (
                "A datagram of 65508 bytes is too large: UDP over IPv4 carries at most 65507 "
                "bytes. Nothing was sent."
            )
            assert endpoint.totals.chunks_out == 0
            warning = endpoint.send(b"x" * 65_507, peer.getsockname())
            assert warning is not None and "1472" in str(warning)
            peer.settimeout(5)
            assert len(peer.recv(70_000)) == 65_507
            assert endpoint.send(b"x" * 1472, peer.getsockname()) is None
        endpoint.close()

    asyncio.run(run())


def test_ipv6_limit_is_65527() -> None:
    async def run() -> None:
        endpoint, _sink = await opened(UdpOptions(bind=BindOptions("::1", 0)))
        with socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) as peer:
            peer.bind(("::1", 0))
            with pytest.raises(DatagramTooLarge, match="IPv6 carries at most 65527"):
                endpoint.send(b"x" * 65_528, peer.getsockname())
            endpoint.send(b"x" * 65_527, peer.getsockname())
            peer.settimeout(5)
            assert len(peer.recv(70_000)) == 65_527
        endpoint.close()

    asyncio.run(run())


def test_a_truncated_receive_is_marked() -> None:
    async def run() -> None:
        options = UdpOptions(bind=BindOptions("127.0.0.1", 0), receive_size=100)
        endpoint, sink = await opened(options)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
            client.sendto(b"a" * 300, endpoint.sock.getsockname())  # type: ignore[union-attr]
            client.sendto(b"b" * 100, endpoint.sock.getsockname())  # type: ignore[union-attr]
            await sink.wait(lambda: len(sink.datagrams) == 2)
        cut, whole = sink.datagrams
        assert (cut.truncated, len(cut.data), cut.size) == (True, 100, 300)
        assert (whole.truncated, whole.data) == (False, b"b" * 100)
        assert endpoint.totals.bytes_in == 400
        endpoint.close()

    asyncio.run(run())


def test_the_peer_table_stays_bounded_under_a_many_port_spray() -> None:
    async def run() -> None:
        options = UdpOptions(bind=BindOptions("127.0.0.1", 0), peer_capacity=64)
        endpoint, sink = await opened(options)
        target = endpoint.sock.getsockname()  # type: ignore[union-attr]
        senders = [socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for _ in range(300)]
        try:
            for sender in senders:
                sender.sendto(b"spray", target)
            await sink.wait(lambda: len(sink.datagrams) == 300)
        finally:
            for sender in senders:
                sender.close()
        assert len(endpoint.peers) == 64
        assert endpoint.peers.forgotten == 236
        note = endpoint.peers.forgotten_note()
        assert note is not None and str(note).startswith("236 peers forgotten")
        newest = {row.sockaddr for row in endpoint.peers.snapshot()}
        assert newest == {d.peer for d in sink.datagrams[-64:]}
        endpoint.close()

    asyncio.run(run())


def test_address_in_use_is_typed_and_offers_reuse() -> None:
    async def run() -> None:
        first, _ = await opened(UdpOptions(bind=BindOptions("127.0.0.1", 0)))
        port = first.sock.getsockname()[1]  # type: ignore[union-attr]
        with pytest.raises(AddressInUse) as taken:
            await opened(UdpOptions(bind=BindOptions("127.0.0.1", port)))
        # The system names the program holding the port: this test's own process.
        assert str(taken.value).startswith(f"127.0.0.1:{port} is already in use by ")
        assert f"(pid {os.getpid()})" in str(taken.value)
        assert "SO_REUSEADDR" in str(taken.value)
        unknown = BindOptions("127.0.0.1", port, find_owner=lambda host, p: None)
        with pytest.raises(AddressInUse, match="in use by another program"):
            await opened(UdpOptions(bind=unknown))
        bind = BindOptions("127.0.0.1", port, find_owner=lambda host, p: f"demo (pid {p})")
        with pytest.raises(AddressInUse, match=rf"in use by demo \(pid {port}\)"):
            await opened(UdpOptions(bind=bind))
        first.close()

    asyncio.run(run())


def test_reuse_lets_two_sessions_share_a_port() -> None:
    async def run() -> None:
        bind = BindOptions("127.0.0.1", 0, reuse_address=True, reuse_port=True)
        first, _ = await opened(UdpOptions(bind=bind))
        port = first.sock.getsockname()[1]  # type: ignore[union-attr]
        second, _ = await opened(
            UdpOptions(bind=BindOptions("127.0.0.1", port, reuse_address=True, reuse_port=True))
        )
        assert second.local == f"127.0.0.1:{port}"
        first.close()
        second.close()

    asyncio.run(run())


def test_send_to_an_unknown_host_is_typed() -> None:
    async def run() -> None:
        endpoint, _ = await opened(UdpOptions(bind=BindOptions("127.0.0.1", 0)))
        with pytest.raises(SocketDeskError, match="host name is unknown"):
            await endpoint.send_to(b"x", "no-such-host.invalid", 9)
        endpoint.close()

    asyncio.run(run())


def test_send_to_all_seen_peers() -> None:
    async def run() -> None:
        endpoint, sink = await opened(UdpOptions(bind=BindOptions("127.0.0.1", 0)))
        clients = [socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for _ in range(3)]
        try:
            for client in clients:
                client.settimeout(5)
                client.sendto(b"hi", endpoint.sock.getsockname())  # type: ignore[union-attr]
            await sink.wait(lambda: len(sink.datagrams) == 3)
            assert endpoint.send_to_all(b"all") == 3
            assert [client.recv(10) for client in clients] == [b"all"] * 3
        finally:
            for client in clients:
                client.close()
        rows = endpoint.peers.snapshot()
        assert {(r.datagrams_in, r.datagrams_out, r.bytes_out) for r in rows} == {(1, 1, 3)}
        endpoint.close()

    asyncio.run(run())
