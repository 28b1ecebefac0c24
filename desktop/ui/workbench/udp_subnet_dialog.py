"""Subnet send: one datagram to every host of a CIDR network or an address range.

The count is shown as the range is typed (``parse_targets``); above 256 hosts the user is asked
first. The bridge sends (``send_subnet``, paced by the rate) and reports ``subnet_progress``;
Cancel stops it at once.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.core.errors import SocketDeskError
from desktop.core.net.subnet import SubnetTargets, parse_targets
from desktop.ui.sentences import say
from desktop.workers.udp_bridge import UdpBridge
from desktop.workers.udp_network import SubnetProgress

__all__ = ["CONFIRM_ABOVE", "UdpSubnetDialog"]

CONFIRM_ABOVE = 256  # more hosts than a /24 holds: the user confirms first


class UdpSubnetDialog(QDialog):
    """Send one datagram to every host of a range through ``bridge``."""

    def __init__(
        self,
        bridge: UdpBridge,
        port: int = 2425,
        data: bytes = b"",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Subnet send"))
        self._bridge = bridge
        self._targets: SubnetTargets | None = None
        self._running = False
        self.confirmation: QMessageBox | None = None
        self.targets_edit = QLineEdit()
        self.targets_edit.setPlaceholderText("198.18.0.0/24, 198.18.0.1-20")
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setValue(port or 2425)
        self.data_edit = QLineEdit(data.decode("utf-8", "replace"))
        self.data_edit.setPlaceholderText(self.tr("text to send (UTF-8)"))
        self.rate_spin = QDoubleSpinBox()
        self.rate_spin.setRange(0, 1_000_000)
        self.rate_spin.setDecimals(1)
        self.rate_spin.setSuffix(self.tr(" datagrams/s"))
        self.rate_spin.setSpecialValueText(self.tr("as fast as possible"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel sending"))
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        form = QFormLayout(self)
        form.addRow(self.tr("Hosts"), self.targets_edit)
        form.addRow("", self.count_label)
        form.addRow(self.tr("Port"), self.port_spin)
        form.addRow(self.tr("Data"), self.data_edit)
        form.addRow(self.tr("Rate limit"), self.rate_spin)
        form.addRow(self.progress)
        form.addRow(self.status_label)
        form.addRow(buttons)
        self.targets_edit.textChanged.connect(self._count)
        self.send_button.clicked.connect(self.send)
        self.cancel_button.clicked.connect(bridge.cancel_subnet)
        self.close_button.clicked.connect(self.reject)
        bridge.subnet_progress.connect(self._progress)
        self._count()

    def count(self) -> int | None:
        """Hosts in the range typed (None: not a range)."""
        return None if self._targets is None else len(self._targets)

    def _count(self) -> None:
        text = self.targets_edit.text().strip()
        self._targets = None
        if not text:
            self.count_label.setText(self.tr("Type a network (CIDR) or an address range."))
        else:
            try:
                self._targets = parse_targets(text)
            except SocketDeskError as error:
                self.count_label.setText(say(error))
            else:
                first, last = self._targets.first, self._targets.last
                self.count_label.setText(
                    self.tr("Hosts: {count} ({first} to {last})").format(
                        count=len(self._targets), first=first, last=last
                    )
                )
        self._buttons()

    def _buttons(self) -> None:
        self.send_button.setEnabled(self._targets is not None and not self._running)
        self.cancel_button.setEnabled(self._running)

    def send(self) -> None:
        """Start the send (asking first above 256 hosts)."""
        targets = self._targets
        if targets is None or self._running:
            return
        if len(targets) <= CONFIRM_ABOVE:
            self._start()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Subnet send"),
            self.tr("Send to {count} hosts ({first} to {last}) on port {port}?").format(
                count=len(targets),
                first=targets.first,
                last=targets.last,
                port=self.port_spin.value(),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda result: self._confirmed(box, result))
        self.confirmation = box
        box.open()

    def _confirmed(self, box: QMessageBox, result: int) -> None:
        self.confirmation = None
        box.deleteLater()
        if result == QMessageBox.StandardButton.Yes.value:
            self._start()

    def _start(self) -> None:
        rate = self.rate_spin.value()
        self._running = True
        self._buttons()
        self.status_label.clear()
        self._bridge.send_subnet(
            self.targets_edit.text().strip(),
            self.port_spin.value(),
            self.data_edit.text().encode("utf-8"),
            rate if rate > 0 else None,
        )

    def _progress(self, progress: SubnetProgress) -> None:
        self.progress.setRange(0, max(progress.total, 1))
        self.progress.setValue(progress.done)
        self.status_label.setText(
            self.tr("Sent {sent} of {total}, refused {refused}").format(
                sent=progress.sent, total=progress.total, refused=progress.refused
            )
        )
        if progress.finished:
            self._running = False
            if progress.cancelled:
                self.status_label.setText(
                    self.tr("Cancelled: sent {sent} of {total}, refused {refused}").format(
                        sent=progress.sent, total=progress.total, refused=progress.refused
                    )
                )
        else:
            self._running = True
        self._buttons()
