"""The top-level commands: their name, the `labkit.cli` module that registers them, the catalog key
of their one-line help, in display order.

The root group reads this table to list the commands (`labkit --help`) and to import, for a call,
only the module of the invoked command; a test checks that each module registers exactly the
commands the table gives it.
"""

from __future__ import annotations

COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("new", "session", "cli.help.new"),
    ("validate", "session", "cli.help.validate"),
    ("agenda", "session", "cli.help.agenda"),
    ("schema", "session", "cli.help.schema"),
    ("check", "check", "cli.help.check"),
    ("participants", "participants", "participants.help.group"),
    ("examples", "examples", "cli.help.examples"),
    ("rotate", "rotate", "planning.help.rotate"),
    ("pairs", "rotate", "planning.help.pairs"),
    ("plan", "prepare", "prepare.help.plan"),
    ("ics", "prepare", "prepare.help.ics"),
    ("materials", "prepare", "prepare.help.materials"),
    ("note", "journal", "journal.cli.help.note"),
    ("history", "journal", "journal.cli.help.history"),
    ("export", "journal", "journal.cli.help.export"),
    ("import", "journal", "journal.cli.help.import"),
    ("run", "run", "tui.cli.help"),
    ("serve", "serve", "web.cli.help"),
    ("report", "report", "cli.help.report"),
)

MODULE_OF: dict[str, str] = {name: module for name, module, _ in COMMANDS}
"""command name -> the `labkit.cli` module whose `register(app)` adds it."""


def top_level_help() -> str:
    """The top-level help: usage, options and every command with its one-line help."""
    from labkit.i18n import Lang, t

    width = max(len(name) for name, _, _ in COMMANDS) + 2
    lines = [
        f"{t('cli.usage')}: labkit [OPTIONS] COMMAND [ARGS]...",
        "",
        f"  {t('cli.help.app')}",
        "",
        f"{t('cli.options')}:",
        f"  {'--lang [' + '|'.join(Lang) + ']':<{width + 8}}{t('cli.help.lang')}",
        f"  {'--version':<{width + 8}}{t('cli.help.version')}",
        f"  {'-h, --help':<{width + 8}}{t('cli.help.help')}",
        "",
        f"{t('cli.commands')}:",
    ]
    lines += [f"  {name:<{width + 8}}{t(key)}" for name, _, key in COMMANDS]
    lines += ["", t("cli.help.more")]
    return "\n".join(lines)
