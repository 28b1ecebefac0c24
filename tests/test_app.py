"""Start-up: a clear sentence without a display, never a Qt abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.launch import display_problem
from desktop.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("env", "platform", "problem"),
    [
        ({}, "linux", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", True),
        ({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":1"}, "linux", False),
        ({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":1"}, "linux", True),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_display_problem(env: dict[str, str], platform: str, problem: bool) -> None:
    assert (display_problem(env, platform) is not None) == problem


def test_gui_without_display_exits_with_one_sentence(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "desktop"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "no display was found" in lines[0] and "QT_QPA_PLATFORM=offscreen" in lines[0]


def test_start_makes_an_old_data_folder_private(qapp, settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """An install from before: folders 0755 and files 0644, readable by every local user.
    Starting the application leaves the folders 0700 and every file 0600, whatever the umask."""
    import stat

    from desktop.app import Application
    from desktop.core.store.database import DB_NAME

    def mode(path: Path) -> int:
        return stat.S_IMODE(os.lstat(path).st_mode)

    if sys.platform == "win32":
        pytest.skip("chmod only sets the read-only flag on Windows")
    folder = tmp_path / "data"
    (folder / "logs").mkdir(parents=True)
    for name in (DB_NAME, "logs/socketdesk.log", "logs/crash-1.txt", "server.pem"):
        (folder / name).write_bytes(b"")
        os.chmod(folder / name, 0o644)
    os.chmod(folder, 0o755)
    os.chmod(folder / "logs", 0o755)
    settings.set(Settings.MESSENGER_NICKNAME, "Ann")  # the settings file, as an old install has it
    settings.sync()
    os.chmod(settings.file_name(), 0o644)
    old_umask = os.umask(0o022)
    try:
        app = Application(qapp, settings, show_crash_dialogs=False, use_tray=False, folder=folder)
    finally:
        os.umask(old_umask)
    try:
        assert app.store is not None
        app.store.connection.execute("INSERT INTO saved_messages VALUES (1,'a','','','','',0,0)")
        files = [p for p in folder.rglob("*") if p.is_file()]
        assert {p.name for p in files} >= {DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm"}
        assert {str(p.relative_to(folder)): mode(p) for p in files} == {
            str(p.relative_to(folder)): 0o600 for p in files
        }
        assert (mode(folder), mode(folder / "logs")) == (0o700, 0o700)
        assert mode(Path(settings.file_name())) == 0o600  # nickname, recent hosts: private too
    finally:
        app.window.close()
        app.shutdown()


_STARTED_MODULES = """
import sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from desktop.app import Application
from desktop.settings import Settings

qapp = QApplication([])
settings = Settings(QSettings(sys.argv[1], QSettings.Format.IniFormat))
folder = Path(sys.argv[2])
app = Application(qapp, settings, show_crash_dialogs=False, use_tray=False, folder=folder)
app.show()
qapp.processEvents()
heavy = ("cryptography", "OpenSSL", "brotli", "zstandard", "desktop.core.http")
print(" ".join(sorted(name for name in heavy if name in sys.modules)) or "none")
app.window.close()
app.shutdown()
"""


def test_start_up_leaves_the_http_engine_and_crypto_unimported(tmp_path: Path) -> None:
    """The window shows without the HTTP page (built on first show), so without the HTTP engine,
    brotli, zstandard, cryptography and pyOpenSSL: each is imported when first needed."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(tmp_path)}
    os.chmod(tmp_path, 0o700)
    args = [str(tmp_path / "s.ini"), str(tmp_path / "data")]
    result = subprocess.run(
        [sys.executable, "-c", _STARTED_MODULES, *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["none"]
