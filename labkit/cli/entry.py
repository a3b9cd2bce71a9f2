"""The console script's entry point, kept light so that `labkit --help` starts fast.

`labkit`, `labkit --help` and `labkit --version` are answered from the command registry without
importing Typer, Rich or pydantic, and so is an ad-hoc `labkit rotate ... --json`
(`labkit.cli.rotate_fast`); every other call goes to the Typer app.
"""

from __future__ import annotations

import sys

from labkit.cli.commands import COMMANDS


def _fast_answer(argv: list[str]) -> str | None:
    """The text to print for a top-level help or version request, or None for anything else."""
    rest = list(argv)
    if len(rest) >= 2 and rest[0] == "--lang":
        from labkit.i18n import normalise_lang, set_ui_language

        if normalise_lang(rest[1]) != rest[1].lower():  # not a language: Typer says so
            return None
        set_ui_language(rest[1])
        rest = rest[2:]
    if rest == ["--version"]:
        from labkit import __version__

        return f"labkit {__version__}"
    if rest in ([], ["--help"], ["-h"]):
        return top_level_help()
    return None


def top_level_help() -> str:
    """The top-level help: usage, options and every command with its one-line help."""
    from labkit.i18n import Lang, t

    width = max(len(name) for name, _ in COMMANDS) + 2
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
    lines += [f"  {name:<{width + 8}}{t(key)}" for name, key in COMMANDS]
    lines += ["", t("cli.help.more")]
    return "\n".join(lines)


def main() -> None:
    """Run labkit: the fast answers here, everything else through the Typer app."""
    text = _fast_answer(sys.argv[1:])
    if text is None and sys.argv[1:2] == ["rotate"] and "--json" in sys.argv:
        from labkit.cli.rotate_fast import fast_rotate

        text = fast_rotate(sys.argv[2:])
    if text is not None:
        sys.stdout.write(text + "\n")
        return
    from labkit.cli.app import main as app_main

    app_main()
