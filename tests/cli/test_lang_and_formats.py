"""The language list (`i18n.Lang`) and the report formats (`document.formats.ReportFormat`) are
listed once; the model, the renderer and every `--lang`/`--format` option read them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from labkit.cli.app import app
from labkit.document.formats import ReportFormat
from labkit.errors import InvalidInputError
from labkit.i18n import Lang, normalise_lang
from labkit.model import Session
from labkit.store.examples import copy_example

LABKIT = Path(__file__).parents[2] / "labkit"


def test_the_model_and_i18n_share_the_list() -> None:
    assert [lang.value for lang in Lang] == ["fr", "en"]
    assert Session.model_fields["language"].annotation is Lang
    assert normalise_lang("EN_gb.UTF-8") is Lang.EN and normalise_lang("de") is None


def test_no_module_writes_the_language_or_format_list_by_hand() -> None:
    by_hand = re.compile(r"""\(\s*["']fr["'],\s*["']en["']\s*\)|fr \| en|"docx", "md\"""")
    found = [path.relative_to(LABKIT) for path in LABKIT.rglob("*.py")
             if by_hand.search(path.read_text("utf-8"))]  # fmt: skip
    assert found == []


def test_options_are_case_insensitive_choices(sessions_dir: Path, tmp_path: Path) -> None:
    copy_example("atelier-collaboratif", sessions_dir)
    out = tmp_path / "rapport.html"
    result = CliRunner().invoke(app, ["report", "atelier-collaboratif", "--format", "HTML",
                                      "--out", str(out), "--lang", "EN"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert 'lang="en"' in out.read_text("utf-8")
    refused = CliRunner().invoke(app, ["report", "atelier-collaboratif", "--format", "pdf"])
    assert refused.exit_code == 2 and "'pdf' is not one of 'docx', 'md', 'html'" in refused.stderr


def test_the_renderer_checks_against_the_same_lists(sessions_dir: Path) -> None:
    from labkit.report.render import render_report
    from labkit.store.session_folder import open_session

    folder = open_session(copy_example("atelier-collaboratif", sessions_dir))
    with pytest.raises(InvalidInputError, match="docx, md, html"):
        render_report(folder, "pdf")
    with pytest.raises(InvalidInputError, match="fr, en"):
        render_report(folder, ReportFormat.MD, lang="de")
