"""Reading a session's journal without writing anything beside it (`history`, `export`,
`report`): they work on a read-only folder and leave no ``-wal``/``-shm``.

When no ``-wal`` is beside the journal, no writer has it open: it is read ``immutable`` (SQLite
takes no lock and creates nothing). If a writer opened it meanwhile (a ``-wal`` appeared, or the
file changed), the read is done again the ordinary read-only way, which sees the writer's last
commits. A journal of an older schema is upgraded first (the one case where reading writes).
Without a journal, the folder's ``captured.jsonl`` (or nothing) is read from a temporary journal.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from labkit.model.files import JOURNAL_FILE
from labkit.store.journal.database import OldJournalError
from labkit.store.journal.journal import Journal

T = TypeVar("T")


def read_journal(path: Path, use: Callable[[Journal], T], *, device: str = "reader") -> T:
    """`use` applied to the journal `path` opened read-only, creating nothing in its folder."""
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        return _read_captured(path.parent, use, device)
    wal = Path(f"{path}-wal")
    if not wal.exists():
        before = _fingerprint(path)
        try:
            with Journal.open(path, device=device, create=False, readonly=True,
                              immutable=True) as journal:  # fmt: skip
                result = use(journal)
        except OldJournalError:
            return _upgraded(path, use, device)
        if not wal.exists() and _fingerprint(path) == before:
            return result
    try:
        with Journal.open(path, device=device, create=False, readonly=True) as journal:
            return use(journal)
    except OldJournalError:
        return _upgraded(path, use, device)


def _upgraded(path: Path, use: Callable[[Journal], T], device: str) -> T:
    with Journal.open(path, device=device, create=False) as journal:
        return use(journal)


def _read_captured(root: Path, use: Callable[[Journal], T], device: str) -> T:
    """`use` on a temporary journal holding the folder's ``captured.jsonl`` (or no event)."""
    from labkit.store.journal.creation import create_journal

    with tempfile.TemporaryDirectory(prefix="labkit-read-") as folder:
        staged = Path(folder) / JOURNAL_FILE
        create_journal(staged, captured_from=root)
        with Journal.open(staged, device=device, create=False, readonly=True) as journal:
            return use(journal)


def _fingerprint(path: Path) -> tuple[int, int, int]:
    found = os.stat(path)
    return (found.st_ino, found.st_size, found.st_mtime_ns)
