"""``socketdesk-cli udp send`` (the lesson's interactive client) and ``udp flood`` (generator)."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import signal
import socket
import sys
import threading
from collections.abc import Callable
from typing import Any

from desktop.cli.arguments import port, run_reporting
from desktop.cli.stream_codec import _check_codec, add_format_options
from desktop.cli.udp_output import DatagramPrinter
from desktop.core.codec import parse_hex
from desktop.core.errors import InputError, SocketDeskError
from desktop.core.net.resolve import resolve
from desktop.core.net.udp import UdpEndpoint, UdpOptions
from desktop.core.net.udp_generator import Generator, datagrams_per_second
from desktop.core.net.udp_socket import BindOptions

__all__ = ["parse_rate", "pump_stdin_lines", "register"]

_RATE = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*([kmg]?)\s*(bit/s|bps|b|/s|pps)?\s*$", re.IGNORECASE)
_SCALE = {"": 1.0, "k": 1e3, "m": 1e6, "g": 1e9}


def register(commands: Any) -> None:
    """``udp send`` and ``udp flood``."""
    send = commands.add_parser(
        "send",
        help="send datagrams to HOST PORT and print each answer with who sent it",
        description="Send to HOST PORT: --data, or each stdin line as one datagram (without its "
        "newline). Answers are printed with who sent them. Without --count this is an "
        "interactive client; with --count N the data (or all of stdin) is sent N times.",
    )
    send.add_argument("host")
    send.add_argument("port", type=port)
    send.add_argument("--data", help="send this text instead of reading stdin")
    send.add_argument("--count", type=int, metavar="N", help="send the data N times, then end")
    send.add_argument(
        "--interval", type=float, default=0.0, metavar="MS", help="wait MS between datagrams"
    )
    send.add_argument(
        "--wait", type=float, default=1.0, metavar="SECONDS", help="wait for answers at the end (1)"
    )
    send.add_argument("--broadcast", action="store_true", help="allow a broadcast address")
    send.add_argument("--interface", metavar="IF", help="send through this interface (Linux)")
    send.add_argument("--bind", metavar="ADDR", help="local address to send from")
    send.add_argument("-v", "--verbose", action="store_true", help="report totals on stderr")
    add_format_options(send)
    send.set_defaults(run=_run_send)

    flood = commands.add_parser(
        "flood",
        help="send datagrams to HOST PORT as fast as possible or at a set rate",
        description="The traffic generator: --rate is datagrams/s (150000, 150k) or bits/s "
        "(80Mbit, 80mbps); 0 or max: as fast as possible.",
    )
    flood.add_argument("host")
    flood.add_argument("port", type=port)
    flood.add_argument("--rate", default="max", help="datagrams/s or bits/s (default: max)")
    flood.add_argument("--seconds", type=float, help="stop after this long")
    flood.add_argument("--count", type=int, metavar="N", help="stop after N datagrams")
    flood.add_argument("--size", type=int, default=64, help="datagram size in bytes (64)")
    flood.add_argument("--bind", metavar="ADDR", help="local address to send from")
    flood.add_argument("--interface", metavar="IF", help="send through this interface (Linux)")
    flood.add_argument("--broadcast", action="store_true", help="allow a broadcast address")
    flood.set_defaults(run=_run_flood)


def parse_rate(text: str, size: int) -> float | None:
    """Datagrams/s from ``150000``, ``150k``, ``80Mbit``, ``80mbps`` (None: as fast as possible).

    Raises:
        ValueError: not a rate.
    """
    if text.strip().lower() in ("max", "0", ""):
        return None
    match = _RATE.match(text)
    if match is None:
        raise ValueError(f"{text!r} is not a rate (try 150000, 150k, 80Mbit)")
    value = float(match.group(1)) * _SCALE[match.group(2).lower()]
    unit = (match.group(3) or "").lower()
    if value <= 0:
        return None
    if unit in ("bit/s", "bps", "b"):
        return datagrams_per_second(value, size)
    return value


def pump_stdin_lines(
    loop: asyncio.AbstractEventLoop,
    send: Callable[[bytes], None],
    hex_input: bool,
    encoding: str | None,
    on_end: Callable[[], None] | None = None,
) -> None:
    """Each stdin line (without its newline) → ``send(bytes)`` on ``loop``, from a thread."""
    codec = _check_codec(encoding)

    def run() -> None:
        stdin = os.fdopen(os.dup(0), "rb", buffering=0)
        with contextlib.suppress(RuntimeError), stdin:
            for raw in iter(stdin.readline, b""):
                data = _line_bytes(raw.rstrip(b"\r\n"), hex_input, codec)
                if data is not None:
                    loop.call_soon_threadsafe(send, data)
            if on_end is not None:
                loop.call_soon_threadsafe(on_end)

    threading.Thread(target=run, name="stdin", daemon=True).start()


def _line_bytes(line: bytes, hex_input: bool, codec: str | None) -> bytes | None:
    if hex_input:
        try:
            return parse_hex(line.decode("utf-8", "replace"))
        except InputError as error:
            print(f"socketdesk-cli: {error} (line not sent)", file=sys.stderr)
            return None
    if codec is not None:
        return line.decode("utf-8", "replace").encode(codec, "replace")
    return line


async def _endpoint_for(
    args: argparse.Namespace, sink: Any, connect: bool
) -> tuple[UdpEndpoint, tuple[object, ...] | None]:
    """Bind for sending to args.host (its family unless --bind), connected unless broadcasting."""
    bind_host = args.bind
    if bind_host is None:
        family, _address = (await resolve(args.host, args.port))[0]
        bind_host = "0.0.0.0" if family == socket.AF_INET else "::"
    bind = BindOptions(bind_host, 0, broadcast=args.broadcast, interface=args.interface)
    endpoint = UdpEndpoint(sink, sink.session.totals)
    peer = (args.host, args.port) if connect else None
    await endpoint.open(UdpOptions(bind=bind, peer=peer))
    target = None if connect else await endpoint.resolve(endpoint.family, args.host, args.port)
    return endpoint, target


def _run_send(args: argparse.Namespace) -> int:
    return run_reporting(_send(args))


async def _send(args: argparse.Namespace) -> int:
    printer = DatagramPrinter(args.verbose, args.hex, args.encoding)
    endpoint, target = await _endpoint_for(args, printer, connect=not args.broadcast)
    loop = asyncio.get_running_loop()
    done = asyncio.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, done.set)

    def send(data: bytes) -> None:
        try:
            warning = endpoint.send(data, target)
        except SocketDeskError as error:
            printer.on_error(error)
            return
        if warning is not None:
            printer.say(warning, always=True)

    try:
        if args.count is not None or args.data is not None:
            messages = await _messages(args)
            for _ in range(args.count or 1):
                for message in messages:
                    send(message)
                    if args.interval > 0:
                        await asyncio.sleep(args.interval / 1000)
                    if done.is_set():
                        break
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(done.wait(), args.wait)
        else:
            ended = asyncio.Event()
            pump_stdin_lines(loop, send, args.hex, args.encoding, on_end=ended.set)
            await asyncio.wait(
                [asyncio.ensure_future(done.wait()), asyncio.ensure_future(ended.wait())],
                return_when=asyncio.FIRST_COMPLETED,
            )
            if not done.is_set():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(done.wait(), args.wait)
    finally:
        endpoint.close()
    counters = printer.session.counters()
    printer.say(
        f"sent {counters.messages_out} datagrams ({counters.bytes_out} bytes), "
        f"received {counters.messages_in} ({counters.bytes_in} bytes)"
    )
    return 1 if printer.failure is not None else 0


async def _messages(args: argparse.Namespace) -> list[bytes]:
    codec = _check_codec(args.encoding)
    if args.data is not None:
        data = _line_bytes(args.data.encode("utf-8"), args.hex, codec)
        return [data] if data is not None else []
    raw = await asyncio.to_thread(sys.stdin.buffer.read)
    lines = [_line_bytes(line, args.hex, codec) for line in raw.splitlines()]
    return [line for line in lines if line is not None]


def _run_flood(args: argparse.Namespace) -> int:
    try:
        rate = parse_rate(args.rate, args.size)
    except ValueError as error:
        print(f"socketdesk-cli: {error}", file=sys.stderr)
        return 2
    return run_reporting(_flood(args, rate))


async def _flood(args: argparse.Namespace, rate: float | None) -> int:
    printer = DatagramPrinter(False, False, None, show=False)
    endpoint, target = await _endpoint_for(args, printer, connect=not args.broadcast)
    assert endpoint.sock is not None
    loop = asyncio.get_running_loop()
    finished = asyncio.Event()
    try:
        generator = Generator(
            endpoint.sock,
            target,
            b"\x00" * args.size,
            rate=rate,
            count=args.count,
            seconds=args.seconds,
            on_done=lambda _said, _error: _set_soon(loop, finished),
            peer_name=(args.host, args.port),
        )
    except ValueError as error:
        endpoint.close()
        print(f"socketdesk-cli: {error}", file=sys.stderr)
        return 2
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, generator.stop)
    generator.start()
    try:
        await finished.wait()
    finally:
        generator.stop()
        generator.join(2.0)
        endpoint.close()
    endpoint.totals.chunks_out += generator.sent
    endpoint.totals.bytes_out += generator.sent_bytes
    print(generator.summary(), flush=True)
    if generator.error is not None:
        print(f"socketdesk-cli: {generator.error}", file=sys.stderr)
        return 1
    return 0


def _set_soon(loop: asyncio.AbstractEventLoop, event: asyncio.Event) -> None:
    with contextlib.suppress(RuntimeError):
        loop.call_soon_threadsafe(event.set)
