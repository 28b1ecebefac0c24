"""A loopback TCP server that sends N bytes to each connection, then closes it.

Runs as its own process (``python -m bench.sender BYTES``) so that it never shares a GIL with
the client being measured. Prints its port on the first line of stdout.
"""

from __future__ import annotations

import socket
import sys

_CHUNK = memoryview(bytes(4 * 1024 * 1024))


def serve(total: int) -> None:
    with socket.socket() as listener:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        print(listener.getsockname()[1], flush=True)
        while True:
            conn, _ = listener.accept()
            with conn:
                left = total
                try:
                    while left > 0:
                        piece = _CHUNK[: min(left, len(_CHUNK))]
                        conn.sendall(piece)
                        left -= len(piece)
                except (BrokenPipeError, ConnectionResetError):
                    continue


if __name__ == "__main__":
    serve(int(sys.argv[1]))
