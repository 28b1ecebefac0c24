"""The pages of the preferences dialog: each shows some settings and says what it would store.

A page reads its fields from the facade (``load``) and hands back the values they show
(``values``), each paired with the widget it came from so the dialog can point at a wrong one.
Nothing is stored here: the dialog checks every value first and stores them all on OK.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.codec.input import ENCODINGS
from desktop.core.net.interfaces import interface_addresses
from desktop.settings import MESSENGER_CODEPAGES, Setting, Settings
from desktop.ui.messenger.identity_pane import ALL_INTERFACES, ListInterfaces, wire_name
from desktop.ui.translations import LANGUAGES, language_for

__all__ = ["Field", "GeneralPage", "MessengerPage", "Page", "WorkPage", "note"]

# A value a page would store, and the widget (with its label) that shows it.
Field = tuple[Setting[Any], Any, QWidget, str]


def note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setEnabled(False)  # drawn as secondary text, in the palette's disabled colour
    return label


def _choose(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(max(combo.findData(value), 0))


class Page(QWidget):
    """A page of settings in a form."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)

    def label_of(self, widget: QWidget) -> str:
        """The text of the form label beside ``widget`` (without its mnemonic)."""
        label = self.form.labelForField(widget)
        return label.text().replace("&", "") if isinstance(label, QLabel) else ""

    def load(self, settings: Settings) -> None:
        """Show the values in ``settings``."""
        raise NotImplementedError

    def values(self) -> list[Field]:
        """What the fields show, to be stored."""
        raise NotImplementedError


class GeneralPage(Page):
    """Theme, language, quitting, the tray.

    Args:
        language_in_effect: the language code the interface is in now ("en", "zh_CN").
    """

    def __init__(self, language_in_effect: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language_in_effect = language_in_effect
        self.theme = QComboBox()
        self.theme.setObjectName("themeCombo")
        for value, label in (
            ("system", self.tr("Follow system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme.addItem(label, value)
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        self.language.addItem(self.tr("System language"), "system")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language_note = note("")
        self.language_note.setObjectName("languageNote")
        self.confirm_quit = QCheckBox(self.tr("Ask before quitting while something is running"))
        self.close_to_tray = QCheckBox(
            self.tr("Keep the Messenger running in the tray when the window is closed")
        )
        self.form.addRow(self.tr("&Theme"), self.theme)
        self.form.addRow(self.tr("&Language"), self.language)
        self.form.addRow("", self.language_note)
        self.form.addRow("", self.confirm_quit)
        self.form.addRow("", self.close_to_tray)
        self.start_minimised = QCheckBox(self.tr("Start minimised to the tray"))
        self.start_at_login = QCheckBox(self.tr("Start SocketDesk at login"))
        self.form.addRow("", self.start_minimised)
        self.form.addRow("", self.start_at_login)
        self.language.currentIndexChanged.connect(self._language_changed)

    def load(self, settings: Settings) -> None:
        _choose(self.theme, settings.get(Settings.THEME))
        _choose(self.language, settings.get(Settings.LANGUAGE))
        self.confirm_quit.setChecked(settings.get(Settings.CONFIRM_QUIT))
        self.close_to_tray.setChecked(settings.get(Settings.MESSENGER_CLOSE_TO_TRAY))
        self.start_minimised.setChecked(settings.get(Settings.START_MINIMISED))
        self.start_at_login.setChecked(settings.get(Settings.START_AT_LOGIN))
        self._language_changed()

    def values(self) -> list[Field]:
        theme_label, language_label = self.label_of(self.theme), self.label_of(self.language)
        return [
            (Settings.THEME, self.theme.currentData(), self.theme, theme_label),
            (Settings.LANGUAGE, self.language.currentData(), self.language, language_label),
            (Settings.CONFIRM_QUIT, self.confirm_quit.isChecked(), self.confirm_quit, ""),
            (
                Settings.MESSENGER_CLOSE_TO_TRAY,
                self.close_to_tray.isChecked(),
                self.close_to_tray,
                "",
            ),
            (Settings.START_MINIMISED, self.start_minimised.isChecked(), self.start_minimised, ""),
            (Settings.START_AT_LOGIN, self.start_at_login.isChecked(), self.start_at_login, ""),
        ]

    def chosen_language(self) -> str:
        """The language code the chosen entry stands for ("system" resolved)."""
        return language_for(str(self.language.currentData()))

    def _language_changed(self) -> None:
        """Say plainly that a new language needs a restart: the open windows keep theirs."""
        if self.chosen_language() == self.language_in_effect:
            self.language_note.setText("")
            self.language_note.setVisible(False)
            return
        name = LANGUAGES.get(self.chosen_language(), self.chosen_language())
        self.language_note.setText(
            self.tr(
                "SocketDesk will be in {language} from its next start; the open windows keep "
                "the language they were built in."
            ).format(language=name)
        )
        self.language_note.setVisible(True)


class MessengerPage(Page):
    """Who the Messenger says we are and where it listens."""

    def __init__(
        self,
        list_interfaces: ListInterfaces = interface_addresses,
        user: str = "",
        host: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.nickname = QLineEdit()
        self.nickname.setObjectName("nicknameEdit")
        self.group = QLineEdit()
        self.group.setPlaceholderText(self.tr("optional"))
        self.login = QLabel(
            self.tr("{user} on {host} (from the system)").format(
                user=wire_name(user) or "user", host=wire_name(host) or "localhost"
            )
        )
        self.interface = QComboBox()
        self.interface.addItem(self.tr("All interfaces"), "")
        seen = set()
        for item in list_interfaces():
            if item.up and item.address not in seen and item.address != ALL_INTERFACES:
                seen.add(item.address)
                self.interface.addItem(f"{item.name} — {item.address}", item.address)
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.port.setToolTip(self.tr("0 lets the system pick a free port"))
        self.codepage = QComboBox()
        for name in MESSENGER_CODEPAGES:
            self.codepage.addItem(name.upper(), name)
        self.codepage.setToolTip(
            self.tr("How text without a UTF-8 flag is read and written (CP936, CP932…)")
        )
        self.form.addRow(self.tr("&Nickname"), self.nickname)
        self.form.addRow(self.tr("&Group"), self.group)
        self.form.addRow(self.tr("User and host"), self.login)
        self.form.addRow(self.tr("&Interface"), self.interface)
        self.form.addRow(self.tr("&Port"), self.port)
        self.form.addRow(self.tr("Legacy &code page"), self.codepage)
        self.form.addRow("", note(self.tr("A running Messenger uses these from its next start.")))

    def load(self, settings: Settings) -> None:
        self.nickname.setText(settings.get(Settings.MESSENGER_NICKNAME))
        self.group.setText(settings.get(Settings.MESSENGER_GROUP))
        address = settings.get(Settings.MESSENGER_INTERFACE)
        if address and self.interface.findData(address) < 0:  # chosen, but not here now
            self.interface.addItem(
                self.tr("{address} (not found)").format(address=address), address
            )
        _choose(self.interface, address)
        self.port.setValue(settings.get(Settings.MESSENGER_PORT))
        _choose(self.codepage, settings.get(Settings.MESSENGER_CODEPAGE))

    def values(self) -> list[Field]:
        return [
            (
                Settings.MESSENGER_NICKNAME,
                self.nickname.text().strip(),
                self.nickname,
                self.label_of(self.nickname),
            ),
            (
                Settings.MESSENGER_GROUP,
                self.group.text().strip(),
                self.group,
                self.label_of(self.group),
            ),
            (
                Settings.MESSENGER_INTERFACE,
                str(self.interface.currentData() or ""),
                self.interface,
                self.label_of(self.interface),
            ),
            (Settings.MESSENGER_PORT, self.port.value(), self.port, self.label_of(self.port)),
            (
                Settings.MESSENGER_CODEPAGE,
                self.codepage.currentData(),
                self.codepage,
                self.label_of(self.codepage),
            ),
        ]


class WorkPage(Page):
    """Workbench and HTTP composer defaults: encoding, log size, history, proxy."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.encoding = QComboBox()
        for codec, label in ENCODINGS:
            self.encoding.addItem(label, codec)
        self.log_cap = QSpinBox()
        self.log_cap.setObjectName("logCapSpin")
        lo, hi = Settings.LOG_MAX_MB.bounds or (1, 4096)
        self.log_cap.setRange(int(lo), int(hi))
        self.log_cap.setSuffix(" MiB")
        self.record_history = QCheckBox(self.tr("Record every HTTP exchange in the history"))
        self.record_history.setObjectName("recordHistoryCheck")
        self.proxy = QLabel(
            self.tr(
                "None. The composer connects straight to the host it is given; proxy settings "
                "of the system (HTTP_PROXY, HTTPS_PROXY) are never used."
            )
        )
        self.proxy.setWordWrap(True)
        self.form.addRow(self.tr("Send &encoding"), self.encoding)
        self.form.addRow("", note(self.tr("For sessions opened from now on.")))
        self.form.addRow(self.tr("Session &log keeps"), self.log_cap)
        self.form.addRow("", note(self.tr("The oldest records go first; for new sessions.")))
        self.form.addRow(self.tr("HTTP history"), self.record_history)
        self.form.addRow(self.tr("HTTP proxy"), self.proxy)

    def load(self, settings: Settings) -> None:
        _choose(self.encoding, settings.get(Settings.SEND_ENCODING))
        self.log_cap.setValue(settings.get(Settings.LOG_MAX_MB))
        self.record_history.setChecked(settings.get(Settings.HTTP_RECORD_HISTORY))

    def values(self) -> list[Field]:
        return [
            (
                Settings.SEND_ENCODING,
                self.encoding.currentData(),
                self.encoding,
                self.label_of(self.encoding),
            ),
            (Settings.LOG_MAX_MB, self.log_cap.value(), self.log_cap, self.label_of(self.log_cap)),
            (
                Settings.HTTP_RECORD_HISTORY,
                self.record_history.isChecked(),
                self.record_history,
                "",
            ),
        ]
