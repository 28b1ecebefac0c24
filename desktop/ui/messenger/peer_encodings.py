"""The encodings the user chose per peer address, kept in the settings as JSON."""

from __future__ import annotations

import json

from desktop.core.ipmsg.events import Address, format_address
from desktop.settings import Settings

__all__ = ["load_encodings", "save_encodings"]


def load_encodings(settings: Settings) -> dict[Address, str]:
    """The stored choices; a damaged value gives none (back to detection for everyone)."""
    try:
        stored = json.loads(settings.get(Settings.MESSENGER_ENCODINGS))
        found: dict[Address, str] = {}
        for where, codec in dict(stored).items():
            host, _sep, port = str(where).rpartition(":")
            found[(host, int(port))] = str(codec)
    except (ValueError, TypeError, AttributeError):
        return {}
    return found


def save_encodings(settings: Settings, encodings: dict[Address, str]) -> None:
    """Store the choices, ``{"198.18.0.2:2425": "cp932"}``."""
    stored = {format_address(address): codec for address, codec in encodings.items()}
    settings.set(Settings.MESSENGER_ENCODINGS, json.dumps(stored, sort_keys=True))
