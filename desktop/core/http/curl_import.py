"""What reading a curl command gives: the request and its target settings, or why it failed."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.core.errors import SocketDeskError
from desktop.core.sentence import Sentence

__all__ = ["CurlImport", "CurlImportError"]


class CurlImportError(SocketDeskError):
    """The command is not a curl command line that can be read; the message says why."""


@dataclass(frozen=True)
class CurlImport:
    """A request read from a curl command.

    Attributes:
        request_text: the request (CRLF line endings); undecodable body bytes shown as U+FFFD.
        host: where to connect (no brackets around IPv6).
        port: the TCP port.
        tls: the URL is ``https``.
        insecure: ``-k`` was given (do not verify the certificate).
        notes: options ignored or only partly honoured, one sentence each (``str()`` English).
        data: the request exactly as bytes (``request_text`` may have lost some).
        ca_file, cert_file, key_file: ``--cacert``, ``--cert`` and ``--key``.
        connect_timeout, max_time: ``--connect-timeout`` and ``--max-time``, in seconds.
        follow_redirects: ``-L`` was given.
        max_redirects: ``--max-redirs``, if given.
    """

    request_text: str
    host: str
    port: int
    tls: bool
    insecure: bool
    notes: list[Sentence] = field(default_factory=list)
    data: bytes = b""
    ca_file: str | None = None
    cert_file: str | None = None
    key_file: str | None = None
    connect_timeout: float | None = None
    max_time: float | None = None
    follow_redirects: bool = False
    max_redirects: int | None = None
