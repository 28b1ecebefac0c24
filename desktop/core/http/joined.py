"""Several sentences shown as one paragraph, each still translated on its own."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.core.sentence import Sentence

__all__ = ["joined"]


def joined(sentences: Sequence[Sentence]) -> Sentence | None:
    """``sentences`` one after the other, separated by a space; None when there are none.

    The joining template has no words (nothing to translate): each sentence in it is a fact,
    rendered in the interface language, and ``str()`` is the English sentences joined by spaces.
    """
    if not sentences:
        return None
    result = sentences[0]
    for following in sentences[1:]:
        result = Sentence("{first} {then}", (("first", result), ("then", following)))
    return result
