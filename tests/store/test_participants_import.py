"""The participants import: reading what French Excel writes, normalising, all-or-nothing saves."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from labkit.errors import InvalidInputError
from labkit.model import Role
from labkit.store.participants_import import (
    ImportPlan,
    decode_text,
    fold,
    header_field,
    import_participants,
    parse_consent,
    parse_days,
    parse_role,
    read_participants,
    read_table,
    sniff_delimiter,
)
from labkit.store.session_folder import open_session

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "participants"


@pytest.fixture
def session_dir(tmp_path: Path) -> Path:
    """A copy of the fixture session (2 days, 5 groups, Hélène Dubois already in)."""
    folder = tmp_path / "garde-enfants-test"
    folder.mkdir()
    shutil.copy(FIXTURES / "session.yaml", folder / "session.yaml")
    return folder


def _without_participants(folder: Path) -> Path:
    text = (folder / "session.yaml").read_text(encoding="utf-8")
    start = text.index("participants:")
    end = text.index("days:")
    (folder / "session.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    return folder


def _plan(folder: Path, name: str | Path, **options: object) -> ImportPlan:
    path = name if isinstance(name, Path) else FIXTURES / name
    return read_participants(path, open_session(folder).session, lang="fr", **options)


def _by_name(plan: ImportPlan) -> dict[str, object]:
    return {p.full_name: p for p in plan.participants}


# -- small readers -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Prénom", "first_name"),
        (" PRENOM ", "first_name"),
        ("First name", "first_name"),
        ("Nom", "last_name"),
        ("NOM", "last_name"),
        ("Last Name", "last_name"),
        ("Structure", "organisation"),
        ("Organisme", "organisation"),
        ("Organization", "organisation"),
        ("Collège", "group"),
        ("college", "group"),
        ("Groupe", "group"),
        ("Collège d'acteurs", "group"),
        ("Rôle", "role"),
        ("E-mail", "email"),
        ("Courriel", "email"),
        ("Adresse e-mail", "email"),
        ("Département", "territory"),
        ("Territoire", "territory"),
        ("Consentement (oui/non)", "consent_named"),
        ("Consentement à être nommé·e", "consent_named"),
        ("Jours de présence", "days"),
        ("Days", "days"),
        ("Id", "id"),
        ("Téléphone", None),
        ("Fonction", None),
        ("", None),
    ],
)
def test_headers_are_recognised_in_french_and_english(header: str, expected: str | None) -> None:
    assert header_field(header) == expected


def test_fold_ignores_accents_case_and_punctuation() -> None:
    assert fold("  Conseillers À L'EMPLOI ") == fold("conseillers a l emploi")
    assert fold("Œillet") == "oeillet"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("tous", None),
        ("Tous les jours", None),
        ("1", [1]),
        ("1,2", [1, 2]),
        ("1 et 2", [1, 2]),
        ("1, 2", [1, 2]),
        ("J1 J2", [1, 2]),
        ("jour 2", [2]),
        ("1-3", [1, 2, 3]),
        ("2 and 1", [1, 2]),
        ("J1-J2", [1, 2]),
        ("1 à 3", [1, 2, 3]),
        ("1.2", [1, 2]),  # French Excel turned "1,2" into the number 1,2
    ],
)
def test_days_are_read_as_people_write_them(text: str, expected: list[int] | None) -> None:
    assert parse_days(text) == expected


@pytest.mark.parametrize("text", ["lundi", "matin", "1 ou 2?", "1-1000", "3-1"])
def test_unreadable_days_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_days(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("oui", True), ("Oui", True), ("x", True), ("X", True), ("yes", True), ("1", True),
     ("non", False), ("No", False), ("", False), ("0", False), ("peut-être", None)],
)
def test_consent(text: str, expected: bool | None) -> None:
    assert parse_consent(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", Role.PARTICIPANT),
        ("Participante", Role.PARTICIPANT),
        ("participant·e", Role.PARTICIPANT),
        ("hôte de table", Role.TABLE_HOST),
        ("Hôtesse de table", Role.TABLE_HOST),
        ("table host", Role.TABLE_HOST),
        ("table_host", Role.TABLE_HOST),
        ("animateur", Role.FACILITATOR),
        ("Animatrice", Role.FACILITATOR),
        ("facilitator", Role.FACILITATOR),
        ("commanditaire", Role.SPONSOR),
        ("observateur", Role.OBSERVER),
        ("observatrice", Role.OBSERVER),
        ("facilitation graphique", Role.GRAPHIC_FACILITATOR),
        ("chef de projet", None),
    ],
)
def test_roles_in_french_and_english(text: str, expected: Role | None) -> None:
    assert parse_role(text) == expected


def test_decoding_utf8_bom_cp1252_and_utf16() -> None:
    text = "Prénom;Nom\nHélène;Œillet\n"
    assert decode_text(text.encode("utf-8-sig")) == text
    assert decode_text(text.encode("utf-8")) == text
    assert decode_text(text.encode("cp1252")) == text
    assert decode_text(text.encode("utf-16")) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prénom;Nom;Structure\nA;B;C\n", ";"),
        ("First name,Last name,Group\nA,B,C\n", ","),
        ("Prénom\tNom\tCollège\n", "\t"),
        ("Titre du fichier\nPrénom;Nom;Jours (1,2)\n", ";"),
    ],
)
def test_delimiter_is_sniffed(text: str, expected: str) -> None:
    assert sniff_delimiter(text) == expected


# -- realistic files -----------------------------------------------------------------------------
def test_cp1252_semicolon_csv_from_french_excel(session_dir: Path) -> None:
    plan = _plan(session_dir, "inscrits_excel_cp1252.csv")
    people = _by_name(plan)

    helene = people["Hélène Martin"]
    assert helene.organisation == "Caisse d'allocations familiales"
    assert helene.group == "caf"
    assert helene.role == Role.TABLE_HOST
    assert helene.consent_named is True
    assert helene.days == [1, 2]
    assert helene.territory == "93"
    assert people["Jérôme Œillet"].role == Role.OBSERVER
    assert people["Jérôme Œillet"].organisation == "Préfecture de la Seine-Saint-Denis"
    assert people["Zoé Da Silva"].organisation == "Pôle emploi Saint-Denis"  # NBSP trimmed
    assert people["Aïcha Benali"].group == "demandeurs"  # matched by label, lower case
    assert people["Aïcha Benali"].organisation is None
    assert people["Mélanie Roux"].role == Role.SPONSOR
    assert people["Françoise Nguyen"].days is None  # "tous"

    # Hélène Dubois is already in the session; Sébastien registered twice.
    assert [p.full_name for p in plan.skipped_existing] == ["Hélène Dubois"]
    assert [p.id for p in plan.added] == [f"p{n:03d}" for n in range(2, 9)]
    assert len(plan.participants) == 8
    assert plan.duplicates == 1
    messages = [n.message("fr") for n in plan.notices]
    assert "colonnes non importées : Téléphone" in messages
    assert any("ligne 12 : doublon de la ligne 6" in m for m in messages)
    assert any("déjà dans la session" in m and "4" in m for m in messages)


def test_cp1252_file_into_an_empty_session_keeps_helene_of_the_departement(
    session_dir: Path,
) -> None:
    plan = _plan(_without_participants(session_dir), "inscrits_excel_cp1252.csv")
    helene = _by_name(plan)["Hélène Dubois"]
    assert helene.organisation == "Conseil départemental"
    assert helene.group == "partenaires"
    assert helene.id == "p001"


def test_utf8_bom_comma_csv_with_english_headers_and_ids(session_dir: Path) -> None:
    table = read_table(FIXTURES / "registrations_utf8_bom.csv")
    assert table.headers[0] == "First name"  # no BOM left in the first header
    plan = _plan(session_dir, "registrations_utf8_bom.csv")
    people = _by_name(plan)
    assert people["Kevin Moreau"].id == "c01"
    assert people["Kevin Moreau"].days == [1, 2]
    assert people["Kevin Moreau"].role == Role.TABLE_HOST
    assert people["Inès Haddad"].id == "d01"
    assert people["Léa Petit"].organisation == 'Crèche "Les Lucioles"'
    assert people["Léa Petit"].consent_named is True
    assert people["Léa Petit"].id == "p002"  # generated after p001
    assert people["Paul Girard"].role == Role.FACILITATOR
    assert people["Paul Girard"].consent_named is False


def test_xlsx_with_a_title_row_numbers_and_a_notes_sheet(session_dir: Path) -> None:
    plan = _plan(session_dir, "inscrits.xlsx")
    people = _by_name(plan)
    assert [p.full_name for p in plan.added] == [
        "Hélène Martin", "Ousmane Diallo", "Camille Laurent", "Julien Mercier"
    ]
    assert people["Hélène Martin"].days == [1, 2]  # typed 1,2 -> the number 1.2
    assert people["Hélène Martin"].consent_named is True  # a TRUE cell
    assert people["Hélène Martin"].territory == "93"  # a number cell
    assert people["Ousmane Diallo"].territory == "01"  # Excel dropped the leading zero
    assert people["Ousmane Diallo"].consent_named is False
    assert people["Julien Mercier"].first_name == "Julien"  # spaces, zero-width space gone
    assert people["Julien Mercier"].organisation == "Pôle emploi Aulnay"  # line break gone
    assert people["Julien Mercier"].group == "conseillers"
    assert people["Camille Laurent"].days == [1, 2]
    assert [n.message("en") for n in plan.notices] == ["columns not imported: Fonction"]


def test_xlsx_written_by_openpyxl_in_the_test(session_dir: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Prénom", "Nom", "Collège", "Id"])
    sheet.append(["Nadia", "Saïdi", "Caisse d'allocations familiales", "caf-1"])
    sheet.append([None, None, None, None])
    sheet.append(["Omar", None, "demandeurs", None, "note without a header: ignored"])
    path = tmp_path / "liste.xlsx"
    workbook.save(path)

    plan = _plan(session_dir, path)
    assert [(p.id, p.first_name, p.group) for p in plan.added] == [
        ("caf-1", "Nadia", "caf"),
        ("p002", "Omar", "demandeurs"),
    ]


def test_xlsx_row_numbers_count_empty_rows(session_dir: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet["A3"], sheet["B3"] = "Prénom", "Collège"
    sheet["A4"], sheet["B4"] = "Anne", "caf"
    sheet["A7"], sheet["B7"] = "Bruno", "inconnu"
    path = tmp_path / "trous.xlsx"
    workbook.save(path)
    with pytest.raises(InvalidInputError) as caught:
        _plan(session_dir, path)
    assert caught.value.problems[0].startswith("ligne 7 : collège « inconnu » inconnu")


def test_tab_separated_utf16_unicode_text_export(session_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "inscrits.txt"
    path.write_bytes("Prénom\tNom\tCollège\r\nÉlodie\tRenaud\tcrèches\r\n".encode("utf-16"))
    plan = _plan(session_dir, path)
    assert [(p.full_name, p.group) for p in plan.added] == [("Élodie Renaud", "creches")]


def test_every_bad_row_is_reported_with_its_number(session_dir: Path) -> None:
    with pytest.raises(InvalidInputError) as caught:
        _plan(session_dir, "inscrits_erreurs.csv")
    error = caught.value
    assert "8 ligne(s) à corriger" in error.message
    assert "rien n'a été importé" in error.message
    rows = [problem.split(" : ", 1)[0] for problem in error.problems]
    assert rows == [f"ligne {n}" for n in (3, 4, 5, 6, 7, 9, 10, 11)]
    text = "\n".join(error.problems)
    assert "collège « élus » inconnu (collèges : demandeurs (Demandeurs d'emploi)" in text
    assert "rôle « chef de projet » inconnu" in text
    assert "« luc.bernard@ » n'est pas une adresse e-mail" in text
    assert "jour 3 : la session compte 2 jour(s)" in text
    assert "ligne 7 : prénom manquant" in text
    assert "figure déjà ligne 2 avec d'autres informations (Collège)" in text
    assert "consentement « peut-être » illisible" in text
    assert "ligne 11 : collège manquant" in text


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
    assert problem.startswith("ligne 2 : collège « inconnu » inconnu")
    assert "rôle « chef » inconnu" in problem and "jour 5" in problem


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
def _write(tmp_path: Path, text: str, name: str = "f.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_group_column(session_dir: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, "Prénom;Nom\nAnne;Dupuis\n")
    with pytest.raises(InvalidInputError) as caught:
        _plan(session_dir, path)
    assert "colonne « Collège » manquante" in caught.value.problems


def test_two_columns_for_the_same_field(session_dir: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, "Prénom;First name;Collège\nAnne;Anne;caf\n")
    with pytest.raises(InvalidInputError) as caught:
        _plan(session_dir, path)
    assert "deux colonnes pour « Prénom »" in caught.value.problems[0]


def test_no_header_row(session_dir: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, "a;b;c\n1;2;3\n")
    with pytest.raises(InvalidInputError, match="Prénom"):
        _plan(session_dir, path)


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


@pytest.mark.parametrize("name", ["inscrits.xls", "inscrits.ods"])
def test_old_or_other_spreadsheet_formats_are_refused(
    session_dir: Path, tmp_path: Path, name: str
) -> None:
    path = tmp_path / name
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    with pytest.raises(InvalidInputError, match=r"\.xlsx ou en \.csv"):
        _plan(session_dir, path)


def test_missing_and_corrupt_files(session_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="introuvable"):
        _plan(session_dir, tmp_path / "absent.csv")
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InvalidInputError, match="illisible"):
        _plan(session_dir, broken)


# -- ids -------------------------------------------------------------------------------------------
def test_explicit_id_taken_by_someone_else_is_a_bad_row(session_dir: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, "Id;Prénom;Nom;Collège\np001;Anne;Dupuis;caf\n")
    with pytest.raises(InvalidInputError) as caught:
        _plan(session_dir, path)
    assert "identifiant « p001 » déjà attribué à Hélène D." in caught.value.problems[0]


def test_explicit_id_twice_in_the_file(session_dir: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, "Id;Prénom;Collège\nx1;Anne;caf\nx1;Bruno;caf\nbad id;Chloé;caf\n")
    with pytest.raises(InvalidInputError) as caught:
        _plan(session_dir, path)
    assert caught.value.problems == [
        "ligne 3 : identifiant « x1 » déjà utilisé ligne 2",
        "ligne 4 : identifiant « bad id » non valide (lettres sans accent, chiffres, tirets)",
    ]


def test_generated_ids_continue_after_the_highest(session_dir: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, "Id;Prénom;Collège\np041;Anne;caf\n;Bruno;caf\n;Chloé;caf\n")
    plan = _plan(session_dir, path)
    assert [p.id for p in plan.added] == ["p041", "p042", "p043"]


def test_generated_ids_follow_two_digit_ids(session_dir: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, "Id;Prénom;Collège\np09;Anne;caf\n;Bruno;caf\n")
    assert [p.id for p in _plan(session_dir, path).added] == ["p09", "p10"]


# -- writing -------------------------------------------------------------------------------------
def test_import_appends_and_keeps_comments(session_dir: Path) -> None:
    folder = open_session(session_dir)
    plan = import_participants(folder, FIXTURES / "inscrits_excel_cp1252.csv", lang="fr")
    text = (session_dir / "session.yaml").read_text(encoding="utf-8")
    assert "# Déjà inscrite à la main par l'équipe du Lab." in text
    assert "- key: demandeurs  # parents demandeurs d'emploi" in text
    assert "days: [1, 2]" in text
    reloaded = open_session(session_dir).session
    assert [p.id for p in reloaded.participants] == [p.id for p in plan.participants]
    assert reloaded.participant("p002").first_name == "Hélène"
    assert folder.session == reloaded


def test_reimporting_the_same_file_changes_nothing(session_dir: Path) -> None:
    folder = open_session(session_dir)
    import_participants(folder, FIXTURES / "inscrits.xlsx")
    before = (session_dir / "session.yaml").read_bytes()
    plan = import_participants(open_session(session_dir), FIXTURES / "inscrits.xlsx")
    assert not plan.changed
    assert len(plan.skipped_existing) == 4
    assert (session_dir / "session.yaml").read_bytes() == before


def test_bad_file_leaves_session_yaml_byte_identical(session_dir: Path) -> None:
    before = (session_dir / "session.yaml").read_bytes()
    with pytest.raises(InvalidInputError):
        import_participants(open_session(session_dir), FIXTURES / "inscrits_erreurs.csv")
    assert (session_dir / "session.yaml").read_bytes() == before


def test_dry_run_writes_nothing(session_dir: Path) -> None:
    before = (session_dir / "session.yaml").read_bytes()
    plan = import_participants(
        open_session(session_dir), FIXTURES / "registrations_utf8_bom.csv", dry_run=True
    )
    assert len(plan.added) == 4
    assert (session_dir / "session.yaml").read_bytes() == before


def test_participants_key_is_created_after_groups(session_dir: Path) -> None:
    _without_participants(session_dir)
    import_participants(open_session(session_dir), FIXTURES / "registrations_utf8_bom.csv")
    text = (session_dir / "session.yaml").read_text(encoding="utf-8")
    assert text.index("groups:") < text.index("participants:") < text.index("days:")
    assert len(open_session(session_dir).session.participants) == 4


def test_empty_flow_list_becomes_a_block_list(session_dir: Path) -> None:
    _without_participants(session_dir)
    yaml_path = session_dir / "session.yaml"
    text = yaml_path.read_text(encoding="utf-8").replace("days:", "participants: []\ndays:", 1)
    yaml_path.write_text(text, encoding="utf-8")
    import_participants(open_session(session_dir), FIXTURES / "registrations_utf8_bom.csv")
    text = yaml_path.read_text(encoding="utf-8")
    assert "participants:\n  - id: c01\n" in text


def test_replace_keeps_ids_updates_details_and_removes_the_others(
    session_dir: Path, tmp_path: Path
) -> None:
    import_participants(open_session(session_dir), FIXTURES / "inscrits_excel_cp1252.csv")
    ids = {p.full_name: p.id for p in open_session(session_dir).session.participants}
    assert len(ids) == 8
    path = _write(
        tmp_path,
        "Prénom;Nom;Structure;Collège;Rôle;Courriel;Département;Consentement;Jours\n"
        # unchanged
        "Hélène;Martin;Caisse d'allocations familiales;CAF;hôte de table;"
        "helene.martin@caf.example;93;oui;1,2\n"
        # now consents and attends day 2 only
        "Hélène;Dubois;Conseil départemental;partenaires;;;93;oui;2\n"
        # new
        "Ousmane;Diallo;;demandeurs;;;93;;\n",
    )
    plan = import_participants(open_session(session_dir), path, replace=True)

    after = {p.full_name: p for p in open_session(session_dir).session.participants}
    assert set(after) == {"Hélène Dubois", "Hélène Martin", "Ousmane Diallo"}
    assert after["Hélène Martin"].id == ids["Hélène Martin"]
    assert after["Hélène Dubois"].id == "p001"
    assert after["Hélène Dubois"].consent_named is True
    assert after["Hélène Dubois"].days == [2]
    assert after["Ousmane Diallo"].id == "p009"  # never the id of someone removed
    assert [p.full_name for p in plan.kept] == ["Hélène Martin"]
    assert [p.full_name for p in plan.updated] == ["Hélène Dubois"]
    assert [p.full_name for p in plan.added] == ["Ousmane Diallo"]
    assert {p.full_name for p in plan.removed} == {
        "Sébastien Lefèvre", "Aïcha Benali", "Françoise Nguyen", "Jérôme Œillet",
        "Zoé Da Silva", "Mélanie Roux",
    }
    text = (session_dir / "session.yaml").read_text("utf-8")
    assert "# Déjà inscrite à la main" in text
    assert text.count("- id: ") == 3


BANNER_SESSION = """\
slug: banner
title: Banner
lab: Lab
groups:
  - key: caf
    label: CAF
participants:
  - id: p01
    first_name: Anne
    group: caf
  - id: p02
    first_name: Bruno
    group: caf{last_line}

# ─────────────
# Les jours
# ─────────────
days:
  - date: 2026-03-12
    agenda: []
"""


@pytest.mark.parametrize(
    "last_line",
    ["", "  # arrive à 10 h", "\n    days: [1]", "\n    days:\n      - 1"],
    ids=["plain", "end-of-line-comment", "flow-days", "block-days"],
)
def test_append_keeps_the_banner_above_the_next_key(tmp_path: Path, last_line: str) -> None:
    (tmp_path / "session.yaml").write_text(
        BANNER_SESSION.format(last_line=last_line), encoding="utf-8"
    )
    path = _write(tmp_path, "Prénom;Collège\nChloé;caf\n")
    import_participants(open_session(tmp_path), path)
    text = (tmp_path / "session.yaml").read_text(encoding="utf-8")
    expected = BANNER_SESSION.format(
        last_line=last_line + "\n  - id: p03\n    first_name: Chloé\n    group: caf"
    )
    assert text == expected


def test_replace_removing_the_last_entry_keeps_the_banner(tmp_path: Path) -> None:
    (tmp_path / "session.yaml").write_text(
        BANNER_SESSION.format(last_line="  # arrive à 10 h"), encoding="utf-8"
    )
    path = _write(tmp_path, "Prénom;Collège\nAnne;caf\n")
    import_participants(open_session(tmp_path), path, replace=True)
    text = (tmp_path / "session.yaml").read_text(encoding="utf-8")
    assert "Bruno" not in text
    assert "    group: caf\n\n# ─────────────\n# Les jours\n# ─────────────\ndays:" in text


def test_replace_refuses_to_drop_a_world_cafe_host(session_dir: Path, tmp_path: Path) -> None:
    yaml_path = session_dir / "session.yaml"
    text = yaml_path.read_text(encoding="utf-8").replace(
        "    end: \"17:00\"\n    agenda: []",
        "    end: \"17:00\"\n    agenda:\n"
        "      - id: cafe\n        title: World café\n        duration: 90\n"
        "        method:\n          type: world_cafe\n          questions: [Q1]\n"
        "          tables: 1\n          rounds: 3\n          hosts: [p001]\n",
        1,
    )
    yaml_path.write_text(text, encoding="utf-8")
    before = yaml_path.read_bytes()
    path = _write(tmp_path, "Prénom;Nom;Collège\nAnne;Dupuis;caf\n")
    with pytest.raises(InvalidInputError) as caught:
        import_participants(open_session(session_dir), path, replace=True, lang="fr")
    assert "remplacement refusé" in caught.value.message
    assert "p001" in caught.value.problems[0]
    assert yaml_path.read_bytes() == before
    # Appending the same file is fine.
    import_participants(open_session(session_dir), path)
    assert len(open_session(session_dir).session.participants) == 2


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


# -- robustness ----------------------------------------------------------------------------------
_NAME = st.text(
    alphabet=st.sampled_from(list("aeAEéèàçÉÏœß ôû-'\";,\t\x01\x7f\u00a0\n")),
    min_size=1,
    max_size=20,
).filter(lambda s: any(c.isalpha() for c in s))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    names=st.lists(_NAME, min_size=1, max_size=8),
    delimiter=st.sampled_from([";", ","]),
    encoding=st.sampled_from(["utf-8-sig", "utf-8", "cp1252"]),
)
def test_any_names_survive_a_csv_round_trip(
    tmp_path: Path, names: list[str], delimiter: str, encoding: str
) -> None:
    """Whatever the names (quotes, separators, control characters), each row comes back cleaned."""
    import csv
    import io
    import re

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["Prénom", "Nom", "Collège"])
    for n, name in enumerate(names):
        writer.writerow([name, f"Nom{n}", "caf"])
    path = tmp_path / "roundtrip.csv"
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    decoded = [name.encode(encoding, errors="replace").decode(encoding) for name in names]

    table = read_table(path)
    firsts = [cells[0] for _, cells in table.rows]
    expected = [
        re.sub(r"\s+", " ", re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", n)).strip()
        for n in decoded
    ]
    assert firsts == expected


def test_the_importer_imports_neither_typer_rich_nor_openpyxl_up_front() -> None:
    code = (
        "import sys, labkit.store.participants_import\n"
        "bad = {'typer', 'rich', 'textual', 'openpyxl'} & set(sys.modules)\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
