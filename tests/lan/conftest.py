"""Fixtures for tests that need a LAN of namespaces."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest

from tests.helpers.strict import require
from tests.lan.netlan import TestLan, lan_available, leftovers, sweep_stale
from tests.lan.panels import panel_on  # noqa: F401  (a fixture for the panel tests)


@pytest.fixture(scope="session")
def lan_support() -> Iterator[None]:
    ok, _reason = lan_available()
    if ok:
        sweep_stale()
    yield
    if ok:
        left = leftovers(os.getpid())
        assert left == [], f"test LANs left behind: {left}"


@pytest.fixture
def make_lan(lan_support: None) -> Iterator[Callable[[int], TestLan]]:
    """``make_lan(n)`` builds a LAN of n hosts, torn down after the test whatever happens."""
    ok, reason = lan_available()
    require(ok, reason)
    lans: list[TestLan] = []

    def make(hosts: int) -> TestLan:
        lan = TestLan(hosts)
        lans.append(lan)
        lan.up()
        return lan

    try:
        yield make
    finally:
        for lan in lans:
            lan.down()
