"""The console script's entry point (`labkit`): the root Typer group, which imports only the
module of the invoked command (`labkit.cli.app`)."""

from __future__ import annotations

import os

OWNS_PROCESS = False
"""Whether a labkit command is this process's entry point (the console script, `python -m
labkit`): then the CPU the process has spent so far (start-up, imports) is the command's."""


def main() -> None:
    """Run labkit.

    pydantic's plugins are turned off unless the environment says otherwise
    (``PYDANTIC_DISABLE_PLUGINS``): labkit uses none, and looking for them reads the metadata of
    every installed distribution the first time a model is built, about 10 ms of each command
    that validates anything (issue 16).
    """
    global OWNS_PROCESS
    OWNS_PROCESS = True
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from labkit.cli.app import main as app_main

    app_main()
