"""Which program holds a TCP or UDP port, on every desktop (psutil's ``net_connections``).

Used to say "UDP port 2425 is already in use by iptux (pid 4242)" instead of only "in use".
Another user's sockets can only be matched with privileges: then the owner is unknown (None).
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from typing import Any, Literal

__all__ = ["PortOwner", "describe_port_owners", "free_udp_port", "port_owner", "port_owners"]

Protocol = Literal["tcp", "udp"]


@dataclass(frozen=True, slots=True)
class PortOwner:
    """A process with a socket bound to the port.

    Attributes:
        pid: its process id.
        name: its program name (``a program`` when it could not be read).
    """

    pid: int
    name: str

    def __str__(self) -> str:
        return f"{self.name} (pid {self.pid})"


def port_owners(port: int, protocol: Protocol = "udp") -> list[PortOwner]:
    """The processes with a ``protocol`` socket bound to local ``port`` (empty when unknown).

    For TCP only listening sockets count (a client's ephemeral port is not "taken").
    """
    import psutil  # type: ignore[import-untyped]  # noqa: PLC0415  (first use, not start-up)

    try:
        connections = [(item.pid, item) for item in psutil.net_connections(kind=protocol)]
    except (psutil.AccessDenied, PermissionError):
        connections = _own_connections(psutil, protocol)  # macOS without root
    pids: dict[int, None] = {}
    for pid, item in connections:
        if pid is None or not item.laddr or item.laddr.port != port:
            continue
        if protocol == "tcp" and item.status != psutil.CONN_LISTEN:
            continue
        pids.setdefault(int(pid))
    return [PortOwner(pid, _name(psutil, pid)) for pid in sorted(pids)]


def port_owner(port: int, protocol: Protocol = "udp") -> PortOwner | None:
    """The first process holding ``port``, or None when unknown or not permitted."""
    owners = port_owners(port, protocol)
    return owners[0] if owners else None


def describe_port_owners(port: int, protocol: Protocol = "udp") -> str | None:
    """``iptux (pid 77), a program (pid 79)``, or None when no owner can be found."""
    return ", ".join(str(owner) for owner in port_owners(port, protocol)) or None


def free_udp_port(host: str, near: int, span: int = 20) -> int | None:
    """The first port after ``near`` that a UDP socket can bind on ``host``, if any."""
    for port in range(near + 1, min(near + 1 + span, 65536)):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            try:
                probe.bind((host, port))
            except OSError:
                continue
            return port
    return None


def _own_connections(psutil: Any, protocol: Protocol) -> list[tuple[int | None, Any]]:
    """Per-process listing: what the system-wide one refuses, each of our processes still gives."""
    found: list[tuple[int | None, Any]] = []
    for process in psutil.process_iter():
        try:
            found.extend((process.pid, item) for item in process.net_connections(kind=protocol))
        except (psutil.Error, OSError):
            continue
    return found


def _name(psutil: Any, pid: int) -> str:
    try:
        return str(psutil.Process(pid).name()) or "a program"
    except (psutil.Error, OSError):
        return "a program"
