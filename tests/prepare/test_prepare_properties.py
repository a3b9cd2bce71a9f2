"""Every printed material carries clean core properties: by the Lab, created now, no trace of
python-docx's template (creator, 2013 dates, comment, "Microsoft Macintosh Word")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx

from labkit.prepare.invitation import render_invitation_agenda
from labkit.prepare.materials import write_materials
from labkit.store.session_folder import SessionFolder


def test_every_prepare_document_has_clean_core_properties(folder: SessionFolder,
                                                          tmp_path: Path) -> None:
    session = folder.session
    out = tmp_path / "out"
    paths = write_materials(session, out, rotations_dir=folder.rotations_dir).paths
    paths.append(render_invitation_agenda(session, out / "invitation.docx"))
    documents = [p for p in paths if p.suffix == ".docx"]
    assert len(documents) >= 5  # table cards, route cards, badges, sign-in sheet, agenda
    before = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=5)
    for path in documents:
        core = docx.Document(str(path)).core_properties
        assert core.author == core.last_modified_by == session.lab, path.name
        assert core.title and core.subject == session.title, path.name
        assert core.comments == "" and "python-docx" not in f"{core.author}{core.comments}"
        assert core.created >= before and core.modified >= before, path.name
        assert core.language == "fr-FR"
        package = docx.Document(str(path)).part.package
        app = next(r.target_part.blob for r in package.rels.values()
                   if r.reltype.endswith("/extended-properties"))
        assert b"<Application>labkit</Application>" in app and b"Word" not in app, path.name
