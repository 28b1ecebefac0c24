"""The pieces of a synthesized capture: pcapng blocks, Ethernet and IP headers, the checksum.

Formats: pcapng (draft-ietf-opsawg-pcapng), IPv4 (RFC 791), IPv6 (RFC 8200), the Internet
checksum (RFC 1071). ``pcapng`` writes TCP conversations and UDP datagrams with them.
"""

from __future__ import annotations

import struct

__all__ = [
    "ETHERTYPE_IPV4",
    "ETHERTYPE_IPV6",
    "MAC_LOCAL",
    "MAC_REMOTE",
    "checksum",
    "enhanced_packet",
    "interface_description",
    "ipv4_header",
    "ipv6_header",
    "pseudo_header",
    "section_header",
]

# pcapng block types and options (draft-ietf-opsawg-pcapng §4, §11).
_SHB = 0x0A0D0D0A
_IDB = 0x00000001
_EPB = 0x00000006
_BYTE_ORDER_MAGIC = 0x1A2B3C4D
_OPT_END = 0
_SHB_USERAPPL = 4
_IF_TSRESOL = 9
_TSRESOL_NS = 9  # 10^-9 s
_LINKTYPE_ETHERNET = 1
# Above the largest frame written (a 65,535-byte IP packet and its Ethernet header).
_SNAPLEN = 262144

MAC_LOCAL = bytes.fromhex("020000000001")  # locally administered (bit 1 of the first octet)
MAC_REMOTE = bytes.fromhex("020000000002")
ETHERTYPE_IPV4 = 0x0800
ETHERTYPE_IPV6 = 0x86DD
_TTL = 64


def checksum(data: bytes) -> int:
    """The Internet checksum (RFC 1071) of ``data``.

    The ones' complement sum of 16-bit words equals the number's value modulo 0xFFFF, since
    2**16 ≡ 1 (mod 0xFFFF); one big-integer remainder replaces a loop over the words.
    """
    if len(data) % 2:
        data += b"\0"
    value = int.from_bytes(data, "big")
    total = value % 0xFFFF
    if total == 0 and value:
        total = 0xFFFF  # a non-zero sum in ones' complement is never +0
    return 0xFFFF - total


def pseudo_header(source: bytes, destination: bytes, protocol: int, length: int) -> bytes:
    """The IPv4 or IPv6 pseudo-header a TCP or UDP checksum covers (by the addresses' size)."""
    if len(source) == 16:
        return source + destination + struct.pack("!I3xB", length, protocol)
    return source + destination + struct.pack("!xBH", protocol, length)


def ipv4_header(  # noqa: PLR0917 - one IPv4 header has this many facts
    source: bytes, destination: bytes, protocol: int, payload_len: int, ident: int, flags: int
) -> bytes:
    """An IPv4 header without options, its checksum filled in."""
    header = struct.pack(
        "!BBHHHBBH4s4s",
        0x45,  # version 4, header of 5 words
        0,
        20 + payload_len,
        ident,
        flags,
        _TTL,
        protocol,
        0,
        source,
        destination,
    )
    return header[:10] + struct.pack("!H", checksum(header)) + header[12:]


def ipv6_header(source: bytes, destination: bytes, protocol: int, payload_len: int) -> bytes:
    """An IPv6 header (no extension headers)."""
    return struct.pack("!IHBB", 6 << 28, payload_len, protocol, _TTL) + source + destination


def _block(block_type: int, body: bytes) -> bytes:
    body += b"\0" * (-len(body) % 4)
    length = len(body) + 12
    return struct.pack("<II", block_type, length) + body + struct.pack("<I", length)


def _option(code: int, value: bytes) -> bytes:
    return struct.pack("<HH", code, len(value)) + value + b"\0" * (-len(value) % 4)


def section_header(app_name: str) -> bytes:
    """The Section Header Block, naming the writing application."""
    body = struct.pack("<IHHq", _BYTE_ORDER_MAGIC, 1, 0, -1)  # version 1.0, length unknown
    body += _option(_SHB_USERAPPL, app_name.encode("utf-8")) + _option(_OPT_END, b"")
    return _block(_SHB, body)


def interface_description() -> bytes:
    """The one Ethernet interface, with nanosecond timestamps."""
    body = struct.pack("<HHI", _LINKTYPE_ETHERNET, 0, _SNAPLEN)
    body += _option(_IF_TSRESOL, bytes([_TSRESOL_NS])) + _option(_OPT_END, b"")
    return _block(_IDB, body)


def enhanced_packet(t_ns: int, frame: bytes) -> bytes:
    """An Enhanced Packet Block holding all of ``frame``, at ``t_ns`` (ns since the epoch)."""
    header = struct.pack(
        "<IIIII", 0, (t_ns >> 32) & 0xFFFFFFFF, t_ns & 0xFFFFFFFF, len(frame), len(frame)
    )
    return _block(_EPB, header + frame)
