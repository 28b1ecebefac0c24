"""The response reader alone, no network: CPU time to parse 64 MiB fed in 256 KiB pieces.

Run: ``.venv/bin/python -m bench.http_reader [--rounds N] [--mib N]``.

Two bodies, each fed to :class:`ResponseReader` piece by piece, then ``raw`` and the body view
asked for once (what a result's consumer does): one framed by Content-Length, one chunked in
16 KiB chunks (nginx's gzip-on-the-fly framing size class). The figure is the CPU time of this
process (``time.process_time``), the least of the rounds: it does not move with the load of the
machine as wall clock does. Before #15 (commit 4802a42): Content-Length 63 ms, chunked 88 ms.
"""

from __future__ import annotations

import argparse
import time

from desktop.core.http.response import ResponseReader

PIECE = 256 * 1024
CHUNK = 16 * 1024


def payloads(mib: int) -> dict[str, bytes]:
    """The two responses, whole: Content-Length and chunked, each carrying ``mib`` MiB."""
    body = bytes(range(256)) * (mib * 4096)
    head = b"HTTP/1.1 200 OK\r\nServer: bench\r\n"
    framed = bytearray(head + b"Transfer-Encoding: chunked\r\n\r\n")
    for start in range(0, len(body), CHUNK):
        piece = body[start : start + CHUNK]
        framed += b"%x\r\n" % len(piece) + piece + b"\r\n"
    framed += b"0\r\n\r\n"
    return {
        "content-length": head + b"Content-Length: %d\r\n\r\n" % len(body) + body,
        "chunked": bytes(framed),
    }


def parse_cpu(response: bytes, size: int) -> float:
    """CPU seconds to feed ``response`` in pieces and take its raw bytes and body once."""
    view = memoryview(response)
    started = time.process_time()
    reader = ResponseReader(max_body_bytes=len(response))
    for start in range(0, len(response), PIECE):
        reader.feed(view[start : start + PIECE])
    body = reader.responses[0].body_view()
    raw = reader.raw
    elapsed = time.process_time() - started
    if len(body) != size or len(raw) != len(response) or not reader.complete:
        raise RuntimeError("the reader did not read the whole response")
    return elapsed


def main(argv: list[str] | None = None) -> str:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--mib", type=int, default=64)
    args = parser.parse_args(argv)
    size = args.mib << 20
    lines = [
        f"== The response reader alone: {args.mib} MiB in {PIECE // 1024} KiB pieces (CPU) ==",
        "",
        f"{'framing':<16} {'least ms':>9} {'median ms':>10} {'most ms':>8}",
    ]
    for name, response in payloads(args.mib).items():
        times = sorted(parse_cpu(response, size) * 1e3 for _ in range(args.rounds))
        lines.append(
            f"{name:<16} {times[0]:>9.1f} {times[len(times) // 2]:>10.1f} {times[-1]:>8.1f}"
        )
    lines.append("")
    lines.append(f"rounds: {args.rounds}; before #15 (4802a42): content-length 63, chunked 88 ms")
    text = "\n".join(lines)
    print(text)
    return text


if __name__ == "__main__":
    main()
