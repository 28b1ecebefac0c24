"""One conversation: the bounded message list (model/view, painted as bubbles) and its input."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QModelIndex, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.messenger.chat_delegate import ChatDelegate
from desktop.ui.messenger.chat_model import (
    MAX_MESSAGES,
    ChatEntry,
    ChatModel,
    Delivery,
    find_links,
)
from desktop.ui.messenger.offer_bar import OfferBar
from desktop.ui.messenger.offer_view import OfferView

__all__ = [
    "MAX_MESSAGES",
    "ChatEntry",
    "ChatModel",
    "ChatView",
    "Delivery",
    "MessageInput",
    "local_paths",
]


def local_paths(mime: QMimeData) -> list[str]:
    """The local files and folders dragged (empty when there are none)."""
    if not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


class FileDrops:
    """Accepts drops of local files and folders, handing their paths to ``files_dropped``.

    Mixed into a widget that declares ``files_dropped = Signal(list)``; other drops go on to the
    widget's own handling.
    """

    files_dropped: Signal

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragEnterEvent(event)  # type: ignore[misc]

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if local_paths(event.mimeData()):
            event.acceptProposedAction()
            return
        super().dragMoveEvent(event)  # type: ignore[misc]

    def dropEvent(self, event: QDropEvent) -> None:
        paths = local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)  # type: ignore[attr-defined]
            return
        super().dropEvent(event)  # type: ignore[misc]


class MessageInput(FileDrops, QPlainTextEdit):
    """A multi-line input: Enter sends, Shift+Enter starts a new line; files dropped are offered.

    Signals:
        submitted(): Enter was pressed.
        files_dropped(list): local files or folders were dropped on it.
    """

    submitted = Signal()
    files_dropped = Signal(list)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class MessageList(FileDrops, QListView):
    """The list of messages; Copy (Ctrl+C) copies the message's text, not its one-line form.

    Signals:
        copy_requested(): the user pressed the Copy shortcut.
        files_dropped(list): local files or folders were dropped on it.
    """

    copy_requested = Signal()
    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
            return
        super().keyPressEvent(event)


class ChatView(QWidget):
    """The conversation with one peer: title, messages, input, "sealed" and Send.

    Signals:
        send_requested(str, bool): the text to send and whether sealed.
        open_requested(int): the user opened the received sealed message on this row.
        files_dropped(list): files or folders dropped on the conversation (local paths).
        send_files_requested(bool): "Send files…" (False) or "Send folder…" (True) clicked.
    """

    send_requested = Signal(str, bool)
    open_requested = Signal(int)
    files_dropped = Signal(list)
    send_files_requested = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model: ChatModel | None = None
        self.title = QLabel(self.tr("Choose someone in the list to chat with."))
        self.messages = MessageList()
        self.messages.setUniformItemSizes(False)
        self.messages.setResizeMode(QListView.ResizeMode.Adjust)  # heights follow the width
        self.messages.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.messages.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.delegate = ChatDelegate(self.messages)
        self.messages.setItemDelegate(self.delegate)
        self.messages.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.messages.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.messages.doubleClicked.connect(self._opened)
        self.messages.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.messages.customContextMenuRequested.connect(self._menu)
        self.copy_action = QAction(self.tr("Copy"), self.messages)
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_action.triggered.connect(self.copy_current)
        self.messages.addAction(self.copy_action)
        self.messages.copy_requested.connect(self.copy_current)
        # Where the view stays when rows are laid out again (a new message, a resize, the
        # first layout after opening): at the bottom while the user is there, or at a row
        # asked for (the "new messages" marker, a history result) until the user scrolls.
        self._stick = True
        self._target: tuple[int, QAbstractItemView.ScrollHint] | None = None
        bar = self.messages.verticalScrollBar()
        bar.rangeChanged.connect(self._relaid)
        bar.valueChanged.connect(self._scrolled)
        bar.actionTriggered.connect(self._user_scrolled)
        self.input = MessageInput()
        self.input.setPlaceholderText(self.tr("Message (Enter sends, Shift+Enter: new line)"))
        self.input.setMaximumHeight(90)
        self.input.submitted.connect(self.submit)
        self.sealed = QCheckBox(self.tr("Sealed"))
        self.sealed.setToolTip(self.tr("The peer must open it; you are told when they do."))
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.clicked.connect(self.submit)
        self.files_button = QPushButton(self.tr("Send files…"))
        self.files_button.setToolTip(self.tr("Offer files, with the message typed (if any)"))
        self.files_button.clicked.connect(lambda: self.send_files_requested.emit(False))
        self.folder_button = QPushButton(self.tr("Send folder…"))
        self.folder_button.clicked.connect(lambda: self.send_files_requested.emit(True))
        self.messages.files_dropped.connect(self.files_dropped)
        self.input.files_dropped.connect(self.files_dropped)
        self.offer_bar = OfferBar()
        self.messages.clicked.connect(self._offer_clicked)

        row = QHBoxLayout()
        row.addWidget(self.sealed)
        row.addStretch(1)
        row.addWidget(self.files_button)
        row.addWidget(self.folder_button)
        row.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.messages, 1)
        layout.addWidget(self.offer_bar)
        layout.addWidget(self.input)
        layout.addLayout(row)
        self.set_conversation(None, "")

    def set_conversation(self, model: ChatModel | None, title: str) -> None:
        """Show ``model`` (None: nobody chosen)."""
        if self._model is not None:
            self._model.rowsInserted.disconnect(self.refresh_offer)
            self._model.layoutChanged.disconnect(self.refresh_offer)
        self._model = model
        self._target, self._stick = None, True
        self.messages.setModel(model)
        if model is not None:
            model.rowsInserted.connect(self.refresh_offer)
            model.layoutChanged.connect(self.refresh_offer)
        self._chosen_offer: OfferView | None = None
        self.refresh_offer()
        if model is not None:
            self.title.setText(title)
            marker = model.marker_row
            if marker is not None:
                self._aim(marker, QAbstractItemView.ScrollHint.PositionAtTop)
            else:
                self.messages.scrollToBottom()
        else:
            self.title.setText(self.tr("Choose someone in the list to chat with."))
        enabled = model is not None
        self.input.setEnabled(enabled)
        self.send_button.setEnabled(enabled)
        self.sealed.setEnabled(enabled)
        self.files_button.setEnabled(enabled)
        self.folder_button.setEnabled(enabled)
        self.setAcceptDrops(enabled)
        self.messages.setAcceptDrops(enabled)
        self.input.setAcceptDrops(enabled)

    def refresh_offer(self, *_args: object) -> None:
        """Point the offer bar at the offer clicked, else the newest one still open."""
        model = self._model
        view = self._chosen_offer
        if model is None:
            self.offer_bar.show_offer(None)
            return
        offers = [entry.offer for row in model.offer_rows() if (entry := model.entry(row))]
        if view is None or view not in offers:
            open_ = [o for o in offers if isinstance(o, OfferView) and o.live]
            view = open_[-1] if open_ else None
        self.offer_bar.show_offer(view)

    def _offer_clicked(self, index: QModelIndex) -> None:
        entry = index.data(ChatModel.EntryRole)
        if isinstance(entry, ChatEntry) and isinstance(entry.offer, OfferView):
            self._chosen_offer = entry.offer
            self.refresh_offer()

    def scroll_to(self, row: int) -> None:
        """Show and select the message on ``row`` (from a history search result)."""
        if self._model is None or self._model.entry(row) is None:
            return
        self._aim(row, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.messages.setCurrentIndex(self._model.index(row))

    def submit(self) -> None:
        """Send what was typed (nothing for blank input)."""
        text = self.input.toPlainText()
        if not text.strip() or not self.input.isEnabled():
            return
        self.input.clear()
        self._target, self._stick = None, True  # what we send is shown
        self.send_requested.emit(text, self.sealed.isChecked())

    def _aim(self, row: int, hint: QAbstractItemView.ScrollHint) -> None:
        self._target, self._stick = (row, hint), False
        self._relaid()

    def _relaid(self, *_range: int) -> None:
        if self._model is None:
            return
        if self._target is not None:
            row, hint = self._target
            self.messages.scrollTo(self._model.index(row), hint)
        elif self._stick:
            self.messages.scrollToBottom()

    def _scrolled(self, value: int) -> None:
        if self._target is None:
            self._stick = value >= self.messages.verticalScrollBar().maximum() - 2

    def _user_scrolled(self, _action: int) -> None:
        self._target = None

    def copy_current(self) -> None:
        """Put the text of the selected message on the clipboard."""
        entry = self.messages.currentIndex().data(ChatModel.EntryRole)
        if isinstance(entry, ChatEntry) and (entry.opened or not entry.sealed or entry.outgoing):
            QGuiApplication.clipboard().setText(entry.text)

    def _opened(self, index: QModelIndex) -> None:
        entry = index.data(ChatModel.EntryRole)
        if not isinstance(entry, ChatEntry):
            return
        if entry.sealed and not entry.outgoing and not entry.opened:
            self.open_requested.emit(index.row())
            return
        links = find_links(str(index.data(ChatModel.BodyRole)))
        if links:  # a message with a link: double-click opens it
            QDesktopServices.openUrl(QUrl(links[0][2]))

    def _menu(self, where: QPoint) -> None:
        index = self.messages.indexAt(where)
        if not index.isValid():
            return
        self.messages.setCurrentIndex(index)
        menu = QMenu(self)
        menu.addAction(self.copy_action)
        for _start, _length, url in find_links(str(index.data(ChatModel.BodyRole)))[:5]:
            menu.addAction(self.tr("Open {link}").format(link=url[:60])).setData(url)
        chosen = menu.exec(self.messages.viewport().mapToGlobal(where))
        if chosen is not None and chosen.data():
            QDesktopServices.openUrl(QUrl(str(chosen.data())))
