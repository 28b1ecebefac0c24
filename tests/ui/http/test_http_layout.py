"""The HTTP page's layout (issue 11): every response tab in view, no button repeating a field."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.app import Application
from desktop.settings import Settings
from desktop.ui.http.response_view import ResponseView
from desktop.ui.http.target_bar import TargetBar


def test_every_response_tab_stays_in_view_in_a_narrow_pane(qtbot, runner) -> None:  # type: ignore[no-untyped-def]
    view = ResponseView(tasks=runner)
    qtbot.addWidget(view)
    view.resize(420, 300)  # narrower than the tabs at their full width (Chinese, 1024 wide)
    view.show()
    qtbot.waitExposed(view)
    bar = view.tabBar()
    last = bar.tabRect(bar.count() - 1)
    assert bar.tabText(bar.count() - 1) == "TLS"
    assert last.right() <= bar.width()
    assert bar.tabAt(last.center()) == bar.count() - 1  # reachable without scroll arrows


def test_the_http_page_fits_a_1024_wide_window(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Tabs that never hide behind arrows ask for their room: the page must still fit 1024."""
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    app = Application(QApplication.instance(), settings, show_crash_dialogs=False)
    qtbot.addWidget(app.window)
    try:
        app.window.tabs.setCurrentWidget(app.window.http)
        assert app.window.minimumSizeHint().width() <= 1024
        assert not app.window.http.findChild(ResponseView).usesScrollButtons()
    finally:
        app.shutdown()


def test_file_buttons_do_not_repeat_their_fields(qtbot) -> None:  # type: ignore[no-untyped-def]
    bar = TargetBar()
    qtbot.addWidget(bar)
    for button, edit in (
        (bar.ca_button, bar.ca_edit),
        (bar.cert_button, bar.cert_edit),
        (bar.key_button, bar.key_edit),
    ):
        assert button.text() == "…"
        assert button.toolTip().startswith("Choose the ")
        assert edit.placeholderText().split(" (")[0].lower() not in button.text().lower()
