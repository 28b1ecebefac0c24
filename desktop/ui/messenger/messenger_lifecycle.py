"""The Messenger's start and stop: the node's lifecycle, a port in use, what is kept in the
settings (identity, network, status, per-peer encodings)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QWidget

from desktop.core.errors import SocketDeskError
from desktop.core.ipmsg.events import Address
from desktop.ui.messages import Level
from desktop.ui.messenger.control_bar import REACH
from desktop.ui.messenger.peer_encodings import load_encodings, save_encodings
from desktop.ui.sentences import Said, say

if TYPE_CHECKING:
    from desktop.ui.messenger.file_transfers import FileTransfers

__all__ = ["MessengerLifecycle"]


class MessengerLifecycle(QWidget):
    """Start/Stop of ``MessengerPanel`` (its base: it uses the panel's identity pane, control
    bar, bridge, roster and conversations). A QWidget so that its slots are the widget's, and
    the bridge's queued signals stop reaching them once the page is deleted.

    Start checks the identity pane, saves the settings and starts the node; a port in use is
    said with a free port offered ("Use port N" starts again there); Stop says goodbye.
    """

    _running: bool
    _encodings: dict[Address, str]
    files: FileTransfers  # FilesActions's: where the next transfer id comes from

    # -- settings ----------------------------------------------------------------------------------
    def _load_settings(self) -> None:
        if self.settings is None:
            return
        self._encodings = load_encodings(self.settings)
        self.identity.load(self.settings)
        self.presence.load(self.settings)  # may announce "away": saved back as it was loaded

    def save_settings(self) -> None:
        """Store identity, network, status and per-peer encodings."""
        if self.settings is None:
            return
        self.identity.save(self.settings)
        self.presence.save(self.settings)
        save_encodings(self.settings, self._encodings)

    # -- start and stop ----------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        """The node is started (or starting)."""
        return self._running

    def toggle(self) -> None:
        """Start, or stop when running."""
        if self._running:
            self.stop()
        else:
            self.start()

    def start(self) -> None:
        """Start the node with what the identity pane says."""
        self.controls.clear()
        try:
            request = self.identity.start_request(self._base)
        except SocketDeskError as error:
            self.status.setText(self.tr("Not started"))
            self.controls.error(error)
            return
        if request.warning:
            level = Level.ERROR if request.warning_kind == "error" else Level.WARNING
            self.messages.show(request.warning, level, REACH)
        self.save_settings()
        self._running = True
        self._set_editable(False)
        self.status.setText(self.tr("Starting…"))
        self.bridge.start(
            request.identity,
            request.settings,
            request.bind,
            absence=self.presence.absence(),
            encodings=self._encodings,
            first_transfer_id=self.files.next_transfer_id(),
        )

    def stop(self, leave: bool = True) -> None:
        """Stop the node (saying goodbye unless ``leave`` is False)."""
        if self._running:
            self.status.setText(self.tr("Stopping…"))
            self.bridge.stop(leave)

    def set_peer_encoding(self, address: Address, encoding: str | None) -> None:
        """Read and write the peer at ``address`` in ``encoding`` (None: detect); kept."""
        if encoding is None:
            self._encodings.pop(address, None)
        else:
            self._encodings[address] = encoding
        self.save_settings()
        self.bridge.set_encoding(address, encoding)

    def encoding_of(self, address: Address) -> str | None:
        """The encoding chosen for ``address`` (None: detected)."""
        return self._encodings.get(address)

    @Slot(str)
    def _started(self, address: str) -> None:
        self.status.setText(self.tr("Listening on {address}").format(address=address))
        self.start_button.setText(self.tr("Stop"))
        self.refresh_button.setEnabled(True)

    @Slot(object, int)
    def _start_failed(self, reason: Said, free_port: int) -> None:
        self._running = False
        self._set_editable(True)
        self.status.setText(self.tr("Not started"))
        self.controls.error(say(reason), free_port)

    @Slot()
    def _stopped(self) -> None:
        self._running = False
        self._set_editable(True)
        self.start_button.setText(self.tr("Start"))
        self.refresh_button.setEnabled(False)
        self.status.setText(self.tr("Stopped"))
        self.messages.clear(REACH)  # no longer true: nothing is announced
        self.roster.clear()
        self.conversations.listing.set_all_offline()
        if self._current is not None:
            self.chat.title.setText(self._title())

    @Slot(object)
    def _absence_changed(self, message: str | None) -> None:
        self.save_settings()
        if self._running:
            self.bridge.set_absence(message)

    @Slot(int)
    def _use_port(self, port: int) -> None:
        self.port.setValue(port)
        self.start()

    def _set_editable(self, editable: bool) -> None:
        self.identity.set_editable(editable)
        self.start_button.setText(self.tr("Start") if editable else self.tr("Stop"))
