"""Faults a user meets, through the GUI with real sockets: each gives a sentence, nothing hangs."""

from __future__ import annotations

import os
import socket
import struct
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.codec import InputFormat, LineEnding
from desktop.ui.workbench.tcp_client_panel import TcpClientPanel
from desktop.ui.workbench.tcp_server_panel import TcpServerPanel
from tests.helpers.servers import echo_server
from tests.helpers.strict import require


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs: a real "disk full" (needs root to mount)."""
    require(os.geteuid() == 0, "mounting a tmpfs needs root")
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    require(done.returncode == 0, f"could not mount a tmpfs: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def client_panel(qtbot, tcp_bridge, settings, runner) -> TcpClientPanel:  # type: ignore[no-untyped-def]
    panel = TcpClientPanel(tcp_bridge, settings, runner)
    qtbot.addWidget(panel)
    panel.show()
    return panel


def test_disk_full_while_saving(qtbot, tcp_bridge, settings, runner, tiny_disk: Path) -> None:  # type: ignore[no-untyped-def]
    """Saving stops with the reason and how much was saved; the connection and log go on."""
    panel = client_panel(qtbot, tcp_bridge, settings, runner)
    with echo_server() as (host, port):
        panel.host_edit.setText(host)
        panel.port_spin.setValue(port)
        panel.toggle_connection()
        qtbot.waitUntil(lambda: panel.state == panel.CONNECTED, timeout=5000)
        tcp_bridge.start_saving(str(tiny_disk / "capture.bin"))
        qtbot.waitUntil(panel.save_check.isChecked, timeout=5000)
        block = os.urandom(256 * 1024)
        for _ in range(8):  # 2 MiB into a 1 MiB disk
            tcp_bridge.send(block)
        qtbot.waitUntil(lambda: not panel.save_check.isChecked(), timeout=10_000)
        message = panel.banner.label.text()
        assert "No space left on device" in message and "bytes were saved" in message
        qtbot.waitUntil(
            lambda: panel.last_batch is not None and panel.last_batch.bytes_in == 8 * len(block),
            timeout=10_000,
        )
        assert panel.state == panel.CONNECTED  # the connection is not affected
    part = tiny_disk / "capture.bin.part"
    assert part.exists() and 0 < part.stat().st_size <= 1024 * 1024  # what fitted is kept


def _kernel_send_buffer_max() -> int:
    """The most a TCP socket's send buffer may grow to here (``tcp_wmem``'s maximum)."""
    return int(Path("/proc/sys/net/ipv4/tcp_wmem").read_text().split()[2])


def test_client_that_never_reads_does_not_block_the_gui(
    qtbot, server_bridge, settings, runner
) -> None:  # type: ignore[no-untyped-def]
    """Sends to a client that reads nothing are refused once 16 MiB wait in user space (not
    before), the GUI goes on, and the client stays connected and later gets every queued byte."""
    panel = TcpServerPanel(server_bridge, settings, runner)
    qtbot.addWidget(panel)
    panel.show()
    panel.host_edit.setText("127.0.0.1")
    panel.port_spin.setValue(0)
    panel.toggle()
    qtbot.waitUntil(lambda: panel.running, timeout=5000)
    port = int(panel.state_label.text().rsplit(":", 1)[1])
    closed: list[int] = []
    server_bridge.client_closed.connect(lambda client_id, _why: closed.append(client_id))
    lazy = socket.socket()
    receive_buffer = 64 * 1024  # fixed (no autotuning): the kernel holds little on our side
    lazy.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
    lazy.connect(("127.0.0.1", port))  # reads nothing until the end
    try:
        qtbot.waitUntil(lambda: panel.clients.rowCount() == 1, timeout=5000)
        chunk = 262_144
        panel.send_box.set_spec("x" * chunk, InputFormat.TEXT, "utf-8", LineEnding.NONE)
        for _ in range(120):  # 30 MiB toward a peer that reads nothing: a blocking send hangs
            panel.send_box.send_once()
        qtbot.waitUntil(lambda: "is not reading" in panel.banner.label.text(), timeout=10_000)
        # The table is refreshed twice a second: a snapshot taken after the refusal, not the
        # rows drawn before it, says whether the client is still there.
        with qtbot.waitSignal(server_bridge.clients_updated, timeout=5000, raising=False) as fresh:
            pass
        assert closed == [], "the client was dropped"
        assert fresh.signal_triggered, "no table refresh: the client list is empty"
        [info] = fresh.args[0]
        assert info.state == "connected"
        assert panel.running
        # Refused at the 16 MiB cap: at least 16 MiB (less one send) were queued before the
        # first refusal, and at most that plus what the kernel's buffers took.
        cap = 16 * 1024 * 1024
        kernel = _kernel_send_buffer_max() + 2 * receive_buffer
        assert cap - chunk < info.bytes_out <= cap + kernel, info.bytes_out
        assert info.bytes_out % chunk == 0  # whole sends, never part of one
        # Still connected: every queued byte arrives once the client reads.
        lazy.settimeout(10)
        received = 0
        while received < info.bytes_out:
            data = lazy.recv(1 << 20)
            assert data, f"closed after {received} of {info.bytes_out} bytes"
            received += len(data)
        assert received == info.bytes_out
        assert closed == []
    finally:
        lazy.close()


def test_tls_to_a_plain_server_is_a_clear_message(qtbot, tcp_bridge, settings, runner) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.net.tls import TlsClientOptions

    panel = client_panel(qtbot, tcp_bridge, settings, runner)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def plain_http() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(1024)
            conn.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n")

    thread = threading.Thread(target=plain_http)
    thread.start()
    panel.tls_options = TlsClientOptions(verify=False)
    panel.tls_check.setChecked(True)
    panel.host_edit.setText("127.0.0.1")
    panel.port_spin.setValue(listener.getsockname()[1])
    panel.toggle_connection()
    qtbot.waitUntil(panel.banner.isVisible, timeout=10_000)
    thread.join(5)
    listener.close()
    assert "does not speak TLS" in panel.banner.label.text()
    assert panel.state == panel.IDLE


def test_peer_reset_while_sending_a_file(
    qtbot, tcp_bridge, settings, runner, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    panel = client_panel(qtbot, tcp_bridge, settings, runner)
    big = tmp_path / "big.bin"
    big.write_bytes(os.urandom(32 * 1024 * 1024))
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    accepted: list[socket.socket] = []

    def accept() -> None:
        conn, _ = listener.accept()
        accepted.append(conn)

    thread = threading.Thread(target=accept)
    thread.start()
    progress = []
    tcp_bridge.file_progress.connect(progress.append)
    panel.host_edit.setText("127.0.0.1")
    panel.port_spin.setValue(listener.getsockname()[1])
    panel.toggle_connection()
    qtbot.waitUntil(lambda: panel.state == panel.CONNECTED, timeout=5000)
    thread.join(5)
    tcp_bridge.send_file(str(big))
    qtbot.waitUntil(lambda: len(progress) >= 1, timeout=5000)
    conn = accepted[0]
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()  # RST while the file is streaming
    listener.close()
    qtbot.waitUntil(lambda: bool(progress) and progress[-1].done, timeout=10_000)
    assert progress[-1].error is not None
    qtbot.waitUntil(lambda: panel.state == panel.IDLE, timeout=5000)
    texts = [r.data.decode() for r in panel.log.records() if r.direction.value == "info"]
    assert any("reset by the peer" in t for t in texts)
