"""'Search history' never does nothing silently: it waits for words, and says so (issue 11)."""

from __future__ import annotations

from desktop.ui.messenger.roster_pane import RosterPane


def test_search_history_is_disabled_until_words_are_typed(qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = RosterPane(has_history=True)
    qtbot.addWidget(pane)
    button = pane.search_history_button
    assert not button.isEnabled()
    assert button.toolTip() == "Type words in the search box to search the history"
    pane.search.setText("   ")
    assert not button.isEnabled()
    pane.search.setText("lunch")
    assert button.isEnabled()
    assert "contain the text of the search box" in button.toolTip()
    pane.search.clear()
    assert not button.isEnabled()

    without = RosterPane(has_history=False)  # no history at all: words do not enable it
    qtbot.addWidget(without)
    without.search.setText("lunch")
    assert not without.search_history_button.isEnabled()
