"""The messenger's I/O: runs the sans-IO ``desktop.core.ipmsg`` node on a real UDP socket.

``engine`` hosts a ``MessengerNode`` on asyncio, ``interfaces`` lists this machine's IPv4
addresses and broadcast addresses, ``port_owner`` names the program holding a UDP port. Everything
that touches a socket, a thread or the clock for the messenger lives here, not in ``ipmsg``.
"""

from desktop.core.ipmsg_io.engine import EngineStats, MessengerEngine
from desktop.core.ipmsg_io.interfaces import broadcast_addresses, interface_addresses

__all__ = ["EngineStats", "MessengerEngine", "broadcast_addresses", "interface_addresses"]
