"""The Workbench shows what the composer shows of TLS: the whole chain the server sent and the
verification outcome, verification on or off — for the TCP client and the relay's target side.

The server is ``openssl s_server`` sending an expired leaf and its intermediate
(``tests/peers/openssl_server.py``).
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from desktop.core.net.tls import TlsClientOptions
from desktop.ui.widgets.certificate_view import session_html
from desktop.ui.widgets.record_log_model import RecordLogModel
from desktop.ui.workbench.relay_panel import RelayPanel
from desktop.ui.workbench.tcp_client_panel import TcpClientPanel
from desktop.workers.relay_bridge import RelayBridge
from tests.peers.openssl_server import OpensslServer, Pki, make_pki, running_s_server


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def expired_server(tmp_path: Path, pki: Pki) -> Iterator[OpensslServer]:
    with running_s_server(tmp_path, pki.expired, pki.expired_key, chain=pki.intermediate) as srv:
        yield srv


def log_texts(panel: TcpClientPanel | RelayPanel) -> list[str]:
    model = panel.log.model
    return [model.index(r, RecordLogModel.DATA).data() for r in range(model.rowCount())]


def client_panel(
    qtbot, tcp_bridge, settings, runner, *, server: OpensslServer, options: TlsClientOptions
) -> TcpClientPanel:  # type: ignore[no-untyped-def]
    panel = TcpClientPanel(tcp_bridge, settings, runner)
    qtbot.addWidget(panel)
    panel.show()
    panel.host_edit.setText(server.host)
    panel.port_spin.setValue(server.port)
    panel.tls_options = options
    panel.tls_check.setChecked(True)
    return panel


def test_client_with_verification_off_shows_the_chain_and_what_would_fail(  # type: ignore[no-untyped-def]
    qtbot, tcp_bridge, settings, runner, expired_server: OpensslServer
) -> None:
    panel = client_panel(
        qtbot,
        tcp_bridge,
        settings,
        runner,
        server=expired_server,
        options=TlsClientOptions(verify=False),
    )
    with qtbot.waitSignal(tcp_bridge.tls_established, timeout=10_000) as caught:
        qtbot.mouseClick(panel.connect_button, Qt.MouseButton.LeftButton)
    session = caught.args[0]
    assert len(session.peer_chain) == 2  # leaf and intermediate: the whole chain sent
    qtbot.waitUntil(lambda: panel.state == panel.CONNECTED and panel.tls_info is not None)
    assert panel.tls_info == session
    assert panel.cert_button.isEnabled()
    assert "would have failed" in panel.cert_button.toolTip()
    [line] = [text for text in log_texts(panel) if "certificates sent" in text]
    assert "2 certificates sent" in line
    assert "Verification is off; it would have failed: " in line
    assert "certificate has expired (the leaf" in line
    html = session_html(session)
    assert session.peer_chain[0].subject in html and session.peer_chain[1].subject in html


def test_client_with_verification_on_keeps_the_chain_of_the_refused_server(  # type: ignore[no-untyped-def]  # noqa: PLR0917
    qtbot, tcp_bridge, settings, runner, expired_server: OpensslServer, pki: Pki
) -> None:
    options = TlsClientOptions(ca_file=str(pki.root), server_name="localhost")
    panel = client_panel(
        qtbot, tcp_bridge, settings, runner, server=expired_server, options=options
    )
    with qtbot.waitSignals([tcp_bridge.tls_established, tcp_bridge.start_failed], timeout=10_000):
        qtbot.mouseClick(panel.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.state == panel.IDLE and panel.tls_info is not None)
    info = panel.tls_info
    assert info is not None and len(info.peer_chain) == 2
    assert info.verification_required and [p.code for p in info.verify_problems] == [10]
    assert panel.cert_button.isEnabled()
    assert "Verification failed: certificate has expired" in panel.cert_button.toolTip()


@pytest.fixture
def relay_bridge(io, tmp_path) -> Iterator[RelayBridge]:  # type: ignore[no-untyped-def]
    bridge = RelayBridge(io, tmp_path)
    yield bridge
    bridge.stop()


def test_relay_shows_the_target_chain_and_outcome(  # type: ignore[no-untyped-def]
    qtbot, relay_bridge, settings, runner, expired_server: OpensslServer
) -> None:
    panel = RelayPanel(relay_bridge, settings, runner)
    qtbot.addWidget(panel)
    panel.show()
    panel.listen_edit.setText("127.0.0.1")
    panel.listen_spin.setValue(0)
    panel.target_edit.setText(expired_server.host)
    panel.target_spin.setValue(expired_server.port)
    panel.target_tls_check.setChecked(True)
    panel.verify_check.setChecked(False)
    panel.toggle()
    qtbot.waitUntil(lambda: panel.running, timeout=5000)
    port = int(panel.state_label.text().split(" → ")[0].rsplit(":", 1)[1])
    with (
        qtbot.waitSignal(relay_bridge.target_tls_established, timeout=10_000),
        socket.create_connection(("127.0.0.1", port), timeout=10),
    ):
        pass
    qtbot.waitUntil(lambda: bool(panel.target_sessions))
    [session] = panel.target_sessions.values()
    assert len(session.peer_chain) == 2 and session.verified is False
    assert panel.target_cert_button.isEnabled()
    [line] = [text for text in log_texts(panel) if "target TLS" in text]
    assert "2 certificates sent" in line and "it would have failed" in line
