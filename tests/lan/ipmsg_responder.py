"""A whole subnet of IP Messenger users in one process: ``python -m tests.lan.ipmsg_responder``.

Run inside a test-LAN host that carries every address of a /24 (``subnet.add_subnet``). One UDP
socket per address on port 2425, plus one on the subnet's broadcast address (Linux hands a
broadcast only to sockets bound to it or to the wildcard). Each address behaves as IPMsg does
(reference §1.4-1.5): a BR_ENTRY is answered with ANSENTRY after a random delay (IPMsg waits up
to 4,095 ms on a large LAN), with its own nickname and group; a SENDMSG with SENDCHECKOPT is
acknowledged with RECVMSG. Packets are written here byte by byte, not with SocketDesk's codec.

Prints ``ready`` once bound, and on exit (after ``--seconds``, or SIGTERM) one JSON line with its
counts. Standard library only.
"""

from __future__ import annotations

import argparse
import heapq
import ipaddress
import json
import random
import selectors
import signal
import socket
import sys
import time

PORT = 2425
BR_ENTRY, ANSENTRY, SENDMSG, RECVMSG = 0x01, 0x03, 0x20, 0x21
SENDCHECKOPT = 0x100
UTF8_ANSENTRY = ANSENTRY | 0x00800000 | 0x01000000  # UTF8OPT | CAPUTF8OPT, as IPMsg 4.x answers


def nickname(index: int) -> str:
    """The nickname of the user on the ``index``-th address (1-based)."""
    return f"用户{index:03d}"


def group(index: int) -> str:
    """Their group: eight groups, so the roster has several."""
    return f"组{index % 8}"


def _header(data: bytes) -> tuple[int, int] | None:
    """(packet number, command) of an IPMsg datagram, or None."""
    fields = data.split(b":", 5)
    if len(fields) < 6 or not fields[0].startswith(b"1"):
        return None
    try:
        return int(fields[1]), int(fields[4])
    except ValueError:
        return None


class Responder:
    """Every address of ``network`` answering as one user."""

    def __init__(self, network: str, max_delay: float, seed: int) -> None:
        subnet = ipaddress.IPv4Network(network)
        self.max_delay = max_delay
        self.rng = random.Random(seed)
        self.selector = selectors.DefaultSelector()
        self.users: dict[socket.socket, int] = {}
        self.sockets: list[socket.socket] = []
        for index, address in enumerate(subnet.hosts(), start=1):
            sock = self._bind(str(address))
            self.users[sock] = index
            self.sockets.append(sock)
        self.broadcast = self._bind(str(subnet.broadcast_address))
        self.queue: list[tuple[float, int, int, tuple[str, int]]] = []  # due, order, index, to
        self.order = 0
        self.number = 1
        self.counts = {"entries": 0, "answers": 0, "messages": 0, "acks": 0, "send_errors": 0}
        self.latest_ms = 0  # the longest answer delay drawn (the ideal time to a full roster)

    def _bind(self, address: str) -> socket.socket:
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((address, PORT))
        sock.setblocking(False)
        self.selector.register(sock, selectors.EVENT_READ)
        return sock

    def _send(self, index: int, command: int, extra: bytes, to: tuple[str, int]) -> None:
        self.number += 1
        head = f"1:{self.number}:user{index:03d}:host{index:03d}:{command}:".encode()
        try:
            self.sockets[index - 1].sendto(head + extra, to)
        except OSError:  # a full send buffer loses an answer, as a real LAN would
            self.counts["send_errors"] += 1

    def _received(self, sock: socket.socket, data: bytes, sender: tuple[str, int]) -> None:
        header = _header(data)
        if header is None:
            return
        number, command = header
        mode = command & 0xFF
        if mode == BR_ENTRY:
            self.counts["entries"] += 1
            everyone = list(self.users.values()) if sock is self.broadcast else [self.users[sock]]
            now = time.monotonic()
            for index in everyone:
                self.order += 1
                delay = self.rng.uniform(0, self.max_delay)
                self.latest_ms = max(self.latest_ms, round(delay * 1000))
                due = now + delay
                heapq.heappush(self.queue, (due, self.order, index, sender))
        elif mode == SENDMSG and sock is not self.broadcast:
            self.counts["messages"] += 1
            if command & SENDCHECKOPT:
                self._send(self.users[sock], RECVMSG, f"{number}\0".encode(), sender)
                self.counts["acks"] += 1

    def run(self, seconds: float) -> dict[str, int]:
        """Answer until ``seconds`` have passed (or SIGTERM); returns the counts."""
        stop = time.monotonic() + seconds
        print("ready", flush=True)
        while (now := time.monotonic()) < stop:
            while self.queue and self.queue[0][0] <= now:
                _due, _order, index, to = heapq.heappop(self.queue)
                extra = f"{nickname(index)}\0{group(index)}\0".encode()
                self._send(index, UTF8_ANSENTRY, extra, to)
                self.counts["answers"] += 1
            wait = min(stop, self.queue[0][0] if self.queue else stop) - now
            for key, _events in self.selector.select(max(0.0, wait)):
                sock = key.fileobj
                assert isinstance(sock, socket.socket)
                try:
                    data, sender = sock.recvfrom(65535)
                except BlockingIOError:
                    continue
                self._received(sock, data, sender)
        return self.counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("network", help="the /24 whose addresses this host carries")
    parser.add_argument("--max-delay", type=float, default=4.0, help="longest answer delay, s")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    responder = Responder(args.network, args.max_delay, args.seed)
    try:
        responder.run(args.seconds)
    finally:
        print(json.dumps({**responder.counts, "latest_ms": responder.latest_ms}), flush=True)


if __name__ == "__main__":
    main()
