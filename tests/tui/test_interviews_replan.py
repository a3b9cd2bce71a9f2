"""Crossed interviews re-planned after absences keep the pairs nobody left (issue 14, problem 4:
3 absences used to rebuild every pair) and say who changes partner."""

from __future__ import annotations


async def pairs_of_18(app, pilot):
    """p01…p18 arrive, the interviews screen opens, Ctrl+R plans the pairs with everyone."""
    for person in [f"p{i:02d}" for i in range(1, 19)]:
        app.live.arrive(person)
    app.open_block("interviews")
    await pilot.pause()
    await pilot.press("ctrl+r")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def re_pair_after_leaving(app, pilot, gone):
    """Record `gone` leaving, press Ctrl+R on the interviews screen: the pairs in force."""
    for person in gone:
        app.live.leave(person)
    app.revision = app.live.revision
    await pilot.pause()
    await pilot.press("ctrl+r")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return [tuple(p) for p in app.screen.pairs]


async def test_three_absences_keep_the_unaffected_pairs_and_name_who_moves(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pairs_of_18(app, pilot)
        before = [tuple(p) for p in app.screen.pairs]
        assert len(before) == 9
        gone = [before[0][0], before[3][1], before[6][0]]  # three different pairs
        after = await re_pair_after_leaving(app, pilot, gone)
        untouched = [g for g in before if not set(gone) & set(g)]
        assert after[: len(untouched)] == untouched  # the 6 pairs nobody left stay
        assert sorted(p for g in after for p in g) == sorted(
            p for g in before for p in g if p not in gone)
        said = [n.message for n in app._notifications if "binôme" in n.message]
        assert said and said[-1].startswith("3 personnes changent de binôme")
        lone = next(p for g in before for p in g if set(g) & set(gone) and p not in gone)
        assert app.live.session.participant(lone).display_name in said[-1]
        assert "→" in said[-1]
        # the regroups of the kept pairs stay with them
        assert len(app.screen.groups) >= 2


async def test_without_pairs_the_panel_says_which_key_forms_them_at_80_columns(make_app):
    """« Pas encore de binômes : r » was cut at 80 columns, and named a letter that types
    text: the panel says Ctrl+R in full."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_block("interviews")
        await pilot.pause()
        title = app.screen.query_one("#pairs-title")
        lines = [strip.text for strip in title.render_lines(title.content_region.reset_offset)]
        shown = " ".join(" ".join(lines).split())
        assert "Ctrl+R pour les former" in shown, lines
