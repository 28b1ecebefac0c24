"""The bytes of one upload, after the request was authorized: a file through the kernel's
``sendfile`` in steps (progress every few MiB), or a folder stream read one chunk ahead in an
executor (memory bounded, the loop never waits on the disk). ``file_server`` calls these."""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Iterator

from desktop.core.ipmsg.offer_book import SharedFile
from desktop.core.ipmsg_io.progress import TransferReporter
from desktop.core.net.kernel_sendfile import send_file_bytes

__all__ = ["send_file", "send_folder"]

_CHUNK = 4 << 20  # bytes per sendfile call: progress every few MiB, negligible overhead


async def send_file(
    writer: asyncio.StreamWriter,
    shared: SharedFile,
    offset: int,
    reporter: TransferReporter,
    stall_timeout: float,
) -> int:
    """Send ``shared`` from ``offset``; returns the bytes sent (fewer: the file shrank)."""
    count = shared.size - offset
    sent = 0
    with open(shared.path, "rb") as file:
        while sent < count:
            async with asyncio.timeout(stall_timeout):
                got = await send_file_bytes(writer, file, offset + sent, min(_CHUNK, count - sent))
            if got <= 0:
                break  # the file is shorter now than when offered
            sent += got
            reporter.advance(offset + sent)
    return sent


async def send_folder(
    writer: asyncio.StreamWriter,
    stream: Iterator[bytes],
    readers: concurrent.futures.Executor,
    reporter: TransferReporter,
    stall_timeout: float,
) -> int:
    """Send a folder's stream to its end; returns the bytes written. The stream is closed."""
    loop = asyncio.get_running_loop()
    sent = 0
    step: concurrent.futures.Future[bytes | None] | None = None
    try:
        step = readers.submit(next, stream, None)
        while True:
            chunk = await asyncio.wrap_future(step, loop=loop)
            if chunk is None:
                break
            # The next chunk is read while this one is written (one read ahead, at most).
            step = readers.submit(next, stream, None)
            writer.write(chunk)
            async with asyncio.timeout(stall_timeout):
                await writer.drain()
            sent += len(chunk)
            # Content bytes and files when the stream counts them (TreeSender does).
            reporter.advance(
                getattr(stream, "bytes_sent", sent), getattr(stream, "files_sent", None)
            )
    finally:
        if step is not None and not step.done():  # cancelled while a chunk is being read
            step.add_done_callback(lambda _: _close_stream(stream))
        else:
            _close_stream(stream)
    return sent


def _close_stream(stream: Iterator[bytes]) -> None:
    close = getattr(stream, "close", None)
    if close is not None:
        close()
