"""Why Python's URL parser refused a URL, as a clause the UI can translate.

``urllib.parse.urlsplit`` raises ``ValueError`` with English words. The reasons a pasted URL
meets get a ``Sentence`` whose English template is the parser's own wording, so ``str()`` (the
CLI) reads exactly as before while the UI translates it; others keep the parser's words.
"""

from __future__ import annotations

import re

from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence

__all__ = ["url_reason"]

_REASONS: dict[str, str] = {
    "Invalid IPv6 URL": QT_TRANSLATE_NOOP("core", "Invalid IPv6 URL"),
    "An IPv4 address cannot be in brackets": QT_TRANSLATE_NOOP(
        "core", "An IPv4 address cannot be in brackets"
    ),
    "IPvFuture address is invalid": QT_TRANSLATE_NOOP("core", "IPvFuture address is invalid"),
}
_NOT_AN_ADDRESS = re.compile(r"'(?P<host>.*)' does not appear to be an IPv4 or IPv6 address")


def url_reason(error: ValueError) -> Sentence:
    """Why ``urlsplit`` refused a URL: ours for the parser's usual reasons, else its words."""
    text = str(error)
    template = _REASONS.get(text)
    if template is not None:
        return sentence(template)
    match = _NOT_AN_ADDRESS.fullmatch(text)
    if match is not None:
        return sentence(
            QT_TRANSLATE_NOOP("core", "'{host}' does not appear to be an IPv4 or IPv6 address"),
            host=match["host"],
        )
    return Sentence("{text}", (("text", text),))
