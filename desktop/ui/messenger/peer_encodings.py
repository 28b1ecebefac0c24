"""What the Messenger keeps per peer in the settings as JSON: the encodings the user chose,
and the conversations the user closed."""

from __future__ import annotations

import json

from desktop.core.ipmsg.events import Address, format_address
from desktop.settings import Settings

__all__ = ["load_closed", "load_encodings", "save_closed", "save_encodings"]


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


def load_closed(settings: Settings) -> dict[str, int]:
    """The conversations closed (their key's text → when, ns); a damaged value gives none."""
    try:
        stored = json.loads(settings.get(Settings.MESSENGER_CLOSED))
        return {str(key): int(when) for key, when in dict(stored).items()}
    except (ValueError, TypeError, AttributeError):
        return {}


def save_closed(settings: Settings, closed: dict[str, int]) -> None:
    """Store the closed conversations, ``{"alice@198.18.0.2": 1764990000000000000}``."""
    settings.set(Settings.MESSENGER_CLOSED, json.dumps(closed, sort_keys=True))
