"""The main window: composes the three workspaces, menus and status bar, and wires them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QWidget,
)

from desktop.settings import Setting, Settings
from desktop.ui.about_dialog import AboutDialog
from desktop.ui.messenger.messenger_panel import MessengerPanel
from desktop.ui.translations import LANGUAGES
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
        http: the HTTP page.
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
        http: QWidget,
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
        self.http = http
        self.tabs = QTabWidget()
        self.tabs.setObjectName("workspaces")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.workbench, self.tr("Workbench"))
        self.tabs.addTab(self.messenger, self.tr("Messenger"))
        self._close_to_tray: Callable[[], bool] = lambda: False
        self._quitting = False
        self.tabs.addTab(self.http, self.tr("HTTP"))
        self.setCentralWidget(self.tabs)
        # The status bar shows only what belongs to the page in front: the Workbench's session
        # counters. Sentences (errors, notices, a session's state) are shown once, on their page.
        self.traffic_label = TrafficLabel()
        self.statusBar().addPermanentWidget(self.traffic_label)
        self._build_menus()
        self._connect_signals()
        self._restore_state()

    # -- construction ----------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_client_action = file_menu.addAction(self.tr("New TCP &client session"))
        self.new_client_action.setShortcut(QKeySequence("Ctrl+T"))
        self.new_server_action = file_menu.addAction(self.tr("New TCP &server session"))
        self.new_server_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.new_relay_action = file_menu.addAction(self.tr("New TCP &relay session"))
        self.new_relay_action.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.new_udp_action = file_menu.addAction(self.tr("New &UDP session"))
        self.new_udp_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        file_menu.addSeparator()
        self.close_session_action = file_menu.addAction(self.tr("Close session &tab"))
        self.close_session_action.setShortcut(QKeySequence("Ctrl+W"))
        file_menu.addSeparator()
        self.quit_action = file_menu.addAction(self.tr("&Quit"))
        self.quit_action.setShortcut(
            QKeySequence("Ctrl+Q")
        )  # StandardKey.Quit is empty on some platforms
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self.clear_log_action = edit_menu.addAction(self.tr("Clear &log"))
        self.clear_log_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.focus_send_action = edit_menu.addAction(self.tr("Go to &send box"))
        self.focus_send_action.setShortcut(QKeySequence("Ctrl+E"))
        self.find_action = edit_menu.addAction(self.tr("&Find in log"))
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        edit_menu.addSeparator()
        self.preferences_action = edit_menu.addAction(self.tr("&Preferences…"))
        self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)

        view_menu = bar.addMenu(self.tr("&View"))
        self.workspace_actions: list[QAction] = []
        for index in range(self.tabs.count()):
            action = view_menu.addAction(self.tabs.tabText(index))
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.setData(index)
            self.workspace_actions.append(action)
        view_menu.addSeparator()
        self.theme_group = self._choice_menu(
            view_menu.addMenu(self.tr("&Theme")),
            Settings.THEME,
            {
                "system": self.tr("Follow system"),
                "light": self.tr("Light"),
                "dark": self.tr("Dark"),
            },
        )
        self.language_group = self._choice_menu(
            view_menu.addMenu(self.tr("&Language")),
            Settings.LANGUAGE,
            {"system": self.tr("System language"), **LANGUAGES},
        )

        tools_menu = bar.addMenu(self.tr("&Tools"))
        self.open_data_action = tools_menu.addAction(self.tr("Open &data folder"))
        self.close_to_tray_action = tools_menu.addAction(
            self.tr("Keep the Messenger running in the tray when the window is closed")
        )
        self.close_to_tray_action.setCheckable(True)
        self.close_to_tray_action.setChecked(self.settings.get(Settings.MESSENGER_CLOSE_TO_TRAY))
        self.start_minimised_action = tools_menu.addAction(self.tr("Start minimised to the tray"))
        self.start_minimised_action.setCheckable(True)
        self.start_minimised_action.setChecked(self.settings.get(Settings.START_MINIMISED))
        self.start_at_login_action = tools_menu.addAction(self.tr("Start SocketDesk at login"))
        self.start_at_login_action.setCheckable(True)  # toggled: Application writes the entry
        self.start_at_login_action.setChecked(self.settings.get(Settings.START_AT_LOGIN))

        help_menu = bar.addMenu(self.tr("&Help"))
        self.about_action = help_menu.addAction(self.tr("&About SocketDesk"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.setShortcut(QKeySequence("F1"))

    def _choice_menu(
        self, menu: QMenu, setting: Setting[str], choices: dict[str, str]
    ) -> QActionGroup:
        group = QActionGroup(menu)
        current = self.settings.get(setting)
        for value, label in choices.items():
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setData(value)
            action.setChecked(value == current)
            group.addAction(action)
        return group

    def _connect_signals(self) -> None:
        self.workbench.counters_changed.connect(self.traffic_label.show_batch)
        self.tabs.currentChanged.connect(self._workspace_changed)
        self.new_client_action.triggered.connect(self._new_client)
        self.new_server_action.triggered.connect(self._new_server)
        self.new_relay_action.triggered.connect(self._new_relay)
        self.new_udp_action.triggered.connect(self._new_udp)
        self.close_session_action.triggered.connect(self._close_session)
        self.quit_action.triggered.connect(self.quit)
        self.close_to_tray_action.toggled.connect(self._close_to_tray_toggled)
        self.start_minimised_action.toggled.connect(
            lambda on: self.settings.set(Settings.START_MINIMISED, on)
        )
        self.clear_log_action.triggered.connect(self._clear_log)
        self.focus_send_action.triggered.connect(self._focus_send)
        self.find_action.triggered.connect(self._find)
        for action in self.workspace_actions:
            action.triggered.connect(self._show_workspace)
        self.theme_group.triggered.connect(self._theme_triggered)
        self.language_group.triggered.connect(self._language_triggered)
        self.open_data_action.triggered.connect(self._open_data_folder)
        self.about_action.triggered.connect(self.show_about)
        self.preferences_action.triggered.connect(self.preferences_requested)
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
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Quit SocketDesk"),
            self.tr(
                "Still running: {running}. Quitting stops them and closes their connections."
            ).format(running=self.tr(", ", "list separator").join(running)),
            QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("quitConfirmation")
        quit_button = box.addButton(self.tr("&Quit"), QMessageBox.ButtonRole.AcceptRole)
        quit_button.setObjectName("quitButton")
        box.setDefaultButton(quit_button)
        dont_ask = QCheckBox(self.tr("Don't ask again"), box)  # parented: the box owns it
        dont_ask.setObjectName("dontAskAgain")
        box.setCheckBox(dont_ask)
        box.finished.connect(self._quit_answered)
        self.quit_box = box
        box.open()

    @Slot(int)
    def _quit_answered(self, _result: int) -> None:
        box, self.quit_box = self.quit_box, None
        if box is None:
            return
        button = box.clickedButton()
        confirmed = isinstance(button, QPushButton) and button.objectName() == "quitButton"
        dont_ask = box.findChild(QCheckBox, "dontAskAgain")
        dont_ask_again = dont_ask is not None and dont_ask.isChecked()
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
        for group, setting in (
            (self.theme_group, Settings.THEME),
            (self.language_group, Settings.LANGUAGE),
        ):
            if key == setting.key:
                current = self.settings.get(setting)
                for action in group.actions():
                    action.setChecked(action.data() == current)
        for action, toggle in (
            (self.close_to_tray_action, Settings.MESSENGER_CLOSE_TO_TRAY),
            (self.start_minimised_action, Settings.START_MINIMISED),
            # toggled: the Application writes (or removes) the autostart entry
            (self.start_at_login_action, Settings.START_AT_LOGIN),
        ):
            if key == toggle.key:
                action.setChecked(self.settings.get(toggle))

    @Slot(bool)
    def _close_to_tray_toggled(self, checked: bool) -> None:
        self.settings.set(Settings.MESSENGER_CLOSE_TO_TRAY, checked)

    @Slot()
    def _open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
