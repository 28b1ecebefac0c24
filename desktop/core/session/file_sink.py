"""Save a received stream to a file: exact bytes, written as they arrive, renamed when complete."""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import cast

from desktop.core.errors import SaveError
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = ["StreamFile"]

# Disk space is reserved ahead of the bytes written (Linux ``fallocate`` with
# FALLOC_FL_KEEP_SIZE: the file's size stays the bytes written), as far ahead as what is already
# written, from 1 MiB up to 64 MiB (a small save reserves little; on tmpfs a reservation is
# zeroed memory). ext4 then skips its per-block delayed-allocation bookkeeping on every write
# (2 GiB spliced: that bookkeeping 13 % -> 6 % of the receiver's CPU, #15); what is left past the
# end is freed when the file is closed.
_AHEAD_MIN = 1024 * 1024
_AHEAD_MAX = 64 * 1024 * 1024
_KEEP_SIZE = 1  # FALLOC_FL_KEEP_SIZE
_Fallocate = Callable[[int, int, int, int], int]


@functools.cache
def _reserver() -> _Fallocate | None:
    """libc's ``fallocate`` (Linux), loaded once a file is saved: ctypes costs ~1 MiB of RSS
    that a server saving nothing does not need."""
    if sys.platform != "linux":
        return None
    import ctypes  # noqa: PLC0415

    try:
        call = ctypes.CDLL(None, use_errno=True).fallocate
    except AttributeError:
        return None
    call.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int64, ctypes.c_int64]
    call.restype = ctypes.c_int
    return cast(_Fallocate, call)


class StreamFile:
    """Writes bytes to ``PATH.part`` and renames it to ``PATH`` on ``close``.

    A failure (disk full, no permission) raises ``SaveError`` naming the file and how many
    bytes reached it; the ``.part`` file is kept so that nothing already saved is lost.

    Args:
        path: the final file name.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.part = self.path.with_name(self.path.name + ".part")
        self.written = 0
        # Reserved up to here (0: not yet; None: this file system refused, write without).
        self._reserved: int | None = 0
        try:
            self._fd: int | None = os.open(self.part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        except OSError as error:
            raise SaveError(
                sentence(
                    QT_TRANSLATE_NOOP("core", "Could not create {path}: {reason}."),
                    path=str(self.part),
                    reason=error.strerror,
                )
            ) from None

    def write(self, data: bytes | memoryview) -> None:
        """Append ``data`` (all of it, or raise)."""
        fd = self._open_fd()
        view = memoryview(data)
        self._reserve(fd, len(view))
        try:
            while view:
                done = os.write(fd, view)
                self.written += done
                view = view[done:]
        except OSError as error:
            raise self._failed(error) from None

    def splice_from(self, pipe: int, count: int) -> None:
        """Append the next ``count`` bytes waiting in ``pipe`` (Linux ``splice``: the bytes never
        enter user space), all of them or raise ``SaveError`` as ``write`` does."""
        fd = self._open_fd()
        self._reserve(fd, count)
        try:
            while count:
                done = os.splice(pipe, fd, count, flags=os.SPLICE_F_MOVE)
                self.written += done
                count -= done
        except OSError as error:
            raise self._failed(error) from None

    def _reserve(self, fd: int, count: int) -> None:
        """Reserve disk space for the next ``count`` bytes and more (see ``_AHEAD_MIN``) when
        the reservation runs out. Where that fails (no space for so much, a file system without
        ``fallocate``) the file is written without: the writes say when the disk is full."""
        reserved = self._reserved
        if reserved is None or self.written + count <= reserved:
            return
        fallocate = _reserver()
        written = self.written
        end = written + count + min(max(written, _AHEAD_MIN), _AHEAD_MAX)
        if fallocate is None or fallocate(fd, _KEEP_SIZE, reserved, end - reserved) != 0:
            self._reserved = None
            self._trim(fd)
            return
        self._reserved = end

    def _trim(self, fd: int) -> None:
        """Free what was reserved past the bytes written (the file's size does not change)."""
        if self._reserved != 0:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, self.written)

    def _open_fd(self) -> int:
        if self._fd is None:
            raise SaveError(
                sentence(
                    QT_TRANSLATE_NOOP("core", "{path} is already closed."), path=str(self.path)
                )
            )
        return self._fd

    def _failed(self, error: OSError) -> SaveError:
        """Close the file after a failed write; the error to raise."""
        if self._fd is not None:
            fd, self._fd = self._fd, None
            self._trim(fd)
            os.close(fd)
        return SaveError(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "Could not write {path}: {reason}. "
                    "{count} bytes were saved before the failure.",
                ),
                path=str(self.part),
                reason=error.strerror,
                count=self.written,
            )
        )

    def close(self) -> int:
        """Finish the file (rename ``.part`` to the final name); returns bytes written."""
        if self._fd is not None:
            fd, self._fd = self._fd, None
            self._trim(fd)
            try:
                os.close(fd)
                os.replace(self.part, self.path)
            except OSError as error:
                raise SaveError(
                    sentence(
                        QT_TRANSLATE_NOOP("core", "Could not finish {path}: {reason}."),
                        path=str(self.path),
                        reason=error.strerror,
                    )
                ) from None
        return self.written

    @property
    def closed(self) -> bool:
        """True once closed or failed."""
        return self._fd is None
