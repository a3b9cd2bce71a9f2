"""`labkit check`: the problems of a session folder, found without changing anything in it.

What the store can tell: the plan (`session.yaml`, through the same validation as `labkit
validate`), the journal (a labkit SQLite file, SQLite's full ``integrity_check``, every stored
event readable), files recorded as attachments but missing, temporary files left by an
interrupted write, journal and attachments readable by other users, saved seating plans for
blocks or people the plan does not have. The journal is opened read-only without locking when no
``-wal`` is beside it (so SQLite creates no ``-wal``/``-shm``), read-only through the existing
``-shm`` otherwise.
"""

from __future__ import annotations

import contextlib
import sqlite3
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from labkit.errors import InvalidInputError
from labkit.i18n import t
from labkit.model.files import ATTACHMENTS_DIR, JOURNAL_FILE, ROTATIONS_DIR
from labkit.model.validation import Level


@dataclass(frozen=True)
class Finding:
    """One problem (`error`) or warning, in plain words with the file it is about."""

    error: bool
    text: str


def check_folder(arg: str | Path) -> tuple[Path, list[Finding]]:
    """The session folder that `arg` names and what is wrong with it (nothing is written)."""
    from labkit.store.session_folder import open_session, resolve_session_path

    candidate = Path(arg)
    root = candidate if candidate.is_dir() else None
    findings: list[Finding] = []
    session = None
    try:
        folder = open_session(arg)
    except InvalidInputError as error:
        findings.append(Finding(True, str(error)))
        if root is None:
            with contextlib.suppress(InvalidInputError):
                root = resolve_session_path(arg).parent
    else:
        root, session = folder.root, folder.session
        for problem in folder.problems():
            findings.append(Finding(problem.level == Level.ERROR, folder.describe(problem)))
    if root is None or not root.is_dir():
        return Path(arg), findings
    recorded = _check_journal(root / JOURNAL_FILE, findings)
    _check_files(root, recorded, findings)
    if session is not None:
        _check_plans(root, session, findings)
    return root, findings


def _check_journal(path: Path, findings: list[Finding]) -> list[str]:
    """Check the journal (if any); the attachment paths it records."""
    if not path.exists() and not path.is_symlink():
        return []
    if not path.is_file():
        findings.append(Finding(True, t("check.journal_not_file", path=path)))
        return []
    if path.stat().st_size == 0:
        findings.append(Finding(True, t("check.journal_empty", path=path)))
        return []
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if wal.exists() and not shm.exists():
        findings.append(Finding(False, t("check.wal_without_shm", path=path)))
    immutable = not (wal.exists() and shm.exists())
    try:
        with _read_only(path, immutable=immutable) as connection:
            return _check_events(connection, path, findings)
    except sqlite3.Error as exc:
        findings.append(Finding(True, t("check.journal_unreadable", path=path, detail=exc)))
        return []


@contextlib.contextmanager
def _read_only(path: Path, *, immutable: bool) -> Iterator[sqlite3.Connection]:
    query = "immutable=1" if immutable else "mode=ro"
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?{query}", uri=True)
    try:
        yield connection
    finally:
        connection.close()


def _check_events(connection: sqlite3.Connection, path: Path, findings: list[Finding]
                  ) -> list[str]:  # fmt: skip
    from labkit.store.journal import schema
    from labkit.store.journal.journal import parse_row
    from labkit.store.journal.state import derive

    if connection.execute("PRAGMA application_id").fetchone()[0] != schema.APPLICATION_ID:
        findings.append(Finding(True, t("journal.error.not_journal", path=path)))
        return []
    rows = [str(r[0]) for r in connection.execute("PRAGMA integrity_check")]
    if rows != ["ok"]:
        findings.append(Finding(True, t("check.integrity", path=path, detail="; ".join(rows[:5]))))
        return []
    records = []
    for row in connection.execute(schema.SELECT_EVENTS, (0,)):
        try:
            records.append(parse_row(row, path))
        except Exception:  # noqa: BLE001 - any unreadable event is reported, not raised
            findings.append(Finding(True, t("check.bad_event", path=path, id=row[0], type=row[5])))
    return [a.path for a in derive(records).attachments.values()]


def _check_files(root: Path, recorded: list[str], findings: list[Finding]) -> None:
    attachments = root / ATTACHMENTS_DIR
    for relative in recorded:
        if not (root / relative).exists() and not (attachments / relative).exists():
            findings.append(Finding(True, t("check.missing_attachment", path=attachments,
                                            id=relative)))  # fmt: skip
    for folder in (root, attachments, root / ROTATIONS_DIR):
        if not folder.is_dir() or folder.is_symlink():
            continue
        for entry in sorted(folder.iterdir()):
            if entry.name.startswith(".") and entry.name.endswith(".tmp"):
                findings.append(Finding(False, t("check.temp_file", path=entry)))
    for entry in [root / JOURNAL_FILE, *sorted(attachments.glob("*"))]:
        with contextlib.suppress(OSError):
            mode = entry.lstat().st_mode
            if stat.S_ISREG(mode) and mode & 0o044:
                findings.append(Finding(False, t("check.readable_by_others", path=entry,
                                                 mode=oct(mode & 0o777))))  # fmt: skip


def _check_plans(root: Path, session: object, findings: list[Finding]) -> None:
    from labkit.model.session import Session
    from labkit.store.seating import SavedPlanError, read_plan

    assert isinstance(session, Session)
    folder = root / ROTATIONS_DIR
    if not folder.is_dir():
        return
    blocks = {block.id for _, block in session.blocks()}
    people = {p.id for p in session.participants}
    for path in sorted(folder.glob("*.json")):
        block_id = path.stem
        if block_id not in blocks:
            findings.append(Finding(False, t("check.plan_unknown_block", path=path,
                                             block=block_id)))  # fmt: skip
            continue
        try:
            plan = read_plan(folder, block_id)
        except SavedPlanError as error:
            findings.append(Finding(True, t("check.plan_unreadable", detail=error)))
            continue
        if plan is None:
            continue
        seated = {pid for rnd in plan.rounds for group in rnd for pid in group}
        unknown = sorted(seated - people)
        if unknown:
            text = t("check.plan_unknown_person", path=path, ids=", ".join(unknown),
                     count=len(unknown))  # fmt: skip
            findings.append(Finding(True, text))
