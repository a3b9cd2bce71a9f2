"""The elements of each module's outputs: the block's heading, then what its method spec lays out
(`labkit.methods`: ingredients, café harvest, journey maps, votes, notes)."""

from __future__ import annotations

from labkit.document import elements as e
from labkit.document.wording import Words
from labkit.i18n import t
from labkit.methods import spec_for
from labkit.methods.outputs import ModuleOutput


def module_elements(output: ModuleOutput, w: Words) -> list[e.Element]:
    """The heading and the elements of one block's outputs."""
    spec = spec_for(output.method)
    method = t(f"method.{output.method}", w.lang)
    day = f"{w('day_n', n=output.day)} · " if output.day else ""
    out: list[e.Element] = [e.Orientation(landscape=True)] if spec.landscape else []
    out += [
        e.Heading(2, output.title, f"block-{output.block_id}"),
        e.Paragraph(f"{day}{method}", "note", keep_with_next=True),
    ]
    out.extend(spec.layout(output, w))
    return out
