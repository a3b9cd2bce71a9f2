"""Table helpers for python-docx: fixed widths, borders and shading drawn directly, row rules.

Borders are written on the table and its cells rather than through a table style, because
templates may lack "Table Grid". Child elements are inserted in the order OOXML requires, which
Word (unlike LibreOffice) enforces: `_TCPR_ORDER` and `_TBLPR_ORDER` are the only copies of it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

_TCPR_ORDER = ("tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
               "textDirection", "tcFitText", "vAlign", "hideMark")
_TBLPR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
                "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
                "shd", "tblLayout", "tblCellMar", "tblLook")
_EDGES = ("top", "left", "bottom", "right")


def _insert_ordered(parent: Any, child: Any, order: Sequence[str]) -> Any:
    """Insert `child` into `parent` before the first sibling that must follow it (OOXML order)."""
    name = child.tag.split("}")[1]
    for existing in parent.findall(child.tag):
        parent.remove(existing)
    later = set(order[order.index(name) + 1:])
    for index, sibling in enumerate(parent):
        if sibling.tag.split("}")[1] in later:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


def _border(tag: str, style: str, size: int, colour: str) -> Any:
    from docx.oxml import OxmlElement

    element = OxmlElement(f"w:{tag}")
    element.set(qn("w:val"), style)
    element.set(qn("w:sz"), str(size))
    element.set(qn("w:space"), "0")
    element.set(qn("w:color"), colour)
    return element


def set_table_borders(
    table: Any, *, style: str = "single", size: int = 4, colour: str = "000000", inside: bool = True
) -> None:
    """Draw the table's borders directly (no table style needed). `size` is in eighths of pt."""
    from docx.oxml import OxmlElement

    borders = OxmlElement("w:tblBorders")
    for edge in (*_EDGES, "insideH", "insideV"):
        kind = style if inside or edge in _EDGES else "nil"
        borders.append(_border(edge, kind, size, colour))
    _insert_ordered(table._tbl.tblPr, borders, _TBLPR_ORDER)


def set_cell_borders(cell: Any, **edges: tuple[str, int, str] | None) -> None:
    """Set some edges of a cell: e.g. `top=("dashed", 8, "808080")`, `left=None` for none."""
    from docx.oxml import OxmlElement

    tc_pr = cell._tc.get_or_add_tcPr()
    borders = tc_pr.find(qn("w:tcBorders"))
    if borders is None:
        borders = _insert_ordered(tc_pr, OxmlElement("w:tcBorders"), _TCPR_ORDER)
    for edge in _EDGES:
        if edge not in edges:
            continue
        for old in borders.findall(qn(f"w:{edge}")):
            borders.remove(old)
        spec = edges[edge] or ("nil", 0, "auto")
        element = _border(edge, *spec)
        before = _EDGES[: _EDGES.index(edge)]
        position = sum(1 for child in borders if child.tag.split("}")[1] in before)
        borders.insert(position, element)


def set_cell_shading(cell: Any, colour: str) -> None:
    """Fill a cell with the colour `colour` (RRGGBB, with or without #)."""
    shade_tc(cell._tc, colour)


def shade_tc(tc: Any, colour: str) -> None:
    """`set_cell_shading` on a raw ``w:tc`` element (for rows built by copying XML)."""
    from docx.oxml import OxmlElement

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour.lstrip("#").upper())
    _insert_ordered(tc.get_or_add_tcPr(), shading, _TCPR_ORDER)


def set_cell_margins(cell: Any, top: float = 0.1, right: float = 0.2, bottom: float = 0.1,
                     left: float = 0.2) -> None:
    """Inner margins of a cell, in cm."""
    from docx.oxml import OxmlElement

    margins = OxmlElement("w:tcMar")
    for edge, value in zip(_EDGES, (top, left, bottom, right), strict=True):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(round(value * 567)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    _insert_ordered(cell._tc.get_or_add_tcPr(), margins, _TCPR_ORDER)


def new_table(container: Any, columns: Sequence[float], *, rows: int = 0) -> Any:
    """A fixed-layout table with the given column widths (cm); `rows` empty rows to begin with."""
    from docx.shared import Cm

    table = container.add_table(rows=rows, cols=len(columns))
    table.autofit = False
    _fixed_layout(table)
    for column, width in zip(table.columns, columns, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        size_row(row, columns)
    return table


def table_opening_xml(widths: Sequence[int], style_id: str | None = None) -> str:
    """The start of the table `new_table` makes (its properties and grid) with columns `widths`
    twips wide, in the table style of id `style_id` (None: the document's default), as XML text
    without namespace declarations: for a table written as text (the report's)."""
    style = "" if style_id is None else f'<w:tblStyle w:val="{_attribute(style_id)}"/>'
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    return (f'<w:tbl><w:tblPr>{style}<w:tblW w:type="auto" w:w="0"/>'
            '<w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" '
            'w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/>'
            f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>")  # fmt: skip


def cell_opening_xml(width: int, fill: str | None = None) -> str:
    """The start of a cell `width` twips wide (as `size_row` sets it), shaded `fill` (as
    `set_cell_shading` does), as XML text: what its paragraphs follow."""
    shading = "" if fill is None else (
        f'<w:shd w:val="clear" w:color="auto" w:fill="{_attribute(fill.lstrip("#").upper())}"/>')
    return f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{shading}</w:tcPr>'


def _attribute(value: str) -> str:
    """An attribute's value as lxml writes it (not `xml.sax.saxutils`, which imports urllib)."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        '"', "&quot;")


def add_row(table: Any, widths: Sequence[float]) -> Any:
    """Append a row (O(1), unlike `Table.cell`) with its cell widths set; return its cells."""
    row = table.add_row()
    size_row(row, widths)
    return row


def size_row(row: Any, widths: Sequence[float]) -> None:
    """Set each cell's width (Word reads the cells', LibreOffice the grid's)."""
    from docx.shared import Cm

    for cell, width in zip(row.cells, widths, strict=False):
        cell.width = Cm(width)


def set_row_height(row: Any, height_cm: float, *, exact: bool = False) -> None:
    """A row's height: at least `height_cm`, or exactly with `exact`."""
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Cm

    row.height = Cm(height_cm)
    row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY if exact else WD_ROW_HEIGHT_RULE.AT_LEAST


def keep_row_together(row: Any) -> None:
    """Never split this row across two pages."""
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        tr_pr.append(OxmlElement("w:cantSplit"))


def repeat_as_header(row: Any) -> None:
    """Repeat this (first) row at the top of every page the table spans."""
    from docx.oxml import OxmlElement

    tr_pr = row._tr.get_or_add_trPr()
    if tr_pr.find(qn("w:tblHeader")) is None:
        tr_pr.append(OxmlElement("w:tblHeader"))


def qn(tag: str) -> str:
    """The Clark name of a prefixed OOXML tag: "w:shd" -> "{http://...main}shd"."""
    from docx.oxml.ns import qn as docx_qn

    return docx_qn(tag)


def _fixed_layout(table: Any) -> None:
    from docx.oxml import OxmlElement

    tbl_pr = table._tbl.tblPr
    for existing in tbl_pr.findall(qn("w:tblLayout")):  # `autofit = False` wrote one already:
        tbl_pr.remove(existing)  # the schema allows one (LibreOffice and Word read a single one)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    _insert_ordered(tbl_pr, layout, _TBLPR_ORDER)
