"""Plug the UDP session's network tools (broadcast, multicast, subnet send) into its panel.

The panel offers ``add_side_tab(widget, title)``, ``add_tool(widget)``, ``target()`` and
``set_target(host, port)``, and shows problems through ``show_error``; the panel's constructor
calls ``attach_network_tools(self, bridge)`` once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from desktop.ui.sentences import Said
from desktop.ui.workbench.udp_broadcast import UdpBroadcastWidget
from desktop.ui.workbench.udp_multicast_pane import UdpMulticastPane
from desktop.ui.workbench.udp_subnet_dialog import UdpSubnetDialog
from desktop.workers.udp_bridge import UdpBridge

__all__ = ["NetworkTools", "UdpToolHost", "attach_network_tools"]


class UdpToolHost(Protocol):
    """What the tools need of the UDP session panel."""

    def add_side_tab(self, widget: QWidget, title: str) -> None: ...
    def add_tool(self, widget: QWidget) -> None: ...
    def target(self) -> tuple[str, int] | None: ...
    def set_target(self, host: str, port: int) -> None: ...
    def show_error(self, what: Said, key: str | None = None) -> None: ...


@dataclass
class NetworkTools:
    """The tools attached to one panel."""

    host: UdpToolHost
    bridge: UdpBridge
    broadcast: UdpBroadcastWidget
    multicast: UdpMulticastPane
    subnet_button: QPushButton
    subnet_dialog: UdpSubnetDialog | None = field(default=None)

    def open_subnet_dialog(self) -> UdpSubnetDialog:
        """Show the subnet send dialog (one per panel, kept between uses)."""
        if self.subnet_dialog is None:
            target = self.host.target()
            port = target[1] if target else 2425
            parent = self.host if isinstance(self.host, QWidget) else None
            self.subnet_dialog = UdpSubnetDialog(self.bridge, port, parent=parent)
        self.subnet_dialog.show()
        self.subnet_dialog.raise_()
        return self.subnet_dialog


def attach_network_tools(panel: UdpToolHost, bridge: UdpBridge) -> NetworkTools:
    """Add the Broadcast and Multicast tabs and a "Subnet send…" tool to ``panel``."""

    broadcast = UdpBroadcastWidget(bridge)
    multicast = UdpMulticastPane(bridge)
    button = QPushButton(QCoreApplication.translate("UdpNetworkTools", "Subnet send…"))
    button.setToolTip(
        QCoreApplication.translate(
            "UdpNetworkTools", "Send one datagram to every host of a network or address range"
        )
    )
    tools = NetworkTools(panel, bridge, broadcast, multicast, button)
    target = panel.target()
    if target is not None and target[1]:
        broadcast.port_spin.setValue(target[1])
    panel.add_side_tab(broadcast, QCoreApplication.translate("UdpNetworkTools", "Broadcast"))
    panel.add_side_tab(multicast, QCoreApplication.translate("UdpNetworkTools", "Multicast"))
    panel.add_tool(button)
    for widget in (broadcast, multicast):
        widget.problem.connect(lambda what: panel.show_error(what, "udp-network"))
        widget.target_chosen.connect(panel.set_target)
    button.clicked.connect(tools.open_subnet_dialog)
    return tools
