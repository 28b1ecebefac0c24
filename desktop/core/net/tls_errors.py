"""Sentences for TLS failures: OpenSSL's reasons and certificate-verification results.

Shared by the ``ssl`` engines (``tls.py``) and the pyOpenSSL one (``tls_chain.py``).
"""

from __future__ import annotations

import enum
import ssl

from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = [
    "VERIFY_TEXT",
    "VERSION_REASONS",
    "closed_during_handshake",
    "describe_ssl_error",
    "describe_verify_problem",
    "plain_reason",
    "sentence_for_reason",
    "tls_failed",
    "verify_text",
]


def describe_ssl_error(error: BaseException, *, server_side: bool = False) -> Sentence:
    """A sentence for a failed handshake or TLS connection.

    Args:
        error: what ``ssl`` or asyncio raised (``SSLError``, a connection reset, a timeout…).
        server_side: we are the server, so the peer is called "the client".
    """
    peer = "client" if server_side else "server"
    if isinstance(error, ssl.SSLCertVerificationError):
        detail = str(error.verify_message or error.reason or "certificate verify failed")
        return describe_verify_problem(error.verify_code, detail, peer)
    reason = getattr(error, "reason", None)
    if isinstance(error, ssl.SSLError) and isinstance(reason, str):
        found = sentence_for_reason(reason, peer)
        if found is not None:
            return found
    # asyncio gives up on a slow handshake with ConnectionAbortedError("SSL handshake is taking
    # longer than N seconds: aborting the connection"); a timeout around it gives TimeoutError.
    if isinstance(error, TimeoutError) or "handshake is taking longer" in str(error):
        return sentence(QT_TRANSLATE_NOOP("core", "The TLS handshake timed out."))
    if isinstance(error, ssl.SSLEOFError | ssl.SSLZeroReturnError | ConnectionError):
        return closed_during_handshake(peer)
    return tls_failed(plain_reason(error))


def closed_during_handshake(peer: str = "server") -> Sentence:
    """The peer ("server" or "client") closed the connection during the handshake."""
    return sentence(
        QT_TRANSLATE_NOOP("core", "The client closed the connection during the TLS handshake.")
        if peer == "client"
        else QT_TRANSLATE_NOOP("core", "The server closed the connection during the TLS handshake.")
    )


def tls_failed(reason: Sentence | str) -> Sentence:
    """ "TLS failed: REASON." (OpenSSL's words, or the system's, as a fact)."""
    return sentence(QT_TRANSLATE_NOOP("core", "TLS failed: {reason}."), reason=reason)


class _X509Verify(enum.IntEnum):
    """Certificate verification results that get their own sentence.

    Source: OpenSSL ``include/openssl/x509_vfy.h`` (``X509_V_ERR_*``).
    """

    UNABLE_TO_GET_ISSUER_CERT = 2
    CERT_NOT_YET_VALID = 9
    CERT_HAS_EXPIRED = 10
    DEPTH_ZERO_SELF_SIGNED_CERT = 18
    SELF_SIGNED_CERT_IN_CHAIN = 19
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY = 20
    UNABLE_TO_VERIFY_LEAF_SIGNATURE = 21
    CERT_REVOKED = 23
    HOSTNAME_MISMATCH = 62
    IP_ADDRESS_MISMATCH = 64


# The sentence of each verification result, for a server's certificate and for a client's; the
# details (OpenSSL's text for the result) are a fact.
_SERVER_UNKNOWN_CA = QT_TRANSLATE_NOOP(
    "core",
    "The server's certificate is signed by an unknown authority: {detail}; trust it with a CA "
    "file or turn verification off.",
)
_CLIENT_UNKNOWN_CA = QT_TRANSLATE_NOOP(
    "core",
    "The client's certificate is signed by an unknown authority: {detail}; trust it with a CA "
    "file or turn verification off.",
)
_VERIFY_SENTENCES: dict[int, tuple[str, str]] = {
    _X509Verify.DEPTH_ZERO_SELF_SIGNED_CERT: (
        QT_TRANSLATE_NOOP(
            "core",
            "The server's certificate is self-signed and not trusted: {detail}; trust it with a "
            "CA file or turn verification off.",
        ),
        QT_TRANSLATE_NOOP(
            "core",
            "The client's certificate is self-signed and not trusted: {detail}; trust it with a "
            "CA file or turn verification off.",
        ),
    ),
    _X509Verify.SELF_SIGNED_CERT_IN_CHAIN: (
        QT_TRANSLATE_NOOP(
            "core",
            "The server's certificate chain ends in an untrusted self-signed one: {detail}; "
            "trust it with a CA file or turn verification off.",
        ),
        QT_TRANSLATE_NOOP(
            "core",
            "The client's certificate chain ends in an untrusted self-signed one: {detail}; "
            "trust it with a CA file or turn verification off.",
        ),
    ),
    _X509Verify.UNABLE_TO_GET_ISSUER_CERT: (_SERVER_UNKNOWN_CA, _CLIENT_UNKNOWN_CA),
    _X509Verify.UNABLE_TO_GET_ISSUER_CERT_LOCALLY: (_SERVER_UNKNOWN_CA, _CLIENT_UNKNOWN_CA),
    _X509Verify.UNABLE_TO_VERIFY_LEAF_SIGNATURE: (_SERVER_UNKNOWN_CA, _CLIENT_UNKNOWN_CA),
    _X509Verify.CERT_HAS_EXPIRED: (
        QT_TRANSLATE_NOOP("core", "The server's certificate has expired: {detail}."),
        QT_TRANSLATE_NOOP("core", "The client's certificate has expired: {detail}."),
    ),
    _X509Verify.CERT_NOT_YET_VALID: (
        QT_TRANSLATE_NOOP(
            "core",
            "The server's certificate is not valid yet: {detail}; check this computer's clock.",
        ),
        QT_TRANSLATE_NOOP(
            "core",
            "The client's certificate is not valid yet: {detail}; check this computer's clock.",
        ),
    ),
    _X509Verify.CERT_REVOKED: (
        QT_TRANSLATE_NOOP("core", "The server's certificate has been revoked: {detail}."),
        QT_TRANSLATE_NOOP("core", "The client's certificate has been revoked: {detail}."),
    ),
    _X509Verify.HOSTNAME_MISMATCH: (
        QT_TRANSLATE_NOOP(
            "core", "The server's certificate is for another name (hostname mismatch): {detail}."
        ),
        QT_TRANSLATE_NOOP(
            "core", "The client's certificate is for another name (hostname mismatch): {detail}."
        ),
    ),
    _X509Verify.IP_ADDRESS_MISMATCH: (
        QT_TRANSLATE_NOOP(
            "core",
            "The server's certificate is for another address (IP address mismatch): {detail}.",
        ),
        QT_TRANSLATE_NOOP(
            "core",
            "The client's certificate is for another address (IP address mismatch): {detail}.",
        ),
    ),
}
_UNVERIFIED = (
    QT_TRANSLATE_NOOP("core", "The server's certificate could not be verified: {detail}."),
    QT_TRANSLATE_NOOP("core", "The client's certificate could not be verified: {detail}."),
)

# OpenSSL reason codes (``SSLError.reason``; names from OpenSSL's ``sslerr.h``), grouped by
# the sentence they get (for a server, for a client).
VERSION_REASONS = frozenset(
    {
        "UNSUPPORTED_PROTOCOL",
        "TLSV1_ALERT_PROTOCOL_VERSION",
        "NO_PROTOCOLS_AVAILABLE",
        "VERSION_TOO_LOW",
        "VERSION_TOO_HIGH",
    }
)
_VERSION_REASONS = VERSION_REASONS
_CERTIFICATE_REQUIRED = QT_TRANSLATE_NOOP(
    "core", "A client certificate is required but none was sent."
)
_UNKNOWN_SNI = QT_TRANSLATE_NOOP("core", "The server does not know the name sent in SNI.")
_REASONS: tuple[tuple[frozenset[str], tuple[str, str]], ...] = (
    (
        frozenset({"WRONG_VERSION_NUMBER", "HTTP_REQUEST", "HTTPS_PROXY_REQUEST"}),
        (
            QT_TRANSLATE_NOOP("core", "The server does not speak TLS on this port."),
            QT_TRANSLATE_NOOP("core", "The client does not speak TLS on this port."),
        ),
    ),
    (
        _VERSION_REASONS,
        (
            QT_TRANSLATE_NOOP("core", "No TLS version in common with the server."),
            QT_TRANSLATE_NOOP("core", "No TLS version in common with the client."),
        ),
    ),
    (
        frozenset({"NO_SHARED_CIPHER", "NO_CIPHERS_AVAILABLE", "NO_SHARED_GROUPS"}),
        (
            QT_TRANSLATE_NOOP("core", "No cipher suite in common with the server."),
            QT_TRANSLATE_NOOP("core", "No cipher suite in common with the client."),
        ),
    ),
    (
        frozenset({"SSLV3_ALERT_HANDSHAKE_FAILURE"}),
        (
            QT_TRANSLATE_NOOP(
                "core",
                "The server refused the TLS handshake (handshake failure: often no cipher suite "
                "in common).",
            ),
            QT_TRANSLATE_NOOP(
                "core",
                "The client refused the TLS handshake (handshake failure: often no cipher suite "
                "in common).",
            ),
        ),
    ),
    (
        frozenset({"TLSV13_ALERT_CERTIFICATE_REQUIRED", "PEER_DID_NOT_RETURN_A_CERTIFICATE"}),
        (_CERTIFICATE_REQUIRED, _CERTIFICATE_REQUIRED),
    ),
    (
        frozenset(
            {
                "SSLV3_ALERT_BAD_CERTIFICATE",
                "SSLV3_ALERT_CERTIFICATE_UNKNOWN",
                "SSLV3_ALERT_CERTIFICATE_EXPIRED",
                "SSLV3_ALERT_UNSUPPORTED_CERTIFICATE",
                "TLSV1_ALERT_UNKNOWN_CA",
            }
        ),
        (
            QT_TRANSLATE_NOOP("core", "The server rejected our certificate."),
            QT_TRANSLATE_NOOP("core", "The client rejected our certificate."),
        ),
    ),
    (
        frozenset({"NO_APPLICATION_PROTOCOL", "TLSV1_ALERT_NO_APPLICATION_PROTOCOL"}),
        (
            QT_TRANSLATE_NOOP("core", "No ALPN protocol in common with the server."),
            QT_TRANSLATE_NOOP("core", "No ALPN protocol in common with the client."),
        ),
    ),
    (
        frozenset({"TLSV1_ALERT_UNRECOGNIZED_NAME", "TLSV1_UNRECOGNIZED_NAME"}),
        (_UNKNOWN_SNI, _UNKNOWN_SNI),
    ),
    (
        frozenset({"UNEXPECTED_EOF_WHILE_READING"}),
        (
            QT_TRANSLATE_NOOP("core", "The server closed the connection during the TLS handshake."),
            QT_TRANSLATE_NOOP("core", "The client closed the connection during the TLS handshake."),
        ),
    ),
)


def describe_verify_problem(code: int, detail: str | Sentence, peer: str = "server") -> Sentence:
    """A sentence for a failed certificate check.

    Args:
        code: OpenSSL's ``X509_V_ERR_*`` number.
        detail: OpenSSL's text for it (e.g. ``"certificate has expired"``), translated when it
            is one we know (``verify_text``).
        peer: ``"server"`` or ``"client"``.
    """
    templates = _VERIFY_SENTENCES.get(code, _UNVERIFIED)
    if isinstance(detail, str):
        detail = verify_text(code, detail.rstrip("."))
    return sentence(templates[peer == "client"], detail=detail)


def sentence_for_reason(reason: str, peer: str = "server") -> Sentence | None:
    """The sentence for an OpenSSL reason code (``"WRONG_VERSION_NUMBER"``…), if it has one."""
    for reasons, templates in _REASONS:
        if reason in reasons:
            return sentence(templates[peer == "client"])
    return None


# OpenSSL's texts for the verification results a server's chain commonly gets (source: OpenSSL
# ``crypto/x509/x509_txt.c``, numbers from ``include/openssl/x509_vfy.h``), marked so that the
# UI translates them; ``str()`` keeps OpenSSL's exact words.
VERIFY_TEXT: dict[int, str] = {
    2: QT_TRANSLATE_NOOP("core", "unable to get issuer certificate"),
    4: QT_TRANSLATE_NOOP("core", "unable to decrypt certificate's signature"),
    6: QT_TRANSLATE_NOOP("core", "unable to decode issuer public key"),
    7: QT_TRANSLATE_NOOP("core", "certificate signature failure"),
    9: QT_TRANSLATE_NOOP("core", "certificate is not yet valid"),
    10: QT_TRANSLATE_NOOP("core", "certificate has expired"),
    13: QT_TRANSLATE_NOOP("core", "format error in certificate's notBefore field"),
    14: QT_TRANSLATE_NOOP("core", "format error in certificate's notAfter field"),
    18: QT_TRANSLATE_NOOP("core", "self-signed certificate"),
    19: QT_TRANSLATE_NOOP("core", "self-signed certificate in certificate chain"),
    20: QT_TRANSLATE_NOOP("core", "unable to get local issuer certificate"),
    21: QT_TRANSLATE_NOOP("core", "unable to verify the first certificate"),
    22: QT_TRANSLATE_NOOP("core", "certificate chain too long"),
    23: QT_TRANSLATE_NOOP("core", "certificate revoked"),
    24: QT_TRANSLATE_NOOP("core", "invalid CA certificate"),
    25: QT_TRANSLATE_NOOP("core", "path length constraint exceeded"),
    26: QT_TRANSLATE_NOOP("core", "unsupported certificate purpose"),
    27: QT_TRANSLATE_NOOP("core", "certificate not trusted"),
    28: QT_TRANSLATE_NOOP("core", "certificate rejected"),
    62: QT_TRANSLATE_NOOP("core", "hostname mismatch"),
    64: QT_TRANSLATE_NOOP("core", "IP address mismatch"),
    66: QT_TRANSLATE_NOOP("core", "EE certificate key too weak"),
    67: QT_TRANSLATE_NOOP("core", "CA certificate key too weak"),
    68: QT_TRANSLATE_NOOP("core", "CA signature digest algorithm too weak"),
}


def verify_text(code: int, text: str) -> Sentence:
    """The verification result ``code`` as our own sentence when the code is one we know
    (whatever words this OpenSSL build uses for it: 1.1 says "self signed certificate", 3.0
    "self-signed certificate"); else OpenSSL's ``text`` as a fact, or the bare code."""
    known = VERIFY_TEXT.get(code)
    if known is not None:
        return sentence(known)
    if text:
        return Sentence("{text}", (("text", text),))
    return sentence(QT_TRANSLATE_NOOP("core", "verification error {code}"), code=code)


def plain_reason(error: BaseException) -> str:
    """OpenSSL's reason or the OS error, lower-case, without a final period."""
    reason = getattr(error, "reason", None)
    if isinstance(reason, str) and reason:
        return reason.replace("_", " ").lower()
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.rstrip(".")
    return str(error).rstrip(".") or type(error).__name__
