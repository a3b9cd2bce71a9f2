"""A text field reads every key in its own turn: an app or screen key typed after some text
(F8, Ctrl+Z, Input's Ctrl+U) acts after that text, even in a burst (tmux, a fast typist)."""

from __future__ import annotations

from textual import events

from labkit.store.journal import Journal
from tests.tui.test_world_cafe import ideas_at_tables, open_cafe

CHARS = {"enter": "\r", "ctrl+z": "\x1a", "ctrl+u": "\x15", "ctrl+e": "\x05", "f8": None,
         "left": None, "backspace": "\x08"}


def burst(app, keys: list[str]) -> None:
    """Keys queued back to back, before any is handled (Pilot's `press` waits after each)."""
    for key in keys:
        app.post_message(events.Key(key, CHARS.get(key, key)))


async def settle(pilot) -> None:
    for _ in range(6):
        await pilot.pause()


async def test_an_idea_typed_before_f8_is_recorded_in_the_block_it_ends(make_app, clock):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n")  # the block and its round 1 start
        clock.advance(minutes=69, seconds=30)  # under a minute left: F8 ends it at once
        await pilot.pause()
        burst(app, [*"Idée", "enter", "f8"])
        await settle(pilot)
        assert app.live.state.block("cafe").status == "ended"
    assert ideas_at_tables(app) == [("Idée", 1)]
    with Journal.open(app.live.root / "journal.db", device="check") as journal:
        types = [e.type for e in journal.events()]
    assert types[-3:] == ["contribution.added", "round.ended", "block.ended"]


async def test_ctrl_z_undoes_the_entry_typed_just_before_it(make_app):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        burst(app, [*"A", "enter", *"B", "enter", "ctrl+z", *"C", "enter"])
        await settle(pilot)
        assert app.live.state.block("cafe").status == "running"
    assert ideas_at_tables(app) == [("A", 1), ("C", 1)]


async def test_ctrl_u_in_the_correction_form_clears_only_what_was_there(make_app):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n", *"Guichet unqiue", "enter", "ctrl+e")
        await pilot.pause()
        assert type(app.screen).__name__ == "FormScreen"
        burst(app, ["ctrl+u", *"Guichet unique", "enter"])
        await settle(pilot)
        assert type(app.screen).__name__ == "WorldCafeScreen"
    assert [c.text for c in app.live.state.contributions.values()] == ["Guichet unique"]


async def test_a_burst_of_characters_is_inserted_in_one_edit_in_the_order_typed(
    make_app, monkeypatch
):
    """« abc ← X ⌫ » and 30 more characters queued back to back: the field ends as if each key
    were inserted alone, with an edit of the value per run of plain characters as the app hands
    them over (a few), not one per character (Textual's `Input`: about half a millisecond
    each); the Enter after it records the whole text."""
    from textual.widgets import Input

    edits: list[str] = []
    original = Input.replace

    def counting(self, text, start, end):  # type: ignore[no-untyped-def]
        edits.append(text)
        return original(self, text, start, end)

    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        line = app.screen.query_one("#capture Input", Input)
        monkeypatch.setattr(Input, "replace", counting)
        more = " et trente caractères de plus"
        burst(app, [*"abc", "left", "X", "backspace", *more])
        await settle(pilot)
        assert line.value == f"ab{more}c"
        typed = [e for e in edits if e]  # (⌫ deletes: an empty edit)
        assert typed[:2] == ["abc", "X"] and "".join(typed[2:]) == more
        assert len(typed) <= 5, typed
        burst(app, ["enter"])
        await settle(pilot)
    assert ideas_at_tables(app) == [(f"ab{more}c", 1)]
