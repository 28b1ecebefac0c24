"""Which program holds a UDP port, from ``/proc/net/udp`` and ``/proc/<pid>/fd`` (Linux).

Used to say "UDP port 2425 is already in use by iptux (pid 4242)" instead of only "in use".
Sockets of other users' processes can only be matched by root; then the answer is None.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

__all__ = ["free_udp_port", "udp_port_owner"]

_TABLES = ("net/udp", "net/udp6")
_SCAN_LIMIT = 100_000  # file descriptors looked at, at most: a busy server must not stall us


def udp_port_owner(port: int, proc: Path = Path("/proc")) -> str | None:
    """``name (pid N)`` of the process(es) with a UDP socket bound to ``port``, if findable."""
    inodes = _socket_inodes(port, proc)
    if not inodes:
        return None
    owners: list[str] = []
    looked = 0
    try:
        pids = sorted((entry for entry in os.listdir(proc) if entry.isdigit()), key=int)
    except OSError:
        return None
    for pid in pids:
        fd_dir = proc / pid / "fd"
        try:
            fds = os.listdir(fd_dir)
        except OSError:
            continue  # gone, or not ours to look at
        for fd in fds:
            looked += 1
            if looked > _SCAN_LIMIT:
                break
            try:
                target = os.readlink(fd_dir / fd)
            except OSError:
                continue
            if target.startswith("socket:[") and target[8:-1] in inodes:
                owners.append(f"{_name(proc, pid)} (pid {pid})")
                break
    return ", ".join(owners) or None


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


def _socket_inodes(port: int, proc: Path) -> set[str]:
    inodes: set[str] = set()
    for table in _TABLES:
        try:
            lines = (proc / table).read_text(encoding="ascii", errors="replace").splitlines()
        except OSError:
            continue
        for line in lines[1:]:
            fields = line.split()
            # sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
            if len(fields) < 10 or ":" not in fields[1]:
                continue
            local_port = fields[1].rsplit(":", 1)[1]
            try:
                number = int(local_port, 16)
            except ValueError:
                continue
            if number == port and fields[9] != "0":
                inodes.add(fields[9])
    return inodes


def _name(proc: Path, pid: str) -> str:
    try:
        return (proc / pid / "comm").read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return "a program"
