"""What every workbench session panel has: banner, log, send box, export, save, counters."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.capture import Direction, Record, RecordBatch
from desktop.core.capture.export import export_hexdump, export_raw, export_text
from desktop.core.capture.pcapng import Endpoints, export_pcapng
from desktop.core.errors import SocketDeskError
from desktop.settings import Settings
from desktop.ui.sentences import say
from desktop.ui.widgets.log_view import LogView
from desktop.ui.widgets.notice_banner import NoticeBanner
from desktop.ui.widgets.saved_messages import SavedMessages
from desktop.ui.widgets.send_box import SendBox
from desktop.workers.session_bridge import SessionBridge
from desktop.workers.task_runner import TaskRunner

__all__ = ["SessionPanel", "split_address"]


def split_address(address: str) -> tuple[str, int]:
    """``"[::1]:80"`` → ``("::1", 80)``; ``"198.18.0.1:7"`` → ``("198.18.0.1", 7)``."""
    host, _, port = address.rpartition(":")
    return host.strip("[]"), int(port) if port.isdigit() else 0


class SessionPanel(QWidget):
    """Base of the session panels; subclasses add their own controls above the log.

    Signals:
        counters_changed(object): the session's latest RecordBatch (totals and counts).
        status_changed(str): a short status for the window's status bar.
        title_changed(str): a short name for the session's tab.
    """

    counters_changed = Signal(object)
    status_changed = Signal(str)
    title_changed = Signal(str)

    def __init__(
        self,
        bridge: SessionBridge,
        settings: Settings,
        runner: TaskRunner,
        parent: QWidget | None = None,
        library: SavedMessages | None = None,
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings
        self.runner = runner
        self.peer = ""
        self.last_batch: RecordBatch | None = None
        self.banner = NoticeBanner()
        self.log = LogView(settings.get(Settings.LOG_MAX_MB) * 1024 * 1024)
        self.send_box = SendBox(library=library)
        self.save_check = QCheckBox(self.tr("Save received data to a file…"))
        self.save_check.setObjectName("saveCheck")
        self.controls = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.controls)
        layout.addWidget(self.banner)
        self.body = QSplitter(Qt.Orientation.Horizontal)  # subclasses may add panes beside the log
        self.body.addWidget(self.log)
        layout.addWidget(self.body, 1)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_check)
        save_row.addStretch(1)
        layout.addLayout(save_row)
        layout.addWidget(self.send_box)
        self._connect_base_signals()

    def add_side_pane(self, main: QWidget, *below: QWidget) -> None:
        """A pane left of the log: ``main`` stretching, ``below`` under it (servers, relays)."""
        side = QWidget()
        layout = QVBoxLayout(side)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(main, 1)
        for widget in below:
            layout.addWidget(widget)
        self.body.insertWidget(0, side)
        self.body.setStretchFactor(0, 2)
        self.body.setStretchFactor(1, 3)

    def _connect_base_signals(self) -> None:
        queued = Qt.ConnectionType.QueuedConnection
        self.bridge.records_received.connect(self._on_batch, queued)
        self.bridge.error_occurred.connect(self.show_error, queued)
        self.bridge.notice.connect(self._on_notice, queued)
        self.bridge.saving_changed.connect(self._on_saving_changed, queued)
        self.bridge.periodic_changed.connect(self.send_box.set_periodic_running, queued)
        self.send_box.periodic_requested.connect(self.bridge.start_periodic)
        self.send_box.periodic_stop_requested.connect(self.bridge.stop_periodic)
        self.save_check.clicked.connect(self._save_clicked)
        self.log.export_requested.connect(self.export)

    # -- bridge signals ----------------------------------------------------------------------------
    @Slot(object)
    def _on_batch(self, batch: RecordBatch) -> None:
        self.log.append(batch.records)
        self.last_batch = batch
        self.counters_changed.emit(batch)
        self.bridge.batch_consumed()

    @Slot(str)
    def show_error(self, message: str) -> None:
        """Show a problem inline (non-modal)."""
        self.banner.show_message(message, "error")

    @Slot(str)
    def _on_notice(self, message: str) -> None:
        self.banner.show_message(message, "info")

    @Slot(bool)
    def _on_saving_changed(self, saving: bool) -> None:
        self.save_check.setChecked(saving)

    def info(self, text: str) -> None:
        """Add a session event to the log."""
        self.log.add_info(Record(time.time_ns(), Direction.INFO, self.peer, text.encode()))

    # -- saving and export -------------------------------------------------------------------------
    @Slot(bool)
    def _save_clicked(self, checked: bool) -> None:
        if not checked:
            self.bridge.stop_saving()
            return
        self.save_check.setChecked(False)  # until the bridge says saving started
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save received data to"))
        if path:
            self.bridge.start_saving(path)

    def pcapng_endpoints(self) -> tuple[Endpoints, str | None] | None:
        """Endpoints for a pcapng export and the peer whose records to export (subclasses)."""
        return None

    @Slot(str)
    def export(self, kind: str, path: str | None = None) -> None:
        """Export the log in the background: text, hexdump, raw received bytes or pcapng."""
        if kind == "pcapng":
            endpoints = self.pcapng_endpoints()
            if endpoints is None:
                self.show_error(self.tr("Nothing to export yet: no connection was made."))
                return
        suffix = {"text": ".txt", "hexdump": ".hexdump.txt", "raw": ".bin", "pcapng": ".pcapng"}[
            kind
        ]
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export"), f"session{suffix}")
            if not path:
                return
        target = Path(path)
        encoding = self.log.encoding
        if kind == "pcapng":
            assert endpoints is not None
            ends, peer = endpoints
            records = self.log.records(peer)

            def job() -> int:
                return export_pcapng(target, records, ends)
        else:
            records = self.log.records()

            def job() -> int:
                if kind == "text":
                    return export_text(target, records, encoding)
                if kind == "hexdump":
                    return export_hexdump(target, records)
                return export_raw(target, records, Direction.IN)

        self.runner.run(job, lambda result, error: self._exported(target, error))

    def _exported(self, path: Path, error: SocketDeskError | None) -> None:
        if error is not None:
            self.show_error(say(error))
        else:
            self.banner.show_message(self.tr("Exported to {path}.").format(path=path), "info")
