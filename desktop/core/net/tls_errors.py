"""Sentences for TLS failures: OpenSSL's reasons and certificate-verification results.

Shared by the ``ssl`` engines (``tls.py``) and the pyOpenSSL one (``tls_chain.py``).
"""

from __future__ import annotations

import enum
import ssl

__all__ = [
    "describe_ssl_error",
    "describe_verify_problem",
    "plain_reason",
    "sentence_for_reason",
]


def describe_ssl_error(error: BaseException, *, server_side: bool = False) -> str:
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
        sentence = sentence_for_reason(reason, peer)
        if sentence is not None:
            return sentence
    # asyncio gives up on a slow handshake with ConnectionAbortedError("SSL handshake is taking
    # longer than N seconds: aborting the connection"); a timeout around it gives TimeoutError.
    if isinstance(error, TimeoutError) or "handshake is taking longer" in str(error):
        return "The TLS handshake timed out."
    if isinstance(error, ssl.SSLEOFError | ssl.SSLZeroReturnError | ConnectionError):
        return f"The {peer} closed the connection during the TLS handshake."
    return f"TLS failed: {plain_reason(error)}."


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


_TRUST = "trust it with a CA file or turn verification off"
# What follows "The server's certificate", and an optional hint after the details.
_VERIFY_CLAUSES: dict[int, tuple[str, str]] = {
    _X509Verify.DEPTH_ZERO_SELF_SIGNED_CERT: ("is self-signed and not trusted", _TRUST),
    _X509Verify.SELF_SIGNED_CERT_IN_CHAIN: ("chain ends in an untrusted self-signed one", _TRUST),
    _X509Verify.UNABLE_TO_GET_ISSUER_CERT: ("is signed by an unknown authority", _TRUST),
    _X509Verify.UNABLE_TO_GET_ISSUER_CERT_LOCALLY: ("is signed by an unknown authority", _TRUST),
    _X509Verify.UNABLE_TO_VERIFY_LEAF_SIGNATURE: ("is signed by an unknown authority", _TRUST),
    _X509Verify.CERT_HAS_EXPIRED: ("has expired", ""),
    _X509Verify.CERT_NOT_YET_VALID: ("is not valid yet", "check this computer's clock"),
    _X509Verify.CERT_REVOKED: ("has been revoked", ""),
    _X509Verify.HOSTNAME_MISMATCH: ("is for another name (hostname mismatch)", ""),
    _X509Verify.IP_ADDRESS_MISMATCH: ("is for another address (IP address mismatch)", ""),
}

# OpenSSL reason codes (``SSLError.reason``; names from OpenSSL's ``sslerr.h``), grouped by
# the sentence they get.
_REASONS: tuple[tuple[frozenset[str], str], ...] = (
    (
        frozenset({"WRONG_VERSION_NUMBER", "HTTP_REQUEST", "HTTPS_PROXY_REQUEST"}),
        "The {peer} does not speak TLS on this port.",
    ),
    (
        frozenset(
            {
                "UNSUPPORTED_PROTOCOL",
                "TLSV1_ALERT_PROTOCOL_VERSION",
                "NO_PROTOCOLS_AVAILABLE",
                "VERSION_TOO_LOW",
                "VERSION_TOO_HIGH",
            }
        ),
        "No TLS version in common with the {peer}.",
    ),
    (
        frozenset({"NO_SHARED_CIPHER", "NO_CIPHERS_AVAILABLE", "NO_SHARED_GROUPS"}),
        "No cipher suite in common with the {peer}.",
    ),
    (
        frozenset({"SSLV3_ALERT_HANDSHAKE_FAILURE"}),
        "The {peer} refused the TLS handshake (handshake failure: often no cipher suite in "
        "common).",
    ),
    (
        frozenset({"TLSV13_ALERT_CERTIFICATE_REQUIRED", "PEER_DID_NOT_RETURN_A_CERTIFICATE"}),
        "A client certificate is required but none was sent.",
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
        "The {peer} rejected our certificate.",
    ),
    (
        frozenset({"NO_APPLICATION_PROTOCOL", "TLSV1_ALERT_NO_APPLICATION_PROTOCOL"}),
        "No ALPN protocol in common with the {peer}.",
    ),
    (
        frozenset({"TLSV1_ALERT_UNRECOGNIZED_NAME", "TLSV1_UNRECOGNIZED_NAME"}),
        "The server does not know the name sent in SNI.",
    ),
    (
        frozenset({"UNEXPECTED_EOF_WHILE_READING"}),
        "The {peer} closed the connection during the TLS handshake.",
    ),
)


def describe_verify_problem(code: int, detail: str, peer: str = "server") -> str:
    """A sentence for a failed certificate check.

    Args:
        code: OpenSSL's ``X509_V_ERR_*`` number.
        detail: OpenSSL's text for it (e.g. ``"certificate has expired"``).
        peer: ``"server"`` or ``"client"``.
    """
    clause, hint = _VERIFY_CLAUSES.get(code, ("could not be verified", ""))
    detail = detail.rstrip(".")
    return f"The {peer}'s certificate {clause}: {detail}" + (f"; {hint}." if hint else ".")


def sentence_for_reason(reason: str, peer: str = "server") -> str | None:
    """The sentence for an OpenSSL reason code (``"WRONG_VERSION_NUMBER"``…), if it has one."""
    for reasons, template in _REASONS:
        if reason in reasons:
            return template.format(peer=peer)
    return None


def plain_reason(error: BaseException) -> str:
    """OpenSSL's reason or the OS error, lower-case, without a final period."""
    reason = getattr(error, "reason", None)
    if isinstance(reason, str) and reason:
        return reason.replace("_", " ").lower()
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.rstrip(".")
    return str(error).rstrip(".") or type(error).__name__
