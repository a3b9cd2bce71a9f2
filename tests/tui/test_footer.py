"""The footer's keys fit 80 columns: F1's description goes first, then whole keys; no key is
shown without its description (but F1), and keys read « Ctrl+Z », « F6 »."""

from __future__ import annotations

import pytest

from labkit.tui.keys import describe_bindings
from labkit.tui.widgets.footer import FooterItem, fit_descriptions

from . import scenario

ITEMS = [
    FooterItem("space", "Cocher"), FooterItem("g", "Regrouper"), FooterItem("k", "Retenir"),
    FooterItem("F1", "Aide", session=True, help=True), FooterItem("F6", "Démarrer", session=True),
    FooterItem("F8", "Terminer", session=True), FooterItem("Ctrl+Z", "Annuler", session=True),
]  # fmt: skip


def test_everything_is_kept_when_it_fits() -> None:
    assert fit_descriptions(ITEMS, 200) == [i.description for i in ITEMS]


def test_help_then_the_screen_keys_from_the_last_give_way() -> None:
    full = "space Cocher g Regrouper k Retenir F1 Aide F6 Démarrer F8 Terminer Ctrl+Z Annuler"
    assert fit_descriptions(ITEMS, len(full) - 1)[3] == ""
    assert fit_descriptions(ITEMS, len(full) - 6) == [
        "Cocher", "Regrouper", None, "", "Démarrer", "Terminer", "Annuler"]
    assert fit_descriptions(ITEMS, 30) == [None, None, None, "", "Démarrer", "Terminer", None]
    assert fit_descriptions(ITEMS, 5) == [None, None, None, "", None, None, None]


SCREENS = {
    "café": (1, scenario.morning, lambda app: None),
    "attendance": (1, scenario.morning, lambda app: app.action_attendance()),
    "interviews": (1, scenario.morning, lambda app: app.open_block("interviews")),
    "closing": (2, scenario.afternoon, lambda app: None),
}


@pytest.mark.parametrize("screen", SCREENS)
async def test_at_80_columns_every_footer_key_says_what_it_does_and_reads_ctrl(
        make_app, clock, screen) -> None:
    """« ^t » alone told a new user nothing: at 80 columns each key shown has its words (F1
    aside), keys read « Ctrl+T », « F6 », and the footer fits the line."""
    day, setup, show = SCREENS[screen]
    app = make_app(day=day)
    setup(app.live, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        show(app)
        await pilot.pause()
        keys = list(app.screen.query("FooterKey"))
        texts = [str(k.render()).strip() for k in keys]
        assert texts and all(" " in text for text in texts if text != "F1"), texts
        assert not any(text.startswith(("^", "f")) for text in texts), texts
        assert sum(len(text) for text in texts) + len(texts) - 1 <= 80
        assert any(text.startswith("Ctrl+") for text in texts)


def test_inherited_screen_keys_give_way_before_the_screens_own() -> None:
    items = [FooterItem("Ctrl+E", "Corriger", inherited=True), FooterItem("Ctrl+N", "Tour"),
             FooterItem("F8", "Terminer", session=True)]
    assert fit_descriptions(items, 24) == [None, "Tour", "Terminer"]


async def test_the_help_names_ctrl_keys_in_words(make_app, clock) -> None:
    app = make_app()
    scenario.morning(app.live, clock)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        keys = [k for k, _ in describe_bindings(app, app.screen_stack[-2])]
        assert "Ctrl+Z" in keys and "F6" in keys and "Maj+F9" in keys
        assert not any("^" in k for k in keys), keys


def footer_keys(app) -> list[str]:
    return [str(k.render()).split()[0] for k in app.screen.query("FooterKey")]


async def test_after_the_days_last_block_f6_f7_f8_leave_the_footer_and_the_bar_says_so(
        make_app, clock) -> None:
    """Once the day's last block has ended, nothing is left to start, pause or end: F6, F7
    and F8 leave the footer, and the bar no longer reads « bloc 23:45 » as if it ran."""
    app = make_app(day=2)
    scenario.afternoon(app.live, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert {"F7", "F8"} <= set(footer_keys(app))
        await pilot.press("f8", "o")
        await pilot.pause()
        assert app.live.state.block("cloture").status == "ended"
        keys = footer_keys(app)
        assert not {"F6", "F7", "F8"} & set(keys), keys
        assert "Ctrl+Z" in keys
        bar = str(app.screen.query_one("BlockBar").render())
        assert "fin de la journée" in bar and "bloc 2" not in bar, bar
        await pilot.press("ctrl+z")  # the block runs again: its keys come back
        await pilot.pause()
        assert {"F7", "F8"} <= set(footer_keys(app))


async def test_an_ended_block_that_is_not_the_last_says_it_is_over(make_app, clock) -> None:
    app = make_app(day=2)
    scenario.afternoon(app.live, clock, "engagements")
    app.live.end_block("engagements")
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_block("engagements")
        await pilot.pause()
        bar = str(app.screen.query_one("BlockBar").render())
        assert "Bloc terminé" in bar and "fin de la journée" not in bar, bar
        assert "F6" in footer_keys(app)  # the closing can start


async def test_the_bar_says_what_is_left_of_the_block_and_by_how_much_it_overran(
        make_app, clock) -> None:
    """« bloc 14:57 » read like a time of day (a tmux pass): the bar says « reste 14:57 »,
    then « dépassé de 03:00 » once the block runs over."""
    app = make_app(day=2)
    scenario.afternoon(app.live, clock, "engagements")
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_block("engagements")
        await pilot.pause()
        bar = str(app.screen.query_one("BlockBar").render())
        assert "reste " in bar and "bloc " not in bar, bar
        block = app.live.state.block("engagements")
        left = app.screen.query_one("BlockBar").info.remaining
        clock.advance(seconds=left.total_seconds() + 180)
        app.tick()
        await pilot.pause()
        bar = str(app.screen.query_one("BlockBar").render())
        assert "dépassé de 03:00" in bar and "-" not in bar.split("dépassé")[1][:8], bar
        assert block.status == "running"


async def test_the_first_entry_leaves_the_footer_as_it_is(make_app, session_dir) -> None:
    """The app opened on a café already running: F6 to F9 can do after its first idea what
    they could before, and the footer is not composed again (its keys mounted anew, the screen
    laid out: tens of milliseconds while the next keys wait)."""
    from labkit.tui.widgets.footer import FitFooter
    from tests.tui.test_incremental import fill

    fill(session_dir, 3)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        for _ in range(3):
            await pilot.pause()
        assert type(app.screen).__name__ == "WorldCafeScreen"
        composed: list[int] = []
        footer = app.screen.query_one(FitFooter)
        original = footer.recompose

        async def counting():  # type: ignore[no-untyped-def]
            composed.append(1)
            return await original()

        footer.recompose = counting  # type: ignore[method-assign]
        await pilot.press(*"Une idée", "enter")
        for _ in range(3):
            await pilot.pause()
        assert any(c.text == "Une idée" for c in app.live.state.contributions.values())
        assert composed == []
