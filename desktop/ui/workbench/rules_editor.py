"""Editor of a server's auto-reply rules: match kind, pattern, response, as text or hex."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.codec import InputFormat, encode_input
from desktop.core.errors import InputError, SocketDeskError
from desktop.core.net.auto_reply import AutoReplyRule, MatchKind
from desktop.ui.sentences import say

__all__ = ["RulesEditor"]

_KIND, _PATTERN, _FORMAT, _RESPONSE = range(4)


class RulesEditor(QWidget):
    """A table of rules; the first rule that matches a received chunk answers it.

    Signals:
        rules_changed(): a rule was added, removed or edited.
    """

    rules_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Match"), self.tr("Pattern"), self.tr("As"), self.tr("Response")]
        )
        self.table.horizontalHeader().setSectionResizeMode(_PATTERN, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            _RESPONSE, QHeaderView.ResizeMode.Stretch
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setMaximumHeight(130)
        add = QPushButton(self.tr("Add rule"))
        remove = QPushButton(self.tr("Remove"))
        add.clicked.connect(self.add_rule)
        remove.clicked.connect(self._remove_selected)
        self.table.itemChanged.connect(lambda _item: self.rules_changed.emit())
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def add_rule(
        self,
        kind: MatchKind = MatchKind.CONTAINS,
        pattern: str = "",
        fmt: InputFormat = InputFormat.ESCAPED,
        response: str = "",
    ) -> None:
        """Append a rule row."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        kinds = QComboBox()
        for value, label in (
            (MatchKind.EXACT, self.tr("is")),
            (MatchKind.CONTAINS, self.tr("contains")),
            (MatchKind.STARTS, self.tr("starts with")),
            (MatchKind.REGEX, self.tr("regex")),
        ):
            kinds.addItem(label, value)
        kinds.setCurrentIndex(kinds.findData(kind))
        formats = QComboBox()
        formats.addItem(self.tr("Text + escapes"), InputFormat.ESCAPED)
        formats.addItem(self.tr("Hex"), InputFormat.HEX)
        formats.setCurrentIndex(formats.findData(fmt))
        kinds.currentIndexChanged.connect(lambda _i: self.rules_changed.emit())
        formats.currentIndexChanged.connect(lambda _i: self.rules_changed.emit())
        self.table.setCellWidget(row, _KIND, kinds)
        self.table.setCellWidget(row, _FORMAT, formats)
        self.table.setItem(row, _PATTERN, QTableWidgetItem(pattern))
        self.table.setItem(row, _RESPONSE, QTableWidgetItem(response))
        self.rules_changed.emit()

    def _remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        self.rules_changed.emit()

    def rules(self) -> list[AutoReplyRule]:
        """The rules as bytes.

        Raises:
            ValueError: a row is not valid; the message names the row and the problem.
        """
        rules = []
        for row in range(self.table.rowCount()):
            kind_box = self.table.cellWidget(row, _KIND)
            format_box = self.table.cellWidget(row, _FORMAT)
            assert isinstance(kind_box, QComboBox) and isinstance(format_box, QComboBox)
            kind: MatchKind = kind_box.currentData()
            fmt: InputFormat = format_box.currentData()
            pattern_item = self.table.item(row, _PATTERN)
            response_item = self.table.item(row, _RESPONSE)
            pattern_text = pattern_item.text() if pattern_item else ""
            response_text = response_item.text() if response_item else ""
            if not pattern_text:
                raise ValueError(self.tr("Rule {row}: the pattern is empty.").format(row=row + 1))
            try:
                if kind is MatchKind.REGEX:
                    # Python's re handles \n, \x41 and group references (\1) itself.
                    pattern = pattern_text.encode("utf-8")
                    response = response_text.encode("utf-8")
                else:
                    pattern = encode_input(pattern_text, fmt)
                    response = encode_input(response_text, fmt)
                rules.append(AutoReplyRule(kind, pattern, response))
            except (InputError, ValueError) as error:
                raise ValueError(
                    self.tr("Rule {row}: {problem}").format(
                        row=row + 1,
                        problem=say(error) if isinstance(error, SocketDeskError) else error,
                    )
                ) from None
        return rules
