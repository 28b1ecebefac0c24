"""Download one offered folder over TCP (GETDIRFILES, reference §3.3) into a chosen folder.

The directory stream is fed to a ``tree_receive.TreeReceiver`` as it arrives (on the loop
thread: it writes what each chunk completes, a few system calls per file); the tree is written
under ``NAME.part`` and renamed only when the stream ended with the top folder complete. A
cancel, a broken or malformed stream, a full disk, or a sender that sends far more than its
offer announced (more than ``OVERRUN`` bytes past a size above 0) removes the ``.part`` tree:
no folder that looks complete is ever left behind.

A folder is not resumed (GETDIRFILES has no offset): a retry starts it again.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from desktop.core.errors import ConnectTimeout
from desktop.core.ipmsg.file_request import FileRequest, request_packet
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.offers import Offer, OfferedFile
from desktop.core.ipmsg.transfer_errors import FetchFailed
from desktop.core.ipmsg_io.file_fetch import FetchOptions, local_address
from desktop.core.ipmsg_io.tree_receive import TreeReceiver
from desktop.core.net.connect import connect_socket
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = ["OVERRUN", "fetch_folder"]

# Bytes a folder's content may exceed its announced size by before the sender is stopped
# (sizes change a little between the offer and the fetch; a flood does not).
OVERRUN = 1 << 20
_BUFFER = 1 << 20


async def fetch_folder(
    offer: Offer,
    file: OfferedFile,
    folder: Path,
    *,
    identity: Identity,
    packet_no: Callable[[], int],
    progress: Callable[[int, int], None],
    options: FetchOptions | None = None,
) -> Path:
    """Download the folder ``file`` of ``offer`` into ``folder``; its final path.

    Args:
        offer: where from and how to ask (its encoding is the names' in the stream too).
        file: the folder wanted.
        folder: the chosen folder (it must exist); the tree lands directly inside it.
        identity: who asks.
        packet_no: gives the request packet its number.
        progress: told the content bytes and the files written so far.

    Raises:
        FetchFailed: the stream broke, stalled or overran the announced size.
        DirStreamError: the stream is malformed.
        TreeIncomplete, TreeWriteFailed, TreeUnsafe: see ``TreeReceiver``.
        ConnectError, ConnectTimeout: could not connect.
        asyncio.CancelledError: cancelled (the ``.part`` tree is removed).
    """
    if not file.is_folder:
        raise ValueError("fetch_folder downloads folders; files go through file_fetch")
    options = options or FetchOptions()
    loop = asyncio.get_running_loop()
    host, port = offer.peer.address
    try:
        async with asyncio.timeout(options.connect_timeout):
            sock = await connect_socket(host, port, local_addr=local_address(options))
    except TimeoutError:
        raise ConnectTimeout(host, port, options.connect_timeout) from None
    receiver: TreeReceiver | None = None
    try:
        receiver = TreeReceiver(folder, file.name, offer.encoding)
        request = FileRequest(offer.packet_no, file.file_id, folder=True)
        data = request_packet(
            identity, packet_no(), request, encoding=offer.encoding, utf8=offer.utf8
        )
        async with asyncio.timeout(options.read_timeout):
            await loop.sock_sendall(sock, data)
        limit = file.size + OVERRUN if file.size > 0 else None
        view = memoryview(bytearray(_BUFFER))
        progress(0, 0)
        while True:
            async with asyncio.timeout(options.read_timeout):
                n = await loop.sock_recv_into(sock, view)
            if n == 0:
                break
            receiver.feed(bytes(view[:n]))
            if limit is not None and receiver.bytes_done > limit:
                raise _overrun(file)
            progress(receiver.bytes_done, receiver.files_done)
        final = receiver.finish()
        progress(receiver.bytes_done, receiver.files_done)
        return final
    except TimeoutError:
        raise FetchFailed(
            file.name,
            sentence(
                QT_TRANSLATE_NOOP("core", "the sender sent nothing for {seconds} s"),
                seconds=f"{options.read_timeout:g}",
            ),
        ) from None
    except OSError:
        done = receiver.bytes_done if receiver is not None else 0
        raise FetchFailed(
            file.name,
            sentence(
                QT_TRANSLATE_NOOP("core", "the connection broke after {done} bytes"), done=done
            ),
        ) from None
    finally:
        sock.close()
        if receiver is not None:
            receiver.abort()  # harmless after finish(); removes the .part tree otherwise


def _overrun(file: OfferedFile) -> FetchFailed:
    return FetchFailed(
        file.name,
        sentence(
            QT_TRANSLATE_NOOP(
                "core", "the sender sent far more than the announced {size} bytes; stopped"
            ),
            size=file.size,
        ),
    )
