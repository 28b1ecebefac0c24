"""Send a file over a stream, chunk by chunk, with back-pressure, progress and cancel.

The file is read in a worker thread (a slow disk never blocks the event loop), one chunk ahead
of the network: while the kernel takes chunk k, chunk k+1 is read. Each write is followed by
``drain()``, so a peer that reads slowly slows the reading and memory stays at about two chunks.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol, TypeVar

from desktop.core.errors import NetError, NotConnected, SocketDeskError
from desktop.core.os_reasons import os_reason
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["DEFAULT_CHUNK_SIZE", "FileProgress", "Writable", "send_file"]

# 1 MiB per read and write: large enough that per-chunk overhead (a thread hop, a task) is
# negligible at GB/s, small enough that the two chunks in flight are a modest amount of memory.
DEFAULT_CHUNK_SIZE = 1024 * 1024

_T = TypeVar("_T")


class Writable(Protocol):
    """What ``send_file`` writes to: a ``StreamConnection`` or anything shaped like one."""

    def write(self, data: bytes) -> None:
        """Queue ``data``; raise ``NetError`` when it cannot be queued."""

    async def drain(self) -> None:
        """Wait until queued bytes are down to a low mark (or the connection is gone)."""

    @property
    def is_open(self) -> bool:
        """True while bytes can still be sent."""


@dataclass(frozen=True)
class FileProgress:
    """Where a file send stands.

    Attributes:
        sent: bytes handed to the connection so far.
        total: the file's size when it was opened (0 if it could not be opened).
        done: True on the last report (success, failure or cancel).
        error: None on success and on intermediate reports, else a sentence.
    """

    sent: int
    total: int
    done: bool
    error: Sentence | None


class _Cancelled(Exception):
    """The cancel event was set while waiting."""


class _ReadFailed(Exception):
    """Reading the file failed; ``args[0]`` is the ``OSError``."""


async def send_file(
    target: Writable,
    path: Path,
    on_progress: Callable[[FileProgress], None],
    cancel: asyncio.Event,
    *,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress_interval_s: float = 0.1,
) -> int:
    """Send the bytes of ``path`` to ``target``.

    Progress is reported when the send starts, then at most every ``progress_interval_s``, and
    once more at the end with ``done=True`` (and ``error`` unless every byte was sent). Setting
    ``cancel`` stops the send promptly, even while the peer is not reading or the disk hangs; the
    last report then says "Cancelled after N of M bytes." (or "Cancelled before PATH was
    opened.") and the bytes sent so far are returned.

    Args:
        target: the connection to write to.
        path: the file to send.
        on_progress: called on the event loop with each report.
        cancel: set it to stop the send.
        chunk_size: bytes per read and write.
        progress_interval_s: least time between two intermediate reports.

    Returns:
        The number of bytes sent.

    Raises:
        NetError: the connection closed (or refused more data) before the end.
        SocketDeskError: the file could not be opened or read.
        ValueError: ``chunk_size`` is below 1.
    """
    if chunk_size < 1:
        raise ValueError(f"The chunk size must be at least 1 byte (got {chunk_size}).")
    transfer = _Transfer(target, _FileReader(path), on_progress, cancel)
    try:
        await transfer.run(chunk_size, progress_interval_s)
    except _Cancelled:
        transfer.report(transfer.cancelled(path))
        return transfer.sent
    except NotConnected:
        closed = sentence(
            QT_TRANSLATE_NOOP(
                "core", "The connection closed after {sent} of {total} bytes were sent."
            ),
            sent=transfer.sent,
            total=transfer.total,
        )
        transfer.report(closed)
        raise NetError(closed) from None
    except NetError as error:
        transfer.report(error.sentence)
        raise
    except _ReadFailed as failure:
        unreadable = sentence(
            QT_TRANSLATE_NOOP("core", "Could not read {path}: {reason}."),
            path=str(path),
            reason=os_reason(failure.args[0]),
        )
        transfer.report(unreadable)
        raise SocketDeskError(unreadable) from None
    except asyncio.CancelledError:
        transfer.report(transfer.cancelled(path))
        raise
    finally:
        transfer.close()
    transfer.report()
    return transfer.sent


class _FileReader:
    """A file used from one worker thread of its own.

    The thread runs calls in order, so ``close()`` takes effect after a read that is still
    running (a cancel does not wait for a slow disk, and no file is left open).
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._file: BinaryIO | None = None
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="file-send")

    def open(self) -> asyncio.Future[int]:
        """Open the file; the result is its size."""
        return asyncio.get_running_loop().run_in_executor(self._thread, self._open)

    def read(self, size: int) -> asyncio.Future[bytes]:
        """The next ``size`` bytes at most (empty at the end)."""
        return asyncio.get_running_loop().run_in_executor(self._thread, self._read, size)

    def close(self) -> None:
        """Close the file after what is still queued, then let the thread end."""
        self._thread.submit(self._close)
        self._thread.shutdown(wait=False)

    # -- in the worker thread ------------------------------------------------------------------
    def _open(self) -> int:
        self._file = self._path.open("rb")
        return os.fstat(self._file.fileno()).st_size

    def _read(self, size: int) -> bytes:
        assert self._file is not None
        return self._file.read(size)

    def _close(self) -> None:
        if self._file is not None:
            self._file.close()


class _Transfer:
    """The state of one ``send_file`` call."""

    def __init__(
        self,
        target: Writable,
        reader: _FileReader,
        on_progress: Callable[[FileProgress], None],
        cancel: asyncio.Event,
    ) -> None:
        self._target = target
        self._reader = reader
        self._on_progress = on_progress
        self._cancel = cancel
        self._canceller = asyncio.ensure_future(cancel.wait())
        self.sent = 0
        self.total = 0
        self.opened = False

    def report(self, error: Sentence | None = None, *, done: bool = True) -> None:
        self._on_progress(FileProgress(self.sent, self.total, done=done, error=error))

    async def run(self, chunk_size: int, progress_interval_s: float) -> None:
        """Send everything; raise ``_Cancelled``, ``_ReadFailed`` or ``NetError`` if not."""
        loop, target, reader = asyncio.get_running_loop(), self._target, self._reader
        self.total = await self._wait_file(reader.open())
        self.opened = True
        self.report(done=False)
        last_report = loop.time()
        reading = reader.read(chunk_size)
        while chunk := await self._wait_file(reading):
            if not target.is_open:
                raise NotConnected()
            target.write(chunk)
            self.sent += len(chunk)
            # Read the next chunk while the kernel takes this one: two chunks in memory at most.
            reading = reader.read(chunk_size)
            await self._wait(target.drain())
            if not target.is_open:
                raise NotConnected()
            now = loop.time()
            if now - last_report >= progress_interval_s:
                last_report = now
                self.report(done=False)

    def cancelled(self, path: Path) -> Sentence:
        """The sentence for a cancel at this point."""
        if not self.opened:
            return sentence(
                QT_TRANSLATE_NOOP("core", "Cancelled before {path} was opened."), path=str(path)
            )
        return sentence(
            QT_TRANSLATE_NOOP("core", "Cancelled after {sent} of {total} bytes."),
            sent=self.sent,
            total=self.total,
        )

    async def _wait_file(self, step: Awaitable[_T]) -> _T:
        """``_wait`` for a file operation: its ``OSError`` becomes ``_ReadFailed``."""
        try:
            return await self._wait(step)
        except OSError as error:
            raise _ReadFailed(error) from None

    async def _wait(self, step: Awaitable[_T]) -> _T:
        """Await ``step`` unless ``cancel`` is set first (then raise ``_Cancelled``)."""
        if self._cancel.is_set():
            raise _Cancelled()
        task = asyncio.ensure_future(step)
        try:
            await asyncio.wait((task, self._canceller), return_when=asyncio.FIRST_COMPLETED)
        except asyncio.CancelledError:
            task.cancel()
            raise
        if task.done():
            return task.result()
        task.cancel()  # a read already running finishes in its thread, then the file closes
        raise _Cancelled()

    def close(self) -> None:
        """Stop waiting for ``cancel``; close the file once its thread is idle."""
        self._canceller.cancel()
        self._reader.close()
