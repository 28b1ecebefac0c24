"""The one set of TLS options for every engine, the session facts, and server contexts.

Every engine takes ``TlsClientOptions`` (the TCP client, the relay's target side, the HTTP
composer) or ``TlsServerOptions`` (the TCP server, the relay's client side) and builds what it
needs itself. Clients shake hands through pyOpenSSL (``tls_client.py``, reached through the one
connect path ``connect.py``), so every client gets the whole chain the server sent and the
verification outcome. Servers use Python's ``ssl``: ``server_context(options)`` for
``loop.start_tls`` (``tls_accept.py``), with handshake failures described by
``describe_ssl_error(error, server_side=True)``.
"""

from __future__ import annotations

import ssl
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from desktop.core.errors import TlsError
from desktop.core.net.tls_errors import (
    describe_ssl_error,
    describe_verify_problem,
    plain_reason,
    sentence_for_reason,
    verify_text,
)
from desktop.core.os_reasons import os_reason
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

if TYPE_CHECKING:
    from desktop.core.net.certs import CertificateInfo

__all__ = [
    "TlsClientOptions",
    "TlsServerOptions",
    "TlsSessionInfo",
    "VerifyProblem",
    "describe_ssl_error",
    "describe_verify_problem",
    "sentence_for_reason",
    "server_context",
    "with_cache_dir",
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
            names there; some test servers and middleboxes want it anyway).
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
        cache_dir: where the self-signed pair is kept when ``cert_file`` is ``None`` (see
            ``certs.self_signed_files``); ``None`` makes a fresh pair for each context.
    """

    cert_file: str | None = None
    key_file: str | None = None
    require_client_cert: bool = False
    ca_file: str | None = None
    cache_dir: Path | None = None


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
    name: str = ""  # for a name check (codes 62 and 64): the name that was not matched

    def __str__(self) -> str:
        return str(self.sentence)

    @property
    def reason(self) -> Sentence:
        """``message`` as a sentence: translatable when it is one of the texts we know."""
        if self.name and self.code == HOSTNAME_MISMATCH:
            return sentence(
                QT_TRANSLATE_NOOP("core", "hostname mismatch: not valid for {name}"), name=self.name
            )
        if self.name and self.code == IP_ADDRESS_MISMATCH:
            return sentence(
                QT_TRANSLATE_NOOP("core", "IP address mismatch: not valid for {name}"),
                name=self.name,
            )
        if self.code == 0 and self.message == NO_CERTIFICATE:
            return sentence(NO_CERTIFICATE)
        return verify_text(self.code, self.message)

    @property
    def sentence(self) -> Sentence:
        """The problem and which certificate it concerns (as ``str()`` says it)."""
        if self.depth == 0:
            template = (
                QT_TRANSLATE_NOOP("core", "{reason} (the leaf, {subject})")
                if self.subject
                else QT_TRANSLATE_NOOP("core", "{reason} (the leaf)")
            )
        else:
            template = (
                QT_TRANSLATE_NOOP("core", "{reason} (certificate {depth} of the chain, {subject})")
                if self.subject
                else QT_TRANSLATE_NOOP("core", "{reason} (certificate {depth} of the chain)")
            )
        return sentence(template, reason=self.reason, depth=self.depth, subject=self.subject)


# Name checks done after the handshake use OpenSSL's numbers for them.
HOSTNAME_MISMATCH, IP_ADDRESS_MISMATCH = 62, 64
# The problem of a server that sent no certificate at all.
NO_CERTIFICATE = QT_TRANSLATE_NOOP("core", "the server sent no certificate")


def problems_sentence(problems: Sequence[VerifyProblem]) -> Sentence:
    """Several problems as one clause, separated by semicolons."""
    fields = {f"p{i}": problem.sentence for i, problem in enumerate(problems)}
    return Sentence("; ".join("{" + key + "}" for key in fields), tuple(fields.items()))


@dataclass(frozen=True)
class TlsSessionInfo:
    """What was agreed in a handshake.

    Attributes:
        version: e.g. ``"TLSv1.3"``.
        cipher: the cipher suite's OpenSSL name, e.g. ``"TLS_AES_256_GCM_SHA384"``.
        alpn: the protocol chosen by ALPN, if any.
        peer_chain: the certificates the peer sent, leaf first (all of them, verification on
            or off); empty when it sent none.
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
    def outcome(self) -> Sentence:
        """The verification outcome as a sentence (the problems in OpenSSL's words)."""
        if self.verified is None:
            return sentence(QT_TRANSLATE_NOOP("core", "Verification: not reported."))
        if self.verified:
            return sentence(
                QT_TRANSLATE_NOOP("core", "Verification: the chain and the name are trusted.")
            )
        problems = problems_sentence(self.verify_problems)
        if self.verification_required:
            return sentence(
                QT_TRANSLATE_NOOP("core", "Verification failed: {problems}."), problems=problems
            )
        return sentence(
            QT_TRANSLATE_NOOP("core", "Verification is off; it would have failed: {problems}."),
            problems=problems,
        )

    @property
    def verify_summary(self) -> str:
        """The verification outcome in English (``outcome`` for the UI)."""
        return str(self.outcome)


def with_cache_dir(options: TlsServerOptions, cache_dir: Path) -> TlsServerOptions:
    """``options`` keeping a self-signed pair in ``cache_dir`` unless they name one already."""
    return options if options.cache_dir is not None else replace(options, cache_dir=cache_dir)


def server_context(options: TlsServerOptions) -> ssl.SSLContext:
    """An ``ssl`` context for a server (the TCP server's and the relay's client side).

    Args:
        options: certificate, client-certificate policy and where a self-signed pair is kept.

    Raises:
        TlsError: a file is missing, not PEM, encrypted or mismatched, or client certificates
            are required without a CA file to check them.
    """
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    if options.cert_file or options.key_file:
        _load_identity(context, options.cert_file, options.key_file)
    elif options.cache_dir is not None:
        cert_path, key_path = _certs().self_signed_files(options.cache_dir)
        _load_identity(context, str(cert_path), str(key_path))
    else:
        cert_pem, key_pem = _certs().generate_self_signed()
        # ssl loads certificates only from files: a private folder, gone once loaded.
        import tempfile  # noqa: PLC0415  (with shutil, bz2, lzma, random: ~0.5 MiB a plain server does not need)

        with tempfile.TemporaryDirectory(prefix="socketdesk-tls-") as folder:
            cert_path, key_path = Path(folder, "cert.pem"), Path(folder, "key.pem")
            key_path.touch(mode=0o600)
            key_path.write_bytes(key_pem)
            cert_path.write_bytes(cert_pem)
            _load_identity(context, str(cert_path), str(key_path))
    if options.require_client_cert and not options.ca_file:
        raise TlsError(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "Requiring client certificates needs a CA file to check them against."
                )
            )
        )
    if options.ca_file:
        _certs().check_ca_file(options.ca_file)
        _load(options.ca_file, "CA file", context.load_verify_locations, options.ca_file)
        context.verify_mode = (
            ssl.CERT_REQUIRED if options.require_client_cert else ssl.CERT_OPTIONAL
        )
    return context


def _load_identity(context: ssl.SSLContext, cert_file: str | None, key_file: str | None) -> None:
    if not cert_file:
        if key_file:
            raise TlsError(key_needs_certificate(key_file))
        return
    _certs().check_cert_and_key(cert_file, key_file)
    _load(cert_file, "certificate file", context.load_cert_chain, cert_file, key_file)


def _load(path: str, what: str, load: Callable[..., None], *args: str | None) -> None:
    # The files were checked with cryptography first; this catches what OpenSSL still refuses
    # (e.g. a key type it does not support) with a sentence naming the file.
    try:
        load(*args)
    except ssl.SSLError as error:
        raise TlsError(not_loaded(what, path, plain_reason(error))) from error
    except OSError as error:
        raise TlsError(
            sentence(
                _UNREADABLE[what],
                path=path,
                reason=os_reason(error) if error.errno else plain_reason(error),
            )
        ) from error


def key_needs_certificate(key_file: str) -> Sentence:
    """A key file given without its certificate."""
    return sentence(
        QT_TRANSLATE_NOOP("core", "The key file {path} needs a certificate file to go with it."),
        path=key_file,
    )


def not_loaded(what: str, path: str, reason: str) -> Sentence:
    """OpenSSL refused a file (``what``: "CA file", "certificate file" or "key file");
    ``reason`` is OpenSSL's, a fact."""
    return sentence(_NOT_LOADED[what], path=path, reason=reason)


_NOT_LOADED = {
    "CA file": QT_TRANSLATE_NOOP("core", "The CA file {path} could not be loaded ({reason})."),
    "certificate file": QT_TRANSLATE_NOOP(
        "core", "The certificate file {path} could not be loaded ({reason})."
    ),
    "key file": QT_TRANSLATE_NOOP("core", "The key file {path} could not be loaded ({reason})."),
}
_UNREADABLE = {
    "CA file": QT_TRANSLATE_NOOP("core", "The CA file {path} cannot be read ({reason})."),
    "certificate file": QT_TRANSLATE_NOOP(
        "core", "The certificate file {path} cannot be read ({reason})."
    ),
    "key file": QT_TRANSLATE_NOOP("core", "The key file {path} cannot be read ({reason})."),
}


def _certs() -> ModuleType:
    """``desktop.core.net.certs``, imported on first use: ``cryptography`` costs ~30 ms of every
    start-up (the CLI included) and plain TCP never needs it."""
    from desktop.core.net import certs  # noqa: PLC0415 (deliberately lazy, see above)

    return certs
