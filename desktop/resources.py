"""Where the bundled resources (icons, translations, the desktop entry) are.

They live inside the package, in ``desktop/assets/``, and are found with ``importlib.resources``
wherever the package was imported from: a checkout, an installed wheel, or a PyInstaller bundle
(whose importer serves ``desktop`` from ``sys._MEIPASS/desktop``, where the spec puts them).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

__all__ = ["resource_path"]


def resource_path(*parts: str) -> Path:
    """The file-system path of ``desktop/assets/<parts…>``.

    Qt loads icons and translations by file name, so the package must be on the file system (a
    wheel unpacked by pip, a checkout, a bundle); a zip import is refused with a clear error.
    """
    found = files("desktop").joinpath("assets", *parts)
    if not isinstance(found, Path):
        raise RuntimeError(f"SocketDesk's resources must be files on disk, not in {found!r}")
    return found
