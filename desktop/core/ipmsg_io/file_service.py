"""The messenger engine's files (``engine.files``): offers out and in, on the engine's loop.

It joins the node (offers as SENDMSG|FILEATTACHOPT, RELEASEFILES) to the ``TransferBook`` (the
file server on the engine's own address and port, downloads, the rows):

- ``offer`` measures the paths (a folder with ``tree_send.tree_size``) and offers them to each
  peer in its own SENDMSG; the node's ``FilesOffered`` (just before the datagram leaves)
  registers the offer with the server's ``OfferBook`` before the peer can ask for it;
- a peer's RELEASEFILES (``OfferReleased``) turns its waiting rows to declined;
- ``accept``/``decline`` a received offer, ``release`` (withdraw) ours, ``cancel``/``retry`` rows.

Every ``Transfer`` snapshot is published to ``publish`` in batches, the newest per id, at most
once per turn of the loop. Every method runs on the engine's loop thread.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Protocol

from desktop.core.errors import SaveError, SocketDeskError
from desktop.core.ipmsg.events import Address, Event, FilesOffered, Notice, OfferReleased, PeerKey
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.node import MessengerNode
from desktop.core.ipmsg.offer_book import SharedFile
from desktop.core.ipmsg.offers import Offer, OfferedFile
from desktop.core.ipmsg.transfer import Transfer, TransferState
from desktop.core.ipmsg_io.file_fetch import FetchOptions
from desktop.core.ipmsg_io.file_server import ServerLimits
from desktop.core.ipmsg_io.transfer_book import TransferBook
from desktop.core.ipmsg_io.tree_errors import TreeSendError
from desktop.core.ipmsg_io.tree_send import TreeSender, tree_size
from desktop.core.os_reasons import os_reason
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = ["OFFER_LIFETIME", "FileService", "FileSettings", "PublishBatch"]

# How long an offer of ours may be fetched (seconds). IPMsg keeps offers until it quits; a day
# covers a receiver that accepts the next morning without serving forever.
OFFER_LIFETIME = 24 * 3600.0

PublishBatch = Callable[[list[Transfer]], None]


class _Engine(Protocol):
    """What the service uses of ``MessengerEngine`` (kept narrow: no import cycle)."""

    identity: Identity

    @property
    def node(self) -> MessengerNode: ...

    def send_files(
        self, target: PeerKey | Address, files: Sequence[OfferedFile], text: str = ""
    ) -> int: ...

    def release_files(self, target: PeerKey | Address, packet_no: int) -> None: ...

    def report(self, event: Event) -> None: ...


class FileSettings:
    """How the engine's files behave.

    Args:
        first_id: the first transfer id (``TransferStore.next_id()``: above every stored one).
        lifetime: seconds our offers may be fetched (None: until the messenger stops).
        fetch: download timeouts.
        limits: the file server's limits.
    """

    def __init__(
        self,
        first_id: int = 1,
        lifetime: float | None = OFFER_LIFETIME,
        fetch: FetchOptions | None = None,
        limits: ServerLimits | None = None,
    ) -> None:
        self.first_id = first_id
        self.lifetime = lifetime
        self.fetch = fetch
        self.limits = limits


class FileService:
    """Offers, downloads and uploads of one ``MessengerEngine`` (its ``files``).

    Args:
        engine: the engine (its node, ``send_files``, ``release_files``, ``report``).
        publish: receives batches of ``Transfer`` snapshots (newest per id), or None.
        settings: see ``FileSettings``.
    """

    def __init__(
        self, engine: _Engine, publish: PublishBatch | None, settings: FileSettings | None = None
    ) -> None:
        self._engine = engine
        self._publish = publish
        self.settings = settings or FileSettings()
        self.book = TransferBook(
            engine.identity,
            self._snapshot,
            packet_no=self._packet_no,
            options=self.settings.fetch,
            first_id=self.settings.first_id,
        )
        self._shares: dict[int, dict[int, SharedFile]] = {}  # message id -> files to serve
        self._sent: dict[int, FilesOffered] = {}  # FilesOffered seen before its id was known
        self._pending: dict[int, Transfer] = {}
        self._flush: asyncio.Handle | None = None

    # -- lifecycle (the engine calls these) -------------------------------------------------------
    async def start(self, host: str, port: int) -> Address:
        """Serve our offers over TCP on the messenger's own address and port (and fetch from
        that address when it is a specific one)."""
        if host not in ("0.0.0.0", "") and self.book.options.source is None:
            self.book.options = replace(self.book.options, source=host)
        return await self.book.start_server(
            host,
            port,
            encoding_for=self.encoding_for,
            folder_stream=_folder_stream,
            limits=self.settings.limits,
            on_refused=self._refused,
        )

    async def stop_serving(self) -> None:
        """Stop the file server alone (a port given up while the engine starts)."""
        server, self.book.server = self.book.server, None
        if server is not None:
            await server.close()

    async def close(self) -> None:
        """Stop serving and downloading; the last snapshots are published at once."""
        await self.book.close()
        self._publish_now()

    def on_event(self, event: Event) -> None:
        """The node's events that concern files (before the sink sees them)."""
        if isinstance(event, FilesOffered):
            shared = self._shares.pop(event.message_id, None)
            if shared is None:
                self._sent[event.message_id] = event  # ``offer`` claims it before returning
            else:
                self._share(event, shared)
        elif isinstance(event, OfferReleased):
            self.book.released(event.packet_no, event.peer.address[0])

    def encoding_for(self, ip: str) -> str:
        """The code page of the names of the peer(s) at ``ip`` (the user's choice first)."""
        try:
            node = self._engine.node
        except RuntimeError:  # not started yet
            return "utf-8"
        for peer in node.peers():
            if peer.address[0] == ip:
                return node.encoding_override(peer.address) or peer.encoding
        return "utf-8"

    # -- commands ---------------------------------------------------------------------------------
    def offer(
        self, keys: Sequence[PeerKey], paths: Sequence[str], text: str = ""
    ) -> list[tuple[Offer, int]]:
        """Offer ``paths`` (files and folders) with ``text``: one SENDMSG to each peer.

        Returns:
            Per peer offered, our ``Offer`` (its packet number once sent: 0 while the message
            waits its turn, and a ``FilesOffered`` event follows) and the message id.

        Raises:
            TreeSendError: a path cannot be read.
            UnencodableName, InvalidField, UnknownPeer, TooManyPending: from the node, when no
                peer could be offered the files (a failure for some peers only is a ``Notice``).
        """
        files, shared = _measure(paths)
        offered: list[tuple[Offer, int]] = []
        failures: list[tuple[PeerKey, SocketDeskError]] = []
        for key in keys:
            try:
                message_id = self._engine.send_files(key, files, text)
            except SocketDeskError as error:
                failures.append((key, error))
                continue
            event = self._sent.pop(message_id, None)
            if event is None:  # waiting its turn: registered at its FilesOffered
                self._shares[message_id] = shared
                roster = self._engine.node.roster
                peer = roster.get(key) or roster.departed(key)
                if peer is not None:
                    offered.append((Offer(peer, 0, files), message_id))
            else:
                self._share(event, shared)
                offered.append((event.offer, message_id))
        if failures and not offered:
            raise failures[0][1]
        for key, failure in failures:
            self._engine.report(
                Notice(
                    sentence(
                        QT_TRANSLATE_NOOP(
                            "core", "The files were not offered to {peer}: {reason}."
                        ),
                        peer=f"{key.user}@{key.host}",
                        reason=failure.sentence,
                    )
                )
            )
        return offered

    def accept(self, offer: Offer, file_ids: Sequence[int], folder: Path) -> list[int]:
        """Download these files of a received ``offer`` into ``folder`` (made if missing).

        Raises:
            SaveError: the folder cannot be made.
            KeyError: a file id the offer does not have.
        """
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise SaveError(
                sentence(
                    QT_TRANSLATE_NOOP("core", "Cannot make the folder {path}: {reason}."),
                    path=str(folder),
                    reason=os_reason(error),
                )
            ) from error
        return self.book.download(offer, list(file_ids), folder)

    def decline(self, offer: Offer) -> None:
        """Refuse a received offer: RELEASEFILES to its sender."""
        self._engine.release_files(offer.peer.address, offer.packet_no)

    def release(self, offer: Offer) -> None:
        """Withdraw our offer: nothing more of it is served, its waiting rows end cancelled,
        and the recipient is told (RELEASEFILES)."""
        self.book.offers.withdraw(offer.packet_no)
        for row in self.book.transfers():
            ours = row.packet_no == offer.packet_no and row.peer_address[0] == offer.peer.address[0]
            if ours and row.state is TransferState.WAITING:
                self.book.cancel(row.transfer_id)
        self._engine.release_files(offer.peer.address, offer.packet_no)

    def cancel(self, transfer_id: int) -> None:
        """Stop a transfer (it ends cancelled)."""
        self.book.cancel(transfer_id)

    def retry(self, transfer_id: int) -> None:
        """Start a failed or cancelled download again (a file resumes from its ``.part``)."""
        self.book.retry(transfer_id)

    def transfers(self) -> list[Transfer]:
        """The latest snapshot of every transfer."""
        return self.book.transfers()

    # -- plumbing ---------------------------------------------------------------------------------
    def _share(self, event: FilesOffered, shared: dict[int, SharedFile]) -> None:
        self.book.share(event.offer.packet_no, [event.offer.peer], shared, self.settings.lifetime)

    def _packet_no(self) -> int:
        return self._engine.node.next_packet_no()

    def _refused(self, error: SocketDeskError) -> None:
        self._engine.report(Notice(error.sentence))

    def _snapshot(self, transfer: Transfer) -> None:
        if self._publish is None:
            return
        self._pending[transfer.transfer_id] = transfer
        if self._flush is None:
            self._flush = asyncio.get_running_loop().call_soon(self._publish_now)

    def _publish_now(self) -> None:
        if self._flush is not None:
            self._flush.cancel()
            self._flush = None
        batch, self._pending = list(self._pending.values()), {}
        if batch and self._publish is not None:
            self._publish(batch)


def _folder_stream(path: str, encoding: str) -> TreeSender:
    return TreeSender(Path(path), encoding)


def _measure(paths: Sequence[str]) -> tuple[tuple[OfferedFile, ...], dict[int, SharedFile]]:
    """The offer's entries (ids from 0, as IPMsg numbers them) and what the server may read."""
    files: list[OfferedFile] = []
    shared: dict[int, SharedFile] = {}
    for file_id, text in enumerate(paths):
        path = Path(os.path.abspath(text))
        try:
            info = path.stat()
        except OSError as error:
            raise TreeSendError(str(path), os_reason(error)) from error
        folder = path.is_dir()
        size = tree_size(path)[0] if folder else info.st_size
        name = path.name or str(path)
        files.append(OfferedFile(file_id, name, size, int(info.st_mtime), folder))
        shared[file_id] = SharedFile(str(path), folder, size)
    return tuple(files), shared
