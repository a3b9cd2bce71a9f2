"""Issue 14's key-order cases: bursts typed at once act as if typed slowly."""

from __future__ import annotations

import pytest
from textual import events


async def open_cafe(app, pilot) -> None:
    await pilot.press("down", "down", "f3")
    await pilot.pause()
    assert type(app.screen).__name__ == "WorldCafeScreen"


def keys_at_once(app, keys: list[tuple[str, str | None]]) -> None:
    """Keys queued at the app before any is handled (tmux send-keys, a fast typist)."""
    for key, character in keys:
        app.post_message(events.Key(key, character))


async def settle(pilot, times: int = 8) -> None:
    for _ in range(times):
        await pilot.pause()


async def test_escape_up_ctrl_e_at_once_from_the_capture_line_corrects_the_row_up_reached(
    make_app,
):
    """« Échap ↑ Ctrl+E » typed at once from the café's capture line opens the correction of
    the first idea, where ↑ went, as typed slowly."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n", *"Un guichet unqiue", "enter", *"Des permanences", "enter")
        await settle(pilot)
        keys_at_once(app, [("escape", "\x1b"), ("up", None), ("ctrl+e", "\x05")])
        await settle(pilot)
        assert type(app.screen).__name__ == "FormScreen"
        assert app.screen.query_one("Input").value == "Un guichet unqiue"


@pytest.mark.parametrize("from_list", [False, True], ids=["capture_line", "list"])
async def test_keys_typed_after_ctrl_o_go_to_the_capture_line_behind_the_saved_form(
    make_app, from_list
):
    """« Ctrl+E texte Ctrl+O Un autre texte ⏎ » at once: the correction is saved as typed,
    and the text after Ctrl+O is a new idea. From the capture line it went into the form,
    before the save; from the list (after Échap, the 80×24 tmux pass) the letters behind
    Ctrl+E went into the capture line before the form opened (the list sent them there at
    once, while Ctrl+E waited its turn at the app)."""
    app = make_app()
    async with app.run_test(size=(80, 24) if from_list else (120, 40)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n", *"Un guichet unique", "enter", *"Des permanences", "enter")
        if from_list:
            await pilot.press("escape")
        await settle(pilot)
        keys_at_once(app, [("ctrl+e", "\x05"), *((c, c) for c in "Des permanences le samedi"),
                           ("ctrl+o", "\x0f"), *((c, c) for c in "Un autre texte"),
                           ("enter", "\r")])
        await settle(pilot, 12)
        assert type(app.screen).__name__ == "WorldCafeScreen"
        texts = sorted(c.text for c in app.live.state.contributions.values())
        assert texts == ["Des permanences le samedi", "Un autre texte", "Un guichet unique"]


async def test_a_second_commitment_typed_after_ctrl_o_opens_its_own_form(make_app):
    """« n quoi Tab … 59 Ctrl+O n autre Tab … 59 Ctrl+O » at once on the commitments: two
    commitments (the second « n autre … » went into the first form before it saved)."""
    from tests.tui.test_methods import open_block

    app = make_app(day=2)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_block(app, pilot, "engagements")
        await pilot.pause()
        keys: list[tuple[str, str | None]] = []
        for what in ("Un guichet commun", "Des permanences"):
            keys.append(("n", "n"))
            for text in (what, "Karim", "", "06/2027", "", "59"):
                keys += [*((c, c) for c in text), ("tab", "\t")]
            keys[-1] = ("ctrl+o", "\x0f")  # saved from the last field, not by its Enter
        keys_at_once(app, keys)
        await settle(pilot, 12)
        assert type(app.screen).__name__ == "CommitmentsScreen"
    assert sorted(c.what for c in app.live.state.commitments.values()) == [
        "Des permanences", "Un guichet commun"]


async def test_f8_pressed_again_on_its_question_after_a_relaunch_asks_once(make_app):
    """F6, the app closed and relaunched, then F8 twice: one « Terminer … ? » — answering it
    ends the block and leaves no second, stale question on screen (seen in tmux)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        block = app.screen.block
        await pilot.press("f8")
        await settle(pilot)
        await pilot.press("f8")
        await settle(pilot)
        assert [type(s).__name__ for s in app.screen_stack].count("ConfirmScreen") == 1
        await pilot.press("o")
        await settle(pilot)
        assert type(app.screen).__name__ == "NotesScreen"
        assert app.live.state.block(block.id).status == "ended"


def column_text(table, key: str) -> str:
    """What a table shows in column `key`, its lines joined (a wrapped text reads whole)."""
    from textual.widgets.data_table import ColumnKey

    start = 0
    for column_key, column in table.columns.items():
        if column_key == ColumnKey(key):
            width = column.get_render_width(table)
            break
        start += column.get_render_width(table)
    lines = [strip.text[start:start + width] for strip in table.render_lines(
        table.region.reset_offset)]
    return " ".join(" ".join(line.split()) for line in lines if line.strip())


async def test_at_80_columns_the_dashboard_shows_every_block_title_whole(make_app):
    """The agenda's titles had 16 columns at 80×24 (« Interviews croi… »): they wrap."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        timeline = app.screen.query_one("#timeline")
        shown = column_text(timeline, "title")
        titles = [block.title for block in app.live.day_blocks()] if hasattr(
            app.live, "day_blocks") else [r.block.title for r in app.live.rows()]
    assert len(max(titles, key=len)) > 16
    position = 0
    for title in titles[:6]:  # the rows 80×24 has room for
        position = shown.index(title, position)


async def test_at_80_columns_a_territory_note_is_shown_whole(make_app):
    """The diagnostic's notes had 26 columns at 80×24: a note wraps, whole."""
    from tests.tui.test_methods import open_block

    note = "Les permanences communes ont réduit les délais de moitié à Laon"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_block(app, pilot, "diagnostic")
        await pilot.press(*note, "enter")
        await settle(pilot)
        table = app.screen.query_one("#territory-notes")
        shown = column_text(table, "text")
    assert note in shown, shown
