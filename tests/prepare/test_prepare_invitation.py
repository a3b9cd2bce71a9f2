"""The invitation agenda, reopened with python-docx: texts, agenda tables, QR code, A4 page."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import Cm
from docx_reading import document_text, qr_targets

from labkit.model import Session
from labkit.prepare.invitation import render_invitation_agenda
from labkit.store.session_folder import SessionFolder, open_session


def _edit(session_dir: Path, *pairs: tuple[str, str]) -> Session:
    path = session_dir / "session.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return open_session(session_dir).session


def test_invitation_says_what_where_when_and_why(folder: SessionFolder, tmp_path: Path) -> None:
    path = render_invitation_agenda(folder.session, tmp_path / "invitation.docx")
    document = docx.Document(str(path))
    text = document_text(document)
    for expected in (
        "Garde d'enfants des parents en recherche d'emploi",
        "Direction régionale",
        "Jeudi 12 mars 2026, 9 h 00 – 17 h 00",
        "Vendredi 13 mars 2026, 9 h 00 – 16 h 30",
        "Maison des associations, 12 rue de la Paix, Lille",
        "Modéliser les parcours des parents",
        "Comment faciliter l'accès des parents en recherche d'emploi aux places en crèche ?",
        "Jour 1 — Jeudi 12 mars 2026",
        "Pause déjeuner de 12 h 20 à 13 h 20 (jour 1).",
        "Inscription avant le 10 février 2026 : https://example.org/inscription",
        "Informations pratiques",
    ):
        assert expected in text, expected
    assert qr_targets(document) == ["https://example.org/inscription"]


def test_agenda_tables_list_every_block_with_times_and_phases(
    folder: SessionFolder, tmp_path: Path
) -> None:
    document = docx.Document(str(render_invitation_agenda(folder.session, tmp_path / "i.docx")))
    facts, day_one, day_two = document.tables
    assert [c.text for c in day_one.rows[0].cells] == ["Horaire", "Séquence", "Phase"]
    rows = [[cell.text for cell in row.cells] for row in day_one.rows[1:]]
    assert len(rows) == len(folder.session.days[0].agenda)
    rows = [[cell.replace("\u00a0", " ") for cell in row] for row in rows]  # « 9 h 00 » unbroken
    assert rows[0] == ["9 h 00 – 9 h 30", "Ouverture par la directrice régionale", "Scan"]
    assert rows[3] == ["10 h 45 – 12 h 20", "World café", "Focus"]
    assert rows[2] == ["10 h 30 – 10 h 45", "Pause", ""]
    assert "9\u00a0h\u00a000" in day_one.rows[1].cells[0].text
    assert len(day_two.rows) == len(folder.session.days[1].agenda) + 1
    assert facts.rows[0].cells[0].text == "Commanditaire"


def test_contact_organisers_access_and_plain_words(session_dir: Path, tmp_path: Path) -> None:
    path = session_dir / "session.yaml"
    text = path.read_text(encoding="utf-8")
    extra = ("organisers:\n  - name: CAF du Nord\n    role: co-organisatrice\n"
             "  - Département du Nord\n"
             "contact:\n  name: Camille Lefèvre\n  email: camille.lefevre@example.org\n"
             "  phone: 03 20 00 00 00\n"
             "access: |\n  Métro ligne 1, station République.\n\n  Salle accessible PMR.\n")
    path.write_text(text.replace("\nlanguage:", "\n" + extra + "language:", 1), encoding="utf-8")
    session = open_session(session_dir).session
    closing = next(b for _, b in session.blocks() if b.method_type == "closing")
    closing.title = "Déclusion et questionnaire"
    document = docx.Document(str(render_invitation_agenda(session, tmp_path / "i.docx")))
    body = document_text(document)
    facts = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert facts["Organisé par"].split("\n") == [
        session.lab, "CAF du Nord (co-organisatrice)", "Département du Nord"]
    assert facts["Contact"] == "Camille Lefèvre · camille.lefevre@example.org · 03 20 00 00 00"
    assert "Dates" in facts and "Date(s)" not in body
    assert "Une question ? Contactez Camille Lefèvre · camille.lefevre@example.org" in body
    assert "Accès" in body and "Salle accessible PMR." in body
    assert "Clôture et questionnaire" in body and "Déclusion" not in body


def test_page_is_a4_portrait(folder: SessionFolder, tmp_path: Path) -> None:
    document = docx.Document(str(render_invitation_agenda(folder.session, tmp_path / "i.docx")))
    section = document.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.01)
    assert abs(section.page_height - Cm(29.7)) < Cm(0.01)


def test_remote_session_without_registration_points_the_qr_to_the_link(
    session_dir: Path, tmp_path: Path
) -> None:
    session = _edit(
        session_dir,
        ("venue: Maison des associations, 12 rue de la Paix, Lille",
         "remote_link: https://visio.example.org/lab"),
        ("mode: in_person", "mode: remote"),
        ("  registration: https://example.org/inscription\n", ""),
    )
    document = docx.Document(str(render_invitation_agenda(session, tmp_path / "i.docx")))
    assert qr_targets(document) == ["https://visio.example.org/lab"]
    text = document_text(document)
    assert "Rejoindre à distance" in text
    assert "Pause déjeuner" not in text  # lunch is not served remotely


def test_no_url_means_no_qr_and_english_follows_the_session(
    session_dir: Path, tmp_path: Path
) -> None:
    session = _edit(
        session_dir,
        ("  registration: https://example.org/inscription\n", ""),
        ("language: fr", "language: en"),
    )
    document = docx.Document(str(render_invitation_agenda(session, tmp_path / "i.docx")))
    assert qr_targets(document) == []
    text = document_text(document)
    assert "Thursday, 12 March 2026, 9:00 – 17:00" in text
    assert "Day 1 — Thursday, 12 March 2026" in text
    assert "Practical information" in text and "Agenda" in text
    assert len(document.tables[0].columns) == 2
