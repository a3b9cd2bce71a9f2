"""The sign-in sheet's remote-attendance boxes (☐, not in Arial) are in a run in a font that has
them."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml.ns import qn

from labkit.docx_kit.symbols import SYMBOL_FONT
from labkit.prepare.attendance import SheetOptions, build_attendance_sheet
from labkit.store.session_folder import SessionFolder


def test_sign_in_boxes_are_in_the_symbol_font(folder: SessionFolder, tmp_path: Path) -> None:
    path = tmp_path / "sheet.docx"
    build_attendance_sheet(folder.session, options=SheetOptions(remote_column=True)).save(str(path))
    boxes = other = 0
    for r in docx.Document(str(path)).element.body.iter(qn("w:r")):
        text = "".join(t.text or "" for t in r.iter(qn("w:t")))
        fonts = r.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        font = None if fonts is None else fonts.get(qn("w:hAnsi"))
        if "☐" in text:
            assert text == "☐" and font == SYMBOL_FONT
            boxes += 1
        elif text.strip():
            assert font != SYMBOL_FONT, text
            other += 1
    assert boxes and other
