"""The composer panel against the hostile server: responsive during a slow drip, cancel works,
the raw bytes and the parse message are shown; the TLS tab shows the whole chain."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from desktop.core.http.exchange import ExchangeResult
from desktop.ui.http.composer_panel import ComposerPanel
from desktop.ui.http.pages import PAGE_BYTES
from desktop.ui.http.response_view import raw_text
from desktop.workers.http_bridge import HttpBridge
from desktop.workers.task_runner import TaskRunner
from tests.peers import hostile_http
from tests.peers.hostile_http import HostileServer, running_hostile
from tests.peers.openssl_server import Pki, make_pki, running_s_server


@pytest.fixture(scope="module")
def hostile() -> Iterator[HostileServer]:
    with running_hostile() as server:
        yield server


@pytest.fixture
def panel(qtbot: QtBot, http_bridge: HttpBridge, runner: TaskRunner) -> ComposerPanel:
    widget = ComposerPanel(http_bridge, runner)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def aim(panel: ComposerPanel, host: str, port: int, request: bytes, *, tls: bool = False) -> None:
    panel.host_edit.setText(host)
    panel.port_spin.setValue(port)
    panel.tls_check.setChecked(tls)
    panel.editor.set_text(request.decode())
    target = panel.target()
    assert (target.host, target.port, target.tls is not None) == (host, port, tls)


def anomalies(panel: ComposerPanel) -> list[str]:
    view = panel.response_view.anomaly_list
    return [view.item(row).text() for row in range(view.count())]


def test_slow_drip_keeps_the_panel_responsive_and_cancel_ends_it(
    qtbot: QtBot, panel: ComposerPanel, http_bridge: HttpBridge, hostile: HostileServer
) -> None:
    aim(panel, hostile.host, hostile.port, HostileServer.request("slow_drip", interval=0.1))
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    try:
        panel.send()
        assert panel.busy
        # The GUI thread keeps running its event loop while the bytes drip in.
        qtbot.waitUntil(lambda: len(ticks) >= 20, timeout=10_000)
        assert panel.busy
        with qtbot.waitSignal(http_bridge.exchange_finished, timeout=10_000) as blocker:
            panel.cancel()
    finally:
        timer.stop()
    result: ExchangeResult = blocker.args[0]
    assert not panel.busy and panel.send_button.isEnabled()
    assert result.error is not None and str(result.error).startswith("Cancelled after")
    raw = result.reader.raw
    assert raw and hostile_http.DRIP.startswith(raw) and len(raw) < len(hostile_http.DRIP)
    assert panel.response_view.raw_edit.toPlainText() == raw_text(raw)
    assert panel.banner.text().startswith("Cancelled after")
    assert hostile.last().ended == "client closed"


def test_malformed_status_line_shows_the_bytes_and_the_parse_message(
    qtbot: QtBot, panel: ComposerPanel, http_bridge: HttpBridge, hostile: HostileServer
) -> None:
    aim(panel, hostile.host, hostile.port, HostileServer.request("bad_status"))
    with qtbot.waitSignal(http_bridge.exchange_finished, timeout=10_000):
        panel.send()
    assert panel.response_view.raw_edit.toPlainText() == raw_text(hostile_http.BAD_STATUS)
    failed_here, message = anomalies(panel)  # the point where parsing stopped, then why
    assert failed_here.startswith("At byte 0: Parsing failed here")
    assert message.startswith("At byte 0:") and "status line" in message
    assert "before the response was complete" in panel.banner.text()


def test_bytes_after_the_body_are_shown_and_flagged(
    qtbot: QtBot, panel: ComposerPanel, http_bridge: HttpBridge, hostile: HostileServer
) -> None:
    aim(panel, hostile.host, hostile.port, HostileServer.request("content_length_smaller"))
    with qtbot.waitSignal(http_bridge.exchange_finished, timeout=10_000):
        panel.send()
    assert panel.response_view.raw_edit.toPlainText() == raw_text(hostile_http.SMALLER)
    assert "SMUGGLED BYTES AFTER THE BODY" in panel.response_view.raw_edit.toPlainText()
    assert any("request-smuggling" in message for message in anomalies(panel))
    assert panel.response_view.body_edit.toPlainText() == "ok"


def test_an_endless_header_stops_at_the_cap_and_says_so(
    qtbot: QtBot, panel: ComposerPanel, http_bridge: HttpBridge, hostile: HostileServer
) -> None:
    aim(panel, hostile.host, hostile.port, HostileServer.request("endless_header"))
    with qtbot.waitSignal(http_bridge.exchange_finished, timeout=20_000) as blocker:
        panel.send()
    result: ExchangeResult = blocker.args[0]
    assert len(result.reader.raw) == 1 << 20
    assert any("headers reached the cap of 1.0 MiB" in message for message in anomalies(panel))
    assert panel.response_view.raw_edit.toPlainText().startswith("HTTP/1.1 200 OK\\r\\n\n")


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


def test_the_tls_tab_shows_every_certificate_and_the_verification_outcome(
    qtbot: QtBot, panel: ComposerPanel, http_bridge: HttpBridge, pki: Pki, tmp_path: Path
) -> None:
    request = b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    with running_s_server(tmp_path, pki.leaf, pki.leaf_key, chain=pki.intermediate) as server:
        aim(panel, server.host, server.port, request, tls=True)
        panel.verify_check.setChecked(False)
        with qtbot.waitSignal(http_bridge.exchange_finished, timeout=10_000) as blocker:
            panel.send()
    result: ExchangeResult = blocker.args[0]
    assert result.tls_info is not None and len(result.tls_info.peer_chain) == 2
    shown = panel.response_view.tls_browser.toPlainText()
    assert "Certificates sent by the peer: 2 (leaf first)." in shown
    assert "CN=SocketDesk Test Intermediate" in shown and "Issuer 1" in shown
    assert "Verification is off; it would have failed." in shown
    assert "unable to get local issuer certificate" in shown
    for cert in result.tls_info.peer_chain:
        assert cert.sha256 in shown


def test_a_failed_verification_gives_the_reason_and_the_chain(
    qtbot: QtBot, panel: ComposerPanel, http_bridge: HttpBridge, pki: Pki, tmp_path: Path
) -> None:
    request = b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"
    with running_s_server(tmp_path, pki.self_signed, pki.self_signed_key) as server:
        aim(panel, server.host, server.port, request, tls=True)
        assert panel.target().tls is not None and panel.target().tls.verify  # type: ignore[union-attr]
        with qtbot.waitSignal(http_bridge.exchange_finished, timeout=10_000) as blocker:
            panel.send()
    result: ExchangeResult = blocker.args[0]
    assert (
        result.reader.raw == b"" and result.error is not None and "self-signed" in str(result.error)
    )
    assert "self-signed" in panel.banner.text()
    # The panel opens the TLS tab: the chain the server sent and why it was refused.
    view = panel.response_view
    assert view.currentWidget() is view.tls_browser
    shown = view.tls_browser.toPlainText()
    assert result.tls_info is not None
    assert "Verification failed; the connection was closed before the request was sent." in shown
    assert "self-signed certificate (the leaf, CN=self-signed.localhost)" in shown
    assert "Leaf (self-signed)" in shown and result.tls_info.peer_chain[0].sha256 in shown


def test_a_big_identity_body_is_shown_a_page_at_a_time(
    qtbot: QtBot, panel: ComposerPanel, http_bridge: HttpBridge, hostile: HostileServer
) -> None:
    """An identity body never goes whole into one editor: the Body tab shows one page (an
    endless chunked body to the 256 MiB cap once stalled the GUI 72 s this way)."""
    size = 4 * PAGE_BYTES
    aim(panel, hostile.host, hostile.port, HostileServer.request("big_body", size=size))
    with qtbot.waitSignal(http_bridge.exchange_finished, timeout=10_000) as blocker:
        panel.send()
    result: ExchangeResult = blocker.args[0]
    assert len(result.responses[0].body) == size
    edit = panel.response_view.body_edit
    qtbot.waitUntil(lambda: edit.toPlainText() != "", timeout=5000)
    shown = edit.toPlainText().replace("\n", "")
    # A page ends after the first line feed past PAGE_BYTES: big_body's lines are 1,024 bytes
    # (the old bound, PAGE_BYTES + WRAP_CHARS, held only while WRAP_CHARS was 1,024 too).
    assert 0 < len(shown) <= PAGE_BYTES + 1024


def test_a_tls_10_server_is_reached_with_legacy_tls_from_the_panel(
    qtbot: QtBot, panel: ComposerPanel, http_bridge: HttpBridge, pki: Pki, tmp_path: Path
) -> None:
    request = b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"
    legacy = ("-tls1", "-cipher", "DEFAULT:@SECLEVEL=0")
    with running_s_server(tmp_path, pki.leaf, pki.leaf_key, *legacy) as server:
        aim(panel, server.host, server.port, request, tls=True)
        panel.target_bar.verify_check.setChecked(False)
        with qtbot.waitSignal(http_bridge.exchange_failed, timeout=10_000) as refused:
            panel.send()
        assert "legacy TLS" in str(refused.args[0])
        panel.target_bar.legacy_check.setChecked(True)
        with qtbot.waitSignal(http_bridge.exchange_finished, timeout=10_000) as blocker:
            panel.send()
    result: ExchangeResult = blocker.args[0]
    assert result.tls_info is not None and result.tls_info.version == "TLSv1"
    assert result.responses and result.responses[0].status == 200
