"""Attachments: photos of flipcharts and tablecloths copied into ``<session>/attachments/``.

The file is copied (never moved) through a temporary file, fsynced, then renamed, so a crash
leaves either no attachment or a whole one. Its name starts with its sha256 so that two photos
with the same name never overwrite each other and the same photo is stored once. The journal
records the relative path, the original name, the size and the sha256.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import mimetypes
import os
import re
import tempfile
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from labkit.errors import InvalidInputError, LabkitError, StorageError
from labkit.i18n import t
from labkit.model.events import AttachmentAdded
from labkit.store.atomic import fsync_folder
from labkit.store.safe_paths import file_in, folder_in

if TYPE_CHECKING:
    from labkit.store.journal.journal import Journal

CHUNK = 1 << 20
MAX_ATTACHMENT_BYTES = 500 * 1024 * 1024
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_name(name: str) -> str:
    """`name` reduced to ASCII letters, digits, dots, dashes and underscores (at most 80)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    cleaned = _UNSAFE.sub("-", ascii_name).strip("-.") or "file"
    stem, dot, suffix = cleaned.rpartition(".")
    if dot and len(suffix) <= 10:
        return f"{stem[: 79 - len(suffix)]}.{suffix}"
    return cleaned[:80]


def file_sha256(path: Path) -> str:
    """The sha256 hex digest of a file's content."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def copy_into(
    folder: Path, source: Path, root: Path | None = None
) -> tuple[str, str, int, bool]:
    """Copy `source` into `folder` durably; (file name, sha256, size, whether it is new).

    `folder` must lead inside `root` (default: its parent, the session folder): a symbolic link
    to elsewhere is refused. Raises InvalidInputError if `source` is not a readable file,
    StorageError if the copy fails or the folder is unsafe.
    """
    if not source.is_file():
        raise InvalidInputError(t("journal.attach.missing", path=str(source)))
    size = source.stat().st_size
    if size > MAX_ATTACHMENT_BYTES:
        raise InvalidInputError(
            t("journal.attach.too_big", path=str(source), max=MAX_ATTACHMENT_BYTES // 2**20)
        )
    folder_in(folder.parent if root is None else root, folder)
    tmp_name: str | None = None
    try:
        digest = hashlib.sha256()
        fd, tmp_name = tempfile.mkstemp(prefix=".attach-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as out, source.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        name = f"{sha[:16]}-{safe_name(source.name)}"
        target = file_in(folder, folder / name)
        if target.exists() and file_sha256(target) == sha:
            os.unlink(tmp_name)
            return name, sha, size, False
        os.replace(tmp_name, target)
        tmp_name = None
        fsync_folder(folder)
        return name, sha, size, True
    except OSError as exc:
        key = "journal.attach.disk_full" if exc.errno == errno.ENOSPC else "journal.attach.failed"
        raise StorageError(t(key, name=source.name, path=str(folder), detail=str(exc))) from exc
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def attach(journal: Journal, source: Path, **fields: Any) -> str:
    """Copy `source` into the journal's session folder and record it; the attachment id.

    `fields`: caption, block_id, question, table, team, territory, attachment_id.
    """
    from labkit.store.journal.journal import validate_event

    folder = journal.attachments_dir
    event: dict[str, Any] = {
        "type": "attachment.added",
        "path": f"{folder.name}/{safe_name(source.name)}",
        "original_name": source.name,
        "sha256": "0" * 64,
        "size": 0,
        "media_type": mimetypes.guess_type(source.name)[0],
        **fields,
    }
    validate_event(event)  # refuse bad fields before copying anything
    name, sha, size, new = copy_into(folder, source, journal.folder)
    event.update(path=f"{folder.name}/{name}", sha256=sha, size=size)
    try:
        record = journal.record(event)
    except LabkitError:
        if new:  # nobody refers to the copy: do not leave it behind
            with contextlib.suppress(OSError):
                (folder / name).unlink()
        raise
    assert isinstance(record.event, AttachmentAdded)
    return str(record.event.attachment_id)

