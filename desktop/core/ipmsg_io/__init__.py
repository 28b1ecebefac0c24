"""The messenger's I/O: runs the sans-IO ``desktop.core.ipmsg`` node on a real UDP socket.

``engine`` hosts a ``MessengerNode`` on asyncio; the interface list and the port owners it uses
are shared with the Workbench (``desktop.core.net.interfaces``, ``desktop.core.net.port_owner``).
Everything that touches a socket, a thread or the clock for the messenger lives here, not in
``ipmsg``.
"""

from desktop.core.ipmsg_io.engine import EngineStats, MessengerEngine
from desktop.core.net.interfaces import broadcast_addresses, interface_addresses

__all__ = ["EngineStats", "MessengerEngine", "broadcast_addresses", "interface_addresses"]
