"""The Body tab: the body with its codings undone, decoded page by page, and "Save body…"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import SocketDeskError
from desktop.core.http.charset import CharsetSource
from desktop.core.http.message import ParsedResponse
from desktop.core.units import format_bytes
from desktop.ui.http.body_data import BodyData, prepare_body
from desktop.ui.http.paged_text import PagedText
from desktop.ui.http.pages import Pages, text_pages
from desktop.ui.http.save_body import safe_filename, write_body
from desktop.ui.sentences import say
from desktop.workers.task_runner import TaskRunner

__all__ = ["INLINE_BODY_MAX", "BodyView"]

# A body up to this size (as received) is decoded at once, on the GUI thread, with the output
# capped at INLINE_DECODED_MAX; anything larger, or decoding to more, goes to a worker.
INLINE_BODY_MAX = 256 << 10
INLINE_DECODED_MAX = 4 << 20


class BodyView(QWidget):
    """A response body as text: notes about decoding, the text paged, and buttons to save it.

    Signals:
        body_ready(BodyData): the body is decoded and shown.
        saved(str): a sentence after "Save body…" finished (written, or why not).
    """

    body_ready = Signal(object)
    saved = Signal(str)

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._generation = 0
        self._response: ParsedResponse | None = None
        self.max_decoded = 256 << 20
        self.body: BodyData | None = None
        self.notice = QLabel(wordWrap=True)
        self.save_status = QLabel(wordWrap=True)
        self.save_status.hide()
        self._first_notes: list[str] = []
        self.text = PagedText(tasks)  # page turns make their text on its workers
        self.save_button = QPushButton(self.tr("Save body…"))
        self.save_raw_button = QPushButton(self.tr("Save as received…"))
        self.save_button.setToolTip(self.tr("The body with its content codings undone"))
        self.save_raw_button.setToolTip(self.tr("The body exactly as framed on the wire"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.notice, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.save_raw_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.save_status)
        layout.addWidget(self.text, 1)
        self.save_button.clicked.connect(self._save_decoded)
        self.save_raw_button.clicked.connect(self._save_raw)
        self._set_saving_enabled(False)

    # --- showing ---------------------------------------------------------------------------

    def show_pending(self) -> None:
        """Show nothing yet (the body is decoded once the raw view is shown)."""
        self.clear()
        self.text.set_message(self.tr("Decoding…"))

    def clear(self) -> None:
        """Show nothing (and drop the result of a job still running)."""
        self._generation += 1
        self._response = None
        self.body = None
        self.notice.clear()
        self.save_status.clear()
        self.save_status.hide()
        self.text.set_pages(None)
        self._set_saving_enabled(False)

    def show_response(
        self, response: ParsedResponse | None, notes: list[str] | None = None
    ) -> None:
        """Decode and show ``response``'s body: at once when small, else on a worker.

        Args:
            response: the response, or None when none was parsed.
            notes: sentences to show first (a cap reached while reading).
        """
        self.clear()
        self._response = response
        self._first_notes = list(notes or [])
        if response is None:
            self.notice.setText(self.tr("No response was parsed."))
            return
        self._set_saving_enabled(True)
        size = response.body_size
        if size <= INLINE_BODY_MAX:
            body = prepare_body(response, min(self.max_decoded, INLINE_DECODED_MAX))
            if not body.truncated or self.max_decoded <= INLINE_DECODED_MAX:
                self._show(body)
                return
        self.notice.setText(self.tr("Decoding {size}…").format(size=format_bytes(size)))
        self.text.set_message(self.tr("Decoding…"))
        generation, cap = self._generation, self.max_decoded
        self._tasks.run(
            lambda: _prepared(response, cap),
            lambda result, error: self._done(generation, result, error),
        )

    def _done(self, generation: int, result: object, error: SocketDeskError | None) -> None:
        if generation != self._generation:
            return
        if isinstance(result, tuple):
            self._show(*result)
        else:
            self.notice.setText(say(error) if error else self.tr("The body could not be decoded."))

    def _show(self, body: BodyData, pages: Pages | None = None) -> None:
        """Show ``body``; ``pages``: its pages, when already cut on a worker thread."""
        self.body = body
        notes = self._first_notes + [say(note) for note in body.notes]
        if body.truncated:
            notes.append(
                self.tr("Truncated at {cap}: the body decodes to more than the cap.").format(
                    cap=format_bytes(self.max_decoded)
                )
            )
        charset = body.charset
        notes.append(
            self.tr("{size}, read as {encoding} ({source}).").format(
                size=format_bytes(len(body.data)),
                encoding=charset.encoding,
                source=self._source_text(charset.source),
            )
        )
        self.notice.setText(" ".join(notes))
        if len(body.data):
            self.text.set_pages(pages or _pages(body))
        else:
            self.text.set_message("")
        self.body_ready.emit(body)

    def _source_text(self, source: CharsetSource) -> str:
        return {
            CharsetSource.BOM: self.tr("byte-order mark"),
            CharsetSource.CONTENT_TYPE: self.tr("Content-Type charset"),
            CharsetSource.DECLARATION: self.tr("declared in the document"),
            CharsetSource.UTF8: self.tr("valid UTF-8"),
            CharsetSource.DETECTED: self.tr("detected"),
            CharsetSource.LATIN1: self.tr("fallback"),
        }[source]

    # --- saving ----------------------------------------------------------------------------

    def suggested_name(self) -> str:
        """A safe default file name (from Content-Disposition, sanitised)."""
        response = self._response
        disposition = response.header_values(b"content-disposition") if response else []
        kind = None if self.body is None else (self.body.image or self.body.kind)
        return safe_filename(disposition[0] if disposition else None, kind)

    def save_to(self, path: Path, decoded: bool = True) -> None:
        """Write the body (decoded, or as framed on the wire) to ``path`` on a worker thread."""
        response = self._response
        if response is None:
            return
        if decoded and self.body is not None:
            data: bytes | bytearray | memoryview = self.body.data
        else:
            data = response.body_raw_view()
        self._tasks.run(
            lambda: write_body(path, data), lambda n, error: self._saved(path, n, error)
        )

    def _saved(self, path: Path, written: object, error: SocketDeskError | None) -> None:
        if error is not None:
            sentence = say(error)
        else:
            size = format_bytes(written if isinstance(written, int) else 0)
            sentence = self.tr("{size} written to {path}.").format(size=size, path=path)
        self.save_status.setText(sentence)
        self.save_status.show()
        self.saved.emit(sentence)

    def _ask_path(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save body"), self.suggested_name())
        return Path(name) if name else None

    @Slot()
    def _save_decoded(self) -> None:
        path = self._ask_path()
        if path is not None:
            self.save_to(path, decoded=True)

    @Slot()
    def _save_raw(self) -> None:
        path = self._ask_path()
        if path is not None:
            self.save_to(path, decoded=False)

    def _set_saving_enabled(self, enabled: bool) -> None:
        self.save_button.setEnabled(enabled)
        self.save_raw_button.setEnabled(enabled)


def _pages(body: BodyData) -> Pages:
    charset = body.charset
    return text_pages(body.data, charset.encoding, charset.bom_length)


def _prepared(response: ParsedResponse, cap: int) -> tuple[BodyData, Pages | None]:
    """On a worker thread: the body decoded, cut into pages (finding the page breaks of
    100 MiB took 20 ms, a stall on the GUI thread: measured, #15) and its first page's text
    made."""
    body = prepare_body(response, cap)
    if not len(body.data):
        return body, None
    return body, _pages(body).prepare(0)  # the GUI thread only sets the page's text (#15)
