"""Redirects and cookies across the composer's sends (no Qt: plain state the panel drives)."""

from __future__ import annotations

import dataclasses

from desktop.core.http.cookies import CookieStore
from desktop.core.http.exchange import ExchangeResult, HttpTarget
from desktop.core.http.link import final_responses
from desktop.core.http.redirect import (
    Endpoint,
    FollowUp,
    RedirectChain,
    RedirectError,
    follow_redirect,
    is_redirect,
    request_url,
)
from desktop.core.net.tls import TlsClientOptions
from desktop.core.sentence import QT_TRANSLATE_NOOP, sentence

__all__ = ["RedirectFlow", "follow_target"]


def follow_target(target: HttpTarget, follow: FollowUp) -> HttpTarget:
    """Where ``follow`` goes: ``target`` when the endpoint is the same, else the new host and
    port with the same TLS options and timeouts (and no SNI override: it named the old host)."""
    endpoint = follow.endpoint
    if (target.host, target.port, target.tls is not None) == (
        endpoint.host,
        endpoint.port,
        endpoint.tls,
    ):
        return target
    tls = (target.tls or TlsClientOptions()) if endpoint.tls else None
    return dataclasses.replace(
        target, host=endpoint.host, port=endpoint.port, tls=tls, sni_override=None
    )


class RedirectFlow:
    """The cookie jar and the redirect chain of the composer.

    Attributes:
        jar: cookies set by every response received.
        chain: the automatic redirects followed since the last Send.
        last: the last single exchange: its target, endpoint, request and result.
    """

    def __init__(self, jar: CookieStore | None = None) -> None:
        self.jar = jar if jar is not None else CookieStore()
        self.chain = RedirectChain()
        self.last: tuple[HttpTarget, Endpoint, bytes, ExchangeResult] | None = None

    def with_cookies(self, request: bytes, endpoint: Endpoint) -> bytes:
        """``request`` with the jar's cookies for its URL (unchanged when none apply)."""
        return self.jar.apply(request, request_url(request, endpoint))

    def record(
        self, target: HttpTarget, endpoint: Endpoint, requests: list[bytes], result: ExchangeResult
    ) -> None:
        """Feed the jar from ``result``'s responses; remember the exchange for a follow-up."""
        finals = [r for r in result.responses if r.status is not None and r.status >= 200]
        for index, response in enumerate(finals):
            request = requests[min(index, len(requests) - 1)]
            self.jar.update(request_url(request, endpoint), response)
        if len(requests) == 1 and final_responses(result.reader) >= 1:
            self.last = (target, endpoint, requests[0], result)
        else:
            self.last = None

    def location(self) -> str | None:
        """Where the last response redirects to (its Location), or None."""
        if self.last is None:
            return None
        response = self.last[3].responses[-1]
        if not is_redirect(response):
            return None
        return response.header_values(b"location")[0].decode("latin-1")

    def next_hop(self) -> tuple[HttpTarget, FollowUp]:
        """The follow-up of the last redirect and where it goes.

        Raises:
            RedirectError: the last response is no redirect, or cannot be followed.
        """
        if self.last is None:
            raise RedirectError(
                sentence(QT_TRANSLATE_NOOP("core", "There is no redirect to follow."))
            )
        target, endpoint, request, result = self.last
        follow = follow_redirect(request, result.responses[-1], endpoint, self.jar)
        return follow_target(target, follow), follow
