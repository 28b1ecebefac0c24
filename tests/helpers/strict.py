"""Skips that become failures under SOCKETDESK_STRICT=1 (set by CI)."""

from __future__ import annotations

import os

import pytest

STRICT = os.environ.get("SOCKETDESK_STRICT") == "1"


def require(condition: bool, reason: str) -> None:
    """Skip the test with ``reason`` unless ``condition``; fail instead under strict mode."""
    if condition:
        return
    if STRICT:
        pytest.fail(f"needed but missing under SOCKETDESK_STRICT=1: {reason}", pytrace=False)
    pytest.skip(reason)
