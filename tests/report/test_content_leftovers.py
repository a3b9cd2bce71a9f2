"""documents.md leftovers in the restitution's content, read back from the three examples'
Markdown (the docx, HTML and PDF are laid out from the same document)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from labkit.report import render_report
from labkit.resources import data_dir
from labkit.store.session_folder import open_session

EXAMPLES = ("garde-enfants-parents", "cooperation-territoriale", "atelier-collaboratif")


def _render(name: str, kind: str, out: Path) -> Path:
    folder = open_session(data_dir("examples") / name)
    return Path(render_report(folder, kind, out / f"{name}.{kind}").path)


@pytest.fixture(scope="module")
def markdown(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("md")
    return {name: _render(name, "md", out).read_text(encoding="utf-8") for name in EXAMPLES}


def _section(text: str, heading: str) -> str:
    start = text.index(f"\n## {heading}")
    end = text.find("\n## ", start + 1)
    return text[start:end]


def test_a_hybrid_session_says_so_in_the_cover_subtitle(markdown: dict[str, str]) -> None:
    cover = markdown["atelier-collaboratif"].split("---")[0]
    assert "**Atelier collaboratif · en présentiel et à distance**" in cover, cover
    assert "Avec une participation à distance" not in cover
    assert "· en présentiel**" in markdown["cooperation-territoriale"].split("---")[0]


def test_people_without_an_organisation_are_counted_in_words(markdown: dict[str, str]) -> None:
    table = _section(markdown["garde-enfants-parents"], "Qui a participé")
    assert "| Participation à titre personnel | 8 |" in table, table
    assert "(sans structure)" not in table


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_agenda_shows_clock_ranges_and_explains_the_start_shift(
    markdown: dict[str, str], name: str
) -> None:
    agenda = _section(markdown[name], "Le déroulé de la session")
    rows = [line for line in agenda.splitlines() if re.match(r"\| \d", line)]
    assert rows, agenda
    clock = r"\d{1,2}\u00a0h\u00a0\d\d"
    for row in rows:
        planned, actual = (cell.strip() for cell in row.strip("| ").split(" | ")[:2])
        assert re.fullmatch(rf"{clock} – {clock}", planned), row
        assert re.fullmatch(rf"{clock} – {clock}|—|non tenue?", actual), row
        assert not re.search(r"\b\d\d:\d\d\b", row), row
    assert "| Décalage du début |" in agenda
    assert agenda.count("*Décalage du début\u00a0: avance ou retard du début") == 1, agenda


def test_a_chart_does_not_repeat_its_caption_as_its_title(tmp_path: Path) -> None:
    from docx import Document
    from lxml import etree

    doc = Document(str(_render("cooperation-territoriale", "docx", tmp_path)))
    captions = {" ".join(p.text.split()) for p in doc.paragraphs if p.style.name == "Caption"}
    charts = [part for part in doc.part.package.iter_parts()
              if part.partname.endswith(".xml") and "/charts/chart" in part.partname]  # fmt: skip
    assert len(charts) >= 4
    ns = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
          "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}  # fmt: skip
    for part in charts:
        root = etree.fromstring(part.blob)
        titles = [" ".join("".join(t.itertext()).split())
                  for t in root.findall(".//c:chart/c:title", ns)]  # fmt: skip
        assert not titles or titles[0] not in captions, (part.partname, titles)
        assert root.find(".//c:autoTitleDeleted", ns).get("val") == "1", part.partname
    body = doc.element.body.xml
    assert "Diagramme en barres horizontales — Gommettes par idée. " in body  # alt text complete
    assert "Diagramme en barres horizontales — Participants par collège. " in body


def test_an_idea_of_the_ballot_with_no_dot_is_in_the_vote_table(markdown: dict[str, str]) -> None:
    text = markdown["cooperation-territoriale"]
    vote = text[text.index("### Récolte du café"):text.index("### Session d'entraide")]
    q4 = vote[vote.index("#### Comment répondre ensemble"):]
    idea = "Mobiliser les personnes en situation de handicap sur ces recrutements avec Cap emploi"
    assert f"| 6 | {idea} | 0 |" in q4, q4[:1500]
    assert re.search(r"Mobiliser les personnes[^;\]]*\u00a0?: 0\]", q4), "the chart names it too"
    # a ballot that was the shortlist (garde: every dot on a shortlisted idea) stays as it was
    garde = _section(markdown["garde-enfants-parents"], "Ce que les groupes ont produit")
    table = garde[garde.index("### Vote"):garde.index("Gommettes par idée")]
    assert len(re.findall(r"^\| \**\d+=?\**? \|", table, re.M)) == 15, table


def test_the_annex_gives_a_reference_number_and_a_short_location(
    markdown: dict[str, str],
) -> None:
    annex = _section(markdown["cooperation-territoriale"], "Annexe")
    assert "| 35 | idée | Q1, tour 1, Équipe Verte | Un diagnostic partagé" in annex, annex[:2000]
    assert not re.search(r"\| c\d+ \|", annex)
    assert " · table " not in annex
