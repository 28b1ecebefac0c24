"""Two real responses compared side by side: the changed header and body lines stand out."""

from __future__ import annotations

import gzip

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.ui.http.diff_view import (
    DIFF_MAX_LINES,
    DiffLine,
    ResponseDiffDialog,
    diff_lines,
    row_colour,
)
from tests.ui.http.test_response_view import fetch, response


def test_diff_lines_pairs_changes_side_by_side() -> None:
    rows = diff_lines(["a", "b", "c"], ["a", "B", "c", "d"])
    assert rows == [
        DiffLine("equal", "a", "a"),
        DiffLine("replace", "b", "B"),
        DiffLine("equal", "c", "c"),
        DiffLine("insert", None, "d"),
    ]
    assert diff_lines(["x", "y"], ["z"]) == [
        DiffLine("replace", "x", "z"),
        DiffLine("delete", "y", None),
    ]


def test_the_dialog_shows_the_changed_header_and_body_lines(qtbot: QtBot) -> None:
    left = fetch(response(b"one\ntwo\nthree\n", 'ETag: "v1"', "Content-Type: text/plain"))
    body = gzip.compress(b"one\nTWO\nthree\nfour\n")
    right = fetch(
        response(body, 'ETag: "v2"', "Content-Type: text/plain", "Content-Encoding: gzip")
    )
    dialog = ResponseDiffDialog(left, right)
    qtbot.addWidget(dialog)
    head = dialog.rows[: dialog.head_rows]
    assert DiffLine("equal", "HTTP/1.1 200 OK", "HTTP/1.1 200 OK") in head
    assert ('ETag: "v1"', 'ETag: "v2"') in [(r.left, r.right) for r in head if r.tag == "replace"]
    assert any(r.right == "Content-Encoding: gzip" and r.tag != "equal" for r in head)
    body_rows = dialog.rows[dialog.head_rows :]
    assert body_rows == [
        DiffLine("equal", "one", "one"),
        DiffLine("replace", "two", "TWO"),
        DiffLine("equal", "three", "three"),
        DiffLine("insert", None, "four"),
    ]
    changed = len(dialog.changed_rows())
    assert dialog.summary.text() == f"{changed} line{'' if changed == 1 else 's'} differ."
    # Both sides have one block per row (plus the two titles), aligned; changed ones coloured.
    left_doc, right_doc = dialog.left_view.document(), dialog.right_view.document()
    assert left_doc.blockCount() == right_doc.blockCount() == len(dialog.rows) + 2
    block = right_doc.findBlockByNumber(2 + dialog.head_rows + 1)  # the body's "TWO"
    assert block.text() == "TWO"
    assert block.blockFormat().background().color() == row_colour(dialog.palette(), "replace", True)
    equal = right_doc.findBlockByNumber(2 + dialog.head_rows)
    assert (
        equal.text() == "one" and equal.blockFormat().background().style() == Qt.BrushStyle.NoBrush
    )


def test_identical_responses_have_no_difference(qtbot: QtBot) -> None:
    payload = response(b"same\n")
    dialog = ResponseDiffDialog(fetch(payload), fetch(payload))
    qtbot.addWidget(dialog)
    assert dialog.changed_rows() == [] and dialog.summary.text() == "No difference."


def test_large_bodies_are_compared_up_to_a_bound(qtbot: QtBot) -> None:
    left = b"".join(b"row %d\n" % i for i in range(3 * DIFF_MAX_LINES))
    right = left.replace(b"row 7\n", b"row seven\n")
    dialog = ResponseDiffDialog(fetch(response(left)), fetch(response(right)))
    qtbot.addWidget(dialog)
    body_rows = dialog.rows[dialog.head_rows :]
    assert len(body_rows) == DIFF_MAX_LINES + 1
    assert body_rows[-1].left == "(… the rest of the body is not compared)"
    assert [r for r in body_rows if r.tag != "equal"] == [DiffLine("replace", "row 7", "row seven")]


def test_repeated_lines_keep_the_diff_fast_and_complete() -> None:
    # Exact difflib took 111 s on this; the suite's timeout fails the test if that comes back.
    left = [str(i % 7) for i in range(DIFF_MAX_LINES)]
    right = left[::-1]
    rows = diff_lines(left, right)
    assert [r.left for r in rows if r.left is not None] == left
    assert [r.right for r in rows if r.right is not None] == right
    one_change = diff_lines(["x"] * 5000, ["x"] * 2500 + ["y"] + ["x"] * 2499)
    assert [r for r in one_change if r.tag != "equal"] == [DiffLine("replace", "x", "y")]
