"""The kernel's ``sendfile`` onto a stream transport, on every event loop SocketDesk runs on.

The stock loops implement ``loop.sendfile`` (``os.sendfile`` on Linux and macOS, TransmitFile on
Windows, read-and-write elsewhere); uvloop does not (``NotImplementedError``, uvloop 0.23). There
the bytes go out the same way the stock loop sends them: ``os.sendfile`` on the transport's
socket, called again from the loop's writer callback whenever the socket has room. The
transport owns its file descriptor (a loop refuses a writer on it), so the wait is on a
duplicate of it: the same socket, the same non-blocking flag. Whatever the transport still
holds goes out first, so the file's bytes never pass bytes written before them.
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
    sender = None
    try:
        sender = _FdSender(loop, fd, file.fileno(), offset, count)
        return await sender.done
    finally:
        if sender is not None:
            sender.stop()
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


class _FdSender:
    """``os.sendfile`` from a writer callback, as the stock loop's own: no task wake-up per
    step, the writer registered while the socket is full and removed at the end."""

    def __init__(
        self, loop: asyncio.AbstractEventLoop, fd: int, file_fd: int, offset: int, count: int
    ) -> None:
        self.loop, self.fd, self.file_fd = loop, fd, file_fd
        self.offset, self.count, self.sent = offset, count, 0
        self.done: asyncio.Future[int] = loop.create_future()
        self._waiting = False
        self._step()

    def _step(self) -> None:
        if self.done.done():  # cancelled
            self.stop()
            return
        try:
            got = os.sendfile(
                self.fd, self.file_fd, self.offset + self.sent, self.count - self.sent
            )
        except BlockingIOError:
            got = -1
        except OSError as error:
            self.stop()
            self.done.set_exception(error)
            return
        if got > 0:
            self.sent += got
        if got == 0 or self.sent >= self.count:  # the file ended, or all is sent
            self.stop()
            self.done.set_result(self.sent)
        elif not self._waiting:  # the socket's buffer is full: on again when it is not
            self.loop.add_writer(self.fd, self._step)
            self._waiting = True

    def stop(self) -> None:
        """No more steps (idempotent); before the descriptor is closed."""
        if self._waiting:
            self.loop.remove_writer(self.fd)
            self._waiting = False
