"""SQLite connection handling for the journal: pragmas, checks on opening, safe write transactions.

Every connection uses WAL, ``synchronous=FULL`` (a committed event survives a power cut),
``foreign_keys=ON`` and a busy timeout. Writes go through `Database.write()`: ``BEGIN IMMEDIATE``
(the write lock is taken up front, so two processes never interleave), retried with back-off when
another process holds the lock, rolled back on any error. SQLite errors are turned into
`StorageError` with a plain-language message (full disk, read-only folder, not a journal...).
"""

from __future__ import annotations

import contextlib
import os
import random
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

from labkit.errors import InvalidInputError, StorageError
from labkit.i18n import t
from labkit.store.journal import schema

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
BEGIN_RETRIES = 8
MIN_FREE_BYTES = 8 * 1024 * 1024
"""The free space a writer wants on the journal's disk before a live session starts: a day's
journal is a few megabytes, and SQLite needs room for its WAL and checkpoints."""

# primary result codes (https://sqlite.org/rescode.html)
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = (
    3, 5, 6, 8, 10, 11, 13, 14, 26,
)  # fmt: skip
_MESSAGE_BY_CODE = {
    _FULL: "journal.error.disk_full",
    _READONLY: "journal.error.read_only",
    _PERM: "journal.error.read_only",
    _CANTOPEN: "journal.error.cannot_open",
    _NOTADB: "journal.error.not_sqlite",
    _CORRUPT: "journal.error.corrupt",
    _IOERR: "journal.error.io",
    _BUSY: "journal.error.busy",
    _LOCKED: "journal.error.busy",
}


def _code(exc: sqlite3.Error) -> int:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:  # pragma: no cover - Python < 3.11 or errors raised by hand
        text = str(exc).lower()
        for needle, guess in (
            ("full", _FULL),
            ("readonly", _READONLY),
            ("locked", _BUSY),
            ("not a database", _NOTADB),
            ("unable to open", _CANTOPEN),
        ):
            if needle in text:
                return guess
        return 0
    return int(code) & 0xFF


def is_busy(exc: sqlite3.Error) -> bool:
    """Whether `exc` says another connection holds the lock."""
    return _code(exc) in (_BUSY, _LOCKED)


def storage_error(exc: sqlite3.Error | OSError, path: Path) -> StorageError:
    """A `StorageError` explaining `exc` (raised while using the journal at `path`)."""
    if isinstance(exc, OSError):
        key = "journal.error.disk_full" if exc.errno == 28 else "journal.error.os"
    else:
        key = _MESSAGE_BY_CODE.get(_code(exc), "journal.error.sqlite")
    error = StorageError(t(key, path=str(path), detail=str(exc)))
    error.__cause__ = exc
    return error


class Database:
    """One connection to a journal file, with the pragmas, checks and transactions it needs."""

    def __init__(self, connection: sqlite3.Connection, path: Path, *, readonly: bool) -> None:
        self.connection = connection
        self.path = path
        self.readonly = readonly
        self._key: tuple[int, int] | None = None

    @classmethod
    def open(cls, path: Path, *, create: bool = True, readonly: bool = False) -> Database:
        """Open (creating it if allowed) the journal at `path`, migrated to the current schema.

        Raises InvalidInputError when there is no journal and `create` is false, StorageError
        when the file is not SQLite, not a journal, written by a newer labkit, corrupt, or when
        the folder refuses writes.
        """
        path = Path(path)
        if _inode(path) not in _OPEN:  # reading the header would drop an open connection's locks
            _check_file(path, create=create and not readonly)
        try:
            if readonly:
                target = path.resolve().as_uri() + "?mode=ro"
                connection = sqlite3.connect(
                    target, uri=True, isolation_level=None, check_same_thread=False
                )
            else:
                connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise storage_error(exc, path) from exc
        database = cls(connection, path, readonly=readonly)
        try:
            database._check_identity()  # before anything could change the file
            database._configure()
            database._check_and_migrate()
        except BaseException:
            connection.close()
            raise
        key = database._key = _inode(path)
        if key is not None:
            _OPEN[key] = _OPEN.get(key, 0) + 1
        return database

    def _configure(self) -> None:
        try:
            self.connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.connection.execute("PRAGMA foreign_keys = ON")
            if not self.readonly:
                mode = self.connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                if str(mode).lower() != "wal":
                    raise StorageError(t("journal.error.no_wal", path=str(self.path), mode=mode))
            self.connection.execute("PRAGMA synchronous = FULL")
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path) from exc

    def _check_identity(self) -> None:
        try:
            self.connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            version = self.scalar("PRAGMA user_version")
            app_id = self.scalar("PRAGMA application_id")
            tables = self.scalar("SELECT count(*) FROM sqlite_master")
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path) from exc
        if version > schema.SCHEMA_VERSION:
            raise StorageError(
                t("journal.error.newer_schema", path=str(self.path), version=version,
                  supported=schema.SCHEMA_VERSION)
            )  # fmt: skip
        if (version or tables) and app_id != schema.APPLICATION_ID:
            raise StorageError(t("journal.error.not_journal", path=str(self.path)))

    def _check_and_migrate(self) -> None:
        try:
            version = self.scalar("PRAGMA user_version")
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path) from exc
        if version < schema.SCHEMA_VERSION:
            if self.readonly:
                raise StorageError(t("journal.error.old_read_only", path=str(self.path)))
            self._migrate(version)

    def _migrate(self, current: int) -> None:
        if current > 0:
            self._backup(self.path.with_name(f"{self.path.name}.v{current}.bak"))
        with self.write() as connection:
            # another process may have created or upgraded the journal in the meantime
            current = self.scalar("PRAGMA user_version")
            for version in range(current + 1, schema.SCHEMA_VERSION + 1):
                for statement in schema.MIGRATIONS[version]:
                    connection.execute(statement)
            if current < schema.SCHEMA_VERSION:
                connection.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
                connection.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION}")

    def _backup(self, target: Path) -> None:
        try:
            with contextlib.closing(sqlite3.connect(target)) as copy:
                self.connection.backup(copy)
        except sqlite3.Error as exc:
            raise storage_error(exc, target) from exc

    def scalar(self, sql: str, params: tuple[object, ...] = ()) -> int:
        """The first column of the first row of `sql` (an integer)."""
        row = self.connection.execute(sql, params).fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def integrity_check(self, *, quick: bool = False) -> list[str]:
        """The problems ``PRAGMA integrity_check`` finds (an empty list when the file is sound)."""
        pragma = "quick_check" if quick else "integrity_check"
        try:
            rows = [str(row[0]) for row in self.connection.execute(f"PRAGMA {pragma}")]
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path) from exc
        return [] if rows == ["ok"] else rows

    @contextlib.contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction: BEGIN IMMEDIATE (retried while busy), COMMIT, or ROLLBACK."""
        if self.readonly:
            raise StorageError(t("journal.error.opened_read_only", path=str(self.path)))
        self._begin()
        try:
            yield self.connection
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, sqlite3.Error):
                raise storage_error(exc, self.path) from exc
            raise
        try:
            self.connection.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise storage_error(exc, self.path) from exc

    def check_writable(self, min_free: int | None = None) -> None:
        """Raise StorageError, in plain words, when a write would fail: the journal is read-only
        (file, folder or connection: a write is tried, then rolled back, so nothing changes) or
        its disk has less than `min_free` bytes free (default `MIN_FREE_BYTES`)."""
        min_free = MIN_FREE_BYTES if min_free is None else min_free
        if self.readonly:
            raise StorageError(t("journal.error.opened_read_only", path=str(self.path)))
        self._begin()
        try:
            self.connection.execute("CREATE TABLE labkit_write_probe (x)")
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path) from exc
        finally:
            self._rollback()
        try:
            found = os.statvfs(self.path.parent)
        except OSError as exc:
            raise storage_error(exc, self.path) from exc
        free = found.f_bavail * found.f_frsize
        if free < min_free:
            mega = 1024 * 1024
            raise StorageError(t("journal.error.low_space", path=str(self.path),
                                 free=free // mega, needed=-(-min_free // mega)))

    def _begin(self) -> None:
        delay = 0.01
        for attempt in range(BEGIN_RETRIES):
            try:
                self.connection.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not is_busy(exc) or attempt == BEGIN_RETRIES - 1:
                    raise storage_error(exc, self.path) from exc
            time.sleep(delay * (1 + random.random()))
            delay = min(delay * 2, 1.0)

    def _rollback(self) -> None:
        if self.connection.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self.connection.execute("ROLLBACK")

    def close(self) -> None:
        """Close the connection (the last one out checkpoints the WAL into the database)."""
        with contextlib.suppress(sqlite3.Error):
            self.connection.close()
        key, self._key = self._key, None
        if key is not None and key in _OPEN:
            _OPEN[key] -= 1
            if not _OPEN[key]:
                del _OPEN[key]


_OPEN: dict[tuple[int, int], int] = {}
"""(device, inode) -> connections this process holds open on that journal file. Opening the file
outside SQLite and closing it releases every POSIX lock the process holds on it — the shared lock
that tells other processes a WAL reader is still there — so a journal already open here is not
opened again for its header check (another process closing last would then checkpoint and delete
the WAL under the open connection: a corrupt journal)."""


def _inode(path: Path) -> tuple[int, int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return (found.st_dev, found.st_ino)


def _check_file(path: Path, *, create: bool) -> None:
    if path.is_dir():
        raise InvalidInputError(t("journal.error.is_folder", path=str(path)))
    if not path.exists():
        if not create:
            raise InvalidInputError(t("journal.error.missing", path=str(path)))
        if not path.parent.is_dir():
            raise InvalidInputError(t("journal.error.no_folder", path=str(path.parent)))
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise storage_error(exc, path) from exc
    if header and header != SQLITE_HEADER:
        raise StorageError(t("journal.error.not_sqlite", path=str(path), detail=""))
