"""`labkit note`, `history`, `export` and `import` through Typer's CliRunner."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from labkit.cli.app import app
from labkit.store.journal import Journal


def run(*args: str | Path, lang: str = "fr") -> Any:
    return CliRunner().invoke(app, ["--lang", lang, *map(str, args)], env={"NO_COLOR": "1"})


@pytest.fixture
def session(write_session: Callable[..., Path], session_data: dict[str, Any]) -> Path:
    """The folder of a clean 2-day session, without a journal yet."""
    return write_session(session_data, folder="garde-enfants").parent


def _contributions(session: Path) -> dict[str, Any]:
    with Journal.open(session / "journal.db", device="test") as journal:
        return journal.state().contributions


def test_help_lists_the_journal_commands() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for name in ("note", "history", "export", "import"):
        assert f" {name} " in result.stdout


def test_note_prints_the_new_id_and_records_the_placement(session: Path) -> None:
    result = run("note", session, "Un guichet unique\x07 pour la garde", "--block", "cafe",
                 "--question", "1", "--table", "3", "--kind", "idea")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout == "c1\n"
    assert run("note", session, "Une autre idée").stdout == "c2\n"
    contributions = _contributions(session)
    first = contributions["c1"]
    assert (first.text, first.kind, first.block_id, first.question, first.table) == (
        "Un guichet unique pour la garde", "idea", "cafe", 1, 3,
    )  # fmt: skip
    assert (first.device, first.recorder) == (f"note-{socket.gethostname()}", None)
    assert contributions["c2"].kind == "note"


def test_note_records_its_device_and_person_and_goes_to_the_running_block(session: Path) -> None:
    with Journal.open(session / "journal.db", device="test") as journal:
        journal.start_block("cafe")
    result = run("note", session, "Vu à la table 2", "--device", "pc-2", "--by", "Léa")
    assert result.exit_code == 0, result.output
    note = _contributions(session)["c1"]
    assert (note.device, note.recorder, note.block_id) == ("pc-2", "Léa", "cafe")


def test_note_refuses_an_unknown_block_or_kind_and_writes_nothing(session: Path) -> None:
    result = run("note", session, "x", "--block", "nulle-part", lang="en")
    assert result.exit_code == 2
    assert 'no block "nulle-part"' in result.output and "cafe" in result.output
    result = run("note", session, "x", "--kind", "rumeur")
    assert result.exit_code == 2
    assert "type de contribution inconnu «\u00a0rumeur\u00a0»" in result.output
    assert not (session / "journal.db").exists()


def test_note_refuses_megabytes_of_text_with_a_clear_message(session: Path) -> None:
    run("note", session, "avant")
    result = run("note", session, "x" * 1_000_000)
    assert result.exit_code == 1
    assert "Événement «\u00a0contribution.added\u00a0» refusé" in result.output
    assert "texte de 1000000 caractères, 20000 au maximum" in result.output
    assert "Traceback" not in result.output
    assert list(_contributions(session)) == ["c1"]


def test_an_unknown_session(tmp_path: Path) -> None:
    result = run("note", tmp_path / "absente", "x")
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_history_lists_events_and_marks_undone_ones(session: Path) -> None:
    assert run("history", session).stdout == "Le journal ne contient encore aucun événement.\n"
    assert not (session / "journal.db").exists()  # looking does not create a journal
    run("note", session, "Première idée", "--kind", "idea")
    with Journal.open(session / "journal.db", device="tui") as journal:
        vote = journal.vote("c1", 2)
        journal.undo(vote.id)
    result = run("history", session)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert "contribution.added" in lines[0] and "c1 text=Première idée kind=idea" in lines[0]
    assert "vote.cast" in lines[1] and lines[1].endswith("(annulé)")
    assert "event.undone" in lines[2] and " tui " in lines[2]
    assert run("history", session, "--type", "vote").stdout.count("\n") == 1
    assert "event.undone" in run("history", session, "--last", "1").stdout


def test_export_csv_and_json_then_import_round_trip(
    session: Path, write_session: Callable[..., Path], session_data: dict[str, Any], tmp_path: Path
) -> None:
    run("note", session, "Places réservées en crèche", "--kind", "idea", "--block", "cafe")
    run("note", session, "«\u00a0On ne sait pas à qui demander\u00a0»", "--kind", "quote")
    result = run("export", session, "--format", "csv", "--out", tmp_path / "csv")
    assert result.exit_code == 0, result.output
    contributions = (tmp_path / "csv" / "contributions.csv").read_bytes()
    assert contributions.startswith(b"\xef\xbb\xbf")
    assert "Places réservées en crèche" in contributions.decode("utf-8-sig")
    assert len(list((tmp_path / "csv").glob("*.csv"))) == 15
    result = run("export", session, "--out", tmp_path / "json")
    assert result.exit_code == 0, result.output
    exported = tmp_path / "json" / "journal.json"
    assert len(json.loads(exported.read_text(encoding="utf-8"))["events"]) == 2
    target = write_session(session_data, folder="copie").parent
    result = run("import", target, exported)
    assert result.exit_code == 0, result.output
    assert "2 événements importés" in result.stdout
    assert vars(_state(target)) == vars(_state(session))
    again = run("import", target, exported)
    assert "0 événement importé\u00a0; le journal en compte 2" in again.stdout


def test_export_defaults_to_french_excel_and_writes_xlsx(session: Path, tmp_path: Path) -> None:
    run("note", session, "=IMPORTXML(A1)", "--kind", "idea")
    result = run("export", session, "--format", "csv", "--out", tmp_path / "csv")
    assert result.exit_code == 0, result.output
    text = (tmp_path / "csv" / "contributions.csv").read_text(encoding="utf-8-sig")
    assert text.startswith("Contribution (id);Type;Texte;")
    assert ";'=IMPORTXML(A1);" in text
    raw = run("export", session, "--format", "csv", "--dialect", "rfc4180", "--out",
              tmp_path / "raw")
    assert raw.exit_code == 0
    assert (tmp_path / "raw" / "contributions.csv").read_text(
        encoding="utf-8-sig").startswith("contribution_id,kind,text,")
    result = run("export", session, "--format", "xlsx", "--out", tmp_path / "x")
    assert result.exit_code == 0, result.output
    (path,) = (tmp_path / "x").glob("*.xlsx")
    from openpyxl import load_workbook

    assert load_workbook(path)["Contributions"]["C2"].value == "=IMPORTXML(A1)"
    bad = run("export", session, "--format", "json", "--dialect", "excel-fr", "--out", tmp_path)
    assert bad.exit_code == 2


def _state(session: Path) -> Any:
    with Journal.open(session / "journal.db", device="test") as journal:
        return journal.state()


def test_import_of_a_bad_file_lists_the_problems(session: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "labkit-journal", "format_version": 1, "schema_version": 1, '
                   '"events": [{"id": 1}]}', encoding="utf-8")  # fmt: skip
    result = run("import", session, bad, lang="en")
    assert result.exit_code == 1
    assert "is invalid; nothing was imported" in result.output
    assert "events.0.uuid: required field" in result.output
    assert "Traceback" not in result.output


def test_the_journal_is_imported_lazily() -> None:
    code = "import sys, labkit.cli.app; print('labkit.store.journal' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)  # fmt: skip
    assert result.stdout.strip() == "False"
