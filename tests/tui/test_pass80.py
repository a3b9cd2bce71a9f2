"""What the 80×24 tmux pass of issue 14 found: keys typed fast on the method screens."""

from __future__ import annotations

from tests.tui.test_forms import burst
from tests.tui.test_methods import open_block, stored


async def _settle(pilot) -> None:
    for _ in range(6):
        await pilot.pause()


async def three_ideas_on_the_vote(app, pilot) -> None:
    """The vote open with ideas A, B and C, the list's cursor on the first."""
    await open_block(app, pilot, "vote")
    await pilot.press("i")
    for idea in ("A", "B", "C"):
        await pilot.press(idea, "enter")
    await pilot.press("escape")
    app.screen.query_one("#candidates").move_cursor(row=0)


async def test_dots_typed_in_one_burst_go_to_each_idea_in_turn(make_app, session_dir):
    """« 3 ⏎ 2 ⏎ » at once on the vote list: the table's Enter used to post its selection a turn
    later, after the « 2 » was read, so the first idea got 32 dots and the second none."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await three_ideas_on_the_vote(app, pilot)
        burst(app, ["3", "enter", "2", "enter"])
        await _settle(pilot)
    assert stored(session_dir).vote_totals(block_id="vote") == {"c1": 3, "c2": 2}


async def test_an_idea_typed_right_after_i_on_the_vote_list_keeps_every_letter(
        make_app, session_dir):  # fmt: skip
    """« i Un accueil commun ⏎ » at once from the vote list: the focus reaches the capture line
    a turn late, so the list's own keys typed meanwhile (space: one dot, i, k, x, t, digits)
    ran as commands and the idea was saved as « Unaccuelommun »."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_block(app, pilot, "vote")
        await pilot.pause()
        burst(app, ["i", *"Un accueil 2 fois", "enter"])
        await _settle(pilot)
    state = stored(session_dir)
    assert [c.text for c in state.contributions.values()] == ["Un accueil 2 fois"]
    assert state.vote_totals(block_id="vote") == {}


async def test_a_cafe_idea_is_shown_whole_in_the_ideas_panel_at_80_columns(make_app):
    """At 80×24 the ideas panel is 28 columns wide and the round and source columns left the
    text about ten of them (« Un dossier… »): under 120 columns the idea takes the panel's
    width and wraps, its round in front."""
    from tests.tui.test_world_cafe import open_cafe

    idea = "Un dossier unique partagé dès l'inscription, consultable par tous"
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n")
        await pilot.press(*idea, "enter")
        await _settle(pilot)
        table = app.screen.query_one("#ideas")
        lines = [strip.text for strip in table.render_lines(table.region.reset_offset)]
    shown = " ".join(" ".join(line.split()) for line in lines if line.strip())
    assert idea in shown.replace("Tr1 ", "")


async def test_the_help_of_the_attendance_screen_is_titled_with_its_name(make_app):
    """F1 on the attendance list said « Touches — Tableau de bord »."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("f1")
        await _settle(pilot)
        assert type(app.screen).__name__ == "HelpScreen"
        assert app.screen._title == "Émargement"


async def test_dots_a_move_and_dots_in_one_burst_act_in_the_order_typed(make_app, session_dir):
    """« 3 ⏎ ↓ 2 ⏎ » at once (120×40 tmux pass: one idea got 32 dots): as typed slowly, 3 dots
    for the first idea, Enter moves to the second, ↓ to the third, which gets 2."""
    from textual import events

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await three_ideas_on_the_vote(app, pilot)
        for key in ("3", "enter", "down", "2", "enter"):
            app.post_message(events.Key(key, "\r" if key == "enter" else (
                None if key == "down" else key)))
        await _settle(pilot)
    assert stored(session_dir).vote_totals(block_id="vote") == {"c1": 3, "c3": 2}
