"""Writing a received folder (a GETDIRFILES directory stream) inside a chosen folder.

``TreeReceiver`` is fed the stream's bytes as they arrive (sync, a few system calls per file: the
file fetcher calls it from the loop thread or an executor). Safety, each a hostile-peer test:

- every name is decoded with the peer's encoding (errors replaced) and made one safe component
  (``safe_names.safe_name``); the first record's name is ignored for the offer's name, as IPMsg
  does;
- every folder and file is created exclusively (``mkdir``, ``O_CREAT|O_EXCL|O_NOFOLLOW``) relative
  to the descriptor of its parent folder, which was itself opened ``O_NOFOLLOW`` right after we
  made it: nothing in the way is followed or overwritten, a name taken is numbered (``a (2).txt``),
  and a folder swapped for a link while we write cannot redirect a byte;
- the tree is written under ``NAME.part`` and renamed to a free name only when the stream ended
  with every file complete; ``abort()`` (and any failure) removes the ``.part`` tree;
- nesting is capped by the parser (``dir_stream.MAX_DEPTH``), sizes come from each header and the
  parser hands exactly that many bytes to each file.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import itertools
import os
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop.core.ipmsg.constants import FileType
from desktop.core.ipmsg.dir_stream import MAX_DEPTH, DirHeader, DirStreamParser
from desktop.core.ipmsg.safe_names import NAME_BYTES_MAX, candidates, safe_name
from desktop.core.ipmsg_io.tree_errors import TreeIncomplete, TreeUnsafe, TreeWriteFailed

__all__ = ["TreeReceiver"]

_PART = ".part"
_TRIES = 10_000  # numbered names tried before a name counts as unavailable
_DIR_FD = {os.open, os.mkdir, os.rename, os.utime} <= os.supports_dir_fd
_UTIME_FD = os.utime in os.supports_fd
_OPEN_DIR = (
    os.O_RDONLY
    | getattr(os, "O_DIRECTORY", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
_CREATE = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


@dataclass(slots=True)
class _Dir:
    """A folder being written: its path (for sentences) and descriptor (None without dir_fd)."""

    path: Path
    fd: int | None
    mtime: int = 0


class TreeReceiver:
    """Receives one folder into ``folder``.

    Args:
        folder: the chosen folder (it must exist; it may itself be a link, chosen by the user).
        top_name: the folder's name from the offer (used instead of the stream's first name).
        encoding: the peer's encoding for names (``utf-8``, ``gbk``…).
        max_depth: folders inside the top folder that may nest.

    Raises:
        TreeWriteFailed: ``folder`` cannot be opened.
        LookupError: ``encoding`` is unknown.
    """

    def __init__(
        self, folder: Path, top_name: str, encoding: str, *, max_depth: int = MAX_DEPTH
    ) -> None:
        codecs.lookup(encoding)
        self._encoding = encoding
        self._top = safe_name(top_name)
        self._parser = DirStreamParser(max_depth)
        try:
            root = folder.resolve(strict=True)
            fd = os.open(root, _OPEN_DIR & ~getattr(os, "O_NOFOLLOW", 0)) if _DIR_FD else None
        except OSError as error:
            raise TreeWriteFailed(str(folder), error) from error
        self._root = _Dir(root, fd)
        self._stack: list[_Dir] = []
        self._part_name: str | None = None
        self._file: int | None = None
        self._file_parent = self._root
        self._file_name = ""
        self._file_left = 0
        self._file_mtime = 0
        self._closed = False
        self.bytes_done = 0
        self.files_done = 0
        self.folders_done = 0
        self.path: Path | None = None

    @property
    def part_path(self) -> Path | None:
        """Where the tree is being written (``NAME.part``), once the first record arrived."""
        return None if self._part_name is None else self._root.path / self._part_name

    def feed(self, chunk: bytes) -> None:
        """Write what ``chunk`` completes.

        Raises:
            DirStreamError: the stream is malformed.
            TreeWriteFailed: the disk refused (full, no permission…).
            TreeUnsafe: a link would have taken the data out of the folder.
            RuntimeError: the receiver already finished or was aborted.
        On any error the ``.part`` tree is removed first.
        """
        if self._closed:
            raise RuntimeError("the folder receiver is closed")
        try:
            for item in self._parser.feed(chunk):
                if isinstance(item, bytes):
                    self._write(item)
                else:
                    self._record(item)
        except BaseException:
            self.abort()
            raise

    def finish(self) -> Path:
        """Check the stream ended with the top folder complete and move it to its final name.

        Returns:
            The folder's final path (``NAME``, or ``NAME (2)`` when ``NAME`` is taken).

        Raises:
            TreeIncomplete: the stream stopped early (the ``.part`` tree is removed).
            TreeWriteFailed: the folder could not be moved into place.
        """
        if self._closed:
            raise RuntimeError("the folder receiver is closed")
        if not self._parser.finished or self._file is not None or self._part_name is None:
            self.abort()
            raise TreeIncomplete(self._top)
        try:
            self.path = self._rename(self._part_name)
        except BaseException:
            self.abort()
            raise
        self._closed = True
        self._close_fds(root=True)
        return self.path

    def abort(self) -> None:
        """Stop, closing what is open and removing the ``.part`` tree (safe to call twice)."""
        if self._closed:
            return
        self._closed = True
        self._close_fds(root=False)
        if self._part_name is not None:
            # Cleanup after a failure or a cancel: the failure already reported is what matters,
            # and rmtree never follows a link out of the tree.
            with contextlib.suppress(OSError):
                if self._root.fd is not None:
                    shutil.rmtree(self._part_name, dir_fd=self._root.fd)
                else:
                    shutil.rmtree(self._root.path / self._part_name)
        self._close_fds(root=True)

    # The records.

    def _record(self, header: DirHeader) -> None:
        kind = header.file_type
        if kind == FileType.DIR:
            self._enter(header)
        elif kind == FileType.RETPARENT:
            self._leave(header)
        else:
            self._open_file(header)

    def _enter(self, header: DirHeader) -> None:
        if not self._stack:
            top = self._top.encode("utf-8")[: NAME_BYTES_MAX - 16].decode("utf-8", "ignore")
            made = self._make_dir(self._root, (c + _PART for c in candidates(top, folder=True)))
            self._part_name = made.path.name
        else:
            made = self._make_dir(self._stack[-1], candidates(self._name(header), folder=True))
        made.mtime = header.mtime
        self._stack.append(made)

    def _leave(self, header: DirHeader) -> None:
        done = self._stack.pop()
        mtime = header.mtime or done.mtime
        try:
            if mtime:
                os.utime(done.fd if done.fd is not None else done.path, (mtime, mtime))
        except OSError as error:
            raise TreeWriteFailed(str(done.path), error) from error
        finally:
            if done.fd is not None:
                os.close(done.fd)
                done.fd = None
        self.folders_done += 1

    def _open_file(self, header: DirHeader) -> None:
        parent = self._stack[-1]
        for name in _limited(candidates(self._name(header))):
            try:
                if parent.fd is not None:
                    self._file = os.open(name, _CREATE, 0o666, dir_fd=parent.fd)
                else:
                    self._file = os.open(self._at(parent, name), _CREATE, 0o666)
            except FileExistsError:
                continue
            except OSError as error:
                raise TreeWriteFailed(str(parent.path / name), error) from error
            break
        else:
            raise TreeWriteFailed(str(parent.path), _taken())
        self._file_parent = parent
        self._file_name = name
        self._file_left = header.size
        self._file_mtime = header.mtime
        if not header.size:
            self._close_file()

    @property
    def _file_path(self) -> Path:
        """The file being written (built only for a sentence)."""
        return self._file_parent.path / self._file_name

    def _write(self, data: bytes) -> None:
        assert self._file is not None  # the parser gives content only after a file's header
        try:
            written = os.write(self._file, data)
            if written < len(data):  # a short write: the rest, piece by piece
                view = memoryview(data)[written:]
                while view:
                    view = view[os.write(self._file, view) :]
        except OSError as error:
            raise TreeWriteFailed(str(self._file_path), error) from error
        self.bytes_done += len(data)
        self._file_left -= len(data)
        if not self._file_left:
            self._close_file()

    def _close_file(self) -> None:
        assert self._file is not None
        fd, self._file = self._file, None
        try:
            if self._file_mtime:
                times = (self._file_mtime, self._file_mtime)
                if _UTIME_FD:
                    os.utime(fd, times)  # futimens: no path looked up again
                else:
                    os.utime(self._file_path, times)
        except OSError as error:
            raise TreeWriteFailed(str(self._file_path), error) from error
        finally:
            os.close(fd)
        self.files_done += 1

    # Creating things safely.

    def _name(self, header: DirHeader) -> str:
        return header.name.decode(self._encoding, errors="replace")

    def _make_dir(self, parent: _Dir, names: Iterable[str]) -> _Dir:
        for name in _limited(names):
            path = parent.path / name
            try:
                os.mkdir(self._at(parent, name), 0o777, dir_fd=parent.fd)
            except FileExistsError:
                continue
            except OSError as error:
                raise TreeWriteFailed(str(path), error) from error
            if parent.fd is None:
                return _Dir(path, None)
            try:
                fd = os.open(name, _OPEN_DIR, dir_fd=parent.fd)
            except OSError as error:  # swapped for a link between mkdir and open
                raise TreeUnsafe(str(path)) from error
            return _Dir(path, fd)
        raise TreeWriteFailed(str(parent.path), _taken())

    def _at(self, parent: _Dir, name: str) -> str | Path:
        """``name`` relative to ``parent``'s descriptor, or a checked full path without one."""
        if parent.fd is not None:
            return name
        if Path(os.path.realpath(parent.path)) != parent.path:
            raise TreeUnsafe(str(parent.path))
        return parent.path / name

    def _rename(self, part: str) -> Path:
        root = self._root
        for name in _limited(candidates(self._top, folder=True)):
            path = root.path / name
            try:
                if root.fd is not None:
                    # Reserve the name (mkdir is exclusive), then replace that empty folder:
                    # rename() alone would silently replace an empty folder of the user's.
                    os.mkdir(name, dir_fd=root.fd)
                    try:
                        os.rename(part, name, src_dir_fd=root.fd, dst_dir_fd=root.fd)
                    except OSError:
                        os.rmdir(name, dir_fd=root.fd)
                        raise
                elif path.exists() or path.is_symlink():
                    continue
                else:
                    os.rename(root.path / part, path)
            except FileExistsError:
                continue
            except OSError as error:
                raise TreeWriteFailed(str(path), error) from error
            return path
        raise TreeWriteFailed(str(root.path / self._top), _taken())

    def _close_fds(self, *, root: bool) -> None:
        if root and self._root.fd is not None:
            os.close(self._root.fd)
            self._root.fd = None
        if self._file is not None:
            os.close(self._file)
            self._file = None
        while self._stack:
            done = self._stack.pop()
            if done.fd is not None:
                os.close(done.fd)


def _limited(names: Iterable[str]) -> Iterator[str]:
    return itertools.islice(names, _TRIES)


def _taken() -> FileExistsError:
    """The error for a name whose every numbered variant is taken."""
    return FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST))
