"""`labkit new`, `validate`, `agenda`, `schema` and the root options through Typer's CliRunner.

Exit codes: 0 success, 1 invalid input (including a plan with errors in `validate`), 2 usage.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from labkit import __version__
from labkit.cli.app import app
from labkit.store.session_folder import open_session

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str | Path, lang: str | None = "fr") -> Any:
    prefix = ["--lang", lang] if lang else []
    return CliRunner().invoke(app, [*prefix, *map(str, args)], env={"NO_COLOR": "1"})


@pytest.fixture
def plan(write_session: Any, session_data: dict[str, Any]) -> Path:
    """The folder of a clean 2-day session (no error, no warning)."""
    return write_session(session_data, folder="garde-enfants").parent


# -- root ----------------------------------------------------------------------------------------
def test_version() -> None:
    result = run("--version", lang=None)
    assert result.exit_code == 0
    assert result.stdout == f"labkit {__version__}\n"


def test_help_lists_the_commands() -> None:
    result = run("--help", lang=None)
    assert result.exit_code == 0
    assert "Usage: labkit" in result.stdout
    for name in ("new", "validate", "agenda", "schema", "examples"):
        assert f" {name} " in result.stdout


def test_no_arguments_shows_the_help() -> None:
    result = run(lang=None)
    assert "Usage: labkit" in result.output
    assert result.exit_code in (0, 2)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--bogus"], "No such option"),
        (["nope"], "No such command"),
        (["validate"], "Missing argument"),
        (["--lang", "de", "validate", "x"], "'de' is not one of 'fr', 'en'"),
        (["agenda", "a", "b"], "unexpected extra argument"),
    ],
)
def test_usage_errors_exit_2(args: list[str], words: str) -> None:
    result = run(*args, lang=None)
    assert result.exit_code == 2
    assert words in result.stderr
    assert "Traceback" not in result.output


def test_python_dash_m_labkit_help() -> None:
    env = {**os.environ, "LABKIT_LANG": "fr"}
    out = subprocess.run([sys.executable, "-m", "labkit", "--help"], capture_output=True,
                         text=True, cwd=ROOT, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "Usage: labkit" in out.stdout and "validate" in out.stdout


def test_python_dash_m_labkit_translates_command_help() -> None:
    out = subprocess.run([sys.executable, "-m", "labkit", "--lang", "fr", "new", "--help"],
                         capture_output=True, text=True, cwd=ROOT, timeout=60,
                         env={**os.environ, "COLUMNS": "200"})
    assert out.returncode == 0, out.stderr
    assert "Créer une session" in out.stdout
    out = subprocess.run([sys.executable, "-m", "labkit", "--lang", "en", "new", "--help"],
                         capture_output=True, text=True, cwd=ROOT, timeout=60,
                         env={**os.environ, "COLUMNS": "200"})
    assert "Create a session" in out.stdout


# -- new -----------------------------------------------------------------------------------------
def test_new_writes_a_valid_skeleton_and_the_schema(sessions_dir: Path) -> None:
    result = run("new", "atelier-mars", "--title", "Atelier de mars", "--date", "2026-03-12",
                 "--days", "2")
    assert result.exit_code == 0, result.output
    path = sessions_dir / "atelier-mars" / "session.yaml"
    assert result.stdout.splitlines() == [
        f"Session créée\u00a0: {path}",
        "Ensuite\u00a0: complétez-la, puis «\u00a0labkit validate atelier-mars\u00a0» et "
        "«\u00a0labkit agenda atelier-mars\u00a0».",
    ]
    folder = open_session(path, strict=True)
    assert folder.session.title == "Atelier de mars"
    assert [d.date.isoformat() for d in folder.session.days] == ["2026-03-12", "2026-03-13"]
    assert json.loads((sessions_dir / "session.schema.json").read_text(encoding="utf-8"))
    assert run("validate", "atelier-mars").exit_code == 0


def test_new_in_english_with_options(tmp_path: Path) -> None:
    result = run("new", "workshop", "--title", "Workshop", "--date", "2026-03-12", "--lang",
                 "en", "--lab", "Lab 93", "--to", tmp_path / "elsewhere", lang="en")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Session created: ")
    session = open_session(tmp_path / "elsewhere" / "workshop").session
    assert (session.language, session.lab) == ("en", "Lab 93")
    assert session.days[0].agenda[0].title == "Opening and round of introductions"


def test_new_refuses_to_overwrite(sessions_dir: Path) -> None:
    assert run("new", "atelier", "--title", "A", "--date", "2026-03-12").exit_code == 0
    path = sessions_dir / "atelier" / "session.yaml"
    before = path.read_bytes()
    result = run("new", "atelier", "--title", "B", "--date", "2026-04-01")
    assert result.exit_code == 1
    assert "Erreur\u00a0:" in result.stderr and "existe déjà" in result.stderr
    assert path.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["Atelier_Mars", "--title", "A", "--date", "2026-03-12"], "lettres minuscules"),
        (["atelier", "--title", "A", "--date", "12/03/2026"], "n'est pas une date"),
        (["atelier", "--title", "A", "--date", "2026-03-12", "--days", "4"], "--days"),
        (["atelier", "--title", "A", "--date", "2026-03-12", "--lang", "de"],
         "'de' is not one of 'fr', 'en'"),
        (["atelier", "--date", "2026-03-12"], "--title"),
    ],
)
def test_new_usage_errors(sessions_dir: Path, args: list[str], words: str) -> None:
    result = run("new", *args)
    assert result.exit_code == 2
    assert words in result.stderr
    assert not (sessions_dir / "atelier").exists()


# -- validate ------------------------------------------------------------------------------------
def test_validate_a_clean_plan(plan: Path) -> None:
    result = run("validate", plan)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"✓ {plan / 'session.yaml'} — 0 erreur, 0 avertissement\n"


def test_validate_by_slug_and_by_file(sessions_dir: Path, session_data: dict) -> None:
    run("new", "atelier", "--title", "A", "--date", "2026-03-12")
    assert run("validate", "atelier").exit_code == 0
    assert run("validate", sessions_dir / "atelier" / "session.yaml").exit_code == 0


def cafe(data: dict[str, Any]) -> dict[str, Any]:
    return data["days"][0]["agenda"][6]["method"]


def test_validate_warnings_only_exits_0(write_session: Any, session_data: dict) -> None:
    cafe(session_data)["minutes_per_round"] = 8
    plan = write_session(session_data).parent
    result = run("validate", plan)
    assert result.exit_code == 0, result.output
    assert "0 erreur, 1 avertissement" in result.stdout
    assert "  avertissement " in result.stdout
    assert "des tours de 8 min sont très courts" in result.stdout


@pytest.fixture
def overrun(write_session: Any, session_data: dict) -> Path:
    """A session.yaml whose first day ends before its last block."""
    session_data["days"][0]["end"] = "15:00"
    return write_session(session_data, folder="overrun")


def test_validate_plan_errors_exit_1_with_line_and_field(overrun: Path) -> None:
    yaml = overrun
    result = run("validate", yaml.parent)
    assert result.exit_code == 1, result.output
    assert f"✗ {yaml} — 1 erreur, 0 avertissement" in result.stdout
    (line,) = [x for x in result.stdout.splitlines() if x.startswith("  erreur ")]
    assert f"{yaml}:" in line and "days[1] → agenda[7]\u00a0: le jour 1 déborde" in line
    number = int(line.split(f"{yaml}:")[1].split("\u00a0")[0])
    assert yaml.read_text(encoding="utf-8").splitlines()[number - 1].lstrip().startswith("- ")


def test_validate_in_english(overrun: Path) -> None:
    result = run("validate", overrun, lang="en")
    assert result.exit_code == 1
    assert "1 error, 0 warnings" in result.stdout
    assert "  error " in result.stdout and "day 1 overruns" in result.stdout


def test_validate_structural_errors_exit_1(write_session: Any) -> None:
    path = write_session("slug: a\ntitel: T\nlab: L\ndays: [{date: 2026-03-12}]\n")
    result = run("validate", path)
    assert result.exit_code == 1
    assert "✗" in result.stdout and "2 problèmes à corriger" in result.stdout
    assert "vouliez-vous dire «\u00a0title\u00a0»" in result.stdout
    assert "Traceback" not in result.output and "pydantic" not in result.output


def test_validate_yaml_syntax_error_exit_1(write_session: Any) -> None:
    path = write_session("slug: a\ntitle: T\n  lab: L\n")
    result = run("validate", path)
    assert result.exit_code == 1
    assert f"{path}:3:6\u00a0: YAML illisible" in result.stdout


def test_validate_several_reports_each_and_fails_if_one_fails(plan: Path) -> None:
    result = run("validate", plan, "inconnue")
    assert result.exit_code == 1
    assert "✓ " in result.stdout
    assert "«\u00a0inconnue\u00a0»\u00a0: aucune session trouvée" in result.stdout


def test_validate_an_unknown_session_exit_1() -> None:
    result = run("validate", "inconnue", lang="en")
    assert result.exit_code == 1
    assert "'inconnue': no session found" in result.stdout


# -- agenda --------------------------------------------------------------------------------------
def test_agenda_in_french(plan: Path) -> None:
    result = run("agenda", plan)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Garde d'enfants et retour à l'emploi  ·  Lab Île-de-France" in out
    assert "Jour 1 — jeudi 12 mars 2026  (09:00–17:00)" in out
    assert "Jour 2 — vendredi 13 mars 2026" in out
    for row in ("09:00–09:30", "14:00–15:30", "12:00–13:00"):
        assert row in out
    for words in ("Horaire", "Séquence", "Méthode", "interviews croisées", "world café",
                  "parcours usager", "déjeuner", "déclusion", "Scan", "Focus", "Act", "1 h 30"):
        assert words in out, words
    totals = ("Total par phase\u00a0: Scan 3 h 45 · Focus 3 h 15 · Act 2 h · "
              "autres (pauses, repas) 2 h 30")
    assert totals in out


def test_agenda_follows_the_session_language_not_the_ui(plan: Path, write_session: Any,
                                                        session_data: dict) -> None:
    assert "jeudi 12 mars 2026" in run("agenda", plan, lang="en").stdout
    session_data["language"] = "en"
    out = run("agenda", write_session(session_data, folder="english"), lang="fr").stdout
    assert "Day 1 — Thursday, 12 March 2026" in out
    assert "Total per phase:" in out and "crossed interviews" in out


def test_agenda_of_a_broken_session_exit_1(write_session: Any) -> None:
    result = run("agenda", write_session("slug: a\n"))
    assert result.exit_code == 1
    assert "champ obligatoire manquant" in result.stderr
    assert run("agenda", "inconnue").exit_code == 1


def test_agenda_docx(plan: Path, tmp_path: Path) -> None:
    target = tmp_path / "agenda.docx"
    result = run("agenda", plan, "--docx", target)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Écrit\u00a0: {target}\n"
    assert target.read_bytes()[:2] == b"PK"


# -- schema --------------------------------------------------------------------------------------
def test_schema_to_stdout() -> None:
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "labkit session.yaml" and "days" in schema["properties"]


def test_schema_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "session.schema.json"
    result = run("schema", "--out", target)
    assert result.exit_code == 0
    assert result.stdout == f"Écrit\u00a0: {target}\n"
    assert json.loads(target.read_text(encoding="utf-8"))["$defs"]["Block"]


# -- user text is printed as written -------------------------------------------------------------
def test_square_brackets_in_titles_are_text_not_markup(write_session: Any,
                                                       session_data: dict) -> None:
    session_data["title"] = "[b]Atelier[/b] [à confirmer]"
    session_data["days"][0]["agenda"][0]["title"] = "Ouverture [/]"
    session_data["days"][0]["end"] = "15:00"
    path = write_session(session_data, folder="crochets")
    agenda = run("agenda", path)
    assert agenda.exit_code == 0, agenda.output
    assert "[b]Atelier[/b] [à confirmer]" in agenda.stdout
    assert "Ouverture [/]" in agenda.stdout
    check = run("validate", path)
    assert check.exit_code == 1 and "Traceback" not in check.output
    session_data["days"][0]["agenda"][0]["duration"] = "[red]long"
    broken = write_session(session_data, folder="crochets-2")
    assert "«\u00a0[red]long\u00a0» n'est pas un nombre entier" in run("validate", broken).stdout
    assert "«\u00a0[red]long\u00a0»" in run("agenda", broken).stderr
