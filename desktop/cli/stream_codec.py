"""How the CLI turns stdin into bytes to send and received bytes into stdout (raw, hex, text)."""

from __future__ import annotations

import codecs
import os
import sys

from desktop.core.errors import InputError

__all__ = ["InputConverter", "OutputWriter", "add_format_options"]


def add_format_options(parser: object) -> None:
    """``--hex`` and ``--encoding`` on a subcommand."""
    parser.add_argument(  # type: ignore[attr-defined]
        "--hex",
        action="store_true",
        help="stdin lines are hex (48 65 6c, 0x48,0x65…); received data is printed as a hexdump",
    )
    parser.add_argument(  # type: ignore[attr-defined]
        "--encoding",
        metavar="CODEC",
        help="the peer's text encoding (gbk, shift_jis…): stdin is re-encoded from UTF-8 to it, "
        "received text decoded from it",
    )


def _check_codec(name: str | None) -> str | None:
    if name is None:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise SystemExit(f"socketdesk-cli: unknown encoding {name!r}") from None


class InputConverter:
    """stdin chunks → bytes to send; problems go to stderr as one line each (nothing is sent)."""

    def __init__(self, hex_input: bool, encoding: str | None, crlf: bool) -> None:
        self.hex = hex_input
        self.encoding = _check_codec(encoding)
        self.crlf = crlf
        self._pending = b""
        self._pending_cr = False
        self._utf8 = codecs.getincrementaldecoder("utf-8")("replace")

    def convert(self, chunk: bytes, final: bool = False) -> bytes:
        """The bytes to send for this chunk of stdin (may hold back an incomplete line)."""
        if self.hex:
            return self._hex(chunk, final)
        if self.encoding:
            text = self._utf8.decode(chunk, final)
            try:
                chunk = text.encode(self.encoding)
            except UnicodeEncodeError as error:
                print(
                    f"socketdesk-cli: {text[error.start]!r} cannot be written in "
                    f"{self.encoding}; sent as '?'",
                    file=sys.stderr,
                )
                chunk = text.encode(self.encoding, "replace")
        if self.crlf:
            chunk = chunk.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
            if self._pending_cr and chunk.startswith(b"\r\n"):
                chunk = chunk[1:]
            self._pending_cr = chunk.endswith(b"\r")
        return chunk

    def _hex(self, chunk: bytes, final: bool) -> bytes:
        self._pending += chunk
        *lines, self._pending = self._pending.split(b"\n")
        if final and self._pending:
            lines.append(self._pending)
            self._pending = b""
        # The codecs (and their datetime, random…) only for --hex: a plain server goes without.
        from desktop.core.codec import parse_hex  # noqa: PLC0415

        out = bytearray()
        for line in lines:
            text = line.decode("utf-8", "replace").strip()
            try:
                out += parse_hex(text)
            except InputError as error:
                print(f"socketdesk-cli: {error} (line not sent)", file=sys.stderr)
        return bytes(out)


class OutputWriter:
    """Received bytes → stdout: raw, decoded from a peer encoding, or as a hexdump."""

    def __init__(self, hex_output: bool, encoding: str | None) -> None:
        self.hex = hex_output
        encoding = _check_codec(encoding)
        # Plain decoding (not the GUI's escape syntax): a terminal should show real newlines.
        self._decoder = (
            codecs.getincrementaldecoder(encoding)("replace")
            if encoding and not hex_output
            else None
        )
        self._offset = 0
        self.closed = False

    def write(self, data: bytes | memoryview) -> None:
        """Write (never raises for a closed stdout: it stops writing, like nc)."""
        if self.closed:
            return
        if self.hex:
            from desktop.core.codec import hexdump_lines  # noqa: PLC0415  (only for --hex)

            lines = hexdump_lines(bytes(data), self._offset)
            out = ("\n".join(lines) + "\n").encode()
            self._offset += len(data)
        elif self._decoder is not None:
            out = self._decoder.decode(bytes(data)).encode("utf-8")
        else:
            out = data  # type: ignore[assignment]
        self._write_all(memoryview(out))

    def finish(self) -> None:
        """Flush a character split at the very end."""
        if self._decoder is not None and not self.closed:
            self._write_all(memoryview(self._decoder.decode(b"", final=True).encode("utf-8")))

    def _write_all(self, view: memoryview) -> None:
        try:
            while view:
                view = view[os.write(1, view) :]
        except BrokenPipeError:
            self.closed = True
