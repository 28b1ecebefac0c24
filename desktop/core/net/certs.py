"""Certificates without ``ssl``: self-signed generation, a readable summary, file checks.

Everything here uses the ``cryptography`` package; ``tls.py`` builds ``ssl`` contexts on top.
File checks run before ``ssl`` loads the files so that a bad file gives a sentence naming the
file and the problem instead of OpenSSL's "PEM lib".
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import ipaddress
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.types import PublicKeyTypes
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from desktop.core.errors import TlsError
from desktop.core.os_reasons import os_reason
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = [
    "CertificateInfo",
    "check_ca_file",
    "check_cert_and_key",
    "der_bytes",
    "generate_self_signed",
    "self_signed_files",
]

SELF_SIGNED_CERT = "socketdesk-selfsigned.pem"
SELF_SIGNED_KEY = "socketdesk-selfsigned-key.pem"
# A cached self-signed certificate is replaced when it has less than this left, so a server
# started today does not present a certificate that expires while it runs.
MIN_REMAINING = dt.timedelta(days=7)
# Server and client authentication: the same certificate can serve a listener or be a client's.
_EKU = (ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH)


@dataclass(frozen=True)
class CertificateInfo:
    """What a user wants to see of a certificate.

    Attributes:
        subject: the subject as an RFC 4514 string (``CN=example.com,O=…``).
        issuer: the issuer, same form.
        not_before: start of validity (UTC, aware).
        not_after: end of validity (UTC, aware).
        sans: subject alternative names: DNS names, IP addresses, e-mail addresses, URIs.
        serial: the serial number in upper-case hex.
        sha256: SHA-256 of the DER encoding, colon-separated upper-case hex.
        self_signed: issuer equals subject and the certificate's own key verifies its signature.
    """

    subject: str
    issuer: str
    not_before: dt.datetime
    not_after: dt.datetime
    sans: tuple[str, ...]
    serial: str
    sha256: str
    self_signed: bool

    @classmethod
    def from_der(cls, der: bytes) -> CertificateInfo:
        """Summarise a DER-encoded certificate.

        Raises:
            TlsError: ``der`` is not a certificate.
        """
        try:
            cert = x509.load_der_x509_certificate(der)
        except ValueError as error:
            raise TlsError(
                sentence(
                    QT_TRANSLATE_NOOP("core", "The data is not a DER certificate ({reason})."),
                    reason=str(error),
                )
            ) from error
        return cls._from_cert(cert, der)

    @classmethod
    def from_pem(cls, pem: bytes) -> CertificateInfo:
        """Summarise the first certificate of PEM data.

        Raises:
            TlsError: ``pem`` holds no PEM certificate.
        """
        try:
            cert = x509.load_pem_x509_certificates(pem)[0]
        except ValueError as error:
            raise TlsError(
                sentence(QT_TRANSLATE_NOOP("core", "The data does not contain a PEM certificate."))
            ) from error
        return cls._from_cert(cert, cert.public_bytes(serialization.Encoding.DER))

    @classmethod
    def _from_cert(cls, cert: x509.Certificate, der: bytes) -> CertificateInfo:
        return cls(
            subject=cert.subject.rfc4514_string(),
            issuer=cert.issuer.rfc4514_string(),
            not_before=cert.not_valid_before_utc,
            not_after=cert.not_valid_after_utc,
            sans=_sans(cert),
            serial=f"{cert.serial_number:X}",
            sha256=_colon_hex(hashlib.sha256(der).digest()),
            self_signed=_is_self_signed(cert),
        )


def der_bytes(cert: x509.Certificate) -> bytes:
    """The DER encoding of ``cert`` (what its SHA-256 fingerprint is taken of)."""
    return cert.public_bytes(serialization.Encoding.DER)


def generate_self_signed(
    common_name: str = "SocketDesk",
    sans: Sequence[str] = ("localhost", "127.0.0.1", "::1"),
    days: int = 825,
) -> tuple[bytes, bytes]:
    """Make a self-signed server (and client) certificate with a fresh EC P-256 key.

    Args:
        common_name: the subject's CN.
        sans: names the certificate is valid for; IP literals become IP-address entries, the
            rest DNS names.
        days: validity from now (it starts an hour ago, to tolerate clocks slightly behind).

    Returns:
        ``(certificate PEM, unencrypted PKCS#8 key PEM)``.
    """
    key = ec.generate_private_key(ec.SECP256R1())
    public = key.public_key()
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public), critical=False)
        .add_extension(_key_usage(), critical=True)
        .add_extension(x509.ExtendedKeyUsage(_EKU), critical=False)
    )
    if sans:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([_general_name(s) for s in sans]), critical=False
        )
    cert = builder.sign(key, hashes.SHA256())
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return cert.public_bytes(serialization.Encoding.PEM), key_pem


def self_signed_files(cache_dir: Path) -> tuple[Path, Path]:
    """The cached self-signed certificate and key, made on first use and when about to expire.

    The pair is reused while it is valid for at least 7 more days and the key matches the
    certificate; otherwise a new pair replaces it. Files are replaced atomically; the key file
    is readable by its owner only (mode 0o600 on POSIX).

    Args:
        cache_dir: where to keep ``socketdesk-selfsigned.pem`` and ``…-key.pem`` (created).

    Returns:
        ``(certificate path, key path)``.
    """
    cache_dir.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = cache_dir / SELF_SIGNED_CERT, cache_dir / SELF_SIGNED_KEY
    if _reusable(cert_path, key_path):
        return cert_path, key_path
    cert_pem, key_pem = generate_self_signed()
    _write_atomic(key_path, key_pem, 0o600)
    _write_atomic(cert_path, cert_pem, 0o644)
    return cert_path, key_path


def check_ca_file(path: str) -> None:
    """Check that ``path`` holds at least one PEM certificate.

    Raises:
        TlsError: the file is missing, unreadable or holds no PEM certificate.
    """
    _load_certs(path, _CA_FILE)


def check_cert_and_key(cert_file: str, key_file: str | None) -> None:
    """Check a certificate file and its unencrypted private key (``key_file`` or the same file).

    Raises:
        TlsError: a file is missing or unreadable, holds no PEM certificate or key, the key is
            encrypted, or the key does not belong to the certificate.
    """
    cert = _load_certs(cert_file, _CERT_FILE)[0]
    key_path = key_file or cert_file
    data = _read(key_path, _KEY_FILE)
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except TypeError as error:  # cryptography's way of saying "encrypted, give a password"
        raise TlsError(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core",
                    "The key file {path} is protected by a password, which is not supported; "
                    "remove the password (e.g. openssl pkey -in KEY -out PLAIN).",
                ),
                path=key_path,
            )
        ) from error
    except ValueError as error:
        raise TlsError(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "The key file {path} does not contain a PEM private key."
                ),
                path=key_path,
            )
        ) from error
    if _public_der(key.public_key()) != _public_der(cert.public_key()):
        raise TlsError(
            sentence(
                QT_TRANSLATE_NOOP(
                    "core", "The private key in {key} does not match the certificate in {cert}."
                ),
                key=key_path,
                cert=cert_file,
            )
        )


# What a file is for, as the subject of the sentences below ("The certificate file … ").
_CERT_FILE = QT_TRANSLATE_NOOP("core", "The certificate file {path}")
_KEY_FILE = QT_TRANSLATE_NOOP("core", "The key file {path}")
_CA_FILE = QT_TRANSLATE_NOOP("core", "The CA file {path}")


def _load_certs(path: str, what: str) -> list[x509.Certificate]:
    data = _read(path, what)
    try:
        return x509.load_pem_x509_certificates(data)
    except ValueError as error:
        raise TlsError(
            sentence(
                QT_TRANSLATE_NOOP("core", "{file} does not contain a PEM certificate."),
                file=_subject(what, path),
            )
        ) from error


def _read(path: str, what: str) -> bytes:
    subject = _subject(what, path)
    try:
        return Path(path).read_bytes()
    except FileNotFoundError as error:
        template = QT_TRANSLATE_NOOP("core", "{file} does not exist.")
        raise TlsError(sentence(template, file=subject)) from error
    except IsADirectoryError as error:
        template = QT_TRANSLATE_NOOP("core", "{file} is a folder, not a file.")
        raise TlsError(sentence(template, file=subject)) from error
    except OSError as error:
        template = QT_TRANSLATE_NOOP("core", "{file} cannot be read ({reason}).")
        raise TlsError(sentence(template, file=subject, reason=os_reason(error))) from error


def _subject(what: str, path: str) -> Sentence:
    return sentence(what, path=path)


def _reusable(cert_path: Path, key_path: Path) -> bool:
    try:
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError):
        return False  # missing, damaged or foreign files: make a new pair
    now = dt.datetime.now(dt.UTC)
    if not cert.not_valid_before_utc <= now <= cert.not_valid_after_utc - MIN_REMAINING:
        return False
    return _public_der(key.public_key()) == _public_der(cert.public_key())


def _write_atomic(path: Path, data: bytes, mode: int) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")  # mkstemp: mode 0o600
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _public_der(public: PublicKeyTypes) -> bytes:
    return public.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _key_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


def _general_name(name: str) -> x509.GeneralName:
    try:
        return x509.IPAddress(ipaddress.ip_address(name))
    except ValueError:
        return x509.DNSName(name)


def _sans(cert: x509.Certificate) -> tuple[str, ...]:
    try:
        ext = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return ()
    names: list[str] = []
    for kind in (x509.DNSName, x509.IPAddress, x509.RFC822Name, x509.UniformResourceIdentifier):
        names.extend(str(value) for value in ext.get_values_for_type(kind))
    return tuple(names)


def _is_self_signed(cert: x509.Certificate) -> bool:
    if cert.issuer != cert.subject:
        return False
    try:
        cert.verify_directly_issued_by(cert)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def _colon_hex(digest: bytes) -> str:
    return ":".join(f"{byte:02X}" for byte in digest)
