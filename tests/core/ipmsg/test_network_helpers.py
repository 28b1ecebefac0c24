"""Targets and node settings (interfaces and port owners: tests/core/net)."""

from __future__ import annotations

import pytest

from desktop.core.ipmsg import InvalidField
from desktop.core.ipmsg.messenger_errors import BadTarget
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg.targets import MAX_TARGETS, parse_target, parse_targets


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        ("198.18.1.255", [("198.18.1.255", 2425)]),
        (" 198.18.1.255:2426 ", [("198.18.1.255", 2426)]),
        ("198.18.1.0/24", [("198.18.1.255", 2425)]),
        ("198.18.1.77/30:3000", [("198.18.1.79", 3000)]),
        ("198.18.1.10-12", [(f"198.18.1.{n}", 2425) for n in (10, 11, 12)]),
        ("198.18.1.255-198.18.2.1", [("198.18.1.255", 2425), ("198.18.2.0", 2425),
                                     ("198.18.2.1", 2425)]),
    ],
)  # fmt: skip
def test_targets(text: str, addresses: list[tuple[str, int]]) -> None:
    assert parse_target(text) == addresses


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("host.example", "is not an IPv4 address"),
        ("198.18.1.1:0", "has the port '0'"),
        ("198.18.1.1:x", "has the port 'x'"),
        ("198.18.1.9-3", "ends before it starts"),
        ("198.18.0.0-198.19.0.0", "holds more than 4096 addresses"),
        ("fe80::1", "is not an IPv4 address"),
    ],
)
def test_bad_targets(text: str, reason: str) -> None:
    with pytest.raises(BadTarget) as caught:
        parse_target(text)
    assert str(caught.value).startswith(f"The broadcast target {text!r} {reason}")


def test_targets_together_are_deduplicated_and_capped() -> None:
    assert parse_targets(["198.18.1.255", "198.18.1.0/24", "198.18.2.1:9"]) == (
        ("198.18.1.255", 2425),
        ("198.18.2.1", 9),
    )
    with pytest.raises(BadTarget, match="past 4096 addresses"):
        parse_targets(["198.18.0.0-198.18.15.255", "198.18.16.0-198.18.16.9"])
    assert len(parse_targets(["198.18.0.0-198.18.15.255"])) == MAX_TARGETS


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"tries": 0}, "number of tries"),
        ({"retry_interval": 0}, "retry interval"),
        ({"port": 70000}, "port"),
        ({"entry_answer_delay": -1}, "entry answer delay"),
        ({"targets": (("198.18.0.255", 0),)}, "target port"),
    ],
)
def test_settings_are_checked(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidField) as caught:
        NodeSettings(**kwargs)  # type: ignore[arg-type]
    assert caught.value.field == field
