"""The light entry point: fast top-level help and version, everything else to the Typer app."""

import subprocess
import sys

import pytest
import typer

from labkit import __version__
from labkit.cli import entry
from labkit.cli.app import app
from labkit.cli.commands import COMMANDS
from labkit.i18n import set_ui_language


def _typer_command_names() -> set[str]:
    click_group = typer.main.get_command(app)
    return {name for name, cmd in click_group.commands.items() if not cmd.hidden}


def test_fast_help_lists_exactly_the_registered_commands() -> None:
    assert {name for name, _ in COMMANDS} == _typer_command_names()


@pytest.mark.parametrize("argv", [[], ["--help"], ["-h"]])
def test_fast_answer_gives_the_top_level_help(argv: list[str]) -> None:
    set_ui_language("en")
    try:
        text = entry._fast_answer(argv)
    finally:
        set_ui_language(None)
    assert text is not None
    assert "Usage: labkit" in text
    for name, _ in COMMANDS:
        assert f"  {name} " in text


def test_fast_answer_follows_lang() -> None:
    try:
        text = entry._fast_answer(["--lang", "fr", "--help"])
    finally:
        set_ui_language(None)
    assert text is not None and "Commandes:" in text


def test_fast_answer_version_and_pass_through() -> None:
    assert entry._fast_answer(["--version"]) == f"labkit {__version__}"
    assert entry._fast_answer(["validate", "x"]) is None
    assert entry._fast_answer(["agenda", "--help"]) is None


def test_help_does_not_import_typer_or_pydantic() -> None:
    code = (
        "import sys; sys.argv = ['labkit', '--help']\n"
        "from labkit.cli.entry import main; main()\n"
        "heavy = [m for m in ('typer', 'rich', 'pydantic', 'textual') if m in sys.modules]\n"
        "print('HEAVY', heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "HEAVY []" in out.stdout


def test_python_dash_m_runs_commands(tmp_path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "labkit", "--lang", "en", "validate", str(tmp_path / "none")],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 1
    assert "no session found" in out.stdout + out.stderr
