"""A method screen opened again (F4 for a late arrival, then F3) is at the table or regroup it
had: in the acceptance try the café came back at T1 after F4 F3 while ideas were being typed
for T3, so the next idea would have gone to table 1."""

from __future__ import annotations

from labkit.store.journal import Journal

from .test_interviews_replan import pairs_of_18


async def test_the_cafe_comes_back_at_its_table_after_the_check_in(make_app, session_dir):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("down", "down", "f3", "ctrl+n")  # the café, round 1
        await pilot.press("down", "down", *"Idée de la table 3", "enter")
        await pilot.press("f4", *"hug", "enter", "f3")  # Hugo arrives late
        await pilot.press(*"Encore la table 3", "enter")
        await pilot.pause()
        assert app.screen.selected == 3
    with Journal.open(session_dir / "journal.db", device="check") as journal:
        ideas = [(c.text, c.table) for c in journal.state().contributions.values()]
    assert ideas == [("Idée de la table 3", 3), ("Encore la table 3", 3)]


async def test_the_interviews_come_back_at_their_regroup_after_the_check_in(make_app,
                                                                           session_dir):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pairs_of_18(app, pilot)
        await pilot.press("ctrl+n")  # starts the block: F3 comes back to it
        await pilot.press("down", *"Ingrédient du groupe 2", "enter")
        await pilot.press("f4", *"nad", "enter", "f3")  # the check-in, then back
        await pilot.press(*"Encore le groupe 2", "enter")
        await pilot.pause()
    with Journal.open(session_dir / "journal.db", device="check") as journal:
        found = [(c.text, c.table) for c in journal.state().contributions.values()]
    assert found == [("Ingrédient du groupe 2", 2), ("Encore le groupe 2", 2)]
