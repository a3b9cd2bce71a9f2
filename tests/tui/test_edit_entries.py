"""Correcting earlier entries in the live app: edit, delete, undo; note kinds; who recorded what."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.widgets import DataTable

from labkit.store.journal import Journal

from . import scenario
from .test_prototype import BLOCK as PROTOTYPES


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
    assert "corrigé" in content  # the annex says the entry was corrected
    labkit("export", session_dir, "--format", "json", "--out", tmp_path / "export")
    exported = "".join(p.read_text(encoding="utf-8")
                       for p in (tmp_path / "export").rglob("*.json"))
    assert "Un guichet unique" in exported
    with Journal.open(session_dir / "journal.db", device="check") as journal:
        types = [e.type for e in journal.events()]
    assert "contribution.edited" in types  # the typo stays in the journal, corrected


async def test_dots_removed_change_the_tally_and_ctrl_z_gives_them_back(make_app, clock):
    app = make_app()
    scenario.morning(app.live, clock)
    scenario.vote(app.live, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_block("vote")
        await pilot.pause()
        table = app.screen.query_one("#candidates", DataTable)
        item = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

        def dots() -> int:
            return app.screen.tally().totals.get(item, 0)

        before = dots()
        await pilot.press("3", "enter")
        assert dots() == before + 3
        table.move_cursor(row=[str(k.value) for k in table.rows].index(item))
        await pilot.press("x")  # the last dots given to this idea
        await pilot.pause()
        assert dots() == before
        assert str(table.get_cell(item, "dots")) == str(before)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert dots() == before + 3


async def test_an_edit_then_ctrl_z_restores_the_text(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n", *"Premiere idee", "enter")
        ideas = app.screen.query_one("#ideas", DataTable)
        await pilot.press("ctrl+e")  # from the capture line: the idea under the list's cursor
        await pilot.pause()
        await pilot.press("ctrl+u", *"Idée corrigée", "enter")
        await pilot.pause()
        assert texts(ideas) == ["Idée corrigée"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert texts(ideas) == ["Premiere idee"]
        assert [c.text for c in app.live.state.contributions.values()] == ["Premiere idee"]


async def test_a_deleted_idea_asks_once_leaves_the_list_and_comes_back_with_ctrl_z(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n", *"Garder", "enter", *"Doublon", "enter")
        ideas = app.screen.query_one("#ideas", DataTable)
        await pilot.press("escape", "delete")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("n")  # no: nothing happens
        await pilot.pause()
        assert texts(ideas) == ["Garder", "Doublon"]
        await pilot.press("delete", "o")
        await pilot.pause()
        assert texts(ideas) == ["Garder"]
        assert [c.text for c in app.live.state.contributions.values()] == ["Garder"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert texts(ideas) == ["Garder", "Doublon"]


async def test_a_team_note_from_another_laptop_shows_under_its_team_with_its_source(
    make_app, session_dir
):
    path = session_dir / "session.yaml"
    marker = "  - date: 2027-03-17\n"
    path.write_text(path.read_text(encoding="utf-8").replace(marker, PROTOTYPES + marker, 1),
                    encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_block("prototypes")
        await pilot.pause()
        await pilot.press("ctrl+n")  # the test runs: a note without --block goes to it
        await pilot.pause()
        labkit("note", session_dir, "Garde : le formulaire fait peur", "--team", "Garde",
               "--device", "pc-marie", "--by", "Marie")
        app.poll()
        await pilot.press("down")  # team 2, Garde
        await pilot.pause()
        feedback = app.screen.query_one("#proto-feedback", DataTable)
        assert texts(feedback) == ["Garde : le formulaire fait peur"]
        assert texts(feedback, "source") == ["pc-marie·Marie"]
    with Journal.open(session_dir / "journal.db", device="check") as journal:
        record = journal.events(types=["contribution.added"])[-1]
    assert (record.device, record.recorder) == ("pc-marie", "Marie")
    assert record.event.block_id == "prototypes"


async def test_note_kinds_are_chosen_explicitly_and_always_shown(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_block("ouverture")
        await pilot.pause()
        strip = app.screen.query_one("#kinds")
        assert "2 verbatim" in str(strip.render()) and "3 question" in str(strip.render())
        await pilot.press("ctrl+t")
        assert strip.choosing and "chiffre" in str(strip.render())
        await pilot.press("3", *"Et apres ?", "enter")  # question, by its number
        assert strip.current == "question" and not strip.choosing
        await pilot.press(*"Et demain ?", "enter")  # it stays chosen
        await pilot.press(*"3 personnes", "enter")  # a digit without Ctrl+T is text
        await pilot.press("ctrl+t", "x", *"yz", "enter")  # not a kind's digit: text, unchanged
        await pilot.press("ctrl+t", "2", *"On avance", "enter", "ctrl+t", "1", *"Un mot", "enter")
        assert strip.current == "note" and not strip.choosing
        notes = app.screen.query_one("#notes", DataTable)
        assert texts(notes, "source") == ["ici"] * 6
    kinds = [(c.text, c.kind) for c in app.live.state.contributions.values()]
    assert kinds == [("Et apres ?", "question"), ("Et demain ?", "question"),
                     ("3 personnes", "question"), ("xyz", "question"), ("On avance", "quote"),
                     ("Un mot", "note")]


async def test_a_burst_after_the_kind_key_loses_nothing(make_app):
    """Keys sent faster than the screen handles them: the digit picks the kind, the rest is
    the note, Enter included."""
    from textual import events

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_block("ouverture")
        await pilot.pause()
        chars = {"enter": "\r", "ctrl+t": "\x14"}
        for key in ["A", "enter", "ctrl+t", "3", "B", "enter", "ctrl+t", "2", "C", "enter"]:
            app.post_message(events.Key(key, chars.get(key, key)))
        for _ in range(4):
            await pilot.pause()
    assert [(c.text, c.kind) for c in app.live.state.contributions.values()] == [
        ("A", "note"), ("B", "question"), ("C", "quote")]


async def test_a_questionnaire_line_and_a_closing_word_are_corrected_and_deleted(make_app):
    app = make_app(day=2)
    async with app.run_test(size=(120, 30)) as pilot:
        app.open_block("cloture")
        await pilot.pause()
        await pilot.press(*"1 5 4 tres utile", "enter", *"cons 2 2", "enter")
        answers = app.screen.query_one("#responses", DataTable)
        assert texts(answers) == ["1 5 4 tres utile", "2 2 2"]
        await pilot.press("ctrl+e")  # the last questionnaire: 2 2 was meant 2 3
        await pilot.pause()
        await pilot.press("end", "backspace", "3", "enter")
        await pilot.pause()
        assert texts(answers) == ["1 5 4 tres utile", "2 2 3"]
        assert app.screen.closing().means["conseillers"]["utilite"] == (3.0, 1)
        await pilot.press("escape", "up", "delete", "o")  # the first one was a test sheet
        await pilot.pause()
        assert texts(answers) == ["2 2 3"]
        assert "demandeurs" not in app.screen.closing().counts
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert texts(answers) == ["1 5 4 tres utile", "2 2 3"]
        await pilot.press("ctrl+t", *"Confainace", "enter", "ctrl+e")
        await pilot.pause()
        await pilot.press("ctrl+u", *"Confiance", "enter")
        await pilot.pause()
        assert texts(app.screen.query_one("#words", DataTable)) == ["Confiance"]
        await pilot.press("ctrl+z")  # the correction as a whole
        await pilot.pause()
        assert [w.text for w in app.live.state.closing_words.values()] == ["Confainace"]


async def test_a_journey_step_is_deleted_after_one_question_and_comes_back(make_app):
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        app.open_block("parcours")
        await pilot.pause()
        await pilot.press("right", "ctrl+e", *"Appelle la CAF", "enter")  # Ctrl+E edits too
        await pilot.pause()
        [step] = app.live.state.steps.values()
        assert step.actions == ("Appelle la CAF",)
        await pilot.press("delete")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("o")
        await pilot.pause()
        assert app.live.state.steps == {}
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [s.actions for s in app.live.state.steps.values()] == [("Appelle la CAF",)]


async def test_up_then_ctrl_e_in_one_burst_on_the_list_corrects_the_row_up_reached(make_app):
    """« Échap ↑ Ctrl+E » typed at once on the café's list (seen at 120×40 on the notes): the
    form opens on the first idea, where ↑ went (Ctrl+E, a priority binding, acted as it
    arrived, before ↑ had moved the cursor, and corrected the last entry instead)."""
    from textual import events

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await open_cafe(app, pilot)
        await pilot.press("ctrl+n", *"Un guichet unqiue", "enter", *"Des permanences", "enter")
        await pilot.press("escape")
        await pilot.pause()
        for key, char in (("up", None), ("ctrl+e", "\x05")):
            app.post_message(events.Key(key, char))
        for _ in range(6):
            await pilot.pause()
        assert type(app.screen).__name__ == "FormScreen"
        assert app.screen.query_one("Input").value == "Un guichet unqiue"

