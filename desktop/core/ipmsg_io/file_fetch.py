"""Download one offered regular file over TCP (reference §3.2), resumably and never half-done.

The data goes to ``NAME.part``, which becomes ``NAME`` only when it holds exactly the announced
size; a short, long or broken stream, a cancel or a full disk leaves the ``.part`` (or nothing)
and raises, so no file ever looks complete when it is not. A ``.part`` left by an earlier try is
resumed: the request asks from its size. IP Messenger honours that offset; iptux ignores it and
sends the whole file (§3.2, §3.5). That shows as a stream longer than what was asked for, and
the download restarts cleanly from byte 0 on a new connection.

The end of the data is the sender's close. After the last expected byte we wait ``linger``
seconds for it: more bytes mean the sender ignored the offset (or is broken); silence is taken
as the end (a sender that waits for us to close first).

Names: ``choose_target`` makes the offered name safe and never picks an existing file, with the
one set of name rules (``core/ipmsg/safe_names.py``), leaving room for the ``.part`` suffix.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import ConnectTimeout
from desktop.core.ipmsg.file_request import FileRequest, request_packet
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.offers import Offer, OfferedFile
from desktop.core.ipmsg.safe_names import NAME_BYTES_MAX, unique_name
from desktop.core.ipmsg.transfer_errors import FetchFailed
from desktop.core.net.connect import connect_socket
from desktop.core.os_reasons import os_reason
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["PART_SUFFIX", "FetchOptions", "choose_target", "fetch_file", "part_path"]

PART_SUFFIX = ".part"
_BUFFER = 1 << 20
_MAX_NAME_BYTES = NAME_BYTES_MAX - len(PART_SUFFIX)  # room for ".part"


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """Timeouts of one download, in seconds.

    Attributes:
        connect_timeout: to connect.
        read_timeout: the longest silence while bytes are still expected.
        linger: after the last expected byte, how long to wait for the sender's close.
        source: the local address to connect from (the messenger's own, when it is bound to
            one: senders check that a request comes from the address they offered to); None:
            the system chooses.
    """

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    linger: float = 2.0
    source: str | None = None


def part_path(target: Path) -> Path:
    """Where ``target``'s bytes gather until they are complete."""
    return target.with_name(target.name + PART_SUFFIX)


def choose_target(folder: Path, name: str) -> Path:
    """A path directly inside ``folder`` for the offered ``name``: made safe, never an existing
    file (``a (2).txt``, ``a (3).txt``... on a collision). Its ``.part`` may exist: it is resumed.
    """

    def taken(candidate: str) -> bool:
        path = folder / candidate
        return path.exists() or path.is_symlink()

    return folder / unique_name(name, taken, max_bytes=_MAX_NAME_BYTES)


async def fetch_file(
    offer: Offer,
    file: OfferedFile,
    target: Path,
    *,
    identity: Identity,
    packet_no: Callable[[], int],
    progress: Callable[[int], None],
    options: FetchOptions | None = None,
) -> Path:
    """Download ``file`` of ``offer`` into ``target`` (through ``target.part``); the final path.

    Args:
        offer: where from (``offer.peer.address``) and how to ask (encoding, UTF-8).
        file: the regular file wanted.
        target: where it lands (``choose_target``); it is not overwritten if it appears
            meanwhile: the next free name is taken.
        identity: who asks.
        packet_no: gives each request packet its number.
        progress: told the bytes held so far (resumed bytes included).

    Raises:
        FetchFailed: short, long or broken stream, or the disk refused the data.
        ConnectError, ConnectTimeout: could not connect.
        asyncio.CancelledError: cancelled; the ``.part`` stays for a resume.
    """
    if file.is_folder:
        raise ValueError("fetch_file downloads regular files; folders go through tree_receive")
    options = options or FetchOptions()
    part = part_path(target)
    # A .part as long as the file is asked from its end too, never renamed unasked: its tail
    # may be an offset-ignoring sender's bytes from a try cut off just before that showed.
    offset = _existing(part, file.size)
    progress(offset)
    if not await _attempt(offer, file, part, offset, identity, packet_no, progress, options):
        progress(0)  # the sender ignored the offset: start again from byte 0
        if not await _attempt(offer, file, part, 0, identity, packet_no, progress, options):
            raise _long(file, part)
    return _finish(part, target, file)


async def _attempt(  # noqa: PLR0917 (one private step, called twice above)
    offer: Offer,
    file: OfferedFile,
    part: Path,
    offset: int,
    identity: Identity,
    packet_no: Callable[[], int],
    progress: Callable[[int], None],
    options: FetchOptions,
) -> bool:
    """One connection from ``offset``; False when the stream ran past the end (resumed only)."""
    loop = asyncio.get_running_loop()
    host, port = offer.peer.address
    try:
        async with asyncio.timeout(options.connect_timeout):
            sock = await connect_socket(host, port, local_addr=local_address(options))
    except TimeoutError:
        raise ConnectTimeout(host, port, options.connect_timeout) from None
    expected = file.size - offset
    got = 0
    over = False
    try:
        fd = _open_part(file, part, offset)
        try:
            request = FileRequest(offer.packet_no, file.file_id, offset)
            data = request_packet(
                identity, packet_no(), request, encoding=offer.encoding, utf8=offer.utf8
            )
            async with asyncio.timeout(options.read_timeout):
                await loop.sock_sendall(sock, data)
            view = memoryview(bytearray(_BUFFER))
            while got < expected:
                async with asyncio.timeout(options.read_timeout):
                    n = await loop.sock_recv_into(sock, view)
                if n == 0:
                    raise _short(file, offset + got)
                take = min(n, expected - got)
                _write_all(fd, view[:take], file, part)
                got += take
                progress(offset + got)
                if n > take:
                    over = True
                    break
            if not over:
                with contextlib.suppress(TimeoutError):
                    async with asyncio.timeout(options.linger):
                        over = await loop.sock_recv_into(sock, view[:65536]) > 0
        finally:
            os.close(fd)
    except TimeoutError:
        raise FetchFailed(
            file.name,
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "the sender sent nothing for {seconds} s after {done} of {size} bytes"
                ),
                seconds=f"{options.read_timeout:g}",
                done=offset + got,
                size=file.size,
            ),
        ) from None
    except OSError:
        raise FetchFailed(
            file.name,
            sentence(
                QT_TRANSLATE_NOOP("core", "the connection broke after {done} of {size} bytes"),
                done=offset + got,
                size=file.size,
            ),
        ) from None
    finally:
        sock.close()
    if over and offset == 0:
        raise _long(file, part)
    return not over


def local_address(options: FetchOptions) -> tuple[str, int] | None:
    """Where a download connects from (``options.source``, any port), or None."""
    return None if options.source is None else (options.source, 0)


def _existing(part: Path, size: int) -> int:
    """Bytes already in ``part`` worth keeping (0 when absent or longer than the file)."""
    try:
        held = part.stat().st_size
    except OSError:
        return 0
    return held if held <= size else 0


def _open_part(file: OfferedFile, part: Path, offset: int) -> int:
    flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(part, flags, 0o644)
        os.ftruncate(fd, offset)
        os.lseek(fd, offset, os.SEEK_SET)
    except OSError as error:
        raise _disk(file, part, error) from None
    return fd


def _write_all(fd: int, data: memoryview, file: OfferedFile, part: Path) -> None:
    try:
        while data:
            data = data[os.write(fd, data) :]
    except OSError as error:
        raise _disk(file, part, error) from None


def _finish(part: Path, target: Path, file: OfferedFile) -> Path:
    """``part`` (checked to hold exactly the size) under the final name, never overwriting."""
    held = part.stat().st_size if part.exists() else -1
    if held != file.size:
        raise _short(file, max(held, 0))
    if file.mtime > 0:
        with contextlib.suppress(OSError):
            os.utime(part, (file.mtime, file.mtime))
    final = target
    while True:
        try:
            os.link(part, final)  # fails rather than overwrite
        except FileExistsError:
            final = choose_target(target.parent, target.name)
            continue
        except OSError as error:
            if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
                raise _disk(file, part, error) from None
            if final.exists():  # no hard links (FAT...): check, then rename
                final = choose_target(target.parent, target.name)
                continue
            os.replace(part, final)
            return final
        part.unlink()
        return final


def _short(file: OfferedFile, done: int) -> FetchFailed:
    if done == 0:
        reason: Sentence = sentence(
            QT_TRANSLATE_NOOP(
                "core", "the sender closed the connection without sending anything (refused?)"
            )
        )
    else:
        reason = sentence(
            QT_TRANSLATE_NOOP(
                "core", "the sender closed the connection after {done} of {size} bytes"
            ),
            done=done,
            size=file.size,
        )
    return FetchFailed(file.name, reason)


def _long(file: OfferedFile, part: Path) -> FetchFailed:
    with contextlib.suppress(OSError):
        part.unlink()  # its bytes cannot be trusted
    return FetchFailed(
        file.name,
        sentence(
            QT_TRANSLATE_NOOP("core", "the sender sent more than the announced {size} bytes"),
            size=file.size,
        ),
    )


def _disk(file: OfferedFile, part: Path, error: OSError) -> FetchFailed:
    return FetchFailed(
        file.name,
        sentence(
            QT_TRANSLATE_NOOP("core", "cannot write {path}: {reason}"),
            path=str(part),
            reason=os_reason(error),
        ),
    )
