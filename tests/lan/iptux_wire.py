"""A few lines of raw IPMsg over sockets, to see what iptux's core really sends for files.

``raw_peer`` runs as a host of a test LAN (``LanHost.start``): it joins iptux with a BR_ENTRY,
waits for iptux's offer datagram, downloads every offered file with GETFILEDATA (the first one
twice, asking offset 5 first) and every folder with GETDIRFILES, then offers iptux a folder of its
own and serves it the directory stream it just got, recording iptux's GETDIRFILES request. No
SocketDesk code is used. ``parse_offer`` and ``parse_dir_stream`` read the bytes back for the
test's assertions (independently of the codecs other modules build).
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from typing import Any

PORT = 2425
BR_ENTRY = 0x01
SENDMSG = 0x20
GETFILEDATA = 0x60
GETDIRFILES = 0x62
FILEATTACHOPT = 0x00200000
OFFSET_ASKED = 5


def _packet(number: int, command: int, extra: bytes) -> bytes:
    return b"1:%d:raw:rawhost:%d:" % (number, command) + extra


def _read_all(conn: socket.socket) -> bytes:
    chunks = []
    while chunk := conn.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def _fetch(ip: str, request: bytes) -> bytes:
    with socket.create_connection((ip, PORT), timeout=20) as conn:
        conn.sendall(request)
        return _read_all(conn)


def raw_peer(own_ip: str, iptux_ip: str) -> dict[str, Any]:
    """The raw peer's whole exchange with iptux at ``iptux_ip``; the bytes it saw."""
    number = 1000  # iptux drops a pal's datagrams whose number is not above the last one's
    got: dict[str, Any] = {"files": {}, "again": {}}
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind((own_ip, PORT))
    udp.settimeout(30)
    listener = socket.create_server((own_ip, PORT))  # for iptux's own GETDIRFILES, later
    listener.settimeout(30)
    with udp, listener:
        udp.sendto(_packet(number, BR_ENTRY, b"raw\0rawgroup\0"), (iptux_ip, PORT))
        while True:
            data, _ = udp.recvfrom(65536)
            command = int(data.split(b":")[4])
            if command & 0xFF == BR_ENTRY + 2:  # ANSENTRY
                got["ansentry"] = data
            if command & 0xFF == SENDMSG and command & FILEATTACHOPT:
                got["offer"] = data
                break
        packet_no = int(data.split(b":")[1])
        for entry in parse_offer(data):
            if entry.folder:
                number += 1
                extra = b"%x:%x:" % (packet_no, entry.file_id)
                got["dirstream"] = _fetch(iptux_ip, _packet(number, GETDIRFILES, extra))
                got["dirname"] = entry.name
                continue
            number += 1
            extra = b"%x:%x:%x:" % (packet_no, entry.file_id, OFFSET_ASKED)
            got["files"][entry.name] = _fetch(iptux_ip, _packet(number, GETFILEDATA, extra))
            number += 1
            extra = b"%x:%x:0:" % (packet_no, entry.file_id)
            got["again"][entry.name] = _fetch(iptux_ip, _packet(number, GETFILEDATA, extra))

        # Now offer iptux that folder back and serve it the stream iptux sent us.
        number += 1
        offer = b"%d:%s:%x:0:2:\a" % (77, got["dirname"], len(got["dirstream"]))
        udp.sendto(
            _packet(number, SENDMSG | FILEATTACHOPT, b"\0" + offer + b"\0"), (iptux_ip, PORT)
        )
        conn, _ = listener.accept()
        with conn:
            conn.settimeout(20)
            request = b""
            while request.count(b":") < 7:
                chunk = conn.recv(4096)
                if not chunk:
                    break
                request += chunk
            got["offered_packet"] = number
            conn.sendall(got["dirstream"])
            request += _read_all(conn)  # iptux closes once the top folder's RETPARENT came
            got["request"] = request
    return got


@dataclass(frozen=True)
class OfferEntry:
    file_id: int
    name: bytes
    size: int
    mtime: int
    attr: int

    @property
    def folder(self) -> bool:
        return self.attr & 0xFF == 2


def parse_offer(datagram: bytes) -> list[OfferEntry]:
    """The entries of a SENDMSG|FILEATTACHOPT datagram (names without ``:``)."""
    header_end = 0
    for _ in range(5):
        header_end = datagram.index(b":", header_end) + 1
    _text, _, attachment = datagram[header_end:].partition(b"\0")
    entries = []
    for raw in attachment.rstrip(b"\0").split(b"\a"):
        fields = raw.lstrip(b":").split(b":")
        if fields == [b""]:
            continue
        file_id, name, size, mtime, attr = fields[:5]
        entries.append(OfferEntry(int(file_id), name, int(size, 16), int(mtime, 16), int(attr, 16)))
    return entries


@dataclass(frozen=True)
class DirRecord:
    header: bytes
    name: bytes
    size: int
    attr: int
    content: bytes


def parse_dir_stream(stream: bytes) -> list[DirRecord]:
    """A directory stream's records, checking its header-size framing; content for files."""
    records = []
    pos = 0
    while pos < len(stream):
        header_size = int(stream[pos : pos + 4], 16)
        header = stream[pos : pos + header_size]
        assert header[4:5] == b":" and header.endswith(b":"), header
        fields = header.split(b":")
        name, size, attr = fields[1], int(fields[2], 16), int(fields[3], 16)
        pos += header_size
        content = stream[pos : pos + size] if attr & 0xFF == 1 else b""
        pos += len(content)
        records.append(DirRecord(header, name, size, attr, content))
    return records
