"""Correcting earlier entries in the live app: edit, delete, undo; note kinds; who recorded what."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.widgets import DataTable

from labkit.store.journal import Journal

from . import scenario


def labkit(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the real command line (a separate process, as on another laptop)."""
    return subprocess.run([sys.executable, "-m", "labkit", *map(str, args)],
                          capture_output=True, text=True, check=True, timeout=120)


def texts(table: DataTable, column: str = "text") -> list[str]:
    return [str(table.get_cell(row, column)) for row in table.rows]


async def open_cafe(app, pilot) -> None:
    await pilot.press("down", "down", "f3")
    await pilot.pause()
    assert type(app.screen).__name__ == "WorldCafeScreen"


async def test_an_idea_edited_in_the_cafe_shows_in_the_list_report_and_export(
    make_app, session_dir, tmp_path
):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n", *"Un guichet unqiue", "enter", *"Des permanences", "enter")
        ideas = app.screen.query_one("#ideas", DataTable)
        await pilot.press("escape", "up")  # the list, on the first idea
        assert ideas.cursor_row == 0
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert type(app.screen).__name__ == "FormScreen"
        await pilot.press("end", *["backspace"] * 6, *"unique", "enter")
        await pilot.pause()
        assert texts(ideas) == ["Un guichet unique", "Des permanences"]
    report = tmp_path / "report.md"
    labkit("report", session_dir, "--format", "md", "--out", report)
    content = report.read_text(encoding="utf-8")
    assert "Un guichet unique" in content and "unqiue" not in content
    labkit("export", session_dir, "--format", "json", "--out", tmp_path / "export")
    exported = "".join(p.read_text(encoding="utf-8")
                       for p in (tmp_path / "export").rglob("*.json"))
    assert "Un guichet unique" in exported
    with Journal.open(session_dir / "journal.db", device="check") as journal:
        types = [e.type for e in journal.events()]
    assert "contribution.edited" in types  # the typo stays in the journal, corrected
