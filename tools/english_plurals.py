"""Fill the English plural forms of ``socketdesk_en.ts`` from the sources' own spelling.

English sources write a count as ``%n byte(s)``, ``%n match(es)`` or ``%n tr(y|ies)``; Qt shows
that text as it is unless a translation gives the forms. ``make translations`` runs this after
``lupdate -pluralonly``: every unfinished numerus message gets "1 byte" / "%n bytes" (the same
rule ``desktop.core.sentence.english_plural`` applies for the CLI).

Usage: ``python -m tools.english_plurals resources/translations/socketdesk_en.ts``
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from desktop.core.sentence import english_plural

__all__ = ["fill"]


def fill(path: Path) -> int:
    """Fill the unfinished numerus messages of the .ts at ``path``; returns how many."""
    tree = ET.parse(path)
    filled = 0
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        translation = message.find("translation")
        source = message.findtext("source")
        if translation is None or source is None or translation.get("type") != "unfinished":
            continue
        for form in list(translation):
            translation.remove(form)
        for n in (1, 2):
            form = ET.SubElement(translation, "numerusform")
            form.text = _keep_count(source, n)
        del translation.attrib["type"]
        filled += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")
    return filled


def _keep_count(source: str, n: int) -> str:
    """The English form for ``n`` (1: singular, else plural) with ``%n`` left in place."""
    return english_plural(source.replace("%n", "\0"), n).replace("\0", "%n")


if __name__ == "__main__":
    for name in sys.argv[1:]:
        print(f"{name}: {fill(Path(name))} plural message(s) filled")
