"""Never lose anything: reopening resumes at the current block with its timers."""

from __future__ import annotations

from textual.widgets import Digits

from labkit.tui.controller import LiveSession


async def test_reopening_resumes_the_running_block_and_its_timer(make_app, clock):
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f6")  # ouverture
        clock.advance(minutes=4)
        await pilot.press("f7")  # paused at 4 min
    clock.advance(minutes=30)  # the laptop was closed for half an hour
    again = make_app()
    async with again.run_test() as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert again.live.current_block().id == "ouverture"
        digits = again.screen.query_one("#countdown-digits", Digits)
        assert digits.value == "11:00"  # paused: the pause does not eat the time
        await pilot.press("f7")
        clock.advance(minutes=1)
        again.tick()
        await pilot.pause()
        assert digits.value == "10:00"


def test_default_day_is_the_day_in_progress(session_dir, clock):
    live = LiveSession.open(session_dir, clock=clock, device="test")
    assert live.day == 1
    live.close()
    live = LiveSession.open(session_dir, day=2, clock=clock, device="test")
    live.start_block("diagnostic")
    live.close()
    live = LiveSession.open(session_dir, clock=clock, device="test")
    assert live.day == 2
    live.close()
