"""The roster's context menu: the encoding to read and write a peer in."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

__all__ = ["PEER_ENCODINGS", "SEND_FILES", "SEND_FOLDER", "PeerMenu", "encoding_menu", "peer_menu"]

# (codec, label): what IP Messenger, FeiQ and iptux users write in (§2).
PEER_ENCODINGS = (
    ("utf-8", "UTF-8"),
    ("gb18030", "GBK (GB18030)"),
    ("cp936", "CP936"),
    ("cp932", "CP932 (Shift_JIS)"),
    ("big5", "Big5 (CP950)"),
    ("cp949", "CP949 (Korean)"),
)


def encoding_menu(parent: QWidget, current: str | None) -> QMenu:
    """A menu of encodings, ``current`` checked (None: Auto); each action's data is the codec."""
    menu = QMenu(QCoreApplication.translate("PeerMenu", "Encoding"), parent)
    group = QActionGroup(menu)
    auto = menu.addAction(QCoreApplication.translate("PeerMenu", "Auto (detected)"))
    auto.setData("")
    menu.addSeparator()
    actions = [auto]
    for codec, label in PEER_ENCODINGS:
        action = menu.addAction(label)
        action.setData(codec)
        actions.append(action)
    for action in actions:
        action.setCheckable(True)
        action.setChecked((action.data() or None) == current)
        group.addAction(action)
    return menu


SEND_FILES, SEND_FOLDER = "\x00files", "\x00folder"  # never a codec's name


class PeerMenu(QMenu):
    """The roster's menu for ``count`` selected peers: send files or a folder, and the encoding.

    An action's data is ``SEND_FILES``, ``SEND_FOLDER`` or a codec ("" for Auto).
    """

    def __init__(self, parent: QWidget, current: str | None, count: int) -> None:
        super().__init__(parent)
        files = self.addAction(self.tr("Send files to %n peer(s)…", "", count))
        files.setData(SEND_FILES)
        folder = self.addAction(self.tr("Send a folder to %n peer(s)…", "", count))
        folder.setData(SEND_FOLDER)
        self.addSeparator()
        self.addMenu(encoding_menu(self, current))


def peer_menu(parent: QWidget, current: str | None, count: int) -> QMenu:
    """The roster's menu for ``count`` selected peers (see ``PeerMenu``)."""
    return PeerMenu(parent, current, count)
