"""Run only by tests/test_strict_mode.py (its name keeps it out of normal collection)."""

import pytest

from tests.helpers.strict import require


def test_needs_a_missing_peer() -> None:
    require(False, "the peer is not installed")


def test_plain_skip() -> None:
    pytest.skip("nothing to do here")
