"""TLS options of the CLI: named as ncat names them (``--ssl``, ``--ssl-verify``…) for the
socket commands, as curl names them (``--tls``, ``--insecure``, ``--cert``…) for ``http send``;
and the TLS session as lines of text."""

from __future__ import annotations

import argparse
import ipaddress

from desktop.core.errors import TlsError
from desktop.core.net.tls import TlsClientOptions, TlsServerOptions, TlsSessionInfo

__all__ = [
    "add_http_tls_options",
    "add_tls_client_options",
    "add_tls_server_options",
    "http_tls_from_args",
    "tls_client_from_args",
    "tls_server_from_args",
    "tls_session_lines",
]


def add_tls_client_options(parser: argparse.ArgumentParser) -> None:
    """``--ssl`` and friends for a client command."""
    group = parser.add_argument_group("TLS (as in ncat)")
    group.add_argument(
        "--ssl",
        "--tls",
        dest="ssl",
        action="store_true",
        help="connect with TLS (the certificate is not checked unless --ssl-verify)",
    )
    group.add_argument(
        "--ssl-verify", action="store_true", help="check the server's certificate chain and name"
    )
    group.add_argument("--ssl-trustfile", metavar="PEM", help="extra trusted CA certificates")
    group.add_argument("--ssl-cert", metavar="PEM", help="client certificate")
    group.add_argument("--ssl-key", metavar="PEM", help="client private key")
    group.add_argument(
        "--ssl-servername",
        metavar="NAME",
        help="name sent in SNI and checked instead of the host (an address is sent too)",
    )
    group.add_argument("--ssl-alpn", metavar="LIST", help="ALPN protocols, comma-separated")


def add_tls_server_options(parser: argparse.ArgumentParser) -> None:
    """``--ssl`` and friends for a listening command."""
    group = parser.add_argument_group("TLS (as in ncat)")
    group.add_argument(
        "--ssl",
        "--tls",
        dest="ssl",
        action="store_true",
        help="accept TLS (a self-signed certificate unless --ssl-cert is given)",
    )
    group.add_argument("--ssl-cert", metavar="PEM", help="server certificate")
    group.add_argument("--ssl-key", metavar="PEM", help="server private key")


def tls_client_from_args(args: argparse.Namespace) -> TlsClientOptions | None:
    """The client TLS options, or None for plain TCP."""
    if not (args.ssl or args.ssl_verify):
        return None
    alpn = tuple(p.strip() for p in (args.ssl_alpn or "").split(",") if p.strip())
    return TlsClientOptions(
        verify=args.ssl_verify,
        server_name=args.ssl_servername,
        ca_file=args.ssl_trustfile,
        cert_file=args.ssl_cert,
        key_file=args.ssl_key,
        alpn=alpn,
        sni_for_addresses=args.ssl_servername is not None and _is_address(args.ssl_servername),
    )


def tls_server_from_args(args: argparse.Namespace) -> TlsServerOptions | None:
    """The server TLS options, or None for plain TCP."""
    if not args.ssl:
        return None
    return TlsServerOptions(cert_file=args.ssl_cert, key_file=args.ssl_key)


def add_http_tls_options(parser: argparse.ArgumentParser) -> None:
    """``--tls`` and friends for ``http send`` (verification is on unless ``--insecure``)."""
    group = parser.add_argument_group("TLS")
    group.add_argument("--tls", action="store_true", help="connect with TLS")
    group.add_argument(
        "--insecure", action="store_true", help="do not require a trusted certificate (verify off)"
    )
    group.add_argument(
        "--sni",
        metavar="NAME",
        help="name sent in SNI and checked instead of the host (an address is sent too)",
    )
    group.add_argument(
        "--ca-file", "--cacert", dest="ca_file", metavar="PEM", help="extra trusted CA certificates"
    )
    group.add_argument("--cert", metavar="PEM", help="client certificate (may hold the key)")
    group.add_argument("--key", metavar="PEM", help="client private key, unencrypted")
    group.add_argument(
        "--tls-legacy",
        action="store_true",
        help="allow TLS 1.0 and 1.1 and weak ciphers (old servers)",
    )


def http_tls_from_args(args: argparse.Namespace) -> TlsClientOptions | None:
    """The TLS options of ``http send``, or None for plain TCP.

    Raises:
        TlsError: a TLS option was given without ``--tls``.
    """
    if not args.tls:
        given = [
            flag
            for flag, value in (
                ("--insecure", args.insecure),
                ("--sni", args.sni),
                ("--ca-file", args.ca_file),
                ("--cert", args.cert),
                ("--key", args.key),
                ("--tls-legacy", args.tls_legacy),
            )
            if value
        ]
        if given:
            raise TlsError(f"{', '.join(given)} needs --tls.")
        return None
    return TlsClientOptions(
        verify=not args.insecure,
        ca_file=args.ca_file,
        cert_file=args.cert,
        key_file=args.key,
        sni_for_addresses=args.sni is not None and _is_address(args.sni),
        legacy_tls=args.tls_legacy,
    )


def tls_session_lines(info: TlsSessionInfo) -> list[str]:
    """The session as lines: version, cipher, ALPN, SNI, the verification outcome, then each
    certificate sent (leaf first) with its problems."""
    lines = [
        f"{info.version}, {info.cipher}, ALPN {info.alpn or '(none)'}, "
        f"SNI {info.server_name_sent or '(none)'}",
        info.verify_summary,
        f"Certificates sent: {len(info.peer_chain)}",
    ]
    for depth, cert in enumerate(info.peer_chain):
        role = "leaf" if depth == 0 else f"issuer {depth}"
        lines.append(f"  [{depth}] {role}: subject {cert.subject}")
        lines.append(f"      issuer {cert.issuer}")
        lines.append(
            f"      valid {cert.not_before:%Y-%m-%d %H:%M} to {cert.not_after:%Y-%m-%d %H:%M} UTC"
        )
        lines.append(f"      names {', '.join(cert.sans) or '(none)'}")
        lines.append(f"      SHA-256 {cert.sha256}")
        lines += [f"      problem: {p.message}" for p in info.verify_problems if p.depth == depth]
    return lines


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True
