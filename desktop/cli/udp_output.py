"""How ``socketdesk-cli udp`` shows datagrams: one line each after its sender, or a hexdump."""

from __future__ import annotations

import sys

from desktop.cli.session_report import StderrReport
from desktop.cli.stream_codec import _check_codec
from desktop.core.codec.hexdump import hexdump_lines
from desktop.core.codec.visible import visible_text
from desktop.core.errors import SaveError, SocketDeskError
from desktop.core.net.connection import format_address
from desktop.core.net.udp_facts import Datagram, truncated_note
from desktop.core.net.udp_files import DatagramFiles
from desktop.core.session.session import SessionCore

__all__ = ["DatagramPrinter"]

SockAddr = tuple[object, ...]


class DatagramPrinter(StderrReport):
    """Prints each datagram as ``HOST:PORT: text`` (or a hexdump); saves with ``-o``/``--split``.

    Also the report of the command's session core.
    """

    def __init__(
        self, verbose: bool, hex_output: bool, encoding: str | None, show: bool = True
    ) -> None:
        super().__init__(verbose)
        self.show = show
        self.session = SessionCore(self)
        self.hex = hex_output
        self.encoding = _check_codec(encoding) or "utf-8"
        self.files: DatagramFiles | None = None
        self.last_peer: SockAddr | None = None
        self.closed = False

    def on_datagrams(
        self, datagrams: list[Datagram], replies: list[tuple[SockAddr, bytes]]
    ) -> None:
        lines: list[str] = []
        for datagram in datagrams:
            peer = format_address(datagram.peer)
            self.last_peer = datagram.peer
            if self.session.saving is not None:
                self.session.save(datagram.data)
            if self.files is not None:
                try:
                    self.files.write(peer, datagram.data)
                except SaveError as error:
                    self.files = None
                    self.on_error(error)
            if self.show:
                lines.extend(self.lines(peer, datagram))
        self.print_lines(lines)

    def lines(self, peer: str, datagram: Datagram) -> list[str]:
        """How one datagram is shown."""
        if self.hex:
            lines = [f"{peer}: {len(datagram.data)} bytes", *hexdump_lines(datagram.data)]
        else:
            lines = [f"{peer}: {visible_text(datagram.data, self.encoding, limit=1 << 17)}"]
        if datagram.truncated:
            lines.append(f"{peer}: {truncated_note(peer, len(datagram.data), datagram.size)}")
        return lines

    def print_lines(self, lines: list[str]) -> None:
        """Write lines to stdout (stops quietly once stdout is closed, like nc)."""
        if self.closed or not lines:
            return
        try:
            sys.stdout.write("\n".join(lines) + "\n")
            sys.stdout.flush()
        except BrokenPipeError:
            self.closed = True

    def on_udp_error(self, error: SocketDeskError) -> None:
        self.on_error(error)
