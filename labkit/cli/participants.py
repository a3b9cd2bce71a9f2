"""`labkit participants import SESSION FILE [--replace | --update] [--dry-run]` and
`labkit participants list`.

Thin commands: reading, checking and planning live in `labkit.store.participants`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from labkit.i18n import t

if TYPE_CHECKING:
    from rich.console import RenderableType

    from labkit.model import Session
    from labkit.store.participants import ImportPlan


def register(app: typer.Typer) -> None:
    """Add the `participants` command group."""
    participants_app = typer.Typer(help=t("participants.help.group"), no_args_is_help=True)

    @participants_app.command("import", help=t("participants.help.import"))
    def import_command(
        session: Annotated[
            str, typer.Argument(metavar="SESSION", help=t("participants.help.session"))
        ],
        file: Annotated[Path, typer.Argument(metavar="FILE", help=t("participants.help.file"))],
        replace: Annotated[
            bool, typer.Option("--replace", help=t("participants.help.replace"))
        ] = False,
        update: Annotated[
            bool, typer.Option("--update", help=t("participants.help.update"))
        ] = False,
        dry_run: Annotated[
            bool, typer.Option("--dry-run", help=t("participants.help.dry_run"))
        ] = False,
    ) -> None:
        from labkit.store.participants import import_participants
        from labkit.store.session_folder import open_session

        folder = open_session(session)
        plan = import_participants(folder, file, replace=replace, update=update,
                                   dry_run=dry_run)  # fmt: skip
        _print_outcome(plan, folder.session.slug, dry_run)

    @participants_app.command("list", help=t("participants.help.list"))
    def list_command(
        session: Annotated[
            str, typer.Argument(metavar="SESSION", help=t("participants.help.session"))
        ],
    ) -> None:
        from rich.console import Console

        from labkit.store.session_folder import open_session

        folder = open_session(session)
        console = Console(highlight=False)
        if not folder.session.participants:
            console.print(t("participants.out.none", None, session=folder.session.slug))
            return
        console.print(participants_table(folder.session))

    app.add_typer(participants_app, name="participants")


def _print_outcome(plan: ImportPlan, slug: str, dry_run: bool) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = Console(highlight=False)
    for notice in plan.notices:
        console.print(f"[dim]•[/] {escape(notice.message())}")
    total = len(plan.participants)
    if not plan.changed:
        console.print(t("participants.out.nothing", None, session=slug, total=total))
    elif plan.update:
        separator = t("participants.reason_separator", None)
        for person in plan.updated:
            changes = separator.join(c.describe() for c in plan.changes[person.id])
            line = t("participants.out.person_changes", None, name=person.full_name,
                     row=plan.rows[person.id], changes=changes)  # fmt: skip
            console.print(f"[dim]•[/] {escape(line)}")
        for person in plan.added:
            line = t("participants.out.new_person", None, name=person.full_name,
                     group=person.group)  # fmt: skip
            console.print(f"[dim]•[/] {escape(line)}")
        console.print(
            t("participants.out.updated", None, session=slug, total=total,
              updated=len(plan.updated), added=len(plan.added), kept=len(plan.kept)),
            style="green",
        )  # fmt: skip
    elif plan.replace:
        console.print(
            t("participants.out.replaced", None, session=slug, total=total,
              added=len(plan.added), updated=len(plan.updated), kept=len(plan.kept),
              removed=len(plan.removed)),
            style="green",
        )
        if plan.removed:
            names = ", ".join(p.display_name for p in plan.removed)
            line = t("participants.out.removed", None, names=names, count=len(plan.removed))
            console.print(f"[dim]•[/] {escape(line)}")
    else:
        console.print(
            t("participants.out.added", None, count=len(plan.added), session=slug, total=total),
            style="green",
        )
    if dry_run:
        console.print(t("participants.out.dry_run"), style="yellow")


def participants_table(session: Session) -> RenderableType:
    """A rich table of the participants grouped by stakeholder group, with counts and a total.

    The group's label and count head each section; people show their first name and last-name
    initial only ("Hélène D.", as in ASE sessions), then organisation, role, territory and id.
    """
    from rich.markup import escape
    from rich.table import Table

    from labkit.model import Role
    from labkit.model.territories import territory_label

    table = Table(
        title=escape(t("participants.out.title", None, session=session.title)),
        title_justify="left",
        caption=t("participants.out.total", None, count=len(session.participants),
                  groups=len({p.group for p in session.participants})),
        caption_justify="left",
    )
    table.add_column(t("participants.col.group"), min_width=12, overflow="fold")
    table.add_column(t("participants.col.name"), no_wrap=True)
    table.add_column(t("participants.col.organisation"), min_width=12, ratio=1, overflow="fold")
    table.add_column(t("participants.col.role"))
    table.add_column(t("participants.col.territory"))
    table.add_column(t("participants.col.id"), style="dim", no_wrap=True)

    declared = [g.key for g in session.groups]
    keys = declared + sorted({p.group for p in session.participants} - set(declared))
    for key in keys:
        members = [p for p in session.participants if p.group == key]
        if not members:
            continue
        group = session.group(key)
        label = group.label if group else t("participants.out.unknown_group", None, key=key)
        colour = group.colour if group else "red"
        heading = f"[bold {colour}]{escape(label)}[/] [dim]({len(members)})[/]"
        for position, person in enumerate(members):
            role = t(f"role.{person.role.value}")
            table.add_row(
                heading if position == 0 else "",
                escape(person.display_name),
                escape(person.organisation or ""),
                f"[dim]{role}[/]" if person.role == Role.PARTICIPANT else role,
                escape(territory_label(person.territory) if person.territory else ""),
                escape(person.id),
                end_section=position == len(members) - 1,
            )
    return table
