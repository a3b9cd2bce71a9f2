"""Markdown and HTML versions of the report, through the Jinja2 templates in ``templates/``.

User text is always data: it is passed to the templates as values, never rendered as a template
(``{{ 7*7 }}`` typed in a session stays ``{{ 7*7 }}``). The HTML environment autoescapes; the
Markdown one escapes every value with `md_escape` (its `finalize`), so that text such as
``<script>`` or ``# title`` is shown as typed instead of becoming markup.
"""

from __future__ import annotations

import base64
import logging
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup

from labkit.document import elements as e
from labkit.document.text import is_rtl, xml_safe

logger = logging.getLogger(__name__)

MD_TEMPLATE = "report.md.j2"
HTML_TEMPLATE = "report.html.j2"

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|#~])")
_MD_LINE_START = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+=>])", re.MULTILINE)


def md_escape(value: Any) -> str:
    """Text shown as typed in Markdown: markup characters backslash-escaped, and what would
    start a heading, a list or a quote at the beginning of a line."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return str(value)
    text = _md_inline(value)
    return _MD_LINE_START.sub(
        lambda m: f"{m[1]}{m[2]}\\{m[3]}" if m[2] else f"{m[4]}\\{m[5]}", text
    )


def _md_inline(value: Any) -> str:
    return _MD_SPECIAL.sub(r"\\\1", xml_safe(value))


def md_cell(value: Any) -> Markup:
    """A Markdown table cell: escaped, one line (line breaks as <br>)."""
    lines = [_md_inline(line) for line in str(value).split("\n")]
    return Markup("<br>".join(line for line in lines if line) or " ")


def _kind(element: e.Element) -> str:
    return type(element).__name__.lower()


@lru_cache(maxsize=4)
def _environment(kind: str) -> Any:
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from labkit.resources import data_dir

    loader = FileSystemLoader(str(data_dir("templates")))
    if kind == "html":
        env = SandboxedEnvironment(loader=loader, autoescape=True, undefined=StrictUndefined,
                                   trim_blocks=True, lstrip_blocks=True)  # fmt: skip
        env.filters["xml_safe"] = xml_safe
    else:
        env = SandboxedEnvironment(loader=loader, autoescape=False, undefined=StrictUndefined,
                                   finalize=md_escape, trim_blocks=True,
                                   lstrip_blocks=True, keep_trailing_newline=True)  # fmt: skip
        env.filters["cell"] = md_cell
    env.filters["kind"] = _kind
    env.tests["rtl"] = lambda text: is_rtl(str(text))
    return env


def _items(doc: e.ReportDocument, sources: Mapping[int, str]) -> list[dict[str, Any]]:
    """The elements with their kind and, for figures, where their image is; every table has a
    caption (its own, else the heading it is under: RGAA 5.4)."""
    figure_index = {id(f): n for n, f in enumerate(doc.figures)}
    items, heading = [], doc.title
    for el in doc.elements:
        if isinstance(el, e.Heading):
            heading = el.text
        caption = (el.caption or heading) if isinstance(el, e.Table) else None
        items.append({"kind": _kind(el), "el": el, "caption": caption,
                      "src": sources.get(figure_index.get(id(el), -1))})  # fmt: skip
    return items


def render_markdown(
    doc: e.ReportDocument, chart_paths: Mapping[int, str] | None = None
) -> str:
    """The report in Markdown; `chart_paths` maps a figure's index (in `doc.figures`) to the
    relative path of its image file (figures without one are described by their alt text)."""
    from urllib.parse import quote

    sources = {n: Markup(quote(path)) for n, path in (chart_paths or {}).items()}
    template = _environment("md").get_template(MD_TEMPLATE)
    text = template.render(doc=doc, items=_items(doc, sources))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def render_html(
    doc: e.ReportDocument,
    chart_png: Callable[[e.Chart], bytes] | None = None,
    root: Path | None = None,
) -> str:
    """The report as one self-contained HTML page (charts, QR codes, logos and photos embedded;
    `root` is the session folder the logos' and photos' paths are relative to)."""
    from labkit.docx_kit.pictures import qr_png

    sources: dict[int, str] = {}
    if chart_png is not None:
        for index, figure in enumerate(doc.figures):
            sources[index] = _data_uri(chart_png(figure.chart))
    qr = {
        item.url: _data_uri(qr_png(item.url))
        for item in (*([doc.cover.qr] if doc.cover.qr else []), *doc.elements)
        if isinstance(item, e.Qr)
    }
    template = _environment("html").get_template(HTML_TEMPLATE)
    return template.render(doc=doc, items=_items(doc, sources), qr=qr,
                           pictures=_pictures(doc, root))  # fmt: skip


def _pictures(doc: e.ReportDocument, root: Path | None) -> dict[str, str]:
    """Data URIs of the cover's logos (as they are) and the photos (upright, compressed)."""
    from labkit.report.photos import is_picture, photo_budget, prepare_photo

    found: dict[str, str] = {}
    if root is None:
        return found
    photos = [x for x in doc.elements if isinstance(x, e.Image)]
    for logo in doc.cover.logos:
        path = root / logo.path
        if path.is_file() and is_picture(path):
            mime = "image/png" if path.suffix.lower() == ".png" else "image/jpeg"
            found[logo.path] = _data_uri(path.read_bytes(), mime)
    for photo in photos:
        path = root / photo.path
        if not (path.is_file() and is_picture(path)):
            continue
        try:
            prepared = prepare_photo(path, photo_budget(len(photos)))
        except Exception:  # noqa: BLE001 - an unreadable photo must not stop the report
            logger.exception("photo %s could not be placed in the report", path)
            continue
        found[photo.path] = _data_uri(prepared.data, prepared.mime)
    return found


def _data_uri(data: bytes, mime: str = "image/png") -> str:
    return f"data:{mime};base64," + base64.b64encode(data).decode("ascii")
