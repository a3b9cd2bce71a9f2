"""The elements of each module's outputs: the block's heading, then what its method spec lays out
(`labkit.methods`: ingredients, café harvest, journey maps, votes, notes).

The modules laid out on landscape pages (journey maps) come together in a chapter of their own
right after « Ce que les groupes ont produit », their place in it saying where they are: a
section break starts a new page, so in the middle of the chapter it left the end of the portrait
text before it alone on a near-empty page (issue 12, point 4); at a chapter's end it is the
page break a reader expects.
"""

from __future__ import annotations

from labkit.document import elements as e
from labkit.document.wording import Words
from labkit.i18n import t
from labkit.methods import spec_for
from labkit.methods.outputs import ModuleOutput


def module_elements(output: ModuleOutput, w: Words) -> list[e.Element]:
    """The heading and the elements of one block's outputs (for a landscape module, its title
    and where its maps are: `wide_chapter`)."""
    spec = spec_for(output.method)
    if spec.landscape:  # its title as a label, not a heading: the contents list it once
        return [e.Paragraph(output.title, "label", keep_with_next=True),
                e.Paragraph(f"{_day_method(output, w)} — {w('wide.where', chapter=w('h.wide'))}",
                            "note", keep_with_next=True)]  # fmt: skip
    out = _head(output, w)
    out.extend(spec.layout(output, w))
    return out


def wide_chapter(outputs: tuple[ModuleOutput, ...], w: Words) -> list[e.Element]:
    """The landscape modules' chapter: one landscape section, its heading at the top of its first
    page; nothing when no module is laid out in landscape."""
    wide = [output for output in outputs if spec_for(output.method).landscape]
    if not wide:
        return []
    out: list[e.Element] = [e.Orientation(landscape=True), e.Heading(1, w("h.wide"), "wide")]
    for output in wide:
        out.extend(_head(output, w))
        out.extend(spec_for(output.method).layout(output, w))
    out.append(e.Orientation(landscape=False))
    return out


def _head(output: ModuleOutput, w: Words) -> list[e.Element]:
    """The block's title (anchor "block-<id>") and « Jour 1 · method », kept with what follows."""
    return [e.Heading(2, output.title, f"block-{output.block_id}"),
            e.Paragraph(_day_method(output, w), "note", keep_with_next=True)]  # fmt: skip


def _day_method(output: ModuleOutput, w: Words) -> str:
    """« Jour 1 · parcours usager »."""
    method = t(f"method.{output.method}", w.lang)
    return f"{w('day_n', n=output.day)} · {method}" if output.day else method
