"""The send box: payloads, fields, repeat requests, and the saved-messages library."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from desktop.core.codec import InputFormat, LineEnding
from desktop.core.store.database import open_database
from desktop.core.store.saved_messages import SavedMessageStore
from desktop.ui.widgets.saved_messages import SavedMessages
from desktop.ui.widgets.send_box import SendBox


def test_fields_expand_with_a_counter_per_send(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = SendBox()
    qtbot.addWidget(box)
    sent: list[bytes] = []
    box.send_requested.connect(sent.append)
    box.set_spec("n={{counter}}", InputFormat.TEXT, "utf-8", LineEnding.NONE)
    box.fields_check.setChecked(True)
    box.send_once()
    box.send_once()
    box.fields_check.setChecked(False)
    box.send_once()  # no field expanded: the sequence does not move
    box.fields_check.setChecked(True)
    box.set_spec("plain", InputFormat.TEXT, "utf-8", LineEnding.NONE)
    box.send_once()  # fields on, but no {{counter}}: it does not move either
    box.set_spec("n={{counter}} {{counter}}", InputFormat.TEXT, "utf-8", LineEnding.NONE)
    box.send_once()  # one number per message
    assert sent == [b"n=1", b"n=2", b"n={{counter}}", b"plain", b"n=3 3"]
    assert box.spec().build(5, datetime(2026, 11, 25)) == b"n=5 5"


def test_the_user_sets_where_the_counter_starts_and_sees_the_next_value(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = SendBox()
    qtbot.addWidget(box)
    sent: list[bytes] = []
    box.send_requested.connect(sent.append)
    box.periodic_requested.connect(lambda build, _interval, _count: ticks.append(build))
    ticks: list[object] = []
    assert not box.counter_spin.isEnabled()  # only with fields on
    box.fields_check.setChecked(True)
    assert box.counter_spin.isEnabled() and box.counter_spin.value() == 1
    box.counter_spin.setValue(100)  # "the counter starts at 100"
    box.set_spec("n={{counter}}", InputFormat.TEXT, "utf-8", LineEnding.NONE)
    box.send_once()
    assert sent == [b"n=100"] and box.counter_spin.value() == 101
    box.set_spec("plain", InputFormat.TEXT, "utf-8", LineEnding.NONE)
    box.send_once()
    assert box.counter_spin.value() == 101  # no field: the next value stays

    # A periodic run takes numbers elsewhere (the I/O thread): the box follows them.
    box.set_spec("t={{counter}}", InputFormat.TEXT, "utf-8", LineEnding.NONE)
    box.repeat_button.click()
    [build] = ticks
    box.set_periodic_running(True)
    assert not box.counter_spin.isEnabled()  # not changed under a running send
    assert [build(box.sequence), build(box.sequence)] == [b"t=101", b"t=102"]  # type: ignore[operator]
    qtbot.waitUntil(lambda: box.counter_spin.value() == 103, timeout=2000)
    box.set_periodic_running(False)
    box.counter_spin.setValue(7)  # set again: manual sends go on from there
    box.send_once()
    assert sent[-1] == b"t=7"


def test_repeat_hands_over_a_pure_build_function(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = SendBox()
    qtbot.addWidget(box)
    requests = []
    box.periodic_requested.connect(
        lambda build, interval, count: requests.append((build, interval, count))
    )
    box.set_spec("#{{counter}}", InputFormat.ESCAPED, "utf-8", LineEnding.CRLF)
    box.fields_check.setChecked(True)
    box.interval_spin.setValue(5)
    box.count_spin.setValue(3)
    box.repeat_button.click()
    [(build, interval, count)] = requests
    assert (interval, count) == (0.005, 3)
    assert [build(box.sequence) for _ in range(3)] == [b"#1\r\n", b"#2\r\n", b"#3\r\n"]
    box.send_once()  # a manual send afterwards continues the same sequence
    assert box.sequence.next_value == 5
    box.set_periodic_running(True)
    assert box.repeat_button.text() == "Stop"


def test_bad_input_does_not_start_repeating(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = SendBox()
    qtbot.addWidget(box)
    with qtbot.assertNotEmitted(box.periodic_requested):
        box.set_spec("bad \\q escape", InputFormat.ESCAPED, "utf-8", LineEnding.NONE)
        box.repeat_button.click()
    assert "Unknown escape" in box.error_label.text()


def test_library_is_shared_and_persisted(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "library.sqlite3"
    library = SavedMessages(SavedMessageStore(open_database(db)))
    first, second = SendBox(library=library), SendBox(library=library)
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    first.set_spec("01 02 ff", InputFormat.HEX, "utf-8", LineEnding.NONE)
    first.save_current("handshake")
    first.set_spec("登录 {{counter}}", InputFormat.TEXT, "gbk", LineEnding.CRLF)
    first.save_current("login")
    assert [second.saved_combo.itemText(i) for i in range(second.saved_combo.count())] == [
        "handshake",
        "login",
    ]

    # A new library on the same database (the app restarted) loads it back exactly.
    again = SavedMessages(SavedMessageStore(open_database(db)))
    third = SendBox(library=again)
    qtbot.addWidget(third)
    third.saved_combo.setCurrentIndex(third.saved_combo.findText("login"))
    third.saved.load()
    spec = third.spec()
    assert (spec.text, spec.fmt, spec.encoding, spec.line_ending) == (
        "登录 {{counter}}",
        InputFormat.TEXT,
        "gbk",
        LineEnding.CRLF,
    )
    third.saved_combo.setCurrentIndex(third.saved_combo.findText("handshake"))
    third.saved.load()
    assert third.payload() == b"\x01\x02\xff"
    third.saved.delete()
    assert third.saved_combo.findText("handshake") == -1


def test_hex_adds_no_line_ending_on_any_path(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Send, repeat and a saved hex message all send exactly the bytes typed (issue 11)."""
    library = SavedMessages(SavedMessageStore(open_database(tmp_path / "library.sqlite3")))
    box = SendBox(library=library)
    qtbot.addWidget(box)
    sent: list[bytes] = []
    box.send_requested.connect(sent.append)
    builds = []
    box.periodic_requested.connect(lambda build, interval, count: builds.append(build))
    box.set_spec("48 65 6c 6c 6f 0a", InputFormat.HEX, "utf-8", LineEnding.CRLF)
    assert not box.ending_combo.isEnabled()
    box.send_once()
    box.repeat_button.click()
    assert sent == [b"Hello\n"]
    assert [builds[0](tick) for tick in range(2)] == [b"Hello\n", b"Hello\n"]

    box.save_current("hello")
    box.set_spec("other", InputFormat.TEXT, "utf-8", LineEnding.LF)
    assert box.ending_combo.isEnabled()
    box.saved_combo.setCurrentIndex(box.saved_combo.findText("hello"))
    box.saved.load()
    assert not box.ending_combo.isEnabled()
    box.send_once()
    assert sent[-1] == b"Hello\n"


def test_delete_is_disabled_until_a_saved_message_is_chosen(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    library = SavedMessages(SavedMessageStore(open_database(tmp_path / "library.sqlite3")))
    box = SendBox(library=library)
    qtbot.addWidget(box)
    assert not box.delete_button.isEnabled()
    assert box.delete_button.toolTip() == "Choose a saved message to delete it"
    box.set_spec("hi", InputFormat.TEXT, "utf-8", LineEnding.LF)
    box.save_current("greeting")
    assert box.delete_button.isEnabled()
    box.delete_button.click()
    assert library.names() == []
    assert not box.delete_button.isEnabled()
