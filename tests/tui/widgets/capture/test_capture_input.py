"""The capture line in a fast burst: editing keys in order with the text, pastes kept whole."""

from __future__ import annotations

from textual import events

from labkit.tui.widgets.capture.capture_bar import CaptureBar


def burst(field, keys: list[str]) -> None:
    """Keys reaching the line faster than the app handles them (a fast typist, tmux)."""
    for key in keys:
        character = {"enter": None, "backspace": "\x7f", "left": None}.get(key, key)
        field.post_message(events.Key(key, character))


def texts(app) -> list[str]:
    return [c.text for c in app.live.state.contributions.values()]


async def open_notes(app, pilot) -> CaptureBar:
    app.open_block("ouverture")
    await pilot.pause()
    return app.screen.query_one(CaptureBar)


async def test_backspace_in_a_burst_applies_where_it_was_typed(make_app):
    """« idéx⌫e ⏎ » typed fast: Backspace used to run after the Enter (Textual applies an
    input's bindings once the key has bubbled up to the app), saving « idéxe »."""
    app = make_app()
    async with app.run_test() as pilot:
        bar = await open_notes(app, pilot)
        burst(bar.input, [*"idéx", "backspace", "e", "enter",
                          *"ab", "left", "backspace", "c", "enter"])
        await pilot.pause()
        await pilot.pause()
        assert texts(app) == ["idée", "cb"]
        assert bar.input.value == ""


async def test_a_paste_on_the_list_goes_into_the_line_with_all_its_lines(make_app):
    """Text pasted while the list had the focus vanished; a pasted paragraph kept only its
    first line."""
    app = make_app()
    async with app.run_test() as pilot:
        bar = await open_notes(app, pilot)
        await pilot.press(*"Vu", "enter", "escape")
        assert app.focused is not bar.input
        app.focused.post_message(events.Paste("Collé : « é à ç »\nsuite du mail"))
        await pilot.pause()
        assert bar.input.value == "Collé : « é à ç » suite du mail"
        bar.input.post_message(events.Paste(" et\nfin "))
        await pilot.pause()
        await pilot.press("enter")
        assert texts(app)[-1] == "Collé : « é à ç » suite du mail et fin"


async def test_a_pasted_tab_or_control_character_becomes_a_space(make_app):
    """« et\\x07 le\\ttab » pasted (seen at 120×40): the tab was kept, a wide gap on screen and
    a raw tab in the report's tables; the entry reads « et le tab »."""
    app = make_app()
    async with app.run_test() as pilot:
        bar = await open_notes(app, pilot)
        bar.input.post_message(events.Paste("« é à ç » et\x07 le\ttab"))
        await pilot.pause()
        await pilot.press("enter")
        assert texts(app)[-1] == "« é à ç » et le tab"
