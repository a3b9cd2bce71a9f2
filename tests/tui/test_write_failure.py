"""A write the journal cannot make (full disk, read-only or locked journal) loses nothing typed:
the text stays on screen, the message says why, and Enter records it once the cause is gone.

The failures are real SQLite failures on the app's own connection, which work as root too
(chmod does not stop root): ``PRAGMA max_page_count`` at the journal's size is a full disk
(SQLITE_FULL), ``PRAGMA query_only`` a read-only journal (SQLITE_READONLY), a write transaction
held by another connection a locked one (SQLITE_BUSY).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input

from labkit.errors import StorageError
from labkit.methods.plenary import note_event
from labkit.store.journal import Journal
from labkit.tui.app import LabkitApp
from labkit.tui.widgets.capture.capture_bar import CaptureBar


def connection(app: LabkitApp) -> sqlite3.Connection:
    return app.live.journal._db.connection


@contextmanager
def disk_full(app: LabkitApp) -> Iterator[str]:
    """The journal may not grow by one page: filled with notes until SQLite says it is full."""
    db = connection(app)
    pages = db.execute("PRAGMA page_count").fetchone()[0]
    db.execute(f"PRAGMA max_page_count = {pages}")
    block = app.live.block("ouverture")
    with pytest.raises(StorageError):
        for _ in range(10_000):
            app.live.journal.record(note_event(block, "x", "note"))
    yield "Disque plein"
    db.execute("PRAGMA max_page_count = 1073741823")


@contextmanager
def read_only(app: LabkitApp) -> Iterator[str]:
    connection(app).execute("PRAGMA query_only = ON")
    yield "lecture seule"
    connection(app).execute("PRAGMA query_only = OFF")


@contextmanager
def locked(app: LabkitApp) -> Iterator[str]:
    """Another program holds the journal's write lock (the app gives up after its retries)."""
    connection(app).execute("PRAGMA busy_timeout = 0")
    other = sqlite3.connect(app.live.journal.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield "occupé par un autre programme"
    other.execute("ROLLBACK")
    other.close()


FAILURES: dict[str, Callable[[LabkitApp], contextmanager]] = {
    "disk_full": disk_full, "read_only": read_only, "locked": locked,
}


def texts(session_dir: Path) -> list[str]:
    with Journal.open(session_dir / "journal.db", device="check") as journal:
        return [c.text for c in journal.state().contributions.values() if c.text != "x"]


def last_error(app: LabkitApp) -> str:
    return " ".join(list(app._notifications)[-1].message.split())


@pytest.mark.parametrize("failure", ["disk_full", "read_only", "locked"])
async def test_a_note_the_journal_cannot_write_stays_in_the_line(make_app, session_dir, failure):
    app = make_app()
    async with app.run_test() as pilot:
        app.open_block("ouverture")
        await pilot.pause()
        bar = app.screen.query_one(CaptureBar)
        with FAILURES[failure](app) as cause:
            await pilot.press(*"Merci d'etre venus", "enter")
            assert bar.input.value == "Merci d'etre venus"
            assert cause in last_error(app) and "reste à l'écran" in last_error(app)
        await pilot.press("enter")
        assert bar.input.value == ""
    assert texts(session_dir) == ["Merci d'etre venus"]


def burst(field: Input, keys: str) -> None:
    """Keys reaching the line faster than entries are written (a paste, a fast typist): all are
    in its queue before the first Enter's entry reaches the screen."""
    for key in keys:
        field.post_message(events.Key("enter", None) if key == "\n" else events.Key(key, key))


async def test_entries_typed_while_one_fails_wait_their_turn(make_app, session_dir):
    app = make_app()
    async with app.run_test() as pilot:
        app.open_block("ouverture")
        await pilot.pause()
        bar = app.screen.query_one(CaptureBar)
        with read_only(app):
            burst(bar.input, "un\ndeux\ntr")
            await pilot.pause()
            assert bar.input.value == "tr" and bar.unsaved == ["un", "deux"]
            assert "2 non enregistrée" in str(bar.query_one(".capture-context").render())
            bar.input.value = ""  # the facilitator erases what they were typing
            await pilot.press("enter")  # an empty Enter brings the first one back
            assert bar.input.value == "un" and bar.unsaved == ["deux"]
            assert "1 non enregistrée" in str(bar.query_one(".capture-context").render())
        await pilot.press("enter")
        assert bar.input.value == "deux"
        await pilot.press("enter")
        assert bar.input.value == "" and not bar.unsaved
    assert texts(session_dir) == ["un", "deux"]


async def test_a_cafe_idea_is_kept_on_a_full_disk(make_app, session_dir):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_block("cafe")
        await pilot.pause()
        await pilot.press("ctrl+n")
        bar = app.screen.query_one(CaptureBar)
        with disk_full(app):
            await pilot.press(*"Un guichet unique", "enter")
            assert bar.input.value == "Un guichet unique"
        await pilot.press("enter")
    assert texts(session_dir) == ["Un guichet unique"]


async def test_a_commitment_form_stays_open_with_its_fields(make_app, session_dir):
    app = make_app(day=2)
    async with app.run_test(size=(120, 30)) as pilot:
        app.open_block("engagements")
        await pilot.pause()
        await pilot.press("n")
        await pilot.press(*"Un guichet commun", "enter", *"Karim", "enter", "enter")
        await pilot.press(*"06/2027", "enter", "enter")
        with read_only(app):
            await pilot.press(*"59", "enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "FormScreen"
            assert app.screen.query_one("#field-what").value == "Un guichet commun"
            assert "lecture seule" in last_error(app)
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert type(app.screen).__name__ == "CommitmentsScreen"
    with Journal.open(session_dir / "journal.db", device="check") as journal:
        assert [c.what for c in journal.state().commitments.values()] == ["Un guichet commun"]


async def test_a_check_in_search_stays_typed(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f4")
        with read_only(app):
            await pilot.press(*"veron", "enter")
            assert app.screen.query_one("#who").value == "veron"
            assert app.live.state.present(1) == []
        await pilot.press("enter")
        assert app.live.state.present(1) == ["p13"]
        assert app.screen.query_one("#who").value == ""


async def test_vote_dots_stay_typed_on_the_same_idea(make_app):
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        app.open_block("vote")
        await pilot.pause()
        await pilot.press("i", "A", "enter", "B", "enter", "escape")
        table = app.screen.query_one("#candidates")
        table.move_cursor(row=0)
        with read_only(app):
            await pilot.press("1", "2", "enter")
            assert app.screen.pending == "12" and table.cursor_row == 0
        await pilot.press("enter")
        assert app.live.state.vote_totals(block_id="vote") == {"c1": 12}


def test_the_start_check_names_a_read_only_journal_or_a_full_disk(session_dir):
    with Journal.open(session_dir / "journal.db", device="test") as journal:
        journal.check_writable()
        journal._db.connection.execute("PRAGMA query_only = ON")
        with pytest.raises(StorageError, match="lecture seule"):
            journal.check_writable()
        journal._db.connection.execute("PRAGMA query_only = OFF")
        with pytest.raises(StorageError, match="Disque presque plein"):
            journal.check_writable(min_free=2**62)  # more than any disk has
        assert journal.last_id == 0  # the probe wrote nothing
