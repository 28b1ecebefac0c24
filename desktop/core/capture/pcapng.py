"""Write captured TCP conversations and UDP datagrams as a pcapng file that Wireshark reads.

A TCP connection becomes synthesized Ethernet/IP/TCP frames: a three-way handshake, the records
as data segments with consistent sequence and acknowledgement numbers, and a FIN exchange. A UDP
session keeps its datagram boundaries: one Ethernet/IP/UDP frame per datagram, never
IP-fragmented, even above the Ethernet MTU (loopback, where such datagrams travel whole, has an
MTU of 65536; pcapng has no limit below the snap length), so each datagram reads back as one
packet. Formats: pcapng (draft-ietf-opsawg-pcapng), IPv4 (RFC 791), IPv6 (RFC 8200), TCP
(RFC 9293), UDP (RFC 768), window scaling (RFC 7323); the pieces are in ``pcapng_blocks``.
"""

from __future__ import annotations

import ipaddress
import struct
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from desktop.core.capture.pcapng_blocks import (
    ETHERTYPE_IPV4,
    ETHERTYPE_IPV6,
    MAC_LOCAL,
    MAC_REMOTE,
    enhanced_packet,
    interface_description,
    ipv4_header,
    ipv6_header,
    pseudo_header,
    section_header,
)
from desktop.core.capture.pcapng_blocks import checksum as _checksum
from desktop.core.capture.record import Direction, Record
from desktop.core.files import open_atomic

__all__ = [
    "Endpoints",
    "PcapngTcpWriter",
    "Transport",
    "export_pcapng",
    "export_pcapng_streams",
    "split_address",
    "tcp_endpoints",
]

_PROTO_TCP = 6
_PROTO_UDP = 17
_IPV4_DONT_FRAGMENT = 0x4000
_FIN, _SYN, _PSH, _ACK = 0x01, 0x02, 0x08, 0x10
# A segment of 65000 bytes fits the 16-bit IPv4 total length and IPv6 payload length with room
# for the headers; it is also what loopback carries (MTU 65536).
MAX_SEGMENT = 65000
_MSS = 65495  # announced in the SYNs: loopback's MSS on Linux
_WINDOW_SHIFT = 7  # window 65535 << 7 ≈ 8 MiB, so big records do not look like a full window
_WINDOW = 0xFFFF
# The receiver sends a pure ACK once this much is unacknowledged, half the scaled window, so
# Wireshark never reports "window full" on a long one-way transfer.
_ACK_AFTER = (_WINDOW << _WINDOW_SHIFT) // 2
# Initial sequence numbers: fixed, so the same records always give the same file.
_ISN_LOCAL = 0x10000000
_ISN_REMOTE = 0x20000000


Transport = Literal["tcp", "udp"]


@dataclass(frozen=True)
class Endpoints:
    """Both ends of a TCP connection (the local end is taken as the one that connected), or of
    a UDP conversation (each record one datagram).

    Attributes:
        local_ip: SocketDesk's address, IPv4 or IPv6.
        local_port: SocketDesk's port.
        remote_ip: the peer's address, of the same family.
        remote_port: the peer's port.
        transport: ``"tcp"`` or ``"udp"``.
    """

    local_ip: str
    local_port: int
    remote_ip: str
    remote_port: int
    transport: Transport = "tcp"


class _Side:
    """One sending end: its frame headers and its next sequence number."""

    def __init__(self, mac: bytes, ip: bytes, port: int, peer_mac: bytes, peer_ip: bytes) -> None:
        self.mac, self.ip, self.port = mac, ip, port
        self.peer_mac, self.peer_ip = peer_mac, peer_ip
        self.seq = 0
        self.ip_id = 0
        self.unacked = 0  # bytes sent that the other side has not acknowledged yet


class _Connection:
    """One synthesized TCP connection: both sides and whether its handshake was written."""

    def __init__(self, endpoints: Endpoints) -> None:
        local = ipaddress.ip_address(endpoints.local_ip)
        remote = ipaddress.ip_address(endpoints.remote_ip)
        if local.version != remote.version:
            raise ValueError("both ends of a connection must be IPv4 or both IPv6")
        for port in (endpoints.local_port, endpoints.remote_port):
            if not 0 <= port <= 0xFFFF:
                raise ValueError(f"port out of range: {port}")
        self.ipv6 = local.version == 6
        self.udp = endpoints.transport == "udp"
        self.local = _Side(MAC_LOCAL, local.packed, endpoints.local_port, MAC_REMOTE, remote.packed)
        self.remote = _Side(
            MAC_REMOTE, remote.packed, endpoints.remote_port, MAC_LOCAL, local.packed
        )
        self.opened = False
        self.last_ns = 0


class PcapngTcpWriter:
    """Writes records as the segments of TCP connections, or as UDP datagrams, in pcapng.

    IN records go remote → local, OUT records local → remote; INFO records are counted in
    ``skipped_info`` and not written. A connection's handshake is written with its first record,
    at its time; with no records the file holds no packets. Several connections (a server's
    clients, a relay's pairs) share the file, each its own TCP stream, their packets in the
    order their records are written. A record of UDP endpoints is one datagram: one packet,
    without handshake or FIN.

    Args:
        stream: a binary stream; it is flushed by ``close()`` but not closed.
        endpoints: both ends' addresses and ports of the connection ``write()`` uses when it is
            given none; None when every ``write()`` names its connection.
        app_name: recorded as the writing application in the section header.

    Raises:
        ValueError: an address is not an IP address, a port is out of range, or the two ends
            are of different families.
    """

    def __init__(
        self, stream: BinaryIO, endpoints: Endpoints | None = None, app_name: str = "SocketDesk"
    ) -> None:
        self._stream = stream
        self._default = endpoints
        self._connections: dict[Endpoints, _Connection] = {}
        if endpoints is not None:
            self._connection(endpoints)
        self._closed = False
        self.packets_written = 0
        """Every packet written so far, handshake, acknowledgements and FINs included."""
        self.skipped_info = 0
        """INFO records seen and not written."""
        stream.write(section_header(app_name) + interface_description())

    def _connection(self, endpoints: Endpoints) -> _Connection:
        connection = self._connections.get(endpoints)
        if connection is None:
            connection = self._connections[endpoints] = _Connection(endpoints)
        return connection

    def write(self, record: Record, endpoints: Endpoints | None = None) -> None:
        """Write one record as data segments of at most ``MAX_SEGMENT`` bytes.

        Args:
            record: what was sent or received.
            endpoints: the connection it belongs to; by default the writer's own.

        Raises:
            RuntimeError: the writer is closed.
            ValueError: no connection given and the writer has none, or bad endpoints.
        """
        if self._closed:
            raise RuntimeError("write() after close()")
        ends = endpoints if endpoints is not None else self._default
        if ends is None:
            raise ValueError("write() needs endpoints: the writer was made without any")
        conn = self._connection(ends)
        if conn.udp:
            self._datagram(conn, record)
            return
        if not conn.opened:
            self._handshake(conn, record.t_ns)
        conn.last_ns = record.t_ns
        if record.direction is Direction.INFO:
            self.skipped_info += 1
            return
        sender, receiver = (
            (conn.remote, conn.local)
            if record.direction is Direction.IN
            else (conn.local, conn.remote)
        )
        data = memoryview(record.data)
        for start in range(0, len(data), MAX_SEGMENT):
            segment = data[start : start + MAX_SEGMENT]
            if sender.unacked + len(segment) > _ACK_AFTER:
                self._send(conn, receiver, sender, _ACK, record.t_ns)
            last = start + MAX_SEGMENT >= len(data)
            self._send(conn, sender, receiver, _PSH | _ACK if last else _ACK, record.t_ns, segment)

    def close(self) -> None:
        """Write each connection's FIN exchange (the local end closes first) and flush."""
        if self._closed:
            return
        self._closed = True
        for conn in self._connections.values():
            if conn.opened:
                local, remote, t_ns = conn.local, conn.remote, conn.last_ns
                self._send(conn, local, remote, _FIN | _ACK, t_ns)
                self._send(conn, remote, local, _FIN | _ACK, t_ns)
                self._send(conn, local, remote, _ACK, t_ns)
        self._stream.flush()

    def _datagram(self, conn: _Connection, record: Record) -> None:
        """One record of a UDP conversation as one Ethernet/IP/UDP frame (never fragmented)."""
        if record.direction is Direction.INFO:
            self.skipped_info += 1
            return
        sender, receiver = (
            (conn.remote, conn.local)
            if record.direction is Direction.IN
            else (conn.local, conn.remote)
        )
        data = bytes(record.data)
        udp_len = 8 + len(data)
        if udp_len > 0xFFFF - (0 if conn.ipv6 else 20):
            raise ValueError(f"a datagram of {len(data)} bytes does not fit in one IP packet")
        header = struct.pack("!HHHH", sender.port, receiver.port, udp_len, 0)
        pseudo = pseudo_header(sender.ip, receiver.ip, _PROTO_UDP, udp_len)
        checksum = _checksum(pseudo + header + data) or 0xFFFF  # 0 means "none" (RFC 768)
        ethertype = ETHERTYPE_IPV6 if conn.ipv6 else ETHERTYPE_IPV4
        frame = b"".join(
            (
                receiver.mac,
                sender.mac,
                struct.pack("!H", ethertype),
                _ip_header(conn.ipv6, sender, receiver, _PROTO_UDP, udp_len),
                header[:6],
                struct.pack("!H", checksum),
                data,
            )
        )
        self._stream.write(enhanced_packet(record.t_ns, frame))
        self.packets_written += 1

    def _handshake(self, conn: _Connection, t_ns: int) -> None:
        conn.opened = True
        local, remote = conn.local, conn.remote
        local.seq, remote.seq = _ISN_LOCAL, _ISN_REMOTE
        options = _syn_options()
        self._send(conn, local, remote, _SYN, t_ns, options=options, ack=0)
        self._send(conn, remote, local, _SYN | _ACK, t_ns, options=options)
        self._send(conn, local, remote, _ACK, t_ns)

    def _send(  # noqa: PLR0917 - one TCP segment has this many facts
        self,
        conn: _Connection,
        sender: _Side,
        receiver: _Side,
        flags: int,
        t_ns: int,
        payload: bytes | memoryview = b"",
        *,
        options: bytes = b"",
        ack: int | None = None,
    ) -> None:
        ack_number = receiver.seq if ack is None else ack
        header_len = 20 + len(options)
        tcp_header = struct.pack(
            "!HHIIBBHHH",
            sender.port,
            receiver.port,
            sender.seq,
            ack_number,
            (header_len // 4) << 4,
            flags,
            _WINDOW,
            0,  # checksum, filled in below
            0,  # urgent pointer
        )
        tcp_len = header_len + len(payload)
        pseudo = pseudo_header(sender.ip, receiver.ip, _PROTO_TCP, tcp_len)
        checksum = _checksum(pseudo + tcp_header + options + payload)
        tcp_header = tcp_header[:16] + struct.pack("!H", checksum) + tcp_header[18:]
        ethertype = ETHERTYPE_IPV6 if conn.ipv6 else ETHERTYPE_IPV4
        frame = b"".join(
            (
                receiver.mac,
                sender.mac,
                struct.pack("!H", ethertype),
                _ip_header(conn.ipv6, sender, receiver, _PROTO_TCP, tcp_len),
                tcp_header,
                options,
                payload,
            )
        )
        self._stream.write(enhanced_packet(t_ns, frame))
        self.packets_written += 1
        if ack is None and flags & _ACK:
            receiver.unacked = 0
        sender.seq = (sender.seq + len(payload) + (1 if flags & (_SYN | _FIN) else 0)) & 0xFFFFFFFF
        sender.unacked += len(payload)


def _ip_header(ipv6: bool, sender: _Side, receiver: _Side, protocol: int, length: int) -> bytes:
    if ipv6:
        return ipv6_header(sender.ip, receiver.ip, protocol, length)
    sender.ip_id = (sender.ip_id + 1) & 0xFFFF
    flags = _IPV4_DONT_FRAGMENT if protocol == _PROTO_TCP else 0
    return ipv4_header(sender.ip, receiver.ip, protocol, length, sender.ip_id, flags)


def export_pcapng(path: Path, records: Iterable[Record], endpoints: Endpoints) -> int:
    """Write ``records`` to ``path`` as one TCP conversation in pcapng.

    The file is written beside ``path`` as ``.part`` and moved onto it when complete.

    Returns:
        The number of packets written (handshake, data, acknowledgements and FINs).

    Raises:
        SaveError: the file could not be written.
    """
    with open_atomic(path) as stream:
        writer = PcapngTcpWriter(stream, endpoints)
        for record in records:
            writer.write(record)
        writer.close()
    return writer.packets_written


def export_pcapng_streams(
    path: Path, records: Iterable[Record], streams: Mapping[str, Endpoints]
) -> int:
    """Write ``records`` to ``path`` as several TCP connections, one per distinct endpoints.

    A record goes to the connection ``streams[record.peer]``; records of other peers are left
    out. Several peers may share a connection (a relay labels each direction of a pair).

    Returns:
        The number of packets written.

    Raises:
        SaveError: the file could not be written.
        ValueError: bad endpoints in ``streams``.
    """
    with open_atomic(path) as stream:
        writer = PcapngTcpWriter(stream)
        for record in records:
            endpoints = streams.get(record.peer)
            if endpoints is not None:
                writer.write(record, endpoints)
        writer.close()
    return writer.packets_written


def tcp_endpoints(local: str, remote: str) -> Endpoints:
    """Endpoints from two ``host:port`` texts (``[::1]:80`` for IPv6).

    When one end is IPv4 and the other IPv6 (a dual-stack listener, a relay between families),
    the IPv4 end is written as its IPv4-mapped IPv6 address, so the two form one connection.

    Raises:
        ValueError: a host is not an IP address or a port is not a number.
    """
    local_ip, local_port = split_address(local)
    remote_ip, remote_port = split_address(remote)
    a, b = ipaddress.ip_address(local_ip), ipaddress.ip_address(remote_ip)
    if a.version != b.version:
        local_ip, remote_ip = (
            str(ipaddress.IPv6Address(f"::ffff:{x}")) if x.version == 4 else str(x) for x in (a, b)
        )
    return Endpoints(local_ip, local_port, remote_ip, remote_port)


def split_address(address: str) -> tuple[str, int]:
    """``host:port`` (``[::1]:80`` for IPv6) as host and port (ValueError: not a number)."""
    host, _, port = address.rpartition(":")
    return host.strip("[]"), int(port)


def _syn_options() -> bytes:
    mss = struct.pack("!BBH", 2, 4, _MSS)
    window_scale = struct.pack("!BBBB", 1, 3, 3, _WINDOW_SHIFT)  # NOP, then kind 3 of length 3
    return mss + window_scale
