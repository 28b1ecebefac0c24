"""A session's send box: text/hex/escaped input, encoding, line ending, fields, repeat, file."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.codec import ENCODINGS, InputFormat, LineEnding
from desktop.core.errors import InputError
from desktop.core.net.file_send import FileProgress
from desktop.core.session.sequence import FieldSequence
from desktop.ui.widgets.input_error_mark import InputErrorMark
from desktop.ui.widgets.saved_message_picker import SavedMessagePicker
from desktop.ui.widgets.saved_messages import SavedMessages
from desktop.ui.widgets.send_spec import SendSpec

__all__ = ["SendBox", "SendSpec"]


_SPIN_MAX = 2**31 - 1  # a QSpinBox holds an int


class SendBox(QWidget):
    """Compose data to send; validates before anything is sent and shows where input is wrong.

    Signals:
        send_requested(bytes): send these bytes once.
        periodic_requested(object, float, object): a build function (the session's
            ``FieldSequence`` → bytes), the interval in seconds and a count (None: until stopped).
        periodic_stop_requested(): stop repeating.
        file_requested(str): send this file.
        file_cancel_requested(): stop sending the file.
    """

    send_requested = Signal(bytes)
    periodic_requested = Signal(object, float, object)
    periodic_stop_requested = Signal()
    file_requested = Signal(str)
    file_cancel_requested = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        with_file: bool = True,
        library: SavedMessages | None = None,
    ) -> None:
        super().__init__(parent)
        # The {{counter}} numbers: the session's own (SessionPanel gives its bridge's).
        self._sequence = FieldSequence()
        self.periodic_running = False
        self.library = library
        self._build(with_file)
        self._connect_signals()
        self.saved.refresh()
        self.show_next_counter()

    @property
    def sequence(self) -> FieldSequence:
        """The ``{{counter}}`` numbers this box takes from (the session's)."""
        return self._sequence

    @sequence.setter
    def sequence(self, sequence: FieldSequence) -> None:
        self._sequence = sequence
        self.show_next_counter()

    # -- construction ----------------------------------------------------------------------------
    def _build(self, with_file: bool) -> None:
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("sendEditor")
        self.editor.setPlaceholderText(
            self.tr(
                "Data to send — Enter sends, Shift+Enter starts a new line. "
                "Hex: 48 65 6c 6c 6f · Escapes: \\r \\n \\t \\0 \\xNN \\\\ · "
                "Fields: {{counter}} {{date}} {{time}} {{unix}} {{random:N}}"
            )
        )
        self.editor.setMaximumHeight(64)
        self.editor.installEventFilter(self)
        self.error_mark = InputErrorMark(self, self.editor)
        self.error_label = self.error_mark.label

        self.format_combo = QComboBox()
        for fmt, label in (
            (InputFormat.TEXT, self.tr("Text")),
            (InputFormat.HEX, self.tr("Hex")),
            (InputFormat.ESCAPED, self.tr("Text + escapes")),
        ):
            self.format_combo.addItem(label, fmt)
        self.encoding_combo = QComboBox()
        for codec, label in ENCODINGS:
            self.encoding_combo.addItem(label, codec)
        self.ending_combo = QComboBox()
        for ending, label in (
            (LineEnding.NONE, self.tr("No line ending")),
            (LineEnding.LF, "LF \\n"),
            (LineEnding.CRLF, "CRLF \\r\\n"),
            (LineEnding.CR, "CR \\r"),
        ):
            self.ending_combo.addItem(label, ending)
        self.ending_combo.setCurrentIndex(1)
        self.ending_combo.setObjectName("lineEnding")
        self.fields_check = QCheckBox(self.tr("Fields"))
        self.fields_check.setToolTip(
            self.tr(
                "Expand {{counter}}, {{date}}, {{time}}, {{unix}} and {{random:N}} when sending"
            )
        )
        # The next {{counter}} number, shown and settable ("the counter starts at N").
        self.counter_spin = QSpinBox()
        self.counter_spin.setObjectName("nextCounter")
        self.counter_spin.setRange(0, _SPIN_MAX)
        self.counter_spin.setPrefix(self.tr("Next {{counter}}: "))
        self.counter_spin.setKeyboardTracking(False)  # restart once the number is typed
        self.counter_spin.setToolTip(
            self.tr(
                "The number the next message with {{counter}} gets. Set it to start the "
                "counter there; messages without the field do not advance it."
            )
        )
        # A periodic send takes numbers on the I/O thread: the box shows them while it runs.
        self._counter_timer = QTimer(self)
        self._counter_timer.setInterval(250)
        self._counter_timer.timeout.connect(self.show_next_counter)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setObjectName("sendButton")

        options = QHBoxLayout()
        options.addWidget(self.format_combo)
        options.addWidget(self.encoding_combo)
        options.addWidget(self.ending_combo)
        options.addWidget(self.fields_check)
        options.addWidget(self.counter_spin)
        options.addStretch(1)
        options.addWidget(self.send_button)

        self.interval_spin = QSpinBox()
        self.interval_spin.setRange(1, 86_400_000)
        self.interval_spin.setValue(1000)
        self.interval_spin.setSuffix(" ms")
        self.count_spin = QSpinBox()
        self.count_spin.setRange(0, 1_000_000_000)
        self.count_spin.setSpecialValueText(self.tr("forever"))
        self.count_spin.setPrefix(self.tr("× "))
        self.repeat_button = QPushButton(self.tr("Repeat"))
        self.repeat_button.setObjectName("repeatButton")
        self.repeat_button.setToolTip(self.tr("Send every interval, on the I/O thread's clock"))
        repeat = QHBoxLayout()
        repeat.addWidget(QLabel(self.tr("Every")))
        repeat.addWidget(self.interval_spin)
        repeat.addWidget(self.count_spin)
        repeat.addWidget(self.repeat_button)
        repeat.addStretch(1)

        self.file_button = QPushButton(self.tr("Send file…"))
        self.file_progress = QProgressBar()
        self.file_progress.setTextVisible(True)
        self.file_progress.hide()
        self.file_cancel = QPushButton(self.tr("Cancel"))
        self.file_cancel.hide()
        repeat.addWidget(self.file_button)
        repeat.addWidget(self.file_progress, 1)
        repeat.addWidget(self.file_cancel)
        self.file_button.setVisible(with_file)

        self.saved = SavedMessagePicker(
            self, self.library, self.spec, self.set_spec, self.error_mark.show_store_error
        )
        self.saved_combo, self.save_button, self.delete_button = self.saved.widgets()
        for widget in self.saved.widgets():
            repeat.addWidget(widget)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        layout.addWidget(self.error_label)
        layout.addLayout(options)
        layout.addLayout(repeat)
        self._format_changed()
        self.saved.choice_changed()

    def _connect_signals(self) -> None:
        self.send_button.clicked.connect(self.send_once)
        self.counter_spin.valueChanged.connect(self._counter_chosen)
        self.fields_check.toggled.connect(self._fields_toggled)
        self.repeat_button.clicked.connect(self._toggle_repeat)
        self.editor.textChanged.connect(self.clear_error)
        self.format_combo.currentIndexChanged.connect(self.clear_error)
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.encoding_combo.currentIndexChanged.connect(self.clear_error)
        self.file_button.clicked.connect(self._choose_file)
        self.file_cancel.clicked.connect(self.file_cancel_requested)
        self.saved.connect_signals()

    # -- state -------------------------------------------------------------------------------------
    def spec(self) -> SendSpec:
        """The current text and options."""
        return SendSpec(
            self.editor.toPlainText(),
            self.format_combo.currentData(),
            self.encoding_combo.currentData(),
            self.ending_combo.currentData(),
            self.fields_check.isChecked(),
        )

    def set_spec(self, text: str, fmt: InputFormat, encoding: str, ending: LineEnding) -> None:
        """Fill the box (e.g. from a saved message)."""
        self.editor.setPlainText(text)
        self.format_combo.setCurrentIndex(self.format_combo.findData(fmt))
        index = self.encoding_combo.findData(encoding)
        self.encoding_combo.setCurrentIndex(max(index, 0))
        self.ending_combo.setCurrentIndex(self.ending_combo.findData(ending))

    def payload(self) -> bytes | None:
        """The bytes for the next message, or None after showing where the input is wrong."""
        try:
            return self.spec().build_next(self.sequence)
        except InputError as error:
            self.show_error(error)
            return None
        finally:
            self.show_next_counter()

    @Slot()
    def show_next_counter(self) -> None:
        """Show the number the next ``{{counter}}`` gets (without restarting the sequence)."""
        self.counter_spin.blockSignals(True)
        self.counter_spin.setValue(min(self.sequence.next_value, _SPIN_MAX))
        self.counter_spin.blockSignals(False)
        self._fields_toggled(self.fields_check.isChecked())

    @Slot(int)
    def _counter_chosen(self, value: int) -> None:
        self.sequence.restart(value)

    @Slot(bool)
    def _fields_toggled(self, fields: bool) -> None:
        self.counter_spin.setEnabled(fields and not self.periodic_running)

    @Slot()
    def _format_changed(self) -> None:
        """In Hex the bytes typed are the bytes sent: no line ending (the box says why)."""
        hex_input = self.format_combo.currentData() is InputFormat.HEX
        self.ending_combo.setEnabled(not hex_input)
        self.ending_combo.setToolTip(
            self.tr("Hex sends exactly the bytes typed: type 0d 0a for a line ending")
            if hex_input
            else self.tr("Appended to each message")
        )

    @property
    def error_position(self) -> tuple[int, int] | None:
        """``(position, length)`` of the last input error shown."""
        return self.error_mark.position

    def show_error(self, error: InputError) -> None:
        """Say what is wrong and highlight it in the editor."""
        self.error_mark.show(error)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.error_mark.apply_tones()

    @Slot()
    def clear_error(self) -> None:
        """Forget a shown input error."""
        self.error_mark.clear()

    # -- actions -----------------------------------------------------------------------------------
    @Slot()
    def send_once(self) -> None:
        """Validate, then ask for the bytes to be sent."""
        data = self.payload()
        if data is None:
            return
        self.send_requested.emit(data)

    @Slot()
    def _toggle_repeat(self) -> None:
        if self.periodic_running:
            self.periodic_stop_requested.emit()
            return
        spec = self.spec()
        try:
            spec.build(self.sequence.next_value)  # refuse bad input now, not on the I/O thread
        except InputError as error:
            self.show_error(error)
            return
        build: Callable[[FieldSequence], bytes] = spec.build_next  # ticks share the sequence
        count = self.count_spin.value() or None
        self.periodic_requested.emit(build, self.interval_spin.value() / 1000.0, count)

    def set_periodic_running(self, running: bool) -> None:
        """Reflect the session's periodic state."""
        self.periodic_running = running
        self.repeat_button.setText(self.tr("Stop") if running else self.tr("Repeat"))
        self.interval_spin.setEnabled(not running)
        self.count_spin.setEnabled(not running)
        if running:
            self._counter_timer.start()
        else:
            self._counter_timer.stop()
        self.show_next_counter()

    @Slot()
    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Send a file"))
        if path:
            self.file_requested.emit(path)

    def set_file_progress(self, progress: FileProgress) -> None:
        """Show a file being sent."""
        busy = not progress.done
        self.file_progress.setVisible(busy)
        self.file_cancel.setVisible(busy)
        self.file_button.setEnabled(not busy)
        if progress.total:
            self.file_progress.setRange(0, 1000)
            self.file_progress.setValue(int(progress.sent * 1000 / progress.total))
        self.file_progress.setFormat(f"{progress.sent:,} / {progress.total:,} B")

    def save_current(self, name: str) -> None:
        """Save the box's text and options under ``name`` in the library."""
        self.saved.save_current(name)

    # -- keys -------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.editor
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.send_once()
            return True
        return super().eventFilter(watched, event)
