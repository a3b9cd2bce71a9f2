"""What the report says, checked on the pure content (no writer involved)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from labkit.document import elements as e
from labkit.document.text import xml_safe
from labkit.methods.crossed_interviews import InterviewOutput
from labkit.methods.idea_vote import VoteOutput
from labkit.methods.persona_journey import JourneyOutput
from labkit.methods.world_cafe import CafeOutput
from labkit.report import build_report, journal_state, layout
from labkit.report import content as c
from labkit.store.journal import Journal
from tests.report.conftest import BIDI, CONTROL, EMOJI, HOSTILE


@pytest.fixture
def report(captured) -> c.Report:  # noqa: ANN001
    folder, _ = captured
    return build_report(folder.session, journal_state(folder), lang="fr")


def _all_text(report: c.Report) -> str:
    """Every text of the laid-out document, as one string."""
    doc = layout(report)
    parts = [doc.title, doc.header, doc.footer, *doc.cover.lines]
    for element in doc.elements:
        if isinstance(element, e.Heading | e.Paragraph):
            parts.append(element.text)
        elif isinstance(element, e.Bullets):
            parts += [*element.items, *(s for sub in element.sub for s in sub)]
        elif isinstance(element, e.Table):
            parts += [*element.header, *(cell for row in element.rows for cell in row)]
        elif isinstance(element, e.Figure):
            parts += [element.alt, element.caption, *element.chart.categories]
    return "\n".join(parts)


def test_participation_counts_presence_groups_and_organisations(report: c.Report) -> None:
    day1, day2 = report.participation.days
    assert (day1.present, day1.recorded) == (9, True)  # the absent p09 is not counted
    assert (day2.present, day2.recorded) == (1, True)
    assert report.participation.total == 9
    counts = {g.label: g.count for g in report.participation.by_group}
    assert counts == {"Demandeurs d'emploi": 3, "Conseiller·es": 4, "CAF": 2}
    assert report.participation.by_organisation[0].label == "Org"


def test_only_consenting_people_outside_vulnerable_groups_are_named(captured) -> None:  # noqa: ANN001
    folder, _ = captured
    state = journal_state(folder)
    default = _all_text(build_report(folder.session, state, lang="fr"))
    assert "Hélène Dupont" in default
    assert not re.search(r"\bJulie\b", default)  # consented, but a job seeker: never named
    assert not re.search(r"\bMarc\b", default)  # no consent
    named = _all_text(build_report(folder.session, state, lang="fr", named=True))
    assert re.search(r"\bMarc\b", named)
    assert not re.search(r"\bJulie\b", named)  # even with --named
    assert not re.search(r"\b(Nadia|Sophie|Léo)\b", named)  # the other job seekers


def test_people_who_may_not_be_named_appear_as_pseudonyms_or_organisations(
    report: c.Report,
) -> None:
    authors = {x.text: x.author for block in report.annex for x in block.entries}
    assert authors["Se connaître avant d'avoir besoin"] == "Participant·e 3"
    assert authors["Un objectif commun"] == "Hélène Dupont"
    owners = {r.what: r.owner for s in report.commitments for g in s.groups for r in g.rows}
    assert owners["Tester les horaires élargis"] == "Org"
    assert owners["Former les conseillers"] == "Org"
    assert owners["Créer un guichet unique"] == "Hélène Dupont (Org)"


def test_agenda_compares_planned_and_actual_times(report: c.Report) -> None:
    first_day = report.agenda[0]
    opening = first_day.rows[0]
    assert opening.planned_start.strftime("%H:%M") == "09:00"
    assert opening.actual_start is not None and opening.actual_start.strftime("%H:%M") == "09:05"
    assert opening.start_drift == 5
    assert not first_day.rows[2].held and first_day.recorded
    assert not report.agenda[1].recorded


def test_cafe_harvest_lists_kept_ideas_first_then_all(captured, report: c.Report) -> None:  # noqa: ANN001
    _, ids = captured
    cafe = next(o for o in report.outputs if isinstance(o, CafeOutput))
    first, second = cafe.questions
    assert [i.item_id for i in first.kept] == [ids["q1b"], ids["q1a"]]
    assert first.idea_count == 3 and second.idea_count == 2
    assert all(i.kept for i in first.kept)
    every = [i for g in first.groups for i in g.items]
    assert {i.item_id for i in every if i.kept} == {ids["q1a"], ids["q1b"]}
    assert next(i for i in every if i.item_id == ids["q1a"]).dots == 4


def test_votes_are_ranked_with_ties_sharing_a_rank(report: c.Report) -> None:
    vote = next(o for o in report.outputs if isinstance(o, VoteOutput))
    ranking = vote.questions[0].ranking
    assert [(r.rank, r.dots, r.tied) for r in ranking] == [
        (1, 4, False), (2, 3, False), (3, 2, False), (4, 1, False)
    ]  # fmt: skip
    assert [r.kept for r in ranking] == [True, True, True, False]
    assert vote.questions[0].total_dots == 10 and vote.questions[0].voters == 5


def test_interviews_are_grouped_by_cluster_then_by_table(report: c.Report) -> None:
    interviews = next(o for o in report.outputs if isinstance(o, InterviewOutput))
    titles = [g.title for g in interviews.groups]
    assert titles == ["Famille : accueil", "Table 2"] or titles[0] == "Famille : accueil"
    assert [i.text for i in interviews.groups[0].items] == [
        "Se connaître avant d'avoir besoin", "Un objectif commun"
    ]  # fmt: skip


def test_interview_regroups_are_called_groups_as_on_the_live_screen(report: c.Report) -> None:
    """The live screen says « Ingrédients du groupe 2 » (G2): the restitution said « table 2 »
    for the same regroup, in its list and in the annex (seen in the acceptance try)."""
    interviews = next(o for o in report.outputs if isinstance(o, InterviewOutput))
    titles = [g.title for g in interviews.groups if g.title and not g.title.startswith("Famille")]
    assert titles and all(re.fullmatch(r"groupe \d+", title) for title in titles)
    annex = {b.title: b.entries for b in report.annex}
    ingredients = next(entries for title, entries in annex.items() if "Interviews" in title)
    assert all(x.where.startswith("groupe ") for x in ingredients if x.where), ingredients
    cafe = next(entries for title, entries in annex.items() if "café" in title.lower())
    assert any("table " in x.where for x in cafe)  # a café's tables stay tables


def test_journey_map_and_emotions(report: c.Report) -> None:
    journeys = next(o for o in report.outputs if isinstance(o, JourneyOutput))
    (journey,) = journeys.maps
    assert [s.stage for s in journey.stages] == ["Recherche", "Inscription", "Entrée en formation"]
    assert [s.emotion for s in journey.stages] == [-1, -2, 2]
    doc = layout(report)
    curve = next(f for f in doc.figures if f.chart.kind == "line")
    assert curve.chart.series[0].values == (-1.0, -2.0, 2.0)
    assert "Inscription" in curve.alt


def test_satisfaction_means_per_group_on_the_question_scale(report: c.Report) -> None:
    satisfaction = report.satisfaction
    assert satisfaction is not None
    rows = {r.group: r for r in satisfaction.rows}
    assert rows["Demandeurs d'emploi"].respondents == 2
    assert rows["Demandeurs d'emploi"].means == {"satisfaction": 4.5, "utilite": 3.5}
    assert satisfaction.overall.respondents == 3
    assert satisfaction.questions[0].scale_max == 5
    assert satisfaction.comments == ("Très utile",)


def test_commitments_are_grouped_by_territory(report: c.Report) -> None:
    (section,) = report.commitments
    assert section.grouped_by == "territory"
    assert [g.label for g in section.groups] == ["Seine-Saint-Denis (93)", "Val-de-Marne (94)"]
    assert section.count == 3


def test_regional_and_typed_territories_are_grouped_by_name(captured) -> None:  # noqa: ANN001
    folder, _ = captured
    with Journal.open(folder.root / "journal.db", device="test") as journal:
        for what, territory in (("Un observatoire régional", "Île-de-France"),
                                ("Un relais en Ardèche", "7"), ("Un forum", "ardeche"),
                                ("Un bassin", "Nord-Isère")):  # fmt: skip
            journal.record({"type": "commitment.added", "what": what, "owner_person": "Marc",
                            "territory": territory})  # fmt: skip
    (section,) = build_report(folder.session, journal_state(folder), lang="fr").commitments
    assert [(g.label, len(g.rows)) for g in section.groups] == [
        ("Ardèche (07)", 2), ("Seine-Saint-Denis (93)", 2), ("Val-de-Marne (94)", 1),
        ("Île-de-France (région 11)", 1), ("Territoire Nord-Isère", 1),
    ]


def test_annex_holds_every_contribution_by_block(captured, report: c.Report) -> None:  # noqa: ANN001
    folder, _ = captured
    state = journal_state(folder)
    in_annex = [x.text for block in report.annex for x in block.entries]
    assert sorted(in_annex) == sorted(xml_safe(x.text) for x in state.contributions.values())
    titles = [b.title for b in report.annex]
    assert titles[-2:] == ["Séquence «\u00a0ancien-bloc\u00a0» (hors programme)",
                           "Contributions hors séquence"]  # fmt: skip
    assert report.contribution_count == len(state.contributions)


def test_hostile_and_unusual_text_is_kept_as_data(report: c.Report) -> None:
    text = _all_text(report)
    for value in (HOSTILE, BIDI, EMOJI):
        assert value in text
    assert CONTROL.replace("\x0b", "") in text  # the journal drops control characters


def test_english_report(captured) -> None:  # noqa: ANN001
    folder, _ = captured
    report = build_report(folder.session, journal_state(folder), lang="en")
    doc = layout(report)
    headings = [x.text for x in doc.elements if isinstance(x, e.Heading) and x.level == 1]
    assert headings[:4] == ["Key points", "Context and objectives", "Who took part",
                            "The session as it ran"]
    assert "Annex: every contribution" in headings
    assert doc.cover.lines[0] == "12 and 13 March 2026"


def test_an_empty_journal_still_gives_a_report(captured) -> None:  # noqa: ANN001
    folder, _ = captured
    report = build_report(folder.session, None, lang="fr")
    assert report.outputs == () and report.annex == () and report.satisfaction is None
    assert report.participation.total == 11  # everyone expected, nothing recorded
    assert all(not d.recorded for d in report.participation.days)
    assert layout(report).elements


def test_the_content_side_imports_no_ui_or_drawing_library() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import labkit.report, labkit.report.build, labkit.report.layout\n"
        "heavy = ('typer', 'rich', 'textual', 'docx', 'matplotlib', 'jinja2')\n"
        "print('LOADED', sorted(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "LOADED []" in out.stdout


def test_a_block_held_on_another_date_has_no_drift() -> None:
    """A rehearsal (or a run on another day than planned) gave « -181106 min » in the agenda's
    drift column (tmux pass i14): no drift is given across dates."""
    planned = dt.datetime(2027, 4, 8, 9, 0)
    row = c.AgendaRow("ouverture", "Ouverture", "scan", "plenary", planned,
                      planned + dt.timedelta(minutes=20), dt.datetime(2026, 12, 3, 14, 18),
                      dt.datetime(2026, 12, 3, 14, 30))
    assert row.start_drift is None
    same_day = dataclasses.replace(row, actual_start=planned + dt.timedelta(minutes=5))
    assert same_day.start_drift == 5
