"""An entry in the live app costs the same whatever the journal holds: it folds one event into the
journal's state (no snapshot copy, no re-fold, no scan of every contribution) and redraws the rows
it changes (one row added, one table card), never the whole list. Counted, not timed."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input

from labkit.methods.world_cafe import WorldCafe
from labkit.store.journal import Journal, JournalState
from labkit.store.journal import journal as journal_module
from labkit.store.journal import state as state_module
from labkit.store.journal.queries import StateQueries
from labkit.tui.widgets.cafe.table_card import TableCard

ENTRIES = 5


def fill(session_dir: Path, ideas: int) -> None:
    """`ideas` ideas already noted at table 1 of the café (round 1 running), plus as many
    notes of another block."""
    events: list[dict] = [
        {"type": "block.started", "block_id": "cafe"},
        {"type": "round.started", "block_id": "cafe", "round": 1},
    ]
    for number in range(ideas):
        events.append(
            {
                "type": "contribution.added",
                "kind": "idea",
                "text": f"Idée {number}",
                "block_id": "cafe",
                "round": 1,
                "table": 1,
                "question": 1,
            }
        )
        events.append(
            {
                "type": "contribution.added",
                "kind": "note",
                "text": f"Note {number}",
                "block_id": "ouverture",
            }
        )
    with Journal.open(session_dir / "journal.db", device="seed") as journal:
        for start in range(0, len(events), 500):
            journal.record_many(events[start : start + 500])


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Iterator[Counter[str]]:
    """Counts the calls of the whole-state operations and of the list and card redraws."""
    counter: Counter[str] = Counter()

    def counting(owner: object, name: str, key: str | None = None) -> None:
        original: Callable = getattr(owner, name)

        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            counter[key or name] += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, wrapper)

    counting(JournalState, "snapshot")
    counting(JournalState, "apply")
    counting(state_module, "derive")
    counting(journal_module, "derive", "derive")
    counting(StateQueries, "contributions_where")
    counting(WorldCafe, "live", "cafe_live")
    counting(DataTable, "clear")
    counting(DataTable, "add_row")
    counting(DataTable, "_render_line", "rendered_lines")
    counting(TableCard, "watch_view")
    yield counter


async def type_ideas(make_app, calls: Counter[str]) -> tuple[Counter[str], int]:
    """Open the café, type `ENTRIES` ideas at table 1; the calls during the typing and the
    list's height."""
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()  # the café runs: the app opens on it
        assert type(app.screen).__name__ == "WorldCafeScreen"
        table = app.screen.query_one("#ideas", DataTable)
        before = table.row_count
        calls.clear()
        for number in range(ENTRIES):
            await pilot.press(*f"nouvelle {number}", "enter")
            await pilot.pause()
        during = Counter(calls)
        assert table.row_count == before + ENTRIES
        assert app.live.state.contributions[str(table.highlighted_key())].text == (
            f"nouvelle {ENTRIES - 1}"
        )
        head = app.screen.query_one("#table-1", TableCard).view
        assert head.ideas == before + ENTRIES
        return during, table.size.height


@pytest.mark.parametrize("ideas", [20, 1500])
async def test_an_entry_folds_one_event_and_redraws_one_row(make_app, session_dir, calls, ideas):
    fill(session_dir, ideas)
    during, height = await type_ideas(make_app, calls)
    assert during["snapshot"] == 0  # no copy of the whole state
    assert during["derive"] == 0  # no re-fold of the journal
    assert during["apply"] == ENTRIES  # one event folded per entry
    assert during["contributions_where"] == 0 and during["cafe_live"] == 0  # no rescan
    assert during["clear"] == 0  # the list is never emptied and refilled
    assert during["add_row"] == ENTRIES  # one row per entry
    assert during["watch_view"] == ENTRIES  # one table card per entry
    # repainting draws the visible lines only, whatever the list holds (at most twice per
    # entry: once with the new row, once scrolled to it)
    assert during["rendered_lines"] <= ENTRIES * 2 * (height + 2)


async def test_other_events_still_reread_the_screen(make_app, session_dir, calls):
    """A round started (not an entry) re-reads the café, and the cards follow it."""
    fill(session_dir, 3)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        calls.clear()
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert calls["cafe_live"] == 1
        assert app.live.running_round("cafe") == 2


def test_changes_since_names_the_events_of_each_revision(make_app, session_dir):
    app = make_app()
    live = app.live
    start = live.revision
    first = live.record({"type": "contribution.added", "text": "a", "block_id": "cafe"})
    second = live.record({"type": "contribution.added", "text": "b", "block_id": "cafe"})
    assert live.changes_since(start) == [*first, *second]
    assert live.changes_since(live.revision) == []
    live.undo_last()  # an undo re-derives the state: the screens re-read everything
    assert live.changes_since(start) is None
    assert [c.text for c in live.state.of_block("cafe")] == ["a"]


def test_the_block_index_follows_edits_deletions_and_undos(tmp_path):
    with Journal.open(tmp_path / "journal.db", device="test") as journal:
        a = journal.add_contribution("a", block_id="x")
        b = journal.add_contribution("b", block_id="y")
        c = journal.add_contribution("c", block_id="x")
        journal.record({"type": "contribution.edited", "contribution_id": b, "block_id": "x"})
        state = journal.live_state()
        assert [i.contribution_id for i in state.of_block("x")] == [a, b, c]  # recording order
        assert state.of_block("y") == []
        journal.record({"type": "contribution.deleted", "contribution_id": a})
        assert [i.text for i in journal.live_state().contributions_where(block_id="x")] == [
            "b",
            "c",
        ]
        journal.undo(journal.last_id)
        assert [i.text for i in journal.state().of_block("x")] == ["a", "b", "c"]
        assert journal.state().of_block("x") == journal.state().contributions_where(block_id="x")


def test_an_entry_also_names_what_other_devices_wrote_just_before(make_app, session_dir):
    """A phone's idea read inside the live app's own write (no poll in between) is among the
    changes the screens apply: it shows at once, not only after a full re-read."""
    from labkit.store.journal import Journal

    app = make_app()
    live = app.live
    start = live.revision
    with Journal.open(session_dir, device="phone") as phone:
        from_phone = phone.record({"type": "contribution.added", "text": "du téléphone",
                                   "block_id": "cafe"})  # fmt: skip
    mine = live.record({"type": "contribution.added", "text": "d'ici", "block_id": "cafe"})
    changed = live.changes_since(start)
    assert changed is not None
    assert [e.id for e in changed] == [from_phone.id, *(e.id for e in mine)]


async def test_typing_repaints_the_line_without_laying_out_the_screen(make_app, session_dir,
                                                                       monkeypatch):  # fmt: skip
    """Textual's input asks for a layout of the whole screen at each character (its virtual
    width follows the text); the capture line does not, and still scrolls to its end."""
    from textual.screen import Screen

    layouts = Counter[str]()
    original = Screen._refresh_layout

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        layouts["layout"] += 1
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", counting)
    fill(session_dir, 3)  # the café runs: the app opens on it
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        line = app.screen.query_one("CaptureInput", Input)
        layouts.clear()
        text = "une idée assez longue pour dépasser la largeur de la ligne de saisie " * 2
        for character in text:
            await pilot.press(character)
        await pilot.pause()
        assert line.value == text
        assert layouts["layout"] <= 2, layouts
        assert line.scroll_offset.x > 0  # the end of the text is in view


async def test_an_entry_neither_lays_out_nor_repaints_the_whole_screen(make_app, session_dir,
                                                                        monkeypatch):  # fmt: skip
    """The list grows by a row and the table card changes; the screen is not laid out again
    (the capture bar's label is unchanged, the list's scroll bar stays) and not repainted
    whole (the app's revision is no repaint of its own)."""
    from textual._compositor import Compositor
    from textual.screen import Screen

    counted = Counter[str]()

    def counting(owner: object, name: str) -> None:
        original: Callable = getattr(owner, name)

        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            counted[name] += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(owner, name, wrapper)

    counting(Screen, "_refresh_layout")
    counting(Compositor, "render_full_update")
    fill(session_dir, 60)  # more ideas than the list shows: its scroll bar is there
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#ideas", DataTable)
        await pilot.press(*"la première", "enter")  # the footer may change once
        await pilot.pause()
        counted.clear()
        for number in range(ENTRIES):
            await pilot.press(*f"nouvelle {number}", "enter")
            await pilot.pause()
        assert counted["_refresh_layout"] == 0, counted
        assert counted["render_full_update"] == 0, counted
        # what is drawn is what a full layout draws: the last row in view, the scroll bar right
        last = app.live.state.contributions[str(table.highlighted_key())]
        assert last.text == f"nouvelle {ENTRIES - 1}"
        assert table.scroll_y == table.max_scroll_y > 0
        for field in app.screen.query(Input):  # a blink between the two pictures is no change
            field.cursor_blink = False
        await pilot.pause()
        quiet = app.export_screenshot()
        app.screen.refresh(layout=True)
        await pilot.pause()
        assert app.export_screenshot() == quiet
