"""Sentences and typed errors as text in the interface language (any thread).

The one place a core ``Sentence`` becomes words: the UI shows them (``desktop.ui.sentences.say``
is this function under the UI's name), and the workers use it for text they must keep as text,
such as the INFO lines of a session log (a log record holds bytes, rendered when it is made).
``QCoreApplication.translate`` is thread-safe, so the I/O thread may call it too.
"""

from __future__ import annotations

from typing import TypeAlias

from PySide6.QtCore import QCoreApplication

from desktop.core.errors import SocketDeskError
from desktop.core.sentence import CORE_CONTEXT, Sentence

__all__ = ["Said", "say"]

# What a user can be told: a typed error, a sentence from the core, or text already translated.
Said: TypeAlias = SocketDeskError | Sentence | str


def say(what: Said) -> str:
    """``what`` as a sentence in the interface language.

    A ``str`` is taken as already translated (the UI's own ``tr()`` text).
    """
    if isinstance(what, SocketDeskError):
        what = what.sentence
    if isinstance(what, Sentence):
        return what.render(_translate, _translate_plural)
    return what


def _translate(template: str) -> str:
    return QCoreApplication.translate(CORE_CONTEXT, template)


def _translate_plural(template: str, count: int) -> str:
    # Qt picks the numerus form of the installed translation (English forms come from
    # socketdesk_en.qm) and replaces %n with the count.
    return QCoreApplication.translate(CORE_CONTEXT, template, None, count)
