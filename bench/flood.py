"""Connect to 127.0.0.1:PORT and send as fast as possible for SECONDS; print the bytes sent."""

from __future__ import annotations

import socket
import sys
import time

_CHUNK = memoryview(b"flood-data-0123456789abcdef\r\n" * 4096)


def flood(port: int, seconds: float) -> int:
    sent = 0
    with socket.create_connection(("127.0.0.1", port)) as sock:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            sock.sendall(_CHUNK)
            sent += len(_CHUNK)
    return sent


if __name__ == "__main__":
    print(flood(int(sys.argv[1]), float(sys.argv[2])), flush=True)
