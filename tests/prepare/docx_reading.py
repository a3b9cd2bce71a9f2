"""Reading back the printed materials' .docx files in tests: text, picture alt texts, QR targets."""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

from labkit.prepare.docx_common import QR_PREFIX


def picture_descriptions(document: Any) -> list[str]:
    """The alternative texts of every picture of the document (body, tables, in order)."""
    return [
        element.get("descr", "")
        for element in document.element.body.iter()
        if element.tag.endswith("}docPr")
    ]


def document_text(document: Any) -> str:
    """Every paragraph's text of the document body, tables included, one paragraph a line."""
    lines = []
    for paragraph in document.element.body.iter(qn("w:p")):
        lines.append("".join(node.text or "" for node in paragraph.iter(qn("w:t"))))
    return "\n".join(lines)


def qr_targets(document: Any) -> list[str]:
    """The URLs of the document's QR codes, in order."""
    return [d[len(QR_PREFIX):] for d in picture_descriptions(document) if d.startswith(QR_PREFIX)]
