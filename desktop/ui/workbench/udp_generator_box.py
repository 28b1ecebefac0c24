"""The UDP session's traffic generator and file-as-datagrams controls (one side tab)."""

from __future__ import annotations

import time

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.net.udp_facts import MAX_IPV4
from desktop.core.net.udp_generator import datagrams_per_second
from desktop.core.session.counters import CounterSample
from desktop.workers.udp_bridge import GeneratorPlan

__all__ = ["GeneratorBox"]

_FASTEST, _DATAGRAMS, _BITS = "fastest", "datagrams", "bits"
_COUNT, _SECONDS, _UNTIL_STOPPED = "count", "seconds", "stopped"


class GeneratorBox(QWidget):
    """Rate (as fast as possible, datagrams/s or bits/s), end (a count, a time or Stop), the
    live datagrams/s and bits/s; and the datagram size and pacing of "Send file…".

    Signals:
        start_requested(): the user pressed Start (the panel builds the plan with ``plan()``).
        stop_requested(): the user pressed Stop.
    """

    start_requested = Signal()
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.running = False
        self._last: tuple[float, CounterSample] | None = None
        self._build()

    def _build(self) -> None:
        self.rate_combo = QComboBox()
        self.rate_combo.setObjectName("generatorRate")
        self.rate_combo.addItem(self.tr("As fast as possible"), _FASTEST)
        self.rate_combo.addItem(self.tr("Datagrams/s"), _DATAGRAMS)
        self.rate_combo.addItem(self.tr("Bits/s"), _BITS)
        self.rate_spin = QDoubleSpinBox()
        self.rate_spin.setRange(0.1, 1e10)
        self.rate_spin.setDecimals(1)
        self.rate_spin.setValue(1000)
        self.end_combo = QComboBox()
        self.end_combo.addItem(self.tr("Datagrams"), _COUNT)
        self.end_combo.addItem(self.tr("Seconds"), _SECONDS)
        self.end_combo.addItem(self.tr("Until stopped"), _UNTIL_STOPPED)
        self.amount_spin = QDoubleSpinBox()
        self.amount_spin.setRange(1, 1e9)
        self.amount_spin.setDecimals(0)
        self.amount_spin.setValue(1000)
        self.start_button = QPushButton(self.tr("Start generator"))
        self.start_button.setObjectName("generatorButton")
        self.live_label = QLabel()
        self.live_label.setObjectName("generatorLive")
        rate_row = QHBoxLayout()
        rate_row.addWidget(self.rate_combo)
        rate_row.addWidget(self.rate_spin)
        end_row = QHBoxLayout()
        end_row.addWidget(self.amount_spin)
        end_row.addWidget(self.end_combo)
        form = QFormLayout()
        form.addRow(self.tr("Rate"), rate_row)
        form.addRow(self.tr("For"), end_row)
        generator = QGroupBox(self.tr("Generator (the send box's data)"))
        box = QVBoxLayout(generator)
        box.addLayout(form)
        box.addWidget(self.start_button)
        box.addWidget(self.live_label)

        self.size_spin = QSpinBox()
        self.size_spin.setRange(1, MAX_IPV4)
        self.size_spin.setValue(1024)
        self.size_spin.setSuffix(self.tr(" bytes"))
        self.pace_spin = QSpinBox()
        self.pace_spin.setRange(0, 60_000)
        self.pace_spin.setValue(1)
        self.pace_spin.setSuffix(self.tr(" ms"))
        files = QGroupBox(self.tr("Send file… as datagrams"))
        file_form = QFormLayout(files)
        file_form.addRow(self.tr("Datagram size"), self.size_spin)
        file_form.addRow(self.tr("Pause between"), self.pace_spin)

        layout = QVBoxLayout(self)
        layout.addWidget(generator)
        layout.addWidget(files)
        layout.addStretch(1)
        self.rate_combo.currentIndexChanged.connect(self._choices_changed)
        self.end_combo.currentIndexChanged.connect(self._choices_changed)
        self.start_button.clicked.connect(self._clicked)
        self._choices_changed()
        self.show_counters(None)

    @Slot()
    def _choices_changed(self) -> None:
        self.rate_spin.setEnabled(self.rate_combo.currentData() != _FASTEST)
        self.amount_spin.setEnabled(self.end_combo.currentData() != _UNTIL_STOPPED)

    @Slot()
    def _clicked(self) -> None:
        if self.running:
            self.stop_requested.emit()
        else:
            self.start_requested.emit()

    def plan(self, payload: bytes, host: str | None, port: int) -> GeneratorPlan:
        """What to run: ``payload`` to ``host``:``port`` (None: the connected peer)."""
        rate: float | None = None
        mode = self.rate_combo.currentData()
        if mode == _DATAGRAMS:
            rate = self.rate_spin.value()
        elif mode == _BITS:
            rate = datagrams_per_second(self.rate_spin.value(), len(payload))
        end = self.end_combo.currentData()
        amount = self.amount_spin.value()
        count = int(amount) if end == _COUNT else None
        seconds = amount if end == _SECONDS else None
        return GeneratorPlan(payload, host, port, rate, count, seconds)

    def file_pacing(self) -> tuple[int, float]:
        """Datagram size and the pause between datagrams (seconds) for a file."""
        return self.size_spin.value(), self.pace_spin.value() / 1000

    def set_running(self, running: bool) -> None:
        """The generator started or stopped."""
        self.running = running
        stop, start = self.tr("Stop generator"), self.tr("Start generator")
        self.start_button.setText(stop if running else start)
        for widget in (self.rate_combo, self.rate_spin, self.end_combo, self.amount_spin):
            widget.setEnabled(not running)
        if running:
            self._last = None
        else:
            self._choices_changed()

    def show_counters(self, counters: CounterSample | None) -> None:
        """Live datagrams/s and bits/s sent, from two successive samples of the counters."""
        if counters is None:
            self.live_label.setText(self.tr("Sending: idle"))
            return
        now = time.monotonic()
        last, self._last = self._last, (now, counters)
        if last is None or now <= last[0]:
            return
        elapsed = now - last[0]
        datagrams = (counters.messages_out - last[1].messages_out) / elapsed
        bits = (counters.bytes_out - last[1].bytes_out) * 8 / elapsed
        self.live_label.setText(
            self.tr("Sending: {datagrams} datagrams/s, {mbits} Mbit/s").format(
                datagrams=f"{datagrams:,.0f}", mbits=f"{bits / 1e6:,.2f}"
            )
        )
