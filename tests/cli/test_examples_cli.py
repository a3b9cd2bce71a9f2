"""`labkit examples` and `labkit examples copy NAME` through Typer's CliRunner."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from labkit.cli.app import app
from labkit.resources import data_dir

NAMES = ("garde-enfants-parents", "cooperation-territoriale", "atelier-collaboratif")


def run(*args: str | Path, lang: str = "fr") -> Any:
    return CliRunner().invoke(app, ["--lang", lang, *map(str, args)], env={"NO_COLOR": "1"})


def test_list_in_french() -> None:
    result = run("examples")
    assert result.exit_code == 0, result.output
    for words in ("Exemples fournis", "Nom", "Titre", "Jours", "Participants",
                  "Copier un exemple\u00a0: labkit examples copy NOM", *NAMES):
        assert words in result.stdout, words


def test_list_in_english() -> None:
    result = run("examples", lang="en")
    assert result.exit_code == 0
    assert "Bundled examples" in result.stdout
    assert "Copy one: labkit examples copy NAME" in result.stdout


def test_examples_help_names_the_copy_command() -> None:
    result = run("examples", "--help")
    assert result.exit_code == 0
    assert "copy" in result.stdout


@pytest.mark.parametrize("name", NAMES)
def test_copy_then_validate_and_print_the_agenda(sessions_dir: Path, name: str) -> None:
    result = run("examples", "copy", name)
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Exemple copié dans {sessions_dir / name}\n"
    source = data_dir("examples") / name / "session.yaml"
    assert (sessions_dir / name / "session.yaml").read_bytes() == source.read_bytes()
    check = run("validate", name)
    assert check.exit_code == 0, check.output
    assert "0 erreur, 0 avertissement" in check.stdout
    agenda = run("agenda", name)
    assert agenda.exit_code == 0, agenda.output
    assert "Jour 1 — " in agenda.stdout and "Total par phase" in agenda.stdout


def test_copy_to_another_folder_in_english(tmp_path: Path) -> None:
    result = run("examples", "copy", "atelier-collaboratif", "--to", tmp_path / "ailleurs",
                 lang="en")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Example copied to ")
    assert (tmp_path / "ailleurs" / "atelier-collaboratif" / "session.yaml").is_file()


def test_copy_again_unchanged_is_fine_changed_is_refused_force_replaces(
    sessions_dir: Path,
) -> None:
    assert run("examples", "copy", "atelier-collaboratif").exit_code == 0
    assert run("examples", "copy", "atelier-collaboratif").exit_code == 0
    plan = sessions_dir / "atelier-collaboratif" / "session.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "# mes notes\n", encoding="utf-8")
    refused = run("examples", "copy", "atelier-collaboratif")
    assert refused.exit_code == 1
    assert "existe déjà (ajoutez --force pour le remplacer" in refused.stderr
    assert plan.read_text(encoding="utf-8").endswith("# mes notes\n")
    forced = run("examples", "copy", "atelier-collaboratif", "--force")
    assert forced.exit_code == 0, forced.output
    assert "# mes notes" not in plan.read_text(encoding="utf-8")


def test_copy_an_unknown_example_exit_1(sessions_dir: Path) -> None:
    result = run("examples", "copy", "inconnu")
    assert result.exit_code == 1
    assert "aucun exemple ne s'appelle «\u00a0inconnu\u00a0»" in result.stderr
    assert "garde-enfants-parents" in result.stderr
    assert not (sessions_dir / "inconnu").exists()


def test_copy_without_a_name_is_a_usage_error() -> None:
    assert run("examples", "copy").exit_code == 2


def test_copy_blank_gives_the_plan_without_captured_outputs(tmp_path: Path) -> None:
    from labkit.store.journal import Journal

    result = CliRunner().invoke(
        app, ["examples", "copy", "cooperation-territoriale", "--blank", "--to", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    folder = tmp_path / "cooperation-territoriale"
    assert (folder / "session.yaml").is_file()
    assert not (folder / "captured.jsonl").exists()
    if (folder / "journal.db").exists():
        with Journal.open(folder / "journal.db") as journal:
            assert journal.events() == []
