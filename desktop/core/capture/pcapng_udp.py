"""A UDP session's datagrams as a pcapng file, one packet per datagram (boundaries kept).

The frames are written by ``pcapng.PcapngTcpWriter`` for endpoints whose transport is UDP: an
Ethernet/IP/UDP packet per datagram with correct lengths and checksums, never IP-fragmented
(a datagram above the Ethernet MTU is one jumbo packet, as loopback carries it), so tshark reads
each datagram back whole.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from desktop.core.capture.pcapng import Endpoints, PcapngTcpWriter, split_address, tcp_endpoints
from desktop.core.capture.record import Direction, Record
from desktop.core.files import open_atomic

__all__ = ["export_pcapng_datagrams", "udp_endpoints"]


def export_pcapng_datagrams(
    path: Path, records: Iterable[Record], local: str, peers: Iterable[str] | None = None
) -> int:
    """Write the datagrams of a UDP session to ``path``: one Ethernet/IP/UDP packet per record.

    An IN record goes from its peer to ``local``, an OUT record from ``local`` to its peer, at
    the record's time, its bytes the whole UDP payload (an empty datagram too; one above the
    Ethernet MTU stays one packet). INFO records, and records whose peer is not an IP address
    and port, are left out.

    Args:
        path: the file, written beside it as ``.part`` and moved onto it when complete.
        records: the session's log, in order.
        local: the session's own address, ``host:port`` (``[::1]:9000`` for IPv6). An IPv4
            peer of an IPv6 socket (or the reverse) is written with IPv4-mapped addresses.
        peers: only these peers' datagrams (the log's peer labels); None: every peer's.

    Returns:
        The number of packets written (one per datagram).

    Raises:
        SaveError: the file could not be written.
        ValueError: ``local`` is not an IP address and port.
    """
    _split_checked(local)
    wanted = None if peers is None else set(peers)
    conversations: dict[str, Endpoints | None] = {}
    with open_atomic(path) as stream:
        writer = PcapngTcpWriter(stream)
        for record in records:
            if record.direction is Direction.INFO or (
                wanted is not None and record.peer not in wanted
            ):
                continue
            if record.peer not in conversations:
                conversations[record.peer] = _udp_or_none(local, record.peer)
            endpoints = conversations[record.peer]
            if endpoints is not None:
                writer.write(record, endpoints)
        writer.close()
    return writer.packets_written


def udp_endpoints(local: str, remote: str) -> Endpoints:
    """UDP endpoints from two ``host:port`` texts, as ``tcp_endpoints`` reads them.

    Raises:
        ValueError: a host is not an IP address or a port is not a number.
    """
    return replace(tcp_endpoints(local, remote), transport="udp")


def _udp_or_none(local: str, remote: str) -> Endpoints | None:
    try:
        return udp_endpoints(local, remote)
    except ValueError:
        return None  # not an address (a label of the session's own)


def _split_checked(address: str) -> None:
    host, port = split_address(address)
    ipaddress.ip_address(host)
    if not 0 <= port <= 0xFFFF:
        raise ValueError(f"port out of range: {port}")
