"""The main window's menus: File, Edit, View, Tools and Help, their actions and check marks.

``MainMenus`` builds the menus on the window's menu bar and holds the actions; ``MainWindow``
connects them (texts are in the ``MainWindow`` translation context, where they were made).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from desktop.settings import Setting, Settings
from desktop.ui.translations import LANGUAGES

__all__ = ["MainMenus"]


def _action(menu: QMenu, text: str, shortcut: str) -> QAction:
    """A new action at the end of ``menu``, with its shortcut."""
    action = menu.addAction(text)
    action.setShortcut(QKeySequence(shortcut))
    return action


class MainMenus:
    """The menus of the main window and their actions.

    Args:
        bar: the window's menu bar.
        settings: the settings facade (the check marks' values).
        workspaces: the workspaces' names, in tab order (View ▸ one per workspace, Ctrl+1…).
    """

    def __init__(self, bar: QMenuBar, settings: Settings, workspaces: list[str]) -> None:
        self.settings = settings
        file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
        self.new_client_action = _action(
            file_menu, QCoreApplication.translate("MainWindow", "New TCP &client session"), "Ctrl+T"
        )
        self.new_server_action = _action(
            file_menu,
            QCoreApplication.translate("MainWindow", "New TCP &server session"),
            "Ctrl+Shift+T",
        )
        self.new_relay_action = _action(
            file_menu,
            QCoreApplication.translate("MainWindow", "New TCP &relay session"),
            "Ctrl+Shift+R",
        )
        self.new_udp_action = _action(
            file_menu, QCoreApplication.translate("MainWindow", "New &UDP session"), "Ctrl+Shift+U"
        )
        file_menu.addSeparator()
        self.close_session_action = _action(
            file_menu, QCoreApplication.translate("MainWindow", "Close session &tab"), "Ctrl+W"
        )
        file_menu.addSeparator()
        self.quit_action = _action(
            file_menu, QCoreApplication.translate("MainWindow", "&Quit"), "Ctrl+Q"
        )  # StandardKey.Quit is empty on some platforms
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
        self.clear_log_action = _action(
            edit_menu, QCoreApplication.translate("MainWindow", "Clear &log"), "Ctrl+Shift+L"
        )
        self.focus_send_action = _action(
            edit_menu, QCoreApplication.translate("MainWindow", "Go to &send box"), "Ctrl+E"
        )
        self.find_action = _action(
            edit_menu, QCoreApplication.translate("MainWindow", "&Find in log"), "Ctrl+F"
        )
        edit_menu.addSeparator()
        self.preferences_action = _action(
            edit_menu, QCoreApplication.translate("MainWindow", "&Preferences…"), "Ctrl+,"
        )
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)

        view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
        self.workspace_actions: list[QAction] = []
        for index, name in enumerate(workspaces):
            action = view_menu.addAction(name)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.setData(index)
            self.workspace_actions.append(action)
        view_menu.addSeparator()
        self.theme_group = self._choice_menu(
            view_menu.addMenu(QCoreApplication.translate("MainWindow", "&Theme")),
            Settings.THEME,
            {
                "system": QCoreApplication.translate("MainWindow", "Follow system"),
                "light": QCoreApplication.translate("MainWindow", "Light"),
                "dark": QCoreApplication.translate("MainWindow", "Dark"),
            },
        )
        self.language_group = self._choice_menu(
            view_menu.addMenu(QCoreApplication.translate("MainWindow", "&Language")),
            Settings.LANGUAGE,
            {"system": QCoreApplication.translate("MainWindow", "System language"), **LANGUAGES},
        )

        tools_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Tools"))
        self.open_data_action = tools_menu.addAction(
            QCoreApplication.translate("MainWindow", "Open &data folder")
        )
        self.close_to_tray_action = tools_menu.addAction(
            QCoreApplication.translate(
                "MainWindow", "Keep the Messenger running in the tray when the window is closed"
            )
        )
        self.close_to_tray_action.setCheckable(True)
        self.close_to_tray_action.setChecked(settings.get(Settings.MESSENGER_CLOSE_TO_TRAY))
        self.start_minimised_action = tools_menu.addAction(
            QCoreApplication.translate("MainWindow", "Start minimised to the tray")
        )
        self.start_minimised_action.setCheckable(True)
        self.start_minimised_action.setChecked(settings.get(Settings.START_MINIMISED))
        self.start_at_login_action = tools_menu.addAction(
            QCoreApplication.translate("MainWindow", "Start SocketDesk at login")
        )
        self.start_at_login_action.setCheckable(True)  # toggled: Application writes the entry
        self.start_at_login_action.setChecked(settings.get(Settings.START_AT_LOGIN))

        help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
        self.about_action = help_menu.addAction(
            QCoreApplication.translate("MainWindow", "&About SocketDesk")
        )
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

    def follow(self, key: str) -> None:
        """Keep the check marks on the stored choice (the dialog may have changed ``key``)."""
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
