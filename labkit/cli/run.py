"""`labkit run SESSION [--day N] [--lang fr|en]`: the facilitator's live terminal app."""

from __future__ import annotations

import socket
from typing import Annotated

import typer

from labkit.errors import StorageError
from labkit.i18n import Lang, t


def register(app: typer.Typer) -> None:
    """Add the `run` command."""
    app.command("run", help=t("tui.cli.help"))(run_command)


def run_command(
    session: Annotated[str, typer.Argument(help=t("tui.cli.help_session"))],
    day: Annotated[
        int | None, typer.Option("--day", min=1, max=3, help=t("tui.cli.help_day"))
    ] = None,
    lang: Annotated[
        Lang | None, typer.Option("--lang", help=t("tui.cli.help_lang"), case_sensitive=False)
    ] = None,
    device: Annotated[
        str | None, typer.Option("--device", help=t("tui.cli.help_device"))
    ] = None,
) -> None:
    """Open the live app on a session; every entry goes to the session's journal at once.

    Refuses to start (exit 1) when the journal cannot be written (read-only, disk full); exits
    1 after a crash, whose traceback is in the session's ``labkit.log``."""
    from labkit.i18n import set_session_language, set_ui_language

    if lang is not None:
        set_ui_language(lang)
    from labkit.tui.app import LabkitApp
    from labkit.tui.controller import LiveSession

    live = LiveSession.open(session, day=day, device=device or f"tui-{socket.gethostname()}")
    try:
        live.journal.check_writable()  # before anything is typed: read-only, full disk
    except StorageError as error:
        live.close()
        raise StorageError(t("tui.start.cannot_write", error=error)) from error
    set_session_language(live.session.language)
    try:
        app = LabkitApp(live)
        app.run()
    finally:
        set_session_language(None)
    if app.return_code:  # a crash: the app printed where its traceback is
        raise typer.Exit(app.return_code)
