"""Arguments shared by several commands, so that every command names them the same way."""

from __future__ import annotations

from typing import Annotated

import typer

from labkit.i18n import t

SessionArgument = Annotated[str, typer.Argument(metavar="SESSION", help=t("cli.help.session"))]
"""A session: its folder, its session.yaml, or its slug under sessions/."""

