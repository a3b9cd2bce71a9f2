"""`labkit report SESSION [--format docx|pdf|pptx|md|html] [--out FILE] [--lang fr|en]
[--named] [--show-masked]`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from labkit.cli.masked import say_masked
from labkit.document.formats import ReportFormat
from labkit.i18n import Lang, t, ui_language

if TYPE_CHECKING:
    from labkit.report.content import Report


def register(app: typer.Typer) -> None:
    """Add the `report` command."""
    app.command("report", help=t("cli.help.report"))(report_command)


def report_command(
    session: Annotated[str, typer.Argument(help=t("report.cli.session"), metavar="SESSION")],
    fmt: Annotated[
        ReportFormat,
        typer.Option("--format", "-f", help=t("report.cli.format"), case_sensitive=False),
    ] = ReportFormat.DOCX,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help=t("report.cli.out"), metavar="FILE")
    ] = None,
    lang: Annotated[
        Lang | None, typer.Option("--lang", help=t("report.cli.lang"), case_sensitive=False)
    ] = None,
    named: Annotated[bool, typer.Option("--named", help=t("report.cli.named"))] = False,
    show_masked: Annotated[
        bool, typer.Option("--show-masked", help=t("report.cli.show_masked"))
    ] = False,
) -> None:
    """Write the restitution of a session from its plan and what its journal captured."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from labkit.report.render import default_output, journal_state, render_report
    from labkit.store.session_folder import open_session
    from labkit.store.session_log import session_log

    folder = open_session(session)
    if out is not None and out.is_dir():
        out = out / default_output(folder, fmt).name
    console = Console(highlight=False)
    columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    progress_bar = Progress(*columns, console=console, transient=True,
                            disable=not console.is_terminal)  # fmt: skip
    with session_log(folder.root), progress_bar as progress:
        task = progress.add_task(t("report.cli.progress"), total=None)
        state = journal_state(folder)

        def advance(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        rendered = render_report(folder, fmt, out, lang=lang, named=named, state=state,
                                 progress=advance)  # fmt: skip
    report = rendered.report
    summary = cli_summary(report)
    console.print(t("report.cli.written", None, path=rendered.path), soft_wrap=True)
    console.print(f"[dim]{summary}[/]", soft_wrap=True)
    say_masked(rendered.masked, show_masked)
    if fmt is ReportFormat.PDF:
        from labkit.report.pdf import uno_python

        if uno_python() is None:
            console.print(t("report.cli.pdf_no_uno", None), soft_wrap=True)


def cli_summary(report: Report) -> str:
    """ "17 contributions, 4 modules, 1 engagement, 0 questionnaire": each count with its noun
    in the plural babel gives (fr: 0 and 1 singular)."""
    from labkit.document.wording import Words

    words = Words(ui_language())
    answers = report.satisfaction.overall.respondents if report.satisfaction else 0
    closing = getattr(report, "closing", None)  # a summary of counts alone has none
    said = len(closing.words) if closing is not None else 0
    counts = (  # the closing's words are contributions too (questionnaires are counted apart)
        ("contributions", report.contribution_count + said),
        ("modules", len(report.outputs)),
        ("commitments", sum(c.count for c in report.commitments)),
        ("questionnaires", answers),
    )
    return ", ".join(words.count(f"cli.n.{key}", n) for key, n in counts)
