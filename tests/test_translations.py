"""The committed translations cover the code: lupdate finds nothing new, and nothing is broken.

``pyside6-lupdate`` runs on every ``desktop/**/*.py`` into temporary copies of the committed
``.ts`` files; a string it adds (a new ``tr()``, a new core sentence) or leaves unfinished fails
the test, naming it. Each translation keeps its source's ``{fields}`` (``say()`` and
``str.format`` need them) and the ``%n`` of plural forms. lupdate's Python parser has blind
spots, so every marked call is also read here with ``ast`` and must be found by lupdate.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TS_DIR = ROOT / "resources" / "translations"
QM_DIR = (
    ROOT / "desktop" / "assets" / "translations"
)  # compiled into the package by make / the wheel
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")
# A {field} of str.format ({{ and }} are literal braces).
_FIELD = re.compile(r"(?<!\{)\{([A-Za-z_]\w*)(?:[:!][^{}]*)?\}")


def _sources() -> list[Path]:
    return sorted((ROOT / "desktop").rglob("*.py"))


def _messages(path: Path) -> list[ET.Element]:
    return list(ET.parse(path).getroot().iter("message"))


def _lupdate(tmp_path: Path, name: str, *options: str) -> Path:
    copy = tmp_path / name
    shutil.copy(TS_DIR / name, copy)
    listing = tmp_path / "sources.lst"
    listing.write_text("\n".join(str(p) for p in _sources()), "utf-8")
    done = subprocess.run(
        [str(LUPDATE), *options, f"@{listing}", "-ts", str(copy)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return copy


def _unfinished(path: Path) -> list[str]:
    return [
        str(m.findtext("source"))
        for m in _messages(path)
        if (m.find("translation") is None or m.find("translation").get("type") == "unfinished")  # type: ignore[union-attr]
    ]


@pytest.fixture(scope="module")
def updated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The committed .ts files after lupdate has read today's code (module-wide: ~2 s)."""
    tmp = tmp_path_factory.mktemp("lupdate")
    return {
        "zh_CN": _lupdate(tmp, "socketdesk_zh_CN.ts"),
        "en": _lupdate(tmp, "socketdesk_en.ts", "-pluralonly"),
    }


def test_every_string_in_the_code_is_translated_into_chinese(updated: dict[str, Path]) -> None:
    missing = _unfinished(updated["zh_CN"])
    assert missing == [], "run `make translations` and translate these: " + repr(missing)


def test_every_plural_has_its_english_forms(updated: dict[str, Path]) -> None:
    missing = _unfinished(updated["en"])
    assert missing == [], "run `make translations` (it fills the English forms): " + repr(missing)


@pytest.mark.parametrize("name", ["socketdesk_zh_CN.ts", "socketdesk_en.ts"])
def test_translations_keep_the_fields_and_the_count(name: str) -> None:
    broken = []
    for message in _messages(TS_DIR / name):
        source = str(message.findtext("source"))
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished"):
            continue
        forms = (
            [f.text or "" for f in translation.iter("numerusform")]
            if message.get("numerus") == "yes"
            else [translation.text or ""]
        )
        for form in forms:
            if sorted(_FIELD.findall(form)) != sorted(_FIELD.findall(source)) or (
                "%n" in source and "%n" not in form
            ):
                broken.append((source, form))
    assert broken == []


def test_every_marked_call_is_seen_by_lupdate(updated: dict[str, Path]) -> None:
    """lupdate's Python parser skips some calls (e.g. ``translate(…, None, self.n)`` is not
    recorded as a plural): each call read here must be in its .ts, plural where it should be."""
    found = {
        (str(m.findtext("source")), m.get("numerus") == "yes")
        for path in updated.values()
        for m in _messages(path)
    }
    unseen = [call for call in _marked_calls() if call not in found]
    assert unseen == []


def _marked_calls() -> list[tuple[str, bool]]:
    """(source, is plural) of every ``QT_TRANSLATE_NOOP``, ``translate`` and ``tr`` call with a
    literal source in the code."""
    calls = []
    for path in _sources():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            args = node.args
            if name in ("QT_TRANSLATE_NOOP", "translate") and len(args) >= 2:
                source, plural = args[1], len(args) >= 4
            elif name == "tr" and isinstance(func, ast.Attribute) and args:
                source, plural = args[0], len(args) >= 3
            else:
                continue
            if isinstance(source, ast.Constant) and isinstance(source.value, str):
                calls.append((source.value, plural))
    assert len(calls) > 500  # the walk found the code's strings
    return calls


def test_no_wrapper_hides_strings_from_lupdate() -> None:
    """A helper such as ``def _tr(text): return translate("Ctx", text)`` hides every string given
    to it: lupdate files ``_tr("…")`` under no context, or not at all, so the Chinese interface
    shows English (found in the composer's TLS file checks and templates, and the UDP tools)."""
    wrappers = [
        f"{path.name}:{node.lineno}"
        for path in _sources()
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.FunctionDef | ast.Lambda)
        and getattr(node, "name", "") in ("tr", "_tr", "_")
    ]
    assert wrappers == []


def test_the_compiled_translations_exist() -> None:
    for name in ("socketdesk_zh_CN.qm", "socketdesk_en.qm"):
        assert (QM_DIR / name).is_file(), f"{name}: run `make setup`"
