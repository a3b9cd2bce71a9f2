"""A session's journal, created whole, and the checks a writer makes before opening one.

A new ``journal.db`` is built beside its final name under a temporary one (schema, plus the
folder's ``captured.jsonl`` when it has one, so that an example copied by hand keeps its captured
outputs once any command opens its journal), made owner-only, then linked into place: a killed
process leaves no journal or a whole one, never an empty file; so an empty ``journal.db`` was
never labkit's, and is refused. A writer refuses a journal (or its ``-wal``/``-shm``) that leads
outside the session folder, and removes the temporary files interrupted writes left there.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from labkit.errors import InvalidInputError, StorageError
from labkit.i18n import t
from labkit.model.files import ATTACHMENTS_DIR, ROTATIONS_DIR
from labkit.store.atomic import fsync_folder, remove_stale_temps
from labkit.store.safe_paths import PRIVATE_FILE, file_in, replaceable


def check_journal_file(path: Path) -> None:
    """Refuse a ``journal.db`` that is a folder, a special file or empty (readers and writers)."""
    path = Path(path)
    if path.is_dir():
        raise InvalidInputError(t("journal.error.is_folder", path=str(path)))
    replaceable(path)
    with contextlib.suppress(FileNotFoundError):
        if path.stat().st_size == 0 and not _has_content(Path(f"{path}-wal")):
            raise StorageError(t("files.journal_empty", path=path))


def prepare_writer(path: Path) -> None:
    """Before a writer opens the journal `path`: it (and its ``-wal``/``-shm``) must stay in
    the session folder; stale temporary files of the folder are removed."""
    root = Path(path).parent
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        file_in(root, Path(name))
    for folder in (root, root / ATTACHMENTS_DIR, root / ROTATIONS_DIR):
        if folder.is_dir() and not folder.is_symlink():
            remove_stale_temps(folder)


def create_journal(path: Path, captured_from: Path | None = None) -> bool:
    """Create the journal `path` whole (see the module), with the ``captured.jsonl`` of the
    folder `captured_from` (default: the journal's); whether this call created it (another
    process creating it meanwhile wins, and its journal is used)."""
    from labkit.store.journal.captured import captured_path, read_captured
    from labkit.store.journal.database import Database
    from labkit.store.journal.journal import Journal

    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise InvalidInputError(t("journal.error.no_folder", path=str(folder)))
    captured = captured_path(folder if captured_from is None else captured_from)
    records = read_captured(captured) if captured.is_file() else []
    temporary = folder / f".{path.name}.{secrets.token_hex(6)}.tmp"
    try:
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
        with Journal(Database.open(temporary), device="labkit", recorder=None) as journal:
            if records:
                journal.restore(records)
        _fsync(temporary)
        try:
            os.link(temporary, path)
        except FileExistsError:
            return False
        fsync_folder(folder)
        return True
    except OSError as exc:
        raise StorageError(t("journal.error.os", path=str(path), detail=str(exc))) from exc
    finally:
        for leftover in (temporary, Path(f"{temporary}-wal"), Path(f"{temporary}-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
