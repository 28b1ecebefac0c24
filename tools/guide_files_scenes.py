"""The user guide's file-transfer scenes (``tools.screenshot``): the Messenger offering files,
receiving an offer, and the Transfers window.

The peer is one more Messenger node in this process (``screenshot_scenes._peer``: its own
bridge on the window's I/O thread), bound to 127.0.0.1 and announced to by unicast: nothing is
broadcast and nothing leaves the machine. The Transfers window's running row is a download
from a loopback sender in a thread that trickles its bytes; its failed row asks a loopback port
where nothing listens.
"""

from __future__ import annotations

import socket
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QTimer

from desktop.core.ipmsg.events import Peer, PeerKey
from desktop.core.ipmsg.offers import Offer, OfferedFile
from desktop.ui.messenger.messenger_panel import MessengerPanel
from desktop.ui.messenger.offer_dialog import AcceptDialog
from tests.helpers.servers import closed_port
from tools.screenshot_scenes import _key_of, _peer, _when

Grab = Callable[[], None]
_BOB = ("鲍勃", "开发部")


def _files(folder: Path, names: dict[str, int]) -> list[str]:
    """Files of these sizes in ``folder`` (sparse: nothing is written but their length)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, size in names.items():
        path = folder / name
        with path.open("wb") as out:
            out.truncate(size)
        paths.append(str(path))
    return paths


def _with_bob(app: object, then: Callable[[MessengerPanel, MessengerPanel, PeerKey], None]) -> Path:
    """Start me (阿明) and a peer (鲍勃) on 127.0.0.1, open his conversation, call ``then``;
    the scene's scratch folder."""
    window = app.window  # type: ignore[attr-defined]
    window.tabs.setCurrentWidget(window.messenger)
    me: MessengerPanel = window.messenger
    bob = _peer(app, *_BOB)
    window.scene_peers = [bob]  # type: ignore[attr-defined]  # alive until the grab
    scratch = Path(tempfile.mkdtemp(prefix="socketdesk-guide-files-"))

    def start_me(address: str) -> None:
        me.nickname.setText("阿明")
        me.group.setText("研发部")
        me.identity.set_interface("127.0.0.1")
        me.port.setValue(0)
        me.targets.setText(f"127.0.0.1:{address.rpartition(':')[2]}")
        me.start()
        _when(lambda: _key_of(me, _BOB[0]) is not None and bob.roster.rowCount() > 0, ready)

    def ready() -> None:
        key = _key_of(me, _BOB[0])
        if key is not None:
            me.open_conversation(key)
            then(me, bob, key)

    bob.bridge.started.connect(start_me)
    bob.start()
    return scratch


def files_send_scene(app: object, grab: Grab) -> None:
    """A message with two files and a folder offered to 鲍勃, waiting for him to fetch them."""
    holder: list[Path] = []

    def offer(me: MessengerPanel, bob: MessengerPanel, key: PeerKey) -> None:
        out = holder[0] / "发布"
        paths = _files(out, {"release-2.4.0.zip": 48_300_000, "测试报告.pdf": 1_260_000})
        _files(out / "截图", {"主窗口.png": 412_000, "传输.png": 388_000})
        paths.append(str(out / "截图"))
        me.offer_files([key], paths, "发布包和测试报告，请查收。")
        QTimer.singleShot(1200, grab)

    holder.append(_with_bob(app, offer))


def files_receive_scene(app: object, grab: Grab, *, some: bool = True) -> None:
    """An offer from 鲍勃 in the conversation, the bar's buttons under it, and (``some``) the
    Accept some… dialog open on it."""
    holder: list[Path] = []

    def offer(me: MessengerPanel, bob: MessengerPanel, key: PeerKey) -> None:
        out = holder[0] / "鲍勃"
        paths = _files(
            out,
            {"会议纪要 3月.docx": 86_500, "设计稿-v7.sketch": 23_400_000, "数据.csv": 2_150_000},
        )
        _files(out / "照片", {"IMG_0412.jpg": 3_100_000, "IMG_0413.jpg": 2_900_000})
        paths.append(str(out / "照片"))
        mine = _key_of(bob, "阿明")
        if mine is not None:
            bob.offer_files([mine], paths, "昨天会上的资料都在这里。")
        _when(me.chat.offer_bar.isVisible, shown)

    def shown() -> None:
        if some:
            QTimer.singleShot(300, open_dialog)
        QTimer.singleShot(1200, grab)

    def open_dialog() -> None:
        me: MessengerPanel = app.window.messenger  # type: ignore[attr-defined]
        me.chat.offer_bar.accept_some_button.click()
        dialog = me.findChild(AcceptDialog)
        if dialog is not None:  # over the roster, so the offer's bubble stays in sight
            dialog.resize(380, 250)
            dialog.move(me.mapToGlobal(me.rect().bottomLeft()) + QPoint(12, -300))

    holder.append(_with_bob(app, offer))


def _trickle(listener: socket.socket, size: int) -> None:
    """A sender that reads one request, then sends ``size`` bytes slowly (a running row)."""
    try:
        conn, _ = listener.accept()
    except OSError:
        return
    with conn:
        conn.recv(4096)
        block = b"\0" * 65536
        sent = 0
        try:
            while sent < size:
                conn.sendall(block)
                sent += len(block)
                time.sleep(0.01)  # a few MB/s: still running when the picture is taken
        except OSError:
            return


def transfers_scene(app: object, grab: Grab) -> None:
    """The Transfers window: a download done, one running (a slow loopback sender), one failed
    (nothing listens), and an upload done."""
    holder: list[Path] = []

    def run(me: MessengerPanel, bob: MessengerPanel, key: PeerKey) -> None:
        scratch = holder[0]
        inbox = scratch / "下载"
        inbox.mkdir()
        # Done, both ways: 鲍勃's report to me, and my file to him.
        [report] = _files(scratch / "鲍勃", {"季度报告.pdf": 2_480_000})
        mine = _key_of(bob, "阿明")
        if mine is not None:
            bob.open_conversation(mine)
            bob.offer_files([mine], [report], "")
        _when(lambda: me.chat.offer_bar.view is not None, lambda: accept_report(me))
        [logo] = _files(scratch / "out", {"logo.svg": 18_400})
        me.offer_files([key], [logo], "")
        _when(lambda: bob.chat.offer_bar.view is not None, lambda: accept_logo(bob))
        # Running: a large file from a sender that trickles.
        listener = socket.create_server(("127.0.0.1", 0))
        app.window.scene_clients = [listener]  # type: ignore[attr-defined]  # open until the grab
        threading.Thread(target=_trickle, args=(listener, 240_000_000), daemon=True).start()
        sender = Peer(PeerKey(("127.0.0.1", listener.getsockname()[1]), "bob", "PC-B"), "鲍勃")
        big = Offer(sender, 0x5E8F0001, (OfferedFile(0, "虚拟机镜像.iso", 240_000_000),))
        me.bridge.accept(big, [0], str(inbox))
        # Failed: an offer whose sender has gone (nothing listens on its port).
        gone = Peer(PeerKey(("127.0.0.1", closed_port()), "carol", "PC-C"), "Carol")
        lost = Offer(gone, 0x5E8F0002, (OfferedFile(0, "budget-2026.xlsx", 524_000),))
        me.bridge.accept(lost, [0], str(inbox))
        QTimer.singleShot(1500, lambda: open_window(me))

    def accept_report(me: MessengerPanel) -> None:
        view = me.chat.offer_bar.view
        if view is not None:
            me.files.accept(view, [f.file_id for f in view.files], str(holder[0] / "下载"))

    def accept_logo(bob: MessengerPanel) -> None:
        view = bob.chat.offer_bar.view
        if view is not None:
            bob.files.accept(view, [f.file_id for f in view.files], str(holder[0] / "bob-in"))

    def open_window(me: MessengerPanel) -> None:
        window = me.open_transfers()
        window.resize(900, 360)
        frame = app.window.frameGeometry()  # type: ignore[attr-defined]
        window.move(frame.center() - window.rect().center())
        QTimer.singleShot(2500, grab)

    holder.append(_with_bob(app, run))


FILES_SCENES: dict[str, Callable[[object, Grab], None]] = {
    "messenger-files-send": files_send_scene,
    "messenger-files-receive": files_receive_scene,
    "messenger-transfers": transfers_scene,
}
