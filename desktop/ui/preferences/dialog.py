"""Edit ▸ Preferences: one dialog for the settings a user chooses.

The pages show the facade's values; OK checks every value first and stores them all at once
(``Settings.set_many``), or none, pointing at the first field it refuses with one sentence.
Cancel stores nothing. The application follows ``Settings.changed`` (theme at once, the HTTP
history's recording, the Messenger's fields...); the language is the one thing that waits for
the next start, and the General page says so when it would change.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSysInfo, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.net.interfaces import interface_addresses
from desktop.core.store.saved_messages import SavedMessageStore
from desktop.settings import Setting, Settings
from desktop.ui.messages import Level, Messages
from desktop.ui.messenger.identity_pane import ListInterfaces, login_name
from desktop.ui.preferences.data_page import AskPath, DataPage
from desktop.ui.preferences.files_page import FilesPage
from desktop.ui.preferences.pages import GeneralPage, MessengerPage, Page, WorkPage
from desktop.ui.sentences import say
from desktop.ui.widgets.notice_banner import NoticeBanner

__all__ = ["PreferencesDialog"]

_INVALID = "invalid"  # the key of the message about a refused value


class PreferencesDialog(QDialog):
    """General, Messenger, Workbench and HTTP, Data.

    Args:
        settings: the facade.
        language_in_effect: the interface's language now ("en" or "zh_CN").
        folder: the data folder.
        library: the saved messages (export, import), or None without a database.
        list_interfaces: the Messenger's interface list (tests pass their own).
        ask_path: how the Data page asks for a file (tests pass a function).
    """

    def __init__(
        self,
        settings: Settings,
        language_in_effect: str,
        folder: Path,
        library: SavedMessageStore | None = None,
        parent: QWidget | None = None,
        *,
        list_interfaces: ListInterfaces = interface_addresses,
        ask_path: AskPath | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        self.general = GeneralPage(language_in_effect)
        self.messenger = MessengerPage(list_interfaces, login_name(), QSysInfo.machineHostName())
        self.files = FilesPage()
        self.work = WorkPage()
        self.data = DataPage(settings, folder, library, ask_path)
        self.pages: list[Page] = [self.general, self.messenger, self.files, self.work]
        self.tabs = QTabWidget()
        self.tabs.addTab(self.general, self.tr("General"))
        self.tabs.addTab(self.messenger, self.tr("Messenger"))
        self.tabs.addTab(self.files, self.tr("Files"))
        self.tabs.addTab(self.work, self.tr("Workbench and HTTP"))
        self.tabs.addTab(self.data, self.tr("Data"))
        self.messages = Messages("Preferences", self, info_timeout_ms=0)
        self.banner = NoticeBanner(self.messages)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.data.reported.connect(self._report)
        self.data.settings_imported.connect(self.load)
        self.load()
        self.resize(560, 440)

    @Slot()
    def load(self) -> None:
        """Show the facade's values on every page."""
        for page in self.pages:
            page.load(self.settings)

    def problem(self) -> tuple[str, QWidget] | None:
        """The first refused value: a sentence naming its field, and the field."""
        for page in self.pages:
            for setting, value, widget, label in page.values():
                problem = setting.problem(value, named=False)
                if problem is not None:
                    text = say(problem)
                    if label:
                        text = self.tr("{field}: {problem}").format(field=label, problem=text)
                    return text, widget
        return None

    def accept(self) -> None:
        """Store every value, or none when one is refused (the dialog then stays open)."""
        found = self.problem()
        if found is not None:
            text, widget = found
            self.messages.show(text, Level.ERROR, _INVALID)
            page = widget.parentWidget()
            while page is not None and page not in self.pages:
                page = page.parentWidget()
            if page is not None:
                self.tabs.setCurrentWidget(page)
            widget.setFocus()
            return
        self.messages.clear(_INVALID)
        values: dict[Setting[Any], Any] = {}
        for page in self.pages:
            values.update((setting, value) for setting, value, _, _ in page.values())
        self.settings.set_many(values)
        self.settings.sync()
        super().accept()

    @Slot(str, object)
    def _report(self, text: str, level: object) -> None:
        self.messages.show(text, level if isinstance(level, Level) else Level.INFO, "data")
