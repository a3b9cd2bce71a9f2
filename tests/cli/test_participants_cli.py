"""`labkit participants import` and `labkit participants list` through Typer's CliRunner."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from labkit.cli.app import app
from labkit.i18n import set_ui_language
from labkit.store.session_folder import open_session

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "participants"
ENV = {"COLUMNS": "200", "LABKIT_LANG": "fr", "NO_COLOR": "1"}


@pytest.fixture(autouse=True)
def _reset_language() -> Iterator[None]:
    yield
    set_ui_language(None)


@pytest.fixture
def session_dir(tmp_path: Path) -> Path:
    """A 2-day session with five groups and Hélène Dubois already registered."""
    folder = tmp_path / "garde-enfants-test"
    folder.mkdir()
    shutil.copy(FIXTURES / "session.yaml", folder / "session.yaml")
    return folder


def run(*args: str | Path, lang: str = "fr"):  # noqa: ANN201 - click's Result
    return CliRunner().invoke(app, ["--lang", lang, *map(str, args)], env=ENV)


def test_import_cp1252_csv_prints_counts_and_saves(session_dir: Path) -> None:
    result = run("participants", "import", session_dir, FIXTURES / "inscrits_excel_cp1252.csv")
    assert result.exit_code == 0, result.output
    assert "7 participants ajoutés à garde-enfants-test (total\u00a0: 8)." in result.stdout
    assert "colonnes non importées\u00a0: Téléphone" in result.stdout
    assert "ligne 12\u00a0: doublon de la ligne 6" in result.stdout
    assert ("1 personne déjà dans la session, ignorée (ligne 4)\u00a0; --update la"
            " met") in result.stdout
    text = (session_dir / "session.yaml").read_text(encoding="utf-8")
    assert "# Déjà inscrite à la main par l'équipe du Lab." in text
    assert "organisation: Caisse d'allocations familiales" in text
    assert len(open_session(session_dir).session.participants) == 8


def test_import_through_the_session_yaml_path_and_in_english(session_dir: Path) -> None:
    result = run(
        "participants", "import", session_dir / "session.yaml",
        FIXTURES / "registrations_utf8_bom.csv", lang="en",
    )
    assert result.exit_code == 0, result.output
    assert "4 participants added to garde-enfants-test (total: 5)." in result.stdout


def test_import_xlsx(session_dir: Path) -> None:
    result = run("participants", "import", session_dir, FIXTURES / "inscrits.xlsx")
    assert result.exit_code == 0, result.output
    assert "4 participants ajoutés" in result.stdout
    assert "colonnes non importées" not in result.stdout  # "Fonction" is read now
    assert "function:" in (session_dir / "session.yaml").read_text(encoding="utf-8")


def test_failed_import_exits_1_lists_every_bad_row_and_leaves_the_file_untouched(
    session_dir: Path,
) -> None:
    before = (session_dir / "session.yaml").read_bytes()
    result = run("participants", "import", session_dir, FIXTURES / "inscrits_erreurs.csv")
    assert result.exit_code == 1
    assert "8 lignes à corriger\u00a0; rien n'a été importé" in result.stderr
    for row in (3, 4, 5, 6, 7, 9, 10, 11):
        assert f"ligne {row}\u00a0: " in result.stderr
    assert "ligne 2\u00a0:" not in result.stderr and "ligne 8\u00a0:" not in result.stderr
    assert "Traceback" not in result.output
    assert (session_dir / "session.yaml").read_bytes() == before


def test_reimport_says_nothing_to_do_and_does_not_rewrite(session_dir: Path) -> None:
    assert run("participants", "import", session_dir, FIXTURES / "inscrits.xlsx").exit_code == 0
    before = (session_dir / "session.yaml").read_bytes()
    result = run("participants", "import", session_dir, FIXTURES / "inscrits.xlsx")
    assert result.exit_code == 0
    assert "Rien à importer" in result.stdout
    assert (session_dir / "session.yaml").read_bytes() == before


def test_replace_reports_new_updated_kept_and_removed(session_dir: Path) -> None:
    run("participants", "import", session_dir, FIXTURES / "inscrits_excel_cp1252.csv")
    result = run(
        "participants", "import", session_dir, FIXTURES / "inscrits.xlsx", "--replace"
    )
    assert result.exit_code == 0, result.output
    assert "Liste de garde-enfants-test remplacée\u00a0: 4 participants" in result.stdout
    # the one already there gains its "Fonction" from the xlsx: updated, not unchanged
    assert "3 nouveaux, 1 mis à jour, 0 inchangé, 7 retirés" in result.stdout
    assert "retirés\u00a0: Hélène D., Sébastien L." in result.stdout
    assert len(open_session(session_dir).session.participants) == 4


def test_dry_run_leaves_the_file_untouched(session_dir: Path) -> None:
    before = (session_dir / "session.yaml").read_bytes()
    result = run(
        "participants", "import", session_dir, FIXTURES / "inscrits.xlsx", "--dry-run"
    )
    assert result.exit_code == 0
    assert "4 participants ajoutés" in result.stdout
    assert "Essai à blanc\u00a0: rien n'a été enregistré." in result.stdout
    assert (session_dir / "session.yaml").read_bytes() == before


def test_unknown_session_or_file_exits_1(session_dir: Path, tmp_path: Path) -> None:
    missing_session = run(
        "participants", "import", tmp_path / "nowhere", FIXTURES / "inscrits.xlsx"
    )
    assert missing_session.exit_code == 1
    assert "aucune session trouvée" in missing_session.stderr
    missing_file = run("participants", "import", session_dir, tmp_path / "absent.csv")
    assert missing_file.exit_code == 1
    assert "introuvable" in missing_file.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("participants", "import"),
        ("participants", "import", "x"),
        ("participants", "import", "x", "y", "--bogus"),
        ("participants", "nonsense"),
        ("participants", "list"),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    assert run(*args).exit_code == 2


def test_help_is_translated() -> None:
    result = run("participants", "import", "--help")
    assert result.exit_code == 0
    assert "--replace" in result.stdout
    assert "--dry-run" in result.stdout


def test_list_groups_people_with_counts_and_a_total(session_dir: Path) -> None:
    run("participants", "import", session_dir, FIXTURES / "inscrits_excel_cp1252.csv")
    result = run("participants", "list", session_dir)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Conseillers à l'emploi (2)" in out
    assert "Partenaires institutionnels (3)" in out
    assert "Caisse d'allocations familiales (1)" in out
    assert "Gestionnaires de crèches (1)" in out
    assert "Demandeurs d'emploi (1)" in out
    assert "Total\u00a0: 8 participants dans 5 collèges" in out
    assert "Seine-Saint-Denis (93)" in out  # a territory by its name and code
    # First name and last-name initial only.
    assert "Sébastien L." in out and "Lefèvre" not in out
    assert "Hélène M." in out and "hôte de table" in out and "commanditaire" in out
    # Grouped in the order the session declares its groups.
    assert out.index("Demandeurs d'emploi") < out.index("Conseillers à l'emploi")
    assert out.index("Conseillers à l'emploi") < out.index("Partenaires institutionnels")
    assert out.index("Sébastien L.") < out.index("Zoé D.") < out.index("Hélène D.")


def test_list_in_english(session_dir: Path) -> None:
    result = run("participants", "list", session_dir, lang="en")
    assert result.exit_code == 0
    assert "Total: 1 participant in 1 group" in result.stdout
    assert "Partenaires institutionnels (1)" in result.stdout


def test_list_of_an_empty_session_suggests_the_import(session_dir: Path) -> None:
    yaml_path = session_dir / "session.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    yaml_path.write_text(
        text[: text.index("participants:")] + text[text.index("days:") :], encoding="utf-8"
    )
    result = run("participants", "list", session_dir)
    assert result.exit_code == 0
    assert "Aucun participant dans garde-enfants-test" in result.stdout
    assert "labkit participants import" in result.stdout


def test_list_of_an_invalid_session_exits_1(tmp_path: Path) -> None:
    (tmp_path / "session.yaml").write_text("slug: Bad Slug\n", encoding="utf-8")
    result = run("participants", "list", tmp_path)
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_update_tells_each_change_and_dry_run_writes_nothing(session_dir: Path,
                                                             tmp_path: Path) -> None:  # fmt: skip
    assert run("participants", "import", session_dir,
               FIXTURES / "inscrits_excel_cp1252.csv").exit_code == 0  # fmt: skip
    file = tmp_path / "second.csv"
    file.write_text("Prénom;Nom;Consentement;Rôle\nhélène;DUBOIS;oui;hôte de table\n",
                    encoding="utf-8")  # fmt: skip
    before = (session_dir / "session.yaml").read_text(encoding="utf-8")
    others = open_session(session_dir).session.participants[1:]
    dry = run("participants", "import", session_dir, file, "--update", "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert ("Hélène Dubois (ligne 2)\u00a0: Rôle\u00a0: participant·e → hôte de table\u00a0; "
            "Consentement\u00a0: non → oui") in dry.stdout  # fmt: skip
    assert "1 personne modifiée, 0 ajoutée, 0 inchangée\u00a0; 8 participants" in (
        dry.stdout)
    assert (session_dir / "session.yaml").read_text(encoding="utf-8") == before
    result = run("participants", "import", session_dir, file, "--update")
    assert result.exit_code == 0, result.output
    helene, *rest = open_session(session_dir).session.participants
    assert (helene.id, helene.consent_named, helene.role) == ("p001", True, "table_host")
    assert rest == others
    assert "# Déjà inscrite à la main par l'équipe du Lab." in (
        session_dir / "session.yaml").read_text(encoding="utf-8")
    both = run("participants", "import", session_dir, file, "--update", "--replace")
    assert both.exit_code != 0 and "ne vont pas ensemble" in both.output
