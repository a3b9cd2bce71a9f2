"""Captured outputs shipped as text: ``captured.jsonl`` beside a session's ``session.yaml``.

One journal event per line, in the journal's export format (id, uuid, ts, device, recorder, type,
payload): it diffs well in git, and loads through the journal's own import, so it is validated
exactly like a JSON export. The bundled examples ship one, so that `labkit report` on an example
gives a full restitution out of the box.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from labkit.errors import InvalidInputError
from labkit.i18n import t
from labkit.model.files import JOURNAL_FILE
from labkit.store.journal import JournalState, RecordedEvent, derive

CAPTURED_NAME = "captured.jsonl"


def captured_path(root: Path) -> Path:
    """Where a session folder keeps its captured outputs as text."""
    return Path(root) / CAPTURED_NAME


def read_captured(path: Path) -> list[RecordedEvent]:
    """The validated events of a ``captured.jsonl`` file (InvalidInputError lists problems)."""
    from labkit.store.journal.exchange import EXPORT_FORMAT, EXPORT_VERSION, read_export
    from labkit.store.journal.schema import SCHEMA_VERSION

    path = Path(path)
    events = []
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInputError(
            t("journal.import.unreadable", path=str(path), detail=str(exc))
        ) from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            events.append(json.loads(line))
        except json.JSONDecodeError as exc:
            where = t("journal.import.json_at", line=number, column=exc.colno)
            raise InvalidInputError(
                t("journal.import.not_json", path=str(path)), [f"{where}: {exc.msg}"]
            ) from None
    document = {"format": EXPORT_FORMAT, "format_version": EXPORT_VERSION,
                "schema_version": SCHEMA_VERSION, "events": events}  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="labkit-captured-") as folder:
        staged = Path(folder) / path.with_suffix(".json").name
        staged.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        return read_export(staged)


def captured_state(root: Path) -> JournalState | None:
    """The state described by a folder's ``captured.jsonl`` (None when it has none)."""
    path = captured_path(root)
    return derive(read_captured(path)) if path.is_file() else None


def load_captured(root: Path) -> int:
    """Load a folder's ``captured.jsonl`` into its journal when the journal is still empty.

    Returns the number of events added (0 when there is no such file, or when the journal
    already exists: what was recorded live is never mixed with the shipped captures). Any
    writer creating a folder's journal loads the captures the same way (`creation`).
    """
    from labkit.store.journal.creation import create_journal
    from labkit.store.journal.reading import read_journal

    path = captured_path(root)
    journal_path = Path(root) / JOURNAL_FILE
    if not path.is_file() or journal_path.exists():
        return 0
    if not create_journal(journal_path):  # another process made it meanwhile
        return 0
    return read_journal(journal_path, lambda journal: len(journal.events()))
