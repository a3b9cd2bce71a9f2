"""Preparing a session: retro-planning, calendar, invitation agenda and printed materials.

Pure domain functions plus writers (icalendar, python-docx). No typer, textual or rich here: the
CLI (`labkit.cli.prepare`) and the TUI call these. The writers import their heavy libraries
inside the functions, so that importing `labkit.prepare` stays cheap.
"""

from labkit.prepare.retroplanning import (
    DEFAULT_TEMPLATE,
    PlannedTask,
    Urgency,
    default_tasks,
    find_task,
    mark_done_in_document,
    retro_plan,
    session_tasks,
)

__all__ = [
    "DEFAULT_TEMPLATE",
    "PlannedTask",
    "Urgency",
    "default_tasks",
    "find_task",
    "mark_done_in_document",
    "retro_plan",
    "session_tasks",
]
