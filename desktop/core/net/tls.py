"""TLS for the socket engines: ``ssl`` contexts from plain options, session facts, error sentences.

An engine uses it like this::

    context = client_context(options)  # raises TlsError for bad CA/cert/key files
    try:
        transport, protocol = await loop.create_connection(
            factory, address, port,
            ssl=context, server_hostname=server_hostname(host, options),
        )
    except (ssl.SSLError, OSError) as error:  # after TCP was up: the handshake failed
        raise TlsError(describe_ssl_error(error)) from error
    info = session_info(transport.get_extra_info("ssl_object"))

A server passes ``ssl=server_context(options, cache_dir)`` to ``loop.create_server`` and
describes handshake failures with ``describe_ssl_error(error, server_side=True)``.

Pass ``server_hostname`` explicitly even for IP literals: asyncio would otherwise use the
``host`` argument, which for an engine is the resolved address rather than the name typed.
"""

from __future__ import annotations

import ipaddress
import ssl
import tempfile
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from desktop.core.errors import TlsError
from desktop.core.net.tls_errors import (
    describe_ssl_error,
    describe_verify_problem,
    plain_reason,
    sentence_for_reason,
)

if TYPE_CHECKING:
    from desktop.core.net.certs import CertificateInfo

__all__ = [
    "TlsClientOptions",
    "TlsServerOptions",
    "TlsSessionInfo",
    "VerifyProblem",
    "client_context",
    "describe_ssl_error",
    "describe_verify_problem",
    "sentence_for_reason",
    "server_context",
    "server_hostname",
    "session_info",
]


# What "legacy TLS" allows: every cipher OpenSSL has, at security level 0 (TLS 1.0 and 1.1 need
# SHA-1 signatures, which level 1 and up refuse).
LEGACY_CIPHERS = "DEFAULT:@SECLEVEL=0"


@dataclass(frozen=True)
class TlsClientOptions:
    """How a client speaks TLS.

    Attributes:
        verify: check the server's certificate chain and name.
        server_name: name sent in SNI and checked against the certificate, instead of the host.
        ca_file: PEM certificates to trust in addition to the system's.
        cert_file: PEM client certificate (may also hold the key).
        key_file: PEM private key of ``cert_file``, unencrypted.
        alpn: protocols to offer in ALPN, most preferred first (e.g. ``("h2", "http/1.1")``).
        sni_for_addresses: send an IP-literal target in SNI too (RFC 6066 §3 allows only host
            names there, and Python's ``ssl`` never does it; only the HTTP engine, which shakes
            hands with pyOpenSSL, honours this).
        legacy_tls: allow TLS 1.0 and 1.1 and every cipher (OpenSSL security level 0), for
            old servers; off, TLS 1.2 is the minimum.
    """

    verify: bool = True
    server_name: str | None = None
    ca_file: str | None = None
    cert_file: str | None = None
    key_file: str | None = None
    alpn: tuple[str, ...] = ()
    sni_for_addresses: bool = False
    legacy_tls: bool = False


@dataclass(frozen=True)
class TlsServerOptions:
    """How a server speaks TLS.

    Attributes:
        cert_file: PEM server certificate (may also hold the key); ``None`` for a self-signed one.
        key_file: PEM private key of ``cert_file``, unencrypted.
        require_client_cert: refuse clients without a certificate signed by ``ca_file``.
        ca_file: PEM certificates that client certificates are checked against; when given
            without ``require_client_cert``, a client certificate is asked for but optional.
    """

    cert_file: str | None = None
    key_file: str | None = None
    require_client_cert: bool = False
    ca_file: str | None = None


@dataclass(frozen=True)
class VerifyProblem:
    """One reason why the peer's certificates did not verify.

    Attributes:
        depth: which certificate: 0 is the leaf, 1 its issuer, and so on.
        code: OpenSSL's ``X509_V_ERR_*`` number (62 hostname and 64 IP address mismatch are
            also used for the name check done after the handshake).
        message: OpenSSL's text for ``code``, e.g. ``"certificate has expired"``.
        subject: the subject of the certificate concerned (RFC 4514), when known.
    """

    depth: int
    code: int
    message: str
    subject: str = ""

    def __str__(self) -> str:
        where = "the leaf" if self.depth == 0 else f"certificate {self.depth} of the chain"
        who = f", {self.subject}" if self.subject else ""
        return f"{self.message} ({where}{who})"


@dataclass(frozen=True)
class TlsSessionInfo:
    """What was agreed in a handshake.

    Attributes:
        version: e.g. ``"TLSv1.3"``.
        cipher: the cipher suite's OpenSSL name, e.g. ``"TLS_AES_256_GCM_SHA384"``.
        alpn: the protocol chosen by ALPN, if any.
        peer_chain: the certificates the peer sent, leaf first; empty when it sent none. The
            HTTP engine (pyOpenSSL) gives all of them; ``session_info`` (Python's ``ssl``)
            gives only the leaf on Python < 3.13.
        verified: the chain and the name were checked and are trusted (True), were checked
            and are not (False: ``verify_problems`` say why), or were not reported (None).
            Checked also when verification is off, so the user sees what would have failed.
        verify_problems: every reason why verification failed, in OpenSSL's order.
        verification_required: verification was on, so a failure stopped the connection
            before any request byte was sent.
        server_name_sent: the name sent in SNI, or None when none was sent.
        verified_chain: the chain as built up to a trusted root, when it verified.
    """

    version: str
    cipher: str
    alpn: str | None
    peer_chain: tuple[CertificateInfo, ...]
    verified: bool | None = None
    verify_problems: tuple[VerifyProblem, ...] = ()
    verification_required: bool = False
    server_name_sent: str | None = None
    verified_chain: tuple[CertificateInfo, ...] = ()

    @property
    def verify_summary(self) -> str:
        """One sentence: the verification outcome."""
        if self.verified is None:
            return "Verification: not reported."
        if self.verified:
            return "Verification: the chain and the name are trusted."
        problems = "; ".join(str(problem) for problem in self.verify_problems)
        if self.verification_required:
            return f"Verification failed: {problems}."
        return f"Verification is off; it would have failed: {problems}."


def client_context(options: TlsClientOptions) -> ssl.SSLContext:
    """An ``ssl`` context for a client.

    With ``verify`` the system's trusted certificates (plus ``ca_file``) are required to vouch
    for the server, and its name is checked; without, anything is accepted.

    Raises:
        TlsError: a CA, certificate or key file is missing, not PEM, encrypted or mismatched.
    """
    if options.verify:
        context = ssl.create_default_context(ssl.Purpose.SERVER_AUTH)
        if options.ca_file:
            _certs().check_ca_file(options.ca_file)
            _load(options.ca_file, "CA file", context.load_verify_locations, options.ca_file)
    else:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    if options.legacy_tls:
        with warnings.catch_warnings():  # asked for on purpose: the user reaches an old server
            warnings.simplefilter("ignore", DeprecationWarning)
            context.minimum_version = ssl.TLSVersion.TLSv1
        context.set_ciphers(LEGACY_CIPHERS)
    _load_identity(context, options.cert_file, options.key_file)
    if options.alpn:
        try:
            context.set_alpn_protocols(list(options.alpn))
        except (ValueError, TypeError) as error:  # empty or longer than 255 bytes
            raise TlsError(f"The ALPN protocol list is invalid ({error}).") from error
    return context


def server_hostname(host: str, options: TlsClientOptions) -> str | None:
    """The ``server_hostname=`` for ``create_connection``: SNI and the name to check.

    ``options.server_name`` wins over ``host``. Brackets, an IPv6 zone (``%eth0``) and a trailing
    dot are removed. An IP literal is returned as the address: Python's ``ssl`` checks it against
    the certificate's IP entries and never sends it in SNI (RFC 6066 §3 allows only host names
    there), so a connection to an address sends no SNI.

    Returns:
        The name or address, or ``None`` when there is none.
    """
    name = (options.server_name or host).strip()
    if name.startswith("[") and name.endswith("]"):
        name = name[1:-1]
    try:
        return str(ipaddress.ip_address(name.split("%", 1)[0]))
    except ValueError:
        pass
    return name.rstrip(".") or None


def server_context(options: TlsServerOptions, cache_dir: Path | None = None) -> ssl.SSLContext:
    """An ``ssl`` context for a server.

    Args:
        options: certificate and client-certificate policy.
        cache_dir: where the self-signed pair is kept when ``options.cert_file`` is ``None``
            (see ``self_signed_files``); ``None`` makes a fresh pair for this context only.

    Raises:
        TlsError: a file is missing, not PEM, encrypted or mismatched, or client certificates
            are required without a CA file to check them.
    """
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    if options.cert_file or options.key_file:
        _load_identity(context, options.cert_file, options.key_file)
    elif cache_dir is not None:
        cert_path, key_path = _certs().self_signed_files(cache_dir)
        _load_identity(context, str(cert_path), str(key_path))
    else:
        cert_pem, key_pem = _certs().generate_self_signed()
        # ssl loads certificates only from files: a private folder, gone once loaded.
        with tempfile.TemporaryDirectory(prefix="socketdesk-tls-") as folder:
            cert_path, key_path = Path(folder, "cert.pem"), Path(folder, "key.pem")
            key_path.touch(mode=0o600)
            key_path.write_bytes(key_pem)
            cert_path.write_bytes(cert_pem)
            _load_identity(context, str(cert_path), str(key_path))
    if options.require_client_cert and not options.ca_file:
        raise TlsError("Requiring client certificates needs a CA file to check them against.")
    if options.ca_file:
        _certs().check_ca_file(options.ca_file)
        _load(options.ca_file, "CA file", context.load_verify_locations, options.ca_file)
        context.verify_mode = (
            ssl.CERT_REQUIRED if options.require_client_cert else ssl.CERT_OPTIONAL
        )
    return context


def session_info(ssl_object: ssl.SSLObject | ssl.SSLSocket) -> TlsSessionInfo:
    """Version, cipher, ALPN and the peer's certificates of a finished handshake.

    The peer's leaf certificate is given whether or not it was verified. The rest of the chain
    needs ``get_unverified_chain()`` (Python 3.13+); on older Pythons ``peer_chain`` holds the
    leaf only.
    """
    cipher = ssl_object.cipher()
    verified = ssl_object.context.verify_mode == ssl.CERT_REQUIRED
    return TlsSessionInfo(
        version=ssl_object.version() or "unknown",
        cipher=cipher[0] if cipher else "unknown",
        alpn=ssl_object.selected_alpn_protocol(),
        peer_chain=tuple(_certs().CertificateInfo.from_der(der) for der in _peer_ders(ssl_object)),
        verified=True if verified else None,  # a failed check would have ended the handshake
        verification_required=verified,
    )


def _peer_ders(ssl_object: ssl.SSLObject | ssl.SSLSocket) -> list[bytes]:
    get_chain = getattr(ssl_object, "get_unverified_chain", None)  # Python 3.13+
    if get_chain is not None:
        chain = [der for der in get_chain() or () if isinstance(der, bytes)]
        if chain:
            return chain
    leaf = ssl_object.getpeercert(binary_form=True)
    return [leaf] if leaf else []


def _load_identity(context: ssl.SSLContext, cert_file: str | None, key_file: str | None) -> None:
    if not cert_file:
        if key_file:
            raise TlsError(f"The key file {key_file} needs a certificate file to go with it.")
        return
    _certs().check_cert_and_key(cert_file, key_file)
    _load(cert_file, "certificate file", context.load_cert_chain, cert_file, key_file)


def _load(path: str, what: str, load: Callable[..., None], *args: str | None) -> None:
    # The files were checked with cryptography first; this catches what OpenSSL still refuses
    # (e.g. a key type it does not support) with a sentence naming the file.
    try:
        load(*args)
    except ssl.SSLError as error:
        raise TlsError(f"The {what} {path} could not be loaded ({plain_reason(error)}).") from error
    except OSError as error:
        raise TlsError(f"The {what} {path} cannot be read ({plain_reason(error)}).") from error


def _certs() -> ModuleType:
    """``desktop.core.net.certs``, imported on first use: ``cryptography`` costs ~30 ms of every
    start-up (the CLI included) and plain TCP never needs it."""
    from desktop.core.net import certs  # noqa: PLC0415 (deliberately lazy, see above)

    return certs
