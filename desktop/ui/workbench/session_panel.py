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
from desktop.core.capture.pcapng import Endpoints, export_pcapng_streams
from desktop.core.errors import SocketDeskError
from desktop.core.session.lifecycle import Phase, SessionStatus, idle_status, starting_status
from desktop.settings import Settings
from desktop.ui.messages import Messages
from desktop.ui.sentences import Said, say
from desktop.ui.widgets.elided_label import ElidedLabel
from desktop.ui.widgets.log_view import LogView
from desktop.ui.widgets.notice_banner import NoticeBanner
from desktop.ui.widgets.rate_graph import RateGraph
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

    Every session kind has the same lifecycle (``desktop.core.session.lifecycle``): the bridge
    reports a ``SessionStatus``, this base shows its sentence in ``state_label`` and calls
    ``apply_phase`` so the subclass can enable its controls. ``shutdown()`` stops everything.

    Signals:
        counters_changed(object): the session's latest RecordBatch (totals and counts).
        status_changed(str): a short status for the window's status bar.
        title_changed(str): a short name for the session's tab.
    """

    counters_changed = Signal(object)
    status_changed = Signal(str)
    title_changed = Signal(str)

    # The sentence shown while idle, before the session ever started.
    LISTENING = False

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
        self.phase = Phase.IDLE
        self.state_label = ElidedLabel()  # a long sentence never shifts the controls
        self.state_label.setObjectName("stateLabel")
        self.settings = settings
        self.runner = runner
        self.peer = ""
        self.last_batch: RecordBatch | None = None
        self.messages = Messages(type(self).__name__, self)
        self.banner = NoticeBanner(self.messages)
        self.log = LogView(settings.get(Settings.LOG_MAX_MB) * 1024 * 1024)
        self.send_box = SendBox(library=library)
        encoding = self.send_box.encoding_combo.findData(settings.get(Settings.SEND_ENCODING))
        self.send_box.encoding_combo.setCurrentIndex(max(encoding, 0))
        self.send_box.sequence = bridge.sequence  # one {{counter}} sequence per session
        self.save_check = QCheckBox(self.tr("Save received data to a file…"))
        self.save_check.setObjectName("saveCheck")
        self.controls = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.controls)
        layout.addWidget(self.banner)
        self.body = QSplitter(Qt.Orientation.Horizontal)  # subclasses may add panes beside the log
        self.body.addWidget(self.log)
        layout.addWidget(self.body, 1)
        self.rate_graph = RateGraph()  # bytes/s and messages/s, sampled by its own timer
        layout.addWidget(self.rate_graph)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_check)
        save_row.addWidget(self.rate_graph.header)
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
        self.bridge.state_changed.connect(self._on_state, queued)
        self.bridge.start_failed.connect(self._on_start_failed, queued)
        self.bridge.records_received.connect(self._on_batch, queued)
        self.bridge.error_occurred.connect(self.show_error, queued)
        self.bridge.notice.connect(self._on_notice, queued)
        self.bridge.saving_changed.connect(self._on_saving_changed, queued)
        self.bridge.periodic_changed.connect(self.send_box.set_periodic_running, queued)
        self.send_box.periodic_requested.connect(self.bridge.start_periodic)
        self.send_box.periodic_stop_requested.connect(self.bridge.stop_periodic)
        self.save_check.clicked.connect(self._save_clicked)
        self.log.export_requested.connect(self.export)

    # -- lifecycle ---------------------------------------------------------------------------------
    def start_session(self, options: object | None) -> None:
        """Start the session with ``options`` (None: the subclass already said what is wrong)."""
        if options is None:
            return
        self.clear_message()  # a new attempt: earlier failures no longer apply
        self.show_status(self.starting(options))  # at once; the bridge confirms it
        self.bridge.start(options)

    def starting(self, options: object) -> SessionStatus:
        """The status while starting with ``options`` (subclasses may say more)."""
        return starting_status()

    def toggle(self) -> None:
        """Start when idle; otherwise stop (disconnect, cancel, stop listening or reconnecting)."""
        if self.phase.active:
            self.bridge.stop()
        else:
            self.start_session(self.options())

    def options(self) -> object | None:
        """The session's options as entered, or None after showing what is wrong (subclasses)."""
        raise NotImplementedError

    def shutdown(self) -> None:
        """Stop whatever the session is doing (its tab is closing, or the application)."""
        self.bridge.shutdown()

    def state_text(self) -> str:
        """The session's state as a sentence (the status bar shows it)."""
        return self.state_label.text()

    def apply_phase(self, phase: Phase) -> None:
        """Enable the subclass's controls for ``phase`` (subclasses)."""

    def show_status(self, status: SessionStatus) -> None:
        """Show ``status`` (the state line and the controls for its phase)."""
        self.phase = status.phase
        self.state_label.setText(say(status.sentence))
        self.apply_phase(status.phase)
        self.status_changed.emit(self.state_label.text())

    @Slot(object)
    def _on_state(self, status: SessionStatus) -> None:
        self.show_status(status)

    @Slot(object)
    def _on_start_failed(self, error: SocketDeskError) -> None:
        self.show_error(error)

    def show_idle(self) -> None:
        """The state before the session ever started."""
        self.show_status(idle_status(self.LISTENING))

    # -- bridge signals ----------------------------------------------------------------------------
    @Slot(object)
    def _on_batch(self, batch: RecordBatch) -> None:
        self.log.append(batch.records)
        self.last_batch = batch
        self.rate_graph.observe(batch)
        self.counters_changed.emit(batch)
        self.bridge.batch_consumed()

    @Slot(object)
    def show_error(self, what: Said, key: str | None = None) -> None:
        """Show a problem in the session's banner (non-modal; the one place it is shown).

        Args:
            what: a typed error, a core sentence or translated text.
            key: what it is about; the same key replaces it, ``clear_message(key)`` ends it.
        """
        self.messages.error(what, key)

    def notice(self, what: Said, key: str | None = None) -> None:
        """Tell the user something that went right or is worth knowing (goes by itself)."""
        self.messages.info(what, key)

    def clear_message(self, *keys: str) -> None:
        """The condition behind these keys ended; with no key, a new attempt clears them all."""
        self.messages.clear(*keys)

    @Slot(object)
    def _on_notice(self, what: Said) -> None:
        self.notice(what)

    @Slot(bool)
    def _on_saving_changed(self, saving: bool) -> None:
        self.save_check.setChecked(saving)

    # -- actions the window offers (Edit menu) ----------------------------------------------------
    def focus_input(self) -> None:
        """Put the keyboard in the send box."""
        self.send_box.editor.setFocus()

    def focus_search(self) -> None:
        """Put the keyboard in the log's search box, its text selected for typing over."""
        self.log.search_edit.setFocus()
        self.log.search_edit.selectAll()

    def clear_log(self) -> None:
        """Empty the session's log."""
        self.log.clear()

    def send_text(self, text: str) -> None:
        """Type ``text`` into the send box and send it with the box's options, as a user does."""
        self.send_box.editor.setPlainText(text)
        self.send_box.send_once()

    def info(self, what: Said) -> None:
        """Add a session event to the log (a core sentence is said in the interface language)."""
        self.log.add_info(Record(time.time_ns(), Direction.INFO, self.peer, say(what).encode()))

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

    def pcapng_endpoints(self) -> dict[str, Endpoints]:
        """The TCP connections a pcapng export writes, by the log's peer label (subclasses).

        Records whose peer is a key go to that connection (several labels may share one);
        the others are left out. Empty: no connection was made yet.
        """
        return {}

    @Slot(str)
    def export(self, kind: str, path: str | None = None) -> None:
        """Export the log in the background: text, hexdump, raw received bytes or pcapng."""
        if kind == "pcapng":
            streams = self.pcapng_endpoints()
            if not streams:
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
            records = self.log.records()

            def job() -> int:
                return export_pcapng_streams(target, records, streams)
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
            self.show_error(error, key="export")
        else:
            self.clear_message("export")
            self.notice(self.tr("Exported to {path}.").format(path=path), key="exported")
