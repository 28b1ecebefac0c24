"""The directory stream for a local folder (the answer to GETDIRFILES), in chunks.

API: a **sync iterator**. ``TreeSender(folder, encoding)`` yields ``bytes`` chunks of about
``chunk_size`` (headers and small files are packed together, so 10,000 small files make a few
hundred chunks, not 20,000 writes). Reading blocks on the disk, so the asyncio file server drives
it from an executor, one chunk at a time, and writes each chunk with ``drain()``::

    chunk = await loop.run_in_executor(None, next, sender, None)   # None at the end

``close()`` (or dropping it) closes every file and folder it holds open. Memory stays under about
twice ``chunk_size`` whatever the tree holds: folders are listed as they are walked.

The format is the one IPMsg and iptux read (reference §3.3): ``%04x`` header lengths, the first
record is the folder itself, ``.`` RETPARENT records carrying the folder's time, ``14=`` mtime and
``16=`` ctime items. Choices, each tested:

- Names are encoded in the requester's encoding; a ``:`` becomes ``_`` (iptux cannot read
  ``::``), and a character the encoding cannot carry (an emoji to a GBK peer, bytes that are not
  valid in the file system's encoding) becomes ``_``: every file is still sent, under a lossy
  name, and the receiver numbers any names that then collide.
- Links are never followed (neither to files nor to folders, inside or outside the folder) and
  other special files (FIFOs, sockets, devices) are skipped: only regular files and folders are
  sent. The folder given itself may be a link (the user chose it).
- A file is opened ``O_NOFOLLOW`` and its size is taken from the open descriptor; exactly that
  many bytes are sent. A file that grew is cut at that size; one that shrank stops the stream
  with ``TreeSendError`` (the receiver then sees an incomplete folder, never a wrong file).
- A file or folder that cannot be read (no permission) stops the stream with ``TreeSendError``
  rather than leaving a silent hole in the folder.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Generator, Iterator
from pathlib import Path

from desktop.core.ipmsg.constants import FileType
from desktop.core.ipmsg.dir_stream import DirHeader, format_header
from desktop.core.ipmsg_io.tree_errors import TreeSendError
from desktop.core.os_reasons import os_reason
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = ["CHUNK_SIZE", "TreeSender", "tree_size", "wire_name"]

# Big enough that a socket write per chunk is cheap, small enough to stay out of the way.
CHUNK_SIZE = 256 * 1024
_OPEN_FILE = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)  # a FIFO swapped in after the listing must not block us
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


def wire_name(name: str, encoding: str) -> bytes:
    """``name`` in ``encoding`` for a header: ``:`` and unencodable characters become ``_``."""
    name = name.replace(":", "_")
    try:
        return name.encode(encoding)
    except UnicodeEncodeError:
        return b"".join(_char(c, encoding) for c in name)


def tree_size(folder: Path) -> tuple[int, int]:
    """``(bytes, files)`` that ``TreeSender`` would send for ``folder`` (the offer's size).

    Raises:
        TreeSendError: a folder cannot be listed.
    """
    total = files = 0
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            with os.scandir(current) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(Path(entry.path))
                    elif entry.is_file(follow_symlinks=False):
                        total += entry.stat(follow_symlinks=False).st_size
                        files += 1
        except OSError as error:
            raise TreeSendError(str(current), os_reason(error)) from error
    return total, files


class TreeSender:
    """The directory stream of ``folder``, as an iterator of chunks.

    Args:
        folder: the folder offered.
        encoding: the requester's encoding for names (UTF-8 when its request had UTF8OPT).
        top_name: the first record's name (default: the folder's own name).
        chunk_size: the size chunks are packed up to.

    Raises (while iterating):
        TreeSendError: something in the folder cannot be read or shrank while being sent.
    """

    def __init__(
        self,
        folder: Path,
        encoding: str,
        *,
        top_name: str | None = None,
        chunk_size: int = CHUNK_SIZE,
    ) -> None:
        "".encode(encoding)  # LookupError now, not on the first name
        self._folder = folder
        self._encoding = encoding
        self._top = top_name or folder.name or "folder"
        self._chunk_size = chunk_size
        self.bytes_sent = 0
        self.files_sent = 0
        self._chunks: Generator[bytes, None, None] = self._stream()

    def __iter__(self) -> Iterator[bytes]:
        return self

    def __next__(self) -> bytes:
        return next(self._chunks)

    def close(self) -> None:
        """Stop early, closing every file and folder held open."""
        self._chunks.close()

    def _stream(self) -> Generator[bytes, None, None]:
        out = bytearray()
        try:
            top = os.stat(self._folder)
            listing = os.scandir(self._folder)
        except OSError as error:
            raise TreeSendError(str(self._folder), os_reason(error)) from error
        out += self._header(self._top, 0, FileType.DIR, top)
        stack: list[tuple[Iterator[os.DirEntry[str]], os.stat_result, str]] = [
            (listing, top, str(self._folder))
        ]
        try:
            while stack:
                entries, info, where = stack[-1]
                try:
                    entry = next(entries, None)
                    if entry is None:
                        stack.pop()
                        _close_listing(entries)
                        out += self._header(".", 0, FileType.RETPARENT, info)
                    elif entry.is_dir(follow_symlinks=False):
                        where = entry.path
                        info = entry.stat(follow_symlinks=False)
                        stack.append((os.scandir(entry.path), info, entry.path))
                        out += self._header(entry.name, 0, FileType.DIR, info)
                    elif entry.is_file(follow_symlinks=False):
                        where = entry.path
                        yield from self._file(entry, out)
                except OSError as error:
                    raise TreeSendError(where, os_reason(error)) from error
                if len(out) >= self._chunk_size:
                    yield bytes(out)
                    out.clear()
            if out:
                yield bytes(out)
        finally:
            for entries, _, _ in stack:
                _close_listing(entries)

    def _file(self, entry: os.DirEntry[str], out: bytearray) -> Iterator[bytes]:
        fd = os.open(entry.path, _OPEN_FILE)
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                return  # swapped for something else since the listing: not a regular file
            out += self._header(entry.name, info.st_size, FileType.REGULAR, info)
            left = info.st_size
            while left:
                data = os.read(fd, min(left, max(self._chunk_size - len(out), 65536)))
                if not data:
                    raise TreeSendError(
                        entry.path,
                        sentence(
                            QT_TRANSLATE_NOOP("core", "it became shorter while it was being sent")
                        ),
                    )
                out += data
                left -= len(data)
                self.bytes_sent += len(data)
                if len(out) >= self._chunk_size:
                    yield bytes(out)
                    out.clear()
        finally:
            os.close(fd)
        self.files_sent += 1

    def _header(self, name: str, size: int, kind: FileType, info: os.stat_result) -> bytes:
        mtime = max(int(info.st_mtime), 0)
        ctime = max(int(info.st_ctime), 0)
        return format_header(
            DirHeader(wire_name(name, self._encoding), size, kind, mtime, (b"16=%x" % ctime,))
        )


def _close_listing(entries: Iterator[os.DirEntry[str]]) -> None:
    """Close a ``scandir`` listing (typed as a plain iterator above)."""
    close = getattr(entries, "close", None)
    if close is not None:
        close()


def _char(char: str, encoding: str) -> bytes:
    try:
        return char.encode(encoding)
    except UnicodeEncodeError:
        return b"_"
