"""Every printed document converts with LibreOffice headless and keeps the expected A4 pages.

Slow (LibreOffice starts once, ~10 s): marked `slow` and `libreoffice`; skipped, with the reason,
where `soffice` or `pdfinfo` (poppler-utils) is not on the PATH (.ci/run installs both).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from prepare_fixtures import save_plans

from labkit.prepare.invitation import render_invitation_agenda
from labkit.prepare.materials import write_materials
from labkit.store.session_folder import open_session

pytestmark = [pytest.mark.slow, pytest.mark.libreoffice]

A4_PORTRAIT = (595, 842)


def _pdf_info(path: Path) -> tuple[int, tuple[int, int]]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    fields = dict(line.split(":", 1) for line in info.stdout.splitlines() if ":" in line)
    pages = int(fields["Pages"].strip())
    width, _, height = fields["Page size"].split()[:3]
    return pages, (round(float(width)), round(float(height)))


def test_documents_convert_to_a4_pdf(session_dir: Path, tmp_path: Path) -> None:
    save_plans(session_dir)
    folder = open_session(session_dir)
    out = tmp_path / "docs"
    paths = write_materials(folder.session, out, rotations_dir=folder.rotations_dir).paths
    paths.append(render_invitation_agenda(folder.session, out / "invitation.docx"))
    pdf_dir = tmp_path / "pdf"
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf",
         "--outdir", str(pdf_dir), *map(str, paths)],
        capture_output=True, timeout=240, check=True,
    )
    expected_pages = {
        "invitation": 1,
        "table-cards": 3,  # one sheet per table, nothing pushed onto an extra page
        "route-cards": 2,
        "badges": 2,  # 13 badges, 10 a page
        "emargement": 2,  # landscape, 17 rows, the team block and the certification
    }
    for path in paths:
        pdf = pdf_dir / f"{path.stem}.pdf"
        assert pdf.is_file(), f"LibreOffice wrote no PDF for {path.name}"
        pages, size = _pdf_info(pdf)
        assert pages == expected_pages[path.stem], path.name
        landscape = path.stem in ("table-cards", "emargement")
        assert size == (A4_PORTRAIT[::-1] if landscape else A4_PORTRAIT), path.name
