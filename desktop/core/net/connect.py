"""The one way out: resolve, connect, optionally shake hands as a TLS client.

The TCP client, the relay's target side and the HTTP composer all connect through
:func:`connect`, so a refused port, a silent host or an unknown name raise the same typed error
with the same sentence everywhere (:func:`connect_error` is the one mapping from OS errors).

The steps are separate, each marked when a ``marks`` object is given (the HTTP composer's
``Clock``: ``namelookup``, ``connect`` and ``appconnect`` as ``curl -w`` reports them): the
socket is connected with ``sock_connect`` and only then handed to asyncio. TLS runs through
pyOpenSSL over memory BIOs (``tls_pipe.TlsPipe``), so every engine gets the whole chain the
server sent and the verification outcome, verification on or off.
"""

from __future__ import annotations

import asyncio
import errno
import functools
import ipaddress
import select
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from desktop.core.errors import ConnectError, ConnectRefused, ConnectTimeout, TlsError
from desktop.core.net.resolve import SockAddr, resolve
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

if TYPE_CHECKING:
    from desktop.core.net.tls import TlsClientOptions, TlsSessionInfo

__all__ = ["Connected", "StepMarks", "connect", "connect_error", "connect_socket"]

P = TypeVar("P", bound=asyncio.Protocol | asyncio.BufferedProtocol)


class StepMarks(Protocol):
    """Where the steps' ``time.perf_counter_ns()`` marks go (the composer's ``Clock``)."""

    namelookup: int | None
    connect: int | None
    appconnect: int | None


@dataclass(frozen=True)
class Connected(Generic[P]):
    """A connection made by :func:`connect`.

    Attributes:
        protocol: the protocol the factory made, already given its transport.
        tls: what the TLS handshake agreed (chain, outcome), or None for plain TCP.
    """

    protocol: P
    tls: TlsSessionInfo | None


async def connect(
    host: str,
    port: int,
    factory: Callable[[], P],
    *,
    timeout: float = 10.0,
    local_addr: tuple[str, int] | None = None,
    tls: TlsClientOptions | None = None,
    marks: StepMarks | None = None,
    on_tls_error: Callable[[TlsError], None] | None = None,
) -> Connected[P]:
    """Resolve ``host``, connect to the first address that answers, shake hands if ``tls``.

    Args:
        host: a name or an address literal (an IP literal is not looked up).
        factory: makes the protocol that gets the stream (plain or decrypted).
        timeout: for the lookup, the connect and the handshake together.
        local_addr: bind to this local address and port first.
        tls: speak TLS with these options (verification failing while ``tls.verify`` is on
            raises ``CertificateRejected``, which carries the session, before any byte is
            given to the protocol).
        marks: marked at each step.
        on_tls_error: told an error that breaks an established TLS stream (an alert after the
            handshake, such as "certificate required" in TLS 1.3).

    Raises:
        UnknownHost, ConnectRefused, ConnectTimeout, ConnectError, TlsError: a sentence each.
    """
    loop = asyncio.get_running_loop()
    if tls is not None:
        from desktop.core.net.tls_client import client_context, shake_hands  # noqa: PLC0415

        client_context(tls)  # bad CA/certificate/key files are told before connecting
    try:
        async with asyncio.timeout(timeout):
            sock = await connect_socket(host, port, local_addr=local_addr, marks=marks)
            try:
                if tls is None:
                    _, protocol = await loop.create_connection(factory, sock=sock)
                    return Connected(protocol, None)
                pipe, info = await shake_hands(sock, host, tls, on_error=on_tls_error)
            except BaseException:
                sock.close()
                raise
    except TimeoutError:
        raise ConnectTimeout(host, port, timeout) from None
    if marks is not None:
        marks.appconnect = time.perf_counter_ns()
    protocol = factory()
    pipe.attach(protocol)
    return Connected(protocol, info)


async def connect_socket(
    host: str,
    port: int,
    *,
    local_addr: tuple[str, int] | None = None,
    marks: StepMarks | None = None,
) -> socket.socket:
    """A connected non-blocking TCP socket to the first of ``host``'s addresses that answers.

    Raises:
        UnknownHost, ConnectRefused, ConnectError: a sentence each (no timeout of its own).
    """
    loop = asyncio.get_running_loop()
    addresses = _literal(host, port) or await resolve(host, port)
    if marks is not None:
        marks.namelookup = time.perf_counter_ns()
    errors: list[OSError] = []
    for family, sockaddr in addresses:
        sock = socket.socket(family, socket.SOCK_STREAM)
        try:
            sock.setblocking(False)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if local_addr is not None:
                sock.bind(local_addr)
            await _sock_connect(loop, sock, sockaddr)
        except OSError as error:
            sock.close()
            errors.append(error)
            continue
        except BaseException:
            sock.close()
            raise
        if marks is not None:
            marks.connect = time.perf_counter_ns()
        return sock
    raise connect_error(host, port, errors)


async def _sock_connect(
    loop: asyncio.AbstractEventLoop,
    sock: socket.socket,
    sockaddr: tuple[str, int] | tuple[str, int, int, int],
) -> None:
    """``loop.sock_connect`` for an address already resolved.

    uvloop's ``sock_connect`` looks the address up again, literal or not, through libuv's
    thread pool: a thread hand-off and a wake-up on every connection (19% of a fresh loopback
    HTTPS exchange's busy time, profiled in #15). This is what the stock loop does: connect,
    and if that is under way, wait until the socket is writable and read ``SO_ERROR`` (asking
    once without waiting first: on loopback the connect is done by then).
    """
    if not _POLL:  # Windows: its proactor loop has no add_writer; its sock_connect does this
        await loop.sock_connect(sock, sockaddr)
        return
    try:
        sock.connect(sockaddr)
        return
    except (BlockingIOError, InterruptedError):
        pass
    fd = sock.fileno()
    if _poll_once(fd):
        _raise_connect_error(sock, sockaddr)  # on loopback it is done already: no wait
        await asyncio.sleep(0)  # but the loop still turns, as a connect under way lets it
        return
    writable: asyncio.Future[None] = loop.create_future()

    def ready() -> None:
        if not writable.done():
            writable.set_result(None)

    loop.add_writer(fd, ready)
    try:
        await writable
    finally:
        loop.remove_writer(fd)
    _raise_connect_error(sock, sockaddr)


_POLL = hasattr(select, "poll")


def _poll_once(fd: int) -> bool:
    """Whether the connecting socket ``fd`` is writable (or failed) now, without waiting: a
    connect on loopback finishes within the call, and registering with the loop costs a
    handful of system calls and a turn of the loop (#15)."""
    poller = select.poll()
    poller.register(fd, select.POLLOUT)
    return bool(poller.poll(0))


def _raise_connect_error(
    sock: socket.socket, sockaddr: tuple[str, int] | tuple[str, int, int, int]
) -> None:
    code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if code:
        raise OSError(code, f"Connect call failed {sockaddr}")  # the errno's own subclass


def connect_error(host: str, port: int, errors: list[OSError]) -> ConnectError:
    """The one mapping from the OS errors of every address tried to a typed error."""
    if errors and all(isinstance(e, ConnectionRefusedError) for e in errors):
        return ConnectRefused(host, port)
    codes = {e.errno for e in errors}
    if errno.EADDRINUSE in codes:
        why = QT_TRANSLATE_NOOP("core", "the local address is already in use")
    elif errno.EADDRNOTAVAIL in codes:
        why = QT_TRANSLATE_NOOP("core", "the local address is not an address of this machine")
    elif errno.ENETUNREACH in codes:
        why = QT_TRANSLATE_NOOP("core", "the network is unreachable")
    elif errno.EHOSTUNREACH in codes:
        why = QT_TRANSLATE_NOOP("core", "the host is unreachable")
    elif errno.EAFNOSUPPORT in codes or any(isinstance(e, socket.gaierror) for e in errors):
        why = QT_TRANSLATE_NOOP(
            "core", "the local address and the target are not of the same IP version"
        )
    elif errors:
        # Not ours to translate: the operating system's own words.
        detail = "; ".join(sorted({(e.strerror or str(e)).rstrip(".").lower() for e in errors}))
        return ConnectError(host, port, detail)
    else:
        why = QT_TRANSLATE_NOOP("core", "the host has no address")
    return ConnectError(host, port, sentence(why))


def _literal(host: str, port: int) -> list[SockAddr]:
    """An IP literal needs no lookup (curl does none either)."""
    name = host.strip().strip("[]")
    version = _ip_version(name)
    if version == 6:
        return [(socket.AF_INET6, (name, port, 0, 0))]
    return [(socket.AF_INET, (name, port))] if version == 4 else []


@functools.lru_cache(maxsize=256)
def _ip_version(name: str) -> int:
    """4 or 6 for an address literal, 0 for a name (parsed once per name: ``ipaddress`` is
    pure Python, 2% of a fresh loopback HTTPS exchange, profiled in #15)."""
    try:
        return ipaddress.ip_address(name).version
    except ValueError:
        return 0
