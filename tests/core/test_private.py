"""Private files: folders 0700 and files 0600 whatever the umask, old installs tightened."""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.crashlog import write_crash_report
from desktop.core.files import open_atomic
from desktop.core.private import PrivateLogHandler, private_dir, private_file, tighten_tree
from desktop.core.store.database import Database

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="chmod only sets the read-only flag on Windows"
)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture(params=[0o022, 0o000], ids=["umask022", "umask000"])
def loose_umask(request: pytest.FixtureRequest) -> Iterator[None]:
    """A umask that would leave new files readable (or writable) by everyone."""
    old = os.umask(request.param)
    try:
        yield
    finally:
        os.umask(old)


def test_private_dir_and_file_ignore_the_umask(tmp_path: Path, loose_umask: None) -> None:
    folder = private_dir(tmp_path / "a" / "b")
    assert mode(folder) == 0o700
    assert mode(private_file(folder / "f")) == 0o600


def test_tighten_tree_fixes_an_old_install(tmp_path: Path) -> None:
    root = tmp_path / "data"
    (root / "logs").mkdir(parents=True)
    for name in ("socketdesk.sqlite3", "socketdesk.sqlite3-wal", "logs/socketdesk.log"):
        (root / name).write_text("x")
        os.chmod(root / name, 0o644)
    os.chmod(root, 0o755)
    os.chmod(root / "logs", 0o755)
    outside = tmp_path / "outside.txt"
    outside.write_text("not ours")
    os.chmod(outside, 0o644)
    (root / "link").symlink_to(outside)

    assert tighten_tree(root) == 5
    assert mode(root) == mode(root / "logs") == 0o700
    for name in ("socketdesk.sqlite3", "socketdesk.sqlite3-wal", "logs/socketdesk.log"):
        assert mode(root / name) == 0o600
    assert mode(outside) == 0o644  # a link is not followed
    assert tighten_tree(root) == 0


def test_database_and_its_journals_are_private(tmp_path: Path, loose_umask: None) -> None:
    path = tmp_path / "db.sqlite3"
    with Database(path) as db:
        db.connection.execute("CREATE TABLE t (x)")
        db.connection.execute("INSERT INTO t VALUES (1)")
        journals = [Path(f"{path}-wal"), Path(f"{path}-shm")]
        assert all(p.exists() for p in journals)
        assert [mode(p) for p in (path, *journals)] == [0o600] * 3


def test_logs_crash_reports_and_exports_are_private(tmp_path: Path, loose_umask: None) -> None:
    handler = PrivateLogHandler(tmp_path / "app.log", maxBytes=200, backupCount=2)
    logger = logging.getLogger("test_private")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for n in range(20):
            logger.warning("line %d with some words to fill the file", n)
    finally:
        logger.removeHandler(handler)
        handler.close()
    logs = sorted(tmp_path.glob("app.log*"))
    assert len(logs) == 3  # rotated twice
    assert {mode(p) for p in logs} == {0o600}

    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        report = write_crash_report(RuntimeError, error, error.__traceback__, "t", tmp_path / "c")
    assert report.path is not None
    assert (mode(report.path.parent), mode(report.path)) == (0o700, 0o600)

    with open_atomic(tmp_path / "export.json", private=True) as stream:
        stream.write(b"{}")
    assert mode(tmp_path / "export.json") == 0o600
