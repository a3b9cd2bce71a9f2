"""The ad-hoc `labkit rotate --json` fast path: same JSON as the Typer app, and it hands every
unusual call (errors, sessions, other options) back to the Typer app."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from labkit.cli.app import app
from labkit.cli.rotate_fast import fast_rotate


def run(*args: str):  # noqa: ANN201 - click's Result
    return CliRunner().invoke(app, ["--lang", "fr", *args], env={"LABKIT_LANG": "fr"})

ARGS = ["--size", "25", "--tables", "5", "--rounds", "4", "--hosts", "--groups", "A=10,B=10",
        "--seed", "2", "--time-limit", "0.3", "--json"]


def _without_seconds(data: dict) -> dict:
    data["metrics"].pop("seconds")
    return data


def test_fast_path_prints_what_the_typer_app_prints() -> None:
    fast = fast_rotate(ARGS)
    assert fast is not None
    slow = run("rotate", *ARGS)
    assert slow.exit_code == 0
    assert _without_seconds(json.loads(fast)) == _without_seconds(json.loads(slow.output))


@pytest.mark.parametrize("args", [
    ["--size", "24", "--tables", "6", "--json"],  # --rounds missing: the app explains
    ["--size", "0", "--tables", "6", "--rounds", "2", "--json"],
    ["--size", "4", "--tables", "6", "--rounds", "2", "--hosts", "--json"],
    ["--size", "10", "--tables", "2", "--rounds", "2", "--groups", "A=x", "--json"],
    ["session-folder", "--json"],
    ["--size", "10", "--tables", "2", "--rounds", "2", "--save", "--json"],
    ["--size", "10", "--tables", "2", "--rounds", "2"],  # not JSON
])
def test_unusual_calls_go_to_the_typer_app(args: list[str]) -> None:
    assert fast_rotate(args) is None


def test_fast_path_imports_neither_typer_nor_rich_nor_pydantic() -> None:
    code = ("import sys; sys.argv = ['labkit', 'rotate', '--size', '20', '--tables', '5', "
            "'--rounds', '5', '--json']\nfrom labkit.cli.entry import main; main()\n"
            "print(sorted(m for m in ('typer', 'rich', 'pydantic', 'click') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert json.loads(out[0])["metrics"]["repeats"] == 0
    assert out[-1] == "[]"
