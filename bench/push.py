"""Connect to 127.0.0.1:PORT, send BYTES of zeros as fast as possible, close. Its own process.

Prints ``time.perf_counter()`` (CLOCK_MONOTONIC: the same clock in every process) once
connected, so a bench can time the transfer without this interpreter's start-up.
"""

from __future__ import annotations

import socket
import sys
import time

_CHUNK = memoryview(bytes(4 * 1024 * 1024))


def push(port: int, total: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as sock:
        print(time.perf_counter(), flush=True)
        left = total
        while left > 0:
            piece = _CHUNK[: min(left, len(_CHUNK))]
            sock.sendall(piece)
            left -= len(piece)


if __name__ == "__main__":
    push(int(sys.argv[1]), int(sys.argv[2]))
