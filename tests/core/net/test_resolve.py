from __future__ import annotations

import asyncio
import socket

import pytest

from desktop.core import event_loop
from desktop.core.errors import UnknownHost
from desktop.core.net.resolve import resolve
from desktop.core.sentence import Sentence


def run(coro):  # type: ignore[no-untyped-def]
    return asyncio.run(coro)


def run_patched(coro):  # type: ignore[no-untyped-def]
    """On the stock loop: a patched ``socket.getaddrinfo`` is what its resolver calls (uvloop's
    resolves in libuv and would ask the real DNS)."""
    return event_loop.run(coro, "asyncio")


def test_ipv4_literal() -> None:
    assert run(resolve("127.0.0.1", 80)) == [(socket.AF_INET, ("127.0.0.1", 80))]


def test_ipv6_literal_with_brackets() -> None:
    [(family, sockaddr)] = run(resolve("[::1]", 80))
    assert family == socket.AF_INET6 and sockaddr[:2] == ("::1", 80)


def test_localhost_from_hosts_file() -> None:
    families = {family for family, _ in run(resolve("localhost", 80))}
    assert socket.AF_INET in families


@pytest.mark.parametrize("name", ["nosuch.invalid", "a.b.INVALID", "x.invalid."])
def test_invalid_tld_is_refused_without_asking_dns(name: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def no_dns(*args: object, **kwargs: object) -> None:
        raise AssertionError("DNS must not be asked for .invalid names")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    with pytest.raises(UnknownHost, match="never exist"):
        run_patched(resolve(name, 80))


@pytest.mark.parametrize("name", ["", "   ", "[]"])
def test_empty_name(name: str) -> None:
    with pytest.raises(UnknownHost, match="no host name"):
        run(resolve(name, 80))


def test_resolver_failure_becomes_unknown_host(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def fail(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    with pytest.raises(UnknownHost) as caught:
        run_patched(resolve("example-host", 80))
    assert str(caught.value) == (
        "Could not connect to example-host:80: the host name is unknown "
        "(Name or service not known)."
    )


@pytest.mark.parametrize(
    ("code", "english"),
    [
        (socket.EAI_NONAME, "Name or service not known"),
        (socket.EAI_AGAIN, "Temporary failure in name resolution"),
        (socket.EAI_FAIL, "Non-recoverable failure in name resolution"),
        (socket.EAI_NODATA, "No address associated with hostname"),
    ],
)
def test_resolver_reasons_are_sentences_to_translate(  # type: ignore[no-untyped-def]
    code: int, english: str, monkeypatch
) -> None:
    """The reason is a marked template (the C library's words), not the system's text: the UI
    translates it, the CLI reads the same English."""

    def fail(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(code, "the system's own words")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    with pytest.raises(UnknownHost) as caught:
        run_patched(resolve("example-host", 80))
    reason = caught.value.sentence.fact("detail").fact("reason")  # type: ignore[union-attr]
    assert isinstance(reason, Sentence) and reason.template == english and not reason.args


def test_a_rare_resolver_reason_keeps_the_systems_words(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def fail(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(-12345, "odd resolver trouble")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    with pytest.raises(UnknownHost) as caught:
        run_patched(resolve("example-host", 80))
    assert str(caught.value).endswith("(odd resolver trouble).")
