"""Makes session bridges on the application's I/O thread (the panels never see the thread)."""

from __future__ import annotations

from pathlib import Path

from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.relay_bridge import RelayBridge
from desktop.workers.tcp_client_bridge import TcpClientBridge
from desktop.workers.tcp_server_bridge import TcpServerBridge
from desktop.workers.udp_bridge import UdpBridge

__all__ = ["SessionFactory"]


class SessionFactory:
    """One per application; every bridge it makes runs its engine on ``io``.

    Args:
        io: the application's I/O thread.
        cert_dir: where TLS servers keep their generated self-signed certificate (the
            composition root passes the data directory).
    """

    def __init__(self, io: EventLoopThread, cert_dir: Path) -> None:
        self.io = io
        self.cert_dir = cert_dir

    def tcp_client(self) -> TcpClientBridge:
        """A new TCP client session bridge."""
        return TcpClientBridge(self.io)

    def tcp_server(self) -> TcpServerBridge:
        """A new TCP server session bridge."""
        return TcpServerBridge(self.io, self.cert_dir)

    def relay(self) -> RelayBridge:
        """A new TCP relay session bridge."""
        return RelayBridge(self.io, self.cert_dir)

    def udp_session(self) -> UdpBridge:
        """A new UDP session bridge."""
        return UdpBridge(self.io)
