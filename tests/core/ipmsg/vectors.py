"""The packet vectors of tests/data/ipmsg (see its README for where each came from)."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "data" / "ipmsg"
ALL = sorted(p.name for p in DATA.glob("*.bin"))


def vector(name: str) -> bytes:
    """The raw datagram stored as ``name``."""
    return (DATA / name).read_bytes()
