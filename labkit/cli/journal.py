"""`labkit note`, `labkit history`, `labkit export` and `labkit import`: the capture journal.

Thin commands over `labkit.store.journal`: they resolve SESSION, open its ``journal.db`` and print.
Heavy modules (pydantic models, the journal) are imported inside the commands.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from labkit.cli.arguments import SessionArgument
from labkit.i18n import t

if TYPE_CHECKING:
    from labkit.store.journal import Journal, RecordedEvent
    from labkit.store.session_folder import SessionFolder

CLI_DEVICE = "cli"
SUMMARY_WIDTH = 70
SUMMARY_FIRST = ("text", "title", "name", "what", "stage", "kind", "item_id", "participant_id")


class ExportFormat(StrEnum):
    """Formats of `labkit export`."""

    json = "json"
    csv = "csv"
    xlsx = "xlsx"


class CsvDialect(StrEnum):
    """CSV flavours of `labkit export --format csv`."""

    excel_fr = "excel-fr"
    excel_en = "excel-en"
    rfc4180 = "rfc4180"


def register(app: typer.Typer) -> None:
    """Add the journal commands."""
    app.command("note", help=t("journal.cli.help.note"))(note_command)
    app.command("history", help=t("journal.cli.help.history"))(history_command)
    app.command("export", help=t("journal.cli.help.export"))(export_command)
    app.command("import", help=t("journal.cli.help.import"))(import_command)


def open_session_folder(arg: str) -> SessionFolder:
    """The session a SESSION argument names (a folder, its session.yaml, or a slug)."""
    from labkit.store.session_folder import open_session

    return open_session(arg)


def _open_journal(folder: SessionFolder) -> Journal:
    from labkit.store.journal import Journal

    return Journal.open(folder.journal_path, device=CLI_DEVICE)


def _check_block(plan: Path, block_id: str | None) -> None:
    """Refuse a --block the plan (its session.yaml) does not have; the plan is read only then."""
    if block_id is None:
        return
    known = [block.id for _, block in open_session_folder(str(plan)).session.blocks()]
    if block_id not in known:
        message = t("journal.cli.unknown_block", block=block_id, known=", ".join(known) or "—")
        raise typer.BadParameter(message, param_hint="--block")


def note_command(
    session: SessionArgument,
    text: Annotated[str, typer.Argument(metavar="TEXT", help=t("journal.cli.help.text"))],
    block: Annotated[str | None, typer.Option("--block", help=t("journal.cli.help.block"))] = None,
    question: Annotated[
        int | None, typer.Option("--question", min=1, help=t("journal.cli.help.question"))
    ] = None,
    table: Annotated[
        int | None, typer.Option("--table", min=1, help=t("journal.cli.help.table"))
    ] = None,
    kind: Annotated[str, typer.Option("--kind", help=t("journal.cli.help.kind"))] = "note",
    round_number: Annotated[
        int | None, typer.Option("--round", min=1, help=t("journal.cli.help.round"))
    ] = None,
    team: Annotated[str | None, typer.Option("--team", help=t("journal.cli.help.team"))] = None,
    territory: Annotated[
        str | None, typer.Option("--territory", help=t("journal.cli.help.territory"))
    ] = None,
    author: Annotated[
        str | None, typer.Option("--author", help=t("journal.cli.help.author"))
    ] = None,
    device: Annotated[
        str | None, typer.Option("--device", help=t("journal.cli.help.device"))
    ] = None,
    by: Annotated[str | None, typer.Option("--by", help=t("journal.cli.help.by"))] = None,
) -> None:
    """Add a contribution to the session's journal and print its id (placed in the running
    block when no --block is given: the live app shows it there)."""
    import socket

    from labkit.model.events import CONTRIBUTION_KINDS
    from labkit.store.journal import Journal

    if kind not in CONTRIBUTION_KINDS:
        message = t("journal.cli.unknown_kind", kind=kind, known=", ".join(CONTRIBUTION_KINDS))
        raise typer.BadParameter(message, param_hint="--kind")
    from labkit.model.files import JOURNAL_FILE
    from labkit.store.journal.journal import validate_event
    from labkit.store.session_paths import resolve_session_path

    plan = resolve_session_path(session)  # the journal lies beside it
    _check_block(plan, block)
    placement: dict[str, Any] = {
        "block_id": block, "question": question, "table": table, "round": round_number,
        "team": team, "territory": territory, "author": author,
    }  # fmt: skip
    fields = {key: value for key, value in placement.items() if value is not None}
    validate_event({"type": "contribution.added", "text": text, "kind": kind, **fields})
    recording = device or f"note-{socket.gethostname()}"
    # refused text: no journal created
    with Journal.open(plan.parent / JOURNAL_FILE, device=recording, recorder=by) as journal:
        with journal.reading() as state:  # no copy of the state: O(1) in its size
            running = state.current_block() if block is None else None
        if running is not None:  # the app shows it on the block being run
            fields["block_id"] = running.block_id
        contribution_id = journal.add_contribution(text, kind=kind, **fields)
    typer.echo(contribution_id)


def _shorten(value: Any) -> str:
    text = str(value).replace("\n", " ⏎ ")
    return text if len(text) <= 40 else text[:39] + "…"


def summary(record: RecordedEvent) -> str:
    """One line describing an event's payload: its new id, then its fields."""
    payload = record.event.payload()
    parts = []
    if record.event.id_field and record.event.id_field in payload:
        parts.append(str(payload.pop(record.event.id_field)))
    first = [key for key in SUMMARY_FIRST if key in payload]
    for key in [*first, *(key for key in payload if key not in first)]:
        parts.append(f"{key}={_shorten(payload[key])}")
    line = " ".join(parts)
    return line if len(line) <= SUMMARY_WIDTH else line[: SUMMARY_WIDTH - 1] + "…"


def history_command(
    session: SessionArgument,
    limit: Annotated[
        int | None, typer.Option("--last", min=1, help=t("journal.cli.help.last"))
    ] = None,
    event_type: Annotated[
        str | None, typer.Option("--type", help=t("journal.cli.help.type"))
    ] = None,
) -> None:
    """List the events of the session's journal, oldest first (undone ones marked)."""
    from labkit.store.journal.reading import read_journal

    folder = open_session_folder(session)

    def read(journal: Journal) -> tuple[list[RecordedEvent], set[str]]:
        events = journal.events()
        return events, {e.uuid for e in events if journal.is_undone(e)}

    events, undone = read_journal(folder.journal_path, read, device=CLI_DEVICE)
    if event_type is not None:
        events = [e for e in events if e.type == event_type or e.type.startswith(event_type + ".")]
    if limit is not None:
        events = events[-limit:]
    if not events:
        typer.echo(t("journal.cli.empty"))
        return
    mark = t("journal.cli.undone")
    for record in events:
        when = record.ts.astimezone(folder.session.zone).strftime("%Y-%m-%d %H:%M:%S")
        flag = f"  ({mark})" if record.uuid in undone else ""
        typer.echo(
            f"{record.id:>5}  {when}  {record.device:<10}  {record.type:<22}  "
            f"{summary(record)}{flag}"
        )


def _full_check(journal: Journal) -> None:
    """SQLite's full integrity check, before an export (opening the journal does not scan it)."""
    from labkit.errors import StorageError

    problems = journal.integrity_check()
    if problems:
        detail = "; ".join(problems[:5])
        raise StorageError(t("journal.error.corrupt", path=str(journal.path), detail=detail))


def export_command(
    session: SessionArgument,
    out: Annotated[Path, typer.Option("--out", help=t("journal.cli.help.out"))],
    export_format: Annotated[
        ExportFormat, typer.Option("--format", help=t("journal.cli.help.format"))
    ] = ExportFormat.json,
    dialect: Annotated[
        CsvDialect | None, typer.Option("--dialect", help=t("export.help.dialect"))
    ] = None,
    raw: Annotated[bool, typer.Option("--raw", help=t("export.help.raw"))] = False,
    show_masked: Annotated[
        bool, typer.Option("--show-masked", help=t("report.cli.show_masked"))
    ] = False,
) -> None:
    """Write everything the journal captured: JSON (the full history), CSV or an XLSX workbook;
    no one who may not be named appears in it, unless `raw`."""
    from labkit.cli.masked import say_masked
    from labkit.model.naming import NamingGuard

    if dialect is not None and export_format is not ExportFormat.csv:
        raise typer.BadParameter(t("export.dialect_not_csv"), param_hint="--dialect")
    from labkit.store.journal.reading import read_journal

    folder = open_session_folder(session)
    guard = None if raw else NamingGuard.for_session(folder.session, named=False)

    def write(journal: Journal) -> tuple[list[Path], int]:
        _full_check(journal)
        if export_format is ExportFormat.json:
            from labkit.store.journal.exchange import export_json

            written = [export_json(journal, out, guard, folder.root)]
        elif export_format is ExportFormat.xlsx:
            from labkit.store.journal.tables import export_xlsx

            written = [export_xlsx(journal, out, folder.session, guard=guard)]
        else:
            from labkit.store.journal.spreadsheet import Dialect, default_dialect
            from labkit.store.journal.tables import export_csv

            chosen = Dialect(dialect.value) if dialect else default_dialect(folder.session)
            written = export_csv(journal, out, dialect=chosen, session=folder.session,
                                 guard=guard)  # fmt: skip
        return written, len(journal.events())

    written, count = read_journal(folder.journal_path, write, device=CLI_DEVICE)
    typer.echo(t("journal.cli.exported", count=count, files=len(written), out=str(out)))
    for path in written:
        typer.echo(f"  {path}")
    say_masked(guard.masked if guard else (), show_masked)


def import_command(
    session: SessionArgument,
    file: Annotated[Path, typer.Argument(metavar="FILE.json", help=t("journal.cli.help.file"))],
) -> None:
    """Restore a JSON export into a session's journal (an empty one, or the same history)."""
    from labkit.store.journal.exchange import import_json, read_export
    from labkit.store.safe_paths import inside

    folder = open_session_folder(session)
    records = read_export(file)  # a refused file, or an unsafe folder: no journal created
    inside(folder.root, folder.attachments_dir)
    with _open_journal(folder) as journal:
        added = import_json(journal, file, records)
        total = len(journal.events())
    typer.echo(t("journal.cli.imported", added=added, total=total))
