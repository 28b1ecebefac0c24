"""Run only by tests/test_strict_mode.py: expected failures, which CI must not accept."""

import pytest


@pytest.mark.xfail(reason="known to be broken")
def test_marked_xfail_that_fails() -> None:
    raise AssertionError("broken")


@pytest.mark.xfail(reason="thought to be broken")
def test_marked_xfail_that_passes() -> None:
    pass


def test_imperative_xfail() -> None:
    pytest.xfail("gave up at run time")
