"""Every file transfer of one messenger, both ways, on the engine's loop.

Downloads: ``download(offer, file_ids, folder)`` makes one row per file and fetches them (a few
at once, the rest wait); ``cancel`` and ``retry`` act on a row (a retry resumes from the
``.part``). Uploads: ``share`` records an offer in the ``OfferBook`` and makes a waiting row per
recipient and file; the ``FileServer`` turns a row to running when the peer fetches, and
``released``/expiry turn waiting rows to declined/expired.

Every row's snapshots (``Transfer``) go to ``publish``: each state change, and progress at most
~10 times a second (``progress.TransferReporter``).

Hooking onto ``MessengerEngine`` (round 2): build it next to the node with
``packet_no=node's numbers``, ``await book.start_server(host, port)`` right after the UDP
socket is bound (same address and port), ``await book.close()`` in ``close``.
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.core.errors import SocketDeskError
from desktop.core.ipmsg.events import Address, Peer
from desktop.core.ipmsg.file_request import FileRequest
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.offer_book import OfferBook, Recipient, SharedFile
from desktop.core.ipmsg.offers import Offer, OfferedFile
from desktop.core.ipmsg.packet import PacketNumbers
from desktop.core.ipmsg.transfer import Direction, Transfer, TransferState
from desktop.core.ipmsg.transfer_errors import TransferError
from desktop.core.ipmsg_io.file_fetch import FetchOptions, choose_target, fetch_file
from desktop.core.ipmsg_io.file_server import FileServer, FolderStream, ServerLimits
from desktop.core.ipmsg_io.folder_fetch import fetch_folder
from desktop.core.ipmsg_io.progress import Publish, TransferReporter
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["TransferBook"]

_PARALLEL = 4  # downloads running at once; the others wait their turn


@dataclass(slots=True)
class _Download:
    reporter: TransferReporter
    offer: Offer
    file: OfferedFile
    target: Path
    task: asyncio.Task[None] | None = None


@dataclass(slots=True)
class _Upload:
    reporter: TransferReporter
    packet_no: int
    file_id: int
    ip: str


class TransferBook:
    """Downloads and uploads of one messenger user.

    Args:
        identity: who we are (requests carry our names).
        publish: receives every published ``Transfer`` snapshot (on the loop's thread).
        packet_no: numbers request packets (the node's own sequence, in round 2).
        options: download timeouts.
        first_id: the first transfer id (above every stored one: ``TransferStore.next_id()``).
        clock: monotonic clock for throttling and rates; wall: for start/finish times.
    """

    def __init__(
        self,
        identity: Identity,
        publish: Publish,
        *,
        packet_no: Callable[[], int] | None = None,
        options: FetchOptions | None = None,
        first_id: int = 1,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.identity = identity
        self.offers = OfferBook()
        self.options = options or FetchOptions()
        self._publish = publish
        numbers = PacketNumbers(int(wall()))
        self._packet_no = packet_no or (lambda: next(numbers))
        self._clock = clock
        self._wall = wall
        self._ids = itertools.count(first_id)
        self._downloads: dict[int, _Download] = {}
        self._uploads: dict[int, _Upload] = {}
        self._upload_rows: dict[tuple[int, int, str], int] = {}  # (packet, file, ip) -> id
        self._slots = asyncio.Semaphore(_PARALLEL)
        self._expiry: asyncio.TimerHandle | None = None
        self.server: FileServer | None = None

    def transfers(self) -> list[Transfer]:
        """The latest snapshot of every row."""
        rows = [d.reporter.current for d in self._downloads.values()]
        rows += [u.reporter.current for u in self._uploads.values()]
        return sorted(rows, key=lambda t: t.transfer_id)

    # -- receiving --------------------------------------------------------------------------------
    def download(self, offer: Offer, file_ids: Iterable[int], folder: Path) -> list[int]:
        """Fetch these files of ``offer`` into ``folder``; the new rows' ids.

        Raises:
            KeyError: a file id the offer does not have.
        """
        by_id = {f.file_id: f for f in offer.files}
        chosen = [by_id[i] for i in file_ids]
        ids = []
        for file in chosen:
            target = choose_target(folder, file.name)
            reporter = self._reporter(
                Transfer(
                    transfer_id=next(self._ids),
                    direction=Direction.RECEIVE,
                    peer_label=offer.peer.label,
                    peer_address=offer.peer.address,
                    packet_no=offer.packet_no,
                    file_id=file.file_id,
                    name=target.name,
                    is_folder=file.is_folder,
                    size=file.size,
                    path=str(target),
                )
            )
            row = _Download(reporter, offer, file, target)
            self._downloads[reporter.current.transfer_id] = row
            ids.append(reporter.current.transfer_id)
            reporter.publish()
            self._run(row)
        return ids

    def cancel(self, transfer_id: int) -> None:
        """Stop a download, or a running or waiting upload (the peer may not fetch it then)."""
        if (down := self._downloads.get(transfer_id)) is not None:
            if down.task is not None and not down.task.done():
                down.task.cancel()
            return
        up = self._uploads.get(transfer_id)
        if up is None or up.reporter.current.state.finished:
            return
        self.offers.revoke(up.packet_no, up.file_id, up.ip)
        if self.server is not None and self.server.cancel(transfer_id):
            return  # the server reports it cancelled
        up.reporter.finish(TransferState.CANCELLED, _cancelled())

    def retry(self, transfer_id: int) -> None:
        """Start a failed or cancelled download again (it resumes from what arrived)."""
        row = self._downloads.get(transfer_id)
        if row is None or not row.reporter.current.state.finished:
            return
        if row.reporter.current.state is TransferState.DONE:
            return
        row.reporter.update(state=TransferState.WAITING, reason=None)
        row.reporter.publish()
        self._run(row)

    def _run(self, row: _Download) -> None:
        row.task = asyncio.get_running_loop().create_task(self._fetch(row))

    async def _fetch(self, row: _Download) -> None:
        reporter = row.reporter
        try:
            async with self._slots:
                reporter.start()
                if row.file.is_folder:
                    final = await fetch_folder(
                        row.offer,
                        row.file,
                        row.target.parent,
                        identity=self.identity,
                        packet_no=self._packet_no,
                        progress=reporter.advance,
                        options=self.options,
                    )
                    reporter.update(path=str(final), name=final.name)
                    reporter.finish(TransferState.DONE)
                    return
                final = await fetch_file(
                    row.offer,
                    row.file,
                    row.target,
                    identity=self.identity,
                    packet_no=self._packet_no,
                    progress=reporter.advance,
                    options=self.options,
                )
        except asyncio.CancelledError:
            reporter.finish(TransferState.CANCELLED, _cancelled())
            return
        except TransferError as error:
            reporter.finish(TransferState.FAILED, error.reason)
            return
        except SocketDeskError as error:
            reporter.finish(TransferState.FAILED, error.sentence)
            return
        reporter.update(path=str(final), name=final.name, done=row.file.size)
        reporter.finish(TransferState.DONE)

    # -- sending ----------------------------------------------------------------------------------
    def share(
        self,
        packet_no: int,
        recipients: Sequence[Peer],
        files: Mapping[int, SharedFile],
        lifetime: float | None,
    ) -> list[int]:
        """Serve ``files`` (by id) of the SENDMSG ``packet_no`` to ``recipients``; the new rows."""
        now = asyncio.get_running_loop().time()
        self.offers.add(
            packet_no,
            ((p.key.user, p.key.host, p.address[0]) for p in recipients),
            files,
            now,
            lifetime,
        )
        ids = []
        for peer in recipients:
            for file_id, shared in files.items():
                ids.append(self._upload_row(packet_no, file_id, shared, peer.label, peer.address))
        self._arm_expiry()
        return ids

    def released(self, packet_no: int, ip: str) -> None:
        """The peer at ``ip`` declined the offer (RELEASEFILES): its waiting rows say so."""
        self.offers.release(packet_no, ip)
        self._end_waiting(
            lambda u: u.packet_no == packet_no and u.ip == ip,
            TransferState.DECLINED,
            sentence(QT_TRANSLATE_NOOP("core", "the receiver declined the offer")),
        )

    async def start_server(
        self,
        host: str,
        port: int,
        *,
        encoding_for: Callable[[str], str] = lambda ip: "utf-8",
        folder_stream: FolderStream | None = None,
        limits: ServerLimits | None = None,
        on_refused: Callable[[SocketDeskError], None] | None = None,
    ) -> Address:
        """Serve the shared files over TCP on ``host``:``port`` (the messenger's own)."""
        self.server = FileServer(
            self.offers,
            self._upload_reporter,
            on_refused=on_refused,
            encoding_for=encoding_for,
            folder_stream=folder_stream,
            limits=limits,
        )
        return await self.server.start(host, port)

    async def close(self) -> None:
        """Stop serving and downloading (running rows end as cancelled)."""
        if self._expiry is not None:
            self._expiry.cancel()
            self._expiry = None
        tasks = [d.task for d in self._downloads.values() if d.task and not d.task.done()]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        if self.server is not None:
            await self.server.close()

    def _upload_reporter(
        self, request: FileRequest, shared: SharedFile, recipient: Recipient, peer: Address
    ) -> TransferReporter:
        key = (request.packet_no, request.file_id, recipient.ip)
        row_id = self._upload_rows.get(key)
        if row_id is None:
            label = f"{recipient.user}@{recipient.host} ({recipient.ip})"
            row_id = self._upload_row(request.packet_no, request.file_id, shared, label, peer)
        return self._uploads[row_id].reporter

    def _upload_row(
        self, packet_no: int, file_id: int, shared: SharedFile, label: str, address: Address
    ) -> int:
        reporter = self._reporter(
            Transfer(
                transfer_id=next(self._ids),
                direction=Direction.SEND,
                peer_label=label,
                peer_address=address,
                packet_no=packet_no,
                file_id=file_id,
                name=Path(shared.path).name,
                is_folder=shared.is_folder,
                size=shared.size,
                path=shared.path,
            )
        )
        row_id = reporter.current.transfer_id
        self._uploads[row_id] = _Upload(reporter, packet_no, file_id, address[0])
        self._upload_rows[(packet_no, file_id, address[0])] = row_id
        reporter.publish()
        return row_id

    def _arm_expiry(self) -> None:
        loop = asyncio.get_running_loop()
        if self._expiry is not None:
            self._expiry.cancel()
        when = self.offers.next_expiry()
        self._expiry = None if when is None else loop.call_at(when, self._expire)

    def _expire(self) -> None:
        self._expiry = None
        gone = set(self.offers.expire(asyncio.get_running_loop().time()))
        self._end_waiting(
            lambda u: u.packet_no in gone,
            TransferState.EXPIRED,
            sentence(QT_TRANSLATE_NOOP("core", "the offer expired before it was fetched")),
        )
        self._arm_expiry()

    def _end_waiting(
        self, which: Callable[[_Upload], bool], state: TransferState, reason: Sentence
    ) -> None:
        for up in self._uploads.values():
            current = up.reporter.current.state
            if which(up) and current in (TransferState.WAITING, TransferState.FAILED):
                up.reporter.finish(state, reason)

    def _reporter(self, transfer: Transfer) -> TransferReporter:
        return TransferReporter(transfer, self._publish, clock=self._clock, wall=self._wall)


def _cancelled() -> Sentence:
    return sentence(QT_TRANSLATE_NOOP("core", "the transfer was cancelled"))
