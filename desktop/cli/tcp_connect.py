"""``socketdesk-cli tcp connect``'s run: stdin to the socket, the socket to stdout.

Loaded only when ``tcp connect`` runs (``desktop.cli.tcp`` holds the grammar): ``tcp serve``
does not carry the client, its reconnect loop and the codecs.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import os
import signal
import threading

from desktop.cli.session_report import StderrReport
from desktop.cli.stream_codec import InputConverter, OutputWriter
from desktop.cli.tls_options import tls_client_from_args
from desktop.core.errors import SocketDeskError
from desktop.core.net.tcp_client import TcpClient
from desktop.core.sentence import Sentence
from desktop.core.session.reconnect import keep_connected
from desktop.core.session.session import SessionCore

__all__ = ["connect"]

_STDIN_CHUNK = 64 * 1024
# Reads go straight to stdout: a 256 KiB buffer stays in cache. The engines' 1 MiB pays off when
# the data is copied again (into a file: bench/tcp_server_receive.py); here it was no faster.
_CLIENT_READ_SIZE = 256 * 1024
_TLS_QUIET_S = 1.0  # after stdin ends, a TLS connection closes once the peer is this quiet


class _StdoutSink(StderrReport):
    """Writes received bytes to stdout (raw, decoded or as a hexdump) and to ``-o FILE``."""

    def __init__(self, output: OutputWriter, verbose: bool) -> None:
        super().__init__(verbose)
        self.output = output
        self.session = SessionCore(self)

    def on_connected(self, local: str, peer: str) -> None:
        self.say(f"connected to {peer} from {local}")

    def on_data(self, data: memoryview) -> None:
        if self.session.saving is not None:
            self.session.save(data)
        self.output.write(data)

    def on_closed(self, reason: str) -> None:
        self.say(reason)

    def on_waiting(self, why: Sentence) -> None:
        """Reconnecting: what happened and when the next attempt is (always shown)."""
        self.say(why, always=True)


async def connect(args: argparse.Namespace) -> int:
    """Connect (again and again with ``--reconnect``, through the session core's
    ``keep_connected``, the GUI client's loop); stdin to the socket, the socket to stdout."""
    converter = InputConverter(args.hex, args.encoding, args.crlf)
    sink = _StdoutSink(OutputWriter(args.hex, args.encoding), args.verbose)
    if args.output and not sink.session.start_saving(args.output):
        return 1
    tls = tls_client_from_args(args)
    loop = asyncio.get_running_loop()
    current: list[TcpClient] = []  # the connection stdin goes to (the latest one)

    async def connect() -> None:
        client = TcpClient(sink, read_size=_CLIENT_READ_SIZE, totals=sink.session.totals)
        await client.connect(args.host, args.port, timeout=args.wait, tls=tls)
        first = not current
        current[:] = [client]
        if args.recv_only:
            client.close_write()
        elif first:
            threading.Thread(
                target=_pump_stdin,
                args=(loop, current, converter, not args.reconnect),
                name="stdin",
                daemon=True,
            ).start()

    async def wait_closed() -> None:
        await current[0].wait_closed()

    connecting = loop.create_task(
        keep_connected(
            connect,
            wait_closed,
            reconnect=args.reconnect,
            on_failed=sink.on_error,
            on_waiting=sink.on_waiting,
        )
    )
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, connecting.cancel)
    try:
        await connecting
    except asyncio.CancelledError:
        if current and current[0].connected:
            current[0].close()
            await current[0].wait_closed()
    sink.output.finish()
    sink.session.stop_saving()  # "Saved N bytes to FILE." with -v
    counters = sink.session.counters()
    sink.say(f"received {counters.bytes_in} bytes, sent {counters.bytes_out} bytes")
    return 1 if sink.failure is not None else 0


def _pump_stdin(
    loop: asyncio.AbstractEventLoop,
    current: list[TcpClient],
    converter: InputConverter,
    pass_end: bool,
) -> None:
    """Read stdin on its own thread (blocking reads work for files, pipes and terminals alike).

    Each chunk goes to the connection open then (``current[0]``); the end of stdin half-closes
    it only with ``pass_end`` (not while reconnecting: a later connection would get nothing).
    """

    async def send(chunk: bytes) -> None:
        client = current[0]
        if client.connected and chunk:
            client.send(chunk)
            await client.drain()  # back-pressure: never read stdin faster than the socket takes it

    while True:
        try:
            chunk = os.read(0, _STDIN_CHUNK)
        except OSError:
            chunk = b""
        data = converter.convert(chunk, final=not chunk)
        try:
            asyncio.run_coroutine_threadsafe(send(data), loop).result()
        except (RuntimeError, SocketDeskError, concurrent.futures.CancelledError):
            return  # the loop or the connection is gone
        if not chunk:
            break
    if not pass_end:
        return
    client = current[0]
    try:
        if client.tls_info is not None:
            asyncio.run_coroutine_threadsafe(_close_when_quiet(client), loop)
        else:
            loop.call_soon_threadsafe(client.close_write)
    except RuntimeError:
        return


async def _close_when_quiet(client: TcpClient) -> None:
    """TLS has no half-close: once stdin has ended, close after the peer is quiet for a while."""
    while client.connected:
        seen = client.bytes_in
        await asyncio.sleep(_TLS_QUIET_S)
        if client.bytes_in == seen:
            client.close()
