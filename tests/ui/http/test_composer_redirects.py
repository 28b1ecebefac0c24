"""Redirects and cookies in the composer against a real loopback server that sets both."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from desktop.core.store.http_history import HttpHistory
from desktop.ui.http.composer_panel import ComposerPanel
from desktop.workers.http_bridge import HttpBridge
from desktop.workers.task_runner import TaskRunner
from tests.helpers.servers import unresponsive_port
from tests.ui.http.composer_helpers import body, click, make_panel, send_and_wait
from tests.ui.http.redirect_server import redirect_server

HOST = "127.0.0.1"


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    with redirect_server() as server_port:
        yield server_port


@pytest.fixture
def panel(
    qtbot: QtBot, http_bridge: HttpBridge, runner: TaskRunner, history: HttpHistory
) -> ComposerPanel:
    return make_panel(qtbot, http_bridge, runner, history)


def get(path: str, *headers: str) -> str:
    return f"GET {path} HTTP/1.1\nHost: {HOST}\n" + "".join(f"{h}\n" for h in headers) + "\n"


def test_follow_button_sends_the_follow_up_with_the_new_cookie(
    qtbot: QtBot, panel: ComposerPanel, port: int
) -> None:
    send_and_wait(qtbot, panel, HOST, port, get("/login"))
    assert panel.response_view.headers_model.index(0, 1).data().startswith("302")
    assert panel.send_bar.follow_button.isVisible()
    assert panel.send_bar.follow_button.toolTip() == "/home"
    assert [c.name for c in panel.flow.jar.cookies()] == ["sid"]
    assert panel.cookies_view.model.rowCount() == 1
    assert panel.cookies_view.model.index(0, 2).data() == HOST
    click(qtbot, panel.send_bar.follow_button)
    qtbot.waitUntil(lambda: not panel.busy, timeout=10_000)
    assert body(panel) == "cookie=sid=abc auth=-"
    assert not panel.send_bar.follow_button.isVisible()
    assert panel.editor.text() == get("/login")  # the typed request is left as it was


def test_later_sends_carry_the_jar_cookies_until_cleared_or_switched_off(
    qtbot: QtBot, panel: ComposerPanel, port: int
) -> None:
    send_and_wait(qtbot, panel, HOST, port, get("/login"))
    send_and_wait(qtbot, panel, HOST, port, get("/home"))
    assert body(panel) == "cookie=sid=abc auth=-"
    send_and_wait(qtbot, panel, HOST, port, get("/home", "Cookie: sid=typed"))
    assert body(panel) == "cookie=sid=typed auth=-"  # what is typed wins
    panel.cookies_view.use_check.setChecked(False)
    send_and_wait(qtbot, panel, HOST, port, get("/home"))
    assert body(panel) == "cookie=- auth=-"
    panel.cookies_view.use_check.setChecked(True)
    click(qtbot, panel.cookies_view.clear_button)
    assert panel.cookies_view.model.rowCount() == 0
    send_and_wait(qtbot, panel, HOST, port, get("/home"))
    assert body(panel) == "cookie=- auth=-"


def test_automatic_redirects_follow_a_chain_and_store_every_hop(
    qtbot: QtBot, panel: ComposerPanel, port: int, history: HttpHistory
) -> None:
    panel.send_bar.auto_follow_check.setChecked(True)
    send_and_wait(qtbot, panel, HOST, port, get("/chain/3"))
    assert body(panel) == "end of chain"
    assert "Followed 3 redirects." in panel.status_label.text()
    lines = [entry.first_line for entry in history.recent()]
    assert lines == [f"GET /chain/{n} HTTP/1.1" for n in range(4)]


def test_a_redirect_loop_stops_with_a_sentence(
    qtbot: QtBot, panel: ComposerPanel, port: int
) -> None:
    panel.send_bar.auto_follow_check.setChecked(True)
    send_and_wait(qtbot, panel, HOST, port, get("/loop"))
    assert "Redirect loop" in panel.banner.text()
    assert panel.send_bar.send_button.isEnabled()


def test_the_redirect_limit_stops_a_long_chain(
    qtbot: QtBot, panel: ComposerPanel, port: int
) -> None:
    panel.send_bar.auto_follow_check.setChecked(True)
    panel.send_bar.max_redirects_spin.setValue(2)
    send_and_wait(qtbot, panel, HOST, port, get("/chain/5"))
    assert "Stopped after 2 redirects" in panel.banner.text()
    assert panel.send_bar.follow_button.isVisible()  # the user may go on by hand


def test_303_after_post_gets_and_307_posts_again(
    qtbot: QtBot, panel: ComposerPanel, port: int
) -> None:
    panel.send_bar.auto_follow_check.setChecked(True)
    post = "POST {path} HTTP/1.1\nHost: 127.0.0.1\nContent-Type: text/plain\n\npayload"
    send_and_wait(qtbot, panel, HOST, port, post.format(path="/see-other"))
    assert body(panel) == "GET "
    send_and_wait(qtbot, panel, HOST, port, post.format(path="/temporary"))
    assert body(panel) == "POST payload"


def test_another_origin_gets_no_credentials(qtbot: QtBot, panel: ComposerPanel, port: int) -> None:
    panel.send_bar.auto_follow_check.setChecked(True)
    request = "GET /away HTTP/1.1\nHost: app.test\nAuthorization: Basic YTpi\nCookie: a=1\n\n"
    send_and_wait(qtbot, panel, HOST, port, request)
    assert body(panel) == "cookie=- auth=-"


def test_follow_without_a_redirect_says_so(qtbot: QtBot, panel: ComposerPanel, port: int) -> None:
    assert not panel.follow_redirect()
    assert "no redirect" in panel.banner.text()
    send_and_wait(qtbot, panel, HOST, port, get("/home"))
    assert not panel.send_bar.follow_button.isVisible()
    assert not panel.follow_redirect()


def test_cancel_stops_an_automatic_chain_mid_hop(
    qtbot: QtBot, panel: ComposerPanel, http_bridge: HttpBridge, port: int, history: HttpHistory
) -> None:
    panel.send_bar.auto_follow_check.setChecked(True)
    with unresponsive_port() as silent:
        panel.target_bar.set_endpoint(HOST, port, False)
        panel.editor.set_text(get(f"/to/{silent}"))
        with qtbot.waitSignal(http_bridge.connection_changed, timeout=10_000):
            click(qtbot, panel.send_button)
        qtbot.waitUntil(lambda: len(history.recent()) == 1, timeout=10_000)
        assert panel.busy  # the hop to the silent port is connecting
        with qtbot.waitSignal(http_bridge.exchange_failed, timeout=5000) as blocker:
            click(qtbot, panel.cancel_button)
    assert "cancel" in str(blocker.args[0]).lower()
    assert not panel.busy and panel.send_button.isEnabled()
    assert [e.port for e in history.recent()] == [silent, port]
