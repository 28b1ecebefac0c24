"""The raw HTTP composer: target and send bars, the request as typed, the response beside it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import StoreError, UnencodableInput
from desktop.core.http.exchange import ExchangeResult, HttpTarget
from desktop.core.http.redirect import Endpoint, RedirectError
from desktop.core.store.http_history import MAX_STORED_RESPONSE, HttpHistory
from desktop.core.units import format_bytes
from desktop.ui.http.batch_collector import BatchCollector
from desktop.ui.http.batch_results import BatchResultsView
from desktop.ui.http.composer_curl import CurlActions
from desktop.ui.http.cookies_view import CookiesView
from desktop.ui.http.history_pane import HistoryPane, stored_result
from desktop.ui.http.redirect_flow import RedirectFlow
from desktop.ui.http.request_pane import RequestPane
from desktop.ui.http.response_view import ResponseView
from desktop.ui.http.send_bar import SendBar, SendMode
from desktop.ui.http.target_bar import TargetBar
from desktop.ui.messages import Messages
from desktop.ui.sentences import Said, say
from desktop.ui.widgets.notice_banner import NoticeBanner
from desktop.workers.http_bridge import HttpBridge
from desktop.workers.task_runner import TaskRunner

__all__ = ["ComposerPanel"]

# Keys of the page's messages: what each is about, so it can be replaced and cleared.
# (The curl import's is ``composer_curl.CURL_KEY``.)
_HOST, _FILES, _REQUEST, _EXCHANGE, _REDIRECT, _HISTORY = (
    "host",
    "tls-files",
    "request",
    "exchange",
    "redirect",
    "history",
)


class ComposerPanel(QWidget):
    """Compose a raw request, send it with an ``HttpBridge``, and show what came back.

    Problems and notices go to the page's ``messages`` (shown by ``banner`` above the panes, as
    on every page); ``status_label`` under the panes says only what the last exchange did.

    Args:
        bridge: runs the exchanges on the I/O loop.
        tasks: the application's runner for background work (decoding, pretty-printing).
        history: where every exchange is stored and listed; None: no history.
    """

    def __init__(
        self,
        bridge: HttpBridge,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        history: HttpHistory | None = None,
    ) -> None:
        super().__init__(parent)
        self._bridge = bridge
        self._history = history
        # What the running job was sent to and the requests, for storing and redirects.
        self._pending: tuple[HttpTarget, Endpoint, list[bytes]] | None = None
        self._hops: list[str] = []
        self.busy = False
        self.flow = RedirectFlow()
        self.target_bar = TargetBar()
        self.host_edit, self.port_spin = self.target_bar.host_edit, self.target_bar.port_spin
        self.tls_check, self.verify_check = self.target_bar.tls_check, self.target_bar.verify_check
        self.send_bar = SendBar()
        self.send_button, self.cancel_button = (
            self.send_bar.send_button,
            self.send_bar.cancel_button,
        )
        self.request_pane = RequestPane(self.target_bar.host_header)
        self.editor = self.request_pane.editor
        self.messages = Messages("HTTP", self)
        self.banner = NoticeBanner(self.messages)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.response_view = ResponseView(tasks)
        self.batch_view = BatchResultsView()
        self.history_pane = HistoryPane(history, tasks=tasks)
        self.cookies_view = CookiesView(self.flow.jar)
        self.cookies_view.setMinimumWidth(200)  # its own hint (~300) would push a 1024 window wider
        self.batches = BatchCollector(self.batch_view, self.history_pane, self.flow)
        self.side_tabs = QTabWidget()
        self.curl = CurlActions(
            self, self.target_bar, self.send_bar, self.request_pane, self.messages
        )
        self._build()
        self._connect_signals()
        self._set_busy(False)

    def _build(self) -> None:
        response_side = QSplitter(Qt.Orientation.Vertical)
        response_side.addWidget(self.batch_view)
        response_side.addWidget(self.response_view)
        response_side.setStretchFactor(1, 3)
        self.batch_view.setVisible(False)
        if self._history is not None:
            self.side_tabs.addTab(self.history_pane, self.tr("History"))
        self.side_tabs.addTab(self.cookies_view, self.tr("Cookies"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.side_tabs)
        splitter.addWidget(self.request_pane)
        splitter.addWidget(response_side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 4)  # the response is what one reads most
        splitter.setSizes([200, 450, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(self.target_bar)
        layout.addWidget(self.send_bar)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status_label)

    def _connect_signals(self) -> None:
        self.send_bar.send_clicked.connect(self.send)
        self.send_bar.cancel_clicked.connect(self.cancel)
        self.send_bar.follow_clicked.connect(self.follow_redirect)
        self.send_bar.reuse_toggled.connect(self._reuse_toggled)
        self.send_bar.mode_combo.currentIndexChanged.connect(self._mode_changed)
        self.request_pane.message.connect(self._request_problem)
        self.target_bar.problem_changed.connect(self._files_checked)
        self.host_edit.textChanged.connect(self._host_changed)
        self.request_pane.export_button.import_requested.connect(self.curl.ask)
        self.request_pane.export_button.export_requested.connect(self.curl.copy_export)
        self._bridge.exchange_finished.connect(self._on_finished)
        self._bridge.exchange_failed.connect(self._on_failed)
        self._bridge.batch_item_finished.connect(self.batches.add)
        self._bridge.batch_finished.connect(self.batches.finish)
        self.batches.first_result.connect(self.response_view.show_result)
        self.batches.message.connect(self._history_problem)
        self.batches.finished.connect(self._on_batch_done)
        self._bridge.connection_changed.connect(self.send_bar.set_connection)
        self.batch_view.result_chosen.connect(self.response_view.show_result)
        self.history_pane.restore_requested.connect(self.restore)
        self.history_pane.message.connect(self._history_problem)

    # -- commands ----------------------------------------------------------------------------------
    def target(self) -> HttpTarget:
        """Where the bar says to connect."""
        return self.target_bar.target()

    @Slot()
    def send(self) -> None:
        """Send the request as built from the editor, in the send mode chosen."""
        if self.busy:
            return
        problem = self.target_bar.problem()
        if problem:
            if not self.host_edit.text().strip():
                self.messages.error(problem, _HOST)
            return  # a problem with the TLS files is shown as soon as it is found
        try:
            requests = [built.data for built in self.editor.built_all()]
        except UnencodableInput as error:
            self.messages.error(error, _REQUEST)
            return
        if not requests or not all(requests):
            self.messages.error(self.tr("The request is empty: nothing was sent."), _REQUEST)
            return
        self.messages.clear()  # a new exchange: what was said about the last one is over
        target, endpoint = self.target_bar.target(), self.target_bar.endpoint()
        if (
            self.cookies_view.use_check.isChecked()
            and not self.editor.exact()
            and len(self.flow.jar)
        ):
            requests = [self.flow.with_cookies(request, endpoint) for request in requests]
        mode = self.send_bar.mode()
        self._bridge.set_response_cap(self.send_bar.response_cap())
        self.response_view.body_cap = self.send_bar.response_cap()
        self._start(target, endpoint, requests if mode is SendMode.PIPELINE else requests[:1])
        self._hops = []
        if mode in (SendMode.SEQUENCE, SendMode.RACE):
            self.batches.start(target, endpoint, requests[0])
            if mode is SendMode.SEQUENCE:
                self._bridge.send_sequence(
                    target, requests[0], self.send_bar.count(), reuse=self.send_bar.reuse()
                )
            else:
                self._bridge.send_race(target, requests[0], self.send_bar.count())
            return
        self.batch_view.setVisible(False)
        self.flow.chain.max_hops = self.send_bar.max_redirects_spin.value()
        self.flow.chain.start(requests[0], endpoint)
        if mode is SendMode.PIPELINE:
            self._bridge.send_pipeline(target, requests, reuse=self.send_bar.reuse())
        else:
            self._bridge.send(target, requests[0], reuse=self.send_bar.reuse())

    @Slot()
    def cancel(self) -> None:
        """Stop the running job (and any redirect chain)."""
        if self.busy:
            self._hops.append("")  # marks the chain as stopped: no further hop is sent
            self._bridge.cancel()

    @Slot()
    def follow_redirect(self) -> bool:
        """Send the follow-up of the redirect shown; False (and a sentence) when there is none."""
        if self.busy:
            return False
        try:
            target, follow = self.flow.next_hop()
        except RedirectError as error:
            self.messages.error(error, _REDIRECT)
            return False
        self.messages.clear()
        self._hops = [follow.url]
        self._send_hop(target, follow.endpoint, follow.request)
        return True

    def import_curl(self, command: str) -> bool:
        """Fill the bar and the editor from a curl command line; False (and a sentence) if not."""
        return self.curl.import_curl(command)

    def export_text(self, kind: str) -> str | None:
        """The request as a curl command line (``"curl"``) or a Python script (``"python"``),
        or None (with a sentence) when it cannot be built."""
        return self.curl.export_text(kind)

    @Slot()
    @Slot(str)
    def refresh_history(self) -> None:
        """List the stored exchanges, newest first, that match the filter box."""
        self.history_pane.refresh()

    @Slot(int)
    def restore(self, exchange_id: int) -> bool:
        """Put a stored exchange back: its target, its request, and its response parsed again."""
        if self._history is None or self.busy:
            return False
        try:
            stored = self._history.get(exchange_id)
        except StoreError as error:
            self.messages.error(error, _HISTORY)
            return False
        self.messages.clear()
        entry = stored.entry
        self.target_bar.set_endpoint(entry.host, entry.port, entry.tls)
        self.editor.exact_check.setChecked(False)
        self.editor.set_text(stored.request.decode("utf-8", "replace"))
        if b"".join(built.data for built in self.editor.built_all()) != stored.request:
            self.editor.set_bytes(stored.request)  # sent as typed: it goes out the same again
        self.response_view.show_result(stored_result(stored))
        if entry.total_ms is None:
            self.response_view.timing_labels["total_ms"].setText("—")
        if entry.tls and stored.tls_session is None:  # stored before the history kept them
            self.response_view.tls_browser.setPlainText(
                self.tr("The history does not keep the TLS session details.")
            )
        if entry.error:
            self.messages.error(entry.error, _EXCHANGE)
        sentences = [self.tr("Restored from the history.")]
        if entry.truncated:
            sentences.append(
                self.tr("The stored response was cut at {size}.").format(
                    size=format_bytes(MAX_STORED_RESPONSE)
                )
            )
        self.status_label.setText(" ".join(sentences))
        return True

    # -- helpers -----------------------------------------------------------------------------------
    def _start(self, target: HttpTarget, endpoint: Endpoint, requests: list[bytes]) -> None:
        self._pending = (target, endpoint, requests)
        self._set_busy(True)
        self.send_bar.show_follow(None)
        self.response_view.clear_result()
        self.status_label.setText(self.tr("Sending…"))

    def _send_hop(self, target: HttpTarget, endpoint: Endpoint, request: bytes) -> None:
        self._start(target, endpoint, [request])
        self._bridge.send(target, request, reuse=self.send_bar.reuse())

    def _store(self, result: ExchangeResult | None, error: str | None = None) -> str | None:
        if self._pending is None:
            return None
        target, _, requests = self._pending
        return self.history_pane.store(target, b"".join(requests), result, error)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.send_bar.set_busy(busy)

    def _chain_step(self) -> str | None:
        """Send the next automatic hop; a sentence when the chain stops on an error."""
        if not self.send_bar.auto_follow_check.isChecked() or "" in self._hops:
            return None
        if self.flow.location() is None:
            return None
        try:
            target, follow = self.flow.next_hop()
            self.flow.chain.add(follow)
        except RedirectError as error:
            return say(error)
        self._hops.append(follow.url)
        self._send_hop(target, follow.endpoint, follow.request)
        return ""

    # -- slots -------------------------------------------------------------------------------------
    @Slot(object)
    def _on_finished(self, result: ExchangeResult) -> None:
        self._set_busy(False)
        self.send_bar.exchange_done(bool(result.reader.raw))
        self.response_view.show_result(result)
        if result.tls_info is not None and result.tls_info.verified is False:
            self.response_view.setCurrentWidget(self.response_view.tls_browser)
        if self._pending is not None:
            self.flow.record(*self._pending, result)
            self.cookies_view.refresh()
        # Stored after the views are set (only messages and the next hop follow): a large
        # response is written on a worker thread, and a woken worker takes the GIL from the
        # GUI thread for the rest of its turn (#15).
        store_error = self._store(result)
        chain_error = self._chain_step()
        if chain_error == "":
            return  # the next hop is on its way
        if result.error:
            self.messages.error(result.error, _EXCHANGE)
        sentences = [say(note) for note in result.notes]
        hops = [hop for hop in self._hops if hop]
        if hops:
            sentences.append(self.tr("Followed %n redirect(s).", "", len(hops)))
        if chain_error:
            self.messages.error(chain_error, _REDIRECT)
        if not result.error and result.responses:
            last = result.responses[-1]
            sentences.append(
                self.tr(
                    "{status} from {peer}, %n byte(s) received.", "", len(result.reader.raw)
                ).format(status=last.status, peer=result.peer)
            )
        if store_error:
            self.messages.error(store_error, _HISTORY)
        self.send_bar.show_follow(self.flow.location())
        self.status_label.setText(" ".join(sentences))

    @Slot(object)
    def _on_failed(self, reason: Said) -> None:
        self._set_busy(False)
        store_error = self._store(None, say(reason))
        self.messages.error(reason, _EXCHANGE)
        if store_error:
            self.messages.error(store_error, _HISTORY)
        self.status_label.clear()

    @Slot(object)
    def _request_problem(self, what: Said) -> None:
        self.messages.error(what, _REQUEST)

    @Slot(object)
    def _history_problem(self, what: Said) -> None:
        self.messages.error(what, _HISTORY)

    @Slot(str)
    def _files_checked(self, problem: str) -> None:
        if problem:
            self.messages.error(problem, _FILES)
        else:
            self.messages.clear(_FILES)

    @Slot(str)
    def _host_changed(self, host: str) -> None:
        if host.strip():
            self.messages.clear(_HOST)

    @Slot(str)
    def _on_batch_done(self, sentence: str) -> None:
        self._set_busy(False)
        self.cookies_view.refresh()
        self.status_label.setText(sentence)

    @Slot(bool)
    def _reuse_toggled(self, reuse: bool) -> None:
        if not reuse:
            self._bridge.drop_connection()

    @Slot()
    def _mode_changed(self) -> None:
        self.editor.set_pipeline(self.send_bar.mode() is SendMode.PIPELINE)
