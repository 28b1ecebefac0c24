"""The send box's saved messages: choose one to load it, save the box under a name, delete one.

The combo and buttons are laid out by the send box; texts are in the ``SendBox`` translation
context, where they were made.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtWidgets import QComboBox, QInputDialog, QPushButton, QWidget

from desktop.core.codec import InputFormat, LineEnding
from desktop.core.errors import StoreError
from desktop.ui.widgets.saved_messages import SavedMessages, ending_from_key
from desktop.ui.widgets.send_spec import SendSpec

__all__ = ["SavedMessagePicker"]


class SavedMessagePicker(QObject):
    """The saved-messages combo, "Save as…" and "Delete" of one send box.

    Args:
        box: the send box (parent of this object and of the dialogs).
        library: the shared library (None: the controls are hidden).
        current: the box's text and options now.
        fill: put a saved message into the box.
        failed: show a store error in the box.
    """

    def __init__(
        self,
        box: QWidget,
        library: SavedMessages | None,
        current: Callable[[], SendSpec],
        fill: Callable[[str, InputFormat, str, LineEnding], None],
        failed: Callable[[StoreError], None],
    ) -> None:
        super().__init__(box)
        self._box = box
        self.library = library
        self._current = current
        self._fill = fill
        self._failed = failed
        self.combo = QComboBox()
        self.combo.setObjectName("savedCombo")
        self.combo.setMinimumWidth(160)
        self.combo.setPlaceholderText(QCoreApplication.translate("SendBox", "Saved messages"))
        self.save_button = QPushButton(QCoreApplication.translate("SendBox", "Save as…"))
        self.delete_button = QPushButton(QCoreApplication.translate("SendBox", "Delete"))
        self.delete_button.setObjectName("deleteSaved")
        for widget in (self.combo, self.save_button, self.delete_button):
            widget.setVisible(library is not None)

    def widgets(self) -> tuple[QComboBox, QPushButton, QPushButton]:
        """The combo and the two buttons, in layout order."""
        return self.combo, self.save_button, self.delete_button

    def connect_signals(self) -> None:
        """Wire the controls (and the library's changes) to this picker."""
        self.combo.currentIndexChanged.connect(self.choice_changed)
        self.combo.activated.connect(self.load)
        self.save_button.clicked.connect(self._save_as)
        self.delete_button.clicked.connect(self.delete)
        if self.library is not None:
            self.library.changed.connect(self.refresh)

    @Slot()
    def choice_changed(self) -> None:
        """Delete is possible only with a message chosen (its tooltip says so)."""
        chosen = bool(self.combo.currentText())
        self.delete_button.setEnabled(chosen)
        self.delete_button.setToolTip(
            QCoreApplication.translate("SendBox", "Delete the chosen saved message")
            if chosen
            else QCoreApplication.translate("SendBox", "Choose a saved message to delete it")
        )

    @Slot()
    def refresh(self) -> None:
        """List the library's names again, keeping the choice."""
        if self.library is None:
            return
        current = self.combo.currentText()
        self.combo.blockSignals(True)
        self.combo.clear()
        try:
            self.combo.addItems(self.library.names())
        except StoreError as error:
            self._failed(error)
        self.combo.setCurrentIndex(self.combo.findText(current))
        self.combo.blockSignals(False)
        self.choice_changed()

    @Slot()
    def load(self) -> None:
        """Put the chosen message into the box."""
        if self.library is None:
            return
        message = self.library.get(self.combo.currentText())
        if message is None:
            return
        fmt = next((f for f in InputFormat if f.value == message.format), InputFormat.TEXT)
        self._fill(message.data, fmt, message.encoding, ending_from_key(message.line_ending))

    @Slot()
    def _save_as(self) -> None:
        if self.library is None:
            return
        name, ok = QInputDialog.getText(
            self._box,
            QCoreApplication.translate("SendBox", "Save message"),
            QCoreApplication.translate("SendBox", "Name"),
            text=self.combo.currentText(),
        )
        if ok and name.strip():
            self.save_current(name.strip())

    def save_current(self, name: str) -> None:
        """Save the box's text and options under ``name`` in the library."""
        if self.library is None:
            return
        spec = self._current()
        try:
            self.library.save(name, spec.text, spec.fmt, spec.encoding, spec.line_ending)
        except StoreError as error:
            self._failed(error)
            return
        self.combo.setCurrentIndex(self.combo.findText(name))

    @Slot()
    def delete(self) -> None:
        """Delete the chosen message from the library."""
        name = self.combo.currentText()
        if self.library is None or not name:
            return
        try:
            self.library.delete(name)
        except StoreError as error:
            self._failed(error)
