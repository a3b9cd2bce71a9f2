"""The framework's floor: a minimal Typer app with one command whose parameters are of the kinds
`labkit note` takes (a path, a text, optional texts and numbers), run as a whole process.

Every labkit command pays at least this: Typer imports its vendored click and inspects the
invoked command's parameters. Typer 0.29 also builds one pydantic `TypeAdapter` per parameter
(importing pydantic for it): 13.8x `python -c pass` on 0.29.2 against 5.6x on 0.28.0, hence
labkit's `typer<0.29`. `cli_startup.py` prints it as a ratio to `python -c pass`, the share of the
budget it takes.

    python benchmarks/typer_floor.py note SESSION TEXT
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(add_completion=False)


@app.command()
def note(
    session: Annotated[Path, typer.Argument()],
    text: Annotated[str, typer.Argument()],
    block: Annotated[str | None, typer.Option()] = None,
    question: Annotated[int | None, typer.Option(min=1)] = None,
    table: Annotated[int | None, typer.Option(min=1)] = None,
    kind: Annotated[str, typer.Option()] = "note",
    round_number: Annotated[int | None, typer.Option("--round", min=1)] = None,
    team: Annotated[str | None, typer.Option()] = None,
    territory: Annotated[str | None, typer.Option()] = None,
    author: Annotated[str | None, typer.Option()] = None,
    device: Annotated[str | None, typer.Option()] = None,
    by: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Print the text (no labkit code is imported)."""
    typer.echo(text)


@app.command()
def other() -> None:
    """A second command, so that the app is a group as labkit's is."""


if __name__ == "__main__":
    app()
