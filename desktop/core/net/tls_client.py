"""The one TLS client handshake: pyOpenSSL over memory BIOs on an already connected socket.

Used by :func:`desktop.core.net.connect.connect` for every engine (the Workbench's TCP client,
the relay's target side, the HTTP composer): the session it returns carries every certificate
the server sent and the verification outcome, verification on or off; with verification on, a
server that fails it is dropped before the application sees the stream.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable

from OpenSSL import SSL

from desktop.core.errors import TlsError
from desktop.core.net import tls_chain
from desktop.core.net.tls import TlsClientOptions, TlsSessionInfo
from desktop.core.net.tls_pipe import TlsPipe

__all__ = ["client_context", "shake_hands"]

# Loading the system's CA certificates takes ~10 ms: contexts are kept per set of options. A
# handful of targets is the normal case; past this many, the oldest is forgotten.
_MAX_CONTEXTS = 16
_CONTEXTS: dict[TlsClientOptions, SSL.Context] = {}


def client_context(options: TlsClientOptions) -> SSL.Context:
    """The pyOpenSSL context for ``options`` (made once per set of options).

    Raises:
        TlsError: a CA, certificate or key file is missing, not PEM, encrypted or mismatched.
    """
    context = _CONTEXTS.get(options)
    if context is None:
        context = tls_chain.openssl_client_context(options)
        if len(_CONTEXTS) >= _MAX_CONTEXTS:
            del _CONTEXTS[next(iter(_CONTEXTS))]
        _CONTEXTS[options] = context
    return context


async def shake_hands(
    sock: socket.socket,
    host: str,
    options: TlsClientOptions,
    *,
    on_error: Callable[[TlsError], None] | None = None,
) -> tuple[TlsPipe, TlsSessionInfo]:
    """The TLS handshake on the connected ``sock``; the caller attaches its protocol to the pipe.

    Args:
        host: the host the user typed (SNI and the name checked, unless ``server_name``).
        on_error: told an error that breaks the stream after the handshake.

    Raises:
        TlsError: the handshake failed; ``CertificateRejected`` (with the session) when
            verification was on and the certificates did not pass.
    """
    loop = asyncio.get_running_loop()
    tls = SSL.Connection(client_context(options), None)
    tls.set_app_data(tls_chain.HandshakeRecorder())
    sni = tls_chain.sni_name(host, options)  # TlsError for a name SNI cannot carry
    if sni is not None:
        tls.set_tlsext_host_name(sni)

    def broken(error: SSL.Error) -> None:
        if on_error is not None:
            on_error(TlsError(tls_chain.describe_openssl_error(error, options)))

    pipe = TlsPipe(tls, broken)
    try:
        try:
            await loop.create_connection(lambda: pipe, sock=sock)
            await pipe.handshake()
        except (SSL.Error, OSError) as error:
            raise TlsError(tls_chain.describe_openssl_error(error, options)) from None
        info = tls_chain.inspect_session(tls, host, options)
        if options.verify and not info.verified:
            raise tls_chain.rejection(info)  # not one byte for a server that failed
    except BaseException:
        pipe.abort()
        raise
    return pipe, info
