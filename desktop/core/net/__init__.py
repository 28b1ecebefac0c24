"""Socket engines on asyncio, each reporting through a small sink interface that knows no Qt."""

from desktop.core.net.resolve import resolve
from desktop.core.net.tcp_client import TcpClient, TcpClientSink

__all__ = ["TcpClient", "TcpClientSink", "resolve"]
