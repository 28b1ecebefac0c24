"""``socketdesk-cli http send``: send a raw HTTP/1.x request typed in a file, see what came back.

``--raw`` (the default) writes the exact bytes received to stdout, so the output can be piped
or compared; ``--parsed`` shows each response's status, headers and decoded body, then the
anomalies found. Timings (``--timings``) and details (``-v``) go to stderr.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli.arguments import port, run_reporting
from desktop.cli.tls_options import add_http_tls_options, http_tls_from_args, tls_session_lines
from desktop.core.errors import SocketDeskError
from desktop.core.http.charset import decode_text
from desktop.core.http.decode import decode_content
from desktop.core.http.exchange import ExchangeResult, HttpTarget, exchange
from desktop.core.http.message import ParsedResponse
from desktop.core.http.request import build_request_bytes, parse_target, split_host_port
from desktop.core.sentence import Sentence

__all__ = ["add_commands"]

_MAX_DECODED = 64 << 20  # a decompression bomb stops here (the raw bytes are still all shown)


class RequestFileError(SocketDeskError):
    """The request file cannot be read, or says nothing of where to send it."""


class _Failed(SocketDeskError):
    """The exchange ended with an error sentence (printed as the one line)."""


def add_commands(groups: Any) -> None:
    """Register ``http send``."""
    http = groups.add_parser("http", help="raw HTTP/1.x requests")
    commands = http.add_subparsers(dest="command", metavar="SUBCOMMAND", required=True)
    send = commands.add_parser(
        "send",
        help="send the raw request in REQUEST_FILE and print the response",
        description="Send the raw HTTP/1.x request in REQUEST_FILE ('-' for stdin). By default "
        "head lines get CRLF endings and Content-Length follows the body; --exact sends the "
        "file's bytes unchanged. The host and port default to the Host header's.",
    )
    send.add_argument("request_file", metavar="REQUEST_FILE")
    send.add_argument("--host", help="where to connect (default: from the Host header)")
    send.add_argument("--port", type=port, help="TCP port (default: Host header's, or 80/443)")
    add_http_tls_options(send)
    output = send.add_mutually_exclusive_group()
    output.add_argument(
        "--raw", action="store_true", help="write the exact response bytes to stdout (default)"
    )
    output.add_argument(
        "--parsed", action="store_true", help="print status, headers, decoded body, anomalies"
    )
    send.add_argument("--exact", action="store_true", help="send the file's bytes unchanged")
    send.add_argument(
        "--keep-content-length",
        action="store_true",
        help="leave Content-Length as typed (CRLF is still fixed unless --exact)",
    )
    send.add_argument("--timings", action="store_true", help="print the phases on stderr")
    send.add_argument("-v", "--verbose", action="store_true", help="details on stderr")
    send.add_argument("--connect-timeout", type=float, default=10.0, metavar="S", help="(10)")
    send.add_argument(
        "--read-timeout", type=float, default=30.0, metavar="S", help="longest silence (30)"
    )
    send.add_argument("--max-time", type=float, metavar="S", help="cap on the whole exchange")
    send.set_defaults(run=_run_send)


def _run_send(args: argparse.Namespace) -> int:
    return run_reporting(_send(args))


async def _send(args: argparse.Namespace) -> int:
    data = _read(args.request_file)
    built = build_request_bytes(
        data, exact=args.exact, auto_content_length=not args.keep_content_length
    )
    target = _target(args, data)
    result = await exchange(target, [built.data])
    if result.connection is not None:
        result.connection.close()
    if args.verbose:
        _details(built.notes, result)
    if args.parsed:
        _write(_parsed(result))
    else:
        sys.stdout.buffer.write(result.reader.raw)
        sys.stdout.buffer.flush()
    if args.timings:
        print(result.timings.summary(), file=sys.stderr)
    if result.error is not None:
        raise _Failed(result.error)
    return 0


def _read(path: str) -> bytes:
    try:
        return sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as error:
        raise RequestFileError(
            f"The request file {path} cannot be read ({error.strerror or error})."
        ) from None


def _target(args: argparse.Namespace, data: bytes) -> HttpTarget:
    tls = http_tls_from_args(args)
    default_port = 443 if args.tls else 80
    host, port_ = args.host, args.port
    header = parse_target(data.decode("utf-8", "replace")).host
    if header is not None:
        named, named_port = split_host_port(header, default_port)
        host, port_ = host or named, port_ or named_port
    if not host:
        raise RequestFileError("No --host was given and the request has no Host header.")
    return HttpTarget(
        host,
        port_ or default_port,
        tls=tls,
        sni_override=args.sni if args.tls else None,
        connect_timeout=args.connect_timeout,
        read_timeout=args.read_timeout,
        total_timeout=args.max_time,
    )


def _parsed(result: ExchangeResult) -> list[str]:
    lines: list[str] = []
    for response in result.responses:
        lines += _response(response)
    lines += [f"! {anomaly.message}" for anomaly in result.reader.anomalies]
    return lines


def _response(response: ParsedResponse) -> list[str]:
    if response.status is None:
        return [f"(not an HTTP response: {response.length} bytes, see --raw)"]
    version, reason = response.http_version.decode("latin-1"), _text(response.reason)
    lines = [f"{version} {response.status} {reason}".rstrip()]
    lines += [f"{_text(name)}: {_text(value)}" for name, value in response.headers]
    lines.append("")
    body = decode_content(response.body, response.codings(), _MAX_DECODED)
    if body.error:
        lines.append(f"! {body.error}")
    if b"\x00" in body.data[:8192]:
        lines.append(f"[{len(body.data)} bytes of binary data]")
    elif body.data:
        types = response.header_values(b"content-type")
        lines.append(decode_text(body.data, types[0] if types else None).text)
    return lines


def _details(notes: list[Sentence], result: ExchangeResult) -> None:
    lines = [f"* {note}" for note in [*notes, *result.notes]]
    if result.peer:
        lines.append(f"* Connected to {result.peer}" + (" (reused)" if result.reused else ""))
    if result.tls_info is not None:
        lines += [f"* {line}" for line in tls_session_lines(result.tls_info)]
    print("\n".join(lines), file=sys.stderr)


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _write(lines: list[str]) -> None:
    text = "\n".join(lines)
    if text and not text.endswith("\n"):
        text += "\n"  # a body keeps its own last newline
    sys.stdout.buffer.write(text.encode("utf-8", "replace"))
    sys.stdout.buffer.flush()
