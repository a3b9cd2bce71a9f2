"""The `labkit` command: a thin Typer layer over the domain.

Each command group lives in its own module of `labkit.cli` exposing `register(app)`. The root
group imports a module only when one of its commands is invoked (`commands.COMMANDS` maps names
to modules and gives the one-line help that `labkit --help` lists), so a call pays for its own
command only; heavy libraries (docx, matplotlib, textual...) are imported inside the commands.
Errors a user can fix are `LabkitError`s: printed in plain words, exit 1.
"""

from __future__ import annotations

import importlib
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from labkit import __version__
from labkit.cli.commands import COMMANDS, MODULE_OF, top_level_help
from labkit.errors import LabkitError
from labkit.i18n import Lang, set_ui_language, t


def _preselect_language(argv: list[str]) -> None:
    """Apply the global `--lang` before the commands register, so that their help is translated.

    Only options before the command name count: `labkit new x --lang en` sets the session's
    language, not the interface's.
    """
    args = argv[1:]
    i = 0
    while i < len(args) and args[i].startswith("-"):
        if args[i] == "--lang" and i + 1 < len(args):
            set_ui_language(args[i + 1])
            i += 1
        elif args[i].startswith("--lang="):
            set_ui_language(args[i].split("=", 1)[1])
        i += 1


_preselect_language(sys.argv)


def module_commands(module: str) -> dict[str, Any]:
    """The click commands that `labkit.cli.<module>` registers, by name."""
    sub = typer.Typer()
    importlib.import_module(f"labkit.cli.{module}").register(sub)
    return dict(typer.main.get_group(sub).commands)


def module_command(module: str, name: str) -> Any:
    """The click command `name` that `labkit.cli.<module>` registers, built alone (its module's
    other commands are registered but not turned into click commands), or None."""
    sub = typer.Typer()
    importlib.import_module(f"labkit.cli.{module}").register(sub)
    for info in sub.registered_commands:
        assert info.callback is not None  # every labkit command has its function
        if (info.name or typer.main.get_command_name(info.callback.__name__)) == name:
            return typer.main.get_command_from_info(
                command_info=info, pretty_exceptions_short=sub.pretty_exceptions_short,
                rich_markup_mode=sub.rich_markup_mode,
            )  # fmt: skip
    for group in sub.registered_groups:
        if group.name == name:
            return typer.main.get_group_from_info(
                group, pretty_exceptions_short=sub.pretty_exceptions_short,
                suggest_commands=sub.suggest_commands, rich_markup_mode=sub.rich_markup_mode,
            )  # fmt: skip
    return None


class LabkitGroup(TyperGroup):
    """The root command: loads a command's module on first use, lists the commands from the
    static table, and turns a LabkitError from any command into a plain message and exit 1."""

    def list_commands(self, ctx: Any) -> list[str]:
        return [name for name, _, _ in COMMANDS]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in MODULE_OF:
            command = module_command(MODULE_OF[cmd_name], cmd_name)
            if command is not None:
                self.commands[cmd_name] = command
        return self.commands.get(cmd_name)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(top_level_help() + "\n")

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args and not ctx.resilient_parsing:  # `labkit` alone: the help
            typer.echo(top_level_help())
            ctx.exit(0)
        return super().parse_args(ctx, args)

    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except LabkitError as error:
            report_error(error)
            ctx.exit(int(error.exit_code))


app = typer.Typer(
    name="labkit",
    cls=LabkitGroup,
    help=t("cli.help.app"),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"labkit {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    lang: Annotated[
        Lang | None,
        typer.Option("--lang", help=t("cli.help.lang"), case_sensitive=False),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=t("cli.help.version")),
    ] = False,
) -> None:
    if lang is not None:
        set_ui_language(lang)


def report_error(error: LabkitError) -> None:
    """Print a user-facing error on stderr, in plain words."""
    from rich.console import Console
    from rich.markup import escape

    console = Console(stderr=True, highlight=False)
    console.print(f"[bold red]{t('cli.error_prefix')}[/] {escape(str(error))}", soft_wrap=True)


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script and of `python -m labkit`."""
    try:
        app(args=argv, prog_name="labkit")
    except KeyboardInterrupt:
        sys.exit(130)
