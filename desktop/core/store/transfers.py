"""The Messenger's transfers list, kept in the database so it survives a restart.

One row per transfer id holds its latest snapshot. A running transfer publishes about ten
snapshots a second: ``save`` writes a state change at once and progress at most once per
``PROGRESS_INTERVAL``, so the file is touched about once a second per running transfer.
A transfer that was waiting or running when the app stopped comes back FAILED, with a reason
("interrupted when SocketDesk closed"), never as done.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable

from desktop.core.ipmsg.transfer import Direction, Transfer, TransferState
from desktop.core.sentence import QT_TRANSLATE_NOOP, Sentence, sentence
from desktop.core.store.database import transaction

__all__ = ["INTERRUPTED", "PROGRESS_INTERVAL", "TransferStore", "sentence_from_json"]

# Progress of a running transfer is written at most this often (seconds); state changes always.
PROGRESS_INTERVAL = 1.0

INTERRUPTED = QT_TRANSLATE_NOOP("core", "interrupted when SocketDesk closed")

_COLUMNS = (
    "id, direction, peer_label, peer_ip, peer_port, packet_no, file_id, name, is_folder, size,"
    " done, files_done, path, state, reason, started_at, finished_at"
)
_FINISHED = tuple(state.value for state in TransferState if state.finished)
_UNFINISHED = tuple(state.value for state in TransferState if not state.finished)


class TransferStore:
    """The transfers of a database from ``open_database()``.

    Args:
        conn: the connection.
        clock: monotonic seconds, for the progress throttle (tests pass their own).
    """

    def __init__(
        self, conn: sqlite3.Connection, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._conn = conn
        self._clock = clock
        # transfer id → (state saved last, when)
        self._saved: dict[int, tuple[TransferState, float]] = {}

    def save(self, transfer: Transfer) -> bool:
        """Keep ``transfer``'s snapshot; returns True if it was written now.

        A new transfer or a new state is written at once; progress of the same state only
        when ``PROGRESS_INTERVAL`` has passed since the last write of that transfer.

        Raises:
            StoreError: the database failed.
        """
        now = self._clock()
        last = self._saved.get(transfer.transfer_id)
        if last is not None and last[0] is transfer.state and now - last[1] < PROGRESS_INTERVAL:
            return False
        self._write([transfer])
        self._saved[transfer.transfer_id] = (transfer.state, now)
        return True

    def save_all(self, transfers: Iterable[Transfer]) -> int:
        """``save`` each of a batch; returns how many were written."""
        return sum(self.save(transfer) for transfer in transfers)

    def load(self) -> list[Transfer]:
        """Every stored transfer, newest first; those left waiting or running come back FAILED.

        Raises:
            StoreError: the database failed.
        """
        with transaction(
            self._conn, sentence(QT_TRANSLATE_NOOP("core", "read the transfers")), immediate=True
        ):
            rows = self._conn.execute(
                f"SELECT {_COLUMNS} FROM transfers ORDER BY id DESC"
            ).fetchall()
            self._conn.execute(
                f"UPDATE transfers SET state = ?, reason = ? WHERE state IN "
                f"({', '.join('?' * len(_UNFINISHED))})",
                (TransferState.FAILED.value, _to_json(sentence(INTERRUPTED)), *_UNFINISHED),
            )
        transfers = [_from_row(row) for row in rows]
        self._saved = {t.transfer_id: (t.state, float("-inf")) for t in transfers}
        return transfers

    def next_id(self) -> int:
        """A transfer id above every stored one (for the engine to number new transfers)."""
        with transaction(self._conn, sentence(QT_TRANSLATE_NOOP("core", "read the transfers"))):
            (top,) = self._conn.execute("SELECT coalesce(max(id), 0) FROM transfers").fetchone()
        return int(top) + 1

    def delete(self, transfer_id: int) -> None:
        """Forget one transfer."""
        with transaction(self._conn, sentence(QT_TRANSLATE_NOOP("core", "remove the transfer"))):
            self._conn.execute("DELETE FROM transfers WHERE id = ?", (transfer_id,))
        self._saved.pop(transfer_id, None)

    def clear_finished(self) -> int:
        """Forget every finished transfer (done, failed, cancelled…); returns how many."""
        with transaction(
            self._conn, sentence(QT_TRANSLATE_NOOP("core", "clear the finished transfers"))
        ):
            cursor = self._conn.execute(
                f"DELETE FROM transfers WHERE state IN ({', '.join('?' * len(_FINISHED))})",
                _FINISHED,
            )
        self._saved = {k: v for k, v in self._saved.items() if not v[0].finished}
        return cursor.rowcount

    def _write(self, transfers: list[Transfer]) -> None:
        with transaction(self._conn, sentence(QT_TRANSLATE_NOOP("core", "save the transfer"))):
            self._conn.executemany(
                f"INSERT OR REPLACE INTO transfers ({_COLUMNS}) VALUES ({', '.join('?' * 17)})",
                [_to_row(t) for t in transfers],
            )


def _to_row(t: Transfer) -> tuple[object, ...]:
    return (
        t.transfer_id, t.direction.value, t.peer_label, t.peer_address[0], t.peer_address[1],
        t.packet_no, t.file_id, t.name, int(t.is_folder), t.size, t.done, t.files_done, t.path,
        t.state.value, None if t.reason is None else _to_json(t.reason), t.started_at,
        t.finished_at,
    )  # fmt: skip


def _from_row(row: tuple[object, ...]) -> Transfer:
    (tid, direction, label, ip, port, packet_no, file_id, name, folder, size, done, files_done,
     path, state, reason, started, finished) = row  # fmt: skip
    parsed = TransferState(str(state))
    why = None if reason is None else sentence_from_json(str(reason))
    if not parsed.finished:
        parsed, why = TransferState.FAILED, sentence(INTERRUPTED)
    return Transfer(
        transfer_id=int(str(tid)),
        direction=Direction(str(direction)),
        peer_label=str(label),
        peer_address=(str(ip), int(str(port))),
        packet_no=int(str(packet_no)),
        file_id=int(str(file_id)),
        name=str(name),
        is_folder=bool(folder),
        size=int(str(size)),
        done=int(str(done)),
        files_done=int(str(files_done)),
        path=str(path),
        state=parsed,
        reason=why,
        started_at=float(str(started)),
        finished_at=float(str(finished)),
    )


def _encode(value: Sentence) -> dict[str, object]:
    args = [
        [name, _encode(fact) if isinstance(fact, Sentence) else _plain(fact)]
        for name, fact in value.args
    ]
    return {"t": value.template, "a": args, "c": value.count}


def _plain(fact: object) -> object:
    return fact if isinstance(fact, (int, float, str, bool)) or fact is None else str(fact)


def _to_json(value: Sentence) -> str:
    return json.dumps(_encode(value), ensure_ascii=False)


def _decode(data: object) -> Sentence:
    if not isinstance(data, dict):
        return Sentence("{text}", (("text", str(data)),))
    args = []
    for pair in data.get("a", []):
        if isinstance(pair, list) and len(pair) == 2:
            name, fact = pair
            args.append((str(name), _decode(fact) if isinstance(fact, dict) else fact))
    count = data.get("c")
    return Sentence(str(data.get("t", "")), tuple(args), count if isinstance(count, int) else None)


def sentence_from_json(text: str) -> Sentence:
    """The ``Sentence`` stored as JSON (a damaged value becomes its own text)."""
    try:
        return _decode(json.loads(text))
    except ValueError:
        return Sentence("{text}", (("text", text),))
