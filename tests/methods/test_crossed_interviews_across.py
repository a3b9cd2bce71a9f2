"""The crossed-interviews option `pair_across` (issue 14): its default is today's mixing, the
example asks for pairs across départements, `labkit pairs` says how many pairs share one, and a
bad value is refused naming the file, the line and the field."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from labkit.model import CrossedInterviewsConfig
from labkit.store.session_folder import open_session

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "cooperation-territoriale"


def labkit(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "labkit", "--lang", "en", *args],
                          capture_output=True, text=True, timeout=120)


def test_the_default_mixes_organisations_then_groups() -> None:
    config = CrossedInterviewsConfig(prompt="Une coopération réussie")
    assert config.pair_across == ["organisation", "group"]
    with pytest.raises(ValidationError, match="pair_across"):
        CrossedInterviewsConfig(prompt="x", pair_across=["département"])


def test_the_example_asks_for_pairs_across_departements() -> None:
    session = open_session(EXAMPLE).session
    block = next(b for _, b in session.blocks() if b.method_type == "crossed_interviews")
    assert isinstance(block.method, CrossedInterviewsConfig)
    assert block.method.pair_across == ["territory", "organisation", "group"]


def test_labkit_pairs_counts_the_same_departement_pairs(tmp_path: Path) -> None:
    copy = tmp_path / "coop"
    shutil.copytree(EXAMPLE, copy)
    shown = labkit("pairs", str(copy), "--block", "interviews")
    assert shown.returncode == 0, shown.stderr
    assert "Same-territory pairs" in shown.stdout
    saved = labkit("pairs", str(copy), "--block", "interviews", "--save")
    assert saved.returncode == 0, saved.stderr
    plan = json.loads(next((copy / "rotations").glob("interviews*.json")).read_text())
    assert plan["planner"]["metrics"]["same_territory"] == 0


@pytest.mark.parametrize(("value", "said"), [
    ("[departement, group]", "territory, organisation, group"),
    ("[group, group]", "listed twice: group"),
])
def test_a_bad_value_names_file_line_and_field(tmp_path: Path, value: str, said: str) -> None:
    copy = tmp_path / "coop"
    shutil.copytree(EXAMPLE, copy)
    path = copy / "session.yaml"
    text = path.read_text(encoding="utf-8")
    line = "          pair_across: [territory, organisation, group]\n"
    assert text.count(line) == 1
    before = text.replace(line, f"          pair_across: {value}\n")
    path.write_text(before, encoding="utf-8")
    number = before.splitlines().index(f"          pair_across: {value}") + 1
    found = labkit("validate", str(copy))
    assert found.returncode != 0
    out = found.stdout + found.stderr
    assert f"session.yaml:{number}" in out and "pair_across" in out and said in out, out
    assert path.read_text(encoding="utf-8") == before  # nothing rewritten
