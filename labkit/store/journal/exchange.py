"""Export a journal (JSON: every event; CSV: one table per kind of output) and import a JSON export.

The JSON export holds the whole history, so importing it into an empty session gives the same
derived state (a round trip). Importing into a journal that already holds the beginning of the
same history (an older export, or the same one twice) appends only what is missing; importing
into a journal with a different history is refused. Attachment files are copied along in an
``attachments/`` folder beside the export.
"""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from labkit.errors import InvalidInputError, StorageError
from labkit.i18n import t
from labkit.model import events as ev
from labkit.model.events.base import UUID_PATTERN
from labkit.model.events.fields import utc_now
from labkit.model.files import ATTACHMENTS_DIR
from labkit.model.naming import NamingGuard
from labkit.model.views import RecordedEvent
from labkit.store.atomic import write_text_atomic
from labkit.store.journal.attachments import file_sha256
from labkit.store.journal.journal import Journal, invalid_event
from labkit.store.journal.schema import SCHEMA_VERSION
from labkit.store.safe_paths import file_in, folder_in, make_private

EXPORT_FORMAT = "labkit-journal"
EXPORT_VERSION = 1
EXPORT_NAME = "journal.json"
MAX_PROBLEMS = 30


class ExportedEvent(BaseModel):
    """One event in a JSON export."""

    model_config = ConfigDict(extra="forbid")

    id: int = Field(ge=1)
    uuid: str = Field(pattern=UUID_PATTERN.pattern)
    ts: AwareDatetime
    device: str = Field(min_length=1, max_length=100)
    recorder: str | None = Field(default=None, max_length=100)
    type: str
    payload: dict[str, Any]


class ExportFile(BaseModel):
    """The JSON export of a journal."""

    model_config = ConfigDict(extra="ignore")

    format: Literal["labkit-journal"]
    format_version: int = Field(ge=1, le=EXPORT_VERSION)
    schema_version: int = Field(ge=1)
    exported_at: datetime | None = None
    events: list[ExportedEvent]


def export_document(journal: Journal, guard: NamingGuard | None = None) -> dict[str, Any]:
    """The JSON-ready export of every event of `journal` (texts through `guard`, if any)."""
    return {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_VERSION,
        "schema_version": SCHEMA_VERSION,
        "exported_at": utc_now().isoformat(),
        "events": [
            {
                "id": record.id,
                "uuid": record.uuid,
                "ts": record.ts.isoformat(),
                "device": record.device,
                "recorder": guard.mask(record.recorder) if guard and record.recorder
                else record.recorder,
                "type": record.type,
                "payload": guard.mask_tree(record.event.payload()) if guard
                else record.event.payload(),
            }
            for record in journal.events()
        ],
    }


def export_json(
    journal: Journal,
    out_dir: Path,
    guard: NamingGuard | None = None,
    source_root: Path | None = None,
) -> Path:
    """Write ``journal.json`` (and copies of the attachments) into `out_dir`; the JSON file.

    With a `guard`, no one who may not be named appears in its texts. Attachments are read from
    `source_root` (default: the journal's folder); their copies stay inside `out_dir` (a link
    there leading elsewhere is refused).
    """
    out_dir = Path(out_dir)
    source_root = journal.folder if source_root is None else Path(source_root)
    target = out_dir / EXPORT_NAME
    text = json.dumps(export_document(journal, guard), ensure_ascii=False, indent=1)
    write_text_atomic(target, text + "\n")
    attachments = journal.state().attachments.values()
    try:
        for attachment in attachments:
            source = source_root / attachment.path
            copy = file_in(out_dir, out_dir / attachment.path)
            if source.is_file() and not copy.exists():
                folder_in(out_dir, copy.parent)
                shutil.copy2(source, copy)
    except OSError as exc:
        raise StorageError(t("journal.error.os", path=str(out_dir), detail=str(exc))) from exc
    return target


def read_export(path: Path) -> list[RecordedEvent]:
    """The events of a JSON export, each validated; InvalidInputError lists every problem."""
    path = Path(path)
    try:
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise InvalidInputError(
            t("journal.import.unreadable", path=str(path), detail=str(exc))
        ) from exc
    except json.JSONDecodeError as exc:
        where = t("journal.import.json_at", line=exc.lineno, column=exc.colno)
        raise InvalidInputError(
            t("journal.import.not_json", path=str(path)), [f"{where}: {exc.msg}"]
        ) from None
    except UnicodeDecodeError:
        raise InvalidInputError(t("journal.import.not_json", path=str(path))) from None
    try:
        document = ExportFile.model_validate(raw)
    except ValidationError as exc:
        problems = invalid_event(exc, None).problems
        raise InvalidInputError(t("journal.import.invalid", path=str(path)), problems) from None
    if document.schema_version > SCHEMA_VERSION:
        raise InvalidInputError(
            t("journal.error.newer_schema", path=str(path), version=document.schema_version,
              supported=SCHEMA_VERSION)
        )  # fmt: skip
    records, problems, seen = [], [], set()
    ids: set[tuple[str, object]] = set()  # (id field, value): two ideas with one id hide one
    for item in document.events:
        label = t("journal.import.event", id=item.id, type=item.type)
        if item.uuid in seen:
            problems.append(f"{label}: {t('journal.import.duplicate')}")
            continue
        seen.add(item.uuid)
        try:
            event = ev.parse_payload(item.type, item.payload)
        except KeyError:
            problems.append(f"{label}: {t('journal.unknown_type', type=item.type, known='…')}")
            continue
        except ValidationError as exc:
            problems.extend(f"{label}: {line}" for line in invalid_event(exc, item.type).problems)
            continue
        if event.id_field and event.new_id() is None:
            problems.append(f"{label}: {event.id_field}: {t('journal.problem.missing')}")
            continue
        if event.id_field and event.new_id() is not None:
            key = (event.id_prefix or item.type, event.new_id())
            if key in ids:
                problems.append(f"{label}: {event.id_field}: {t('journal.import.duplicate_id')}")
                continue
            ids.add(key)
        ts = item.ts.astimezone(utc_now().tzinfo)
        records.append(RecordedEvent(item.id, item.uuid, ts, item.device, item.recorder, event))
    if problems:
        shown = problems[:MAX_PROBLEMS]
        if len(problems) > MAX_PROBLEMS:
            shown.append(t("journal.import.more", count=len(problems) - MAX_PROBLEMS))
        raise InvalidInputError(t("journal.import.invalid", path=str(path)), shown)
    return records


def import_json(journal: Journal, path: Path, records: list[RecordedEvent] | None = None) -> int:
    """Restore the JSON export `path` (its `records` when already read) into `journal`; the
    number of events added.

    Refused (nothing written) when the file is invalid or when the journal already holds events
    that are not the beginning of the exported history.
    """
    path = Path(path)
    records = read_export(path) if records is None else records
    existing = [record.uuid for record in journal.events()]
    incoming = [record.uuid for record in records]
    if incoming[: len(existing)] != existing:
        raise InvalidInputError(
            t("journal.import.diverged", path=str(path), journal=str(journal.path),
              count=len(existing))
        )  # fmt: skip
    missing = records[len(existing) :]
    _copy_attachments(path.parent / ATTACHMENTS_DIR, journal, missing)
    if missing:
        journal.restore(missing)
    return len(missing)


def _copy_attachments(source_dir: Path, journal: Journal, records: list[RecordedEvent]) -> None:
    for record in records:
        if not isinstance(record.event, ev.AttachmentAdded):
            continue
        relative = Path(record.event.path)
        source = source_dir.parent / relative
        target = file_in(journal.folder, journal.folder / relative)
        if target.exists() or not source.is_file():
            continue
        if file_sha256(source) != record.event.sha256:
            continue  # a different file: the journal will report the attachment as changed
        folder_in(journal.folder, target.parent)
        try:
            shutil.copy2(source, target)
            make_private(target)
        except OSError as exc:
            raise StorageError(t("journal.error.os", path=str(target), detail=str(exc))) from exc
