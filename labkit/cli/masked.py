"""What the naming guard withheld from an output, told to the facilitator on stderr."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import typer

from labkit.i18n import t
from labkit.model.naming import MaskedMention


def say_masked(masked: Iterable[MaskedMention], listed: bool) -> None:
    """Count (and with `listed`, list) each distinct mention withheld; nothing when none was."""
    seen = list(dict.fromkeys(masked))
    if not seen:
        return
    kinds = Counter(m.kind for m in seen)
    hint = "" if listed else t("report.cli.masked_hint")
    typer.echo(t("report.cli.masked", names=kinds["name"], emails=kinds["email"], hint=hint),
               err=True)  # fmt: skip
    if listed:
        for mention in seen:
            typer.echo(t("report.cli.masked_line", original=mention.original,
                         replacement=mention.replacement), err=True)  # fmt: skip
