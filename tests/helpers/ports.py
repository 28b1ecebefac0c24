"""Ports for test messengers: free for UDP and for TCP, since a messenger's file server listens
on its UDP port's number."""

from __future__ import annotations

import socket

__all__ = ["messenger_port"]


def messenger_port(host: str = "127.0.0.1") -> int:
    """A port on ``host`` that TCP chose (free for TCP) and that UDP could bind too."""
    for _ in range(20):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
            tcp.bind((host, 0))
            port = int(tcp.getsockname()[1])
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
                try:
                    udp.bind((host, port))
                except OSError:
                    continue
        return port
    raise RuntimeError(f"no port free for both UDP and TCP on {host}")
