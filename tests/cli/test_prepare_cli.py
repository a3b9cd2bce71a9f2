"""`labkit plan`, `labkit ics` and `labkit materials` through Typer's CliRunner."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from labkit.cli.app import app
from labkit.store.session_folder import open_session

ENV = {"COLUMNS": "200", "LABKIT_LANG": "fr", "NO_COLOR": "1"}

SESSION_YAML = """\
# Atelier de test : ce commentaire doit survivre à --done
schema_version: 1
slug: atelier-test
title: Atelier coopération
lab: Lab Hauts-de-France
sponsor: Préfecture
venue: Salle du conseil, Arras
language: fr
urls:
  resources: https://example.org/ressources
groups:
  - key: cons
    label: Conseiller·es
  - key: part
    label: Partenaires
participants:
  - {id: p1, first_name: Anne, last_name: Roy, organisation: France Travail, group: cons}
  - {id: p2, first_name: Bruno, last_name: Lenoir, organisation: Département, group: part}
  - {id: p3, first_name: Chloé, last_name: Marchand, group: cons}
  - {id: p4, first_name: David, last_name: Nguyen, organisation: Mission locale, group: part}
days:
  - date: 2026-06-04
    start: "09:00"
    end: "12:30"
    agenda:
      - id: interviews
        title: Interviews croisés
        phase: scan
        duration: 60
        method: {type: crossed_interviews, prompt: Une coopération réussie}
      - id: cafe
        title: World café
        phase: focus
        duration: 70
        method:
          type: world_cafe
          tables: 2
          rounds: 2
          questions: [Orienter les demandeurs d'emploi, Servir les employeurs]
      - id: cloture
        title: Déclusion
        phase: act
        duration: 30
        method: closing
"""


@pytest.fixture
def session_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "atelier-test"
    folder.mkdir()
    (folder / "session.yaml").write_text(SESSION_YAML, encoding="utf-8")
    return folder


def run(*args: str | Path, lang: str = "fr"):  # noqa: ANN201 - click's Result
    return CliRunner().invoke(app, ["--lang", lang, *map(str, args)], env=ENV)


def test_plan_with_a_fixed_today_shows_what_stands_out(session_dir: Path) -> None:
    result = run("plan", session_dir, "--today", "2026-04-25")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Rétroplanning — Atelier coopération" in out
    assert "J-45" in out and "J+14" in out
    # J-45 = 20 April (overdue), J-30 = 5 May (in 10 days), J-60 = Sunday 5 April (Easter),
    # moved to Friday 3 April, and the table says why
    assert "▶ Invitations envoyées" in out and "en retard de 5 j" in out
    assert "en retard de 22 j" in out
    assert "week-end" in out and "jour ouvré" in out
    assert "dans 10 j" in out
    assert "2 tâches en retard, 0 à faire cette semaine." in out
    assert (session_dir / "session.yaml").read_text(encoding="utf-8") == SESSION_YAML


def test_plan_done_saves_atomically_and_keeps_the_comment(session_dir: Path) -> None:
    result = run("plan", session_dir, "--today", "2026-04-25", "--done", "J-45")
    assert result.exit_code == 0, result.output
    assert "«\u00a0Invitations envoyées\u00a0» marquée faite" in result.stdout
    assert "fait le 25 avr. 2026" in result.stdout
    assert "1 tâche en retard" in result.stdout
    text = (session_dir / "session.yaml").read_text(encoding="utf-8")
    assert text.startswith("# Atelier de test : ce commentaire doit survivre à --done")
    tasks = {t.id: t for t in open_session(session_dir).session.preparation or []}
    assert len(tasks) == 9
    assert tasks["invitations"].status == "done"
    assert str(tasks["invitations"].done_on) == "2026-04-25"
    assert tasks["scoping"].status == "todo"
    again = run("plan", session_dir, "--today", "2026-04-26", "--done", "invitations")
    assert again.exit_code == 0 and "était déjà faite" in again.stdout
    assert not list(session_dir.glob(".session.yaml.*"))  # no temporary file left behind


def test_plan_done_unknown_task_fails_plainly(session_dir: Path) -> None:
    result = run("plan", session_dir, "--done", "vacances", lang="en")
    assert result.exit_code == 1
    assert 'no task "vacances"' in result.output and "invitations (J-45)" in result.output
    assert (session_dir / "session.yaml").read_text(encoding="utf-8") == SESSION_YAML


def test_plan_rejects_a_bad_date(session_dir: Path) -> None:
    result = run("plan", session_dir, "--today", "25/04/2026")
    assert result.exit_code == 2


def test_ics_twice_gives_the_same_uids(session_dir: Path, tmp_path: Path) -> None:
    uids = []
    for name in ("a.ics", "b.ics"):
        result = run("ics", session_dir, "--out", tmp_path / name, "--milestones")
        assert result.exit_code == 0, result.output
        assert "10 événements, fuseau Europe/Paris" in result.stdout
        calendar = Calendar.from_ical((tmp_path / name).read_bytes())
        uids.append([str(e["UID"]) for e in calendar.walk("VEVENT")])
    saved = open_session(session_dir).session.calendar.uid
    assert saved and uids[0] == uids[1] and uids[0][0] == f"atelier-test-day-1-{saved}@labkit"
    result = run("ics", session_dir, "--out", tmp_path / "c.ics", "--tz", "Pacific/Noumea")
    assert result.exit_code == 0
    calendar = Calendar.from_ical((tmp_path / "c.ics").read_bytes())
    assert str(next(iter(calendar.walk("VTIMEZONE")))["TZID"]) == "Pacific/Noumea"
    bad = run("ics", session_dir, "--out", tmp_path / "d.ics", "--tz", "Nowhere/Land")
    assert bad.exit_code == 1 and "Nowhere/Land" in bad.output
    assert not (tmp_path / "d.ics").exists()


def test_ics_saves_its_uid_part_once(session_dir: Path, tmp_path: Path) -> None:
    first = run("ics", session_dir, "--out", tmp_path / "a.ics")
    assert "calendar.uid" in first.stdout
    text = (session_dir / "session.yaml").read_text(encoding="utf-8")
    assert "calendar:" in text and "uid:" in text
    second = run("ics", session_dir, "--out", tmp_path / "b.ics")
    assert "calendar.uid" not in second.stdout
    assert (session_dir / "session.yaml").read_text(encoding="utf-8") == text


def test_ics_invite_needs_a_contact_and_refuses_milestones(session_dir: Path,
                                                           tmp_path: Path) -> None:
    both = run("ics", session_dir, "--out", tmp_path / "i.ics", "--invite", "--milestones")
    assert both.exit_code == 2
    before = (session_dir / "session.yaml").read_text(encoding="utf-8")
    bad = run("ics", session_dir, "--out", tmp_path / "i.ics", "--invite")
    assert bad.exit_code == 1 and "contact" in bad.output
    assert not (tmp_path / "i.ics").exists()
    assert (session_dir / "session.yaml").read_text(encoding="utf-8") == before
    path = session_dir / "session.yaml"
    path.write_text(before.replace("\nlanguage:", "\ncontact:\n  name: Camille Durand\n"
                                   "  email: camille@example.org\nlanguage:", 1),
                    encoding="utf-8")
    good = run("ics", session_dir, "--out", tmp_path / "i.ics", "--invite")
    assert good.exit_code == 0, good.output
    calendar = Calendar.from_ical((tmp_path / "i.ics").read_bytes())
    assert str(calendar["METHOD"]) == "REQUEST"


def test_materials_writes_and_lists_the_documents(session_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "imprimer"
    result = run("materials", session_dir, "--out", out)
    assert result.exit_code == 0, result.output
    names = ["table-cards.docx", "route-cards.docx", "badges.docx", "emargement.docx"]
    for name in names:
        assert str(out / name) in result.stdout
        assert (out / name).is_file()
    assert "aucun plan enregistré pour interviews, cafe" in result.stdout
    sheet = docx.Document(str(out / "emargement.docx"))
    assert [c.text for c in sheet.tables[0].rows[0].cells][-1] == "Signature\nMatin"  # half day
    again = run("materials", session_dir, "--out", tmp_path / "j", "--sheet-per-day",
                "--remote-column")
    assert again.exit_code == 0, again.output
    sheet = docx.Document(str(tmp_path / "j" / "emargement-jour-1.docx"))
    assert "À distance" in [c.text for c in sheet.tables[0].rows[0].cells]


def test_materials_with_a_missing_logo_names_the_line(session_dir: Path, tmp_path: Path) -> None:
    path = session_dir / "session.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "\nlanguage:", "\nlogo: logos/lab.png\nlanguage:", 1), encoding="utf-8")
    result = run("materials", session_dir, "--out", tmp_path / "out")
    assert result.exit_code == 1
    assert "session.yaml" in result.output and "logo" in result.output
    assert "lab.png" in result.output
    assert not (tmp_path / "out").exists()


def test_materials_rejects_a_bad_url(session_dir: Path, tmp_path: Path) -> None:
    result = run("materials", session_dir, "--out", tmp_path, "--url", "javascript:alert(1)")
    assert result.exit_code == 2
    assert not list(tmp_path.glob("*.docx"))


def test_materials_help_names_the_route_cards_apart_from_the_roadmaps() -> None:
    result = run("materials", "--help")
    assert result.exit_code == 0
    assert "cartes de parcours" in result.stdout and "feuilles de route" not in result.stdout
