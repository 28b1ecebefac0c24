"""Files and datagrams: one file per received datagram, a file sent as a datagram sequence."""

from __future__ import annotations

import asyncio
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from desktop.core.errors import SaveError, SocketDeskError
from desktop.core.net.udp_facts import MAX_IPV4
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = ["DatagramFiles", "file_datagrams", "send_file"]

_UNSAFE = re.compile(r"[^0-9A-Za-z.]+")


class DatagramFiles:
    """Saves each datagram to a file of its own in ``directory``: ``000001_HOST_PORT.bin``…

    Raises:
        SaveError: the folder cannot be made, or a file cannot be written.
    """

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        self.count = 0
        self.written = 0
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise SaveError(
                sentence(
                    QT_TRANSLATE_NOOP("core", "Could not create {path}: {reason}."),
                    path=str(self.directory),
                    reason=error.strerror,
                )
            ) from None

    def write(self, peer: str, data: bytes) -> Path:
        """Save one datagram from ``peer`` (``host:port``); returns its file."""
        name = _UNSAFE.sub("_", peer.replace("[", "").replace("]", "")).strip("_")
        path = self.directory / f"{self.count + 1:06d}_{name}.bin"
        try:
            path.write_bytes(data)
        except OSError as error:
            raise SaveError(
                sentence(
                    QT_TRANSLATE_NOOP(
                        "core", "Could not write {path}: {reason}. {count} datagrams were saved."
                    ),
                    path=str(path),
                    reason=error.strerror,
                    count=self.count,
                )
            ) from None
        self.count += 1
        self.written += len(data)
        return path


def file_datagrams(path: str | os.PathLike[str], size: int) -> Iterator[bytes]:
    """The contents of ``path`` in datagrams of ``size`` bytes (the last may be shorter).

    Raises:
        ValueError: ``size`` is not 1 … 65,507.
        SocketDeskError: the file cannot be read (the sentence says why).
    """
    if not 0 < size <= MAX_IPV4:
        raise ValueError(f"The datagram size must be 1–{MAX_IPV4} bytes (got {size}).")
    try:
        with open(path, "rb") as file:
            while chunk := file.read(size):
                yield chunk
    except OSError as error:
        raise SocketDeskError(
            sentence(
                QT_TRANSLATE_NOOP("core", "Could not read {path}: {reason}."),
                path=str(path),
                reason=error.strerror,
            )
        ) from None


async def send_file(
    send: Callable[[bytes], object],
    path: str | os.PathLike[str],
    size: int,
    interval_s: float,
    progress: Callable[[int], None],
) -> None:
    """Send ``path`` as datagrams of ``size`` bytes, ``interval_s`` apart (0: yield every 64).

    ``send`` sends one datagram (raising ``SocketDeskError`` stops); ``progress(count)`` is
    called with the datagrams sent so far, after each pause.

    Raises:
        SocketDeskError, ValueError: as ``send`` and ``file_datagrams``.
    """
    count = 0
    for chunk in file_datagrams(path, size):
        send(chunk)
        count += 1
        if interval_s > 0 or count % 64 == 0:
            progress(count)
            await asyncio.sleep(interval_s)
    progress(count)
