"""The self-test: passes on loopback, and each check fails (status 1) when its piece is broken."""

from __future__ import annotations

import asyncio
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import self_test
from desktop.cli.main import main as cli_main

ROOT = Path(__file__).resolve().parents[2]


def _run() -> tuple[int, dict[str, str]]:
    out = io.StringIO()
    status = self_test.main(out)
    lines = out.getvalue().splitlines()
    return status, {line.split()[0]: line for line in lines[:-1]}


@pytest.mark.parametrize(
    "argv",
    [
        ["-m", "desktop", "--self-test"],
        ["-m", "desktop.cli", "self-test"],
    ],
)
def test_self_test_passes_without_a_display(argv: list[str]) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # no display at all: the GUI would refuse to start
    result = subprocess.run(
        [sys.executable, *argv], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[:2] for line in lines[:-1]] == [
        [name, "ok"] for name, _check in self_test.CHECKS
    ]
    assert lines[-1].startswith("self-test: all passed in ")


def test_cli_entry_point_runs_it(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["self-test"]) == 0
    assert "self-test: all passed" in capsys.readouterr().out


def _corrupt_tcp_echo(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.core.net.tcp_server import TcpServer

    original = TcpServer._process

    def corrupted(self: TcpServer, connection: object, client_id: int, data: memoryview) -> None:
        changed = bytearray(data)
        changed[0] ^= 0xFF
        original(self, connection, client_id, memoryview(changed))  # type: ignore[arg-type]

    monkeypatch.setattr(TcpServer, "_process", corrupted)


def _corrupt_udp_echo(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.core.net import udp

    monkeypatch.setattr(udp, "_echo", lambda datagram: datagram.data[:-1] + b"?")


def _deafen_messenger(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.core.ipmsg_io.engine import MessengerEngine

    monkeypatch.setattr(MessengerEngine, "_received", lambda self, data, addr: None)


def _break_http_body(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.core.http.message import ParsedResponse

    monkeypatch.setattr(ParsedResponse, "body", property(lambda self: b""))


def _wrong_certificate(monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.core.net import certs

    original = certs.generate_self_signed

    def elsewhere(common_name: str = "x", sans: object = (), days: int = 1) -> tuple[bytes, bytes]:
        return original(common_name, ("198.18.0.1",), days)  # not valid for 127.0.0.1

    monkeypatch.setattr(certs, "generate_self_signed", elsewhere)


@pytest.mark.parametrize(
    ("broken", "name", "reason", "also"),
    [
        # The TLS check runs the same TCP echo, over TLS: it fails too.
        (_corrupt_tcp_echo, "tcp-echo", "The echo differed from what was sent at byte 0.", "tls"),
        (_corrupt_udp_echo, "udp-echo", "The echo differed from what was sent at byte 999.", ""),
        (_deafen_messenger, "messenger", "No answer within", ""),
        (_break_http_body, "http", "answered status 200 with 0 bytes of body", ""),
        (_wrong_certificate, "tls", "not valid for 127.0.0.1", ""),
    ],
)
def test_a_broken_piece_fails_its_line_and_the_run(
    monkeypatch: pytest.MonkeyPatch, broken: object, name: str, reason: str, also: str
) -> None:
    monkeypatch.setattr(self_test, "CHECK_LIMIT_S", 1.0)
    broken(monkeypatch)  # type: ignore[operator]
    status, lines = _run()
    assert status == 1
    assert lines[name].split()[1] == "FAILED"
    assert reason in lines[name]
    others = [line for key, line in lines.items() if key not in (name, also)]
    assert all(line.split()[1] == "ok" for line in others), others


def test_a_check_that_hangs_is_cut_off() -> None:
    async def hangs() -> None:
        await asyncio.Event().wait()

    results = asyncio.run(self_test.run_checks([("hang", hangs)], limit=0.05))
    assert not results[0].ok
    assert str(results[0].reason) == "No answer within 0.05 s."
