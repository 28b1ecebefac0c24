"""Test LANs: hosts in network namespaces on a private bridge, addressed in 198.18.0.0/15.

Nothing here touches the host's real interfaces: the bridge has no address in the root
namespace, and every host lives in a namespace this module created. Names embed the pid of the
creating process, so leftovers of a killed run are found and removed by ``sweep_stale``.
"""

from __future__ import annotations

import atexit
import ipaddress
import itertools
import os
import pickle
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.helpers.orphans import dying_with_us

ROOT = Path(__file__).resolve().parents[2]
_NETWORK = ipaddress.ip_network("198.18.0.0/15")  # RFC 2544 benchmarking range
_NS_PATTERN = re.compile(r"^sdlan-(\d+)-\d+-h\d+$")
_BRIDGE_PATTERN = re.compile(r"^sdb([0-9a-f]+)x\d+$")
_counter = itertools.count(1)
_live: list[TestLan] = []


def lan_available() -> tuple[bool, str]:
    """Whether this process can build namespaces, and why not."""
    if sys.platform != "linux":
        return False, "network namespaces need Linux"
    if os.geteuid() != 0:
        return False, "network namespaces need root"
    if shutil.which("ip") is None:
        return False, "iproute2 ('ip') is not installed"
    probe = f"sdlan-{os.getpid()}-0-h0"
    made = subprocess.run(
        ["ip", "netns", "add", probe], capture_output=True, text=True, check=False
    )
    if made.returncode != 0:
        return False, f"'ip netns add' failed: {made.stderr.strip()}"
    subprocess.run(["ip", "netns", "del", probe], capture_output=True, check=False)
    return True, ""


def _ip(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(["ip", *args], capture_output=True, text=True, check=False)
    if check and result.returncode != 0:
        raise RuntimeError(f"ip {' '.join(args)}: {result.stderr.strip()}")
    return result


@dataclass
class HostCall:
    """A Python callable running as a host; ``result()`` waits for its return value."""

    process: subprocess.Popen[bytes]

    def result(self, timeout: float = 30) -> Any:
        out, err = self.process.communicate(timeout=timeout)
        if self.process.returncode != 0:
            raise RuntimeError(f"host call failed ({self.process.returncode}): {err.decode()}")
        ok, value = pickle.loads(out)
        if not ok:
            raise value
        return value


@dataclass
class LanHost:
    """One host of a test LAN: a namespace with ``eth0`` on the bridge."""

    namespace: str
    address: str
    prefix: int
    broadcast: str
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def command(self, argv: Sequence[str]) -> list[str]:
        """``argv`` wrapped to run inside this host's namespace."""
        return ["ip", "netns", "exec", self.namespace, *argv]

    def run(self, argv: Sequence[str], **kwargs: Any) -> subprocess.CompletedProcess[Any]:
        """Run a command as this host and wait for it."""
        kwargs.setdefault("capture_output", True)
        kwargs.setdefault("timeout", 60)
        kwargs.setdefault("check", False)
        return subprocess.run(self.command(argv), **kwargs)

    def popen(self, argv: Sequence[str], **kwargs: Any) -> subprocess.Popen[bytes]:
        """Start a command as this host; it is killed when the LAN goes down."""
        process = subprocess.Popen(dying_with_us(self.command(argv)), **kwargs)
        self.processes.append(process)
        return process

    def start(self, func: Callable[..., Any], *args: Any) -> HostCall:
        """Start ``func(*args)`` in a fresh interpreter inside this host's namespace.

        ``func`` must be importable (a module-level function); its return value comes back
        pickled through ``HostCall.result``.
        """
        process = self.popen(
            [sys.executable, "-m", "tests.lan.hostcall"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
        )
        assert process.stdin is not None
        process.stdin.write(pickle.dumps((func, args)))
        process.stdin.close()
        process.stdin = None  # communicate() must not flush it again
        return HostCall(process)

    def call(self, func: Callable[..., Any], *args: Any, timeout: float = 30) -> Any:
        """Run ``func(*args)`` as this host and return its result."""
        return self.start(func, *args).result(timeout)


class TestLan:
    """N hosts on one bridge. Use as a context manager; ``down()`` always cleans up.

    Args:
        hosts: how many hosts.
        subnet: an IPv4 network inside 198.18.0.0/15 (default: a /24 chosen per LAN).
    """

    __test__ = False  # not a pytest test class

    def __init__(self, hosts: int, subnet: str | None = None) -> None:
        number = next(_counter)
        self.tag = f"{os.getpid()}-{number}"
        self.bridge = f"sdb{os.getpid():x}x{number}"
        network = ipaddress.ip_network(subnet or f"198.18.{number % 256}.0/24")
        if not network.subnet_of(_NETWORK):  # type: ignore[arg-type]
            raise ValueError(f"{network} is outside 198.18.0.0/15")
        self.network = network
        addresses = list(network.hosts())[:hosts]
        self.hosts = [
            LanHost(
                f"sdlan-{self.tag}-h{i + 1}",
                str(addr),
                network.prefixlen,
                str(network.broadcast_address),
            )
            for i, addr in enumerate(addresses)
        ]
        self._up = False

    def __enter__(self) -> TestLan:
        self.up()
        return self

    def __exit__(self, *exc: object) -> None:
        self.down()

    def up(self) -> None:
        """Create the bridge, the namespaces and their links."""
        _live.append(self)
        self._up = True
        _ip("link", "add", self.bridge, "type", "bridge")
        _ip("link", "set", self.bridge, "up")
        for index, host in enumerate(self.hosts, start=1):
            veth = f"sv{os.getpid():x}.{self.tag.split('-')[1]}.{index}"[:15]
            _ip("netns", "add", host.namespace)
            _ip(
                "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns", host.namespace
            )
            _ip("link", "set", veth, "master", self.bridge, "up")
            _ip(
                "-n",
                host.namespace,
                "addr",
                "add",
                f"{host.address}/{host.prefix}",
                "broadcast",
                host.broadcast,
                "dev",
                "eth0",
            )
            _ip("-n", host.namespace, "link", "set", "eth0", "up")
            _ip("-n", host.namespace, "link", "set", "lo", "up")

    def down(self) -> None:
        """Kill the hosts' processes, delete namespaces and bridge. Safe to call twice."""
        if not self._up:
            return
        self._up = False
        for host in self.hosts:
            for process in host.processes:
                if process.poll() is None:
                    process.kill()
                process.wait(10)
                for stream in (process.stdin, process.stdout, process.stderr):
                    if stream is not None:
                        stream.close()
            _ip("netns", "del", host.namespace, check=False)  # takes its veth pair with it
        _ip("link", "del", self.bridge, check=False)
        if self in _live:
            _live.remove(self)


def leftovers(pid: int | None = None) -> list[str]:
    """Namespaces and bridges of test LANs still present (of ``pid``, or of any run)."""
    found: list[str] = []
    namespaces = _ip("netns", "list", check=False).stdout.split()
    for name in namespaces:
        match = _NS_PATTERN.match(name)
        if match and (pid is None or int(match.group(1)) == pid):
            found.append(name)
    for line in _ip("-o", "link", "show", "type", "bridge", check=False).stdout.splitlines():
        name = line.split(":")[1].strip().split("@")[0]
        match = _BRIDGE_PATTERN.match(name)
        if match and (pid is None or int(match.group(1), 16) == pid):
            found.append(name)
    return found


def sweep_stale() -> list[str]:
    """Remove namespaces and bridges left by test runs whose process is gone."""
    removed = []
    for name in leftovers():
        match = _NS_PATTERN.match(name) or _BRIDGE_PATTERN.match(name)
        assert match is not None
        pid = int(match.group(1)) if name.startswith("sdlan") else int(match.group(1), 16)
        if pid != os.getpid() and not Path(f"/proc/{pid}").exists():
            if name.startswith("sdlan"):
                _ip("netns", "del", name, check=False)
            else:
                _ip("link", "del", name, check=False)
            removed.append(name)
    return removed


@atexit.register
def _down_all() -> None:
    for lan in list(_live):
        lan.down()
