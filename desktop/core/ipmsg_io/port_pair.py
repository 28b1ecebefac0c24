"""The messenger's one port number, for UDP (chat) and TCP (the file server) alike."""

from __future__ import annotations

import socket

from desktop.core.ipmsg.messenger_errors import PortInUse
from desktop.core.ipmsg_io.file_service import FileService
from desktop.core.ipmsg_io.udp_socket import open_udp, udp_host

__all__ = ["bind_both"]

_ANY_PORT_TRIES = 8  # port 0: numbers tried until UDP can take the one TCP chose


async def bind_both(bind: str, port: int, files: FileService) -> socket.socket:
    """The UDP socket on ``bind``:``port``, with ``files`` serving on TCP at the same address
    and port.

    With port 0 (any) TCP chooses first: a port free for TCP is the scarce one on a busy
    machine (every outgoing connection holds one), and the kernel's choice for a listener is
    free for TCP by construction; UDP then takes the same number, and another is chosen in the
    rare case that UDP's is taken.

    Raises:
        PortInUse, PermissionDenied, ListenError (UDP); AddressInUse (TCP): with a sentence.
    """
    if port:
        sock = open_udp(bind, port)
        host, bound = sock.getsockname()[:2]
        try:
            await files.start(host, bound)
        except BaseException:
            sock.close()
            raise
        return sock
    host = udp_host(bind)
    for attempt in range(_ANY_PORT_TRIES):
        _tcp_host, chosen = await files.start(host, 0)
        try:
            return open_udp(host, chosen)
        except PortInUse:
            await files.stop_serving()
            if attempt + 1 >= _ANY_PORT_TRIES:
                raise
        except BaseException:
            await files.stop_serving()
            raise
    raise AssertionError("unreachable")
