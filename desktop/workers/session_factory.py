"""Makes session bridges on the application's I/O thread (the panels never see the thread)."""

from __future__ import annotations

from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.relay_bridge import RelayBridge
from desktop.workers.tcp_client_bridge import TcpClientBridge
from desktop.workers.tcp_server_bridge import TcpServerBridge

__all__ = ["SessionFactory"]


class SessionFactory:
    """One per application; every bridge it makes runs its engine on ``io``."""

    def __init__(self, io: EventLoopThread) -> None:
        self.io = io

    def tcp_client(self) -> TcpClientBridge:
        """A new TCP client session bridge."""
        return TcpClientBridge(self.io)

    def tcp_server(self) -> TcpServerBridge:
        """A new TCP server session bridge."""
        return TcpServerBridge(self.io)

    def relay(self) -> RelayBridge:
        """A new TCP relay session bridge."""
        return RelayBridge(self.io)
