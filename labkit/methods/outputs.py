"""The restitution content every method shares (items, groups, a block's output) and the
document elements that show groups of items."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from labkit.document import elements as e
    from labkit.document.wording import Words


@dataclass(frozen=True)
class Item:
    """An idea, an ingredient, a note; a cluster carries its members' texts."""

    item_id: str
    text: str
    members: tuple[str, ...] = ()
    dots: int | None = None
    kept: bool = False


@dataclass(frozen=True)
class ItemGroup:
    title: str | None
    """A cluster title, a table or a territory; None for the items nobody grouped."""
    items: tuple[Item, ...]


@dataclass(frozen=True)
class ModuleOutput:
    """What the restitution says of one block (each method extends it)."""

    block_id: str
    title: str
    method: str
    day: int | None


@dataclass(frozen=True)
class NotesOutput(ModuleOutput):
    """What was noted during a plenary or any other block."""

    groups: tuple[ItemGroup, ...] = ()


@dataclass(frozen=True)
class TerritoryOutput(ModuleOutput):
    """A territorial diagnostic or a peer-help session: notes per territory."""

    prompt: str | None = None
    groups: tuple[ItemGroup, ...] = ()


def item_text(item: Item, w: Words, dots: bool = False) -> str:
    """An item as a list entry: a star when kept, its dots when counted."""
    text = f"★ {item.text}" if item.kept and dots else item.text
    if dots and item.dots:
        text += f" ({w.count('dots', item.dots)})"
    return text


def group_elements(groups: tuple[ItemGroup, ...], w: Words, dots: bool = False) -> list[e.Element]:
    """Grouped items as a two-level list (titled groups) and a plain list (the others)."""
    from labkit.document import elements as e

    out: list[e.Element] = []
    titled = [g for g in groups if g.title]
    if titled:
        out.append(e.Bullets(
            tuple(f"{g.title} ({len(g.items)})" for g in titled),
            sub=tuple(tuple(item_text(i, w, dots) for i in g.items) for g in titled),
        ))  # fmt: skip
    for group in groups:
        if not group.title:
            if titled:
                out.append(e.Paragraph(w("ungrouped"), "label"))
            out.append(e.Bullets(tuple(item_text(i, w, dots) for i in group.items)))
    return out


def notes_elements(output: ModuleOutput, w: Words) -> list[e.Element]:
    """The elements of a notes or territory output: its prompt, then its groups."""
    from labkit.document import elements as e

    out: list[e.Element] = []
    prompt = getattr(output, "prompt", None)
    if prompt:
        out.append(e.Paragraph(prompt, "quote"))
    out.extend(group_elements(getattr(output, "groups", ()), w))
    return out
