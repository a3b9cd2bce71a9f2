"""`labkit serve SESSION [--lan | --bind ADDR] [--port N] [--public-url URL] [--check]`: the
phone and projector pages, in their own process, writing the session's journal."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from labkit.i18n import t

DEFAULT_PORT = 8765


def register(app: typer.Typer) -> None:
    """Add the `serve` command."""
    app.command("serve", help=t("web.cli.help"))(serve_command)


def _switch(value: str | None, option: str) -> bool | None:
    if value is None:
        return None
    if value.lower() not in ("on", "off"):
        raise typer.BadParameter(t("web.cli.on_off"), param_hint=option)
    return value.lower() == "on"


def serve_command(
    session: Annotated[str, typer.Argument(help=t("web.cli.help_session"))],
    lan: Annotated[bool, typer.Option("--lan", help=t("web.cli.help_lan"))] = False,
    bind: Annotated[str | None, typer.Option("--bind", help=t("web.cli.help_bind"))] = None,
    port: Annotated[
        int, typer.Option("--port", min=1, max=65535, help=t("web.cli.help_port"))
    ] = DEFAULT_PORT,
    public_url: Annotated[
        str | None, typer.Option("--public-url", help=t("web.cli.help_public"))
    ] = None,
    check: Annotated[bool, typer.Option("--check", help=t("web.cli.help_check"))] = False,
    revoke: Annotated[bool, typer.Option("--revoke", help=t("web.cli.help_revoke"))] = False,
    lock: Annotated[str | None, typer.Option("--lock", help=t("web.cli.help_lock"))] = None,
    reveal: Annotated[str | None, typer.Option("--reveal", help=t("web.cli.help_reveal"))] = None,
) -> None:
    """Serve the session's phone pages and projector page (127.0.0.1 unless asked)."""
    from labkit.errors import InvalidInputError
    from labkit.store.session_folder import open_session
    from labkit.web import lan as network

    folder = open_session(session)
    lang = folder.session.language
    if lan and bind:
        raise typer.BadParameter("--lan | --bind", param_hint="--bind")
    if public_url and not public_url.startswith(("https://", "http://")):
        raise typer.BadParameter("https://…", param_hint="--public-url")
    addresses = tuple(i.address for i in network.interfaces())
    if lan:
        if not addresses:
            raise InvalidInputError(t("web.cli.no_lan", lang))
        bind = addresses[0]
    bind = bind or "127.0.0.1"
    if check:
        lines, ok = network.check_lines(bind, port, public_url, lang)
        for line in lines:
            typer.echo(line)
        raise typer.Exit(0 if ok else 1)
    from labkit.store.session_lock import live_lock
    from labkit.web.app import Settings, create_app

    settings = Settings(bind=bind, port=port, public_url=public_url, lan_addresses=addresses)
    switches = {"locked": _switch(lock, "--lock"), "revealed": _switch(reveal, "--reveal")}
    if revoke or any(v is not None for v in switches.values()):
        _control(create_app(folder, settings), folder.root, revoke, switches, lang)
        return
    with live_lock(folder.root, "serve"):  # shared with the live app that started it (F10)
        _run(create_app(folder, settings), settings, lang)


def _control(app: Any, root: Path, revoke: bool, switches: dict[str, bool | None],
             lang: str) -> None:  # fmt: skip
    """`--revoke`, `--lock`, `--reveal`: change the running server's switches (no lock)."""
    from labkit.web import control

    tables = app.app.state.web.room.tables()
    if revoke:
        control.revoke(root, tables)
        typer.echo(t("web.cli.revoked", lang))
    if any(v is not None for v in switches.values()):
        state = control.switch(root, tables, **{k: v for k, v in switches.items()
                                                 if v is not None})  # fmt: skip
        typer.echo(t("web.cli.lock_state", lang,
                     state=t("web.cli.closed" if state.locked else "web.cli.open", lang)))
        typer.echo(t("web.cli.reveal_state", lang,
                     state=t("web.cli.shown" if state.revealed else "web.cli.hidden", lang)))


def _run(app: Any, settings: object, lang: str) -> None:
    import uvicorn

    from labkit.web.projector import join_url

    web = app.app.state.web
    typer.echo(t("web.cli.listening", lang, url=web.settings.base_url))
    typer.echo(t("web.cli.join", lang, url=join_url(web)))
    typer.echo(t("web.cli.projector", lang,
                 url=f"{web.settings.base_url}/projector?key={web.projector_key()}"))
    if web.settings.bind == "127.0.0.1" and not web.settings.public_url:
        typer.echo(t("web.cli.local_only", lang))
    uvicorn.run(app, host=web.settings.bind, port=web.settings.port, log_level="warning",
                proxy_headers=False, server_header=False)  # fmt: skip
