"""The Pretty tab: a JSON, XML or HTML body formatted and highlighted, off the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from desktop.core.errors import SocketDeskError
from desktop.core.http.pretty import PRETTY_MAX, PrettyBody, pretty_body
from desktop.ui.sentences import say
from desktop.workers.task_runner import TaskRunner

__all__ = ["INLINE_MAX", "PrettyView", "pygments_style"]

# Below this the formatting runs at once on the GUI thread (a few ms); above it, on a worker.
INLINE_MAX = 16 << 10


def pygments_style(palette: QPalette) -> str:
    """The Pygments style whose colours read on the palette's base: light or dark."""
    dark = palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5
    return "monokai" if dark else "default"


class PrettyView(QWidget):
    """Formats the body when it is JSON, XML or HTML and not larger than ``PRETTY_MAX``.

    Signals:
        formatted(): the view shows its final state for the current body.
        plain_requested(): the user asked for the plain body view.
    """

    formatted = Signal()
    plain_requested = Signal()

    def __init__(self, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._generation = 0
        self.notice = QLabel(wordWrap=True)
        self.plain_button = QPushButton(self.tr("Show the plain body"))
        self.plain_button.hide()
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.plain_button)
        layout.addWidget(self.browser, 1)
        self.plain_button.clicked.connect(self.plain_requested)
        self.result: PrettyBody | None = None
        self.style = pygments_style(self.palette())  # the style of what is shown
        self._source: tuple[bytes, str, str | None] | None = None

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() != QEvent.Type.PaletteChange:
            return
        style = pygments_style(self.palette())
        if style != self.style and self._source is not None:
            self.show_text(*self._source)  # light and dark need different highlighting
        self.style = style

    def clear(self) -> None:
        """Show nothing (and drop the result of a job still running)."""
        self._generation += 1
        self._source = None
        self.result = None
        self.notice.clear()
        self.plain_button.hide()
        self.browser.clear()

    def show_text(
        self, data: bytes | bytearray | memoryview, encoding: str, kind: str | None
    ) -> None:
        """Format ``data`` (decoded with ``encoding``) as ``kind``; a notice says what happened."""
        self.clear()
        if kind is None:
            self.notice.setText(self.tr("Not JSON, XML or HTML: nothing to format."))
            self.formatted.emit()
            return
        if len(data) > PRETTY_MAX:
            self.notice.setText(
                self.tr(
                    "The body is {size} bytes: only bodies up to {limit} bytes are formatted."
                ).format(size=len(data), limit=PRETTY_MAX)
            )
            self.plain_button.show()
            self.formatted.emit()
            return
        style = self.style = pygments_style(self.palette())
        chunk = bytes(data)
        self._source = (chunk, encoding, kind)  # highlighted again in a new theme's style

        def job() -> PrettyBody | None:
            return pretty_body(chunk.decode(encoding, errors="replace"), kind, style)  # type: ignore[arg-type]

        if len(chunk) <= INLINE_MAX:
            self._show(job())
            return
        self.notice.setText(self.tr("Formatting…"))
        generation = self._generation
        self._tasks.run(job, lambda result, error: self._done(generation, result, error))

    def _done(self, generation: int, result: object, error: SocketDeskError | None) -> None:
        if generation != self._generation:
            return  # a newer body is shown
        if error is not None:
            self.notice.setText(say(error))
            self.formatted.emit()
            return
        self._show(result if isinstance(result, PrettyBody) else None)

    def _show(self, result: PrettyBody | None) -> None:
        self.result = result
        if result is None:
            self.notice.setText(self.tr("The body could not be formatted."))
            self.formatted.emit()
            return
        kind = result.kind.upper()
        if result.reformatted:
            self.notice.setText(self.tr("{kind}, formatted.").format(kind=kind))
        else:
            self.notice.setText(
                self.tr("Not valid {kind}: highlighted as received.").format(kind=kind)
            )
        self.browser.setHtml(result.html)
        self.formatted.emit()
