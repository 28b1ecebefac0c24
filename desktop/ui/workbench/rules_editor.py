"""Editor of a server's auto-reply rules: match kind, pattern, response, as text or hex."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.codec import InputFormat, encode_input
from desktop.core.errors import InputError, SocketDeskError
from desktop.core.net.auto_reply import AutoReplyRule, MatchKind
from desktop.ui.sentences import say
from desktop.ui.widgets.elided_label import ElidedLabel

__all__ = ["RulesEditor"]

_KIND, _PATTERN, _FORMAT, _RESPONSE = range(4)


class RulesEditor(QWidget):
    """A table of rules; the first rule that matches a received chunk answers it.

    The table folds away behind its header line, so that a running server on a small screen
    keeps its room for the log; folded, the line still says what answers: "3 rules active —
    Edit" (a click opens them) and the rules themselves in short ("PING → PONG · …").

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
        self.fold_button = QToolButton()
        self.fold_button.setObjectName("rulesFold")
        self.fold_button.setCheckable(True)
        self.fold_button.setChecked(True)
        self.fold_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.fold_button.setAutoRaise(True)
        self.summary = ElidedLabel()
        self.summary.setObjectName("rulesSummary")
        self.active = False  # the session runs: the rules answer now
        self.add_button = QPushButton(self.tr("Add rule"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button.clicked.connect(self._remove_selected)
        self.fold_button.toggled.connect(self.set_expanded)
        self.table.itemChanged.connect(lambda _item: self.rules_changed.emit())
        self.rules_changed.connect(self._update_title)
        buttons = QHBoxLayout()
        buttons.addWidget(self.fold_button)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self._update_title()
        self.set_expanded(True)

    @Slot(bool)
    def set_expanded(self, expanded: bool) -> None:
        """Show the rules table, or fold it away to its header line."""
        self.fold_button.blockSignals(True)
        self.fold_button.setChecked(expanded)
        self.fold_button.blockSignals(False)
        self.fold_button.setArrowType(
            Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow
        )
        self.fold_button.setToolTip(
            self.tr("Hide the rules (they keep answering)")
            if expanded
            else self.tr("Show the rules to edit them")
        )
        self.table.setVisible(expanded)
        self.remove_button.setVisible(expanded)
        self._update_title()

    def set_active(self, active: bool) -> None:
        """Whether the session runs (the folded line then says the rules are active)."""
        self.active = active
        self._update_title()

    def is_expanded(self) -> bool:
        """Whether the rules table is shown."""
        return self.fold_button.isChecked()

    @Slot()
    def _update_title(self) -> None:
        count = self.table.rowCount()
        expanded = self.is_expanded()
        if expanded:
            title = self.tr("Auto-reply rules: {count}").format(count=count)
        elif self.active:
            title = self.tr("%n rule(s) active — Edit", "", count)
        else:
            title = self.tr("%n rule(s) — Edit", "", count)
        self.fold_button.setText(title)
        self.summary.setVisible(not expanded)
        self.summary.setText("" if expanded else self._preview())

    def _preview(self) -> str:
        """The rules in short: "pattern → response", separated by middle dots."""
        parts = []
        for row in range(self.table.rowCount()):
            pattern, response = self.table.item(row, _PATTERN), self.table.item(row, _RESPONSE)
            parts.append(
                f"{pattern.text() if pattern else ''} → {response.text() if response else ''}"
            )
        return " · ".join(parts)

    @Slot()
    def _add_clicked(self) -> None:
        self.set_expanded(True)
        self.add_rule()

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
                problem = say(error) if isinstance(error, SocketDeskError) else str(error)
                raise ValueError(
                    self.tr("Rule {row}: {problem}").format(row=row + 1, problem=problem)
                ) from None
        return rules
