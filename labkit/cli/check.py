"""`labkit check SESSION`: report the problems of a session folder without changing it."""

from __future__ import annotations

import typer

from labkit.cli.arguments import SessionArgument
from labkit.i18n import t


def register(app: typer.Typer) -> None:
    """Add the check command."""
    app.command("check", help=t("cli.help.check"))(check_command)


def check_command(session: SessionArgument) -> None:
    """Every problem of the folder (plan, journal, files, saved plans); exit 1 on a problem."""
    from rich.console import Console
    from rich.markup import escape

    from labkit.store.session_check import check_folder

    root, findings = check_folder(session)
    console = Console(highlight=False)
    errors = [f for f in findings if f.error]
    if not findings:
        console.print(f"[bold green]✓[/] {escape(t('check.ok', path=root))}", soft_wrap=True)
        return
    mark = "[bold red]✗[/]" if errors else "[bold yellow]![/]"
    summary = t("check.summary", path=root, errors=len(errors),
                warnings=len(findings) - len(errors))  # fmt: skip
    console.print(f"{mark} {escape(summary)}", soft_wrap=True)
    for finding in findings:
        label, style = (t("word.error"), "red") if finding.error else (t("word.warning"), "yellow")
        console.print(f"  [{style}]{label}[/] {escape(finding.text)}", soft_wrap=True)
    if errors:
        raise typer.Exit(1)
