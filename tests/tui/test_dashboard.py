"""The day dashboard: block lifecycle keys reach the journal, timers follow the clock."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Digits, Static

from labkit.store.journal import Journal
from labkit.tui.clock import ManualClock
from labkit.tui.widgets.agenda.timeline import Timeline


def journal_types(session_dir) -> list[str]:
    with Journal.open(session_dir / "journal.db", device="check") as journal:
        return [e.type for e in journal.events()]


async def test_start_pause_resume_extend_end_reach_the_journal(make_app, session_dir, clock):
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f6")
        assert app.live.state.block("ouverture").status == "running"
        clock.advance(minutes=3)
        await pilot.press("f7")
        assert app.live.state.block("ouverture").status == "paused"
        clock.advance(minutes=2)
        await pilot.press("f7")
        await pilot.press("f9")
        clock.advance(minutes=5)
        await pilot.press("f8", "o")  # ends early: one confirmation
        timing = app.live.state.block("ouverture")
        assert timing.status == "ended"
        assert timing.extension_minutes == 5
        assert timing.elapsed() == timedelta(minutes=8)
    assert journal_types(session_dir) == [
        "block.started", "block.paused", "block.resumed", "block.extended", "block.ended",
    ]


async def test_start_moves_to_the_next_block_and_ends_the_running_one(make_app, clock):
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f6")
        clock.advance(minutes=20)
        app.tick()
        await pilot.press("f2")  # the dashboard, whatever screen opened
        await pilot.press("f6", "o")  # one runs: confirmed
        state = app.live.state
        assert state.block("ouverture").status == "ended"
        assert state.block("interviews").status == "running"


async def test_countdown_and_drift_follow_the_clock(make_app, clock: ManualClock):
    app = make_app()
    async with app.run_test() as pilot:
        clock.advance(minutes=12)  # starts 12 minutes late
        await pilot.press("f6")
        clock.advance(minutes=5)
        app.tick()
        await pilot.pause()
        digits = app.screen.query_one("#countdown-digits", Digits)
        assert digits.value == "10:00"
        drift = app.screen.query_one("#day-drift", Static)
        assert "12 min de retard" in str(drift.render())
        clock.advance(minutes=11)
        app.tick()
        await pilot.pause()
        assert digits.value == "-01:00"
        assert app.screen.query_one("#alert-banner").has_class("-on")


async def test_a_sound_and_a_notice_when_the_block_time_is_up(make_app, clock):
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f6")
        clock.advance(minutes=14)
        app.tick()
        assert app.alerts == []
        clock.advance(minutes=1)
        app.tick()
        app.tick()
        await pilot.pause()
        assert [a.kind for a in app.alerts] == ["block_end"]


async def test_enter_on_a_block_opens_its_screen(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        timeline = app.screen.query_one(Timeline)
        timeline.move_cursor(row=0)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "NotesScreen"
        await pilot.press("escape", "f2")
        assert type(app.screen).__name__ == "DashboardScreen"


async def test_undo_cancels_the_last_entry(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f6")
        await pilot.press("ctrl+z")
        assert app.live.state.block("ouverture").status == "not_started"


async def test_english_ui(make_app):
    app = make_app(lang="en")
    async with app.run_test() as pilot:
        await pilot.press("f6")
        await pilot.pause()
        text = str(app.screen.query_one("#current-title", Static).render())
        assert "running" in text


async def test_a_late_start_counts_on_the_session_date_only(make_app, clock: ManualClock):
    app = make_app()
    async with app.run_test() as pilot:
        clock.advance(minutes=25)  # the session's own date, nothing started yet
        app.tick()
        await pilot.pause()
        drift = app.screen.query_one("#day-drift", Static)
        assert "25 min de retard" in str(drift.render())


async def test_a_rehearsal_on_another_day_shows_no_drift_before_the_start(make_app, clock):
    clock.advance(minutes=60 * 24 * 3 + 60 * 10)  # opened three days later, in the evening
    app = make_app()
    async with app.run_test() as pilot:
        app.tick()
        await pilot.pause()
        drift = app.screen.query_one("#day-drift", Static)
        assert "retard" not in str(drift.render())
        await pilot.press("f6")
        assert app.live.state.block("ouverture").status == "running"


async def test_a_rehearsal_counts_drift_from_its_own_start(make_app, clock):
    clock.advance(minutes=60 * 24 * 3 + 60 * 10)  # three days later, in the evening
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f6")
        clock.advance(minutes=25)  # the 15-minute opening runs 10 minutes over
        await pilot.press("f8")
        app.tick()
        await pilot.pause()
        drift = app.screen.query_one("#day-drift", Static)
        assert "10 min de retard" in str(drift.render())


async def test_the_day_not_started_agrees_with_journee(make_app):
    """« Journée : pas encore commencé » (seen in the tmux pass): la journée is feminine."""
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause()
        drift = str(app.screen.query_one("#day-drift", Static).render())
        assert "Journée\u00a0: pas encore commencée" in drift


async def test_after_the_last_block_the_dashboard_no_longer_offers_f6(make_app, clock):
    """The last block ended, the dashboard said « Aucun bloc en cours. F6 démarre le bloc
    suivant. » beside « La journée est terminée. », and F6 then answered « Aucun bloc
    concerné. » (tmux pass i14)."""
    app = make_app()
    async with app.run_test() as pilot:
        for block in app.live.session.days[0].agenda:
            await pilot.press("f2", "f6")
            clock.advance(minutes=block.duration + 1)
            app.tick()
            await pilot.press("f8")
        await pilot.press("f2")
        await pilot.pause()
        assert all(app.live.state.block(b.id).status == "ended"
                   for b in app.live.session.days[0].agenda)
        shown = str(app.screen.query_one("#current-title", Static).render())
        assert "F6" not in shown and "tous les blocs du jour sont faits" in shown, shown


async def test_after_an_early_end_the_next_block_is_expected_earlier(make_app, clock):
    """« Ensuite : 09:15 … » followed the plan after the opening ended early: the next block's
    expected time moves by the drift the dashboard shows (here, 10 min ahead: now)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f6")
        opening = app.live.block("ouverture")
        clock.advance(minutes=5)
        await pilot.press("f8", "o")
        app.tick()
        await pilot.pause()
        ahead = opening.duration - 5
        drift = str(app.screen.query_one("#day-drift").render())
        assert f"{ahead} min d'avance" in drift, drift
        line = str(app.screen.query_one("#next-block").render())
        assert "09:05" in line, line
        clock.advance(minutes=3)  # waiting: the next block is expected now, no earlier
        app.tick()
        await pilot.pause()
        assert "09:08" in str(app.screen.query_one("#next-block").render())
