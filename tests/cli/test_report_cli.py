"""`labkit report`: formats, output path, language, names, errors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from docx import Document
from typer.testing import CliRunner

from labkit.cli.app import app
from labkit.store.examples import copy_example

runner = CliRunner()


def _run(*args: str) -> Any:
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_default_output_is_beside_the_plan(sessions_dir: Path) -> None:
    target = copy_example("atelier-collaboratif", sessions_dir)
    result = _run("report", "atelier-collaboratif")
    assert result.exit_code == 0, result.output
    expected = target / "restitution-atelier-collaboratif.docx"
    assert expected.is_file()
    assert str(expected) in result.output.replace("\n", "")
    assert "29 contributions" in result.output
    headings = [p.text for p in Document(str(expected)).paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == ["L'essentiel", "Contexte et objectifs"]


def test_formats_out_and_language(sessions_dir: Path, tmp_path: Path) -> None:
    copy_example("atelier-collaboratif", sessions_dir)
    out = tmp_path / "exports" / "atelier.html"
    result = _run("report", "atelier-collaboratif", "--format", "html", "--out", str(out),
                  "--lang", "en")  # fmt: skip
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert 'lang="en"' in page and "Who took part" in page
    result = _run("report", "atelier-collaboratif", "-f", "md", "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "restitution-atelier-collaboratif.md").is_file()
    assert (tmp_path / "restitution-atelier-collaboratif-charts" / "figure-01.png").is_file()


def test_named_names_everyone_but_vulnerable_groups(
    write_session: Callable[..., Path], session_data: dict[str, Any], tmp_path: Path
) -> None:
    path = write_session(session_data, folder="plain")
    out = tmp_path / "r.md"
    assert _run("report", str(path.parent), "-f", "md", "-o", str(out)).exit_code == 0
    assert "Marc" not in out.read_text(encoding="utf-8")
    assert _run("report", str(path.parent), "-f", "md", "-o", str(out), "--named").exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "Marc" in text and "Julie" not in text


def test_errors_are_plain(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    result = runner.invoke(app, ["report", str(tmp_path), "--format", "odt"])
    assert result.exit_code == 2
    assert "odt" in result.output


def test_pdf_without_libreoffice_names_the_package(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    import shutil

    from labkit.report.pdf import PdfUnavailableError, docx_to_pdf

    monkeypatch.setattr(shutil, "which", lambda name: None)
    try:
        docx_to_pdf(b"")
    except PdfUnavailableError as error:
        assert "libreoffice-writer-nogui" in str(error)
    else:
        raise AssertionError("no error without LibreOffice")
