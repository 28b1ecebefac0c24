"""How ``socketdesk-cli ipmsg`` prints events and the roster: one line each, JSON, or a table."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Sequence
from typing import Any

from desktop.core.ipmsg.events import (
    Event,
    FilesOffered,
    InfoReceived,
    MessageDelivered,
    MessageFailed,
    MessageRead,
    MessageReceived,
    Notice,
    OfferReleased,
    Peer,
    PeerJoined,
    PeerLeft,
    PeerUpdated,
    format_address,
)
from desktop.core.ipmsg.transfer import Direction, Transfer, TransferState

__all__ = ["json_line", "peer_json", "table", "text_line", "transfer_json", "transfer_line"]

_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape(text: str) -> str:
    if text.isprintable() and "\\" not in text:  # nothing to escape (the usual case): as it is
        return text
    return "".join(_ESCAPES.get(c, c if c.isprintable() else f"\\x{ord(c):02x}") for c in text)


def who(peer: Peer) -> str:
    names = f"{peer.user_at_host} " if peer.user_at_host else ""
    return f"{escape(peer.name)} <{names}{format_address(peer.address)}>"


def text_line(event: Event) -> str:
    if isinstance(event, PeerJoined | PeerUpdated):
        peer = event.peer
        verb = "joined" if isinstance(event, PeerJoined) else "updated"
        group = f"group {escape(peer.group)}, " if peer.group else ""
        return f"{verb} {who(peer)} {group}{peer.client}, {peer.encoding}, {peer.status}"
    if isinstance(event, PeerLeft):
        return f"left {who(event.peer)}: {event.reason}"
    if isinstance(event, MessageReceived):
        flags = [
            flag
            for flag, on in (
                ("sealed", event.sealed),
                ("auto-reply", event.auto_reply),
                ("broadcast", event.broadcast),
                ("undecodable bytes replaced", event.replaced),
            )
            if on
        ]
        files = [f"file {escape(name)}" for name in event.attachments]
        tags = "".join(f" [{tag}]" for tag in flags + files)
        return f"message from {who(event.peer)}{tags}: {escape(event.text)}"
    if isinstance(event, MessageDelivered):
        return f"delivered {event.message_id}"
    if isinstance(event, MessageFailed):
        return f"failed {event.message_id}: {event.reason}"
    if isinstance(event, MessageRead):
        return f"read {event.message_id}"
    if isinstance(event, InfoReceived):
        return f"{event.kind} of {who(event.peer)}: {escape(event.text)}"
    if isinstance(event, FilesOffered):
        return f"offered {event.message_id} as {event.offer.packet_no} to {who(event.offer.peer)}"
    if isinstance(event, OfferReleased):
        return f"released {event.packet_no} by {who(event.peer)}"
    return f"notice: {event.text}"


def peer_json(peer: Peer) -> dict[str, Any]:
    return {
        "nickname": peer.nickname,
        "group": peer.group,
        "user": peer.key.user,
        "host": peer.key.host,
        "address": peer.address[0],
        "port": peer.address[1],
        "client": peer.client,
        "dialect": peer.dialect.value,  # ipmsg, feiq, iptux or other: what scripts test
        "version": peer.version,
        "encoding": peer.encoding,
        "status": peer.status,
        "absent": peer.absent,
    }


def json_line(event: Event) -> str:
    record: dict[str, Any]
    if isinstance(event, PeerJoined | PeerUpdated | PeerLeft):
        names = {PeerJoined: "joined", PeerUpdated: "updated", PeerLeft: "left"}
        record = {"event": names[type(event)], "peer": peer_json(event.peer)}
    elif isinstance(event, MessageReceived):
        record = {
            "event": "message",
            "peer": peer_json(event.peer),
            "packet_no": event.packet_no,
            "text": event.text,
            "sealed": event.sealed,
            "auto_reply": event.auto_reply,
            "broadcast": event.broadcast,
            "attachments": list(event.attachments),
        }
    elif isinstance(event, InfoReceived):
        record = {"event": event.kind, "peer": peer_json(event.peer), "text": event.text}
    elif isinstance(event, Notice):
        record = {"event": "notice", "text": str(event.text)}
    elif isinstance(event, MessageFailed):
        record = {"event": "failed", "id": event.message_id, "reason": str(event.reason)}
    elif isinstance(event, FilesOffered):
        record = {"event": "offered", "id": event.message_id, "packet_no": event.offer.packet_no}
    elif isinstance(event, OfferReleased):
        record = {"event": "released", "peer": peer_json(event.peer), "packet_no": event.packet_no}
    else:
        kind = "delivered" if isinstance(event, MessageDelivered) else "read"
        record = {"event": kind, "id": event.message_id}
    return json.dumps(record, ensure_ascii=False)


def table(peers: Sequence[Peer]) -> str:
    head = ("NICKNAME", "GROUP", "USER@HOST", "ADDRESS", "CLIENT", "ENCODING", "STATUS")
    rows = [head] + [
        (
            escape(p.nickname),
            escape(p.group),
            escape(p.user_at_host),
            format_address(p.address),
            p.client,
            p.encoding,
            escape(p.status),
        )
        for p in peers
    ]
    widths = [max(width(row[i]) for row in rows) for i in range(len(head))]
    lines = [
        "  ".join(cell + " " * (widths[i] - width(cell)) for i, cell in enumerate(row)).rstrip()
        for row in rows
    ]
    lines.append(f"{len(peers)} user{'s' if len(peers) != 1 else ''}")
    return "\n".join(lines)


def width(text: str) -> int:
    """Terminal columns: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def transfer_line(transfer: Transfer) -> str:
    """One transfer as a line: ``received file 报告.txt from 鲍勃 (198.18.0.2:2425): done, …``."""
    t = transfer
    receiving = t.direction is Direction.RECEIVE
    verb = "received" if receiving else "sent"
    kind = "folder" if t.is_folder else "file"
    where = "from" if receiving else "to"
    head = f"{verb} {kind} {escape(t.name)} {where} {escape(t.peer_label)}: {t.state.value}"
    amount = f"{t.done} bytes" if not t.is_folder else f"{t.files_done} files, {t.done} bytes"
    if t.state is TransferState.DONE:
        path = f", {escape(t.path)}" if receiving and t.path else ""
        return f"{head}, {amount}{path}"
    if t.state in (TransferState.WAITING, TransferState.RUNNING):
        return f"{head}, {amount} of {t.size}"
    reason = f": {t.reason}" if t.reason is not None else ""
    if t.state in (TransferState.DECLINED, TransferState.EXPIRED):
        return f"{head}{reason}"  # nothing moved
    return f"{head} after {amount}{reason}"


def transfer_json(transfer: Transfer) -> dict[str, Any]:
    """A transfer's fields for scripts (``event``: ``transfer``)."""
    t = transfer
    return {
        "event": "transfer",
        "id": t.transfer_id,
        "direction": t.direction.value,
        "state": t.state.value,
        "name": t.name,
        "folder": t.is_folder,
        "size": t.size,
        "bytes": t.done,
        "files": t.files_done,
        "path": t.path,
        "peer": t.peer_label,
        "address": t.peer_address[0],
        "port": t.peer_address[1],
        "packet_no": t.packet_no,
        "file_id": t.file_id,
        "reason": None if t.reason is None else str(t.reason),
    }
