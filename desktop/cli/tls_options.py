"""TLS options of the CLI, named as ncat names them (``--ssl``, ``--ssl-verify``…)."""

from __future__ import annotations

import argparse

from desktop.core.net.tls import TlsClientOptions, TlsServerOptions

__all__ = [
    "add_tls_client_options",
    "add_tls_server_options",
    "tls_client_from_args",
    "tls_server_from_args",
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
    group.add_argument("--ssl-servername", metavar="NAME", help="SNI name instead of the host")
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
    )


def tls_server_from_args(args: argparse.Namespace) -> TlsServerOptions | None:
    """The server TLS options, or None for plain TCP."""
    if not args.ssl:
        return None
    return TlsServerOptions(cert_file=args.ssl_cert, key_file=args.ssl_key)
