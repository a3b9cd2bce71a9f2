"""The example sessions bundled with labkit, and copying one into the user's sessions."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from labkit.errors import InvalidInputError, StorageError
from labkit.i18n import t
from labkit.resources import data_dir
from labkit.store.safe_paths import PRIVATE_DIR, private_folder
from labkit.store.session_folder import SESSION_FILE, load_document


@dataclass(frozen=True)
class Example:
    """A bundled example session."""

    name: str
    path: Path
    title: str
    days: int
    participants: int


@dataclass(frozen=True)
class CopiedExample:
    """Where an example was copied, and where the session it replaced was moved (if any)."""

    path: Path
    backup: Path | None = None


def list_examples() -> list[Example]:
    """Every bundled example, by name."""
    found = []
    for folder in sorted(data_dir("examples").iterdir()):
        yaml_path = folder / SESSION_FILE
        if not yaml_path.is_file():
            continue
        document = load_document(yaml_path)
        found.append(
            Example(
                name=folder.name,
                path=folder,
                title=str(document.get("title", folder.name)),
                days=len(document.get("days") or []),
                participants=len(document.get("participants") or []),
            )
        )
    return found


def find_example(name: str) -> Example:
    """The example called `name`; a clear error listing the others when there is none."""
    examples = list_examples()
    for example in examples:
        if example.name == name:
            return example
    names = ", ".join(e.name for e in examples)
    raise InvalidInputError(t("examples.unknown", None, name=name, names=names))


def copy_example(
    name: str, destination_root: Path, force: bool = False, blank: bool = False
) -> Path:
    """Copy example `name` into `destination_root/<name>`; the new folder (see
    `copy_example_with_backup`)."""
    return copy_example_with_backup(name, destination_root, force=force, blank=blank).path


def copy_example_with_backup(
    name: str, destination_root: Path, force: bool = False, blank: bool = False
) -> CopiedExample:
    """Copy example `name` into `destination_root/<name>`; the new folder and the backup.

    The copy is made in a temporary folder and renamed into place, so an interrupted copy never
    leaves half a session. An existing session is kept unless `force`, which moves it aside to
    ``<name>.YYYYMMDD-HHMMSS.bak`` beside it (journal included) instead of deleting it. The
    example's captured outputs (``captured.jsonl``) are loaded into the copy's journal before it
    is renamed into place, so that `labkit report` on the copy gives a full restitution; with
    `blank`, the copy holds the plan only, ready to be run live from its first block. The copy
    is readable by its owner only.
    """
    from labkit.errors import LabkitError
    from labkit.store.journal.captured import CAPTURED_NAME, load_captured

    example = find_example(name)
    target = destination_root / example.name
    if (target.exists() or target.is_symlink()) and not force:
        if _same_plan(example.path, target):
            return CopiedExample(target)
        raise InvalidInputError(t("examples.exists", None, path=target))
    staging: Path | None = None
    backup: Path | None = None
    try:
        private_folder(destination_root)
        staging = Path(tempfile.mkdtemp(prefix=f".{example.name}.", dir=destination_root))
        shutil.copytree(example.path, staging, dirs_exist_ok=True)
        os.chmod(staging, PRIVATE_DIR)  # copytree gave it the bundled folder's mode
        if blank:
            (staging / CAPTURED_NAME).unlink(missing_ok=True)
        else:
            load_captured(staging)
        if target.exists() or target.is_symlink():
            backup = _backup_name(target)
            target.rename(backup)
        staging.rename(target)
    except (OSError, LabkitError) as exc:
        if staging is not None:  # no half-copied hidden folder left behind
            shutil.rmtree(staging, ignore_errors=True)
        if backup is not None and not target.exists():  # put the old session back
            with contextlib.suppress(OSError):
                backup.rename(target)
                backup = None
        if isinstance(exc, LabkitError):
            raise
        raise StorageError(f"{target}: {exc.strerror or exc}") from exc
    return CopiedExample(target, backup)


def _backup_name(target: Path) -> Path:
    """``<target>.YYYYMMDD-HHMMSS.bak``, beside it (``-2``, ``-3``... when taken)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = target.with_name(f"{target.name}.{stamp}.bak")
    number = 1
    while candidate.exists() or candidate.is_symlink():
        number += 1
        candidate = target.with_name(f"{target.name}.{stamp}-{number}.bak")
    return candidate


def _same_plan(example: Path, target: Path) -> bool:
    """Whether `target` already holds this example's plan, unchanged (copying again is a no-op)."""
    mine, theirs = example / SESSION_FILE, target / SESSION_FILE
    return theirs.is_file() and mine.read_bytes() == theirs.read_bytes()
