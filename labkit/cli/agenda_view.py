"""The terminal agenda: one table per day, phases in colour, totals per phase."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from labkit.i18n import format_date, format_duration, format_time, t
from labkit.model import Phase, minutes_per_phase, schedule_session
from labkit.store.session_folder import SessionFolder

PHASE_STYLES = {
    Phase.SCAN: "bold cyan",
    Phase.FOCUS: "bold magenta",
    Phase.ACT: "bold green",
    Phase.NONE: "dim",
}


def print_agenda(folder: SessionFolder, console: Console | None = None) -> None:
    """Print the session's agenda in the session's language."""
    console = console or Console(highlight=False)
    session = folder.session
    lang = session.language
    console.print(f"[bold]{escape(session.title)}[/]  ·  {escape(session.lab)}")
    for day_blocks, day in zip(schedule_session(session), session.days, strict=True):
        number = day_blocks[0].day_number if day_blocks else session.days.index(day) + 1
        heading = (
            f"{t('word.day', lang)} {number} — {format_date(day.date, lang)}  "
            f"({format_time(day.start)}–{format_time(day.end)})"
        )
        table = Table(title=heading, title_justify="left", expand=False, show_lines=False)
        table.add_column(t("agenda.col.time", lang), no_wrap=True)
        table.add_column(t("agenda.col.phase", lang), no_wrap=True)
        table.add_column(t("agenda.col.title", lang))
        table.add_column(t("agenda.col.method", lang))
        table.add_column(t("agenda.col.duration", lang), justify="right", no_wrap=True)
        for item in day_blocks:
            phase = item.block.phase
            table.add_row(
                f"{format_time(item.start)}–{format_time(item.end)}",
                f"[{PHASE_STYLES[phase]}]{t(f'phase.{phase.value}', lang)}[/]",
                escape(item.block.title),  # user text: "[à confirmer]" is not markup
                t(f"method.{item.block.method_type}", lang),
                format_duration(item.block.duration, lang),
            )
        console.print(table)
    totals = minutes_per_phase(session)
    parts = [
        f"[{PHASE_STYLES[phase]}]{t(f'phase.{phase.value}', lang)}[/] "
        f"{format_duration(totals[phase], lang)}"
        for phase in (Phase.SCAN, Phase.FOCUS, Phase.ACT)
    ]
    other = totals[Phase.NONE]
    parts.append(f"{t('agenda.other', lang)} {format_duration(other, lang)}")
    console.print(f"{t('agenda.totals', lang)} " + " · ".join(parts))
