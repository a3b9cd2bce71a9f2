"""The prototype test screen: the rotation of visits, the timers, feedback by facet, decisions."""

from __future__ import annotations

from pathlib import Path

import pytest

from labkit.store.journal import Journal

BLOCK = """\
      - id: prototypes
        title: Test des prototypes
        phase: focus
        duration: 60
        method:
          type: prototype_test
          teams: [Accueil, Garde, Emploi]
          prototypes: [Le guichet unique, La place réservée]
          minutes_per_round: 10
          transition_minutes: 2
          revision_minutes: 15
"""


@pytest.fixture
def prototype_session(session_dir: Path) -> Path:
    path = session_dir / "session.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "  - date: 2027-03-17\n"
    path.write_text(text.replace(marker, BLOCK + marker, 1), encoding="utf-8")
    return session_dir


def stored(session_dir: Path):
    with Journal.open(session_dir / "journal.db", device="check") as journal:
        return journal.state()


async def test_visits_feedback_by_facet_and_decisions(make_app, prototype_session, clock):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_block("prototypes")
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "PrototypeScreen"
        await pilot.press("ctrl+n")  # visit 1: Accueil is visited by Emploi, visits Garde
        await pilot.pause()
        teams = str(screen.query_one("#proto-teams").render())
        assert "reçoit 3" in teams and "Accueil" in teams
        await pilot.press(*"Un seul guichet", "enter")
        await pilot.press("ctrl+t", "2", *"Les horaires", "enter")
        await pilot.press("escape", "alt+3", *"Et si on ouvrait le samedi", "enter")
        await pilot.press("down")  # team 2
        clock.advance(minutes=10)
        app.tick()
        assert [a.kind for a in app.alerts] == ["visit_end"]
        await pilot.press("ctrl+n", "ctrl+n")  # visit 2, then the revision (decisions)
        await pilot.pause()
        assert screen.facet == 0
        await pilot.press(*"On garde la place reservee", "enter")
        clock.advance(minutes=15)
        app.tick()
        assert app.alerts[-1].kind == "revision_end"
        await pilot.press("escape", "ctrl+n")  # no part after the revision: it ends, none starts
        await pilot.pause()
        assert app.live.running_round("prototypes") is None
    state = stored(prototype_session)
    found = [(c.kind, c.team, c.round, c.question, c.text) for c in
             sorted(state.contributions.values(), key=lambda c: c.event_id)]
    assert found == [
        ("feedback", "Accueil", 1, 1, "Un seul guichet"),
        ("feedback", "Accueil", 1, 2, "Les horaires"),
        ("feedback", "Accueil", 1, 3, "Et si on ouvrait le samedi"),
        ("decision", "Garde", None, None, "On garde la place reservee"),
    ]
    assert [r.round for r in state.rounds_of("prototypes")] == [1, 2, 3]


async def test_ctrl_t_then_a_digit_picks_the_facet_and_a_burst_keeps_teams(
        make_app, prototype_session):
    """Ctrl+T, then the facet's digit (a digit alone is text); ↓ between two entries typed
    back to back changes the team of the second only."""
    from textual import events

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_block("prototypes")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+t", "3", *"3 idees", "enter")
        assert app.screen.facet == 3
        await pilot.press("escape", "ctrl+t", "2", *"Horaires", "enter")
        chars = {"enter": "\r", "ctrl+t": "\x14", "down": None}
        for key in [*"A", "enter", "down", "ctrl+t", "1", *"B", "enter"]:
            app.post_message(events.Key(key, chars.get(key, key)))
        for _ in range(6):
            await pilot.pause()
    found = [(c.team, c.question, c.text) for c in
             sorted(app.live.state.contributions.values(), key=lambda c: c.event_id)]
    assert found == [("Accueil", 3, "3 idees"), ("Accueil", 2, "Horaires"),
                     ("Accueil", 2, "A"), ("Garde", 1, "B")]


async def test_the_facets_say_their_key(make_app, prototype_session):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.open_block("prototypes")
        await pilot.pause()
        facets = str(app.screen.query_one("#proto-facets").render())
        assert facets.startswith("Ctrl+T") and " 1 " in facets and " 4 " in facets


async def test_feedback_typed_before_ctrl_n_stays_in_its_visit(make_app, prototype_session):
    """« retour ⏎ Ctrl+N retour ⏎ » back to back: the first feedback is for visit 1."""
    from textual import events

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_block("prototypes")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        chars = {"enter": "\r", "ctrl+n": "\x0e"}
        for key in [*"A", "enter", "ctrl+n", *"B", "enter"]:
            app.post_message(events.Key(key, chars.get(key, key)))
        for _ in range(6):
            await pilot.pause()
        assert app.live.running_round("prototypes") == 2
    assert [(c.text, c.round) for c in app.live.state.contributions.values()] == [
        ("A", 1), ("B", 2)]
