"""Save a received stream to a file: exact bytes, written as they arrive, renamed when complete."""

from __future__ import annotations

import os
from pathlib import Path

from desktop.core.errors import SaveError
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = ["StreamFile"]


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
        try:
            while count:
                done = os.splice(pipe, fd, count, flags=os.SPLICE_F_MOVE)
                self.written += done
                count -= done
        except OSError as error:
            raise self._failed(error) from None

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
