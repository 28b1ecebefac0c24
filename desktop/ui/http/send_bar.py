"""How the composer sends: once, N times in a row, as a race, or pipelined; redirects; cancel."""

from __future__ import annotations

import enum

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.core.http.redirect import MAX_REDIRECTS
from desktop.core.http.response import MAX_BODY_BYTES
from desktop.ui.http.request_editor import PIPELINE_SEPARATOR
from desktop.workers.http_bridge import MAX_BATCH

MAX_RESPONSE_CAP_MIB = 4096  # what one user may ask to keep in memory, at most

__all__ = ["PIPELINE_SEPARATOR", "SendBar", "SendMode"]


class SendMode(enum.Enum):
    """What the Send button does."""

    ONCE = "once"
    SEQUENCE = "sequence"
    RACE = "race"
    PIPELINE = "pipeline"


class SendBar(QWidget):
    """Send and Cancel, the send mode and its count, connection reuse and redirect options.

    Signals:
        send_clicked(): the user asked to send.
        cancel_clicked(): the user asked to stop.
        follow_clicked(): the user asked to follow the redirect shown.
        reuse_toggled(bool): connection reuse was switched on or off.
    """

    send_clicked = Signal()
    cancel_clicked = Signal()
    follow_clicked = Signal()
    reuse_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode_combo = QComboBox()
        for mode, label in (
            (SendMode.ONCE, self.tr("Send once")),
            (SendMode.SEQUENCE, self.tr("Send N times")),
            (SendMode.RACE, self.tr("Race N (last-byte sync)")),
            (
                SendMode.PIPELINE,
                self.tr("Pipeline (split at “{separator}”)").format(separator=PIPELINE_SEPARATOR),
            ),
        ):
            self.mode_combo.addItem(label, mode)
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, MAX_BATCH)
        self.count_spin.setValue(5)
        self.count_spin.setPrefix("N = ")
        self.reuse_check = QCheckBox(self.tr("Reuse connection"))
        self.reuse_check.setChecked(True)
        self.connection_label = QLabel()
        self.kept_peer = ""  # the kept-alive connection's peer, "" when none is kept
        self.auto_follow_check = QCheckBox(self.tr("Follow redirects automatically"))
        self.max_redirects_spin = QSpinBox()
        self.max_redirects_spin.setRange(1, 50)
        self.max_redirects_spin.setValue(MAX_REDIRECTS)
        self.max_redirects_spin.setPrefix(self.tr("max "))
        self.follow_button = QPushButton(self.tr("Follow redirect"))
        self.follow_button.setVisible(False)
        self.cap_spin = QSpinBox()
        self.cap_spin.setRange(1, MAX_RESPONSE_CAP_MIB)
        self.cap_spin.setValue(MAX_BODY_BYTES >> 20)
        self.cap_spin.setPrefix(self.tr("keep "))
        self.cap_spin.setSuffix(self.tr(" MiB"))
        self.cap_spin.setToolTip(
            self.tr("Bytes of a response kept and shown; beyond them it is cut with a notice.")
        )
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.mode_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.mode_combo.setMinimumContentsLength(14)
        # Two rows, so that the composer fits a 1024-pixel-wide window.
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        how = QHBoxLayout()
        for widget in (self.mode_combo, self.count_spin, self.reuse_check, self.cap_spin):
            how.addWidget(widget)
        how.addStretch(1)
        how.addWidget(self.send_button)
        how.addWidget(self.cancel_button)
        then = QHBoxLayout()
        then.addWidget(self.connection_label, 1)
        for widget in (self.auto_follow_check, self.max_redirects_spin, self.follow_button):
            then.addWidget(widget)
        layout.addLayout(how, 0, 0)
        layout.addLayout(then, 1, 0)
        self.send_button.clicked.connect(self.send_clicked)
        self.cancel_button.clicked.connect(self.cancel_clicked)
        self.follow_button.clicked.connect(self.follow_clicked)
        self.reuse_check.toggled.connect(self.reuse_toggled)
        self.reuse_check.toggled.connect(lambda _on: self.set_connection(self.kept_peer))
        self.mode_combo.currentIndexChanged.connect(self._update_state)
        self.set_connection("")
        self.set_busy(False)
        self._update_state()

    def mode(self) -> SendMode:
        """The send mode chosen."""
        mode = self.mode_combo.currentData()
        return mode if isinstance(mode, SendMode) else SendMode.ONCE

    def set_mode(self, mode: SendMode) -> None:
        """Choose ``mode``."""
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(mode))

    def count(self) -> int:
        """N for "Send N times" and "Race N"."""
        return self.count_spin.value()

    def response_cap(self) -> int:
        """Bytes of a response to keep (the reader stops there and says so)."""
        return self.cap_spin.value() << 20

    def reuse(self) -> bool:
        """Whether a kept-alive connection is used (a race always opens new ones)."""
        return self.reuse_check.isChecked() and self.mode() is not SendMode.RACE

    def set_busy(self, busy: bool) -> None:
        """Enable Send or Cancel."""
        self.send_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.follow_button.setEnabled(not busy)
        self.mode_combo.setEnabled(not busy)

    def set_connection(self, peer: str) -> None:
        """Show the kept-alive connection (``host:port``), or that there is none."""
        self.kept_peer = peer
        if peer:
            self.connection_label.setText(self.tr("Kept alive: {peer}").format(peer=peer))
        else:
            self.connection_label.setText(self.tr("No open connection"))

    def exchange_done(self, answered: bool) -> None:
        """An exchange ended: with reuse on, a server that answered yet kept no connection
        closed it (or said ``Connection: close``); say so instead of "No open connection"."""
        if answered and self.reuse() and not self.kept_peer:
            self.connection_label.setText(
                self.tr("The server closed the connection; the next request opens a new one.")
            )

    def show_follow(self, location: str | None) -> None:
        """Offer to follow a redirect to ``location``, or hide the button (None)."""
        self.follow_button.setVisible(location is not None)
        self.follow_button.setToolTip(location or "")

    @Slot()
    def _update_state(self) -> None:
        mode = self.mode()
        self.count_spin.setEnabled(mode in (SendMode.SEQUENCE, SendMode.RACE))
        self.reuse_check.setEnabled(mode is not SendMode.RACE)
