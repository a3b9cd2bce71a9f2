"""What a .docx says about itself: language, Word compatibility mode, core and app properties.

A restitution or a printed material opens in current Word without "mode de compatibilité" or an
"update fields?" prompt, is spell-checked (and read aloud) in its language, and carries the Lab as
its author.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

WORD_2013_AND_LATER = "15"
LANG_TAGS = {"fr": "fr-FR", "en": "en-GB"}
_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>labkit</Application><DocSecurity>0</DocSecurity></Properties>"
)


def set_language(document: Any, lang: str) -> None:
    """The document's language in its default run properties (and the theme's)."""
    tag = LANG_TAGS.get(lang, lang)
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    r_default = _child(defaults, "w:rPrDefault", first=True)
    r_pr = _child(r_default, "w:rPr")
    lang_el = _child(r_pr, "w:lang")
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang_el.attrib.pop(qn(attribute), None)
    lang_el.set(qn("w:val"), tag)
    settings = document.settings.element
    theme = settings.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), tag)
    if lang == "fr":
        for name, value in (("w:decimalSymbol", ","), ("w:listSeparator", ";")):
            element = settings.find(qn(name))
            if element is not None:
                element.set(qn("w:val"), value)


def set_compatibility(document: Any) -> None:
    """Current Word's compatibility mode; no "update the fields?" prompt on opening."""
    settings = document.settings.element
    for element in settings.findall(qn("w:updateFields")):
        settings.remove(element)
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        settings.append(compat)
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), WORD_2013_AND_LATER)
            return
    setting = OxmlElement("w:compatSetting")
    for name, value in (("name", "compatibilityMode"), ("uri", "http://schemas.microsoft.com/"
                        "office/word"), ("val", WORD_2013_AND_LATER)):  # fmt: skip
        setting.set(qn(f"w:{name}"), value)
    compat.append(setting)


def set_properties(document: Any, *, title: str, subject: str, author: str, lang: str,
                   now: dt.datetime | None = None) -> None:  # fmt: skip
    """Clean core properties (created now, by the Lab, no generator comment) and app.xml."""
    now = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0, tzinfo=None)
    core = document.core_properties
    title, subject = (" ".join(x.split()) for x in (title, subject))  # plain spaces in metadata
    core.title, core.subject = title[:250], subject[:250]
    core.author = core.last_modified_by = author[:250]
    core.comments, core.keywords, core.category = "", "", ""
    core.created = core.modified = now
    core.revision = 1
    core.language = LANG_TAGS.get(lang, lang)
    package = document.part.package
    for rel in package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            rel.target_part._blob = _APP_XML.encode()


def _child(parent: Any, tag: str, first: bool = False) -> Any:
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        if first:
            parent.insert(0, element)
        else:
            parent.append(element)
    return element
