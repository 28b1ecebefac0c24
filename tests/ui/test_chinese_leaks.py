"""English that leaked into the Chinese window: log lines, table cells, TLS problem lines.

Each test loads the real Chinese translation (the ``chinese`` fixture) and looks at the text a
user sees. Sentences added with these fixes are not in the committed translation yet (the lead
translates after merging), so ``stand_in`` puts a Chinese stand-in behind those exact source
strings: the test then proves that the text goes through Qt's translation under that source
(an English f-string never would), not what the final Chinese wording is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from pytestqt.qtbot import QtBot

from desktop.core.net.tcp_server import ClientInfo, ClientState
from desktop.core.net.tls import TlsSessionInfo, VerifyProblem
from desktop.core.net.tls_errors import verify_text
from desktop.ui.widgets.certificate_view import session_html
from desktop.ui.widgets.record_log_model import RecordLogModel
from desktop.ui.workbench.client_table_model import ClientTableModel
from desktop.ui.workbench.udp_panel import UdpPanel
from desktop.workers.loop_thread import EventLoopThread
from desktop.workers.relay_bridge import pair_labels
from desktop.workers.udp_bridge import UdpBridge

# Three or more ASCII letters, not all capitals (TLS, UDP, CN are names, not English).
_ENGLISH_WORD = re.compile(r"(?<![A-Za-z])(?=[A-Za-z]*[a-z])[A-Za-z]{3,}(?![A-Za-z])")

StandIn = Callable[[dict[tuple[str, str], str]], None]


class _StandIn(QTranslator):
    """Chinese stand-ins for exact (context, source) pairs; nothing for any other text."""

    def __init__(self, texts: dict[tuple[str, str], str]) -> None:
        super().__init__()
        self.texts = texts

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        del disambiguation, n
        return self.texts.get((context, source), "")

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def stand_in(qapp, chinese) -> Iterator[StandIn]:  # type: ignore[no-untyped-def]
    """Install stand-ins on top of the real Chinese translation (removed afterwards)."""
    installed: list[_StandIn] = []

    def install(texts: dict[tuple[str, str], str]) -> None:
        translator = _StandIn(texts)
        QCoreApplication.installTranslator(translator)
        installed.append(translator)

    yield install
    for translator in installed:
        QCoreApplication.removeTranslator(translator)


def english_words(text: str, *facts: str) -> list[str]:
    for fact in facts:
        text = text.replace(fact, "")
    return _ENGLISH_WORD.findall(text)


def test_udp_bound_line_reads_in_chinese(
    qtbot: QtBot, io: EventLoopThread, settings, runner, stand_in: StandIn
) -> None:
    stand_in({("core", "Bound to {address}."): "已绑定到 {address}。"})
    bridge = UdpBridge(io)
    panel = UdpPanel(bridge, settings, runner)
    qtbot.addWidget(panel)
    panel.show()
    try:
        panel.host_combo.setEditText("127.0.0.1")
        panel.toggle()
        qtbot.waitUntil(lambda: panel.running, timeout=5000)
        model = panel.log.model

        def lines() -> list[str]:
            return [model.index(r, RecordLogModel.DATA).data() for r in range(model.rowCount())]

        qtbot.waitUntil(lambda: any(panel.local in line for line in lines()), timeout=5000)
        [line] = [line for line in lines() if panel.local in line]
        assert english_words(line, panel.local) == [], line
        assert "已绑定" in line
    finally:
        panel.shutdown()
        qtbot.waitUntil(lambda: not panel.phase.active, timeout=5000)
        bridge.shutdown()


@pytest.mark.parametrize(
    ("code", "openssl_text"),
    [
        (18, "self-signed certificate"),  # OpenSSL 3's words
        (18, "self signed certificate"),  # OpenSSL 1.1's words for the same result
        (19, "self signed certificate in certificate chain"),
        (20, "unable to get local issuer certificate"),
        (10, "certificate has expired"),
        (9, "certificate is not yet valid"),
        (23, "certificate revoked"),
    ],
)
def test_tls_problem_lines_read_in_chinese(qapp, chinese, code: int, openssl_text: str) -> None:  # type: ignore[no-untyped-def]
    """The TLS tab's list of problems (the composer's and the Workbench's certificate view)."""
    subject = "CN=device.local"
    problem = VerifyProblem(0, code, openssl_text, subject)
    info = TlsSessionInfo("TLSv1.3", "TLS_AES_256_GCM_SHA384", None, (), False, (problem,))
    html = session_html(info)
    [item] = re.findall(r"<li>(.*?)</li>", html)
    assert english_words(item, subject) == [], item
    assert re.search(r"[\u4e00-\u9fff]", item), item


def test_a_known_verify_code_is_our_sentence_whatever_openssl_calls_it() -> None:
    assert verify_text(18, "self signed certificate").template == "self-signed certificate"
    assert verify_text(18, "self signed certificate").args == ()  # a sentence, not a fact
    unknown = verify_text(11, "CRL is not yet valid")
    assert str(unknown) == "CRL is not yet valid" and unknown.fact("text")
    assert str(VerifyProblem(0, 11, "")) == "verification error 11 (the leaf)"


def test_the_client_table_states_read_in_chinese(qapp, stand_in: StandIn) -> None:  # type: ignore[no-untyped-def]
    stand_in(
        {
            ("ClientTableModel", "connected"): "已连接",
            ("ClientTableModel", "TLS handshake"): "TLS 握手中",
        }
    )
    model = ClientTableModel()
    model.set_clients(
        [
            ClientInfo(1, "127.0.0.1:5", 0, 1, 2, ClientState.CONNECTED),
            ClientInfo(2, "127.0.0.1:6", 0, 0, 0, ClientState.HANDSHAKE),
        ]
    )
    states = [model.index(r, ClientTableModel.STATE).data() for r in range(2)]
    assert states == ["已连接", "TLS 握手中"]


def test_the_relay_injected_labels_read_in_chinese(qapp, stand_in: StandIn) -> None:  # type: ignore[no-untyped-def]
    stand_in(
        {
            ("core", "#{pair} injected→target"): "#{pair} 注入→目标",
            ("core", "#{pair} injected→client"): "#{pair} 注入→客户端",
        }
    )
    labels = pair_labels(3, "127.0.0.1:5", "127.0.0.1:6")
    assert labels[2:] == ("#3 注入→目标", "#3 注入→客户端")
    assert all(english_words(label, "127.0.0.1:5", "127.0.0.1:6") == [] for label in labels)
