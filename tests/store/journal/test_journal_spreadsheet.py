"""CSV for French and English Excel, and the XLSX workbook, read back as a spreadsheet would."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from labkit.store.examples import copy_example
from labkit.store.journal import Journal
from labkit.store.journal.spreadsheet import Dialect, default_dialect
from labkit.store.journal.tables import export_csv, export_xlsx
from labkit.store.session_folder import SessionFolder, open_session

NOW = dt.datetime(2027, 4, 8, 17, 0, tzinfo=dt.UTC)


@pytest.fixture
def cooperation(tmp_path: Path) -> SessionFolder:
    return open_session(copy_example("cooperation-territoriale", tmp_path / "sessions"))


def _export(folder: SessionFolder, out: Path, dialect: Dialect) -> Path:
    with Journal.open(folder.journal_path, device="test") as journal:
        export_csv(journal, out, NOW, dialect=dialect, session=folder.session)
    return out


def _rows(path: Path, delimiter: str) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


def test_french_excel_reads_columns_decimals_and_dates(cooperation: SessionFolder,
                                                       tmp_path: Path) -> None:
    assert default_dialect(cooperation.session) is Dialect.EXCEL_FR
    out = _export(cooperation, tmp_path / "fr", Dialect.EXCEL_FR)
    contributions = _rows(out / "contributions.csv", ";")
    header = contributions[0]
    assert header[:3] == ["Contribution (id)", "Type", "Texte"]
    assert all(len(row) == len(header) for row in contributions) and len(header) == 19
    kinds = {row[1] for row in contributions[1:]}
    assert kinds <= {"idée", "verbatim", "irritant", "enseignement", "ingrédient", "question",
                     "note"}
    kept = {row[header.index("Retenue")] for row in contributions[1:]}
    assert kept == {"oui", "non"}
    recorded = [row[header.index("Saisie le")] for row in contributions[1:]]
    # 09:05:46 UTC in April is 11:05:46 in Paris, written the way French Excel parses dates
    assert "08/04/2027 11:05:46" in recorded
    assert all(dt.datetime.strptime(v, "%d/%m/%Y %H:%M:%S") for v in recorded)
    blocks = _rows(out / "blocks.csv", ";")
    elapsed = [row[blocks[0].index("Durée (min)")] for row in blocks[1:]]
    assert any("," in value for value in elapsed)
    assert all(float(value.replace(",", ".")) >= 0 for value in elapsed)
    survey = _rows(out / "survey.csv", ";")
    assert "Collège" in survey[0]
    assert "reseau" not in survey[0]  # the survey's questions in words, not their keys
    groups = {g.label for g in cooperation.session.groups}
    assert {row[survey[0].index("Collège")] for row in survey[1:]} <= groups


def test_names_stand_beside_ids_only_with_consent(cooperation: SessionFolder,
                                                  tmp_path: Path) -> None:
    out = _export(cooperation, tmp_path / "fr", Dialect.EXCEL_FR)
    attendance = _rows(out / "attendance.csv", ";")
    header = attendance[0]
    assert header[1:3] == ["Participant·e (id)", "Nom"]
    session = cooperation.session
    vulnerable = {g.key for g in session.groups if g.vulnerable}
    for row in attendance[1:]:
        person = session.participant(row[1])
        named = person and person.consent_named and person.group not in vulnerable
        assert row[2] == (person.full_name if named else "")
    assert {row[3] for row in attendance[1:]} <= {"présent·e", "parti·e", "absent·e"}


def test_english_excel_and_plain_rfc4180(cooperation: SessionFolder, tmp_path: Path) -> None:
    english = _rows(_export(cooperation, tmp_path / "en", Dialect.EXCEL_EN)
                    / "contributions.csv", ",")
    assert english[0][:2] == ["Contribution id", "Kind"]
    recorded = english[1][english[0].index("Recorded at")]
    assert dt.datetime.strptime(recorded, "%Y-%m-%d %H:%M:%S")
    plain = _rows(_export(cooperation, tmp_path / "raw", Dialect.RFC4180)
                  / "contributions.csv", ",")
    assert plain[0][:2] == ["contribution_id", "kind"]
    assert dt.datetime.fromisoformat(plain[1][plain[0].index("recorded_at")]).tzinfo


FORMULAS = ["=HYPERLINK(\"http://x\")", "+33 6 12", "-2+3", "@SUM(A1)"]  # tab/CR: cleaned on input


def test_formulas_are_neutralised_in_csv_and_xlsx(journal: Journal, tmp_path: Path) -> None:
    for text in FORMULAS:
        journal.add_contribution(text, kind="idea")
    journal.add_contribution("- une idée en tiret", kind="idea")
    for dialect, delimiter in ((Dialect.EXCEL_FR, ";"), (Dialect.RFC4180, ",")):
        export_csv(journal, tmp_path / dialect.value, NOW, dialect=dialect)
        rows = _rows(tmp_path / dialect.value / "contributions.csv", delimiter)
        texts = [row[2] for row in rows[1:]]
        assert texts == ["'" + text for text in FORMULAS] + ["'- une idée en tiret"]


def test_xlsx_sheets_typed_cells_frozen_filtered_header(cooperation: SessionFolder,
                                                        tmp_path: Path) -> None:
    with Journal.open(cooperation.journal_path, device="test") as journal:
        journal.add_contribution("=1+1", kind="idea")
        journal.add_contribution("-2+3", kind="idea")
        path = export_xlsx(journal, tmp_path / "xlsx", cooperation.session, NOW)
    workbook = load_workbook(path)
    assert workbook.sheetnames[:3] == ["Contributions", "Regroupements", "Idées retenues"]
    assert "Présences" in workbook.sheetnames and len(workbook.sheetnames) == 15
    sheet = workbook["Contributions"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref.startswith("A1:")
    header = [cell.value for cell in sheet[1]]
    recorded = sheet.cell(2, header.index("Saisie le") + 1)
    assert isinstance(recorded.value, dt.datetime) and recorded.is_date
    assert recorded.value.tzinfo is None  # local Paris time: spreadsheets have no zones
    dots = sheet.cell(2, header.index("Gommettes") + 1).value
    assert isinstance(dots, int)
    formulas = [row[2] for row in sheet.iter_rows(min_row=2) if row[2].value in ("=1+1", "-2+3")]
    assert len(formulas) == 2
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in formulas)
    blocks = workbook["Séquences"]
    column = [c.value for c in blocks[1]].index("Durée (min)") + 1
    assert all(isinstance(blocks.cell(r, column).value, float)
               for r in range(2, blocks.max_row + 1))
