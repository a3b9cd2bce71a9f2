"""Reading what French Excel writes: encodings, separators, CSV and XLSX, header rows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from participants_helpers import FIXTURES, _by_name, _plan, _without_participants, _write

from labkit.errors import InvalidInputError
from labkit.model import Role
from labkit.store.participants import decode_text, read_table, sniff_delimiter


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
    assert "colonnes non importées\u00a0: Téléphone" in messages
    assert any("ligne 12\u00a0: doublon de la ligne 6" in m for m in messages)
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
    assert plan.notices == []  # "Fonction" is now read into the sign-in sheet's column
    assert {p.function for p in plan.added} - {None}


def test_a_combined_name_column_is_split_into_surname_and_first_name(
    session_dir: Path, tmp_path: Path
) -> None:
    source = _write(tmp_path, "Nom, prénom;Collège;Fonction / qualité\n"
                      "DURAND Hélène;Caisse d'allocations familiales;Conseillère\n"
                      "Anne-Marie LE GALL;Caisse d'allocations familiales;Directrice\n")
    plan = _plan(session_dir, source)
    names = [(p.last_name, p.first_name, p.function) for p in plan.added]
    assert names == [("DURAND", "Hélène", "Conseillère"), ("LE GALL", "Anne-Marie", "Directrice")]


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
    assert caught.value.problems[0].startswith("ligne 7\u00a0: collège «\u00a0inconnu\u00a0»"
                                                " inconnu")


def test_tab_separated_utf16_unicode_text_export(session_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "inscrits.txt"
    path.write_bytes("Prénom\tNom\tCollège\r\nÉlodie\tRenaud\tcrèches\r\n".encode("utf-16"))
    plan = _plan(session_dir, path)
    assert [(p.full_name, p.group) for p in plan.added] == [("Élodie Renaud", "creches")]


def test_no_header_row(session_dir: Path, tmp_path: Path) -> None:
    path = _write(tmp_path, "a;b;c\n1;2;3\n")
    with pytest.raises(InvalidInputError, match="Prénom"):
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
        "import sys, labkit.store.participants\n"
        "bad = {'typer', 'rich', 'textual', 'openpyxl'} & set(sys.modules)\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
