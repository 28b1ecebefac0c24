"""The floor for ``bench.ipmsg_iptux_roundtrip``: the least a Python receiver can do.

Not a messenger: it answers BR_ENTRY with an ANSENTRY (so the sender lists it) and a SENDMSG
that asks for a check with a RECVMSG written from a prebuilt template, nothing else (no
parse beyond the two numbers, no roster, no budget, no events, no output). Whatever SocketDesk's
node spends above this is ours; what this spends above iptux's C core is the interpreter's and
the loop's.

``--mode``: ``uvloop`` or ``asyncio`` (``datagram_received`` → the socket's own ``sendto``, as
SocketDesk's quick ack), or ``blocking`` (no event loop: a thread blocked in ``recvfrom``).

``ipmsg_floor_receiver.c`` is the same receiver in C (a blocking ``recvfrom`` loop, the same
templates): the least any receiver can do here. ``c_floor()`` builds it with gcc on first use
(``tests/peers/native.py``'s cache); ``c_floor_missing()`` says why it cannot be built.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import signal
import socket
from pathlib import Path
from typing import Any

PORT = 2425
C_SOURCE = Path(__file__).with_name("ipmsg_floor_receiver.c")
_ENTRY, _ANSENTRY, _SENDMSG, _RECVMSG = 0x01, 0x03, 0x20, 0x21
_CHECK = 0x100
_CAPUTF8 = 0x01000000  # understands UTF-8 (else the sender writes cp936)


class _Templates:
    """The two answers, written once (the user name differs per floor: one peer each)."""

    def __init__(self, user: str) -> None:
        head = b"1:%d:" + user.encode() + b":FLOOR:"
        self.recv = head + str(_RECVMSG).encode() + b":%d\0"
        self.ans = head + str(_ANSENTRY | _CAPUTF8).encode() + b":" + user.encode() + b"\0bench\0"


_T = _Templates("floor")


def answer(data: bytes, numbers: itertools.count[int]) -> bytes | None:
    """The answer to ``data`` (None: none)."""
    fields = data.split(b":", 5)
    if len(fields) != 6:
        return None
    command = int(fields[4])
    mode = command & 0xFF
    if mode == _SENDMSG and command & _CHECK:
        return _T.recv % (next(numbers), int(fields[1]))
    if mode == _ENTRY:
        return _T.ans % next(numbers)
    return None


def c_floor_missing() -> str:
    """Why the C floor cannot be built here ("" when it can)."""
    from tests.peers.native import missing

    tool = missing("gcc")
    return f"{tool} is not installed" if tool else ""


def c_floor() -> Path:
    """The C floor's binary (run it as ``BINARY [USER [PORT [ADDRESS]]]``), built now unless
    cached."""
    from tests.peers.native import built

    return built(C_SOURCE, "ipmsg-floor", ["gcc", "-O2"])


def _socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
    sock.bind(("0.0.0.0", PORT))
    return sock


class _Floor(asyncio.DatagramProtocol):
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.numbers = itertools.count(1)

    def datagram_received(self, data: bytes, addr: tuple[str | Any, int]) -> None:
        reply = answer(data, self.numbers)
        if reply is not None:
            self.sock.sendto(reply, addr)


async def _serve() -> None:
    sock = _socket()
    sock.setblocking(False)
    loop = asyncio.get_running_loop()
    await loop.create_datagram_endpoint(lambda: _Floor(sock), sock=sock)
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    await stop.wait()


def _blocking() -> None:
    sock = _socket()
    numbers = itertools.count(1)
    signal.signal(signal.SIGTERM, lambda *_: sock.close())
    while True:
        try:
            data, addr = sock.recvfrom(65536)
        except OSError:
            return
        reply = answer(data, numbers)
        if reply is not None:
            sock.sendto(reply, addr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mode", choices=("uvloop", "asyncio", "blocking"), default="uvloop")
    mode = parser.parse_args().mode
    global _T  # noqa: PLW0603  (set once, before the first datagram)
    _T = _Templates(f"floor-{mode}")
    if mode == "blocking":
        _blocking()
        return
    from desktop.core.event_loop import run

    run(_serve(), "uvloop" if mode == "uvloop" else "asyncio")


if __name__ == "__main__":
    main()
