"""The method screens: what the facilitator types reaches the journal."""

from __future__ import annotations

from datetime import date

import pytest

from labkit.errors import InvalidInputError
from labkit.methods.idea_vote import IdeaVote
from labkit.methods.world_cafe import WorldCafe
from labkit.store.journal import Journal
from labkit.tui.live_state import survey_groups


async def open_block(app, pilot, block_id: str) -> None:
    app.open_block(block_id)
    await pilot.pause()


def stored(session_dir):
    with Journal.open(session_dir / "journal.db", device="check") as journal:
        return journal.state()


async def test_notes_of_a_plenary(make_app, session_dir):
    app = make_app()
    async with app.run_test() as pilot:
        await open_block(app, pilot, "ouverture")
        await pilot.press(*"Merci d'etre venus", "enter", "ctrl+t", "2", *"Et apres ?",
                          "enter")
    notes = [(c.kind, c.text) for c in stored(session_dir).contributions.values()]
    assert notes == [("note", "Merci d'etre venus"), ("quote", "Et apres ?")]


async def test_interviews_pairs_steps_and_ingredients(make_app, session_dir, clock):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_block(app, pilot, "interviews")
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.screen.pairs) == 9  # 18 people, pairs from the planner
        assert [len(g) for g in app.screen.groups] in ([2, 2, 2, 3], [2, 2, 3, 2], [3, 2, 2, 2],
                                                       [2, 3, 2, 2])
        await pilot.press("ctrl+n")
        clock.advance(minutes=8)
        app.tick()
        assert [a.kind for a in app.alerts] == ["swap"]
        await pilot.press("ctrl+n")  # second half
        clock.advance(minutes=8)
        await pilot.press("ctrl+n")  # regroup
        await pilot.press(*"La confiance", "enter", "down", *"Un langage commun", "enter")
    state = stored(session_dir)
    assert [(r.round, r.ended_at is not None) for r in state.rounds_of("interviews")] == [
        (1, True), (2, True), (3, False),
    ]
    assert [(c.text, c.kind, c.table) for c in state.contributions.values()] == [
        ("La confiance", "ingredient", 1), ("Un langage commun", "ingredient", 2),
    ]
    plan = state.rotation("interviews").plan
    assert len(plan[0]) == 9 and sorted(p for g in plan[1] for p in g) == sorted(
        p for pair in plan[0] for p in pair)


async def test_persona_journey_cells(make_app, session_dir):
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_block(app, pilot, "parcours")
        await pilot.press("right", "enter")  # actions of the first stage
        await pilot.press(*"Appelle la CAF ; Cherche en ligne", "enter")
        await pilot.pause()
        await pilot.press("right", "right", "1")  # emotion: very frustrated
        await pilot.press("tab")  # team 2
        await pilot.press("down", "5")
    state = stored(session_dir)
    personas = sorted(state.personas.values(), key=lambda p: p.team)
    assert [(p.name, p.team) for p in personas] == [("Inès, 27 ans", "1"), ("Inès, 27 ans", "2")]
    first = state.journey(personas[0].persona_id)
    assert [(s.stage, s.actions, s.emotion) for s in first] == [
        ("Le besoin apparaît", ("Appelle la CAF", "Cherche en ligne"), -2),
    ]
    second = state.journey(personas[1].persona_id)
    assert [(s.stage, s.emotion) for s in second] == [("S'informer", 2)]


async def test_vote_tally_ranking_and_top(make_app, session_dir):
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_block(app, pilot, "vote")
        await pilot.press("i")
        for idea in ("A", "B", "C", "D"):
            await pilot.press(idea, "enter")
        await pilot.press("escape")
        app.screen.query_one("#candidates").move_cursor(row=0)
        await pilot.press("1", "2", "enter")  # A: 12, cursor moves to B
        await pilot.press("7", "enter")  # B: 7
        await pilot.press("7", "enter")  # C: 7
        await pilot.press("space")  # D: 1
        await pilot.press("x")  # oops: remove it
        app.screen.query_one("#candidates").move_cursor(row=3)
        await pilot.press("2", "enter")
        await pilot.press("K")
        ranking = str(app.screen.query_one("#ranking").render())
    state = stored(session_dir)
    totals = state.vote_totals(block_id="vote")
    assert totals == {"c1": 12, "c2": 7, "c3": 7, "c4": 2}
    assert state.kept[("vote", None)].item_ids == ("c1", "c2", "c3")
    assert "≈" not in ranking  # 7 and 7 are both inside the top 3; 2 is far from the cut


async def test_vote_flags_a_tie_at_the_cut(make_app):
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await open_block(app, pilot, "vote")
        await pilot.press("i")
        for idea in ("A", "B", "C", "D"):
            await pilot.press(idea, "enter")
        await pilot.press("escape")
        app.screen.query_one("#candidates").move_cursor(row=0)
        for dots in ("9", "8", "5", "5"):
            await pilot.press(dots, "enter")
        assert "≈" in str(app.screen.query_one("#ranking").render())


async def test_commitments_grid_validates_dates_and_owners(make_app, session_dir):
    app = make_app(day=2)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_block(app, pilot, "engagements")
        await pilot.press("n")
        await pilot.press(*"Un guichet commun", "enter", "enter", "enter")
        await pilot.press(*"31/02/2027", "enter", "enter", *"59", "enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "FormScreen"  # bad date: still open
        assert "date illisible" in str(app.screen.query_one("#form-error").render())
        app.screen.query_one("#field-due").value = "06/2027"
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert "Porteur" in str(app.screen.query_one("#form-error").render())
        app.screen.query_one("#field-owner_person").value = "Karim"
        app.screen.query_one("#field-group").value = "75"
        await pilot.press("ctrl+o")
        assert "territoire inconnu" in str(app.screen.query_one("#form-error").render())
        app.screen.query_one("#field-group").value = "59"
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert type(app.screen).__name__ == "CommitmentsScreen"
        await pilot.press("v")
    state = stored(session_dir)
    (item,) = state.commitments.values()
    assert (item.what, item.owner_person, item.due, item.territory, item.status) == (
        "Un guichet commun", "Karim", date(2027, 6, 30), "59", "committed",
    )


async def test_territorial_notes_and_peer_help_turns(make_app, session_dir, clock):
    app = make_app(day=2)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_block(app, pilot, "diagnostic")
        await pilot.press(*"Peu de transports", "enter", "down", *"Un CLEE actif", "enter")
        await open_block(app, pilot, "entraide")
        await pilot.press("ctrl+n")  # territory 02 speaks
        await pilot.press(*"Une permanence mobile", "enter")
        clock.advance(minutes=20)
        app.tick()
        await pilot.press("escape", "ctrl+n")  # 59
        await pilot.press("ctrl+t", "2", *"Comment mobiliser ?", "enter")
    state = stored(session_dir)
    notes = [(c.block_id, c.territory, c.kind, c.text) for c in state.contributions.values()]
    assert notes == [
        ("diagnostic", "02", "note", "Peu de transports"),
        ("diagnostic", "59", "note", "Un CLEE actif"),
        ("entraide", "02", "insight", "Une permanence mobile"),
        ("entraide", "59", "question", "Comment mobiliser ?"),
    ]
    assert "turn_end" in [a.kind for a in app.alerts]


async def test_closing_words_and_paper_questionnaires(make_app, session_dir):
    app = make_app(day=2)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_block(app, pilot, "cloture")
        await pilot.press("escape")
        await pilot.press(*"1 5 4 tres utile", "enter")
        await pilot.press(*"cons 54", "enter")
        await pilot.press(*"part 3 -", "enter")
        await pilot.press(*"zz 5 5", "enter")  # unknown group: refused, not carried over
        assert app.screen.query_one("#capture").input.value == ""
        assert any("zz 5 5" in n.message for n in app._notifications)
        await pilot.press("ctrl+t", *"Confiance", "enter")
        means = app.screen.query_one("#means")
        assert means.row_count == 4  # three groups and the total
    state = stored(session_dir)
    responses = sorted((r.group, tuple(sorted(r.scores.items())), r.comment)
                       for r in state.survey.values())
    assert responses == [
        ("conseillers", (("satisfaction", 5.0), ("utilite", 4.0)), None),
        ("demandeurs", (("satisfaction", 5.0), ("utilite", 4.0)), "tres utile"),
        ("partenaires", (("satisfaction", 3.0),), None),
    ]
    assert [w.text for w in state.closing_words.values()] == ["Confiance"]
    assert state.survey_means()["demandeurs"]["satisfaction"] == (5.0, 1)


async def test_qr_code_screen(make_app):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        assert type(app.screen).__name__ == "QrScreen"
        first = app.screen.query_one("#qr-url").render()
        await pilot.press("right")
        assert app.screen.query_one("#qr-url").render() != first


async def test_vote_candidates_follow_the_source_question(make_app, session_dir):
    app = make_app()
    live = app.live
    cafe = live.block("cafe")
    first = live.created_id(WorldCafe.idea, cafe, "Q1 idea", round_number=None, table=None,
                            question=1)
    live.write(WorldCafe.idea, cafe, "Q2 idea", round_number=None, table=None, question=2)
    live.record({"type": "ideas.kept", "block_id": "cafe", "question": 1, "item_ids": [first]})
    async with app.run_test(size=(120, 30)) as pilot:
        await open_block(app, pilot, "vote")
        screen = app.screen
        # no vote question: every kept or idea
        assert list(screen.tally().items) == [first, "c2"]


def test_a_field_a_constructor_refuses_is_a_refused_entry(make_app):
    """`LiveSession.write` builds the event inside the app's error handling: 5000 dots (the
    limit is 1000) become an InvalidInputError shown to the facilitator, and nothing is written."""
    live = make_app().live
    before = len(live.journal.events())
    with pytest.raises(InvalidInputError) as refused:
        live.write(IdeaVote.vote, live.block("vote"), "c1", 5000, question=None)
    assert "vote.cast" in str(refused.value)
    assert len(live.journal.events()) == before
    assert live.created_id(WorldCafe.idea, live.block("cafe"), "Une idée", round_number=1,
                           table=1, question=1) in live.state.contributions


async def test_commitments_take_a_departement_as_typed_and_a_regional_level(make_app, session_dir):
    app = make_app(day=2)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_block(app, pilot, "engagements")
        for what, group in (("Un guichet commun", "2"), ("Un observatoire", "région"),
                            ("Une charte", "Nord")):
            await pilot.press("n")
            await pilot.pause()
            app.screen.query_one("#field-what").value = what
            app.screen.query_one("#field-owner_person").value = "Karim"
            app.screen.query_one("#field-group").value = group
            await pilot.press("ctrl+o")
            await pilot.pause()
            assert type(app.screen).__name__ == "CommitmentsScreen", group
        table = app.screen.query_one("#commitments")
        shown = [str(table.get_row_at(n)[0]) for n in range(table.row_count)]
        assert shown == ["Aisne (02)", "Nord (59)", "Hauts-de-France (région 32)"]
        assert app.screen.groups() == ["02", "59", "80", "R32"]
    state = stored(session_dir)
    assert sorted(c.territory for c in state.commitments.values()) == ["02", "59", "R32"]


async def test_the_commitment_form_and_its_error_fit_80x24(make_app):
    app = make_app(day=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_block(app, pilot, "engagements")
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        form.query_one("#field-what").value = "Une charte"
        form.query_one("#field-owner_person").value = "Karim"
        form.query_one("#field-group").value = "Paris"
        await pilot.press("ctrl+o")
        await pilot.pause()
        error = form.query_one("#form-error")
        assert "territoire inconnu" in str(error.render())
        for widget in (form.query_one("#field-group"), error):  # on screen, not clipped off
            region = widget.region
            assert form.region.contains_region(region) and region.height > 0
            assert form.get_widget_at(region.x, region.bottom - 1)[0] is widget


async def test_undo_names_the_closing_image_or_questionnaire(make_app):
    """Ctrl+Z on the closing screen said « Dernière saisie annulée. » for an image or a
    questionnaire (tmux pass, i14): it names the image, and the questionnaire's group."""
    app = make_app(day=2)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_block(app, pilot, "cloture")
        await pilot.press(*"1 5 4", "enter", "ctrl+z")
        await pilot.pause()
        group = app.live.session.group(survey_groups(app.live.session)[0]).label
        assert any(n.message == f"Annulé\u00a0: questionnaire ({group})."
                   for n in app._notifications)
        await pilot.press("ctrl+t", "ctrl+t", *"relais", "enter", "ctrl+z")
        await pilot.pause()
        assert any(n.message == "Annulé\u00a0: image «\u00a0relais\u00a0»."
                   for n in app._notifications)


@pytest.mark.parametrize("mode_keys, title", [((), "Questionnaires (1)"),
                                              (("ctrl+t",), "Mots de la déclusion (0)")])
async def test_the_closing_list_title_keeps_its_count_at_80_columns(make_app, mode_keys, title):
    """At 80×24 « Mots de la déclusion (2) » and « Questionnaires saisis (3) » lost their count
    (cut at the side panel's 23 columns, tmux pass i14): the first is shorter, the second
    wraps."""
    app = make_app(day=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_block(app, pilot, "cloture")
        await pilot.press(*"1 5 4", "enter", *mode_keys)
        await pilot.pause()
        panel = app.screen.query_one("#words-title")
        lines = [strip.text for strip in panel.render_lines(panel.content_region.reset_offset)]
        assert title in " ".join(" ".join(lines).split()), lines


async def test_the_closing_means_fit_80_columns_with_a_long_group_label(make_app, session_dir):
    """At 80×24 a long group label (« Conseils départementaux ») pushed the last question's
    means out of the screen (« rese », « 4,0/ », tmux pass i14): the label gives way."""
    app = make_app(day=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_block(app, pilot, "cloture")
        app.live.session.group(survey_groups(app.live.session)[0]).label = "Conseils " * 6
        await pilot.press(*"1 5 4", "enter")
        await pilot.pause()
        means = app.screen.query_one("#means")
        lines = [strip.text for strip in means.render_lines(means.content_region.reset_offset)]
        assert "Utilité" in lines[0] and "4,0/5" in lines[1], lines
        assert all(len(line.rstrip()) <= means.content_region.width for line in lines)


async def test_the_questionnaire_speaks_of_group_and_question_labels_not_ids(make_app):
    """The hint, the refusals and the means' headers showed ids (« utilite »,
    « demandeurs »): they show labels, shortened with « … » at 80 columns."""
    app = make_app(day=2)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_block(app, pilot, "cloture")
        await pilot.pause()
        preview = str(app.screen.query_one("#entry-preview").render())
        assert "1 Demandeurs d'emploi" in preview and "1 demandeurs" not in preview, preview
        means = app.screen.query_one("#means")
        header = means.render_lines(means.content_region.reset_offset)[0].text
        assert "Utilité des…" in header and "utilite" not in header, header
        assert len(header.rstrip()) <= means.content_region.width
        await pilot.press(*"1 9", "enter")  # out of the scale: refused, by the question's text
        await pilot.pause()
        refusal = [n.message for n in app._notifications][-1]
        assert "Satisfaction globale : une note de 1 à 5" in refusal.replace("\u00a0", " ")
        await pilot.press(*"1 5 4")  # the preview, before Enter
        await pilot.pause()
        recorded = str(app.screen.query_one("#entry-preview").render())
        assert "Satisfaction globale 5" in recorded and "utilite" not in recorded, recorded


def test_an_ambiguous_group_is_named_by_its_labels(make_app) -> None:
    from labkit.tui import live_state as ls

    app = make_app(day=2)
    session = app.live.session
    session.group("conseillers").label = "Conseillers emploi"
    session.group("demandeurs").label = "Conseils de quartier"
    with pytest.raises(ls.EntryError) as error:
        ls.parse_questionnaire("cons 5", session, [])
    assert "Conseillers emploi" in str(error.value) and "conseillers" not in str(error.value)
