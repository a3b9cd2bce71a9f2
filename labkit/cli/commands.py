"""The top-level commands and the catalog key of their one-line help, in display order.

Read by the fast `labkit --help`; a test checks it lists exactly the commands the Typer app has.
"""

from __future__ import annotations

COMMANDS: tuple[tuple[str, str], ...] = (
    ("new", "cli.help.new"),
    ("validate", "cli.help.validate"),
    ("agenda", "cli.help.agenda"),
    ("schema", "cli.help.schema"),
    ("participants", "participants.help.group"),
    ("examples", "cli.help.examples"),
    ("rotate", "planning.help.rotate"),
    ("pairs", "planning.help.pairs"),
    ("plan", "prepare.help.plan"),
    ("ics", "prepare.help.ics"),
    ("materials", "prepare.help.materials"),
    ("note", "journal.cli.help.note"),
    ("history", "journal.cli.help.history"),
    ("export", "journal.cli.help.export"),
    ("import", "journal.cli.help.import"),
    ("run", "tui.cli.help"),
    ("serve", "web.cli.help"),
    ("report", "cli.help.report"),
)
