"""Run only by tests/test_strict_mode.py: a module that skips itself while it is collected."""

import pytest

pytest.skip("the whole module needs a missing peer", allow_module_level=True)


def test_never_runs() -> None:
    raise AssertionError("collected despite the module-level skip")
