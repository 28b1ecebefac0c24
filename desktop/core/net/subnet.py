"""Subnet send: one datagram to every host of a CIDR network or an address range.

``parse_targets("198.18.0.0/24")`` knows its count (254) before anything is sent;
``SubnetSender`` sends through a ``send_to(data, host, port)`` callable (the UDP endpoint's, or a
plain socket's in tests) at an optional rate, reporting progress, until done or cancelled.
Qt-free; the caller picks the thread.
"""

from __future__ import annotations

import ipaddress
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from desktop.core.errors import SocketDeskError
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = [
    "MAX_TARGETS",
    "BadSubnet",
    "SubnetError",
    "SubnetResult",
    "SubnetSender",
    "SubnetTargets",
    "TooManyTargets",
    "parse_targets",
]

MAX_TARGETS = 65_536  # a /16: more than a user means to hit at once by hand
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
SendTo = Callable[[bytes, str, int], object]


class SubnetError(SocketDeskError):
    """A subnet send's targets are not usable."""


class BadSubnet(SubnetError):
    """The text is neither a CIDR network nor an address range."""

    def __init__(self, text: str, reason: Sentence) -> None:
        self.text = text
        self.reason = reason
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "'{text}' is not a subnet or an address range: {reason}."
                ),
                text=text,
                reason=reason,
            )
        )


class TooManyTargets(SubnetError):
    """The range holds more hosts than a subnet send allows."""

    def __init__(self, text: str, count: int) -> None:
        self.text = text
        self.count = count
        super().__init__(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "{text} holds {count} hosts; a subnet send goes to at most {limit}: "
                    "split it into smaller ranges.",
                ),
                text=text,
                count=count,
                limit=MAX_TARGETS,
            )
        )


@dataclass(frozen=True, slots=True)
class SubnetTargets:
    """Consecutive host addresses, known by their first address and count."""

    text: str
    first: IPAddress
    count: int

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[str]:
        first = int(self.first)
        make = type(self.first)
        for offset in range(self.count):
            yield str(make(first + offset))

    @property
    def last(self) -> IPAddress:
        """The last address."""
        return type(self.first)(int(self.first) + self.count - 1)


def parse_targets(text: str) -> SubnetTargets:
    """The hosts of ``198.18.0.0/24`` (network and broadcast excluded), ``A-B`` or ``A-N``.

    IPv4 /31 and /32 are all hosts (RFC 3021); IPv6 networks leave out the subnet-router anycast
    address (the first) except /127 and /128. A single address is one host.

    Raises:
        BadSubnet, TooManyTargets: with a sentence.
    """
    cleaned = text.strip()
    if "/" in cleaned:
        targets = _network(cleaned)
    elif "-" in cleaned:
        targets = _range(cleaned)
    else:
        targets = SubnetTargets(cleaned, _address(cleaned, cleaned), 1)
    if targets.count > MAX_TARGETS:
        raise TooManyTargets(cleaned, targets.count)
    return targets


def _network(text: str) -> SubnetTargets:
    try:
        network = ipaddress.ip_network(text, strict=False)
    except ValueError:
        raise BadSubnet(
            text, sentence(QT_TRANSLATE_NOOP("core", "the prefix length is not valid"))
        ) from None
    first, size = int(network.network_address), network.num_addresses
    make = type(network.network_address)
    if network.version == 4 and network.prefixlen <= 30:
        return SubnetTargets(text, make(first + 1), size - 2)
    if network.version == 6 and network.prefixlen <= 126:
        return SubnetTargets(text, make(first + 1), size - 1)
    return SubnetTargets(text, make(first), size)


def _range(text: str) -> SubnetTargets:
    start_text, _, end_text = (part.strip() for part in text.partition("-"))
    start = _address(start_text, text)
    if start.version == 4 and end_text.isdigit() and int(end_text) <= 255:
        end: IPAddress = ipaddress.IPv4Address((int(start) & ~0xFF) | int(end_text))
    else:
        end = _address(end_text, text)
    if end.version != start.version:
        raise BadSubnet(
            text, sentence(QT_TRANSLATE_NOOP("core", "its two ends are not the same IP version"))
        )
    if int(end) < int(start):
        raise BadSubnet(text, sentence(QT_TRANSLATE_NOOP("core", "it ends before it starts")))
    return SubnetTargets(text, start, int(end) - int(start) + 1)


def _address(part: str, text: str) -> IPAddress:
    try:
        return ipaddress.ip_address(part)
    except ValueError:
        raise BadSubnet(
            text,
            sentence(QT_TRANSLATE_NOOP("core", "'{part}' is not an IP address"), part=part),
        ) from None


@dataclass(slots=True)
class SubnetResult:
    """What a subnet send did.

    Attributes:
        total: hosts targeted.
        sent: datagrams handed to the system.
        failed: hosts the system refused to send to (see ``first_error``).
        cancelled: stopped before the end.
        first_error: the first refusal, if any.
    """

    total: int
    sent: int = 0
    failed: int = 0
    cancelled: bool = False
    first_error: OSError | None = field(default=None)

    @property
    def done(self) -> int:
        """Hosts handled so far (sent or failed)."""
        return self.sent + self.failed


class SubnetSender:
    """Sends ``data`` to ``port`` on every host of ``targets``.

    Args:
        targets: from ``parse_targets``.
        port: the destination port.
        data: the datagram.
        send_to: ``send_to(data, host, port)``; an ``OSError`` counts that host as failed.
        rate: datagrams per second at most (None: as fast as the sender goes).
        progress: called with the ``SubnetResult`` every ``progress_every`` hosts and at the end.
        progress_every: how often progress is reported.
    """

    def __init__(
        self,
        targets: SubnetTargets,
        port: int,
        data: bytes,
        send_to: SendTo,
        *,
        rate: float | None = None,
        progress: Callable[[SubnetResult], object] | None = None,
        progress_every: int = 64,
    ) -> None:
        if rate is not None and rate <= 0:
            raise ValueError("rate must be positive")
        self.targets = targets
        self.port = port
        self.data = data
        self._send_to = send_to
        self.rate = rate
        self._progress = progress
        self._every = max(1, progress_every)
        self._stop = threading.Event()
        self.result = SubnetResult(len(targets))

    def cancel(self) -> None:
        """Stop after the datagram being sent (any thread)."""
        self._stop.set()

    def run(self) -> SubnetResult:
        """Send to every host (blocking) and return what was done."""
        result = self.result
        start = time.monotonic()
        for number, host in enumerate(self.targets):
            if self._stop.is_set():
                result.cancelled = True
                break
            if self.rate is not None:
                wait = start + number / self.rate - time.monotonic()
                if wait > 0 and self._stop.wait(wait):
                    result.cancelled = True
                    break
            try:
                self._send_to(self.data, host, self.port)
                result.sent += 1
            except OSError as error:
                result.failed += 1
                if result.first_error is None:
                    result.first_error = error
            if self._progress is not None and result.done % self._every == 0:
                self._progress(result)
        if self._progress is not None:
            self._progress(result)
        return result
