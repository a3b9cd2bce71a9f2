"""World café: rounds, tables, ideas per table and question, re-planning, harvest."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from textual import events

from labkit.errors import InvalidInputError
from labkit.store.journal import Journal
from labkit.tui import rotation
from labkit.tui.widgets.cafe.table_card import TableCard


async def open_cafe(app, pilot):
    await pilot.press("down", "down", "f3")
    await pilot.pause()
    assert type(app.screen).__name__ == "WorldCafeScreen"


async def test_rounds_and_ideas_per_table_reach_the_journal(make_app, session_dir, clock):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n")  # starts the block and round 1
        assert app.live.state.block("cafe").status == "running"
        assert app.live.running_round("cafe") == 1
        await pilot.press(*"Un guichet unique", "enter")
        await pilot.press("down", *"Des permanences CAF", "enter")
        clock.advance(minutes=20)
        await pilot.press("escape", "ctrl+n")  # round 2 (round 1 ends)
        await pilot.press("alt+3", *"Aller vers les employeurs", "enter")
    with Journal.open(session_dir / "journal.db", device="check") as journal:
        state = journal.state()
    ideas = [(c.text, c.round, c.table, c.question, c.kind) for c in state.contributions.values()]
    assert ideas == [
        ("Un guichet unique", 1, 1, 1, "idea"),
        ("Des permanences CAF", 1, 2, 2, "idea"),
        ("Aller vers les employeurs", 2, 3, 3, "idea"),
    ]
    assert [(r.round, r.ended_at is not None) for r in state.rounds_of("cafe")] == [
        (1, True), (2, False),
    ]


async def test_a_burst_of_keys_keeps_entries_apart(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n")
        for key in [*"abc", "enter", *"def", "enter"]:
            app.post_message(events.Key(key, "\r" if key == "enter" else key))
        await pilot.pause()
        await pilot.pause()
        assert [c.text for c in app.live.state.contributions.values()] == ["abc", "def"]


async def test_tables_show_hosts_members_and_next_moves(make_app):
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        await open_cafe(app, pilot)
        view = app.screen.query_one("#table-1", TableCard).view
        assert view.seats[0].host and view.seats[0].name == "Inès"
        plan = rotation.saved_plan(app.live.root, "cafe")
        member = app.live.session.participant(plan[0][0][1])
        seat = next(s for s in view.seats if s.name == member.display_name)
        assert seat.next_table == rotation.table_of(plan, 2, member.id)


async def test_replan_after_a_departure_freezes_the_rounds_played(make_app, monkeypatch, clock):
    calls = []

    def fake_plan_rotation(request):
        frozen_rounds = [list(r) for r in request.history]
        present = [p.id for p in request.people if p.id not in request.absent]
        calls.append((len(frozen_rounds), sorted(present)))
        tables = [[p for i, p in enumerate(present) if i % 3 == k] for k in range(3)]
        return SimpleNamespace(rounds=[*frozen_rounds, *([tables] * (3 - len(frozen_rounds)))])

    monkeypatch.setattr(rotation, "plan_rotation", fake_plan_rotation)
    app = make_app()
    async with app.run_test() as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n")
        app.live.mark_absent("p18")
        app.revision = app.live.revision
        await pilot.pause()
        assert app.screen.query_one("#cafe-notice").has_class("-on")
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        rotation_event = app.live.state.rotation("cafe")
        assert rotation_event is not None and rotation_event.from_round == 2
        assert calls and calls[0][0] == 1 and "p18" not in calls[0][1]
        plan = rotation.current_plan(app.live.root, "cafe", app.live.rotations("cafe"))
        assert len(plan) == 3 and all("p18" not in t for t in plan[1])
        # nothing is pending any more: the notice says who the re-plan moved
        assert "changent de table" in str(app.screen.query_one("#cafe-notice").content)


async def test_a_planner_failure_records_nothing_and_keeps_the_app_alive(
    make_app, monkeypatch, session_dir
):
    def broken(*args, **kwargs):
        raise RuntimeError("planner bug")

    monkeypatch.setattr(rotation, "plan_rotation", broken)
    app = make_app()
    async with app.run_test() as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.live.state.rotation("cafe") is None
        assert app.screen.replanning is False
    # the traceback is in the session's log, for whoever reads it after the session
    log = session_dir / "labkit.log"
    text = log.read_text(encoding="utf-8")
    assert "ERROR labkit.tui.screens.world_cafe" in text
    assert "re-planning block cafe from round 1 failed" in text
    assert "Traceback (most recent call last)" in text and "RuntimeError: planner bug" in text
    assert log.stat().st_mode & 0o777 == 0o600


async def test_harvest_clusters_and_keeps_ideas(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n")
        for text in ("Guichet unique", "Un seul interlocuteur", "Permanences"):
            await pilot.press(*text, "enter")
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert type(app.screen).__name__ == "HarvestScreen"
        await pilot.press("space", "space")  # marks the first two ideas
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("ctrl+u", *"Un point d'entrée", "enter")
        await pilot.pause()
        state = app.live.state
        cluster = next(iter(state.clusters.values()))
        assert cluster.title == "Un point d'entrée" and cluster.question == 1
        assert [state.contributions[c].text for c in cluster.contribution_ids] == [
            "Guichet unique", "Un seul interlocuteur",
        ]
        app.screen.query_one("#harvest").move_cursor(row=0)
        await pilot.press("k")  # keep the cluster
        last_row = app.screen.query_one("#harvest").row_count - 1
        app.screen.query_one("#harvest").move_cursor(row=last_row)
        await pilot.press("k")  # and the lone idea
        kept = app.live.state.kept[("cafe", 1)]
        assert kept.item_ids == (cluster.cluster_id, "c3")


async def test_replan_with_the_planner_after_a_late_arrival(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        for person in [f"p{i:02d}" for i in range(1, 18)]:  # Hugo (p18) is late
            app.live.arrive(person)
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n")
        app.live.arrive("p18")
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        plan = rotation.current_plan(app.live.root, "cafe", app.live.rotations("cafe"))
        assert plan[0] == rotation.saved_plan(app.live.root, "cafe")[0]  # round 1 as played
        for tables in plan[1:]:
            seated = [p for table in tables for p in table]
            assert sorted(seated) == sorted(app.live.room())
            assert [table[0] in ("p01", "p02", "p03") for table in tables] == [True] * 3


async def test_replan_refuses_when_a_host_left(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n")
        app.live.mark_absent("p02")
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.live.state.rotation("cafe") is None


async def test_a_second_replan_keeps_the_rounds_seated_by_the_first(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n")
        app.live.mark_absent("p18")
        await pilot.press("ctrl+r")  # rounds 2-3 re-planned
        await app.workers.wait_for_complete()
        await pilot.pause()
        first = rotation.current_plan(app.live.root, "cafe", app.live.rotations("cafe"))
        await pilot.press("ctrl+n")  # round 2
        app.live.mark_absent("p17")
        await pilot.press("ctrl+r")  # round 3 re-planned
        await app.workers.wait_for_complete()
        await pilot.pause()
        second = rotation.current_plan(app.live.root, "cafe", app.live.rotations("cafe"))
        assert second[:2] == first[:2]
        assert all("p17" not in table for table in second[2])
        assert [r.from_round for r in app.live.rotations("cafe")] == [2, 3]


async def test_ideas_typed_on_another_laptop_appear(make_app, session_dir):
    from labkit.store.journal import Journal

    app = make_app()
    async with app.run_test() as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n")
        with Journal.open(session_dir / "journal.db", device="laptop-2") as other:
            other.add_contribution("Vu sur l'autre poste", kind="idea", block_id="cafe",
                                   round=1, table=1, question=1)
        app.poll()
        await pilot.pause()
        assert app.screen.query_one("#table-1", TableCard).view.ideas == 1


async def test_a_round_started_without_a_plan_is_planned_too(make_app, session_dir):
    (session_dir / "rotations" / "cafe.json").unlink(missing_ok=True)
    app = make_app()
    async with app.run_test() as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n")  # round 1 starts before anybody is seated
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        replanned = app.live.state.rotation("cafe")
        assert replanned is not None and replanned.from_round == 1
        plan = rotation.current_plan(app.live.root, "cafe", app.live.rotations("cafe"))
        assert plan and all(any(tables) for tables in plan)


async def test_the_first_plan_says_it_was_made_not_re_planned(make_app, session_dir):
    """The café's first plan is no re-plan: « Tours replanifiés… Personne ne change de
    table. » told of changes that never were; it says the rounds and tables planned."""
    (session_dir / "rotations" / "cafe.json").unlink(missing_ok=True)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        notice = str(app.screen.query_one("#cafe-notice").content)
        messages = " ".join(n.message for n in app._notifications)
        for text in (notice, messages):
            assert "Tours planifiés\u00a0: 3 tours sur 3 tables" in text, text
            assert "replanifiés" not in text and "Personne ne change" not in text


def _five_tables_of_eight(session_dir) -> None:
    """The fixture's café made a real room's: 38 people at 5 tables, 5 questions, no saved plan."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    path = session_dir / "session.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"))
    names = ["Aurélie", "Baptiste", "Chloé", "Damien", "Élodie", "Fabien", "Gaëlle", "Hugo",
             "Isabelle", "Jérôme", "Karine", "Ludovic", "Mélanie", "Nicolas", "Océane", "Pascal",
             "Quentin", "Roxane", "Sandrine", "Tristan"]  # fmt: skip
    groups = ["demandeurs", "conseillers", "partenaires"]
    data["participants"] += [{"id": f"p{19 + i}", "first_name": name, "group": groups[i % 3]}
                             for i, name in enumerate(names)]  # fmt: skip
    (cafe,) = [b for d in data["days"] for b in d["agenda"] if b["id"] == "cafe"]
    cafe["method"].update(tables=5, hosts=["p01", "p02", "p03", "p04", "p05"], questions=[
        "Comment mieux orienter les familles ?", "Comment mieux accompagner vers l'emploi ?",
        "Comment servir les employeurs du bassin ?", "Comment partager l'information ?",
        "Comment garder les enfants pendant les formations ?"])  # fmt: skip
    yaml.dump(data, path)
    (session_dir / "rotations" / "cafe.json").unlink()


async def test_five_tables_fit_80x24_without_scrolling(make_app, session_dir):
    from textual.widgets import Footer

    _five_tables_of_eight(session_dir)
    app = make_app()
    live = app.live
    for number in range(1, 39):
        live.arrive(f"p{number:02d}")
    block = live.block("cafe")
    plan = rotation.replan_cafe(live.session, block, None, 0, live.room())
    live.record({"type": "rotation.replanned", "block_id": "cafe", "from_round": 1,
                 "plan": [[list(t) for t in r] for r in plan]})  # fmt: skip
    async with app.run_test(size=(80, 24)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        screen = app.screen
        tables = screen.query_one("#cafe-tables")
        assert tables.max_scroll_y == 0
        cards = list(screen.query(TableCard))
        assert len(cards) == 5 and sum(len(c.view.seats) for c in cards) == 38
        for card in cards:  # every table, whole, inside the screen and its (unscrolled) panel
            assert screen.region.contains_region(card.region), card.id
            assert tables.region.contains_region(card.region), card.id
        for shown in ("café", "harvest"):  # no key cut at the right edge
            footer = app.screen.query_one(Footer)
            assert footer.region.bottom == 24, shown
            keys = list(footer.query("FooterKey"))
            assert keys and all(k.region.right <= 80 and k.region.width > 0 for k in keys), shown
            await pilot.press("ctrl+g")
            await pilot.pause()


async def test_a_departure_moves_only_a_few_and_says_who(make_app):
    """Issue 14: one departure used to change most people's later tables; now the people not
    affected keep their tables round by round, and the notice names those who move."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        for person in [f"p{i:02d}" for i in range(1, 19)]:
            app.live.arrive(person)
        await open_cafe(app, pilot)
        before = rotation.current_plan(app.live.root, "cafe", app.live.rotations("cafe"))
        await pilot.press("ctrl+n")  # round 1
        leaver = next(p for p in before[1][0] if p not in ("p01", "p02", "p03"))
        app.live.leave(leaver)  # a departure during round 1
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        after = rotation.current_plan(app.live.root, "cafe", app.live.rotations("cafe"))
        assert after[0] == before[0]
        moved = {p for r in (1, 2) for t, table in enumerate(after[r]) for p in table
                 if p not in before[r][t]}
        assert len(moved) <= 2  # 17 people on 3 tables: at most a rebalancing move a round
        for r in (1, 2):
            for t, table in enumerate(before[r]):
                assert {p for p in table if p != leaver and p not in moved} <= set(after[r][t])
        notice = str(app.screen.query_one("#cafe-notice").content)
        if moved:
            name = app.live.session.participant(next(iter(moved))).display_name
            assert f"{len(moved)} personnes changent de table" in notice and name in notice
            assert "→" in notice
        else:
            assert "Personne ne change de table" in notice
        assert any("Tours replanifiés" in n.message for n in app._notifications)


def ideas_at_tables(app):
    return [(c.text, c.table) for c in app.live.state.contributions.values()]


async def test_ctrl_t_then_a_digit_picks_the_table_and_a_digit_alone_is_text(make_app):
    """Terminals (tmux) do not pass Alt+digit: Ctrl+T, then the table's digit."""
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n")
        await pilot.press("ctrl+t", "3", *"Aller vers les employeurs", "enter")
        assert app.screen.selected == 3
        await pilot.press(*"2 permanences", "enter")  # a digit without Ctrl+T is text
        await pilot.press("ctrl+t", "7", *"Sans table 7", "enter")  # no table 7: nothing typed
        await pilot.press("escape", "ctrl+t", "1", *"Depuis la liste", "enter")
        footer = app.screen.query_one("FitFooter")
        assert "Ctrl+T" in str(footer.render()) or any(
            "Ctrl+T" in str(w.render()) for w in footer.query("*"))
    assert ideas_at_tables(app) == [
        ("Aller vers les employeurs", 3), ("2 permanences", 3), ("Sans table 7", 3),
        ("Depuis la liste", 1),
    ]


async def test_a_burst_idea_down_idea_records_each_at_its_table(make_app):
    """« idée A ⏎ ↓ idée B ⏎ » sent back to back (tmux send-keys): B goes to table 2."""
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        keys = [*"A", "enter", "down", *"B", "enter", "ctrl+t", "3", *"C", "enter", "up",
                *"D", "enter"]
        chars = {"enter": "\r", "ctrl+t": "\x14", "down": None, "up": None}
        for key in keys:
            app.post_message(events.Key(key, chars.get(key, key)))
        for _ in range(6):
            await pilot.pause()
        assert ideas_at_tables(app) == [("A", 1), ("B", 2), ("C", 3), ("D", 2)]
        assert app.screen.selected == 2


def harvest_texts(app) -> list[str]:
    table = app.screen.query_one("#harvest")
    return [str(table.get_cell(row, "text")).strip() for row in table.rows]


def report_text(app) -> str:
    from labkit.report import build_report, layout
    from labkit.report.text_writers import render_markdown

    return render_markdown(layout(build_report(app.live.session, app.live.state, lang="fr")))


async def test_the_harvest_corrects_and_deletes_an_idea_as_the_report_shows(make_app):
    """Ctrl+E corrects the highlighted idea, Suppr deletes it (asks once), x still takes an
    idea out of its cluster: journal events, and the report shows the corrected ideas."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n")
        for text in ("Guichet unqiue", "Hors sujet total", "Permanences"):
            await pilot.press(*text, "enter")
        await pilot.press("ctrl+g")
        await pilot.pause()
        harvest = app.screen.query_one("#harvest")
        assert harvest_texts(app) == ["Guichet unqiue", "Hors sujet total", "Permanences"]
        harvest.move_cursor(row=0)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert type(app.screen).__name__ == "FormScreen"
        await pilot.press("ctrl+u", *"Guichet unique", "enter")
        await pilot.pause()
        assert harvest_texts(app) == ["Guichet unique", "Hors sujet total", "Permanences"]
        harvest.move_cursor(row=1)
        await pilot.press("delete")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("o")
        await pilot.pause()
        assert harvest_texts(app) == ["Guichet unique", "Permanences"]
        footer = [str(k.render()).split()[0] for k in app.screen.query("FooterKey")]
        from labkit.tui.keys import describe_bindings

        keys = [k for k, _ in describe_bindings(app, app.screen)]  # the help: every key
        assert "Ctrl+E" in keys and "Suppr" in keys
        assert "Espace" in footer and "space" not in footer and "del" not in footer  # French
        report = report_text(app)
        assert "Guichet unique" in report and "unqiue" not in report
        assert "Hors sujet total" not in report and "Permanences" in report
    with Journal.open(app.live.root / "journal.db", device="check") as journal:
        types = [e.type for e in journal.events()]
    assert "contribution.edited" in types and "contribution.deleted" in types


async def test_a_burst_idea_next_round_idea_keeps_the_first_in_its_round(make_app):
    """« idée ⏎ Ctrl+N idée ⏎ » back to back: the first idea stays in round 1 (and its
    question, for cafés whose questions move), the second is in round 2."""
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n")
        await pilot.pause()
        chars = {"enter": "\r", "ctrl+n": "\x0e"}
        for key in [*"A", "enter", "ctrl+n", *"B", "enter"]:
            app.post_message(events.Key(key, chars.get(key, key)))
        for _ in range(6):
            await pilot.pause()
        assert app.live.running_round("cafe") == 2
    config = app.live.block("cafe").method
    ideas = [(c.text, c.round, c.question) for c in app.live.state.contributions.values()]
    assert ideas == [("A", 1, config.question_at(1, 1)), ("B", 2, config.question_at(1, 2))]


async def test_ctrl_n_on_the_last_round_ends_it_and_starts_no_round_beyond_the_plan(make_app):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_cafe(app, pilot)
        rounds = app.screen.config.rounds
        for _ in range(rounds + 2):  # one too many, then once more
            await pilot.press("ctrl+n")
        await pilot.pause()
        played = app.live.state.rounds_of("cafe")
        assert [r.round for r in played] == list(range(1, rounds + 1))
        assert all(r.ended_at is not None for r in played)


def test_the_live_session_refuses_a_round_the_plan_does_not_have(make_app):
    app = make_app()
    for _ in range(app.live.block("cafe").method.rounds):
        app.live.start_round("cafe")
    with pytest.raises(InvalidInputError, match="tours prévus"):
        app.live.start_round("cafe")


async def test_someone_who_left_is_said_gone_on_the_card_not_absent(make_app):
    """A tmux pass: Farida, who came and left, read « Farida (absent·e) » on her card."""
    app = make_app()
    async with app.run_test(size=(160, 50)) as pilot:
        await open_cafe(app, pilot)
        seated = [p for table in rotation.current_plan(app.live.root, "cafe",
                                                        app.live.rotations("cafe"))[0]
                  for p in table if p not in app.screen.config.hosts]
        gone, away = seated[0], seated[1]
        app.live.arrive(gone)
        app.live.leave(gone)
        app.live.mark_absent(away)
        app.screen.refresh_view()
        await pilot.pause()
        cards = " ".join(str(card.query_one(".card-seats").render())
                         for card in app.screen.query(TableCard))
        name = app.live.session.participant
        assert f"{name(gone).first_name} (parti·e)" in cards, cards
        assert f"{name(away).first_name} (absent·e)" in cards, cards


def _keys_at_once(app, keys: list[str]) -> None:
    """Keys queued at the app before any is handled (tmux send-keys, a fast typist)."""
    from textual import events

    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


async def _settle(pilot) -> None:
    for _ in range(6):
        await pilot.pause()


async def test_down_then_f3_at_once_on_the_dashboard_opens_the_block_down_reached(make_app):
    """« ↓ ↓ F3 » in one burst on the agenda opens the café, as typed slowly (F3, a priority
    binding, acted as it arrived, before the list had read ↓ ↓)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        _keys_at_once(app, ["down", "down", "f3"])
        await _settle(pilot)
        assert type(app.screen).__name__ == "WorldCafeScreen"


async def test_keys_on_the_harvest_list_act_in_the_order_typed(make_app):
    """« k ↓ k » then « ↓ Ctrl+E » at once on the harvest: the first two ideas are kept (a
    first attempt at « ↑ Ctrl+E » moved the cursor before the first « k » acted), and Ctrl+E
    corrects the third idea, where ↓ went."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n")
        for text in ("Guichet unique", "Un seul interlocuteur", "Permanences"):
            await pilot.press(*text, "enter")
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert type(app.screen).__name__ == "HarvestScreen"
        app.screen.query_one("#harvest").move_cursor(row=0)
        await pilot.pause()
        _keys_at_once(app, ["k", "down", "k"])
        await _settle(pilot)
        assert app.live.state.kept[("cafe", 1)].item_ids == ("c1", "c2")
        _keys_at_once(app, ["down", "ctrl+e"])
        await _settle(pilot)
        assert type(app.screen).__name__ == "FormScreen"
        assert app.screen.query_one("Input").value == "Permanences"
