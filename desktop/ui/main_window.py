"""The main window: composes the three workspaces, menus and status bar, and wires them.

The menus and their actions are ``main_menus.MainMenus`` (``window.menus``); the question asked
before quitting is ``confirm_quit``'s.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from desktop.settings import Settings
from desktop.ui.about_dialog import AboutDialog
from desktop.ui.confirm_quit import quit_answer, quit_confirmation
from desktop.ui.lazy_workspace import LazyWorkspace
from desktop.ui.main_menus import MainMenus
from desktop.ui.messenger.messenger_panel import MessengerPanel
from desktop.ui.widgets.traffic_label import TrafficLabel
from desktop.ui.workbench.relay_panel import RelayPanel
from desktop.ui.workbench.tcp_server_panel import TcpServerPanel
from desktop.ui.workbench.workbench_page import WorkbenchPage

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    """Workbench, Messenger and HTTP as tabs, with File/Edit/View/Tools/Help menus.

    The composition root builds the workspaces that need engines and hands them in.

    Closing the window while ``set_close_to_tray``'s check says so hides it instead (the
    Messenger keeps running in the tray); File ▸ Quit always quits, after asking (unless told
    not to ask again) when a server, a relay or the Messenger is running.

    Args:
        settings: the settings facade.
        workbench: the Workbench page.
        messenger: the Messenger page.
        http: the HTTP page, or a function that builds it the first time its tab is shown
            (``lazy_workspace.LazyWorkspace``; ``window.http`` builds it when asked for).
        folder: the data folder (Tools ▸ Open data folder).

    Signals:
        theme_chosen(str): the user picked "system", "light" or "dark".
        hidden_to_tray(): the window was closed into the tray.
        preferences_requested(): Edit ▸ Preferences (the composition root opens the dialog).
    """

    theme_chosen = Signal(str)
    hidden_to_tray = Signal()
    preferences_requested = Signal()

    def __init__(
        self,
        settings: Settings,
        workbench: WorkbenchPage,
        messenger: MessengerPanel,
        http: QWidget | Callable[[], QWidget],
        parent: QWidget | None = None,
        *,
        folder: Path,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.folder = folder
        self.quit_box: QMessageBox | None = None
        self.language_notice: QMessageBox | None = None
        self._language_at_start = settings.get(Settings.LANGUAGE)
        self.setObjectName("mainWindow")
        self.setWindowTitle("SocketDesk")
        self.workbench = workbench
        self.messenger = messenger
        self.tabs = QTabWidget()
        self.tabs.setObjectName("workspaces")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.workbench, self.tr("Workbench"))
        self.tabs.addTab(self.messenger, self.tr("Messenger"))
        self._close_to_tray: Callable[[], bool] = lambda: False
        self._quitting = False
        if isinstance(http, QWidget):
            self._http: QWidget | LazyWorkspace = http
            self.tabs.addTab(http, self.tr("HTTP"))
        else:
            self._http = LazyWorkspace(self.tabs, self.tr("HTTP"), http)
        self.setCentralWidget(self.tabs)
        # The status bar shows only what belongs to the page in front: the Workbench's session
        # counters. Sentences (errors, notices, a session's state) are shown once, on their page.
        self.traffic_label = TrafficLabel()
        self.statusBar().addPermanentWidget(self.traffic_label)
        self._build_menus()
        self._connect_signals()
        self._restore_state()

    @property
    def http(self) -> QWidget:
        """The HTTP page, built now if its tab was never shown."""
        return self._http.page() if isinstance(self._http, LazyWorkspace) else self._http

    @property
    def http_built(self) -> bool:
        """False while the HTTP page waits for its tab to be shown."""
        return not isinstance(self._http, LazyWorkspace) or self._http.is_built

    # -- construction ----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        names = [self.tabs.tabText(index) for index in range(self.tabs.count())]
        self.menus = MainMenus(self.menuBar(), self.settings, names)

    def _connect_signals(self) -> None:
        menus = self.menus
        self.workbench.counters_changed.connect(self.traffic_label.show_batch)
        self.tabs.currentChanged.connect(self._workspace_changed)
        menus.new_client_action.triggered.connect(self._new_client)
        menus.new_server_action.triggered.connect(self._new_server)
        menus.new_relay_action.triggered.connect(self._new_relay)
        menus.new_udp_action.triggered.connect(self._new_udp)
        menus.close_session_action.triggered.connect(self._close_session)
        menus.quit_action.triggered.connect(self.quit)
        menus.close_to_tray_action.toggled.connect(self._close_to_tray_toggled)
        menus.start_minimised_action.toggled.connect(
            lambda on: self.settings.set(Settings.START_MINIMISED, on)
        )
        menus.clear_log_action.triggered.connect(self._clear_log)
        menus.focus_send_action.triggered.connect(self._focus_send)
        menus.find_action.triggered.connect(self._find)
        for action in menus.workspace_actions:
            action.triggered.connect(self._show_workspace)
        menus.theme_group.triggered.connect(self._theme_triggered)
        menus.language_group.triggered.connect(self._language_triggered)
        menus.open_data_action.triggered.connect(self._open_data_folder)
        menus.about_action.triggered.connect(self.show_about)
        menus.preferences_action.triggered.connect(self.preferences_requested)
        self.settings.changed.connect(self._setting_changed)

    # -- state ------------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.get(Settings.WINDOW_GEOMETRY)
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1100, 720)
        state = self.settings.get(Settings.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        self.tabs.setCurrentIndex(
            min(max(self.settings.get(Settings.WORKSPACE), 0), self.tabs.count() - 1)
        )
        self._workspace_changed()

    def save_state(self) -> None:
        """Store geometry, dock/toolbar state and the current workspace."""
        self.settings.set(Settings.WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(Settings.WINDOW_STATE, self.saveState())
        self.settings.set(Settings.WORKSPACE, self.tabs.currentIndex())
        self.settings.sync()

    def set_close_to_tray(self, check: Callable[[], bool]) -> None:
        """``check()`` says, when the window is closed, whether to hide it into the tray."""
        self._close_to_tray = check

    def set_messenger_unread(self, count: int) -> None:
        """Show the Messenger's unread messages in its tab: ``Messenger (3)``."""
        index = self.tabs.indexOf(self.messenger)
        name = self.tr("Messenger")
        self.tabs.setTabText(index, f"{name} ({count})" if count > 0 else name)

    def running_services(self) -> list[str]:
        """What quitting would stop: running servers and relays, a running Messenger."""
        panels = self.workbench.panels()
        servers = sum(isinstance(p, TcpServerPanel) and p.running for p in panels)
        relays = sum(isinstance(p, RelayPanel) and p.running for p in panels)
        running = []
        if servers:
            running.append(self.tr("%n TCP server(s)", "", servers))
        if relays:
            running.append(self.tr("%n TCP relay(s)", "", relays))
        if self.messenger.running:
            running.append(self.tr("the Messenger"))
        return running

    @Slot()
    def quit(self) -> None:
        """End the application (also from the tray); asks first while something is running."""
        running = self.running_services()
        if running and self.settings.get(Settings.CONFIRM_QUIT):
            self._ask_before_quitting(running)
            return
        self._quit_now()

    def mark_quitting(self) -> None:
        """The application is ending: closing the window asks nothing any more."""
        self._quitting = True

    def _quit_now(self) -> None:
        self._quitting = True
        if self.close():
            QCoreApplication.quit()
        else:
            self._quitting = False

    def _ask_before_quitting(self, running: list[str]) -> None:
        if self.quit_box is not None:  # already asking
            self.quit_box.raise_()
            return
        if not self.isVisible():
            self.show_from_tray()
        box = quit_confirmation(self, running)
        box.finished.connect(self._quit_answered)
        self.quit_box = box
        box.open()

    @Slot(int)
    def _quit_answered(self, _result: int) -> None:
        box, self.quit_box = self.quit_box, None
        if box is None:
            return
        confirmed, dont_ask_again = quit_answer(box)
        box.deleteLater()
        if not confirmed:
            return
        if dont_ask_again:
            self.settings.set(Settings.CONFIRM_QUIT, False)
        self._quit_now()

    @Slot()
    def show_from_tray(self) -> None:
        """Bring the window back from the tray."""
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if not self._quitting and self._close_to_tray():
            event.ignore()
            self.hide()
            self.hidden_to_tray.emit()
            return
        running = [] if self._quitting else self.running_services()
        if running and self.settings.get(Settings.CONFIRM_QUIT):
            event.ignore()  # the close button asks as File ▸ Quit does; Quit closes for real
            self._ask_before_quitting(running)
            return
        super().closeEvent(event)

    # -- slots ------------------------------------------------------------------------------------
    @Slot()
    def show_about(self) -> AboutDialog:
        """Open Help ▸ About (non-modal)."""
        dialog = AboutDialog(self)
        dialog.setModal(False)
        dialog.show()
        return dialog

    @Slot()
    def _show_workspace(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.tabs.setCurrentIndex(int(action.data()))

    @Slot()
    def _workspace_changed(self) -> None:
        # Also reached while a collected window's tabs are deleted, after Python cleared this
        # wrapper's attributes: then there is nothing to show.
        label, tabs = self.__dict__.get("traffic_label"), self.__dict__.get("tabs")
        if label is not None and tabs is not None:
            label.setVisible(tabs.currentWidget() is self.workbench)

    @Slot()
    def _new_client(self) -> None:
        self.tabs.setCurrentWidget(self.workbench)
        self.workbench.new_client()

    @Slot()
    def _new_server(self) -> None:
        self.tabs.setCurrentWidget(self.workbench)
        self.workbench.new_server()

    @Slot()
    def _new_relay(self) -> None:
        self.tabs.setCurrentWidget(self.workbench)
        self.workbench.new_relay()

    @Slot()
    def _new_udp(self) -> None:
        self.tabs.setCurrentWidget(self.workbench)
        self.workbench.new_udp()

    @Slot()
    def _close_session(self) -> None:
        """Ctrl+W: close the session tab in front (only while the Workbench is shown)."""
        if self.tabs.currentWidget() is self.workbench:
            self.workbench.close_current_session()

    @Slot()
    def _focus_send(self) -> None:
        self.tabs.setCurrentWidget(self.workbench)
        panel = self.workbench.current_panel()
        if panel is not None:
            panel.focus_input()

    @Slot()
    def _clear_log(self) -> None:
        panel = self.workbench.current_panel()
        if panel is not None:
            panel.clear_log()

    @Slot()
    def _find(self) -> None:
        self.tabs.setCurrentWidget(self.workbench)
        panel = self.workbench.current_panel()
        if panel is not None:
            panel.focus_search()

    @Slot(QAction)
    def _theme_triggered(self, action: QAction) -> None:
        self.settings.set(Settings.THEME, str(action.data()))
        self.theme_chosen.emit(str(action.data()))

    @Slot(QAction)
    def _language_triggered(self, action: QAction) -> None:
        """Remember the choice and say plainly that it applies from the next start.

        The interface is not retranslated live: most texts are set once when a widget is
        built, so a live switch would leave a mix of both languages.
        """
        choice = str(action.data())
        self.settings.set(Settings.LANGUAGE, choice)
        if self.language_notice is not None:
            self.language_notice.close()
            self.language_notice = None
        if choice == self._language_at_start:
            return
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Language"),
            self.tr(
                "SocketDesk will be in {language} the next time it starts. "
                "Quit and start it again to change the language now."
            ).format(language=action.text()),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setObjectName("languageNotice")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._language_notice_gone)
        self.language_notice = box
        box.open()

    @Slot()
    def _language_notice_gone(self) -> None:
        self.language_notice = None

    @Slot(str)
    def _setting_changed(self, key: str) -> None:
        """Keep the menus' check marks on the stored choice (the dialog may have changed it)."""
        self.menus.follow(key)

    @Slot(bool)
    def _close_to_tray_toggled(self, checked: bool) -> None:
        self.settings.set(Settings.MESSENGER_CLOSE_TO_TRAY, checked)

    @Slot()
    def _open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
