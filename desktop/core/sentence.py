"""Sentences a user reads, kept as an English template and its facts until they are shown.

The core has no Qt, yet every sentence it makes must reach a Chinese user in Chinese. So the core
never formats a sentence for the user: it makes a ``Sentence`` (an English template with named
``{fields}``, marked for Qt's ``lupdate`` with ``QT_TRANSLATE_NOOP("core", …)``, and the facts).
``str(sentence)`` is the English text (the CLI prints it, logs keep it); the UI renders it through
Qt's translator (``desktop/ui/sentences.py``). A fact may itself be a ``Sentence`` (a clause such
as the reason a connect failed): it is translated too.

A sentence about a count ("%n attempt(s)") is made with
``translate("core", "…%n…", None, 1).counting(n)``: named and shaped like
``QCoreApplication.translate`` so that ``lupdate`` records it with plural forms (its Python parser
does so only for a literal number there, hence ``counting``), it gives a ``Sentence`` carrying the
count. The UI renders it with Qt's numerus lookup (the
English forms come from ``socketdesk_en.ts``); ``str()`` spells the English plural itself.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

__all__ = [
    "CORE_CONTEXT",
    "QT_TRANSLATE_NOOP",
    "Sentence",
    "english_plural",
    "sentence",
    "translate",
]

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
        count: for a numerus template (with ``%n``), the number that picks the plural form.
    """

    template: str
    args: tuple[tuple[str, object], ...] = ()
    count: int | None = None

    def __str__(self) -> str:
        return self.render(_identity)

    def render(
        self,
        translate: Callable[[str], str],
        plural: Callable[[str, int], str] | None = None,
    ) -> str:
        """The sentence in the language ``translate`` gives (template → translated template).

        Args:
            translate: gives the translated template.
            plural: gives the translated numerus template with ``%n`` replaced, for a sentence
                with a ``count``; None spells the English plural (``str()``).
        """
        facts = {
            name: value.render(translate, plural) if isinstance(value, Sentence) else value
            for name, value in self.args
        }
        if self.count is None:
            text = translate(self.template)
        else:
            text = (plural or english_plural)(self.template, self.count)
        try:
            return text.format(**facts)
        except (KeyError, IndexError, ValueError):
            # A translation with a broken field must never hide the message: use the source.
            source = self.template if self.count is None else english_plural(*self._counted())
            return source.format(**facts)

    def counting(self, n: int) -> Sentence:
        """This numerus sentence for the count ``n``."""
        return replace(self, count=n)

    def with_facts(self, **args: object) -> Sentence:
        """This sentence with more facts (for a counted sentence made by ``translate``)."""
        return replace(self, args=self.args + tuple(args.items()))

    def _counted(self) -> tuple[str, int]:
        assert self.count is not None
        return self.template, self.count

    def fact(self, name: str) -> object:
        """The value of field ``name`` (KeyError when absent)."""
        for key, value in self.args:
            if key == name:
                return value
        raise KeyError(name)


def sentence(template: str, **args: object) -> Sentence:
    """A ``Sentence`` from a marked template and its facts."""
    return Sentence(template, tuple(args.items()))


def translate(context: str, source: str, disambiguation: None, n: int) -> Sentence:
    """A counted sentence: ``source`` has ``%n`` and plural forms chosen by ``n``.

    Shaped like ``QCoreApplication.translate(context, source, disambiguation, n)`` (without Qt) so
    that ``lupdate`` records ``source`` as a numerus message. ``lupdate`` sees the plural only
    when ``n`` is a literal number, so write ``translate("core", "…%n…", None, 1).counting(n)``
    (``tests/test_translations.py`` checks that every such call is seen); add other facts with
    ``.with_facts()``.
    """
    del context, disambiguation
    return Sentence(source, count=n)


# "(s)", "(es)": a plural ending; "(y|ies)": singular and plural endings.
_PLURAL_SUFFIX = re.compile(r"\((s|es)\)|\((\w*)\|(\w*)\)")


def english_plural(template: str, n: int) -> str:
    """The English of a numerus template without Qt: ``"%n attempt(s)"`` gives ``"1 attempt"``
    and ``"3 attempts"``; ``"%n tr(y|ies)"`` gives ``"1 try"`` and ``"3 tries"``."""

    def ending(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            return "" if n == 1 else match.group(1)
        return match.group(2) if n == 1 else match.group(3)

    return _PLURAL_SUFFIX.sub(ending, template).replace("%n", str(n))


def _identity(text: str) -> str:
    return text
