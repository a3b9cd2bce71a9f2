"""Planning an import: bad rows, columns, duplicates, ids and group matching."""

from __future__ import annotations

from pathlib import Path

import pytest
from participants_helpers import FIXTURES, _plan, _write

from labkit.errors import InvalidInputError
from labkit.store.participants import read_participants
from labkit.store.session_folder import open_session


def test_every_bad_row_is_reported_with_its_number(session_dir: Path) -> None:
    with pytest.raises(InvalidInputError) as caught:
        _plan(session_dir, "inscrits_erreurs.csv")
    error = caught.value
    assert "8 lignes à corriger" in error.message
    assert "rien n'a été importé" in error.message
    rows = [problem.split("\u00a0: ", 1)[0] for problem in error.problems]
    assert rows == [f"ligne {n}" for n in (3, 4, 5, 6, 7, 9, 10, 11)]
    text = "\n".join(error.problems)
    assert ("collège «\u00a0élus\u00a0» inconnu (collèges\u00a0: demandeurs (Demandeurs"
            " d'emploi)") in text
    assert "rôle «\u00a0chef de projet\u00a0» inconnu" in text
    assert "«\u00a0luc.bernard@\u00a0» n'est pas une adresse e-mail" in text
    assert "jour 3\u00a0: la session compte 2 jours" in text
    assert "ligne 7\u00a0: prénom manquant" in text
    assert "figure déjà ligne 2 avec d'autres informations (Collège)" in text
    assert "consentement «\u00a0peut-être\u00a0» illisible" in text
    assert "ligne 11\u00a0: collège manquant" in text


def test_bad_rows_in_english(session_dir: Path) -> None:
    with pytest.raises(InvalidInputError) as caught:
        read_participants(
            FIXTURES / "inscrits_erreurs.csv", open_session(session_dir).session, lang="en"
        )
    assert "row 3: unknown group 'élus'" in caught.value.problems[0]


def test_several_reasons_on_one_row_are_listed_together(session_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("Prénom;Collège;Rôle;Jours\nAnne;inconnu;chef;5\n", encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        _plan(session_dir, path)
    (problem,) = caught.value.problems
    assert problem.startswith("ligne 2\u00a0: collège «\u00a0inconnu\u00a0» inconnu")
    assert "rôle «\u00a0chef\u00a0» inconnu" in problem and "jour 5" in problem


def test_an_unquoted_separator_shifting_cells_is_a_bad_row(
    session_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "x.csv"
    path.write_text("First name,Group,Days\nAnne,caf,1,2\nBruno,caf,\"1,2\"\n", encoding="utf-8")
    with pytest.raises(InvalidInputError) as caught:
        read_participants(path, open_session(session_dir).session, lang="en")
    assert caught.value.problems == [
        "row 2: 4 cells for 3 columns (does a value contain the separator ','? put it in quotes)"
    ]


# -- header problems -----------------------------------------------------------------------------
def test_missing_group_column(session_dir: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, "Prénom;Nom\nAnne;Dupuis\n")
    with pytest.raises(InvalidInputError) as caught:
        _plan(session_dir, path)
    assert "colonne «\u00a0Collège\u00a0» manquante" in caught.value.problems


def test_two_columns_for_the_same_field(session_dir: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, "Prénom;First name;Collège\nAnne;Anne;caf\n")
    with pytest.raises(InvalidInputError) as caught:
        _plan(session_dir, path)
    assert "deux colonnes pour «\u00a0Prénom\u00a0»" in caught.value.problems[0]


def test_a_file_without_participants_is_refused(session_dir: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, "Prénom;Collège\n;;\n\n")
    with pytest.raises(InvalidInputError, match="aucun participant"):
        _plan(session_dir, path)


def test_a_session_without_groups_is_refused(session_dir: Path, tmp_path: Path) -> None:
    yaml_path = session_dir / "session.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    start, end = text.index("groups:"), text.index("days:")
    yaml_path.write_text(text[:start] + text[end:], encoding="utf-8")
    path = _write(tmp_path, "Prénom;Collège\nAnne;caf\n")
    with pytest.raises(InvalidInputError, match="aucun collège"):
        _plan(session_dir, path)


# -- ids -------------------------------------------------------------------------------------------
def test_explicit_id_taken_by_someone_else_is_a_bad_row(session_dir: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, "Id;Prénom;Nom;Collège\np001;Anne;Dupuis;caf\n")
    with pytest.raises(InvalidInputError) as caught:
        _plan(session_dir, path)
    assert "identifiant «\u00a0p001\u00a0» déjà attribué à Hélène D." in caught.value.problems[0]


def test_explicit_id_twice_in_the_file(session_dir: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, "Id;Prénom;Collège\nx1;Anne;caf\nx1;Bruno;caf\nbad id;Chloé;caf\n")
    with pytest.raises(InvalidInputError) as caught:
        _plan(session_dir, path)
    assert caught.value.problems == [
        "ligne 3\u00a0: identifiant «\u00a0x1\u00a0» déjà utilisé ligne 2",
        ("ligne 4\u00a0: identifiant «\u00a0bad id\u00a0» non valide (lettres sans accent,"
         " chiffres, tirets)"),
    ]


def test_generated_ids_continue_after_the_highest(session_dir: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, "Id;Prénom;Collège\np041;Anne;caf\n;Bruno;caf\n;Chloé;caf\n")
    plan = _plan(session_dir, path)
    assert [p.id for p in plan.added] == ["p041", "p042", "p043"]


def test_generated_ids_follow_two_digit_ids(session_dir: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, "Id;Prénom;Collège\np09;Anne;caf\n;Bruno;caf\n")
    assert [p.id for p in _plan(session_dir, path).added] == ["p09", "p10"]


def test_group_matching_tolerates_case_accents_and_plural(
    session_dir: Path, tmp_path: Path
) -> None:
    path = _write(
        tmp_path,
        "Prénom;Collège\nA;CONSEILLERS A L'EMPLOI\nB;Crèches\nC;gestionnaire de creche\n"
        "D;Caisse d allocations familiales\nE;Demandeur d'emploi\n",
    )
    plan = _plan(session_dir, path)
    assert [p.group for p in plan.added] == [
        "conseillers", "creches", "creches", "caf", "demandeurs"
    ]

