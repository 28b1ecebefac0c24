"""``socketdesk-cli tcp serve``: a TCP server like ``ncat -l`` with echo, limits and a file sink."""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import sys
import threading

from desktop.cli.session_report import StderrReport
from desktop.cli.stream_codec import InputConverter, OutputWriter
from desktop.cli.tls_options import tls_server_from_args
from desktop.core.errors import SocketDeskError
from desktop.core.net.tcp_server import ServerMode, TcpServer
from desktop.core.session.session import SessionCore

__all__ = ["serve"]

_STDIN_CHUNK = 64 * 1024


class _ServeSink(StderrReport):
    """Prints (or counts) what clients send; ends the command when it should.

    It is also the report of the command's session core (the file of ``-o``).
    """

    def __init__(self, args: argparse.Namespace) -> None:
        super().__init__(args.verbose)
        self.args = args
        self.session = SessionCore(self)
        self.done = asyncio.Event()
        self.stdout = None if args.no_stdout else OutputWriter(args.hex, args.encoding)

    def _say(self, text: str) -> None:
        self.say(text)

    def on_saving(self, saving: bool) -> None:
        if not saving:
            self.done.set()  # the file failed or was finished: nothing more to do

    def on_client_connected(self, client_id: int, peer: str) -> None:
        self._say(f"client {client_id} connected from {peer}")

    def on_client_data(self, client_id: int, data: memoryview) -> None:
        if self.session.saving is not None:
            self.session.save(data)
        if self.stdout is not None:
            self.stdout.write(data)

    def on_client_sent(self, client_id: int, data: bytes) -> None:
        pass

    def on_client_closed(self, client_id: int, reason: str) -> None:
        self._say(f"client {client_id}: {reason}")
        if not self.args.keep_open:
            self.done.set()

    def on_client_rejected(self, peer: str, reason: str) -> None:
        self._say(reason)


async def serve(args: argparse.Namespace) -> int:
    """Run the server until the first client leaves (or forever with -k, until Ctrl+C)."""
    sink = _ServeSink(args)
    if args.output and not sink.session.start_saving(args.output):
        return 1
    mode = ServerMode.ECHO if args.echo else ServerMode.PLAIN
    # Bytes that are only counted and saved go socket → file without passing through Python
    # (Linux, plain TCP, no echo: the server decides per client).
    server = TcpServer(
        sink,
        mode,
        max_clients=args.max_clients,
        totals=sink.session.totals,
        splice_to=sink.session if args.no_stdout else None,
    )
    tls = tls_server_from_args(args)
    if tls is not None:
        # Only here: the data folder's modules (platformdirs, logging) cost a plain server 2 MiB.
        from desktop.core.net.tls import with_cache_dir  # noqa: PLC0415
        from desktop.core.paths import data_dir  # noqa: PLC0415

        tls = with_cache_dir(tls, data_dir())
    addresses = await server.start(args.host, args.port, tls)
    print(f"socketdesk-cli: listening on {', '.join(addresses)}", file=sys.stderr, flush=True)
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, sink.done.set)
    if not args.echo:
        converter = InputConverter(args.hex, args.encoding, crlf=False)
        threading.Thread(
            target=_pump_stdin, args=(loop, server, converter), name="stdin", daemon=True
        ).start()
    try:
        await sink.done.wait()
    finally:
        await server.close()
        sink.session.stop_saving()  # "Saved N bytes to FILE." with -v
    counters = sink.session.counters()
    if server.spliced_clients:
        sink._say(f"{server.spliced_clients} client(s) saved with splice (zero-copy)")
    sink._say(f"received {counters.bytes_in} bytes, sent {counters.bytes_out} bytes")
    return 1 if sink.failure is not None else 0


def _pump_stdin(
    loop: asyncio.AbstractEventLoop, server: TcpServer, converter: InputConverter
) -> None:
    """stdin goes to every connected client (like ncat -l with several clients)."""
    while True:
        try:
            chunk = os.read(0, _STDIN_CHUNK)
        except OSError:
            return
        data = converter.convert(chunk, final=not chunk)
        if data:
            try:
                loop.call_soon_threadsafe(_send_all, server, data)
            except RuntimeError:
                return
        if not chunk:
            return


def _send_all(server: TcpServer, chunk: bytes) -> None:
    try:
        server.send_all(chunk)
    except SocketDeskError as error:
        print(f"socketdesk-cli: {error}", file=sys.stderr)
