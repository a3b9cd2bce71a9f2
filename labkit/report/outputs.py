"""The outputs of each agenda block, from the journal: ingredients, café harvest, journeys, votes,
territorial notes. Pure functions over the session plan and a `JournalState`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from labkit.document.text import clean, one_line, unwrap
from labkit.i18n import t
from labkit.model import Block, Session
from labkit.model import views as v
from labkit.model.methods import (
    CrossedInterviewsConfig,
    IdeaVoteConfig,
    PeerHelpConfig,
    PersonaJourneyConfig,
    TerritorialDiagnosticConfig,
    WorldCafeConfig,
)
from labkit.model.ranking import rank_votes
from labkit.report import content as c
from labkit.store.journal import JournalState

_SPECIAL = ("commitments", "closing")


class OutputBuilder:
    """Builds the per-module outputs of a session in agenda order."""

    def __init__(self, session: Session, state: JournalState, lang: str) -> None:
        self.session = session
        self.state = state
        self.lang = lang
        self.by_block: dict[str | None, list[v.Contribution]] = defaultdict(list)
        for contribution in sorted(state.contributions.values(), key=lambda x: x.event_id):
            self.by_block[contribution.block_id].append(contribution)
        self.dots = state.vote_totals()
        first = {m: next((b.id for _, b in session.blocks() if b.method_type == m), None)
                 for m in ("world_cafe", "persona_journey", "idea_vote")}  # fmt: skip
        self._first = first

    def build(self) -> tuple[c.ModuleOutput, ...]:
        """Every block with something captured, in agenda order."""
        outputs: list[c.ModuleOutput] = []
        for day, block in self.session.blocks():
            built = self._block(block, day)
            if built is not None:
                outputs.append(built)
        return tuple(outputs)

    def _block(self, block: Block, day: int) -> c.ModuleOutput | None:
        method = block.method
        head = (block.id, clean(block.title), block.method_type, day)
        if isinstance(method, CrossedInterviewsConfig):
            groups = self._grouped(block.id, None, by="table")
            return c.InterviewOutput(*head, prompt=unwrap(clean(method.prompt)), groups=groups) \
                if groups else None  # fmt: skip
        if isinstance(method, WorldCafeConfig):
            return self._cafe(block, method, head)
        if isinstance(method, PersonaJourneyConfig):
            maps = self._journeys(block, method)
            return c.JourneyOutput(*head, maps=maps) if maps else None
        if isinstance(method, IdeaVoteConfig):
            return self._vote(block, method, head)
        if isinstance(method, TerritorialDiagnosticConfig | PeerHelpConfig):
            groups = self._by_territory(block.id, method.territories)
            prompt = getattr(method, "prompt", None)
            return c.TerritoryOutput(*head, prompt=unwrap(clean(prompt)) if prompt else None,
                                     groups=groups) if groups else None  # fmt: skip
        notes = self.by_block.get(block.id, [])
        if notes:
            items = tuple(self._item(x) for x in notes)
            return c.NotesOutput(*head, groups=(c.ItemGroup(None, items),))
        return None

    # --- items and groups --------------------------------------------------------------------

    def _item(self, contribution: v.Contribution, kept: bool = False) -> c.Item:
        return c.Item(
            contribution.contribution_id,
            clean(contribution.text),
            dots=self.dots.get(contribution.contribution_id),
            kept=kept,
        )

    def item(self, item_id: str, kept: bool = False) -> c.Item | None:
        """A contribution or a cluster (with its members) as a report item."""
        found = self.state.contributions.get(item_id)
        if found is not None:
            return self._item(found, kept)
        cluster = self.state.clusters.get(item_id)
        if cluster is None:
            return None
        members = tuple(
            clean(self.state.contributions[m].text)
            for m in cluster.contribution_ids
            if m in self.state.contributions
        )
        return c.Item(item_id, clean(cluster.title), members, self.dots.get(item_id), kept)

    def _grouped(self, block_id: str, question: int | None, *, by: str) -> tuple[c.ItemGroup, ...]:
        """The contributions of a block (and question), by cluster, then by `by` (a table, for
        interview regroups; "" for no grouping)."""
        contributions = [
            x for x in self.by_block.get(block_id, [])
            if question is None or x.question == question
        ]  # fmt: skip
        if not contributions:
            return ()
        wanted = {x.contribution_id for x in contributions}
        groups: list[c.ItemGroup] = []
        placed: set[str] = set()
        clusters = sorted(self.state.clusters.values(), key=lambda g: g.event_id)
        for cluster in clusters:
            members = [m for m in cluster.contribution_ids if m in wanted]
            if not members:
                continue
            placed.update(members)
            items = tuple(self._item(self.state.contributions[m]) for m in members)
            groups.append(c.ItemGroup(clean(cluster.title), items))
        rest: dict[object, list[v.Contribution]] = defaultdict(list)
        for contribution in contributions:
            if contribution.contribution_id not in placed:
                rest[getattr(contribution, by) if by else None].append(contribution)
        ordered = sorted(rest, key=lambda k: (k is None, str(k).zfill(6)))
        for key in ordered:
            title = None if key is None or (not groups and len(rest) == 1) else self._label(by, key)
            groups.append(c.ItemGroup(title, tuple(self._item(x) for x in rest[key])))
        return tuple(groups)

    def _label(self, by: str, key: object) -> str:
        if by == "territory":
            return t("report.territory", self.lang, name=key)
        return t(f"report.where.{by}", self.lang, n=key)

    def _by_territory(self, block_id: str, order: Iterable[str]) -> tuple[c.ItemGroup, ...]:
        contributions = self.by_block.get(block_id, [])
        found: dict[str | None, list[v.Contribution]] = defaultdict(list)
        for contribution in contributions:
            found[contribution.territory].append(contribution)
        keys = [k for k in order if k in found]
        keys += sorted((k for k in found if k is not None and k not in keys), key=str)
        keys += [None] if None in found else []
        return tuple(
            c.ItemGroup(
                self._label("territory", key) if key is not None else None,
                tuple(self._item(x) for x in found[key]),
            )
            for key in keys
        )

    # --- world café --------------------------------------------------------------------------

    def _cafe(self, block: Block, method: WorldCafeConfig, head: tuple) -> c.CafeOutput | None:
        kept_by_question: dict[int | None, tuple[str, ...]] = {}
        for kept in self.state.kept_ideas():
            if kept.block_id == block.id or (kept.block_id is None and self._first_of(block)):
                kept_by_question[kept.question] = kept.item_ids
        numbers: list[int | None] = list(range(1, len(method.questions) + 1))
        present = {x.question for x in self.by_block.get(block.id, [])} | set(kept_by_question)
        numbers += sorted(n for n in present if n is not None and n not in numbers)
        if None in present:
            numbers.append(None)
        questions = []
        for number in numbers:
            kept_ids = kept_by_question.get(number, ())
            kept_items = tuple(i for i in (self.item(k, True) for k in kept_ids) if i is not None)
            if number is None:
                groups = self._grouped_unnumbered(block.id)
            else:
                groups = self._grouped(block.id, number, by="")
            if not kept_items and not groups:
                continue
            if number is not None and number <= len(method.questions):
                text = clean(method.questions[number - 1])
            else:
                text = t("report.cafe.other_ideas", self.lang) if number is None \
                    else t("report.question_n", self.lang, n=number)  # fmt: skip
            kept_set = set(kept_ids)
            groups = tuple(
                c.ItemGroup(g.title, tuple(
                    c.Item(i.item_id, i.text, i.members, i.dots, i.item_id in kept_set)
                    for i in g.items
                ))
                for g in groups
            )  # fmt: skip
            questions.append(
                c.CafeQuestion(number, text, kept_items, groups, method.keep_per_question)
            )
        return c.CafeOutput(*head, questions=tuple(questions)) if questions else None

    def _grouped_unnumbered(self, block_id: str) -> tuple[c.ItemGroup, ...]:
        items = [x for x in self.by_block.get(block_id, []) if x.question is None]
        return (c.ItemGroup(None, tuple(self._item(x) for x in items)),) if items else ()

    def _first_of(self, block: Block) -> bool:
        return self._first.get(block.method_type) == block.id

    # --- persona journeys --------------------------------------------------------------------

    def _journeys(self, block: Block, method: PersonaJourneyConfig) -> tuple[c.JourneyMap, ...]:
        personas = sorted(
            (p for p in self.state.personas.values()
             if p.block_id == block.id or (p.block_id is None and self._first_of(block))),
            key=lambda p: p.event_id,
        )  # fmt: skip
        order = {one_line(s).casefold(): n for n, s in enumerate(method.stages)}
        planned = {key: p for p in method.personas for key in (p.id, one_line(p.name).casefold())}
        maps = []
        for persona in personas:
            steps = self.state.journey(persona.persona_id)
            plan = planned.get(persona.persona_id) or planned.get(one_line(persona.name).casefold())
            description_text = persona.description or (plan.description if plan else None)
            if not steps and not description_text:
                continue
            if all(s.position is None for s in steps):
                steps = sorted(steps, key=lambda s: (order.get(s.stage.casefold(), 99), s.event_id))
            stages = tuple(
                c.JourneyStage(
                    one_line(s.stage),
                    tuple(clean(x) for x in s.actions),
                    tuple(clean(x) for x in s.touchpoints),
                    s.emotion,
                    tuple(clean(x) for x in s.pain_points),
                    tuple(clean(x) for x in s.opportunities),
                )
                for s in steps
            )
            description = unwrap(clean(description_text)) if description_text else None
            team = one_line(persona.team) if persona.team else None
            maps.append(c.JourneyMap(persona.persona_id, one_line(persona.name), description,
                                     team, stages))  # fmt: skip
        return tuple(maps)

    # --- votes -------------------------------------------------------------------------------

    def _vote(self, block: Block, method: IdeaVoteConfig, head: tuple) -> c.VoteOutput | None:
        votes = [
            x for x in self.state.votes.values()
            if (x.block_id == block.id or (x.block_id is None and self._first_of(block)))
            and self.state.item_exists(x.item_id)
        ]  # fmt: skip
        if not votes:
            return None
        by_question: dict[int | None, list[v.Vote]] = defaultdict(list)
        for vote in votes:
            by_question[vote.question].append(vote)
        questions = []
        for number in sorted(by_question, key=lambda n: (n is None, n or 0)):
            chosen = by_question[number]
            totals: dict[str, int] = defaultdict(int)
            for vote in chosen:
                totals[vote.item_id] += vote.dots
            voters = {x.participant_id or f"team:{x.team}" for x in chosen
                      if x.participant_id or x.team}  # fmt: skip
            text = None
            if number is not None and number <= len(method.questions):
                text = clean(method.questions[number - 1])
            elif number is None and len(method.questions) == 1:
                text = clean(method.questions[0])
            ranking = rank(totals, method.top_n, self.item)
            questions.append(
                c.VoteQuestion(number, text, ranking, sum(totals.values()), len(voters))
            )
        return c.VoteOutput(*head, questions=tuple(questions), top_n=method.top_n)


def rank(
    totals: dict[str, int], top_n: int, lookup: Callable[[str], c.Item | None]
) -> tuple[c.RankedItem, ...]:
    """Items ranked by dots (equal dots share a rank: a near-tie is decided in the room);
    the items whose rank is within `top_n` are kept."""
    ranking = []
    for ranked in rank_votes(list(totals), totals, top_n):
        item = lookup(ranked.item_id)
        if item is None:
            continue
        ranking.append(
            c.RankedItem(ranked.rank, item, ranked.dots, ranked.rank <= top_n, ranked.tied)
        )
    return tuple(ranking)
