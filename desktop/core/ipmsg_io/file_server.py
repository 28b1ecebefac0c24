"""The TCP side of the messenger: peers fetch what we offered (reference §3.2).

IPMsg and iptux download over TCP to the messenger's own port (2425, the UDP port's number):
one request packet (``file_request``), then the raw bytes. Every request is checked by the
``OfferBook``: the server never opens a path the book was not given.

Hostile peers: the request must arrive whole within ``request_timeout`` (a silent or trickling
peer is closed then; it holds a coroutine, never a thread) and is at most ``MAX_REQUEST`` bytes;
connections beyond ``max_connections`` in all or ``max_per_ip`` from one address are closed at
once; a receiver that stops reading for ``stall_timeout`` is dropped.

A receiver asking again for a file it is still being sent (same user, host and IP: a retry
that arrived before we noticed its old connection died) has abandoned the old connection: that
upload ends as interrupted (failed, never done, the file not used up) and the new request is
served, on the same row (``UploadFactory`` gives the row of that offer, recipient and file).

The bytes themselves go out through ``upload_bytes``: regular files with the kernel's
``sendfile`` (``net.kernel_sendfile``: ``loop.sendfile``, or ``os.sendfile`` driven by the loop on
uvloop, which lacks it) in steps so progress can be reported; folders (GETDIRFILES) from a
``FolderStream`` (``tree_send.TreeSender``), a blocking iterator asked for one chunk at a time in
this server's executor, one read ahead. Without a ``FolderStream`` a folder request is refused
with ``FoldersUnavailable``.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from desktop.core.errors import SocketDeskError
from desktop.core.ipmsg.constants import Opt
from desktop.core.ipmsg.events import Address
from desktop.core.ipmsg.file_request import MAX_REQUEST, FileRequest, parse_request, request_ends
from desktop.core.ipmsg.offer_book import OfferBook, Recipient, SharedFile
from desktop.core.ipmsg.packet_errors import MalformedPacket
from desktop.core.ipmsg.transfer import TransferState
from desktop.core.ipmsg.transfer_errors import FileRefused
from desktop.core.ipmsg_io.progress import TransferReporter
from desktop.core.ipmsg_io.upload_bytes import send_file, send_folder
from desktop.core.net.listen import open_listeners
from desktop.core.os_reasons import os_reason
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["FileServer", "FolderStream", "FoldersUnavailable", "ServerLimits", "UploadFactory"]

# Makes the reporter of an upload that ``authorize`` allowed (a new or an existing row).
UploadFactory = Callable[[FileRequest, SharedFile, Recipient, Address], TransferReporter]
# The byte stream of a folder (path, the requester's encoding), in bounded chunks.
FolderStream = Callable[[str, str], Iterator[bytes]]


@dataclass(frozen=True, slots=True)
class ServerLimits:
    """How long and how many.

    Attributes:
        request_timeout: seconds for the whole request to arrive.
        settle: seconds to wait for more bytes after a request that parses but does not end
            visibly (iptux's ``%x:%x:%x`` without NUL).
        stall_timeout: seconds a receiver may take to accept the next chunk.
        max_connections: connections served at once, in all.
        max_per_ip: connections served at once from one address.
    """

    request_timeout: float = 10.0
    settle: float = 0.2
    stall_timeout: float = 60.0
    max_connections: int = 64
    max_per_ip: int = 8


class FoldersUnavailable(FileRefused):
    """A folder was requested, and this build cannot send folders yet."""

    def __init__(self, who: str) -> None:
        super().__init__(
            who, sentence(QT_TRANSLATE_NOOP("core", "sending folders is not available yet"))
        )


class FileServer:
    """Serves the ``book``'s files over TCP.

    Args:
        book: what was offered (shared with whoever offers: the same object).
        uploads: makes the reporter of each allowed upload.
        on_refused: told each refused or unreadable request (for a log or a notice).
        encoding_for: the code page of a peer's names by IP, for requests without UTF8OPT.
        folder_stream: sends folders; None refuses GETDIRFILES.
        limits: see ``ServerLimits``.
        clock: the ``now`` given to the book (default: the loop's clock).
    """

    def __init__(
        self,
        book: OfferBook,
        uploads: UploadFactory,
        *,
        on_refused: Callable[[SocketDeskError], None] | None = None,
        encoding_for: Callable[[str], str] = lambda ip: "utf-8",
        folder_stream: FolderStream | None = None,
        limits: ServerLimits | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.book = book
        self.uploads = uploads
        self.on_refused = on_refused
        self.encoding_for = encoding_for
        self.folder_stream = folder_stream
        self.limits = limits or ServerLimits()
        self._clock = clock
        self._servers: list[asyncio.Server] = []
        self._per_ip: dict[str, int] = {}
        self._active = 0
        self._tasks: set[asyncio.Task[None]] = set()
        self._running: dict[int, asyncio.Task[None]] = {}  # transfer id -> its upload
        # (packet, file id, recipient) -> the connection serving it; the ones given up for a
        # newer request of the same recipient (they end as interrupted, not cancelled).
        self._serving: dict[tuple[int, int, Recipient], asyncio.Task[None]] = {}
        self._abandoned: set[asyncio.Task[None]] = set()
        # Reads folder streams from the disk, one chunk per call (never on the loop's thread).
        self._readers = concurrent.futures.ThreadPoolExecutor(4, "ipmsg-folder")
        self.turned_away = 0  # connections closed at once, over a limit
        self.address: Address = ("0.0.0.0", 0)

    @property
    def active(self) -> int:
        """Connections being served now."""
        return self._active

    async def start(self, host: str, port: int) -> Address:
        """Listen on ``host``:``port`` (TCP); returns the bound address.

        Raises:
            AddressInUse, PermissionDenied, ListenError: with a sentence (``listen.bind_error``).
        """
        for sock in open_listeners(host, port):
            self._servers.append(await asyncio.start_server(self._accepted, sock=sock))
        name = self._servers[0].sockets[0].getsockname()
        self.address = (str(name[0]), int(name[1]))
        return self.address

    async def close(self) -> None:
        """Stop listening and end every connection (running uploads end as cancelled)."""
        servers, self._servers = self._servers, []
        for server in servers:
            server.close()
        for task in list(self._tasks):
            task.cancel()
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)
        for server in servers:
            await server.wait_closed()
        self._readers.shutdown(wait=False)

    def cancel(self, transfer_id: int) -> bool:
        """Stop the running upload ``transfer_id``; False if there is none."""
        task = self._running.get(transfer_id)
        if task is None:
            return False
        task.cancel()
        return True

    # -- one connection ---------------------------------------------------------------------------
    async def _accepted(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peer = writer.get_extra_info("peername") or ("?", 0)
        ip = _plain_ip(str(peer[0]))
        limits = self.limits
        if self._active >= limits.max_connections or self._per_ip.get(ip, 0) >= limits.max_per_ip:
            self.turned_away += 1
            writer.transport.abort()
            return
        task = asyncio.current_task()
        assert task is not None
        self._tasks.add(task)
        self._active += 1
        self._per_ip[ip] = self._per_ip.get(ip, 0) + 1
        try:
            await self._serve(reader, writer, (ip, int(peer[1])))
        except asyncio.CancelledError:
            pass  # closing: the connection is dropped below
        finally:
            self._active -= 1
            if self._per_ip[ip] <= 1:
                del self._per_ip[ip]
            else:
                self._per_ip[ip] -= 1
            self._tasks.discard(task)
            writer.transport.abort()

    async def _serve(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, peer: Address
    ) -> None:
        ip = peer[0]
        try:
            data = await self._read_request(reader)
            packet, request = parse_request(data)
            utf8 = bool(packet.options & Opt.UTF8OPT)
            encoding = "utf-8" if utf8 else self.encoding_for(ip)
            user = packet.user.decode(encoding, "replace")
            host = packet.host.decode(encoding, "replace")
            shared = self.book.authorize(request, user, host, ip, self._now())
        except TimeoutError:
            self._refused(
                FileRefused(
                    ip,
                    sentence(
                        QT_TRANSLATE_NOOP("core", "no whole request arrived within {seconds} s"),
                        seconds=f"{self.limits.request_timeout:g}",
                    ),
                )
            )
            return
        except (MalformedPacket, FileRefused) as error:
            self._refused(error)
            return
        recipient = Recipient(user, host, ip)
        key = (request.packet_no, request.file_id, recipient)
        task = asyncio.current_task()
        assert task is not None
        old = self._serving.get(key)
        self._serving[key] = task
        complete = False
        try:
            if old is not None and not old.done():
                self._abandoned.add(old)
                old.cancel()
                await asyncio.wait({old})  # its row is finished before the new fetch starts
            if shared.is_folder and self.folder_stream is None:
                self._refused(FoldersUnavailable(f"{user}@{host} ({ip})"))
                return
            reporter = self.uploads(request, shared, recipient, peer)
            complete = await self._upload(
                reader, writer, shared, request, encoding=encoding, reporter=reporter
            )
        finally:
            if self._serving.get(key) is task:
                del self._serving[key]
            self._abandoned.discard(task)
            self.book.finished(request.packet_no, request.file_id, recipient, complete=complete)

    async def _read_request(self, reader: asyncio.StreamReader) -> bytes:
        """The request's bytes: until it visibly ends, the peer stops, or it is too long."""
        buf = bytearray()
        async with asyncio.timeout(self.limits.request_timeout):
            while len(buf) <= MAX_REQUEST and not request_ends(bytes(buf)):
                wanted = MAX_REQUEST + 1 - len(buf)
                if buf and _parses(bytes(buf)):
                    try:
                        async with asyncio.timeout(self.limits.settle):
                            chunk = await reader.read(wanted)
                    except TimeoutError:
                        break
                else:
                    chunk = await reader.read(wanted)
                if not chunk:
                    break
                buf += chunk
        return bytes(buf)

    async def _upload(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        shared: SharedFile,
        request: FileRequest,
        *,
        encoding: str,
        reporter: TransferReporter,
    ) -> bool:
        """Send the file (or folder); True when every byte went out. Reports the outcome."""
        task = asyncio.current_task()
        assert task is not None
        transfer_id = reporter.current.transfer_id
        self._running[transfer_id] = task
        reporter.start(done=request.offset)
        try:
            if shared.is_folder:
                assert self.folder_stream is not None
                stream = self.folder_stream(shared.path, encoding)
                sent = await send_folder(
                    writer, stream, self._readers, reporter, self.limits.stall_timeout
                )
                short = None
            else:
                sent = await send_file(
                    writer, shared, request.offset, reporter, self.limits.stall_timeout
                )
                short = sent < shared.size - request.offset
            await self._close_gracefully(reader, writer)
        except asyncio.CancelledError:
            if task in self._abandoned:
                reporter.finish(
                    TransferState.FAILED,
                    sentence(
                        QT_TRANSLATE_NOOP(
                            "core", "interrupted: the receiver asked for the file again"
                        )
                    ),
                )
            else:
                reporter.finish(
                    TransferState.CANCELLED,
                    sentence(QT_TRANSLATE_NOOP("core", "the upload was cancelled")),
                )
            raise
        except TimeoutError:
            reporter.finish(
                TransferState.FAILED,
                sentence(QT_TRANSLATE_NOOP("core", "the receiver stopped reading")),
            )
            return False
        except OSError as error:
            reporter.finish(TransferState.FAILED, _send_reason(error))
            return False
        except SocketDeskError as error:  # a folder that cannot be read (TreeSendError)
            self._refused(error)
            reporter.finish(TransferState.FAILED, error.sentence)
            return False
        finally:
            self._running.pop(transfer_id, None)
        if short:
            reporter.finish(
                TransferState.FAILED,
                sentence(QT_TRANSLATE_NOOP("core", "the file is shorter than when it was offered")),
            )
            return False
        reporter.finish(TransferState.DONE)
        return True

    async def _close_gracefully(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        """Half-close and let the receiver close first, so no unread byte turns into a reset."""
        async with asyncio.timeout(self.limits.stall_timeout):
            await writer.drain()
            if writer.can_write_eof():
                writer.write_eof()
            with contextlib.suppress(OSError):
                while await reader.read(1 << 16):
                    pass

    def _refused(self, error: SocketDeskError) -> None:
        if self.on_refused is not None:
            self.on_refused(error)

    def _now(self) -> float:
        return self._clock() if self._clock is not None else asyncio.get_running_loop().time()


def _parses(data: bytes) -> bool:
    try:
        parse_request(data)
    except MalformedPacket:
        return False
    return True


def _plain_ip(ip: str) -> str:
    """``::ffff:127.0.0.1`` (a dual-stack socket's IPv4 peer) as ``127.0.0.1``."""
    return ip[7:] if ip.startswith("::ffff:") and "." in ip else ip


def _send_reason(error: OSError) -> Sentence:
    if isinstance(error, ConnectionError | BrokenPipeError):
        return sentence(QT_TRANSLATE_NOOP("core", "the receiver closed the connection"))
    return os_reason(error)
