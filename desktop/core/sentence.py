"""Sentences a user reads, kept as an English template and its facts until they are shown.

The core has no Qt, yet every sentence it makes must reach a Chinese user in Chinese. So the core
never formats a sentence for the user: it makes a ``Sentence`` (an English template with named
``{fields}``, marked for Qt's ``lupdate`` with ``QT_TRANSLATE_NOOP("core", …)``, and the facts).
``str(sentence)`` is the English text (the CLI prints it, logs keep it); the UI renders it through
Qt's translator (``desktop/ui/sentences.py``). A fact may itself be a ``Sentence`` (a clause such
as the reason a connect failed): it is translated too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["CORE_CONTEXT", "QT_TRANSLATE_NOOP", "Sentence", "sentence"]

# The translation context of every sentence made below the UI.
CORE_CONTEXT = "core"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for ``lupdate`` under ``context``; returns it unchanged (named for lupdate).

    ``pyside6-lupdate`` collects calls by this name whatever module defines it, so the core can
    mark its templates without importing Qt.
    """
    del context
    return source


@dataclass(frozen=True, slots=True)
class Sentence:
    """An English template with named ``{fields}`` and their values.

    Attributes:
        template: the English source text, as marked for ``lupdate``.
        args: the facts, by field name; a value may be another ``Sentence``.
    """

    template: str
    args: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        return self.render(_identity)

    def render(self, translate: Callable[[str], str]) -> str:
        """The sentence in the language ``translate`` gives (template → translated template)."""
        facts = {
            name: value.render(translate) if isinstance(value, Sentence) else value
            for name, value in self.args
        }
        text = translate(self.template)
        try:
            return text.format(**facts)
        except (KeyError, IndexError, ValueError):
            # A translation with a broken field must never hide the message: use the source.
            return self.template.format(**facts)

    def fact(self, name: str) -> object:
        """The value of field ``name`` (KeyError when absent)."""
        for key, value in self.args:
            if key == name:
                return value
        raise KeyError(name)


def sentence(template: str, **args: object) -> Sentence:
    """A ``Sentence`` from a marked template and its facts."""
    return Sentence(template, tuple(args.items()))


def _identity(text: str) -> str:
    return text
