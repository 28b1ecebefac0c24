"""``openssl s_server`` as a TLS peer for the edge cases nginx is not set up for.

Certificates are made here with ``cryptography``: a small CA (root → intermediate → leaf, the
server sending leaf + intermediate), an expired leaf signed by that CA (so the only problem is
"expired"), and a self-signed leaf. The server listens on 127.0.0.1, on a port it picks itself
and prints (``ACCEPT 127.0.0.1:PORT``), runs in its own process group and is always stopped.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import os
import select
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.helpers.orphans import dying_with_us

OPENSSL = shutil.which("openssl") or "/usr/bin/openssl"
_KEY = ec.SECP256R1()


@dataclass(frozen=True)
class Pki:
    """Files of a test PKI in one folder.

    Attributes:
        root: the root CA certificate (trust it with ``ca_file``).
        intermediate: the intermediate CA certificate (sent by the server after the leaf).
        leaf, leaf_key: a leaf for localhost and 127.0.0.1, signed by the intermediate.
        expired, expired_key: a leaf signed by the intermediate whose validity ended yesterday.
        self_signed, self_signed_key: a self-signed leaf for localhost and 127.0.0.1.
        other_name, other_name_key: a leaf for ``other.test`` only (a hostname mismatch).
    """

    root: Path
    intermediate: Path
    leaf: Path
    leaf_key: Path
    expired: Path
    expired_key: Path
    self_signed: Path
    self_signed_key: Path
    other_name: Path
    other_name_key: Path


def make_pki(folder: Path) -> Pki:
    """Make the certificates and keys of :class:`Pki` in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    year = dt.timedelta(days=365)
    root_key = ec.generate_private_key(_KEY)
    root = _cert("SocketDesk Test Root", root_key, None, root_key, ca=True, valid=(now, now + year))
    mid_key = ec.generate_private_key(_KEY)
    mid = _cert("SocketDesk Test Intermediate", mid_key, root, root_key, ca=True, valid=None)
    names = ("localhost", "127.0.0.1")
    files: dict[str, Path] = {
        "root": _write(folder / "root.pem", root),
        "intermediate": _write(folder / "intermediate.pem", mid),
    }
    leaves = {
        "leaf": ("localhost", mid, mid_key, names, (now - dt.timedelta(hours=1), now + year)),
        "expired": (
            "expired.localhost",
            mid,
            mid_key,
            names,
            (now - 2 * year, now - dt.timedelta(days=1)),
        ),
        "self_signed": ("self-signed.localhost", None, None, names, None),
        "other_name": ("other.test", mid, mid_key, ("other.test",), None),
    }
    for label, (common_name, issuer, issuer_key, sans, valid) in leaves.items():
        key = ec.generate_private_key(_KEY)
        cert = _cert(common_name, key, issuer, issuer_key or key, ca=False, valid=valid, sans=sans)
        files[label] = _write(folder / f"{label}.pem", cert)
        files[f"{label}_key"] = folder / f"{label}-key.pem"
        files[f"{label}_key"].write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
    return Pki(**files)


@dataclass(frozen=True)
class OpensslServer:
    """A running ``openssl s_server``: ``host``/``port`` to connect to, ``log`` its output."""

    host: str
    port: int
    log: Path


@contextlib.contextmanager
def running_s_server(
    folder: Path, cert: Path, key: Path, *extra: str, chain: Path | None = None
) -> Iterator[OpensslServer]:
    """Run ``openssl s_server -www`` with ``cert``/``key`` (and ``chain`` sent after the leaf).

    Args:
        folder: where its output is logged.
        extra: more options, e.g. ``"-tls1", "-cipher", "DEFAULT:@SECLEVEL=0"``.
    """
    command = [OPENSSL, "s_server", "-accept", "127.0.0.1:0", "-cert", str(cert)]
    command += ["-key", str(key), "-www", "-naccept", "1000", *extra]
    if chain is not None:
        command += ["-cert_chain", str(chain)]
    log = folder / f"s_server-{cert.stem}.log"
    process = subprocess.Popen(
        dying_with_us(command),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        port, seen = _accept_port(process)
        log.write_bytes(seen)
        if port is None:
            raise RuntimeError(f"openssl s_server did not start: {seen.decode(errors='replace')}")
        yield OpensslServer("127.0.0.1", port, log)
    finally:
        _stop(process)


def _accept_port(process: subprocess.Popen[bytes], timeout: float = 10) -> tuple[int | None, bytes]:
    """Read its output until ``ACCEPT 127.0.0.1:PORT``; (None, output) if it ends first."""
    assert process.stdout is not None
    seen = b""
    deadline = time.monotonic() + timeout
    fd = process.stdout.fileno()
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if not ready:
            if process.poll() is not None:
                break
            continue
        chunk = os.read(fd, 4096)
        if not chunk:
            break
        seen += chunk
        for line in seen.splitlines():
            if line.startswith(b"ACCEPT ") and b":" in line:
                return int(line.rsplit(b":", 1)[1]), seen
    return None, seen


def _stop(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(5)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(5)
    if process.stdout is not None:
        process.stdout.close()


def _cert(
    common_name: str,
    key: ec.EllipticCurvePrivateKey,
    issuer: x509.Certificate | None,
    issuer_key: ec.EllipticCurvePrivateKey,
    *,
    ca: bool,
    valid: tuple[dt.datetime, dt.datetime] | None,
    sans: tuple[str, ...] = (),
) -> x509.Certificate:
    now = dt.datetime.now(dt.UTC)
    not_before, not_after = valid or (now - dt.timedelta(hours=1), now + dt.timedelta(days=30))
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    public = key.public_key()
    builder = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(issuer.subject if issuer is not None else name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
            critical=False,
        )
    )
    if ca:
        usage = x509.KeyUsage(True, False, False, False, False, True, True, False, False)
        builder = builder.add_extension(usage, critical=True)
    if sans:
        entries: list[x509.GeneralName] = []
        for san in sans:
            try:
                entries.append(x509.IPAddress(ipaddress.ip_address(san)))
            except ValueError:
                entries.append(x509.DNSName(san))
        builder = builder.add_extension(x509.SubjectAlternativeName(entries), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _write(path: Path, cert: x509.Certificate) -> Path:
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path
