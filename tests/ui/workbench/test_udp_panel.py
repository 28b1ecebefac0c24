"""The UDP session panel with real loopback sockets: echo both ways, connected mode, size refusal,
the peer table (reply to selected, send to all, per-peer log), the generator."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator

import pytest

from desktop.core.capture import Direction
from desktop.core.codec import InputFormat, LineEnding
from desktop.core.net.tcp_server import ServerMode
from desktop.ui.workbench.udp_panel import UdpPanel
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.udp_bridge import UdpBridge
from tests.helpers.tshark import tshark


@pytest.fixture
def udp_bridge(io: EventLoopThread) -> Iterator[UdpBridge]:
    bridge = UdpBridge(io)
    yield bridge
    bridge.shutdown()


@pytest.fixture
def panel(qtbot, udp_bridge, settings, runner) -> Iterator[UdpPanel]:  # type: ignore[no-untyped-def]
    widget = UdpPanel(udp_bridge, settings, runner)  # closed here, after its session stopped
    widget.show()
    yield widget
    widget.shutdown()  # through the session lifecycle: the last batch is taken before the loop ends
    qtbot.waitUntil(lambda: not widget.phase.active, timeout=5000)
    widget.close()
    widget.deleteLater()


def start(qtbot, panel: UdpPanel, host: str = "127.0.0.1", mode=ServerMode.PLAIN) -> int:  # type: ignore[no-untyped-def]
    panel.host_combo.setEditText(host)
    panel.mode_combo.setCurrentIndex(panel.mode_combo.findData(mode))
    panel.toggle()
    qtbot.waitUntil(lambda: panel.running, timeout=5000)
    return int(panel.local.rsplit(":", 1)[1])


def peer(host: str = "127.0.0.1") -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_DGRAM)
    sock.bind((host, 0))
    sock.settimeout(5)
    return sock


@contextlib.contextmanager
def echo_socket(host: str) -> Iterator[int]:
    """The lesson's echo server: recvfrom, then sendto back, until told to stop."""
    sock = peer(host)
    sock.settimeout(0.05)
    done = threading.Event()

    def serve() -> None:
        while not done.is_set():
            try:
                data, address = sock.recvfrom(65535)
            except TimeoutError:
                continue
            sock.sendto(data, address)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield sock.getsockname()[1]
    finally:
        done.set()
        thread.join(5)
        sock.close()


def type_text(panel: UdpPanel, text: str) -> None:
    panel.send_box.set_spec(text, InputFormat.TEXT, "utf-8", LineEnding.NONE)


def received(panel: UdpPanel, peer_label: str | None = None) -> list[bytes]:
    return [
        r.data
        for r in panel.log.records()
        if r.direction is Direction.IN and (peer_label is None or r.peer == peer_label)
    ]


@pytest.mark.parametrize("host", ["127.0.0.1", "::1"])
def test_echo_round_trip_through_the_gui(qtbot, panel: UdpPanel, host: str) -> None:  # type: ignore[no-untyped-def]
    start(qtbot, panel, host)
    with echo_socket(host) as port:
        panel.set_target(host, port)
        type_text(panel, "ping 回声")
        panel.send_box.send_once()
        qtbot.waitUntil(lambda: "ping 回声".encode() in received(panel), timeout=5000)
    shown = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    assert [r.peer for r in panel.log.records() if r.direction is Direction.IN] == [shown]

    # The echo peer's row (on a busy loopback a stray datagram of an earlier test may reach a
    # reused port number too: it would be a row of its own, not this one).
    def echo_row() -> object:
        rows = [panel.peers.peer_at(r) for r in range(panel.peers.rowCount())]
        return next((p for p in rows if p is not None and p.address == shown), None)

    qtbot.waitUntil(lambda: echo_row() is not None, timeout=5000)
    assert echo_row().datagrams_in == 1  # type: ignore[attr-defined]


def test_the_panel_in_echo_mode_answers_a_plain_socket(qtbot, panel: UdpPanel) -> None:  # type: ignore[no-untyped-def]
    port = start(qtbot, panel, mode=ServerMode.ECHO)
    with peer() as sock:
        sock.sendto(b"hello echo", ("127.0.0.1", port))
        assert sock.recvfrom(100) == (b"hello echo", ("127.0.0.1", port))


def test_connected_mode_says_nothing_is_listening(qtbot, panel: UdpPanel) -> None:  # type: ignore[no-untyped-def]
    with peer() as closed:
        port = closed.getsockname()[1]  # free once closed: nobody listens there
    panel.set_target("127.0.0.1", port)
    panel.connected_check.setChecked(True)
    assert not panel.no_feedback_label.isVisible()
    start(qtbot, panel)
    assert not panel.target_host.isEnabled()  # the fixed peer cannot change while connected
    type_text(panel, "anyone?")
    panel.send_box.send_once()
    panel.send_box.send_once()  # the refusal comes back on the next send or receive
    qtbot.waitUntil(
        lambda: f"Nothing is listening on 127.0.0.1:{port}" in panel.banner.label.text(),
        timeout=5000,
    )


def test_unconnected_mode_notes_there_is_no_feedback(qtbot, panel: UdpPanel) -> None:  # type: ignore[no-untyped-def]
    assert panel.no_feedback_label.isVisible()
    assert "does not confirm delivery" in panel.no_feedback_label.toolTip()
    with qtbot.waitSignal(panel.udp.notice, timeout=5000):  # the bridge says it too …
        start(qtbot, panel)
    qtbot.wait(50)
    assert not panel.banner.isVisible()  # … but the note says it already: no banner row


def test_a_datagram_too_large_for_udp_is_refused(qtbot, panel: UdpPanel) -> None:  # type: ignore[no-untyped-def]
    start(qtbot, panel)
    with peer() as sock:
        panel.set_target("127.0.0.1", sock.getsockname()[1])
        type_text(panel, "x" * 65_508)
        panel.send_box.send_once()

        def refused() -> bool:
            return "65508 bytes is too large" in panel.banner.label.text()

        qtbot.waitUntil(refused, timeout=5000)
        assert "at most 65507 bytes" in panel.banner.label.text()
        sock.setblocking(False)
        with pytest.raises(BlockingIOError):
            sock.recv(70_000)


def test_peer_table_reply_to_selected_send_to_all_and_log_filter(qtbot, panel: UdpPanel) -> None:  # type: ignore[no-untyped-def]
    port = start(qtbot, panel)
    with peer() as a, peer() as b:
        a.sendto(b"from a", ("127.0.0.1", port))
        b.sendto(b"from b", ("127.0.0.1", port))
        qtbot.waitUntil(lambda: panel.peers.rowCount() == 2, timeout=5000)
        label_a = f"127.0.0.1:{a.getsockname()[1]}"
        label_b = f"127.0.0.1:{b.getsockname()[1]}"
        row_b = [p.address for p in panel.peers.peers].index(label_b)
        panel.peer_view.selectRow(row_b)
        type_text(panel, "only b")
        panel.peer_pane.reply_button.click()
        assert b.recv(100) == b"only b"
        type_text(panel, "to all")
        panel.peer_pane.all_button.click()
        assert a.recv(100) == b"to all"  # a's first datagram: the reply went to b alone
        assert b.recv(100) == b"to all"
        # The log of b alone.
        qtbot.waitUntil(lambda: len(panel.log.records()) >= 5, timeout=5000)
        panel.peer_pane.only_selected_check.setChecked(True)
        shown = panel.log.table.model()
        peers = {shown.index(r, 0).data() for r in range(shown.rowCount())}
        assert shown.rowCount() == len(panel.log.records(label_b)) == 3
        assert label_a not in str(peers)
        panel.peer_pane.only_selected_check.setChecked(False)
        assert panel.log.table.model().rowCount() == len(panel.log.records())
        # A peer picked from the table becomes the target.
        panel.peer_pane.target_button.click()
        assert panel.target() == ("127.0.0.1", b.getsockname()[1])


def test_generator_sends_its_count_and_stop_works(qtbot, panel: UdpPanel) -> None:  # type: ignore[no-untyped-def]
    start(qtbot, panel)
    with peer() as sink:
        sink.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 * 1024 * 1024)
        panel.set_target("127.0.0.1", sink.getsockname()[1])
        type_text(panel, "g" * 64)
        box = panel.generator
        box.amount_spin.setValue(300)
        box.rate_combo.setCurrentIndex(box.rate_combo.findData("datagrams"))
        box.rate_spin.setValue(20_000)
        with qtbot.waitSignal(panel.udp.generator_changed, timeout=5000):
            box.start_button.click()
        qtbot.waitUntil(lambda: not box.running, timeout=10_000)
        got = 0
        sink.settimeout(0.5)
        with contextlib.suppress(TimeoutError):
            while got < 301:
                assert sink.recv(100) == b"g" * 64
                got += 1
        assert got == 300
        # Until stopped, as fast as possible: Stop ends it.
        box.end_combo.setCurrentIndex(box.end_combo.findData("stopped"))
        box.rate_combo.setCurrentIndex(box.rate_combo.findData("fastest"))
        box.start_button.click()
        qtbot.waitUntil(lambda: box.running, timeout=5000)
        assert box.start_button.text() == "Stop generator"
        live = box.live_label
        qtbot.waitUntil(lambda: "idle" not in live.text(), timeout=5000)
        assert "datagrams/s" in live.text()
        box.start_button.click()
        qtbot.waitUntil(lambda: not box.running, timeout=5000)
        assert box.start_button.text() == "Start generator"


def test_periodic_sends_go_to_the_typed_target(qtbot, panel: UdpPanel) -> None:  # type: ignore[no-untyped-def]
    start(qtbot, panel)
    with peer() as sink:
        panel.set_target("127.0.0.1", sink.getsockname()[1])
        type_text(panel, "tick")
        panel.send_box.interval_spin.setValue(10)
        panel.send_box.count_spin.setValue(3)
        panel.send_box.repeat_button.click()
        assert [sink.recv(100) for _ in range(3)] == [b"tick"] * 3


def test_pcapng_export_keeps_every_datagram(qtbot, panel: UdpPanel, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Export ▸ pcapng on a live session: tshark reads each datagram back, from each peer."""
    port = start(qtbot, panel)
    sent = {b"one", b"two \x00\xff", b""}
    with peer() as first, peer() as second:
        first.sendto(b"one", ("127.0.0.1", port))
        first.sendto(b"", ("127.0.0.1", port))
        second.sendto(b"two \x00\xff", ("127.0.0.1", port))
        qtbot.waitUntil(lambda: len(received(panel)) == 3, timeout=5000)
        qtbot.waitUntil(lambda: len(panel.pcapng_endpoints()) == 2, timeout=5000)
        path = tmp_path / "udp.pcapng"
        panel.export("pcapng", str(path))
        qtbot.waitUntil(lambda: "Exported to" in panel.banner.label.text(), timeout=5000)
        ports = {first.getsockname()[1], second.getsockname()[1]}
    lines = tshark(
        path, "-T", "fields", "-e", "udp.srcport", "-e", "udp.dstport", "-e", "udp.payload"
    )
    rows = [line.split("\t") for line in lines.splitlines()]
    assert {int(src) for src, _, _ in rows} == ports
    assert {int(dst) for _, dst, _ in rows} == {port}
    assert {bytes.fromhex(payload) for _, _, payload in rows} == sent
