"""The layers hold: the core never imports Qt, the UI never touches sockets."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "desktop" / "core"
UI = ROOT / "desktop" / "ui"


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _top(name: str) -> str:
    return name.split(".", 1)[0]


@pytest.mark.parametrize("path", sorted(CORE.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_core_module_imports_no_qt(path: Path) -> None:
    qt = {n for n in _imported_modules(path) if _top(n) in ("PySide6", "shiboken6", "PyQt6")}
    assert not qt, f"{path} imports Qt: {qt}"


@pytest.mark.parametrize("path", sorted(UI.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_ui_module_imports_no_socket(path: Path) -> None:
    io = {
        n for n in _imported_modules(path) if _top(n) in ("socket", "asyncio", "selectors", "ssl")
    }
    assert not io, f"{path} does I/O itself: {io}"


def test_importing_the_whole_core_loads_no_qt() -> None:
    """Transitive check: import every core module in a fresh interpreter, then look for Qt."""
    modules = [
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in sorted(CORE.rglob("*.py"))
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_guard_detects_a_qt_import(tmp_path: Path) -> None:
    """The guard itself can fail: a file importing Qt is reported."""
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in _imported_modules(bad)
