"""`labkit agenda SESSION --docx FILE` writes the invitation agenda."""

from pathlib import Path

from docx import Document
from typer.testing import CliRunner

from labkit.cli.app import app
from labkit.resources import data_dir


def test_agenda_docx_writes_the_invitation(tmp_path: Path) -> None:
    example = data_dir("examples") / "cooperation-territoriale"
    out = tmp_path / "invitation.docx"
    result = CliRunner().invoke(app, ["--lang", "fr", "agenda", str(example), "--docx", str(out)])
    assert result.exit_code == 0, result.output
    assert str(out) in result.output
    from labkit.prepare.invitation import guest_title
    from labkit.store.session_folder import open_session

    session = open_session(example).session
    document = Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs).replace("\u00a0", " ")
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    cells = cells.replace("\u00a0", " ")  # French no-break spaces read as spaces
    assert session.title in text
    for _, block in session.blocks():
        assert guest_title(block.title, session.language) in cells  # "Déclusion" -> "Clôture"


def test_agenda_docx_on_a_missing_session_exits_1(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["agenda", str(tmp_path / "nowhere"), "--docx", str(tmp_path / "x.docx")]
    )
    assert result.exit_code == 1
    assert not (tmp_path / "x.docx").exists()
