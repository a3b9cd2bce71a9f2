"""The SQLite file: pragmas, append-only rows, schema versions, every way the disk can refuse."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from labkit.errors import InvalidInputError, StorageError
from labkit.i18n import set_ui_language
from labkit.store.journal import Journal, schema
from labkit.store.journal import database as database_module


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def _filled(folder: Path, count: int = 3) -> Path:
    with Journal.open(folder, device="test") as journal:
        for number in range(count):
            journal.add_contribution(f"idée {number}")
    return folder / "journal.db"


def test_pragmas_and_markers(journal: Journal) -> None:
    connection = journal._db.connection
    pragma = lambda name: connection.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") == database_module.BUSY_TIMEOUT_MS
    assert pragma("user_version") == schema.SCHEMA_VERSION
    assert pragma("application_id") == schema.APPLICATION_ID
    assert journal.integrity_check() == []


def test_events_are_append_only_even_through_raw_sql(session_dir: Path) -> None:
    path = _filled(session_dir)
    with contextlib.closing(_raw(path)) as connection:
        for statement in ("UPDATE events SET type = 'x'", "DELETE FROM events"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                connection.execute(statement)
    with Journal.open(path) as journal:
        assert len(journal.events()) == 3


def test_journal_opens_from_its_folder_or_path_and_reports_missing_ones(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="does not exist"):
        Journal.open(tmp_path / "nowhere" / "journal.db")
    with pytest.raises(InvalidInputError, match="No journal"):
        Journal.open(tmp_path / "journal.db", create=False)
    (tmp_path / "empty.db").write_bytes(b"")  # labkit never leaves one: not a journal
    with pytest.raises(StorageError, match="empty \\(0 bytes\\)"):
        Journal.open(tmp_path / "empty.db")
    assert (tmp_path / "empty.db").read_bytes() == b""


def test_a_journal_from_a_newer_labkit_is_refused_untouched(session_dir: Path) -> None:
    path = _filled(session_dir)
    with contextlib.closing(_raw(path)) as connection:
        connection.execute("PRAGMA user_version = 99")
    before = _digest(path)
    with pytest.raises(StorageError, match="newer labkit \\(schema 99"):
        Journal.open(path)
    assert _digest(path) == before


@pytest.mark.parametrize("content", [b"hello, world\n", b"\x89PNG\r\n\x1a\n" + bytes(5000)])
def test_a_file_that_is_not_sqlite_is_refused_untouched(session_dir: Path, content: bytes) -> None:
    path = session_dir / "journal.db"
    path.write_bytes(content)
    with pytest.raises(StorageError, match="not an SQLite database"):
        Journal.open(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in session_dir.iterdir()) == ["journal.db"]


def test_an_sqlite_file_of_another_program_is_refused_untouched(session_dir: Path) -> None:
    path = session_dir / "journal.db"
    with contextlib.closing(_raw(path)) as connection:
        connection.execute("CREATE TABLE customers (name TEXT)")
    before = _digest(path)
    with pytest.raises(StorageError, match="not a labkit journal"):
        Journal.open(path)
    assert _digest(path) == before


def test_a_damaged_journal_is_reported(session_dir: Path) -> None:
    path = _filled(session_dir, count=400)
    data = bytearray(path.read_bytes())
    page = 4096
    data[2 * page : 4 * page] = os.urandom(2 * page)
    path.write_bytes(bytes(data))
    # opening no longer scans the whole file (issue 16: O(1) in its size); the damage shows on
    # reading a damaged page, and always in the full check (`labkit check`, before an export)
    try:
        journal = Journal.open(path)
    except StorageError:
        return
    with journal:
        try:
            problems = journal.integrity_check()
        except StorageError:
            return
        assert problems != []


def test_megabytes_of_text_are_refused_and_the_journal_is_intact(journal: Journal) -> None:
    journal.add_contribution("avant")
    with pytest.raises(InvalidInputError) as caught:
        journal.add_contribution("x" * 3_000_000)
    assert caught.value.problems == ["text: text of 3000000 characters, at most 20000"]
    assert [c.text for c in journal.state().contributions.values()] == ["avant"]
    assert journal.add_contribution("après") == "c2"


def test_errors_are_in_french_too(journal: Journal) -> None:
    set_ui_language("fr")
    with pytest.raises(InvalidInputError) as caught:
        journal.vote("c1")
    assert "Événement «\u00a0vote.cast\u00a0» refusé" in str(caught.value)
    assert "c1 n'est ni une contribution ni un regroupement existant" in str(caught.value)


def test_a_full_disk_gives_a_clear_error_and_loses_nothing(journal: Journal) -> None:
    kept = [journal.add_contribution(f"idée {n} " + "x" * 3000) for n in range(5)]
    connection = journal._db.connection
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")  # no room left in the file
    with pytest.raises(StorageError, match="Disk full: nothing was written"):
        for _ in range(50):
            journal.add_contribution("y" * 5000)
    written = list(journal.state().contributions)
    assert written[:5] == kept
    assert journal.integrity_check() == []
    connection.execute("PRAGMA max_page_count = 1073741823")  # space freed
    journal.add_contribution("après")
    with Journal.open(journal.path) as again:
        assert list(again.state().contributions) == list(journal.state().contributions)


def test_a_failed_commit_leaves_neither_the_row_nor_the_state(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.add_contribution("avant")

    class FailingCommit:
        def __init__(self, real: sqlite3.Connection) -> None:
            self.real = real

        def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
            if sql == "COMMIT":
                raise sqlite3.OperationalError("database or disk is full")
            return self.real.execute(sql, *args)

        def __getattr__(self, name: str) -> object:
            return getattr(self.real, name)

    real = journal._db.connection
    monkeypatch.setattr(journal._db, "connection", FailingCommit(real))
    with pytest.raises(StorageError, match="Disk full"):
        journal.add_contribution("perdue")
    monkeypatch.setattr(journal._db, "connection", real)
    assert [c.text for c in journal.state().contributions.values()] == ["avant"]
    assert journal.add_contribution("après") == "c2"
    with Journal.open(journal.path) as again:
        assert [c.text for c in again.state().contributions.values()] == ["avant", "après"]


def test_a_read_only_folder_gives_a_clear_error(
    session_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _filled(session_dir)
    before = _digest(path)
    real_connect = sqlite3.connect

    def read_only_connect(target: object, *args: object, **kwargs: object) -> sqlite3.Connection:
        kwargs["uri"] = True
        return real_connect(Path(str(target)).resolve().as_uri() + "?mode=ro", *args, **kwargs)

    # the tests may run as root, for whom chmod does not forbid anything: make SQLite's
    # connection read-only instead, as a read-only folder or medium does
    monkeypatch.setattr(database_module.sqlite3, "connect", read_only_connect)
    with pytest.raises(StorageError, match="read-only"), Journal.open(path) as journal:
        journal.add_contribution("impossible")
    monkeypatch.undo()
    assert _digest(path) == before
    with Journal.open(path) as journal:
        assert len(journal.events()) == 3


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_really_read_only_folder(session_dir: Path) -> None:
    session_dir.chmod(0o500)
    try:
        with (
            pytest.raises((StorageError, InvalidInputError)),
            Journal.open(session_dir) as journal,
        ):
            journal.add_contribution("impossible")
    finally:
        session_dir.chmod(0o700)


def test_reading_only(session_dir: Path) -> None:
    path = _filled(session_dir)
    with Journal.open(path, readonly=True) as journal:
        assert len(journal.state().contributions) == 3
        with pytest.raises(StorageError, match="open read-only"):
            journal.add_contribution("non")


def test_a_busy_journal_waits_for_the_other_writer(journal: Journal) -> None:
    other = sqlite3.connect(journal.path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    release.start()
    started = time.monotonic()
    journal.add_contribution("attendu")
    assert time.monotonic() - started >= 0.25
    release.join()
    other.close()


def test_a_journal_locked_for_too_long_gives_a_clear_error(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal._db.connection.execute("PRAGMA busy_timeout = 20")
    monkeypatch.setattr(database_module, "BEGIN_RETRIES", 2)
    with contextlib.closing(_raw(journal.path)) as other:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(StorageError, match="busy"):
            journal.add_contribution("bloqué")
        other.execute("ROLLBACK")
    journal.add_contribution("débloqué")
    assert len(journal.events()) == 1


def test_migrations_upgrade_an_older_journal_and_keep_a_backup(
    session_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _filled(session_dir)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(schema.MIGRATIONS, 2, ("CREATE INDEX events_by_type ON events(type)",))
    with pytest.raises(StorageError, match="must be upgraded"):
        Journal.open(path, readonly=True)
    with Journal.open(path) as journal:
        assert len(journal.events()) == 3
        connection = journal._db.connection
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 2
        indexes = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'events_by_type'"
        ).fetchall()
        assert indexes == [("events_by_type",)]
    backup = session_dir / "journal.db.v1.bak"
    with contextlib.closing(_raw(backup)) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
        assert old.execute("SELECT count(*) FROM events").fetchone()[0] == 3


def test_an_unreadable_stored_event_is_reported(session_dir: Path) -> None:
    path = _filled(session_dir, count=1)
    with contextlib.closing(_raw(path)) as connection:
        connection.execute(schema.INSERT_EVENT, ("00000000-0000-4000-8000-000000000000",
                                                 "2026-03-12T08:00:00+00:00", "x", None,
                                                 "vote.cast", '{"dots": "many"}'))  # fmt: skip
    with pytest.raises(StorageError, match="Event #2 \\(vote.cast\\)"):
        Journal.open(path)


def test_other_writers_events_are_read_before_the_write_lock(session_dir: Path) -> None:
    """A writer that is behind (the live app while phones post) reads the others' events before
    taking SQLite's write lock, so that it holds the lock for its own rows only."""
    with Journal.open(session_dir, device="laptop") as mine, \
         Journal.open(session_dir, device="server") as server:  # fmt: skip
        server.record_many([{"type": "contribution.added", "kind": "note", "text": f"n{n}"}
                            for n in range(50)])  # fmt: skip
        inside: list[int] = []
        database = mine._db
        begin = database._begin

        def counting_begin() -> None:
            begin()
            inside.append(0)

        catch_up = mine._catch_up

        def counting_catch_up() -> int:
            read = catch_up()
            if inside:
                inside[-1] += read
            return read

        database._begin = counting_begin  # type: ignore[method-assign]
        mine._catch_up = counting_catch_up  # type: ignore[method-assign]
        mine.record_many([{"type": "contribution.added", "kind": "note", "text": "la mienne"}])
        assert inside == [0]  # nothing left to read once the lock was taken
        assert len(mine.state().contributions) == 51
