"""A hostile peer and a polite one, for flood tests: ``python -m tests.lan.ipmsg_flood``.

``hostile TARGET``: floods TARGET:2425 at ``--rate`` datagrams a second for ``--seconds``, from
several source ports: valid BR_ENTRY and SENDMSG from thousands of fake users, valid-looking
packets with huge fields, datagrams of 64 KiB, and garbage. Paced every millisecond; prints one
JSON line with what it really sent.

``polite TARGET``: one well-behaved user. It introduces itself (BR_ENTRY, and answers the
target's entries), then sends ``SENDMSG|SENDCHECKOPT`` every ``--interval`` seconds, retrying
each unacknowledged one every 750 ms up to 6 tries as IPMsg does (reference §1.5), and prints
one JSON line: sent, acknowledged at the first try, acknowledged in the end.

Both run inside test-LAN hosts (198.18.0.0/15); packets are written byte by byte. Standard
library only.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import selectors
import socket
import time

PORT = 2425
BR_ENTRY, ANSENTRY, SENDMSG, RECVMSG = 0x01, 0x03, 0x20, 0x21
SENDCHECKOPT = 0x100
UTF8 = 0x00800000 | 0x01000000  # UTF8OPT | CAPUTF8OPT
RETRY_S, TRIES = 0.75, 6  # IPMsg's defaults (reference §1.5)
POLITE_NICK = "守规矩的人"
POLITE_TEXT = "第{n:04d}条：洪水中也要送到"


def polite_text(number: int) -> str:
    """The text of the polite peer's ``number``-th message (1-based)."""
    return POLITE_TEXT.format(n=number)


def _packet(number: int, user: str, host: str, command: int, extra: bytes) -> bytes:
    return f"1:{number}:{user}:{host}:{command}:".encode() + extra


def hostile_pool(size: int, seed: int) -> list[bytes]:
    """``size`` datagrams, mixed as the module says (about 2% are 64 KiB)."""
    rng = random.Random(seed)
    pool = []
    for index in range(size):
        user, host = f"fake{index:06d}", f"bot{rng.randrange(1 << 30):x}"
        kind = rng.random()
        if kind < 0.35:  # a new fake user joins
            extra = f"假用户{index}\0伪组{index % 97}\0".encode()
            pool.append(_packet(index + 1, user, host, BR_ENTRY | UTF8, extra))
        elif kind < 0.65:  # a fake user's message, half asking to be acknowledged
            check = SENDCHECKOPT if index % 2 else 0
            extra = f"垃圾消息 {index}\0".encode()
            pool.append(_packet(index + 1, user, host, SENDMSG | check | UTF8, extra))
        elif kind < 0.73:  # valid-looking, with huge fields
            size_kb = rng.randrange(8, 30)
            name = ("长" * (size_kb * 300)).encode()
            if index % 2:
                pool.append(_packet(index + 1, user, host, BR_ENTRY | UTF8, name + b"\0g\0"))
            else:
                pool.append(_packet(index + 1, user, host, SENDMSG | UTF8, name + b"\0"))
        elif kind < 0.75:  # as large as a UDP datagram gets (over IPv4: 65,507 bytes)
            head = _packet(index + 1, user, host, SENDMSG | SENDCHECKOPT, b"")
            pool.append(head + rng.randbytes(65_507 - len(head)))
        elif index % 3:  # garbage: random bytes
            pool.append(rng.randbytes(rng.randrange(1, 1400)))
        else:  # garbage: a header cut short
            pool.append(f"1:{index}:{user}".encode())
    return pool


def hostile(target: str, rate: float, seconds: float, pool: list[bytes]) -> dict[str, float]:
    """Flood ``target`` with ``pool`` over and over; returns what was sent and at what rate."""
    sockets = []
    for _ in range(8):  # several source ports, as many clients would have
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4 << 20)
        sock.bind(("0.0.0.0", 0))
        sockets.append(sock)
    address = (target, PORT)
    sent = failed = 0
    cycle = itertools.cycle(pool)
    start = time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds:
        due = int(elapsed * rate)
        while sent + failed < due:
            try:
                sockets[(sent + failed) % 8].sendto(next(cycle), address)
                sent += 1
            except OSError:  # the kernel's queue is full: counted, not retried
                failed += 1
        time.sleep(0.001)
    elapsed = time.perf_counter() - start
    for sock in sockets:
        sock.close()
    return {"sent": sent, "failed": failed, "seconds": elapsed, "rate": sent / elapsed}


class Polite:
    """One well-behaved user talking to ``target``."""

    def __init__(self, target: str) -> None:
        self.target = (target, PORT)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("0.0.0.0", PORT))
        self.sock.setblocking(False)
        self.selector = selectors.DefaultSelector()
        self.selector.register(self.sock, selectors.EVENT_READ)
        self.number = 1000
        self.waiting: dict[int, tuple[bytes, float, int]] = {}  # number: datagram, next, tries
        self.sent = self.first_try = self.acked = self.answers = self.send_errors = 0

    def _next(self) -> int:
        self.number += 1
        return self.number

    def _entry(self, command: int) -> bytes:
        extra = f"{POLITE_NICK}\0礼貌组\0".encode()
        return _packet(self._next(), "polite", "polite-pc", command | UTF8, extra)

    def _send(self, datagram: bytes) -> None:
        try:
            self.sock.sendto(datagram, self.target)
        except OSError:  # retried like any lost datagram
            self.send_errors += 1

    def _read(self, timeout: float) -> None:
        for _key, _events in self.selector.select(timeout):
            while True:
                try:
                    data, sender = self.sock.recvfrom(65535)
                except BlockingIOError:
                    break
                fields = data.split(b":", 5)
                if len(fields) < 6 or not fields[4].isdigit():
                    continue
                mode = int(fields[4]) & 0xFF
                if mode == BR_ENTRY:
                    self.sock.sendto(self._entry(ANSENTRY), sender)
                elif mode == ANSENTRY:
                    self.answers += 1
                elif mode == RECVMSG:
                    acked = fields[5].rstrip(b"\0")
                    item = self.waiting.pop(int(acked), None) if acked.isdigit() else None
                    if item is not None:
                        self.acked += 1
                        self.first_try += item[2] == 1

    def run(self, interval: float, seconds: float, settle: float) -> dict[str, int]:
        """Talk for ``seconds``, then wait up to ``settle`` for the last acknowledgements."""
        self._send(self._entry(BR_ENTRY))
        start = time.monotonic()
        next_message = start + interval
        stop = start + seconds
        while True:
            now = time.monotonic()
            if now >= stop and (not self.waiting or now >= stop + settle):
                break
            if now >= next_message and now < stop:
                number = self._next()
                self.sent += 1
                text = polite_text(self.sent).encode()
                datagram = _packet(number, "polite", "polite-pc", SENDMSG | SENDCHECKOPT | UTF8,
                                   text + b"\0")  # fmt: skip
                self.waiting[number] = (datagram, now + RETRY_S, 1)
                self._send(datagram)
                next_message += interval
            for number, (datagram, again, tries) in list(self.waiting.items()):
                if again <= now:
                    if tries >= TRIES:
                        del self.waiting[number]  # not delivered
                        continue
                    self.waiting[number] = (datagram, now + RETRY_S, tries + 1)
                    self._send(datagram)
            self._read(0.005)
        return {
            "sent": self.sent,
            "first_try": self.first_try,
            "acked": self.acked,
            "answers": self.answers,
            "send_errors": self.send_errors,
        }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("role", choices=("hostile", "polite"))
    parser.add_argument("target", help="the address of the messenger under test")
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rate", type=float, default=20_000.0, help="hostile: datagrams/s")
    parser.add_argument("--interval", type=float, default=0.1, help="polite: seconds")
    parser.add_argument("--settle", type=float, default=5.0, help="polite: seconds")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.role == "hostile":
        pool = hostile_pool(min(int(args.rate), 20_000) or 1, args.seed)
        print("ready", flush=True)
        result: dict[str, float] | dict[str, int] = hostile(
            args.target, args.rate, args.seconds, pool
        )
    else:
        polite = Polite(args.target)
        print("ready", flush=True)
        result = polite.run(args.interval, args.seconds, args.settle)
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
