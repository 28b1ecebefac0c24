"""Guard for the pinned PySide6: 200,000 void Qt calls and None-returning model data survive.

PySide6-Essentials 6.12.0 on CPython 3.11 loses a reference to None per such call and aborts the
interpreter (``none_dealloc``) after ~20,000 of them. Run in a child process: an abort there must
fail this test, not kill the test session.
"""

from __future__ import annotations

import subprocess
import sys

CHILD = r"""
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("x")
for i in range(200_000):
    label.resize(10 + i % 50, 10)          # returns nothing: the call that leaked None

class Empty(QAbstractListModel):
    def rowCount(self, parent=QModelIndex()):
        return 10
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None                            # None for every role
model = Empty()
for _ in range(20_000):
    model.beginResetModel(); model.endResetModel()
    model.index(3, 0).data(Qt.ItemDataRole.ToolTipRole)
print("survived")
"""


def test_two_hundred_thousand_void_calls_survive() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, f"child died ({result.returncode}): {result.stderr[-2000:]}"
    assert result.stdout.strip() == "survived"
