"""The UDP session's broadcast tab: an interface, the address it broadcasts to, one send.

Interfaces are listed by the bridge on its I/O thread (psutil's first import costs tens of
milliseconds, and in tests that thread may live in a network namespace). The plan is checked
here (``plan_broadcast``: no interface, an interface that cannot broadcast, 255.255.255.255
without an interface) and sent by the bridge with SO_BROADCAST set for the user.
"""

from __future__ import annotations

import ipaddress

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.core.errors import SocketDeskError
from desktop.core.net.broadcast import (
    LIMITED_BROADCAST,
    BroadcastPlan,
    broadcast_interfaces,
    plan_broadcast,
)
from desktop.core.net.interfaces import Interface
from desktop.ui.sentences import say
from desktop.workers.udp_bridge import UdpBridge
from desktop.workers.udp_network import not_an_address

__all__ = ["UdpBroadcastWidget", "interface_flags", "interface_text", "interface_tooltip"]


def interface_flags(item: Interface) -> list[str]:
    """The interface's flags as short words (untranslated: they are the system's terms)."""
    flags = ["up" if item.up else "down"]
    if item.loopback:
        flags.append("loopback")
    if item.can_broadcast:
        flags.append("broadcast")
    if item.can_multicast:
        flags.append("multicast")
    return flags


def interface_text(item: Interface, ipv6: bool = False) -> str:
    """One compact line: name, first address / prefix length (the netmask), flags."""
    addresses = item.ipv6() if ipv6 else item.ipv4()
    shown = addresses[0] if addresses else None
    where = "-" if shown is None else shown.address
    if shown is not None and shown.netmask:
        try:  # 255.255.255.0 shown as /24: the line stays short
            prefix = ipaddress.ip_network(f"{shown.address}/{shown.netmask}", strict=False)
            where = f"{shown.address}/{prefix.prefixlen}"
        except ValueError:
            where = f"{shown.address}/{shown.netmask}"
    return f"{item.name}  {where}  {','.join(interface_flags(item))}"


def interface_tooltip(item: Interface) -> str:
    """Every address of the interface, one a line, and its MTU."""
    lines = [f"{a.address}/{a.netmask or '?'}" for a in item.addresses]
    return "\n".join([item.name, *lines, f"MTU {item.mtu}"])


class UdpBroadcastWidget(QWidget):
    """Choose an interface, see where its broadcast goes, send a datagram there.

    Signals:
        problem(object): a typed error or sentence to show through the panel's message path.
        target_chosen(str, int): a directed broadcast was sent: the panel may keep it as target.
    """

    problem = Signal(object)
    target_chosen = Signal(str, int)

    def __init__(self, bridge: UdpBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._interfaces: list[Interface] = []
        self._listed_once = False
        self.interface_combo = QComboBox()
        self.interface_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.interface_combo.setMinimumContentsLength(18)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("List the network interfaces again"))
        self.destination_combo = QComboBox()
        self.destination_combo.setEditable(True)
        self.destination_combo.addItem("")
        self.destination_combo.addItem(LIMITED_BROADCAST)
        line = self.destination_combo.lineEdit()
        line.setPlaceholderText(self.tr("the interface's broadcast address"))
        self.address_label = QLabel()
        self.address_label.setWordWrap(True)
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(2425)
        self.data_edit = QLineEdit()
        self.data_edit.setPlaceholderText(self.tr("text to send (UTF-8)"))
        self.send_button = QPushButton(self.tr("Send to broadcast"))
        self.send_button.setToolTip(self.tr("Sends with SO_BROADCAST set on the session's socket"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.interface_combo, 1)
        row.addWidget(self.refresh_button)
        form = QFormLayout(self)
        form.addRow(self.tr("Interface"), row)
        form.addRow(self.tr("Destination"), self.destination_combo)
        form.addRow("", self.address_label)
        form.addRow(self.tr("Port"), self.port_spin)
        form.addRow(self.tr("Data"), self.data_edit)
        form.addRow(self.send_button)
        self.refresh_button.clicked.connect(bridge.list_interfaces)
        bridge.interfaces_listed.connect(self.set_interfaces)
        self.interface_combo.currentIndexChanged.connect(self._show_address)
        self.destination_combo.currentTextChanged.connect(self._show_address)
        self.send_button.clicked.connect(self.send)
        self._show_address()

    # -- interfaces --------------------------------------------------------------------------------
    def showEvent(self, event: object) -> None:
        """The first time it shows, ask for the interfaces (off the GUI thread)."""
        if not self._listed_once:
            self._listed_once = True
            self._bridge.list_interfaces()
        super().showEvent(event)  # type: ignore[arg-type]

    def set_interfaces(self, interfaces: list[Interface]) -> None:
        """Show ``interfaces`` (the chosen one stays chosen when it is still there)."""
        chosen = self.interface_name()
        self._interfaces = list(interfaces)
        combo = self.interface_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(no interface)"), None)
        for item in self._interfaces:
            combo.addItem(interface_text(item), item.name)
            tip = interface_tooltip(item)
            combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        index = combo.findData(chosen) if chosen else -1
        if index < 0:  # the first that can broadcast, else none
            usable = broadcast_interfaces(self._interfaces)
            index = combo.findData(usable[0].name) if usable else 0
        combo.setCurrentIndex(index)
        combo.blockSignals(False)
        self._show_address()

    def interface_name(self) -> str | None:
        """The chosen interface's name (None: none)."""
        data = self.interface_combo.currentData()
        return str(data) if data else None

    def choose_interface(self, name: str | None) -> None:
        """Choose an interface by name (None: none)."""
        index = self.interface_combo.findData(name) if name else 0
        self.interface_combo.setCurrentIndex(max(index, 0))

    # -- the plan ----------------------------------------------------------------------------------
    def plan(self) -> BroadcastPlan:
        """Where a send goes now.

        Raises:
            SocketDeskError: no interface, an unusable one, or a destination that is no address.
        """
        destination = self.destination_combo.currentText().strip()
        if destination:
            try:
                ipaddress.IPv4Address(destination)
            except ValueError:
                raise not_an_address(destination) from None
        return plan_broadcast(self.interface_name(), destination or None, self._interfaces)

    def _show_address(self) -> None:
        try:
            plan = self.plan()
        except SocketDeskError as error:
            self.address_label.setText(say(error))
            return
        self.address_label.setText(
            self.tr("Sends to {address} from {source}").format(
                address=plan.destination, source=plan.source
            )
        )

    def send(self) -> None:
        """Send the data to the broadcast address (a refusal goes to ``problem``)."""
        try:
            plan = self.plan()
        except SocketDeskError as error:
            self.problem.emit(error)
            return
        port = self.port_spin.value()
        self._bridge.send_broadcast(plan, self.data_edit.text().encode("utf-8"), port)
        if plan.destination != LIMITED_BROADCAST:
            self.target_chosen.emit(plan.destination, port)
