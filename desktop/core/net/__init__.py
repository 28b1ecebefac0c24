"""Socket engines on asyncio, each reporting through a small sink interface that knows no Qt."""

from desktop.core.net.connection import StreamConnection
from desktop.core.net.resolve import resolve
from desktop.core.net.tcp_client import TcpClient, TcpClientSink

__all__ = ["StreamConnection", "TcpClient", "TcpClientSink", "resolve"]
