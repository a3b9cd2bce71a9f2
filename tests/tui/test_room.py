"""Issue 14: the live app survives a real room (typing never fires a command, exact check-in,
drift right while a block overruns, a big clock that stays whole)."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input, Static

from labkit.tui import live_state as ls
from labkit.tui.widgets.capture.capture_bar import CaptureBar
from labkit.tui.widgets.timers.big_digits import BigDigits, big_width


async def open_cafe(app, pilot):
    app.open_block("cafe")
    await pilot.pause()
    assert type(app.screen).__name__ == "WorldCafeScreen"


async def test_typing_an_idea_on_the_cafe_list_leaves_the_block_running(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n")  # starts the café and its first round
        assert app.live.state.block("cafe").status == "running"
        await pilot.press("escape")  # the list has the focus: letters used to be commands
        await pilot.press(*"espace pour les enfants", "enter")
        assert app.live.state.block("cafe").status == "running"
        assert app.live.running_round("cafe") == 1
        ideas = [c.text for c in app.live.state.contributions.values()]
        assert ideas == ["espace pour les enfants"]
        assert app.screen.query_one(CaptureBar).input.value == ""


async def test_a_name_typed_in_attendance_starts_nothing_and_records_no_departure(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f4", "escape")  # even with the list focused
        await pilot.press(*"selx pe", "escape", *"lx")
        assert all(r.status == "not_started" for r in app.live.rows())
        assert app.live.state.attendance_on(1) == {}
        assert app.screen.query_one("#who", Input).value == "selx pelx"


async def test_session_keys_work_while_typing(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f4", *"ine")  # typing a name, then F6 from the same field
        await pilot.press("f6")
        assert app.live.state.block("ouverture").status == "running"
        await pilot.press("f8")  # ends 15 min early: asks first
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("n")
        assert app.live.state.block("ouverture").status == "running"
        await pilot.press("f8", "o")
        assert app.live.state.block("ouverture").status == "ended"


def rename(session_dir, pairs):
    path = session_dir / "session.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


AUDES = [("first_name: Inès", "first_name: Aude"), ("first_name: Sophie", "first_name: Audrey"),
         ("first_name: Julien", "first_name: Julien\n    last_name: Reynaud")]


async def test_ambiguous_check_in_lists_the_candidates_and_checks_in_nobody(make_app,
                                                                            session_dir):
    rename(session_dir, AUDES)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4", *"aud", "enter")
        assert app.live.state.attendance_on(1) == {}  # not Aude, not Audrey, not Reynaud
        table = app.screen.query_one("#people")
        assert table.row_count == 2  # the candidates wait, Reynaud is not one of them
        assert app.focused is app.screen.query_one("#who")  # ↓ there chooses, in turn
        await pilot.press("down", "enter")  # the second candidate, chosen
        assert list(app.live.state.attendance_on(1)) == ["p11"]
        await pilot.press(*"AUDE", "enter")  # a whole first name designates one person
        assert sorted(app.live.state.attendance_on(1)) == ["p01", "p11"]


async def test_an_ambiguous_search_keeps_its_text_to_be_refined(make_app, session_dir):
    rename(session_dir, AUDES)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4", *"aud", "enter", "r")  # typing on: "audr"
        assert app.screen.query_one("#who").value == "audr"
        await pilot.press("enter")
        assert list(app.live.state.attendance_on(1)) == ["p11"]  # Audrey, nobody else


def test_check_in_matches_name_starts_accents_and_case_aside(make_app, session_dir):
    rename(session_dir, AUDES)
    session = make_app().live.session
    people = session.participants
    assert [p.id for p in people if ls.matches(p, "rey")] == ["p08"]  # surname start
    assert [p.id for p in people if ls.matches(p, "agn")] == []  # no match inside a name
    assert [p.id for p in people if ls.matches(p, "VERO")] == ["p13"]  # Véronique
    assert ls.check_in_choice(people, "aud")[0] is None


async def test_a_row_is_corrected_in_place_with_names_in_the_messages(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f4", *"nadia", "enter")
        assert app.live.state.attendance_on(1)["p09"].status == "present"
        await pilot.press(*"nadia", "ctrl+x")  # oops: absent
        assert app.live.state.attendance_on(1)["p09"].status == "absent"
        await pilot.press(*"nadia", "escape", "enter")  # same row, back to present
        assert app.live.state.attendance_on(1)["p09"].status == "present"
        await pilot.press(*"nadia", "ctrl+d")
        assert app.live.state.attendance_on(1)["p09"].status == "left"
        messages = [n.message for n in app._notifications]
        assert any("Nadia" in m and "Ctrl+Z" in m for m in messages)
        assert not any("p09" in m for m in messages)


async def test_drift_grows_while_a_block_overruns(make_app, clock):
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f6")  # the 15-minute opening, on time
        clock.advance(minutes=20, seconds=30)  # 5.5 min over, not ended yet
        app.tick()
        await pilot.pause()
        drift = str(app.screen.query_one("#day-drift", Static).render())
        assert "6 min de retard" in drift or "5 min de retard" in drift


def test_drift_of_a_running_block_is_never_before_now(make_app, clock):
    live = make_app().live
    live.start_block("ouverture")
    clock.advance(minutes=25)
    drift = ls.day_drift(live.rows(), live.now())
    assert drift == timedelta(minutes=10)


async def test_big_countdown_of_an_hour_stays_whole():
    from textual.app import App

    class Panel(App[None]):
        CSS = "BigDigits { width: 50; }"

        def compose(self):
            yield BigDigits()

    app = Panel()
    async with app.run_test(size=(80, 24)) as pilot:
        digits = app.query_one(BigDigits)
        digits.value = "1:05:00"
        await pilot.pause()
        width = digits.content_size.width
        lines = str(digits.render()).split("\n")
        assert len(lines) == 7
        assert big_width("1:05:00", 2) > width  # the two-cell font would have been cut
        assert max(len(line.rstrip()) for line in lines) <= width
        assert "█" in lines[0]


async def test_refusals_name_people_not_ids(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f4", *"nadia", "enter")
        app.act(app.live.arrive, "p09")  # already present: refused
        await pilot.pause()
        refused = [n.message for n in app._notifications if n.severity == "error"]
        assert refused and "Nadia" in refused[-1] and "p09" not in refused[-1]


def test_questionnaire_exact_group_key_that_starts_another_is_accepted(make_app, session_dir):
    rename(session_dir, [("key: conseillers", "key: dr"), ("group: conseillers", "group: dr"),
                         ("key: partenaires", "key: drh")])
    text = (session_dir / "session.yaml").read_text(encoding="utf-8")
    text = text.replace("group: conseillers", "group: dr").replace("group: partenaires",
                                                                   "group: drh")
    (session_dir / "session.yaml").write_text(text, encoding="utf-8")
    live = make_app(day=2).live
    block = live.block("cloture")
    entry = ls.parse_questionnaire("dr 5 4", live.session, block.method.survey)
    assert entry.group == "dr"  # before: "dr" was refused as ambiguous with "drh"
    assert ls.parse_questionnaire("drh 4 4", live.session, block.method.survey).group == "drh"
