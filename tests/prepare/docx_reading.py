"""Reading back the printed materials' .docx files in tests: text, picture alt texts, QR targets."""

from __future__ import annotations

from typing import Any

from labkit.docx_kit.pictures import picture_descriptions, qr_targets
from labkit.docx_kit.tables import qn

__all__ = ["document_text", "picture_descriptions", "qr_targets"]


def document_text(document: Any) -> str:
    """Every paragraph's text of the document body, tables included, one paragraph a line, with
    French no-break spaces read as spaces (their placement is tested on its own)."""
    lines = []
    for paragraph in document.element.body.iter(qn("w:p")):
        lines.append("".join(node.text or "" for node in paragraph.iter(qn("w:t"))))
    return "\n".join(lines).replace("\u00a0", " ")
