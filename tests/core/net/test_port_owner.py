"""Port owners: the test's own process is named for the UDP and TCP ports it holds."""

from __future__ import annotations

import os
import socket

import psutil

from desktop.core.net.port_owner import (
    PortOwner,
    describe_port_owners,
    free_udp_port,
    port_owner,
    port_owners,
)


def _me() -> PortOwner:
    return PortOwner(os.getpid(), psutil.Process().name())


def test_a_udp_port_is_owned_by_this_process() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as held:
        held.bind(("127.0.0.1", 0))
        port = held.getsockname()[1]
        assert port_owner(port, "udp") == _me()
        assert describe_port_owners(port, "udp") == f"{_me().name} (pid {os.getpid()})"
        assert port_owner(port, "tcp") is None  # the same number over TCP is nobody's
    assert port_owner(port, "udp") is None


def test_a_listening_tcp_port_is_owned_by_this_process() -> None:
    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as held:
        held.bind(("::1", 0))
        held.listen()
        port = held.getsockname()[1]
        assert port_owners(port, "tcp") == [_me()]
        assert port_owner(port, "udp") is None


def test_a_client_port_is_not_taken() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        with socket.create_connection(server.getsockname()) as client:
            client_port = client.getsockname()[1]
            assert port_owner(client_port, "tcp") is None


def test_free_port_is_after_the_taken_one() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        found = free_udp_port("127.0.0.1", port)
    assert found is not None and port < found <= port + 20
    assert free_udp_port("127.0.0.1", 65535) is None
