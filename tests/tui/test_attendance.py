"""Attendance check-in: a few letters and Enter mark someone arrived, in the journal at once."""

from __future__ import annotations

from labkit.store.journal import Journal


async def test_type_letters_and_enter_marks_arrived(make_app, session_dir):
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f4")
        await pilot.press(*"veron", "enter")
        with Journal.open(session_dir / "journal.db", device="check") as journal:
            assert journal.state().present(1) == ["p13"]  # Véronique, accents ignored
        await pilot.press(*"kar", "enter")
        assert app.live.state.present(1) == ["p13", "p14"]


async def test_departure_and_absence_from_the_list(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f4")
        await pilot.press(*"hugo", "enter")
        await pilot.press(*"hugo", "escape", "ctrl+d")
        assert app.live.state.attendance_on(1)["p18"].status == "left"
        await pilot.press(*"nadia", "escape", "ctrl+x")
        assert app.live.state.attendance_on(1)["p09"].status == "absent"
        assert "p18" not in app.live.room() and "p09" not in app.live.room()


async def test_room_before_and_after_check_in(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        seated = app.live.room()
        assert len(seated) == 18  # every seated participant expected, facilitator excluded
        await pilot.press("f4", *"ines", "enter")
        assert app.live.room() == ["p01"]
