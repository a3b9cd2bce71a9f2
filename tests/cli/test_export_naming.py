"""`labkit export` through the naming guard (issue 15): CSV, XLSX and JSON hold no name of
someone who may not be named, unless `--raw` asks for the complete copy."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from labkit.cli.app import app
from labkit.store.journal import Journal

LEAKS = ("Lefort", "julie.lefort@example.org", "a.b@ailleurs.fr")


def run(*args: str | Path) -> Any:
    return CliRunner().invoke(app, ["--lang", "fr", *map(str, args)], env={"NO_COLOR": "1"})


@pytest.fixture
def session(write_session: Callable[..., Path], session_data: dict[str, Any]) -> Path:
    session_data["participants"][2].update(last_name="Lefort",  # Julie, job seeker
                                           email="julie.lefort@example.org")  # fmt: skip
    root = write_session(session_data, folder="garde-enfants").parent
    with Journal.open(root / "journal.db", device="test") as journal:
        journal.add_contribution("Idée de Mme Lefort\n(julie.lefort@example.org)",
                                 block_id="cafe", author="Lefort")  # fmt: skip
        journal.record({"type": "commitment.added", "what": "Ouvrir dix places",
                        "owner_person": "Julie Lefort", "owner_organisation": "Org"})
        journal.record({"type": "survey.answered", "group": "cons", "scores": {"utilite": 4},
                        "comment": "Écrire à a.b@ailleurs.fr"})  # fmt: skip
    return root


def _all_text(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8-sig") for p in sorted(folder.glob("*.csv")))


def test_csv_export_masks_names_in_every_table_and_the_history(session: Path,
                                                               tmp_path: Path) -> None:  # fmt: skip
    result = run("export", session, "--format", "csv", "--out", tmp_path / "csv")
    assert result.exit_code == 0, result.output
    text = _all_text(tmp_path / "csv")
    for leak in LEAKS:
        assert leak not in text, leak
    assert "Idée de Participant·e 3" in text and "Participant·e 3" in text
    assert "Masqués par le garde-nom\u00a0: 3 noms, 2 adresses e-mail" in result.output


def test_json_export_masks_names_and_raw_keeps_everything(session: Path, tmp_path: Path) -> None:
    assert run("export", session, "--out", tmp_path / "json").exit_code == 0
    document = (tmp_path / "json" / "journal.json").read_text(encoding="utf-8")
    for leak in LEAKS:
        assert leak not in document, leak
    events = json.loads(document)["events"]
    assert events[0]["payload"]["block_id"] == "cafe"  # identifiers are kept as they are
    result = run("export", session, "--raw", "--out", tmp_path / "raw")
    assert result.exit_code == 0 and "garde-nom" not in result.output
    raw = (tmp_path / "raw" / "journal.json").read_text(encoding="utf-8")
    assert all(leak in raw for leak in LEAKS)


def test_xlsx_export_masks_names(session: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    assert run("export", session, "--format", "xlsx", "--out", tmp_path / "x").exit_code == 0
    (path,) = (tmp_path / "x").glob("*.xlsx")
    cells = [str(c.value) for sheet in load_workbook(path) for row in sheet.iter_rows()
             for c in row if c.value is not None]  # fmt: skip
    text = "\n".join(cells)
    assert "Idée de Participant·e 3" in text
    for leak in LEAKS:
        assert leak not in text, leak
