"""The kernel's ``sendfile`` onto a stream transport, on every event loop SocketDesk runs on.

The stock loops implement ``loop.sendfile`` (``os.sendfile`` on Linux and macOS, TransmitFile on
Windows, read-and-write elsewhere); uvloop does not (``NotImplementedError``, uvloop 0.23). There
the bytes go out the same way the stock loop sends them: ``os.sendfile`` on the transport's
socket, waiting for writability through the loop between calls. The transport owns its file
descriptor (a loop refuses a writer on it), so the wait is on a duplicate of it: the same
socket, the same non-blocking flag. Whatever the transport still holds goes out first, so the
file's bytes never pass bytes written before them.
"""

from __future__ import annotations

import asyncio
import os
from typing import BinaryIO

__all__ = ["native_sendfile", "send_file_bytes"]


def native_sendfile(loop: asyncio.AbstractEventLoop) -> bool:
    """True when ``loop`` implements ``loop.sendfile`` itself (the stock loops do, uvloop not)."""
    return type(loop).sendfile is not asyncio.AbstractEventLoop.sendfile


async def send_file_bytes(
    writer: asyncio.StreamWriter, file: BinaryIO, offset: int, count: int
) -> int:
    """Send ``count`` bytes of ``file`` from ``offset`` on ``writer``; the number sent.

    Fewer than ``count`` only when the file ends first. The file's position is not used.

    Raises:
        OSError: the connection failed (reset, broken pipe).
    """
    loop = asyncio.get_running_loop()
    sock = writer.transport.get_extra_info("socket")
    if native_sendfile(loop) or sock is None or not hasattr(os, "sendfile"):
        return await loop.sendfile(writer.transport, file, offset, count)
    await _flush(writer)
    fd = os.dup(sock.fileno())
    try:
        return await _sendfile_fd(loop, fd, file.fileno(), offset, count)
    finally:
        os.close(fd)


async def _flush(writer: asyncio.StreamWriter) -> None:
    """Wait until the transport has written everything it was given."""
    transport = writer.transport
    if not transport.get_write_buffer_size():
        return
    low, high = transport.get_write_buffer_limits()
    transport.set_write_buffer_limits(high=0, low=0)  # drain() now waits for an empty buffer
    try:
        await writer.drain()
    finally:
        transport.set_write_buffer_limits(high=high, low=low)


async def _sendfile_fd(
    loop: asyncio.AbstractEventLoop, fd: int, file_fd: int, offset: int, count: int
) -> int:
    sent = 0
    while sent < count:
        try:
            got = os.sendfile(fd, file_fd, offset + sent, count - sent)
        except BlockingIOError:
            await _writable(loop, fd)
            continue
        if got == 0:
            break  # the file ends here
        sent += got
        if sent < count:  # the socket's buffer is full: let the loop run until it is not
            await _writable(loop, fd)
    return sent


async def _writable(loop: asyncio.AbstractEventLoop, fd: int) -> None:
    ready = loop.create_future()

    def on_writable() -> None:
        if not ready.done():
            ready.set_result(None)

    loop.add_writer(fd, on_writable)
    try:
        await ready
    finally:
        loop.remove_writer(fd)
