"""How a listening session answers: plain, echo or auto-reply rules (TCP server and UDP alike)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QComboBox, QWidget

from desktop.core.net.auto_reply import AutoReplyRule
from desktop.core.net.tcp_server import ServerMode
from desktop.ui.workbench.rules_editor import RulesEditor

__all__ = ["ReplyMode"]


class _Session(Protocol):
    """The panel that owns the controls: whether its session runs."""

    @property
    def running(self) -> bool: ...


class ReplyMode(QObject):
    """The mode box and the rules editor of a session that answers what it receives.

    The owner places ``combo`` in a row and ``rules`` below its controls, calls ``fold()`` when
    the session starts, and gets ``changed`` while its session runs (asked of ``owner``, its
    Qt parent: no Python reference back to the panel, so the panel goes when its tab closes).

    Signals:
        changed(object, object): the mode (``ServerMode``) and its rules, while running.
        problem(str): why the rules as typed cannot be used (a sentence for the banner).
    """

    changed = Signal(object, object)
    problem = Signal(str)

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self.combo = QComboBox()
        self.combo.setObjectName("modeCombo")
        for mode, label in (
            (ServerMode.PLAIN, self.tr("Plain")),
            (ServerMode.ECHO, self.tr("Echo")),
            (ServerMode.RULES, self.tr("Auto-reply rules")),
        ):
            self.combo.addItem(label, mode)
        self.rules = RulesEditor()
        self.rules.hide()
        self.combo.currentIndexChanged.connect(self._mode_changed)
        self.rules.rules_changed.connect(self._rules_changed)

    def mode(self) -> ServerMode:
        """The mode chosen."""
        mode: ServerMode = self.combo.currentData()
        return mode

    def current(self) -> tuple[ServerMode, Sequence[AutoReplyRule]] | None:
        """The mode and its rules, or None after saying (``problem``) what is wrong with them."""
        mode = self.mode()
        try:
            rules = tuple(self.rules.rules()) if mode is ServerMode.RULES else ()
        except ValueError as error:
            self.problem.emit(str(error))
            return None
        return mode, rules

    def fold(self) -> None:
        """The session started: the rules answer now, so the room goes to the log (the folded
        line still says how many rules answer, and what they are)."""
        self.rules.set_active(True)
        self.rules.set_expanded(False)

    def stopped(self) -> None:
        """The session stopped: the rules answer no more."""
        self.rules.set_active(False)

    @Slot()
    def _mode_changed(self) -> None:
        rules_mode = self.mode() is ServerMode.RULES
        self.rules.setVisible(rules_mode)
        if rules_mode and not self._running():
            self.rules.set_expanded(True)
        if rules_mode and self.rules.table.rowCount() == 0:
            self.rules.add_rule()
        self._rules_changed()

    @Slot()
    def _rules_changed(self) -> None:
        if not self._running():
            return
        current = self.current()
        if current is not None:
            self.changed.emit(*current)

    def _running(self) -> bool:
        owner: _Session = self.parent()  # type: ignore[assignment]
        return owner.running
