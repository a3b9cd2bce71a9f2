"""The console script's entry point (`labkit`): the root Typer group, which imports only the
module of the invoked command (`labkit.cli.app`)."""

from __future__ import annotations


def main() -> None:
    """Run labkit."""
    from labkit.cli.app import main as app_main

    app_main()
