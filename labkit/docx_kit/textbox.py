"""An inline text box (DrawingML "wps" shape) that can be turned, e.g. upside down.

Word cannot turn a table cell's text by 180°, but it can turn a text box: the text stays text,
editable in Word and LibreOffice (unlike a picture of it). The box's paragraphs are written with
the usual helpers into a cell first, then moved inside the box.
"""

from __future__ import annotations

from typing import Any

WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
EMU_PER_CM = 360000

_TEMPLATE = (
    f'<w:r xmlns:w="{W}" xmlns:wp="{WP}" xmlns:a="{A}" xmlns:wps="{WPS}">'
    "<w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
    '<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
    '<wp:docPr id="{id}" name="Text box {id}" descr="{descr}"/><wp:cNvGraphicFramePr/>'
    f'<a:graphic><a:graphicData uri="{WPS}"><wps:wsp><wps:cNvSpPr txBox="1"/>'
    '<wps:spPr><a:xfrm rot="{rot}"><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln>'
    "</wps:spPr><wps:txbx><w:txbxContent/></wps:txbx>"
    '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" '
    'anchor="ctr" anchorCtr="0"><a:noAutofit/></wps:bodyPr>'
    "</wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
)


def text_box_paragraphs(document: Any) -> list[str]:
    """The text of every paragraph inside the document's text boxes, in order."""
    from docx.oxml.ns import qn

    found = []
    for box in document.element.body.iter(f"{{{W}}}txbxContent"):
        for paragraph in box.iter(qn("w:p")):
            found.append("".join(node.text or "" for node in paragraph.iter(qn("w:t"))))
    return found


def move_into_text_box(anchor: Any, paragraphs: list[Any], *, width_cm: float,
                       height_cm: float, rotation: int = 0, descr: str = "") -> Any:
    """Put `paragraphs` (python-docx paragraphs) in a text box at the end of `anchor`.

    `anchor` is a paragraph; `rotation` is in degrees (180: upside down). Returns the run.
    """
    from xml.sax.saxutils import quoteattr

    from lxml import etree

    body = anchor._parent
    ids = [int(d.get("id", 0)) for d in body.part.element.iter(f"{{{WP}}}docPr")]
    xml = _TEMPLATE.format(cx=round(width_cm * EMU_PER_CM), cy=round(height_cm * EMU_PER_CM),
                           id=max(ids, default=0) + 1000, rot=rotation * 60000,
                           descr=quoteattr(descr)[1:-1])
    run = etree.fromstring(xml, parser=_parser())
    content = run.find(f".//{{{W}}}txbxContent")
    for paragraph in paragraphs:
        content.append(paragraph._p)  # moved out of the cell, into the box
    anchor._p.append(run)
    return run


def _parser() -> Any:
    from docx.oxml.parser import oxml_parser

    return oxml_parser
