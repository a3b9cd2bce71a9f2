"""What method specs read of the journal: the `Captured` protocol (satisfied by
`labkit.store.journal.JournalState`) and `Harvest`, the report's view of one session's captures
(items, clusters, dots and the placement rules shared by every method's restitution)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Protocol

from labkit.document.text import clean
from labkit.i18n import t
from labkit.methods.outputs import Item, ItemGroup
from labkit.methods.voting import dots_by_item
from labkit.model import Block, Session
from labkit.model.territories import territory_heading

if TYPE_CHECKING:
    from labkit.model import views as v


class Captured(Protocol):
    """The read side of a journal state that method specs use."""

    contributions: dict[str, v.Contribution]
    clusters: dict[str, v.Cluster]
    votes: dict[int, v.Vote]
    personas: dict[str, v.Persona]
    commitments: dict[str, v.Commitment]
    survey: dict[str, v.SurveyResponse]
    closing_words: dict[str, v.ClosingWord]

    def of_block(self, block_id: str | None) -> list[v.Contribution]:
        """The contributions of one block, in recording order (indexed: no scan of the others)."""
        ...

    def kept_ideas(self) -> list[v.KeptIdeas]:
        """The kept-idea selections, in journal order."""
        ...

    def item_exists(self, item_id: str) -> bool:
        """Whether a contribution or a cluster of that id exists."""
        ...

    def journey(self, persona_id: str) -> list[v.JourneyStep]:
        """A persona's journey steps, in order."""
        ...

    def rounds_of(self, block_id: str) -> list[v.RoundTiming]:
        """The rounds of a block, in order."""
        ...


def first_blocks(session: Session) -> dict[str, str]:
    """The first block of each method type: entries recorded without a block count for it."""
    first: dict[str, str] = {}
    for _, block in session.blocks():
        first.setdefault(block.method_type, block.id)
    return first


def belongs(block: Block, block_id: str | None, first: Mapping[str, str]) -> bool:
    """Whether an entry recorded for `block_id` belongs to `block` (an entry recorded without a
    block belongs to the first block of the method)."""
    if block_id is None:
        return first.get(block.method_type) == block.id
    return block_id == block.id


class Harvest:
    """One session's captures as the restitution reads them: items with their dots, groups by
    cluster, table or territory, in journal order."""

    def __init__(self, session: Session, captured: Captured, lang: str) -> None:
        self.session = session
        self.captured = captured
        self.lang = lang
        self.by_block: dict[str | None, list[v.Contribution]] = defaultdict(list)
        for contribution in sorted(captured.contributions.values(), key=lambda x: x.event_id):
            self.by_block[contribution.block_id].append(contribution)
        self.first = first_blocks(session)
        self.dots = dots_by_item(captured)

    def belongs(self, block: Block, block_id: str | None) -> bool:
        """Whether an entry recorded for `block_id` belongs to `block` (see `belongs`)."""
        return belongs(block, block_id, self.first)

    def contributions(self, block_id: str) -> list[v.Contribution]:
        """A block's contributions, in journal order."""
        return self.by_block.get(block_id, [])

    def contribution_item(self, contribution: v.Contribution, kept: bool = False) -> Item:
        """A contribution as a report item, with its dots."""
        return Item(
            contribution.contribution_id,
            clean(contribution.text),
            dots=self.dots.get(contribution.contribution_id),
            kept=kept,
        )

    def item(self, item_id: str, kept: bool = False) -> Item | None:
        """A contribution or a cluster (with its members) as a report item."""
        found = self.captured.contributions.get(item_id)
        if found is not None:
            return self.contribution_item(found, kept)
        cluster = self.captured.clusters.get(item_id)
        if cluster is None:
            return None
        members = tuple(
            clean(self.captured.contributions[m].text)
            for m in cluster.contribution_ids
            if m in self.captured.contributions
        )
        return Item(item_id, clean(cluster.title), members, self.dots.get(item_id), kept)

    def grouped(self, block_id: str, question: int | None, *, by: str,
                word: str | None = None) -> tuple[ItemGroup, ...]:  # fmt: skip
        """The contributions of a block (and question), by cluster, then by `by` (a table, for
        interview regroups; "" for no grouping); `word`: the catalog key of a group's title
        (default `report.where.<by>`)."""
        contributions = [
            x for x in self.contributions(block_id) if question is None or x.question == question
        ]
        if not contributions:
            return ()
        wanted = {x.contribution_id for x in contributions}
        groups: list[ItemGroup] = []
        placed: set[str] = set()
        clusters = sorted(self.captured.clusters.values(), key=lambda g: g.event_id)
        for cluster in clusters:
            members = [m for m in cluster.contribution_ids if m in wanted]
            if not members:
                continue
            placed.update(members)
            items = tuple(self.contribution_item(self.captured.contributions[m]) for m in members)
            groups.append(ItemGroup(clean(cluster.title), items))
        rest: dict[object, list[v.Contribution]] = defaultdict(list)
        for contribution in contributions:
            if contribution.contribution_id not in placed:
                rest[getattr(contribution, by) if by else None].append(contribution)
        ordered = sorted(rest, key=lambda k: (k is None, str(k).zfill(6)))
        for key in ordered:
            title = None if key is None or (not groups and len(rest) == 1) \
                else self.label(by, key, word)
            groups.append(ItemGroup(title, tuple(self.contribution_item(x) for x in rest[key])))
        return tuple(groups)

    def label(self, by: str, key: object, word: str | None = None) -> str:
        """The title of a group of items placed by `by` (a table, a pair, a territory)."""
        if by == "territory":
            return territory_heading(str(key), self.lang)
        return t(word or f"report.where.{by}", self.lang, n=key)

    def by_territory(self, block_id: str, order: Iterable[str]) -> tuple[ItemGroup, ...]:
        """A block's contributions per territory, in the plan's order, then the others."""
        found: dict[str | None, list[v.Contribution]] = defaultdict(list)
        for contribution in self.contributions(block_id):
            found[contribution.territory].append(contribution)
        keys: list[str | None] = [k for k in order if k in found]
        keys += sorted((k for k in found if k is not None and k not in keys), key=str)
        keys += [None] if None in found else []
        return tuple(
            ItemGroup(
                self.label("territory", key) if key is not None else None,
                tuple(self.contribution_item(x) for x in found[key]),
            )
            for key in keys
        )

    def notes(self, block: Block) -> tuple[ItemGroup, ...]:
        """Everything noted during a block, as one group (empty when nothing was noted)."""
        notes = self.contributions(block.id)
        if not notes:
            return ()
        return (ItemGroup(None, tuple(self.contribution_item(x) for x in notes)),)
