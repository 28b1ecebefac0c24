"""Socket engines on asyncio, each reporting through a small sink interface that knows no Qt.

The names below load on first use (PEP 562): importing one engine's module (the TCP server of
``socketdesk-cli tcp serve``) does not load the others (the TCP client pulls in TLS, tempfile,
shutil, bz2, lzma, random: ~1 MiB a server of thousands of clients does not need).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.net.connection import StreamConnection
    from desktop.core.net.resolve import resolve
    from desktop.core.net.tcp_client import TcpClient, TcpClientSink

__all__ = ["StreamConnection", "TcpClient", "TcpClientSink", "resolve"]

_WHERE = {
    "StreamConnection": "desktop.core.net.connection",
    "TcpClient": "desktop.core.net.tcp_client",
    "TcpClientSink": "desktop.core.net.tcp_client",
    "resolve": "desktop.core.net.resolve",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(module), name)
