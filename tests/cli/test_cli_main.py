"""``socketdesk-cli``'s dispatch: only the command being run is imported, ``--help`` lists all."""

from __future__ import annotations

import argparse
import subprocess
import sys
import textwrap

import pytest

from desktop.cli.main import GROUPS, build_parser, main


def _modules_after(argv: list[str]) -> set[str]:
    """The modules a fresh interpreter has imported after ``main(argv)``."""
    script = textwrap.dedent(f"""
        import sys
        from desktop.cli.main import main
        try:
            main({argv!r})
        except SystemExit:
            pass
        print("\\n".join(sys.modules))
    """)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    return set(done.stdout.split())


def test_tcp_serve_does_not_load_the_other_commands_engines() -> None:
    loaded = _modules_after(["tcp", "serve", "--help"])
    assert "desktop.cli.tcp" in loaded
    for unused in ("desktop.cli.http", "desktop.cli.ipmsg", "desktop.cli.udp"):
        assert unused not in loaded
    engines = ("desktop.core.http", "desktop.core.ipmsg")
    assert not {name for name in loaded if name.startswith(engines)}
    # Nor what only TLS (the data folder), the text encoder's labels or a trim needs: ~3 MiB.
    assert not {"desktop.core.paths", "platformdirs", "ctypes", "encodings.gb18030"} & loaded


def test_tcp_serve_runs_without_the_client_relay_and_codecs() -> None:
    """``tcp serve``'s process holds its server alone: the TCP client, the relay, the text
    codecs (with datetime and random) and shutil (argparse's terminal width: bz2, lzma) are
    not loaded (issue #15: an idle server was 3 MiB above plain asyncio's)."""
    script = textwrap.dedent("""
        import sys
        from desktop.cli.main import build_parser
        args = build_parser(["tcp"]).parse_args(["tcp", "serve", "0", "--echo", "--no-stdout"])
        import desktop.cli.tcp_serve
        print("\\n".join(sys.modules))
    """)
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = set(done.stdout.split())
    assert "desktop.core.net.tcp_server" in loaded
    unused = {
        "desktop.core.net.tcp_client",
        "desktop.core.net.relay",
        "desktop.cli.tcp_connect",
        "desktop.core.codec",
        "shutil",
    }
    assert not unused & loaded, unused & loaded


def test_the_top_level_help_loads_no_command() -> None:
    loaded = _modules_after(["--help"])
    assert not {name for name in loaded if name.startswith("desktop.core.")}


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["--help"])
    assert ended.value.code == 0
    shown = capsys.readouterr().out
    for name, (help_line, _module) in GROUPS.items():
        assert name in shown
        assert help_line[:30] in shown


def test_the_help_lines_are_the_commands_own() -> None:
    """The table's help lines (shown when a group is not loaded) equal each module's own."""
    full = build_parser()
    lazy = build_parser([])
    for parser in (full, lazy):
        assert parser._subparsers is not None
    [full_groups] = [a for a in full._actions if isinstance(a, argparse._SubParsersAction)]
    [lazy_groups] = [a for a in lazy._actions if isinstance(a, argparse._SubParsersAction)]
    full_help = {c.dest: c.help for c in full_groups._choices_actions}
    lazy_help = {c.dest: c.help for c in lazy_groups._choices_actions}
    assert full_help == lazy_help
    assert list(full_help) == list(GROUPS)


def test_an_unknown_command_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["tcpx"])
    assert ended.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
