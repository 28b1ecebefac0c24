"""The wheel's one build step beyond setuptools: compile the Qt translations into it.

``resources/translations/*.ts`` are the sources (kept in git, refreshed by ``make translations``);
the compiled ``.qm`` files are not in git. Building a wheel (or installing from an sdist) runs
``build_py``, which here also runs Qt's ``lrelease`` (from PySide6-Essentials, a build requirement
in pyproject.toml) into ``desktop/assets/translations/`` of the wheel. An editable install
(``make setup``) skips it: the Makefile compiles them beside the sources instead.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SOURCES = Path(__file__).resolve().parent / "resources" / "translations"
LRELEASE = "from PySide6.scripts.pyside_tool import lrelease; lrelease()"


class BuildWithTranslations(build_py):
    """``build_py`` that also writes ``socketdesk_<lang>.qm`` for every ``.ts`` source."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        target = Path(self.build_lib, "desktop", "assets", "translations")
        target.mkdir(parents=True, exist_ok=True)
        sources = sorted(SOURCES.glob("*.ts"))
        if not sources:
            raise SystemExit(f"no translation sources in {SOURCES}")
        for ts in sources:
            qm = target / ts.with_suffix(".qm").name
            subprocess.run(
                [sys.executable, "-c", LRELEASE, "-silent", str(ts), "-qm", str(qm)], check=True
            )
            if not qm.is_file():
                raise SystemExit(f"lrelease wrote no {qm}")


setup(cmdclass={"build_py": BuildWithTranslations})
