"""Identity and network settings of the Messenger: a pane that folds away once started.

Nickname, group, the interface to use (all, or one), the port, extra broadcast targets and the
legacy code page; loaded from and saved to the settings facade.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QSysInfo, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.ipmsg.constants import PORT
from desktop.core.ipmsg.identity import Identity
from desktop.core.ipmsg.messenger_errors import NoBroadcastAddress
from desktop.core.ipmsg.node_settings import NodeSettings
from desktop.core.ipmsg.targets import parse_targets
from desktop.core.net.interfaces import InterfaceAddress, interface_addresses
from desktop.settings import MESSENGER_CODEPAGES, Setting, Settings

__all__ = ["ALL_INTERFACES", "CODEPAGES", "IdentityPane", "ListInterfaces", "StartRequest"]

ALL_INTERFACES = "0.0.0.0"
# The ANSI code pages IP Messenger users have (§2.1): what unflagged text is read and written in.
CODEPAGES = MESSENGER_CODEPAGES

ListInterfaces = Callable[[], list[InterfaceAddress]]


def wire_name(name: str) -> str:
    """IPMsg's rule for names on the wire: ':' becomes ';' and control characters go (§1.1)."""
    return "".join(c for c in name.replace(":", ";") if ord(c) >= 0x20)


def login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment nor the password database
        return "user"


@dataclass(frozen=True)
class StartRequest:
    """What to start a node with, and a warning to show first (empty: none).

    Attributes:
        identity: who we are.
        settings: the node's settings, with the port and every target.
        bind: the address to bind.
        warning: a sentence about the broadcast reach, if it is limited.
        warning_kind: ``error`` (nobody will find us) or ``info`` (only the extra targets).
    """

    identity: Identity
    settings: NodeSettings
    bind: str
    warning: str = ""
    warning_kind: str = "info"


class IdentityPane(QWidget):
    """The identity and network fields, with a button that folds them away.

    Args:
        list_interfaces: where the interface chooser's entries come from (tests pass a list).
        parent: the parent widget.
    """

    def __init__(
        self, list_interfaces: ListInterfaces = interface_addresses, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._list_interfaces = list_interfaces
        self._interfaces: dict[str, InterfaceAddress] = {}
        self.user = wire_name(login_name()) or "user"
        self.host = wire_name(QSysInfo.machineHostName()) or "localhost"
        self.toggle = QToolButton()
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setText(self.tr("Identity and network"))
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.toggled.connect(self._fold)
        self.nickname = QLineEdit()
        self.nickname.setPlaceholderText(self.tr("Nickname"))
        self.group = QLineEdit()
        self.group.setPlaceholderText(self.tr("Group (optional)"))
        self.interface = QComboBox()
        self.interface.setToolTip(
            self.tr("Where to listen and announce: every interface, or only one")
        )
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.port.setValue(PORT)
        self.port.setToolTip(self.tr("0 lets the system pick a free port"))
        self.targets = QLineEdit()
        self.targets.setPlaceholderText(
            self.tr(
                "Extra broadcast targets: addresses, subnets (a.b.c.0/24) or ranges, comma-separated"  # noqa: E501 (one literal for lupdate)
            )
        )
        self.codepage = QComboBox()
        for name in CODEPAGES:
            self.codepage.addItem(name.upper(), name)
        self.codepage.setToolTip(
            self.tr("How text without a UTF-8 flag is read and written (CP936, CP932…)")
        )
        self.fields = QWidget()
        form = QFormLayout(self.fields)
        form.setContentsMargins(0, 0, 0, 0)
        names = QHBoxLayout()
        names.addWidget(self.nickname, 1)
        names.addWidget(self.group, 1)
        form.addRow(self.tr("Nickname / group"), names)
        network = QHBoxLayout()
        network.addWidget(self.interface, 2)
        network.addWidget(self.port)
        network.addWidget(self.codepage)
        form.addRow(self.tr("Interface, port, code page"), network)
        form.addRow(self.tr("Targets"), self.targets)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.fields)
        self.reload_interfaces()

    # -- interfaces -------------------------------------------------------------------------------
    def reload_interfaces(self) -> None:
        """List the interfaces again (keeping the choice when it is still there)."""
        chosen = self.bind_address()
        self.interface.clear()
        self.interface.addItem(self.tr("All interfaces"), ALL_INTERFACES)
        self._interfaces = {}
        for item in self._list_interfaces():
            if not item.up or item.address in self._interfaces:
                continue
            self._interfaces[item.address] = item
            self.interface.addItem(f"{item.name} — {item.address}", item.address)
        self.set_interface(chosen)

    def use_interface_list(self, list_interfaces: ListInterfaces) -> None:
        """Take the interfaces from ``list_interfaces`` from now on (a test LAN's, say)."""
        self._list_interfaces = list_interfaces
        self.reload_interfaces()

    def set_interface(self, address: str) -> None:
        """Choose the interface with ``address`` (or all, if it is not listed)."""
        index = self.interface.findData(address or ALL_INTERFACES)
        self.interface.setCurrentIndex(max(index, 0))

    def bind_address(self) -> str:
        """The address to bind: ``0.0.0.0`` for all interfaces."""
        data = self.interface.currentData()
        return str(data) if data else ALL_INTERFACES

    def broadcasts(self) -> tuple[list[str], str]:
        """The chosen interfaces' broadcast addresses, and what was chosen, in words."""
        address = self.bind_address()
        if address == ALL_INTERFACES:
            found = dict.fromkeys(
                item.broadcast
                for item in self._interfaces.values()
                if item.broadcast and not item.loopback
            )
            return [b for b in found if b], self.tr("no network interface")
        item = self._interfaces.get(address)
        if item is None or not item.broadcast:
            name = f"{item.name} ({address})" if item else address
            return [], name
        return [item.broadcast], item.name

    def start_request(self, base: NodeSettings) -> StartRequest:
        """The identity, settings and bind address the fields describe.

        Raises:
            SocketDeskError: a field is wrong (a name with a control character, a bad target).
        """
        identity = Identity(
            self.user,
            self.host,
            self.nickname.text().strip(),
            self.group.text().strip(),
            legacy_encoding=self.codepage_name(),
        )
        texts = [t for t in self.targets.text().replace(",", " ").split() if t]
        extra = parse_targets(texts, PORT)
        port = self.port.value()
        broadcasts, where = self.broadcasts()
        found = tuple((address, port or PORT) for address in broadcasts)
        settings = replace(base, port=port, targets=found + extra)
        request = StartRequest(identity, settings, self.bind_address())
        if broadcasts:
            return request
        if extra:
            warning = self.tr(
                "{where} has no broadcast address; only the extra targets are announced to."
            ).format(where=where)
            return replace(request, warning=warning)
        if self.bind_address() == ALL_INTERFACES:
            return replace(request, warning=str(NoBroadcastAddress()), warning_kind="error")
        warning = self.tr(
            "{where} has no broadcast address, so other users cannot find you: choose "
            "another interface, or add targets."
        ).format(where=where)
        return replace(request, warning=warning, warning_kind="error")

    def codepage_name(self) -> str:
        """The legacy code page chosen."""
        return str(self.codepage.currentData() or CODEPAGES[0])

    # -- persistence ------------------------------------------------------------------------------
    def load(self, settings: Settings) -> None:
        """Fill the fields from ``settings`` (the nickname only if one was saved)."""
        nickname = settings.get(Settings.MESSENGER_NICKNAME)
        if nickname:
            self.nickname.setText(nickname)
        self.group.setText(settings.get(Settings.MESSENGER_GROUP))
        self.set_interface(settings.get(Settings.MESSENGER_INTERFACE))
        self.port.setValue(settings.get(Settings.MESSENGER_PORT))
        self.targets.setText(settings.get(Settings.MESSENGER_TARGETS))
        index = self.codepage.findData(settings.get(Settings.MESSENGER_CODEPAGE))
        self.codepage.setCurrentIndex(max(index, 0))

    def save(self, settings: Settings) -> None:
        """Store the fields in ``settings`` (a value the setting refuses, a name too long, is
        left as it was: this runs at exit too)."""
        address = self.bind_address()
        values: dict[Setting[Any], Any] = {
            Settings.MESSENGER_NICKNAME: self.nickname.text().strip(),
            Settings.MESSENGER_GROUP: self.group.text().strip(),
            Settings.MESSENGER_INTERFACE: "" if address == ALL_INTERFACES else address,
            Settings.MESSENGER_PORT: self.port.value(),
            Settings.MESSENGER_TARGETS: self.targets.text().strip(),
            Settings.MESSENGER_CODEPAGE: self.codepage_name(),
        }
        settings.set_many({k: v for k, v in values.items() if k.problem(v) is None})

    def set_editable(self, editable: bool) -> None:
        """Fields can be changed only while stopped; starting folds the pane."""
        self.fields.setEnabled(editable)
        self.toggle.setChecked(editable)

    def _fold(self, shown: bool) -> None:
        self.fields.setVisible(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
