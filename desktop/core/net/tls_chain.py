"""TLS through pyOpenSSL: the whole chain the server sent, and why it did or did not verify.

Python 3.11's ``ssl`` gives only the leaf certificate, nothing at all of an unverified one
beyond its bytes, and stops the handshake at the first verification error. Here OpenSSL's
verification runs on every handshake, verify on or off, with a callback that records each
problem and lets the handshake go on; the name is checked against the leaf afterwards. The
caller then decides: with verification on, a connection with problems is closed before any
request byte is written, and :class:`CertificateRejected` carries the chain and the reasons.

The handshake itself runs over memory BIOs (see ``desktop/core/net/tls_pipe.py``), so
the chain, the verification outcome and the bytes all belong to the same connection.
"""

from __future__ import annotations

import functools
import ipaddress
from dataclasses import dataclass, field

from cryptography import x509
from OpenSSL import SSL, crypto

from desktop.core.errors import TlsError
from desktop.core.net import certs
from desktop.core.net.certs import CertificateInfo
from desktop.core.net.tls import (
    HOSTNAME_MISMATCH,
    IP_ADDRESS_MISMATCH,
    LEGACY_CIPHERS,
    NO_CERTIFICATE,
    TlsClientOptions,
    TlsSessionInfo,
    VerifyProblem,
    key_needs_certificate,
    not_loaded,
    problems_sentence,
)
from desktop.core.net.tls_errors import (
    VERIFY_TEXT,
    VERSION_REASONS,
    closed_during_handshake,
    describe_verify_problem,
    sentence_for_reason,
    tls_failed,
)
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = [
    "CertificateRejected",
    "HandshakeRecorder",
    "describe_openssl_error",
    "inspect_session",
    "openssl_client_context",
    "rejection",
    "sni_name",
]

# A chain longer than this is not a real server's: OpenSSL's default verify depth is 100.
_MAX_PROBLEMS = 32


class CertificateRejected(TlsError):
    """Verification was on and the server's certificates did not pass.

    Attributes:
        session: the whole session, chain and reasons included.
    """

    def __init__(self, message: Sentence, session: TlsSessionInfo) -> None:
        super().__init__(message)
        self.session = session


@dataclass
class HandshakeRecorder:
    """What the verify callback saw during one handshake (set as the connection's app data)."""

    problems: list[VerifyProblem] = field(default_factory=list)

    def record(self, cert: x509.Certificate | bytes | None, code: int, depth: int) -> None:
        """Keep one problem (the same one reported twice is kept once); ``cert`` may be given
        as its DER bytes."""
        if len(self.problems) >= _MAX_PROBLEMS:
            return
        if isinstance(cert, bytes):
            subject = _summary(cert).subject
        else:
            subject = cert.subject.rfc4514_string() if cert is not None else ""
        text = VERIFY_TEXT.get(code, "")  # an unknown code is said by number (verify_text)
        problem = VerifyProblem(depth, code, text, subject)
        if problem not in self.problems:
            self.problems.append(problem)


def openssl_client_context(options: TlsClientOptions) -> SSL.Context:
    """A pyOpenSSL client context: the system's trusted roots plus ``ca_file``, the client
    certificate, ALPN, and the legacy versions when asked for.

    Verification always runs (the callback records and never refuses); see the module text.

    Raises:
        TlsError: a CA, certificate or key file is missing, not PEM, encrypted or mismatched,
            or the ALPN list is invalid.
    """
    context = SSL.Context(SSL.TLS_CLIENT_METHOD)
    context.set_default_verify_paths()
    if options.ca_file:
        certs.check_ca_file(options.ca_file)
        _load(options.ca_file, "CA file", lambda: context.load_verify_locations(options.ca_file))
    if options.cert_file:
        certs.check_cert_and_key(options.cert_file, options.key_file)
        cert_file, key_file = options.cert_file, options.key_file or options.cert_file
        _load(cert_file, "certificate file", lambda: context.use_certificate_chain_file(cert_file))
        _load(key_file, "key file", lambda: context.use_privatekey_file(key_file))
    elif options.key_file:
        raise TlsError(key_needs_certificate(options.key_file))
    if options.legacy_tls:
        context.set_min_proto_version(SSL.TLS1_VERSION)
        context.set_cipher_list(LEGACY_CIPHERS.encode())
    else:
        context.set_min_proto_version(SSL.TLS1_2_VERSION)
    if options.alpn:
        try:
            protocols = [p.encode() for p in options.alpn]
            if not all(0 < len(p) < 256 for p in protocols):
                raise ValueError("each protocol needs 1 to 255 bytes")
            context.set_alpn_protos(protocols)
        except (ValueError, UnicodeEncodeError) as error:
            raise TlsError(
                sentence(
                    QT_TRANSLATE_NOOP("core", "The ALPN protocol list is invalid ({reason})."),
                    reason=str(error),
                )
            ) from error
    context.set_verify(SSL.VERIFY_PEER, _record_problem)
    return context


@functools.lru_cache(maxsize=256)  # twice per connection, to a handful of names
def sni_name(host: str, options: TlsClientOptions) -> bytes | None:
    """The name to send in SNI: ``server_name`` or ``host``; an IP literal only when
    ``sni_for_addresses`` is set; IDNA-encoded.

    Raises:
        TlsError: the name cannot be encoded for SNI.
    """
    name = _expected_name(host, options)
    if not name:
        return None
    if _address(name) is not None and not options.sni_for_addresses:
        return None
    try:
        return name.encode("idna")
    except UnicodeError as error:
        raise TlsError(
            sentence(
                QT_TRANSLATE_NOOP("core", "The name {name} cannot be sent in SNI ({reason})."),
                name=repr(name),
                reason=str(error),
            )
        ) from error


def inspect_session(
    connection: SSL.Connection, host: str, options: TlsClientOptions
) -> TlsSessionInfo:
    """The facts of a finished handshake: version, cipher, ALPN, the chain as sent, and the
    verification outcome (OpenSSL's recorded problems plus the name check)."""
    # Each certificate as DER straight from OpenSSL (no conversion to a cryptography object
    # and back: 3 of the ~12 us a certificate took, per connection); summaries are cached.
    sent = [_der(cert) for cert in connection.get_peer_cert_chain() or ()]
    recorder = connection.get_app_data()
    problems = list(recorder.problems) if isinstance(recorder, HandshakeRecorder) else []
    if not sent:
        problems.append(VerifyProblem(0, 0, NO_CERTIFICATE))
    else:
        name_problem = _name_problem(sent[0], _expected_name(host, options))
        if name_problem is not None:
            problems.append(name_problem)
    verified_chain: list[bytes] = []
    if not problems:
        verified_chain = [_der(cert) for cert in connection.get_verified_chain() or ()]
    alpn = connection.get_alpn_proto_negotiated()
    sni = sni_name(host, options)
    return TlsSessionInfo(
        version=connection.get_protocol_version_name() or "unknown",
        cipher=connection.get_cipher_name() or "unknown",
        alpn=alpn.decode("latin-1") if alpn else None,
        peer_chain=tuple(_summary(der) for der in sent),
        verified=not problems,
        verify_problems=tuple(problems),
        verification_required=options.verify,
        server_name_sent=sni.decode("ascii") if sni else None,
        verified_chain=tuple(_summary(der) for der in verified_chain),
    )


def rejection(session: TlsSessionInfo) -> CertificateRejected:
    """The error for a session whose verification failed while it was required."""
    first, *others = session.verify_problems
    said = describe_verify_problem(first.code, first.reason)
    if others:
        said = sentence(
            QT_TRANSLATE_NOOP("core", "{first} Also: {others}."),
            first=said,
            others=problems_sentence(others),
        )
    return CertificateRejected(said, session)


def describe_openssl_error(error: BaseException, options: TlsClientOptions) -> Sentence:
    """A sentence for a handshake that pyOpenSSL refused (``SSL.Error``) or that broke off;
    OpenSSL's own reason, when it is not one we know, is a fact."""
    reasons = _reason_codes(error)
    for reason in reasons:
        if reason in _VERSION_REASONS:
            if options.legacy_tls:
                return sentence(
                    QT_TRANSLATE_NOOP("core", "No TLS version in common with the server.")
                )
            return sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "No TLS version in common with the server (TLS 1.2 or newer is required; an "
                    "old server that speaks only TLS 1.0 or 1.1 is reachable with legacy TLS on).",
                )
            )
    for reason in reasons:
        found = sentence_for_reason(reason)
        if found is not None:
            return found
        if reason in _PROTOCOL_REASONS:
            return sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The server broke the TLS protocol (an unexpected or malformed message).",
                )
            )
    if isinstance(error, SSL.SysCallError | SSL.ZeroReturnError | ConnectionError | EOFError):
        return closed_during_handshake("server")
    if reasons:
        return tls_failed(reasons[0].replace("_", " ").lower())
    return tls_failed(str(error))


_VERSION_REASONS = VERSION_REASONS | {"WRONG_SSL_VERSION"}


# Reasons for a peer that sent something TLS does not allow where it did (OpenSSL's names).
_PROTOCOL_REASONS = frozenset(
    {"UNEXPECTED_MESSAGE", "UNEXPECTED_RECORD", "BAD_PACKET_LENGTH", "RECORD_LAYER_FAILURE"}
)


def _reason_codes(error: BaseException) -> list[str]:
    """OpenSSL's reasons as the upper-case codes ``ssl`` uses (``"tlsv1 alert protocol
    version"`` → ``TLSV1_ALERT_PROTOCOL_VERSION``)."""
    if not isinstance(error, SSL.Error) or not error.args:
        return []
    entries = error.args[0]
    if not isinstance(entries, list):
        return []
    codes = []
    for entry in entries:
        if isinstance(entry, tuple) and entry:
            code = str(entry[-1]).strip().upper().replace(" ", "_")
            codes.append(code)
            if code.startswith("TLS_ALERT_"):  # OpenSSL 4's names for the alerts 3.x calls
                rest = code.removeprefix("TLS_ALERT_")  # SSLV3_ALERT_* or TLSV1_ALERT_*
                codes += [f"SSLV3_ALERT_{rest}", f"TLSV1_ALERT_{rest}"]
    return codes


def _record_problem(
    connection: SSL.Connection, cert: object, code: int, depth: int, ok: int
) -> bool:
    recorder = connection.get_app_data()
    if not ok and isinstance(recorder, HandshakeRecorder):
        recorder.record(_der(cert) if isinstance(cert, crypto.X509) else None, code, depth)
    return True  # never refuse here: the caller decides once the chain is known


# The name checks below run on every connection, each parsing the name as an address first
# (``ipaddress`` in Python: ~4% of a fresh loopback handshake, profiled in #15): a client
# talks to a handful of names, so they are worked out once per name.
@functools.lru_cache(maxsize=256)
def _expected_name(host: str, options: TlsClientOptions) -> str:
    name = (options.server_name or host).strip()
    if name.startswith("[") and name.endswith("]"):
        name = name[1:-1]
    return name.split("%", 1)[0] if _address(name.split("%", 1)[0]) else name.rstrip(".")


@functools.lru_cache(maxsize=256)
def _address(name: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(name)
    except ValueError:
        return None


@functools.lru_cache(maxsize=64)
def _name_problem(leaf_der: bytes, name: str) -> VerifyProblem | None:
    """:func:`_check_name`, made once per leaf and name (a server sends the same leaf on every
    connection; the check was 5% of a loopback handshake, profiled in #15)."""
    return _check_name(x509.load_der_x509_certificate(leaf_der), name)


def _check_name(leaf: x509.Certificate, name: str) -> VerifyProblem | None:
    """RFC 6125 / RFC 9110 §4.3.4: an address against IP entries, a name against DNS entries
    (a wildcard only as the whole left-most label); the subject's CN is not used."""
    if not name:
        return None
    try:
        sans = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except (x509.ExtensionNotFound, ValueError):
        sans = None
    subject = leaf.subject.rfc4514_string()
    address = _address(name)
    if address is not None:
        ips = sans.get_values_for_type(x509.IPAddress) if sans is not None else []
        if address in ips:
            return None
        return VerifyProblem(
            0, IP_ADDRESS_MISMATCH, f"IP address mismatch: not valid for {name}", subject, name
        )
    dns = sans.get_values_for_type(x509.DNSName) if sans is not None else []
    if any(_dns_matches(pattern, name) for pattern in dns):
        return None
    return VerifyProblem(
        0, HOSTNAME_MISMATCH, f"hostname mismatch: not valid for {name}", subject, name
    )


def _dns_matches(pattern: str, name: str) -> bool:
    try:
        name = name.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    pattern, name = pattern.lower().rstrip("."), name.lower().rstrip(".")
    if not pattern.startswith("*."):
        return pattern == name
    suffix = pattern[1:]  # ".example.com"
    head, dot, rest = name.partition(".")
    return bool(head) and bool(dot) and "." + rest == suffix and suffix.count(".") >= 2


def _der(cert: crypto.X509) -> bytes:
    """The DER bytes of a certificate OpenSSL handed over (its own encoding, in C)."""
    return crypto.dump_certificate(crypto.FILETYPE_ASN1, cert)


# A server sends the same chain on every connection: its summary (parsing, names, fingerprint
# and the self-signature check, ~20% of a loopback handshake, profiled in #15) is made once.
# ``CertificateInfo`` is immutable, so sharing it is safe; keyed by the exact DER bytes.
@functools.lru_cache(maxsize=64)
def _summary(der: bytes) -> CertificateInfo:
    return CertificateInfo.from_der(der)


def _load(path: str, what: str, load: object) -> None:
    assert callable(load)
    try:
        load()
    except SSL.Error as error:
        codes = _reason_codes(error)
        why = codes[0].replace("_", " ").lower() if codes else str(error)
        raise TlsError(not_loaded(what, path, why)) from error
