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


def _burst(field, keys: str) -> None:
    """Keys reaching the search line faster than check-ins are written (a fast typist)."""
    from textual import events

    for key in keys:
        field.post_message(events.Key("enter", None) if key == "\n" else events.Key(key, key))


async def test_a_burst_of_check_ins_loses_nobody(make_app):
    """« hugo ⏎ ines ⏎ » typed at once: the letters typed after the first Enter are not wiped
    when Hugo's arrival is written (Inès was silently left out in a tmux pass)."""
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f4")
        field = app.screen.query_one("#who")
        _burst(field, "hugo\nkar\nine")  # « ine » typed before Karine's arrival is shown
        await pilot.pause()
        await pilot.pause()
        assert field.value == "ine"
        await pilot.press("s", "enter")
        assert sorted(app.live.state.present(1)) == ["p01", "p14", "p18"]
        assert field.value == ""


async def test_a_departure_of_someone_not_here_is_said_plainly(make_app):
    """Ctrl+D on someone who never arrived: a sentence naming them, not the journal's
    « Événement « attendance.left » refusé » with the event's type."""
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f4", *"hugo", "ctrl+d")
        await pilot.pause()
        shown = [n.message for n in app._notifications]
        assert any("Hugo" in m and "pas là" in m for m in shown), shown
        assert not any("attendance.left" in m for m in shown)
        assert "p18" not in app.live.state.attendance_on(1)
        await pilot.press("ctrl+u", "ctrl+x")  # nothing typed: say what to do
        await pilot.pause()
        assert any("Tapez d'abord" in n.message for n in app._notifications)


async def test_undo_says_which_entry_it_cancelled(make_app):
    """Ctrl+Z cancels the last entry of any screen: « Dernière saisie annulée » left the
    facilitator guessing (in the tmux pass it undid Martine, not the arrival meant)."""
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f4", *"hugo", "enter", *"kar", "enter", "ctrl+z")
        await pilot.pause()
        karine = app.live.session.participant("p14").full_name
        assert app._notifications and any(
            n.message == f"Annulé\u00a0: arrivée de {karine}." for n in app._notifications)
        app.open_block("ouverture")
        await pilot.pause()
        await pilot.press(*"Une note", "enter", "ctrl+z")
        await pilot.pause()
        assert any(n.message == "Annulé\u00a0: «\u00a0Une note\u00a0»." for n in app._notifications)


KEY_CHARS = {"enter": "\r", "ctrl+d": "\x04", "ctrl+x": "\x18"}


def _app_burst(app, keys: list[str]) -> None:
    """Keys queued at the app back to back, before any is handled, as a tmux send-keys or a
    fast typist delivers them (Pilot's `press` waits after each key)."""
    from textual import events

    for key in keys:
        app.post_message(events.Key(key, KEY_CHARS.get(key, key)))


async def _settle(pilot) -> None:
    for _ in range(6):
        await pilot.pause()


async def test_two_names_and_enters_in_one_burst_check_in_both_in_turn(make_app):
    """« hugo ⏎ kar ⏎ hugo Ctrl+D » in one burst: Hugo arrives, then Karine, then Hugo
    leaves, as when typed slowly (Enter used to act after the keys typed after it: Ctrl+D
    found Hugo not here yet, and the search line kept « hugo »)."""
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f4")
        field = app.screen.query_one("#who")
        _app_burst(app, [*"hugo", "enter", *"kar", "enter", *"hugo", "ctrl+d"])
        await _settle(pilot)
        attendance = app.live.state.attendance_on(1)
        assert attendance["p18"].status == "left"
        assert attendance["p14"].status == "present"
        assert field.value == ""
        shown = [n.message for n in app._notifications]
        assert not any("pas là" in m for m in shown), shown


async def test_an_arrival_and_an_absence_in_one_burst_act_in_order(make_app):
    """« hugo ⏎ nadia Ctrl+X ines ⏎ »: the journal holds Hugo's arrival, Nadia's absence and
    Inès's arrival in that order, each for the right person."""
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f4")
        _app_burst(app, [*"hugo", "enter", *"nadia", "ctrl+x", *"ines", "enter"])
        await _settle(pilot)
        assert app.screen.query_one("#who").value == ""
    with Journal.open(app.live.root / "journal.db", device="check") as journal:
        events = [
            (found.event.type, found.event.participant_id)
            for found in journal.events(types=["attendance.arrived", "attendance.absent"])
        ]
    assert events == [
        ("attendance.arrived", "p18"),
        ("attendance.absent", "p09"),
        ("attendance.arrived", "p01"),
    ]


async def test_an_ambiguous_enter_in_a_burst_lists_and_the_next_letters_refine_it(make_app):
    """« ma ⏎ r ⏎ » at once: « ma » (Mamadou, Marion) checks in nobody and stays, « r »
    refines it to Marion, who alone arrives (Enter used to be read after « r »: « r » alone
    was searched, then « ma » came back on the line)."""
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f4")
        _app_burst(app, [*"ma", "enter", "r", "enter"])
        await _settle(pilot)
        assert app.live.state.present(1) == ["p15"]
        assert app.screen.query_one("#who").value == ""
        assert any("Mamadou" in n.message for n in app._notifications)


async def test_a_check_in_burst_names_the_arrivals_on_one_line_not_a_toast_each(make_app):
    """Five arrivals typed at once stacked five toasts over the list (a tmux pass): each
    arrival is now said on the line under the search, newest first, with no toast."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        _app_burst(app, [*"hugo", "enter", *"kar", "enter", *"ines", "enter",
                         *"veron", "enter", *"nadia", "enter"])
        await _settle(pilot)
        assert len(app.live.state.present(1)) == 5
        assert not [n.message for n in app._notifications]
        line = str(app.screen.query_one("#arrivals").render())
        assert line.startswith("Arrivé·es à l'instant\u00a0: Nadia"), line
        assert "Hugo" not in line  # four names at most: the oldest gives way
        assert app.screen.query_one("#arrivals").region.height == 1


async def test_a_candidate_chosen_with_down_then_the_next_name_in_one_burst(make_app):
    """« ma ⏎ ↓ ⏎ hugo ⏎ » at once (seen in tmux at 120×40): Marion, chosen on the list,
    arrives, then Hugo; the search line ends empty (the Enter on the list used to be read
    after « hugo »: the line read « mahugo », its Enter found nobody, and Hugo was lost)."""
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f4")
        _app_burst(app, [*"ma", "enter", "down", "enter", *"hugo", "enter"])
        await _settle(pilot)
        assert sorted(app.live.state.present(1)) == ["p15", "p18"]
        assert app.screen.query_one("#who").value == ""


async def test_a_departure_on_the_row_chosen_with_down(make_app):
    """« ma ⏎ ↓ Ctrl+X »: the row chosen with ↓ from the search line is marked absent
    (Marion), not refused as ambiguous."""
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f4")
        _app_burst(app, [*"ma", "enter", "down", "ctrl+x"])
        await _settle(pilot)
        assert app.live.state.attendance_on(1)["p15"].status == "absent"


async def test_undoing_the_absence_of_someone_here_gives_the_arrival_back(make_app):
    """« kar ⏎ kar Ctrl+X Ctrl+Z » (a wrong name marked absent, then undone, seen at 120×40):
    Karine is present again, not « attendu·e » (the undo used to cancel the absence alone,
    leaving her arrival cancelled)."""
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f4", *"kar", "enter", *"kar", "ctrl+x")
        await _settle(pilot)
        assert app.live.state.attendance_on(1)["p14"].status == "absent"
        await pilot.press("ctrl+z")
        await _settle(pilot)
        assert app.live.state.attendance_on(1)["p14"].status == "present"


async def test_checking_in_someone_already_here_says_so_without_the_events_name(make_app):
    """A tmux pass: « Événement « attendance.arrived » refusé : … » on screen. The journal's
    refusal is said by its reason alone, with the person's name."""
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f4", *"hugo", "enter", *"hugo", "enter")
        await _settle(pilot)
        shown = [n.message for n in app._notifications]
        assert any("Hugo est déjà présent·e" in m for m in shown), shown
        assert not any("attendance." in m or "Événement" in m for m in shown), shown
