"""French typography in the preparation documents too (issue 12, point 2): no plain space before
`: ; ? !` or inside « », in every text of every document (body, tables, text boxes, headers and
footers), for the bundled example session."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from labkit.prepare.invitation import render_invitation_agenda
from labkit.prepare.materials import write_materials
from labkit.resources import data_dir
from labkit.store.session_folder import open_session

_PLAIN = re.compile(r" [:;?!»]|« ")
_TEXT = re.compile(r"<w:t(?: [^>]*)?>([^<]*)</w:t>")


def _texts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as docx:
        parts = [n for n in docx.namelist()
                 if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n)]  # fmt: skip
        return [text for name in parts for text in _TEXT.findall(docx.read(name).decode())]


def test_every_preparation_document_is_typeset_in_french(tmp_path: Path) -> None:
    folder = open_session(data_dir("examples") / "cooperation-territoriale")
    paths = write_materials(folder.session, tmp_path, rotations_dir=folder.rotations_dir).paths
    paths.append(render_invitation_agenda(folder.session, tmp_path / "invitation.docx"))
    assert len(paths) >= 5
    spaced = 0
    for path in paths:
        texts = _texts(path)
        assert texts, path
        plain = [text for text in texts if _PLAIN.search(text)]
        assert not plain, (path.name, plain[:5])
        spaced += sum(text.count("\u00a0") for text in texts)
    assert spaced > 20  # the colons, question marks and quotes of the example are there


def test_a_space_split_from_its_colon_between_two_runs_is_made_no_break(tmp_path: Path) -> None:
    from docx import Document

    from labkit.prepare.docx_common import save_docx

    document = Document()
    document.core_properties.language = "fr"
    paragraph = document.add_paragraph()
    paragraph.add_run("Lieu ")
    paragraph.add_run(": Saint-Étienne ? « Oui » !")
    texts = _texts(save_docx(document, tmp_path / "runs.docx"))
    assert texts == ["Lieu\u00a0", ": Saint-Étienne\u00a0? «\u00a0Oui\u00a0»\u00a0!"]
