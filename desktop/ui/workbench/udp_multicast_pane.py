"""The UDP session's multicast tab: join and leave groups, send options, the groups joined.

Every action is a bridge command acting on the running session's socket on the I/O thread
(``MulticastSocket``); the groups come back on ``joined_groups`` and refusals (``NoMulticast``,
``BadGroup``, ``SourceMulticastUnsupported``…) on the bridge's ``error_occurred``, which the
panel shows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.net.interfaces import Interface
from desktop.core.net.multicast import Membership
from desktop.ui.workbench.udp_broadcast import interface_text, interface_tooltip
from desktop.workers.udp_bridge import UdpBridge

__all__ = ["UdpMulticastPane"]


class UdpMulticastPane(QWidget):
    """Join/leave groups (IPv4 or IPv6, per interface, optionally from one source), TTL and
    loopback for sending, and the list of joined groups.

    Signals:
        problem(object): a refusal made here (translated text) for the panel's message path.
        target_chosen(str, int): "Send to this group" was asked: the group and port.
    """

    problem = Signal(object)
    target_chosen = Signal(str, int)

    def __init__(self, bridge: UdpBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._listed_once = False
        self.group_edit = QLineEdit()
        self.group_edit.setPlaceholderText("239.1.2.3 / ff12::1")
        self.interface_combo = QComboBox()
        self.interface_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.interface_combo.setMinimumContentsLength(18)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("List the network interfaces again"))
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("any source (optional)"))
        self.source_edit.setToolTip(
            self.tr("Source-specific multicast: receive the group only from this address")
        )
        self.join_button = QPushButton(self.tr("Join"))
        self.groups = QTreeWidget()
        self.groups.setHeaderLabels([self.tr("Group"), self.tr("Interface"), self.tr("Source")])
        self.groups.setRootIsDecorated(False)
        self.groups.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.leave_button = QPushButton(self.tr("Leave"))
        self.leave_button.setEnabled(False)
        self.ttl_spin = QSpinBox()
        self.ttl_spin.setRange(0, 255)
        self.ttl_spin.setValue(1)
        self.ttl_spin.setToolTip(self.tr("TTL (IPv4) or hop limit (IPv6) of multicast sent"))
        self.loopback_check = QCheckBox(self.tr("Loopback"))
        self.loopback_check.setChecked(True)
        self.loopback_check.setToolTip(self.tr("This machine's own members receive what is sent"))
        self.apply_button = QPushButton(self.tr("Apply"))
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(5000)
        self.target_button = QPushButton(self.tr("Send to this group"))
        self.target_button.setToolTip(self.tr("Make the group and port the send target"))

        pick = QHBoxLayout()
        pick.setContentsMargins(0, 0, 0, 0)
        pick.addWidget(self.interface_combo, 1)
        pick.addWidget(self.refresh_button)
        form = QFormLayout()
        form.addRow(self.tr("Group"), self.group_edit)
        form.addRow(self.tr("Interface"), pick)
        form.addRow(self.tr("Source"), self.source_edit)
        form.addRow(self.join_button)
        sending = QHBoxLayout()
        sending.setContentsMargins(0, 0, 0, 0)
        sending.addWidget(self.ttl_spin)
        sending.addWidget(self.loopback_check)
        sending.addWidget(self.apply_button)
        sending.addStretch(1)
        target = QHBoxLayout()
        target.setContentsMargins(0, 0, 0, 0)
        target.addWidget(self.port_spin)
        target.addWidget(self.target_button)
        target.addStretch(1)
        below = QFormLayout()
        below.addRow(self.tr("TTL / hops"), sending)
        below.addRow(self.tr("Port"), target)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.groups, 1)
        layout.addWidget(self.leave_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(below)

        self.refresh_button.clicked.connect(bridge.list_interfaces)
        bridge.interfaces_listed.connect(self.set_interfaces)
        bridge.joined_groups.connect(self.set_joined)
        self.join_button.clicked.connect(self.join)
        self.group_edit.returnPressed.connect(self.join)
        self.leave_button.clicked.connect(self.leave_selected)
        self.groups.itemSelectionChanged.connect(
            lambda: self.leave_button.setEnabled(bool(self.groups.selectedItems()))
        )
        self.apply_button.clicked.connect(self.apply_options)
        self.target_button.clicked.connect(self._choose_target)

    def showEvent(self, event: object) -> None:
        """The first time it shows, ask for the interfaces (off the GUI thread)."""
        if not self._listed_once:
            self._listed_once = True
            self._bridge.list_interfaces()
        super().showEvent(event)  # type: ignore[arg-type]

    def set_interfaces(self, interfaces: list[Interface]) -> None:
        """Offer the interfaces that can multicast first (any can be chosen: a refusal says why)."""
        chosen = self.interface_name()
        ordered = sorted(
            interfaces, key=lambda item: not (item.up and item.can_multicast and not item.loopback)
        )
        combo = self.interface_combo
        combo.clear()
        for item in ordered:
            combo.addItem(interface_text(item, ipv6=not item.ipv4()), item.name)
            combo.setItemData(
                combo.count() - 1, interface_tooltip(item), Qt.ItemDataRole.ToolTipRole
            )
        index = combo.findData(chosen) if chosen else -1
        combo.setCurrentIndex(max(index, 0))

    def interface_name(self) -> str | None:
        """The chosen interface's name."""
        data = self.interface_combo.currentData()
        return str(data) if data else None

    def choose_interface(self, name: str) -> None:
        """Choose an interface by name."""
        self.interface_combo.setCurrentIndex(max(self.interface_combo.findData(name), 0))

    # -- commands ----------------------------------------------------------------------------------
    def join(self) -> None:
        """Join the group typed on the chosen interface."""
        group, interface = self.group_edit.text().strip(), self.interface_name()
        if not group:
            self.problem.emit(self.tr("Type the multicast group to join."))
            return
        if interface is None:
            self.problem.emit(self.tr("Choose the interface to join the group on."))
            return
        self._bridge.join_group(group, interface, self.source_edit.text().strip() or None)

    def leave_selected(self) -> None:
        """Leave the groups selected in the list."""
        for row in self.groups.selectedItems():
            member = row.data(0, Qt.ItemDataRole.UserRole)
            if isinstance(member, Membership):
                self._bridge.leave_group(member.group, member.interface, member.source)

    def apply_options(self) -> None:
        """Set TTL / hop limit and loopback (and the chosen interface for sending)."""
        self._bridge.set_multicast_options(
            self.ttl_spin.value(), self.loopback_check.isChecked(), self.interface_name()
        )

    def set_joined(self, members: list[Membership]) -> None:
        """Show the groups joined on the session's socket."""
        self.groups.clear()
        for member in members:
            row = QTreeWidgetItem([member.group, member.interface, member.source or ""])
            row.setData(0, Qt.ItemDataRole.UserRole, member)
            self.groups.addTopLevelItem(row)
        self.leave_button.setEnabled(False)

    def joined(self) -> list[tuple[str, str, str | None]]:
        """The groups shown: (group, interface, source)."""
        rows = []
        for index in range(self.groups.topLevelItemCount()):
            row = self.groups.topLevelItem(index)
            rows.append((row.text(0), row.text(1), row.text(2) or None))
        return rows

    def _choose_target(self) -> None:
        group = self.group_edit.text().strip()
        if not group:
            self.problem.emit(self.tr("Type the multicast group to send to."))
            return
        self.target_chosen.emit(group, self.port_spin.value())
