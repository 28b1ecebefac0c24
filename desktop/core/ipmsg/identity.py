"""Who we are on the wire: login, host, nickname, group, version and legacy code page."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.ipmsg.packet_errors import InvalidField
from desktop.core.ipmsg.text import text_codec

__all__ = ["Identity"]


@dataclass(frozen=True, slots=True)
class Identity:
    """Who we are on the wire.

    Attributes:
        user: login name; no ``:`` (IPMsg suggests ``;``) and no control characters.
        host: host name, same rules.
        nickname: shown name; no NUL, line break or BEL.
        group: group name, same rules.
        version: the version field: ``1`` or ``1_<tag>`` (§1.1).
        legacy_encoding: the code page of unflagged packets (names, entry fields).

    Raises:
        InvalidField: a field breaks these rules.
    """

    user: str
    host: str
    nickname: str = ""
    group: str = ""
    version: bytes = b"1"
    legacy_encoding: str = "cp936"

    def __post_init__(self) -> None:
        for name, value in (("user name", self.user), ("host name", self.host)):
            if not value or ":" in value or any(ord(c) < 0x20 for c in value):
                raise InvalidField(name, "must be non-empty, without ':' or control characters")
        for name, value in (("nickname", self.nickname), ("group", self.group)):
            if any(c in value for c in "\0\r\n\a"):
                raise InvalidField(name, "must not contain NUL, line breaks or BEL")
        if not self.version.startswith(b"1") or self.version[1:2].isdigit():
            raise InvalidField("version", "must be 1 or start with '1_' (IPMsg drops the rest)")
        if b":" in self.version or b"\0" in self.version:
            raise InvalidField("version", "must contain no ':' or NUL")
        text_codec(self.legacy_encoding)
