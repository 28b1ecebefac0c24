"""The layers hold: the core and the CLI never import Qt, the UI never touches sockets, and the
messenger's protocol (``core/ipmsg``) stays sans-IO (its I/O is ``core/ipmsg_io``)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "desktop" / "core"
UI = ROOT / "desktop" / "ui"
CLI = ROOT / "desktop" / "cli"
SANS_IO = ROOT / "desktop" / "core" / "ipmsg"
QT = ("PySide6", "shiboken6", "PyQt6")
IO = ("socket", "_socket", "asyncio", "selectors", "threading", "ssl", "concurrent")


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


@pytest.mark.parametrize("path", sorted(CLI.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_cli_module_imports_no_qt(path: Path) -> None:
    qt = {n for n in _imported_modules(path) if _top(n) in QT}
    assert not qt, f"{path} imports Qt: {qt}"


@pytest.mark.parametrize(
    "path", sorted(SANS_IO.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT))
)
def test_sans_io_module_imports_no_io(path: Path) -> None:
    io = {n for n in _imported_modules(path) if _top(n) in IO}
    assert not io, f"{path} is sans-IO but imports {io}: move that code to desktop/core/ipmsg_io"


def _modules(folder: Path) -> list[str]:
    return [
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in sorted(folder.rglob("*.py"))
        if p.name != "__main__.py"  # importing it runs the program
    ]


def _loaded_after_import(modules: list[str], tops: tuple[str, ...]) -> list[str]:
    """Import ``modules`` in a fresh interpreter; return loaded ones whose top is in ``tops``."""
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {tops!r})\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return [name for name in result.stdout.strip().split(",") if name]


def test_importing_the_whole_core_loads_no_qt() -> None:
    """Transitive check: import every core module in a fresh interpreter, then look for Qt."""
    assert _loaded_after_import(_modules(CORE), QT) == []


def test_importing_the_whole_cli_loads_no_qt() -> None:
    """The CLI runs where no Qt is installed: nothing it imports, however indirectly, loads Qt."""
    assert _loaded_after_import(_modules(CLI), QT) == []


def test_importing_the_sans_io_messenger_loads_no_io() -> None:
    """Transitively too: nothing ``core/ipmsg`` imports opens the door to sockets or threads."""
    assert _loaded_after_import(_modules(SANS_IO), IO) == []


def test_fresh_interpreter_check_sees_an_indirect_import(tmp_path: Path) -> None:
    """The transitive check can fail: a module that loads asyncio and Qt indirectly is caught."""
    assert "asyncio" in _loaded_after_import(["desktop.core.ipmsg_io.engine"], IO)
    assert "PySide6" in _loaded_after_import(["desktop.workers.messenger_bridge"], QT)


def test_guard_detects_a_qt_import(tmp_path: Path) -> None:
    """The guard itself can fail: a file importing Qt is reported."""
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    assert "PySide6.QtCore" in _imported_modules(bad)
