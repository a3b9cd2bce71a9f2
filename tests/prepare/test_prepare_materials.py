"""Printed materials reopened with python-docx: table cards, route cards, badges, sign-in."""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Cm
from docx_reading import document_text, picture_descriptions, qr_targets
from prepare_fixtures import save_plans

from labkit.model import Session
from labkit.prepare.attendance import SheetOptions, build_attendance_sheet, half_days
from labkit.prepare.badges import build_badges
from labkit.prepare.materials import write_materials
from labkit.prepare.route_cards import build_route_cards
from labkit.prepare.seating import SavedPlans, load_saved_plans, route_cards
from labkit.prepare.table_cards import build_table_cards
from labkit.store.session_folder import SessionFolder, open_session

RESOURCES = "https://example.org/ressources"


def _edit(session_dir: Path, *pairs: tuple[str, str]) -> Session:
    path = session_dir / "session.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return open_session(session_dir).session


def _reopen(document, tmp_path: Path, name: str = "doc.docx"):  # noqa: ANN001, ANN202
    path = tmp_path / name
    document.save(str(path))
    return docx.Document(str(path))


# -- table cards -------------------------------------------------------------------------------
def test_table_card_back_is_upside_down_editable_text(folder: SessionFolder,
                                                      tmp_path: Path) -> None:
    from labkit.docx_kit.textbox import text_box_paragraphs

    document = _reopen(build_table_cards(folder.session), tmp_path)
    backs = text_box_paragraphs(document)
    first = folder.session.block("cafe").method.questions[0]
    assert backs[:2] == ["Table 1", first]
    rotations = [x.get("rot") for x in document.element.body.iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/main}xfrm")]
    assert [r for r in rotations if r] == ["10800000"] * 3  # the QR pictures are not turned
    sizes = [r.font.size.pt for box in document.element.body.iter(qn("w:txbxContent"))
             for r in docx.text.paragraph.Paragraph(box.findall(qn("w:p"))[1], None).runs]
    assert min(sizes) >= 17
    image = _reopen(build_table_cards(folder.session, back="image"), tmp_path, "img.docx")
    assert text_box_paragraphs(image) == []
    assert "Table 1 (face arrière, à l'envers)" in picture_descriptions(image)


def test_per_round_questions_one_per_line_on_both_faces(session_dir: Path,
                                                        tmp_path: Path) -> None:
    from labkit.docx_kit.textbox import text_box_paragraphs

    session = _edit(session_dir, ("          tables: 3\n",
                                  "          tables: 3\n          question_mode: per_round\n"))
    questions = session.block("cafe").method.questions
    document = _reopen(build_table_cards(session), tmp_path)
    backs = text_box_paragraphs(document)
    lines = [f"Tour {n} : {q}" for n, q in enumerate(questions, 1)]
    assert backs[1:1 + len(questions)] == lines
    assert all(line in document_text(document).split("\n") for line in lines)


def test_table_cards_one_landscape_sheet_per_table(folder: SessionFolder, tmp_path: Path) -> None:
    document = _reopen(build_table_cards(folder.session), tmp_path)
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert abs(section.page_width - Cm(29.7)) < Cm(0.01)
    text = document_text(document)
    for number in (1, 2, 3):
        assert f"Table {number}" in text
    assert "Comment rendre les places AVIP visibles des conseiller·es ?" in text
    assert "Hôte de table : Hélène D." in text
    assert qr_targets(document) == [RESOURCES] * 3
    # each card: an upside-down back face (image) and a QR code on the front
    assert len(picture_descriptions(document)) == 6
    (table,) = document.tables
    assert len(table.rows) == 6
    heights = {round(row.height.cm, 2) for row in table.rows}
    assert heights == {9.3}


def test_table_cards_url_override_or_none(session_dir: Path, tmp_path: Path) -> None:
    session = open_session(session_dir).session
    document = _reopen(build_table_cards(session, url="https://pad.example.org"), tmp_path)
    assert qr_targets(document) == ["https://pad.example.org"] * 3
    session = _edit(session_dir, ("  resources: https://example.org/ressources\n", ""))
    document = _reopen(build_table_cards(session), tmp_path)
    assert qr_targets(document) == []
    assert len(picture_descriptions(document)) == 3


def test_table_cards_per_round_list_the_round_questions(session_dir: Path, tmp_path: Path) -> None:
    session = _edit(session_dir, ("          tables: 3\n", "          tables: 3\n"
                                  "          question_mode: per_round\n"))
    text = document_text(_reopen(build_table_cards(session), tmp_path))
    assert "Tour 2 : Comment rendre les places AVIP visibles des conseiller·es ?" in text


def test_no_world_cafe_no_table_cards(session_dir: Path) -> None:
    session = open_session(session_dir).session
    without = session.model_copy(deep=True)
    for day in without.days:
        day.agenda = [b for b in day.agenda if b.method_type != "world_cafe"]
    assert build_table_cards(without) is None


# -- route cards -------------------------------------------------------------------------------
def test_route_cards_from_saved_plans(session_dir: Path, tmp_path: Path) -> None:
    save_plans(session_dir)
    folder = open_session(session_dir)
    plans = load_saved_plans(folder.rotations_dir, folder.session)
    assert set(plans.plans) == {"cafe", "interviews"} and not plans.problems
    cards = {c.participant.id: c for c in route_cards(folder.session, plans)}
    assert "f01" not in cards  # facilitators get no route card
    interviews, cafe = cards["p01"].sections
    assert [(line.label, line.value) for line in interviews.lines] == [
        ("Binôme", "Karim B."),
    ]
    assert [line.value for line in cafe.lines] == ["table 1 (hôte)"] * 3
    assert cafe.note.startswith("Vous êtes hôte de la table 1")
    assert [line.value for line in cards["p05"].sections[1].lines] == [
        "table 2", "table 1", "table 3",
    ]
    trio = cards["p09"].sections[0].lines[0]
    assert trio.label == "Trio" and trio.value == "Emma R. (France Travail), Marc F. (CAF du Nord)"

    document = _reopen(build_route_cards(folder.session, plans), tmp_path)
    text = document_text(document)
    # Not "Feuilles de route": that is the name of the territorial roadmaps (commitments).
    assert document.core_properties.title == "Cartes de parcours"
    assert f"Cartes de parcours — {folder.session.title}" in text
    assert "feuille" not in text.casefold()
    assert "Hélène" in text and "Conseiller·es" in text
    assert "Tour 2 : table 1" in text
    assert "Binôme : Julien P. (Crèche Les Lucioles)" in text
    (table,) = document.tables
    cells = [cell for row in table.rows for cell in row.cells]
    assert len(cells) == 12  # 12 seated participants, two cards a row
    assert picture_descriptions(document) == []


def test_route_cards_never_print_a_vulnerable_groups_label(session_dir: Path,
                                                          tmp_path: Path) -> None:
    """Issue 15: a job seeker's card showed « Demandeur·ses d'emploi » beside the first name."""
    save_plans(session_dir)
    folder = open_session(session_dir)
    plans = load_saved_plans(folder.rotations_dir, folder.session)
    cards = {c.participant.id: c for c in route_cards(folder.session, plans)}
    assert cards["p01"].participant.group == "de" and cards["p01"].group_label is None
    assert cards["p02"].group_label == "Conseiller·es"
    assert cards["p01"].group_colour == "#4C72B0"  # the colour stays, as on the badges
    text = document_text(_reopen(build_route_cards(folder.session, plans), tmp_path))
    assert "Demandeur" not in text and "Hélène" in text


def test_route_cards_without_a_plan_read_as_documents(folder: SessionFolder,
                                                       tmp_path: Path) -> None:
    document = _reopen(build_route_cards(folder.session, SavedPlans()), tmp_path)
    text = document_text(document)
    assert "enregistr" not in text and "saved" not in text  # no software states
    assert "Votre table à chaque tour vous sera indiquée le jour même." in text
    assert "Votre binôme vous sera indiqué le jour même." in text
    assert "Tour 1 : table ____" in text  # the blocks are printed, to fill in by hand
    assert "Vous êtes hôte de la table 2 : vous y restez à chaque tour" in text


def test_team_based_cafe_cards_name_the_team(session_dir: Path, tmp_path: Path) -> None:
    save_plans(session_dir)
    session = _edit(session_dir, ("          tables: 3\n",
                                  "          tables: 3\n          teams: [Verte, Jaune, Bleue]\n"))
    folder = open_session(session_dir)
    plans = load_saved_plans(folder.rotations_dir, session)
    cards = {card.participant.id: card for card in route_cards(session, plans)}
    assert all(line.label != "Équipe" for s in cards["p01"].sections for line in s.lines)
    mover = next(pid for pid in cards if pid not in ("p01", "p02", "p03"))  # hosts: no team
    cafe = next(s for s in cards[mover].sections if s.title == "World café")
    team = cafe.lines[0]
    start = plans.plans["cafe"].table_of(mover, 1)
    assert (team.label, team.value) == ("Équipe", ["Verte", "Jaune", "Bleue"][start - 1])
    text = document_text(_reopen(build_route_cards(session, plans), tmp_path))
    assert "Équipe : " in text


def test_unreadable_plan_is_reported_not_fatal(session_dir: Path) -> None:
    rotations = session_dir / "rotations"
    rotations.mkdir()
    (rotations / "cafe.json").write_text("{not json", encoding="utf-8")
    (rotations / "interviews.json").write_text(json.dumps({"block": "interviews"}), "utf-8")
    folder = open_session(session_dir)
    plans = load_saved_plans(folder.rotations_dir, folder.session)
    assert plans.plans == {}
    assert len(plans.problems) == 2
    assert "interviews.json" in plans.problems[0]
    assert '"rounds": champ manquant' in plans.problems[0]
    assert "cafe.json" in plans.problems[1]


# -- badges ------------------------------------------------------------------------------------
def test_badges_grid_with_large_first_names(folder: SessionFolder, tmp_path: Path) -> None:
    document = _reopen(build_badges(folder.session), tmp_path)
    (table,) = document.tables
    assert len(table.rows) == 7 and len(table.columns) == 2  # 13 people, 2 a row
    firsts = [cell.paragraphs[1].text for row in table.rows for cell in row.cells if cell.text]
    assert firsts[:3] == ["Amina", "Camille", "Claire"]  # sorted for the welcome desk
    assert len(firsts) == 13
    assert {round(row.height.cm, 2) for row in table.rows} == {5.4}
    amina = table.rows[0].cells[0]
    assert amina.paragraphs[1].runs[0].font.size.pt >= 34
    text = document_text(document)
    assert "CAF du Nord" in text and "Facilitateur" in text
    assert "Facilitateur·rice" not in text  # no point médian unless the session asks for it
    assert "Demandeur·ses d'emploi" not in text  # vulnerable groups: colour only
    feet = {cell.paragraphs[-1].text for row in table.rows for cell in row.cells if cell.text}
    # the event on every badge, its title shortened to leave room for the dates
    assert feet == {"Garde d'enfants des parents en recherche… · 12 et 13 mars 2026"}
    assert {cell.paragraphs[-1].runs[0].font.size.pt for row in table.rows
            for cell in row.cells if cell.text} == {7}  # fmt: skip


# -- sign-in sheets ----------------------------------------------------------------------------
def _column(table, index: int, skip: int = 2) -> list[str]:  # noqa: ANN001
    return [row.cells[index].text for row in table.rows[skip:]]


def test_sign_in_sheet_as_an_administration_expects_it(
    folder: SessionFolder, tmp_path: Path
) -> None:
    document = _reopen(build_attendance_sheet(folder.session), tmp_path)
    assert document.sections[0].orientation == WD_ORIENT.LANDSCAPE
    people, team = document.tables
    first, second = ([c.text for c in row.cells] for row in people.rows[:2])
    assert first[:5] == second[:5] == ["#", "NOM", "Prénom", "Structure", "Fonction / qualité"]
    assert first[5:] == ["Jour 1 — jeudi 12 mars 2026"] * 2 + ["Jour 2 — vendredi 13 mars 2026"] * 2
    assert second[5:] == ["Signature\nMatin", "Signature\nAprès-midi"] * 2
    surnames = [name for name in _column(people, 1) if name]
    assert surnames[:2] == ["BENALI", "BONNET"] and surnames == sorted(surnames)
    assert _column(people, 2)[:2] == ["Karim", "Léa"]  # first names apart
    assert "LEFÈVRE" not in surnames  # the facilitators sign on their own block
    assert _column(team, 1) == ["LEFÈVRE"] and _column(team, 4) == ["Animation"]
    assert len(people.rows) == 2 + 12 + 5  # two header rows, people, blank rows for walk-ins
    # Léa Bonnet comes on day 1 only: her day-2 cells are greyed out
    lea = people.rows[3]
    shading = [c._tc.tcPr.find(qn("w:shd")) for c in lea.cells[5:]]
    assert [s is not None for s in shading] == [False, False, True, True]


def test_sign_in_sheet_header_footer_on_every_page(session_dir: Path, tmp_path: Path) -> None:
    from labkit.model.logistics import Contact

    session = open_session(session_dir).session.model_copy(update={
        "contact": Contact(name="Camille Lefèvre", email="camille@example.org")})
    document = _reopen(build_attendance_sheet(session), tmp_path)
    header = document.sections[0].header
    header_text = "\n".join(cell.text for cell in header.tables[0].rows[0].cells)
    assert "Feuille d'émargement — " + session.title in header_text
    assert "Maison des associations" in header_text and "Organisé par Lab" in header_text
    instructions = [f.get(qn("w:instr")).split()[0]
                    for f in header._element.iter(qn("w:fldSimple"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    footer = "\n".join(p.text for p in document.sections[0].footer.paragraphs)
    assert "RGPD" in footer and "Camille Lefèvre (camille@example.org)" in footer
    body = document_text(document)
    assert "certifie l'exactitude des présences" in body and "Fait à" in body
    own = session.model_copy(update={"privacy_notice": "Conservée 1 an par la DREETS."})
    document = _reopen(build_attendance_sheet(own), tmp_path, "own.docx")
    assert "Conservée 1 an par la DREETS." in document.sections[0].footer.paragraphs[1].text


def test_one_sheet_per_day_with_a_remote_box(folder: SessionFolder, tmp_path: Path) -> None:
    document = _reopen(build_attendance_sheet(folder.session, 2, SheetOptions(remote_column=True)),
                       tmp_path)
    people = document.tables[0]
    assert [c.text for c in people.rows[0].cells][5:] == [
        "À distance", "Signature\nMatin", "Signature\nAprès-midi"]
    assert _column(people, 5, skip=1)[0] == "☐"
    assert "BONNET" not in _column(people, 1, skip=1)  # not there on day 2


def test_half_day_has_one_signature_column(session_dir: Path, tmp_path: Path) -> None:
    session = _edit(session_dir, ('    start: "09:00"\n    end: "16:30"',
                                  '    start: "13:30"\n    end: "17:30"'))
    assert half_days(session, 1) == ["morning", "afternoon"]
    assert half_days(session, 2) == ["afternoon"]
    document = _reopen(build_attendance_sheet(session, 2), tmp_path)
    assert [c.text for c in document.tables[0].rows[0].cells][-1] == "Signature\nAprès-midi"
    assert len(document.tables[0].columns) == 6
    assert document.sections[0].orientation == WD_ORIENT.PORTRAIT


def test_a_logo_is_in_the_page_header(folder: SessionFolder, tmp_path: Path) -> None:
    from PIL import Image

    logo = tmp_path / "logo.png"
    Image.new("RGB", (300, 120), "navy").save(logo)
    document = _reopen(build_attendance_sheet(folder.session, None, SheetOptions(logo=logo)),
                       tmp_path)
    header = document.sections[0].header
    assert [d.get("descr") for d in header._element.iter() if d.tag.endswith("}docPr")] == ["Logo"]


# -- all at once -------------------------------------------------------------------------------
def test_write_materials_writes_every_document(folder: SessionFolder, tmp_path: Path) -> None:
    out = tmp_path / "print"
    result = write_materials(folder.session, out, rotations_dir=folder.rotations_dir)
    assert [p.name for p in result.paths] == [
        "table-cards.docx", "route-cards.docx", "badges.docx",
        "emargement.docx",
    ]
    assert all(p.is_file() and p.stat().st_size > 0 for p in result.paths)
    assert any("interviews, cafe" in note for note in result.notes)
    for path in result.paths:
        docx.Document(str(path))  # every file reopens


def test_session_without_participants_gets_sheets_and_says_why(
    session_dir: Path, tmp_path: Path
) -> None:
    session = open_session(session_dir).session.model_copy(update={"participants": []})
    session.days[0].agenda[3].method.hosts = []
    result = write_materials(session, tmp_path / "print")
    assert [p.name for p in result.paths] == ["table-cards.docx", "emargement.docx"]
    assert any("pas de cartes de parcours" in note for note in result.notes)
    assert any("pas de badges" in note for note in result.notes)
    sheet = docx.Document(str(result.paths[1]))
    assert len(sheet.tables[0].rows) == 2 + 5  # header rows and blank rows only
    per_day = write_materials(session, tmp_path / "days", sheet_per_day=True)
    assert [p.name for p in per_day.paths][-2:] == ["emargement-jour-1.docx",
                                                    "emargement-jour-2.docx"]


def test_sign_in_sheet_in_plain_wording_unless_inclusive_writing(
    folder: SessionFolder, tmp_path: Path
) -> None:
    plain = document_text(_reopen(build_attendance_sheet(folder.session), tmp_path))
    assert "Je soussigné," in plain and "·" not in plain  # circulaire du 21 novembre 2017
    inclusive = folder.session.model_copy(update={"inclusive_writing": True})
    kept = document_text(_reopen(build_attendance_sheet(inclusive), tmp_path, "incl.docx"))
    assert "Je soussigné·e," in kept


def test_every_printed_document_in_plain_wording_unless_inclusive_writing(
    folder: SessionFolder, tmp_path: Path
) -> None:
    """Issue 12: the badges, cards and invitation printed « Facilitateur·rice » and
    « participant·es » although the session had not chosen inclusive writing (only the report
    and the sign-in sheet followed the circular of 21 November 2017)."""
    from labkit.prepare.invitation import build_invitation_agenda

    plans = load_saved_plans(folder.rotations_dir, folder.session)
    builds = {
        "badges": build_badges, "cards": build_table_cards, "invitation": build_invitation_agenda,
        "routes": lambda session: build_route_cards(session, plans),
    }  # fmt: skip
    inclusive = folder.session.model_copy(update={"inclusive_writing": True})
    user_words = ("Demandeur·ses", "Conseiller·es", "conseiller·es")  # the session's own text
    for name, build in builds.items():
        plain = document_text(_reopen(build(folder.session), tmp_path, f"{name}.docx"))
        for word in user_words:
            plain = plain.replace(word, "")
        assert not re.search(r"\w·\w", plain), name  # « Jour 1 · 10:45 » is a separator
    badges = document_text(_reopen(build_badges(inclusive), tmp_path, "incl-badges.docx"))
    assert "Facilitateur·rice" in badges
