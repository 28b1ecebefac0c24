"""Files offered with a message, as the user and the transfer code see them.

A ``FileOffer`` (``attachments.py``) is one entry as the wire holds it (bytes, hex); an
``OfferedFile`` is the same entry decoded with the sender's encoding, and an ``Offer`` is every
file of one SENDMSG together with what a download request must repeat (packet number, the
sender's address and names, the encoding to speak).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.ipmsg.events import Peer

__all__ = ["Offer", "OfferedFile"]


@dataclass(frozen=True, slots=True)
class OfferedFile:
    """One file or folder of an offer.

    Attributes:
        file_id: the id a request names (decimal in the offer, hex in the request).
        name: the name as sent, decoded; **not yet safe** to use as a path (sanitise first).
        size: bytes (a folder's is the total of its contents, and may be 0 or wrong).
        mtime: Unix time (0 when the sender did not say: iptux).
        is_folder: fetched with GETDIRFILES, else GETFILEDATA.
    """

    file_id: int
    name: str
    size: int
    mtime: int = 0
    is_folder: bool = False


@dataclass(frozen=True, slots=True)
class Offer:
    """Every file of one SENDMSG|FILEATTACHOPT.

    Attributes:
        peer: who offered them (their address is where the TCP request goes).
        packet_no: the SENDMSG's packet number, repeated in each request and in RELEASEFILES.
        files: the files and folders, in the sender's order.
        encoding: the codec of the names, and of the names in a folder stream.
        utf8: the offer came with UTF8OPT (requests then carry UTF8OPT too).
    """

    peer: Peer
    packet_no: int
    files: tuple[OfferedFile, ...]
    encoding: str = "utf-8"
    utf8: bool = False

    @property
    def total_size(self) -> int:
        """The sum of the announced sizes."""
        return sum(f.size for f in self.files)
