"""Native Office charts in python-docx documents: a `Chart` becomes a DrawingML chart part
(`word/charts/chartN.xml`) shown by an inline drawing, vector and editable in Word.

The chartSpace XML is written here with lxml (no embedded workbook: Word and LibreOffice draw a
chart from the values cached in its XML; Word asks for a workbook only when one edits the data).
matplotlib is not needed for a .docx.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from labkit.document.chart_labels import PALETTE, SERIES_ROOM, WIDTH_IN, category_room
from labkit.document.elements import Chart
from labkit.document.text import wrap, xml_safe

C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CHART_RELATIONSHIP = R_NS + "/chart"
_GREY, _DARK, _LIGHT = "555555", "222222", "DDDDDD"
_EMU_PER_IN = 914400
FONT = "Arial"
"""The charts' typeface (the report's body font; a sans serif as the PNG charts had)."""
_NSMAP = {"c": C_NS, "a": A_NS, "r": R_NS}
Number = Callable[[float], str]


def _plain(value: float) -> str:
    return f"{value:.1f}"


def _c(parent: Any, tag: str, val: object = None) -> Any:
    element = etree.SubElement(parent, f"{{{C_NS}}}{tag}")
    if val is not None:
        element.set("val", str(val))
    return element


def _a(parent: Any, tag: str, **attrs: str) -> Any:
    return etree.SubElement(parent, f"{{{A_NS}}}{tag}", attrs)


def chart_xml(chart: Chart, lang: str = "fr", number: Number = _plain) -> bytes:
    """The chartSpace part of `chart`: bars (vertical or horizontal, grouped) or a line.
    `number` writes a decimal value on its bar in the report's locale (« 4,6 »)."""
    space = etree.Element(f"{{{C_NS}}}chartSpace", nsmap=_NSMAP)
    _c(space, "date1904", 0)
    _c(space, "lang", "fr-FR" if lang == "fr" else "en-GB")
    _c(space, "roundedCorners", 0)
    body = _c(space, "chart")
    if chart.title:  # none when the figure's caption says it
        _title(_c(body, "title"), wrap(chart.title, 80, 2), 1000)
    _c(body, "autoTitleDeleted", 0 if chart.title else 1)
    plot = _c(body, "plotArea")
    _c(plot, "layout")
    if chart.kind == "line":
        _line(plot, chart)
    else:
        _bars(plot, chart, number)
    if len(chart.series) > 1:
        legend = _c(body, "legend")
        _c(legend, "legendPos", "b")
        _c(legend, "overlay", 0)
        _text_props(legend, 700)
    _c(body, "plotVisOnly", 1)
    _c(body, "dispBlanksAs", "gap")
    _no_line(_c(space, "spPr"))
    _text_props(space, 800)
    return etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True)


def _title(title: Any, text: str, size: int, colour: str = _DARK) -> None:
    rich = _c(_c(title, "tx"), "rich")
    _a(rich, "bodyPr")
    for line in text.split("\n"):
        p = _a(rich, "p")
        _a(_a(p, "pPr"), "defRPr", sz=str(size), b="0")
        run = _a(p, "r")
        props = _a(run, "rPr", lang="fr-FR", sz=str(size), b="0")
        _fill(props, colour)
        _a(props, "latin", typeface=FONT)
        _a(run, "t").text = xml_safe(line)
    _c(title, "overlay", 0)


def _text_props(parent: Any, size: int, colour: str = _DARK) -> None:
    tx = _c(parent, "txPr")
    _a(tx, "bodyPr")
    _a(tx, "lstStyle")
    props = _a(_a(_a(tx, "p"), "pPr"), "defRPr", sz=str(size))
    _fill(props, colour)
    _a(props, "latin", typeface=FONT)
    _a(tx[-1], "endParaRPr", lang="fr-FR")


def _fill(parent: Any, colour: str) -> None:
    _a(_a(parent, "solidFill"), "srgbClr", val=colour.lstrip("#").upper())


def _no_line(sp_pr: Any) -> None:
    _a(sp_pr, "ln").append(etree.Element(f"{{{A_NS}}}noFill"))


def _colour(chart: Chart, index: int) -> str:
    colour = chart.series[index].colour if index < len(chart.series) else None
    return (colour or PALETTE[index % len(PALETTE)]).lstrip("#").upper()


def _label(chart: Chart, category: str) -> str:
    width, lines = category_room(chart)
    return xml_safe(wrap(category, width, lines))


def _integers(chart: Chart) -> bool:
    return all(float(v).is_integer() for s in chart.series for v in s.values if v is not None)


def _series(parent: Any, chart: Chart, index: int) -> Any:
    """A c:ser with its name, categories and values (empty values are left out: a gap)."""
    series = chart.series[index]
    ser = _c(parent, "ser")
    _c(ser, "idx", index)
    _c(ser, "order", index)
    _c(_c(ser, "tx"), "v").text = xml_safe(wrap(series.name, *SERIES_ROOM))
    ser.append(etree.Element(f"{{{C_NS}}}spPr"))
    return ser


def _data(ser: Any, chart: Chart, index: int, code: str) -> None:
    """The series' categories and values, after its formatting elements (schema order)."""
    count = len(chart.categories)
    cats = _c(_c(ser, "cat"), "strLit")
    _c(cats, "ptCount", count)
    for n, category in enumerate(chart.categories):
        pt = _c(cats, "pt")
        pt.set("idx", str(n))
        _c(pt, "v").text = _label(chart, category)
    values = _c(_c(ser, "val"), "numLit")
    _c(values, "formatCode").text = code
    _c(values, "ptCount", count)
    for n, value in enumerate(chart.series[index].values):
        if value is not None:
            pt = _c(values, "pt")
            pt.set("idx", str(n))
            _c(pt, "v").text = repr(float(value))


def _labels(ser: Any, code: str, size: int, position: str, texts: list[str | None] | None
            ) -> None:  # fmt: skip
    """The values on the bars; `texts`: each value as written in the report's locale (a chart's
    number format would follow the reader's locale: « 4.6 » in a French report)."""
    labels = _c(ser, "dLbls")
    for n, text in enumerate(texts or ()):
        if text is not None:
            _custom_label(labels, n, text, size, _DARK, position)
    fmt = _c(labels, "numFmt")
    fmt.set("formatCode", code)
    fmt.set("sourceLinked", "0")
    _no_line(_c(labels, "spPr"))
    _text_props(labels, size)
    _c(labels, "dLblPos", position)
    for tag, on in (("showLegendKey", 0), ("showVal", 1), ("showCatName", 0),
                    ("showSerName", 0), ("showPercent", 0), ("showBubbleSize", 0)):  # fmt: skip
        _c(labels, tag, on)


def _bars(plot: Any, chart: Chart, number: Number) -> None:
    """Grouped bars; horizontal ones rank from the top. One colour per category when given."""
    horizontal = chart.kind == "hbar"
    group = _c(plot, "barChart")
    _c(group, "barDir", "bar" if horizontal else "col")
    _c(group, "grouping", "clustered")
    _c(group, "varyColors", 0)
    code = "0" if _integers(chart) else "0.0"
    several = len(chart.series) > 1
    for index in range(len(chart.series)):
        ser = _series(group, chart, index)
        _fill(ser.find(f"{{{C_NS}}}spPr"), _colour(chart, index))
        _c(ser, "invertIfNegative", 0)
        if not several and chart.category_colours:
            for n, colour in enumerate(chart.category_colours[: len(chart.categories)]):
                point = _c(ser, "dPt")
                _c(point, "idx", n)
                _c(point, "invertIfNegative", 0)
                _c(point, "bubble3D", 0)
                _fill(_c(point, "spPr"), colour)
        values = None if code == "0" else [
            None if v is None else number(v) for v in chart.series[index].values]
        _labels(ser, code, 700 if several else 800, "outEnd", values)
        _data(ser, chart, index, code)
    _c(group, "gapWidth", 40 if horizontal else 60)
    _c(group, "overlap", -5 if several else 0)
    _axes(plot, group, chart, code, reverse=horizontal)


def _line(plot: Any, chart: Chart) -> None:
    """The emotion curve: markers joined by a line, the level of each point named on it."""
    group = _c(plot, "lineChart")
    _c(group, "grouping", "standard")
    _c(group, "varyColors", 0)
    levels = dict(chart.value_labels)
    for index in range(len(chart.series)):
        colour = _colour(chart, index)
        ser = _series(group, chart, index)
        sp_pr = ser.find(f"{{{C_NS}}}spPr")
        line = _a(sp_pr, "ln", w="28575", cap="rnd")
        _fill(line, colour)
        marker = _c(ser, "marker")
        _c(marker, "symbol", "circle")
        _c(marker, "size", 7)
        mark = _c(marker, "spPr")
        _fill(mark, colour)
        _fill(_a(mark, "ln"), colour)
        if levels:
            _level_labels(ser, chart.series[index].values, levels)
        _data(ser, chart, index, "0")
        _c(ser, "smooth", 0)
    _c(group, "marker", 1)
    _axes(plot, group, chart, "0", reverse=False)


def _level_labels(ser: Any, values: tuple[float | None, ...], levels: dict[float, str]
                  ) -> None:  # fmt: skip
    """Each point labelled with the name of its level (« frustré·e »), on its right (the last
    one on its left): above or below, a label would sit on the line."""
    labels = _c(ser, "dLbls")
    last = max((n for n, v in enumerate(values) if v is not None), default=0)
    for n, value in enumerate(values):
        if value is None:
            continue
        nearest = min(levels, key=lambda level: abs(level - value))
        _custom_label(labels, n, levels[nearest], 700, _GREY, "l" if n == last else "r")
    _c(labels, "dLblPos", "t")
    for tag in ("showLegendKey", "showVal", "showCatName", "showSerName", "showPercent",
                "showBubbleSize"):  # fmt: skip
        _c(labels, tag, 0)


def _custom_label(labels: Any, index: int, text: str, size: int, colour: str, position: str
                  ) -> None:  # fmt: skip
    """A data label of point `index` whose text is `text`."""
    label = _c(labels, "dLbl")
    _c(label, "idx", index)
    rich = _c(_c(label, "tx"), "rich")
    _a(rich, "bodyPr")
    run = _a(_a(rich, "p"), "r")
    props = _a(run, "rPr", lang="fr-FR", sz=str(size))
    _fill(props, colour)
    _a(props, "latin", typeface=FONT)
    _a(run, "t").text = xml_safe(text)
    _c(label, "dLblPos", position)
    for tag, on in (("showLegendKey", 0), ("showVal", 1), ("showCatName", 0),
                    ("showSerName", 0), ("showPercent", 0), ("showBubbleSize", 0)):  # fmt: skip
        _c(label, tag, on)


def _axes(plot: Any, group: Any, chart: Chart, code: str, *, reverse: bool) -> None:
    """The category axis and the value axis (its bounds, its title, light gridlines)."""
    _c(group, "axId", 1001)
    _c(group, "axId", 1002)
    horizontal = chart.kind == "hbar"
    cat = _c(plot, "catAx")
    _c(cat, "axId", 1001)
    _c(_c(cat, "scaling"), "orientation", "maxMin" if reverse else "minMax")
    _c(cat, "delete", 0)
    _c(cat, "axPos", "l" if horizontal else "b")
    _c(cat, "numFmt").attrib.update({"formatCode": "General", "sourceLinked": "0"})
    _c(cat, "majorTickMark", "none")
    _c(cat, "minorTickMark", "none")
    _c(cat, "tickLblPos", "low")
    _fill(_a(_c(cat, "spPr"), "ln"), "999999")
    _text_props(cat, 800 if chart.kind != "line" else 700)
    _c(cat, "crossAx", 1002)
    _c(cat, "crosses", "autoZero")
    _c(cat, "auto", 1)
    _c(cat, "lblAlgn", "ctr")
    _c(cat, "lblOffset", 100)
    _c(cat, "noMultiLvlLbl", 1)
    val = _c(plot, "valAx")
    _c(val, "axId", 1002)
    scaling = _c(val, "scaling")
    _c(scaling, "orientation", "minMax")
    low, high = _bounds(chart)
    if high is not None:
        _c(scaling, "max", high)
    if low is not None:
        _c(scaling, "min", low)
    _c(val, "delete", 0)
    _c(val, "axPos", "b" if horizontal else "l")
    _fill(_a(_c(_c(val, "majorGridlines"), "spPr"), "ln", w="6350"), "EEEEEE")
    if chart.value_axis:
        _title(_c(val, "title"), xml_safe(chart.value_axis), 800, _GREY)
    _c(val, "numFmt").attrib.update({"formatCode": _axis_format(chart, code),
                                      "sourceLinked": "0"})
    _c(val, "majorTickMark", "out")
    _c(val, "minorTickMark", "none")
    _c(val, "tickLblPos", "nextTo")
    _no_line(_c(val, "spPr"))
    _text_props(val, 800, _GREY)
    _c(val, "crossAx", 1001)
    _c(val, "crosses", "max" if reverse else "autoZero")
    _c(val, "crossBetween", "between")
    if chart.kind == "line" or _axis_format(chart, code) == "0":
        _c(val, "majorUnit", 1 if chart.kind == "line" else max(1, round(_top(chart) / 6)))


def _axis_format(chart: Chart, code: str) -> str:
    if chart.kind == "line":
        return "+0;\u22120;0"
    return "0" if code == "0" or _top(chart) >= 3 else code


def _top(chart: Chart) -> float:
    return max((v or 0.0 for s in chart.series for v in s.values), default=1.0) or 1.0


def _bounds(chart: Chart) -> tuple[float | None, float | None]:
    """Value axis bounds, as the PNG charts have them (a little room for the values)."""
    if chart.kind == "line":
        low = chart.value_min if chart.value_min is not None else -2
        high = chart.value_max if chart.value_max is not None else 2
        return low, high
    top = chart.value_max or _top(chart)
    margin = 1.12 if chart.kind == "hbar" else 1.08
    high = top * margin
    return chart.value_min or 0, float(round(high)) if code_integer(chart) else round(high, 1)


def code_integer(chart: Chart) -> bool:
    """Whether the chart's values are all whole numbers (counts of dots)."""
    return _integers(chart)


def add_chart(paragraph: Any, chart: Chart, width_cm: float, height_cm: float, alt: str,
              title: str = "", lang: str = "fr", number: Number = _plain, *,
              shape_id: int | None = None) -> Any:  # fmt: skip
    """A native chart at the end of `paragraph` (a python-docx paragraph), `width_cm` wide,
    with its alternative text (docPr descr) and title; returns the chart part. `shape_id` is
    its drawing's id when the caller counts them (default: python-docx's `part.next_id`, a
    search of the whole document)."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    part = paragraph.part
    package = part.package
    partname = package.next_partname("/word/charts/chart%d.xml")
    xml = chart_xml(chart, lang, number)
    chart_part = Part(PackURI(partname), CHART_CONTENT_TYPE, xml, package)
    rid = part.relate_to(chart_part, CHART_RELATIONSHIP)
    cx, cy = round(width_cm / 2.54 * _EMU_PER_IN), round(height_cm / 2.54 * _EMU_PER_IN)
    shape_id = part.next_id if shape_id is None else shape_id
    name = f"Chart {shape_id}"
    descr = _attr(xml_safe(alt))
    caption = _attr(xml_safe(title)[:250])
    run = paragraph.add_run()
    drawing = parse_xml(
        f'<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        f'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        f'xmlns:a="{A_NS}" xmlns:c="{C_NS}" xmlns:r="{R_NS}">'
        f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
        f'<wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{shape_id}" name="{name}" descr="{descr}" title="{caption}"/>'
        f"<wp:cNvGraphicFramePr/><a:graphic><a:graphicData uri=\"{C_NS}\">"
        f'<c:chart r:id="{rid}"/></a:graphicData></a:graphic></wp:inline></w:drawing>'
    )
    run._r.append(drawing)
    return chart_part


def _attr(text: str) -> str:
    return (text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
            .replace(">", "&gt;").replace("\n", "&#10;"))  # fmt: skip


__all__ = ["WIDTH_IN", "add_chart", "chart_xml"]
