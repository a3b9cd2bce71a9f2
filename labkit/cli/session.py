"""`labkit new`, `labkit validate`, `labkit agenda` and `labkit schema`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from labkit.i18n import Lang, t


def register(app: typer.Typer) -> None:
    """Add the session commands."""
    app.command("new", help=t("cli.help.new"))(new_command)
    app.command("validate", help=t("cli.help.validate"))(validate_command)
    app.command("agenda", help=t("cli.help.agenda"))(agenda_command)
    app.command("schema", help=t("cli.help.schema"))(schema_command)


def _parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(t("session.bad_date", None, value=value)) from None


def new_command(
    slug: Annotated[str, typer.Argument(metavar="SLUG", help=t("cli.help.slug"))],
    title: Annotated[str, typer.Option("--title", help=t("cli.help.title"))],
    date: Annotated[str, typer.Option("--date", help=t("cli.help.date"))],
    days: Annotated[int, typer.Option("--days", min=1, max=3, help=t("cli.help.days"))] = 1,
    lang: Annotated[
        Lang, typer.Option("--lang", help=t("cli.help.session_lang"), case_sensitive=False)
    ] = Lang.FR,
    lab: Annotated[str, typer.Option("--lab", help=t("cli.help.lab"))] = "Lab",
    to: Annotated[Path | None, typer.Option("--to", help=t("cli.help.to"))] = None,
) -> None:
    """Write a valid, commented session skeleton under sessions/."""
    import re

    from labkit.store.session_folder import sessions_home
    from labkit.store.skeleton import create_session

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", slug):
        raise typer.BadParameter(t("session.bad_slug", None, value=slug), param_hint="SLUG")
    root = to or sessions_home()
    path = create_session(root, slug, title, _parse_date(date), days, lang, lab)
    _write_schema_beside(root)
    typer.echo(t("session.created", None, path=path))
    typer.echo(t("session.next_steps", None, slug=slug))


def _write_schema_beside(root: Path) -> None:
    from labkit.store.schema import write_schema

    target = root / "session.schema.json"
    if not target.exists():
        write_schema(target)


def validate_command(
    sessions: Annotated[
        list[str], typer.Argument(metavar="SESSION", help=t("cli.help.sessions"))
    ],
) -> None:
    """Check sessions: errors and warnings with file, line and field; exit 1 on any error."""
    from labkit.cli.plain import say, styled
    from labkit.errors import InvalidInputError
    from labkit.model.validation import Level
    from labkit.store.session_folder import open_session

    failed = False
    for arg in sessions:
        try:
            folder = open_session(arg)
        except InvalidInputError as error:
            failed = True
            say(f"{styled('✗', 'red', bold=True)} {error}")
            continue
        problems = folder.problems()
        errors = [p for p in problems if p.level == Level.ERROR]
        warnings = [p for p in problems if p.level == Level.WARNING]
        failed = failed or bool(errors)
        mark = styled("✗", "red", bold=True) if errors else styled("✓", "green", bold=True)
        summary = t("session.summary", None, errors=len(errors), warnings=len(warnings))
        say(f"{mark} {folder.yaml_path} — {summary}")
        for problem in problems:
            label = t("word.error") if problem.level == Level.ERROR else t("word.warning")
            colour = "red" if problem.level == Level.ERROR else "yellow"
            say(f"  {styled(label, colour)} {folder.describe(problem)}")
    if failed:
        raise typer.Exit(1)


def agenda_command(
    session: Annotated[str, typer.Argument(metavar="SESSION", help=t("cli.help.session"))],
    docx: Annotated[Path | None, typer.Option("--docx", help=t("cli.help.agenda_docx"))] = None,
) -> None:
    """Print the agenda per day (times, phases, methods, totals per phase) or write it as .docx."""
    from labkit.store.session_folder import open_session

    folder = open_session(session)
    if docx is not None:
        from labkit.prepare.invitation import render_invitation_agenda

        render_invitation_agenda(folder.session, docx)
        typer.echo(t("session.written", None, path=docx))
        return
    from labkit.cli.agenda_view import print_agenda

    print_agenda(folder)


def schema_command(
    out: Annotated[Path | None, typer.Option("--out", help=t("cli.help.schema_out"))] = None,
) -> None:
    """Write the JSON Schema of session.yaml (for editor autocompletion)."""
    from labkit.store.schema import schema_text, write_schema

    if out is None:
        typer.echo(schema_text())
        return
    write_schema(out)
    typer.echo(t("session.written", None, path=out))
