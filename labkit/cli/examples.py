"""`labkit examples` and `labkit examples copy NAME`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from labkit.i18n import t


def register(app: typer.Typer) -> None:
    """Add the `examples` command group."""
    examples_app = typer.Typer(
        help=t("cli.help.examples"), invoke_without_command=True, no_args_is_help=False
    )

    @examples_app.callback()
    def list_command(ctx: typer.Context) -> None:
        if ctx.invoked_subcommand is not None:
            return
        from rich.console import Console
        from rich.markup import escape
        from rich.table import Table

        from labkit.store.examples import list_examples

        table = Table(title=t("examples.title"), title_justify="left")
        table.add_column(t("examples.col.name"), style="bold")
        table.add_column(t("examples.col.title"))
        table.add_column(t("examples.col.days"), justify="right")
        table.add_column(t("examples.col.participants"), justify="right")
        for example in list_examples():
            table.add_row(
                example.name, escape(example.title), str(example.days), str(example.participants)
            )
        console = Console()
        console.print(table)
        console.print(t("examples.hint"))

    @examples_app.command("copy", help=t("cli.help.examples_copy"))
    def copy_command(
        name: Annotated[str, typer.Argument(metavar="NAME")],
        to: Annotated[Path | None, typer.Option("--to", help=t("cli.help.to"))] = None,
        force: Annotated[bool, typer.Option("--force", help=t("cli.help.force"))] = False,
        blank: Annotated[bool, typer.Option("--blank", help=t("cli.help.blank"))] = False,
    ) -> None:
        from labkit.store.examples import copy_example_with_backup
        from labkit.store.session_folder import sessions_home

        copied = copy_example_with_backup(name, to or sessions_home(), force=force, blank=blank)
        if copied.backup is not None:
            typer.echo(t("files.backed_up", None, path=copied.backup))
        typer.echo(t("examples.copied", None, path=copied.path))

    app.add_typer(examples_app, name="examples")
