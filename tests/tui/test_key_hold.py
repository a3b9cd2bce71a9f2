"""Keys typed right after the key that opens a form or a prompt go into it, in the order typed
(a fast typist, tmux, a paste), and a letter typed by mistake on a grid never quits."""

from __future__ import annotations

from tests.tui.test_methods import open_block, stored
from tests.tui.test_world_cafe import ideas_at_tables, open_cafe
from tests.tui.widgets.test_text_field import burst, settle


async def test_a_journey_cell_typed_right_after_enter_is_written(make_app, session_dir):
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_block(app, pilot, "parcours")
        await pilot.press("right")  # the first stage's actions
        burst(app, ["enter", *"Appelle la CAF ; quitte", "enter"])
        await settle(pilot)
        assert type(app.screen).__name__ == "JourneyScreen"  # no quit question, no form left
    state = stored(session_dir)
    (persona,) = state.personas.values()
    assert [(s.stage, s.actions) for s in state.journey(persona.persona_id)] == [
        ("Le besoin apparaît", ("Appelle la CAF", "quitte")),
    ]


async def test_a_correction_typed_right_after_ctrl_e_goes_into_the_form(make_app):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n", *"Guichet unqiue", "enter")
        await pilot.pause()
        burst(app, ["ctrl+e", "ctrl+u", *"Guichet unique", "enter", *"Suite", "enter"])
        await settle(pilot)
        assert type(app.screen).__name__ == "WorldCafeScreen"
    assert ideas_at_tables(app) == [("Guichet unique", 1), ("Suite", 1)]


async def test_q_on_a_grid_does_not_quit(make_app):
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_block(app, pilot, "parcours")
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running and type(app.screen).__name__ == "JourneyScreen"


async def test_an_idea_typed_right_after_enter_on_the_dashboard_reaches_the_cafe(make_app):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        burst(app, ["down", "down", "enter", "ctrl+n", *"Idée", "enter"])
        await settle(pilot)
        assert type(app.screen).__name__ == "WorldCafeScreen"
    assert ideas_at_tables(app) == [("Idée", 1)]
