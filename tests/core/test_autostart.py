"""Start at login: the XDG autostart entry is written and removed; elsewhere it says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.autostart import (
    AutostartError,
    autostart_file,
    entry_text,
    set_start_at_login,
    starts_at_login,
)


def test_entry_written_and_removed_under_xdg_config_home(tmp_path: Path) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config")}
    path = set_start_at_login(True, ["/opt/socket desk/socketdesk"], env, "linux")
    assert path == tmp_path / "config" / "autostart" / "socketdesk.desktop"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("[Desktop Entry]\n")
    assert 'Exec="/opt/socket desk/socketdesk"\n' in text
    assert starts_at_login(env, "linux")
    set_start_at_login(False, env=env, platform="linux")
    assert not path.exists() and not starts_at_login(env, "linux")
    set_start_at_login(False, env=env, platform="linux")  # twice is harmless


def test_relative_or_empty_xdg_config_home_means_dot_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    expected = tmp_path / ".config" / "autostart" / "socketdesk.desktop"
    assert autostart_file({"XDG_CONFIG_HOME": "relative/dir"}) == expected
    assert autostart_file({}) == expected


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_other_systems_say_not_supported(tmp_path: Path, platform: str) -> None:
    env = {"XDG_CONFIG_HOME": str(tmp_path)}
    with pytest.raises(AutostartError, match="not supported here"):
        set_start_at_login(True, ["socketdesk"], env, platform)
    assert not any(tmp_path.iterdir())
    assert not starts_at_login(env, platform)


def test_a_file_in_the_way_is_a_sentence(tmp_path: Path) -> None:
    (tmp_path / "autostart").write_text("not a folder")
    with pytest.raises(AutostartError, match="cannot be changed"):
        set_start_at_login(True, ["socketdesk"], {"XDG_CONFIG_HOME": str(tmp_path)}, "linux")


def test_exec_quoting_follows_the_desktop_entry_spec() -> None:
    text = entry_text(["/usr/bin/python3", "-m", "desktop", 'say "$x" 100%'])
    assert 'Exec=/usr/bin/python3 -m desktop "say \\"\\$x\\" 100%%"\n' in text
