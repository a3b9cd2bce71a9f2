"""Short coloured lines for commands whose output is a few marked lines (`labkit validate`):
Typer's own styling, without importing rich (about 20 ms of a command's start, issue 16).

Colours go to a terminal only, and never when ``NO_COLOR`` is set (as rich does).
"""

from __future__ import annotations

import os

import typer


def styled(text: str, colour: str, *, bold: bool = False) -> str:
    """`text` in `colour` (a Typer colour name such as "red"), bold if asked."""
    return typer.style(text, fg=colour, bold=bold)


def say(line: str) -> None:
    """Print `line` on stdout; its colours are dropped off a terminal or under NO_COLOR."""
    typer.echo(line, color=False if os.environ.get("NO_COLOR") else None)
