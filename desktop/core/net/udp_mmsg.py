"""Linux ``recvmmsg(2)`` through ctypes: many datagrams per system call and per GIL release.

Python's socket module has no ``recvmmsg``. Each ``recvfrom_into`` releases and re-takes the GIL,
and with the I/O loop's thread wanting it too, each hand-back can wait for a switch interval;
one ``recvmmsg`` takes up to ``slots`` queued datagrams in one call (``MSG_WAITFORONE``: it waits
for the first only). Buffers are an anonymous ``mmap``, so pages a small datagram never reaches
are never made resident.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import mmap
import os
import socket
import struct
import sys

from desktop.core.net.udp_facts import Datagram

__all__ = ["MmsgReceiver", "available"]

_MSG_WAITFORONE = 0x10000
_MSG_TRUNC = 0x20
_NAME_SIZE = 128  # sizeof(struct sockaddr_storage)
# Wait for the first datagram only; msg_len is then each datagram's real size, even when cut.
_FLAGS = _MSG_WAITFORONE | _MSG_TRUNC


class _IoVec(ctypes.Structure):
    _fields_ = (("iov_base", ctypes.c_void_p), ("iov_len", ctypes.c_size_t))


class _MsgHdr(ctypes.Structure):
    _fields_ = (
        ("msg_name", ctypes.c_void_p),
        ("msg_namelen", ctypes.c_uint32),
        ("msg_iov", ctypes.POINTER(_IoVec)),
        ("msg_iovlen", ctypes.c_size_t),
        ("msg_control", ctypes.c_void_p),
        ("msg_controllen", ctypes.c_size_t),
        ("msg_flags", ctypes.c_int),
    )


class _MMsgHdr(ctypes.Structure):
    _fields_ = (("msg_hdr", _MsgHdr), ("msg_len", ctypes.c_uint))


def _libc_recvmmsg() -> object | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        function = libc.recvmmsg
    except (OSError, AttributeError):
        return None
    function.argtypes = (
        ctypes.c_int,
        ctypes.POINTER(_MMsgHdr),
        ctypes.c_uint,
        ctypes.c_int,
        ctypes.c_void_p,
    )
    function.restype = ctypes.c_int
    return function


_RECVMMSG = _libc_recvmmsg()


def available() -> bool:
    """True where ``recvmmsg`` can be called (Linux with a C library that has it)."""
    return _RECVMMSG is not None


class MmsgReceiver:
    """Receives up to ``slots`` datagrams of up to ``size`` bytes per call on ``sock``.

    Raises:
        OSError: from ``receive``, as the system call reports it (e.g. ECONNREFUSED).
    """

    def __init__(self, sock: socket.socket, slots: int = 64, size: int = 65_536) -> None:
        assert _RECVMMSG is not None, "recvmmsg is not available here"
        self._fd = sock.fileno()
        self._family = sock.family
        self._slots = slots
        self._size = size
        self._data = mmap.mmap(-1, slots * size)
        self._names = ctypes.create_string_buffer(slots * _NAME_SIZE)
        base = ctypes.addressof(ctypes.c_char.from_buffer(self._data))
        names = ctypes.addressof(self._names)
        self._iov = (_IoVec * slots)()
        self._msgs = (_MMsgHdr * slots)()
        for i in range(slots):
            self._iov[i].iov_base = base + i * size
            self._iov[i].iov_len = size
            header = self._msgs[i].msg_hdr
            header.msg_name = names + i * _NAME_SIZE
            header.msg_iov = ctypes.pointer(self._iov[i])
            header.msg_iovlen = 1
        self._peers: dict[bytes, tuple[object, ...]] = {}

    def receive(self) -> list[Datagram]:
        """Wait for one datagram, then take every other one already queued (up to ``slots``).

        Returns an empty list when the socket was shut down.
        """
        msgs = self._msgs
        for i in range(self._slots):
            msgs[i].msg_hdr.msg_namelen = _NAME_SIZE
        count = _RECVMMSG(self._fd, msgs, self._slots, _FLAGS, None)  # type: ignore[operator]
        if count < 0:
            code = ctypes.get_errno()
            if code == errno.EINTR:
                return self.receive()
            raise OSError(code, os.strerror(code))
        datagrams: list[Datagram] = []
        append = datagrams.append
        new = tuple.__new__
        data = self._data
        names = self._names.raw if count else b""
        size = self._size
        peers = self._peers
        for i in range(count):
            message = msgs[i]
            header = message.msg_hdr
            length = message.msg_len
            namelen = header.msg_namelen
            if not namelen:  # woken by shutdown()
                break
            raw = names[i * _NAME_SIZE : i * _NAME_SIZE + namelen]
            peer = peers.get(raw)
            if peer is None:
                if len(peers) >= 4096:
                    peers.clear()
                peer = peers[raw] = _sockaddr(raw)
            start = i * size
            kept = length if length <= size else size
            append(new(Datagram, (peer, data[start : start + kept], length)))
        return datagrams

    def close(self) -> None:
        """Free the buffers."""
        self._data.close()


def _sockaddr(raw: bytes) -> tuple[object, ...]:
    """A ``struct sockaddr_in``/``sockaddr_in6`` as Python's socket module gives it."""
    family = struct.unpack_from("=H", raw)[0]
    port = struct.unpack_from("!H", raw, 2)[0]
    if family == socket.AF_INET6:
        flowinfo = struct.unpack_from("!I", raw, 4)[0]
        host = socket.inet_ntop(socket.AF_INET6, raw[8:24])
        scope = struct.unpack_from("=I", raw, 24)[0]
        return (host, port, flowinfo, scope)
    return (socket.inet_ntop(socket.AF_INET, raw[4:8]), port)
