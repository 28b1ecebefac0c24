"""The target bar (TLS files, ALPN, SNI, timeouts) and the send modes, against nginx."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.http.exchange import ExchangeResult
from desktop.core.net.certs import generate_self_signed
from desktop.core.net.tls import TlsClientOptions
from desktop.core.store.http_history import HttpHistory
from desktop.ui.http import history_pane
from desktop.ui.http.composer_panel import ComposerPanel
from desktop.ui.http.send_bar import SendMode
from desktop.ui.http.target_bar import check_tls_files
from desktop.workers.http_bridge import HttpBridge
from desktop.workers.task_runner import TaskRunner
from tests.helpers.servers import unresponsive_port
from tests.peers.nginx import HELLO, Nginx
from tests.ui.http.composer_helpers import click, make_panel, send_and_wait

GET_HELLO = "GET /hello.txt HTTP/1.1\nHost: localhost\n\n"


@pytest.fixture
def panel(
    qtbot: QtBot, http_bridge: HttpBridge, runner: TaskRunner, history: HttpHistory
) -> ComposerPanel:
    return make_panel(qtbot, http_bridge, runner, history)


def test_the_bar_builds_the_target_with_every_option(panel: ComposerPanel, nginx: Nginx) -> None:
    bar = panel.target_bar
    bar.set_endpoint("example.test", 8443, True)
    bar.verify_check.setChecked(False)
    bar.sni_edit.setText("sni.test")
    bar.alpn_check.setChecked(True)
    bar.ca_edit.setText(str(nginx.cert_file))
    bar.connect_timeout.setValue(2.5)
    bar.read_timeout.setValue(7)
    bar.total_timeout.setValue(0)
    target = bar.target()
    assert (target.host, target.port, target.sni_override) == ("example.test", 8443, "sni.test")
    assert target.tls == TlsClientOptions(
        verify=False, ca_file=str(nginx.cert_file), alpn=("http/1.1",)
    )
    assert (target.connect_timeout, target.read_timeout, target.total_timeout) == (2.5, 7, None)
    bar.total_timeout.setValue(60)
    assert bar.target().total_timeout == 60
    bar.tls_check.setChecked(False)
    assert bar.target().tls is None and bar.target().sni_override is None
    assert not bar.ca_button.isEnabled()


def test_curl_import_fills_tls_files_timeouts_and_redirects(panel: ComposerPanel) -> None:
    assert panel.import_curl(
        "curl -L --max-redirs 3 --cacert ca.pem --cert c.pem --key k.pem"
        " --connect-timeout 2 -m 9 https://api.test:8443/x"
    )
    bar = panel.target_bar
    assert (bar.host_edit.text(), bar.port_spin.value(), bar.tls_check.isChecked()) == (
        "api.test",
        8443,
        True,
    )
    assert (bar.ca_edit.text(), bar.cert_edit.text(), bar.key_edit.text()) == (
        "ca.pem",
        "c.pem",
        "k.pem",
    )
    target = bar.target()
    assert (target.connect_timeout, target.total_timeout) == (2.0, 9.0)
    assert panel.send_bar.auto_follow_check.isChecked()
    assert panel.send_bar.max_redirects_spin.value() == 3
    assert panel.import_curl("curl http://plain.test/")
    assert bar.ca_edit.text() == "" and bar.target().total_timeout is None
    assert not panel.send_bar.auto_follow_check.isChecked()


def test_the_tls_switches_reach_the_options(panel: ComposerPanel) -> None:
    bar = panel.target_bar
    bar.set_endpoint("127.0.0.1", 443, True)
    assert bar.tls_options() == TlsClientOptions(verify=True)
    bar.sni_ip_check.setChecked(True)
    bar.legacy_check.setChecked(True)
    assert bar.tls_options() == TlsClientOptions(
        verify=True, sni_for_addresses=True, legacy_tls=True
    )
    bar.tls_check.setChecked(False)
    assert not bar.legacy_check.isEnabled() and not bar.sni_ip_check.isEnabled()


def test_tls_files_are_checked_with_a_sentence(tmp_path: Path, nginx: Nginx) -> None:
    cert, key = generate_self_signed("client", ("client",))
    (tmp_path / "cert.pem").write_bytes(cert)
    (tmp_path / "key.pem").write_bytes(key)
    (tmp_path / "junk.pem").write_bytes(b"not a certificate\n")
    other_cert, _ = generate_self_signed("other", ("other",))
    (tmp_path / "other.pem").write_bytes(other_cert)
    good = str(tmp_path / "cert.pem"), str(tmp_path / "key.pem")
    assert check_tls_files(str(nginx.cert_file), *good) is None
    missing = check_tls_files(str(tmp_path / "nope.pem"), None, None)
    assert missing is not None and "does not exist" in missing
    junk = check_tls_files(str(tmp_path / "junk.pem"), None, None)
    assert junk is not None and junk.endswith(".")
    mismatch = check_tls_files(None, str(tmp_path / "other.pem"), good[1])
    assert mismatch is not None and mismatch.endswith(".")
    assert check_tls_files(None, None, good[1]) == "A key file needs its client certificate."


def test_a_bad_ca_file_stops_the_send_with_its_sentence(
    qtbot: QtBot, panel: ComposerPanel, tmp_path: Path
) -> None:
    panel.target_bar.set_endpoint("127.0.0.1", 443, True)
    panel.target_bar.ca_edit.setText(str(tmp_path / "missing.pem"))
    click(qtbot, panel.send_button)
    assert not panel.busy
    assert "does not exist" in panel.banner.text()
    assert "does not exist" not in panel.status_label.text()  # said once, in the banner
    (tmp_path / "missing.pem").write_text("not PEM at all\n")  # the file changed: checked again
    problem = panel.target_bar.problem()
    assert problem is not None and "does not exist" not in problem
    assert panel.banner.text() == problem  # the new sentence replaced the old one
    panel.tls_check.setChecked(False)  # the files no longer matter: the sentence goes
    assert not panel.banner.isVisibleTo(panel)


def test_alpn_and_a_trusted_ca_over_tls(
    qtbot: QtBot, panel: ComposerPanel, http_bridge: HttpBridge, nginx: Nginx
) -> None:
    bar = panel.target_bar
    bar.set_endpoint(nginx.host, nginx.tls_port, True)
    bar.ca_edit.setText(str(nginx.cert_file))  # verification on, against the fixture's CA
    bar.alpn_check.setChecked(True)
    with qtbot.waitSignal(http_bridge.exchange_finished, timeout=10_000) as blocker:
        send_and_wait(qtbot, panel, nginx.host, nginx.tls_port, GET_HELLO)
    result: ExchangeResult = blocker.args[0]
    assert result.error is None and result.responses[0].body == HELLO
    assert result.tls_info is not None and result.tls_info.alpn == "http/1.1"


def test_host_header_and_target_are_independent(
    qtbot: QtBot, panel: ComposerPanel, http_bridge: HttpBridge, nginx: Nginx
) -> None:
    with qtbot.waitSignal(http_bridge.exchange_finished, timeout=10_000) as blocker:
        send_and_wait(
            qtbot,
            panel,
            nginx.host,
            nginx.port,
            "GET /hello.txt HTTP/1.1\nHost: elsewhere.test\n\n",
        )
    result: ExchangeResult = blocker.args[0]
    assert b"Host: elsewhere.test\r\n" in result.raw_sent
    assert result.peer == f"{nginx.host}:{nginx.port}"


def test_read_timeout_from_the_bar(qtbot: QtBot, panel: ComposerPanel) -> None:
    panel.target_bar.connect_timeout.setValue(0.3)
    with unresponsive_port() as port:
        send_and_wait(qtbot, panel, "127.0.0.1", port, GET_HELLO)
    assert "0.3" in panel.banner.text()


def test_reuse_toggle_and_the_connection_shown(
    qtbot: QtBot, panel: ComposerPanel, http_bridge: HttpBridge, nginx: Nginx
) -> None:
    send_and_wait(qtbot, panel, nginx.host, nginx.port, GET_HELLO)
    qtbot.waitUntil(lambda: nginx.host in panel.send_bar.connection_label.text())
    panel.send_bar.reuse_check.setChecked(False)
    qtbot.waitUntil(lambda: panel.send_bar.connection_label.text() == "No open connection")
    with qtbot.waitSignal(http_bridge.exchange_finished, timeout=10_000) as blocker:
        send_and_wait(qtbot, panel, nginx.host, nginx.port, GET_HELLO)
    assert not blocker.args[0].reused


def test_send_n_times_lists_and_stores_each(
    qtbot: QtBot, panel: ComposerPanel, nginx: Nginx, history: HttpHistory
) -> None:
    panel.send_bar.set_mode(SendMode.SEQUENCE)
    panel.send_bar.count_spin.setValue(4)
    send_and_wait(qtbot, panel, nginx.host, nginx.port, GET_HELLO)
    model = panel.batch_view.model
    assert panel.batch_view.isVisible() and model.rowCount() == 4
    assert [model.index(r, 1).data() for r in range(4)] == ["200"] * 4
    assert [model.index(r, 2).data() for r in range(4)] == ["new", "reused", "reused", "reused"]
    assert "4 exchanges: 200 ×4" in panel.status_label.text()
    assert [e.status for e in history.recent()] == [200] * 4
    panel.batch_view.table.clicked.emit(model.index(2, 0))
    assert panel.response_view.body_edit.toPlainText() == HELLO.decode()


def test_race_n_lists_statuses_and_the_spread(
    qtbot: QtBot, panel: ComposerPanel, nginx: Nginx, history: HttpHistory
) -> None:
    panel.send_bar.set_mode(SendMode.RACE)
    panel.send_bar.count_spin.setValue(5)
    assert not panel.send_bar.reuse_check.isEnabled() and not panel.send_bar.reuse()
    send_and_wait(qtbot, panel, nginx.host, nginx.port, GET_HELLO)
    model = panel.batch_view.model
    assert model.rowCount() == 5
    assert {model.index(r, 2).data() for r in range(5)} == {"new"}
    summary = panel.batch_view.summary_label.text()
    assert summary.startswith("5 exchanges: 200 ×5; first bytes spread over ")
    assert len(history.recent()) == 5


def test_cancel_stops_a_race_while_connecting(
    qtbot: QtBot, panel: ComposerPanel, http_bridge: HttpBridge
) -> None:
    panel.send_bar.set_mode(SendMode.RACE)
    panel.send_bar.count_spin.setValue(3)
    with unresponsive_port() as port:
        panel.target_bar.set_endpoint("127.0.0.1", port, False)
        click(qtbot, panel.send_button)
        assert panel.cancel_button.isEnabled()
        with qtbot.waitSignal(http_bridge.batch_finished, timeout=5000):
            click(qtbot, panel.cancel_button)
    assert not panel.busy and "Cancelled" in panel.status_label.text()


def test_two_history_entries_are_compared(
    qtbot: QtBot, panel: ComposerPanel, nginx: Nginx, monkeypatch: pytest.MonkeyPatch
) -> None:
    send_and_wait(qtbot, panel, nginx.host, nginx.port, GET_HELLO)
    send_and_wait(qtbot, panel, nginx.host, nginx.port, "GET /status HTTP/1.1\nHost: x\n\n")
    pane = panel.history_pane
    assert not pane.compare_button.isEnabled()
    assert pane.selected_pair() is None
    selection = pane.view.selectionModel()
    for row in (0, 1):
        selection.select(pane.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select)
    assert pane.compare_button.isEnabled()
    pair = pane.selected_pair()
    assert pair is not None
    left, right = pair
    assert left.responses[0].body == HELLO and right.responses[0].body == b"ok\n"

    opened: list[tuple[ExchangeResult, ExchangeResult]] = []

    class FakeDiff(QDialog):
        def __init__(self, a: ExchangeResult, b: ExchangeResult, parent: QWidget) -> None:
            super().__init__(parent)
            opened.append((a, b))

    fake = types.ModuleType("fake_diff_view")
    fake.ResponseDiffDialog = FakeDiff  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "fake_diff_view", fake)
    monkeypatch.setattr(history_pane, "DIFF_MODULE", "fake_diff_view")
    assert pane.compare()
    assert [(a.reader.raw, b.reader.raw) for a, b in opened] == [
        (left.reader.raw, right.reader.raw)
    ]
    assert pane.dialog is not None
    pane.dialog.close()

    monkeypatch.setattr(history_pane, "DIFF_MODULE", "desktop.ui.http.no_such_module")
    assert not pane.compare()
    assert panel.banner.text() == "Comparison unavailable in this version."


def test_the_response_cap_is_kept_and_the_cut_is_said(qtbot: QtBot, panel: ComposerPanel) -> None:
    from tests.ui.http.test_response_view import answering_server, response

    body = b"x" * (3 << 20)
    with answering_server(response(body, "Content-Type: text/plain")) as port:
        panel.send_bar.cap_spin.setValue(1)
        assert panel.send_bar.response_cap() == 1 << 20
        send_and_wait(qtbot, panel, "127.0.0.1", port, "GET / HTTP/1.1\nHost: localhost\n\n")
    view = panel.response_view
    qtbot.waitUntil(lambda: view.raw_view.notice.text() != "", timeout=5000)
    assert view.raw_view.notice.text().startswith("Truncated at 1.0 MiB")
    assert view.body_cap == 1 << 20
