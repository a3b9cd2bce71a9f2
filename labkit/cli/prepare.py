"""`labkit plan`, `labkit ics` and `labkit materials`: preparing a session.

Thin commands over `labkit.prepare`; python-docx, qrcode and icalendar are imported by the
writers only when a command runs. (The invitation agenda is `labkit agenda SESSION --docx FILE`,
in `labkit.cli.session`, through `labkit.prepare.invitation.render_invitation_agenda`.)
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from labkit.cli.arguments import SessionArgument
from labkit.i18n import t

if TYPE_CHECKING:
    from rich.table import Table

    from labkit.model import Session
    from labkit.prepare.retroplanning import PlannedTask
    from labkit.store.session_folder import SessionFolder

class CardBack(StrEnum):
    """How the back of a table card is written."""

    text = "text"
    image = "image"


URGENCY_STYLE = {"overdue": "bold red", "this_week": "bold yellow", "done": "green", "later": ""}


def register(app: typer.Typer) -> None:
    """Add the preparation commands."""
    app.command("plan", help=t("prepare.help.plan"))(plan_command)
    app.command("ics", help=t("prepare.help.ics"))(ics_command)
    app.command("materials", help=t("prepare.help.materials"))(materials_command)


def _parse_today(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(t("prepare.bad_date", None, value=value),
                                 param_hint="--today") from None


def plan_command(
    session: SessionArgument,
    today: Annotated[str | None, typer.Option("--today", help=t("prepare.help.today"))] = None,
    done: Annotated[str | None, typer.Option("--done", help=t("prepare.help.done"))] = None,
    country: Annotated[
        str | None, typer.Option("--country", help=t("prepare.help.country"))
    ] = None,
) -> None:
    """Show the backward schedule; with --done, mark a task done first (atomic save)."""
    from rich.console import Console
    from rich.markup import escape

    from labkit.model import TaskStatus
    from labkit.prepare.retroplanning import (
        Urgency,
        find_task,
        mark_done_in_document,
        retro_plan,
        session_tasks,
    )
    from labkit.store.session_folder import open_session

    day = _parse_today(today)
    folder = open_session(session)
    console = Console(highlight=False)
    if done is not None:
        task = find_task(session_tasks(folder.session), done)
        if task.status == TaskStatus.DONE:
            console.print(t("prepare.out.already_done", None, task=escape(task.title)))
        else:
            lang = folder.session.language
            folder.update(lambda document: mark_done_in_document(document, task.id, day, lang))
            console.print(t("prepare.out.marked_done", None, task=escape(task.title),
                            path=escape(str(folder.yaml_path))), style="green")
    planned = retro_plan(folder.session, day, country=country)
    console.print(plan_table(folder.session, planned, day))
    moved = sum(1 for p in planned if p.shift)
    if moved:
        where = (country or folder.session.calendar.country).upper()
        console.print(t("prepare.out.moved_tasks", None, count=moved, country=where))
    overdue = sum(1 for p in planned if p.urgency == Urgency.OVERDUE)
    this_week = sum(1 for p in planned if p.urgency == Urgency.THIS_WEEK)
    style = "bold red" if overdue else ("bold yellow" if this_week else "green")
    console.print(t("prepare.out.summary", None, overdue=overdue, this_week=this_week),
                  style=style)


def plan_table(session: Session, planned: list[PlannedTask], today: dt.date) -> Table:
    """The backward schedule as a rich table; overdue and this week's tasks stand out."""
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    from labkit.i18n import format_date

    first = format_date(session.days[0].date, None, "long")
    table = Table(
        title=t("prepare.out.plan_title", None, title=escape(session.title), first=first,
                today=format_date(today, None, "long")),
        title_justify="left",
    )
    keys = ["id", "label", "due", "task", "owner", "status"]
    if any(item.shift for item in planned):
        keys.append("note")
    for key in keys:
        table.add_column(t(f"prepare.col.{key}"), no_wrap=key in ("id", "label", "due"))
    for item in planned:
        style = URGENCY_STYLE[item.urgency.value]
        marker = "▶ " if item.stands_out else ""
        cells: list[str | Text] = [
            item.task.id,
            item.task.label,
            format_date(item.due, None, "EEE d MMM y"),
            Text(marker + item.task.title, style=style),
            item.task.owner or "—",
            Text(_status_text(item), style=style),
        ]
        if len(keys) > len(cells):
            cells.append(item.shift.short_note(None) if item.shift else "")
        table.add_row(*cells)
    return table


def _status_text(item: PlannedTask) -> str:
    from labkit.i18n import format_date

    if item.urgency.value == "done":
        if item.task.done_on:
            return t("prepare.done_on", None, date=format_date(item.task.done_on, None, "d MMM y"))
        return item.urgency.label()
    if item.urgency.value == "overdue":
        return t("prepare.out.late_by", None, days=-item.days_left)
    if item.days_left == 0:
        return t("prepare.out.due_today")
    return t("prepare.out.due_in", None, days=item.days_left)


def ics_command(
    session: SessionArgument,
    out: Annotated[Path, typer.Option("--out", "-o", help=t("prepare.help.ics_out"))],
    milestones: Annotated[
        bool, typer.Option("--milestones", help=t("prepare.help.milestones"))
    ] = False,
    tz: Annotated[str | None, typer.Option("--tz", help=t("prepare.help.tz"))] = None,
    utc: Annotated[bool, typer.Option("--utc", help=t("prepare.help.utc"))] = False,
    invite: Annotated[bool, typer.Option("--invite", help=t("prepare.help.invite"))] = False,
    country: Annotated[
        str | None, typer.Option("--country", help=t("prepare.help.country"))
    ] = None,
) -> None:
    """Write the session's days (and milestones) as an .ics calendar file."""
    from labkit.prepare.calendar import (
        build_calendar,
        invitation_people,
        new_uid_part,
        resolve_timezone,
        set_uid_in_document,
        write_calendar,
    )
    from labkit.prepare.retroplanning import session_tasks
    from labkit.prepare.vtimezone import rrule_timezone
    from labkit.store.session_folder import open_session

    if invite and milestones:
        raise typer.BadParameter(t("prepare.ics.invite_milestones", None), param_hint="--invite")
    folder = open_session(session)
    options: dict[str, Any] = {"timezone": tz, "utc": utc, "country": country}
    build_calendar(folder.session, milestones=milestones, invite=invite, **options)  # checks
    if folder.session.calendar.uid is None:
        uid = new_uid_part()
        folder.update(lambda document: set_uid_in_document(document, uid))
        typer.echo(t("prepare.out.uid_saved", None, uid=uid, path=folder.yaml_path))
    zone = tz or folder.session.timezone
    zone_info = resolve_timezone(tz) if tz else folder.session.zone
    if not utc and rrule_timezone(zone_info, folder.session.days[0].date.year) is None:
        typer.echo(t("prepare.out.utc_fallback", None, zone=zone))
    if invite:
        count = len(folder.session.days)
        for number in range(1, count + 1):
            path = out if count == 1 else out.with_name(f"{out.stem}-{number}{out.suffix}")
            write_calendar(folder.session, path, invite=True, days=[number], **options)
            people = len(invitation_people(folder.session, number))
            typer.echo(t("prepare.out.invite_written", None, path=path, attendees=people))
        return
    path = write_calendar(folder.session, out, milestones=milestones, **options)
    events = len(folder.session.days)
    if milestones:
        events += len(session_tasks(folder.session))
    typer.echo(t("prepare.out.ics_written", None, path=path, events=events, zone=zone))


def materials_command(
    session: SessionArgument,
    out: Annotated[Path, typer.Option("--out", "-o", help=t("prepare.help.materials_out"))],
    url: Annotated[str | None, typer.Option("--url", help=t("prepare.help.url"))] = None,
    join_url: Annotated[
        str | None, typer.Option("--join-url", help=t("prepare.help.join_url"))
    ] = None,
    sheet_per_day: Annotated[
        bool, typer.Option("--sheet-per-day", help=t("prepare.help.sheet_per_day"))
    ] = False,
    remote_column: Annotated[
        bool, typer.Option("--remote-column", help=t("prepare.help.remote_column"))
    ] = False,
    card_back: Annotated[
        CardBack, typer.Option("--card-back", help=t("prepare.help.card_back"))
    ] = CardBack.text,
) -> None:
    """Write table cards, route cards, badges and the sign-in sheets as A4 Word documents."""
    from rich.console import Console
    from rich.markup import escape

    from labkit.prepare.attendance import SheetOptions
    from labkit.prepare.materials import write_materials
    from labkit.store.session_folder import open_session

    if url is not None and not re.fullmatch(r"https?://\S+", url):
        raise typer.BadParameter(t("prepare.bad_url", None, value=url), param_hint="--url")
    if join_url is not None and not re.fullmatch(r"https?://\S+", join_url):
        raise typer.BadParameter(t("prepare.bad_url", None, value=join_url),
                                 param_hint="--join-url")  # fmt: skip
    folder = open_session(session)
    links = None
    if join_url:
        from labkit.web import control

        tokens = control.ensure(folder.root, control.table_count(folder.session)).table_tokens
        links = {int(n): f"{join_url.rstrip('/')}/j/{token}" for n, token in tokens.items()}
    options = SheetOptions(remote_column=remote_column, logo=session_logo(folder))
    result = write_materials(folder.session, out, rotations_dir=folder.rotations_dir, url=url,
                             sheet_per_day=sheet_per_day, sheet=options,
                             card_back=card_back.value, join_urls=links)  # fmt: skip
    console = Console(highlight=False)
    for note in result.notes:
        console.print(f"[yellow]{t('cli.warning_prefix')}[/] {escape(note)}", soft_wrap=True)
    console.print(t("prepare.out.materials_written", None, count=len(result.paths),
                    out=escape(str(out))))
    for path in result.paths:
        console.print(f"  {escape(str(path))}", soft_wrap=True)


def session_logo(folder: SessionFolder) -> Path | None:
    """The session's logo file (`logo:`, relative to its folder); a plain error when unreadable."""
    from labkit.docx_kit.page import readable_image
    from labkit.errors import InvalidInputError
    from labkit.store.session_folder import describe_at

    if not folder.session.logo:
        return None
    path = (folder.yaml_path.parent / folder.session.logo).resolve()
    if readable_image(path) is None:
        message = t("prepare.bad_logo", None, path=path)
        raise InvalidInputError(describe_at(folder.yaml_path, folder.document, ("logo",), message))
    return path
