"""Writing files so that a reader never sees half of one."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from desktop.core.errors import SaveError
from desktop.core.os_reasons import os_reason
from desktop.core.private import private_file
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = ["open_atomic"]


@contextlib.contextmanager
def open_atomic(path: Path, *, private: bool = False) -> Iterator[BinaryIO]:
    """Open ``path`` for writing so that it appears only when complete.

    The data goes to ``path`` + ``.part``, which is moved onto ``path`` when the block ends
    without an exception, and removed when it raises. ``private`` makes the file 0600 whatever
    the umask (exports of settings and saved messages: ``core/private.py``).

    Raises:
        SaveError: the file could not be written or moved into place.
    """
    part = path.with_suffix(path.suffix + ".part")
    try:
        if private:
            private_file(part)
        with part.open("wb") as stream:
            yield stream
        os.replace(part, path)
    except BaseException as error:
        # Cleanup only: the error being raised below is the one that matters.
        with contextlib.suppress(OSError):
            part.unlink()
        if isinstance(error, OSError):
            raise SaveError(
                sentence(
                    QT_TRANSLATE_NOOP("core", "Could not write {path}: {reason}."),
                    path=str(path),
                    reason=os_reason(error),
                )
            ) from error
        raise
