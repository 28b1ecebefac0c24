"""iptux (Debian's GTK program) as a real IP Messenger peer, headless, inside a test LAN host.

One Xvfb serves the whole session (``virtual_display``); each iptux gets a temporary HOME holding
``.iptux/config.json`` written here (nickname, group, encodings, ``debug_dont_broadcast``: it never
announces itself, it only answers), runs in a namespace of a ``TestLan`` and is ready once its UDP
2425 socket is bound (``ss`` inside the namespace). Stopping it always kills it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.helpers.orphans import dying_with_us
from tests.lan.netlan import LanHost

IPTUX = shutil.which("iptux") or "/usr/bin/iptux"
XVFB = shutil.which("Xvfb") or "/usr/bin/Xvfb"
PORT = 2425


def iptux_available() -> tuple[bool, str]:
    """Whether iptux and Xvfb are installed, and why not."""
    if not Path(IPTUX).exists():
        return False, "iptux is not installed (apt-get install iptux)"
    if not Path(XVFB).exists():
        return False, "Xvfb is not installed (apt-get install xvfb)"
    return True, ""


def iptux_config(nickname: str, group: str, **more: Any) -> dict[str, Any]:
    """A config.json for iptux 0.8.3 (keys from ProgramData.cpp and CoreThread.cpp)."""
    return {
        "nick_name": nickname,
        "belong_group": group,
        "preference_encode": "utf-8",  # what it writes to pals of unknown encoding
        "candidacy_encode": "gb18030,utf-16",  # what it tries when a datagram is not UTF-8
        "port": PORT,
        "debug_dont_broadcast": True,  # no BR_ENTRY at start-up: it only answers ours
        "hide_startup": True,
        "open_chat": False,  # a message does not pop a chat window
        "record_log": True,  # received messages go to chat_log(home), as iptux shows them
        "send_message_retry_in_us": 1_000_000,
        **more,
    }


def write_home(home: Path, config: dict[str, Any]) -> Path:
    """A HOME for iptux (or the core peer) holding ``.iptux/config.json``; returns its path."""
    (home / ".iptux").mkdir(parents=True, exist_ok=True)
    # iptux opens its chat log before it creates this folder: made here, the log is written.
    chat_log(home).parent.mkdir(parents=True, exist_ok=True)
    (home / ".iptux" / "config.json").write_text(
        json.dumps(config, ensure_ascii=False), encoding="utf-8"
    )
    return home


def chat_log(home: Path) -> Path:
    """Where iptux writes each message it shows [TUX LogSystem.cpp, UiModels.cpp addMsgPara]."""
    return home / ".config" / "iptux" / "log" / "communicate.log"


# -- Xvfb ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Display:
    """A running Xvfb: ``name`` is the DISPLAY value (``:N``)."""

    name: str
    process: subprocess.Popen[bytes]


def _free_display() -> int:
    for number in range(90, 190):
        if (
            not Path(f"/tmp/.X{number}-lock").exists()
            and not Path(f"/tmp/.X11-unix/X{number}").exists()
        ):
            return number
    raise RuntimeError("no free X display number between :90 and :189")


@contextlib.contextmanager
def virtual_display(attempts: int = 5) -> Iterator[Display]:
    """Xvfb on a free display number (no TCP listener); stopped when the block ends."""
    for _ in range(attempts):
        number = _free_display()
        process = subprocess.Popen(
            dying_with_us([XVFB, f":{number}", "-nolisten", "tcp", "-screen", "0", "1024x768x24"]),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            if _wait_for(lambda n=number: Path(f"/tmp/.X11-unix/X{n}").exists(), process):
                yield Display(f":{number}", process)
                return
        finally:
            _stop(process)
        # Another X server took the number between the check and the start: try the next one.
    raise RuntimeError("Xvfb did not start")


# -- iptux ----------------------------------------------------------------------------------------
@dataclass
class IptuxGui:
    """iptux running as ``host``; ``home`` holds its config, ``log`` its stderr."""

    host: LanHost
    home: Path
    process: subprocess.Popen[bytes]
    log: Path

    @property
    def address(self) -> str:
        return self.host.address

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def chat_log(self, holding: int = 0, timeout: float = 10) -> str:
        """iptux's log of the messages it showed (UTF-8), once it holds ``holding`` of them.

        iptux answers RECVMSG before its window shows the message, so a test waits here.
        """
        path = chat_log(self.home)
        deadline = time.monotonic() + timeout
        while True:
            text = path.read_text(encoding="utf-8") if path.exists() else ""
            if text.count("[STRING]") >= holding or time.monotonic() > deadline:
                return text
            time.sleep(0.05)


@contextlib.contextmanager
def running_iptux(
    host: LanHost, display: Display, home: Path, nickname: str, group: str, **config: Any
) -> Iterator[IptuxGui]:
    """iptux with its own config in ``home``, as ``host``; killed when the block ends."""
    write_home(home, iptux_config(nickname, group, **config))
    log = home / "iptux.log"
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "DISPLAY": display.name,
        "LANG": "C.UTF-8",
        "NO_AT_BRIDGE": "1",  # no accessibility bus to look for
        "GSETTINGS_BACKEND": "memory",
        "XDG_RUNTIME_DIR": str(home),
    }
    with log.open("wb") as sink:
        process = host.popen(
            ["env", "-i", *(f"{k}={v}" for k, v in env.items()), IPTUX],
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        if not _wait_for(lambda: udp_bound(host, PORT), process, timeout=20):
            raise RuntimeError(f"iptux did not bind UDP {PORT}: {log.read_text(errors='replace')}")
        yield IptuxGui(host, home, process, log)
    finally:
        _stop(process)


def udp_bound(host: LanHost, port: int) -> bool:
    """Whether a UDP socket of ``host`` is bound to ``port``."""
    listed = host.run(["ss", "-Hunl", f"sport = :{port}"], text=True, timeout=10)
    return listed.returncode == 0 and f":{port}" in listed.stdout


def _wait_for(ready: Any, process: subprocess.Popen[bytes], timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        if ready():
            return True
        time.sleep(0.05)
    return False


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM, then SIGKILL to its whole process group."""
    with contextlib.suppress(ProcessLookupError):
        process.terminate()
    try:
        process.wait(5)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)
