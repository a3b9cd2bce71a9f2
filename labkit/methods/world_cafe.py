"""World café: tables, timed rounds, hosts who stay, ideas per table, a harvest per question."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from labkit.document.text import clean
from labkit.i18n import t
from labkit.methods import voting
from labkit.methods.captured import Captured, Harvest
from labkit.methods.outputs import Item, ItemGroup, ModuleOutput, group_elements, item_text
from labkit.methods.spec import CheckContext, MethodSpec, ParticipantInput, TimedPart
from labkit.methods.vote_teams import team_key
from labkit.model import Block, QuestionMode, Session, WorldCafeConfig
from labkit.model import events as ev
from labkit.model.validation import Problem, duplicates, error, warning

if TYPE_CHECKING:
    from labkit.document import elements as e
    from labkit.document.wording import Words
    from labkit.model import views as v

MIN_ROUND_MINUTES = 10
MAX_TABLE_SIZE = 8


@dataclass(frozen=True)
class CafeQuestion:
    number: int | None
    text: str
    kept: tuple[Item, ...]
    groups: tuple[ItemGroup, ...]
    """All the ideas of the question, clustered when the harvest clustered them."""
    keep_target: int = 3
    vote: str | None = None
    """The title of the later vote that decided which ideas are kept (None: the harvest did)."""
    on_ballot: frozenset[str] = frozenset()
    """The ideas that vote's table lists with their dots (not listed again here)."""

    @property
    def idea_count(self) -> int:
        return sum(len(g.items) for g in self.groups)


@dataclass(frozen=True)
class CafeOutput(ModuleOutput):
    questions: tuple[CafeQuestion, ...] = ()


@dataclass(frozen=True)
class CafeLive:
    """The café as the live app shows it: the ideas noted at each table in each round, and the
    harvest (clusters and kept ideas per question)."""

    ideas: tuple[v.Contribution, ...]
    """The block's ideas, in recording order."""
    clusters: tuple[v.Cluster, ...] = ()
    """The harvest's clusters of the block, in creation order."""
    kept: dict[int | None, tuple[str, ...]] = field(default_factory=dict)
    """question -> the ideas or clusters kept at the harvest (items deleted since left out)."""

    @property
    def count(self) -> int:
        return len(self.ideas)

    def at(self, round_number: int | None, table: int | None) -> tuple[v.Contribution, ...]:
        """The ideas noted at `table` during `round_number`."""
        return tuple(i for i in self.ideas if i.round == round_number and i.table == table)

    def at_table(self, table: int) -> tuple[v.Contribution, ...]:
        """The ideas noted at `table`, every round."""
        return tuple(i for i in self.ideas if i.table == table)

    def per_table(self) -> dict[int, int]:
        """table -> number of ideas noted there (ideas without a table left out)."""
        return dict(Counter(i.table for i in self.ideas if i.table))

    def of_question(self, question: int | None) -> tuple[v.Contribution, ...]:
        """The ideas noted for `question`."""
        return tuple(i for i in self.ideas if i.question == question)

    def clusters_of(self, question: int | None) -> tuple[v.Cluster, ...]:
        """The clusters made at the harvest of `question`."""
        return tuple(c for c in self.clusters if c.question == question)

    def members(self, cluster: v.Cluster) -> tuple[v.Contribution, ...]:
        """The ideas of a cluster, in the cluster's order (ideas deleted since left out)."""
        by_id = {i.contribution_id: i for i in self.ideas}
        return tuple(by_id[c] for c in cluster.contribution_ids if c in by_id)

    def cluster_of(self, item_id: str | None) -> str | None:
        """The cluster an idea belongs to (None: not clustered, or not an idea)."""
        return next((c.cluster_id for c in self.clusters if item_id in c.contribution_ids),
                    None)  # fmt: skip

    def kept_for(self, question: int | None) -> tuple[str, ...]:
        """The ideas or clusters kept for `question` at the harvest."""
        return self.kept.get(question, ())


class WorldCafe(MethodSpec[WorldCafeConfig]):
    tag = "world_cafe"
    config_type = WorldCafeConfig
    events = (
        "contribution.added", "rotation.replanned", "cluster.created", "cluster.renamed",
        "cluster.members_added", "cluster.members_removed", "cluster.deleted", "ideas.kept",
    )  # fmt: skip
    contributions = (
        ParticipantInput("idea", "contribution.added", ("table", "round", "question")),
        ParticipantInput("idea", "contribution.added", ("table", "round", "question"),
                         host_only=True),  # fmt: skip
    )

    # --- timing ------------------------------------------------------------------------------
    def parts(self, config: WorldCafeConfig) -> tuple[TimedPart, ...]:
        return tuple(TimedPart(n, config.minutes_per_round, "round_end")
                     for n in range(1, config.rounds + 1))  # fmt: skip

    # --- events ------------------------------------------------------------------------------
    @staticmethod
    def idea(block: Block, text: str, *, round_number: int | None, table: int | None,
             question: int | None) -> ev.ContributionAdded:  # fmt: skip
        """An idea noted at a table during a round."""
        return ev.ContributionAdded(block_id=block.id, text=text, kind="idea",
                                    round=round_number, table=table, question=question)  # fmt: skip

    @staticmethod
    def hidden(contribution_id: str) -> ev.ContributionDeleted:
        """An idea taken out (off-topic, a duplicate, a name that should not be there); undo
        brings it back."""
        return ev.ContributionDeleted(contribution_id=contribution_id)

    @staticmethod
    def replanned(block: Block, from_round: int, plan: list[list[list[str]]],
                  reason: str | None = None) -> ev.RotationReplanned:  # fmt: skip
        """The remaining rounds re-planned on the spot (absences, late arrivals)."""
        return ev.RotationReplanned(block_id=block.id, from_round=from_round, plan=plan,
                                    reason=reason)  # fmt: skip

    @staticmethod
    def kept(block: Block, question: int | None, item_ids: list[str]) -> ev.IdeasKept:
        """The structuring ideas kept for a question at the harvest."""
        return ev.IdeasKept(block_id=block.id, question=question, item_ids=item_ids)

    @staticmethod
    def cluster(block: Block, title: str, question: int | None,
                members: list[str]) -> ev.ClusterCreated:  # fmt: skip
        """Ideas of a question gathered under a title at the harvest."""
        return ev.ClusterCreated(block_id=block.id, title=title, question=question,
                                 contribution_ids=members)  # fmt: skip

    @staticmethod
    def cluster_renamed(cluster_id: str, title: str) -> ev.ClusterRenamed:
        """A cluster's new title."""
        return ev.ClusterRenamed(cluster_id=cluster_id, title=title)

    @staticmethod
    def cluster_joined(cluster_id: str, members: list[str]) -> ev.ClusterMembersAdded:
        """Ideas added to a cluster (each leaves the cluster it was in)."""
        return ev.ClusterMembersAdded(cluster_id=cluster_id, contribution_ids=members)

    @staticmethod
    def cluster_left(cluster_id: str, members: list[str]) -> ev.ClusterMembersRemoved:
        """Ideas taken out of a cluster."""
        return ev.ClusterMembersRemoved(cluster_id=cluster_id, contribution_ids=members)

    @staticmethod
    def cluster_deleted(cluster_id: str) -> ev.ClusterDeleted:
        """A cluster undone (its ideas stay, unclustered)."""
        return ev.ClusterDeleted(cluster_id=cluster_id)

    # --- validation --------------------------------------------------------------------------
    def check(self, context: CheckContext, config: WorldCafeConfig) -> Iterator[Problem]:
        block, path, session = context.block, context.path, context.session
        if config.rounds_minutes > block.duration:
            yield error(
                "cafe_rounds_exceed_block", (*path, "rounds"), title=block.title,
                rounds=config.rounds, minutes=config.minutes_per_round,
                transitions=config.transition_minutes, needed=config.rounds_minutes,
                duration=block.duration,
            )  # fmt: skip
        if config.minutes_per_round < MIN_ROUND_MINUTES:
            yield warning("cafe_round_short", (*path, "minutes_per_round"), title=block.title,
                          minutes=config.minutes_per_round)  # fmt: skip
        yield from _check_hosts(context, config)
        yield from _check_teams(context, config)
        seated = len(session.attendees(context.day))
        if session.participants and config.tables > seated:
            yield error("cafe_more_tables_than_people", (*path, "tables"), tables=config.tables,
                        people=seated)  # fmt: skip
        elif seated and -(-seated // config.tables) > MAX_TABLE_SIZE:
            yield warning("cafe_large_tables", (*path, "tables"),
                          size=-(-seated // config.tables), tables=config.tables)  # fmt: skip
        questions = len(config.questions)
        if config.question_mode == QuestionMode.PER_ROUND and questions != config.rounds:
            yield error("cafe_questions_per_round", (*path, "questions"), questions=questions,
                        rounds=config.rounds)  # fmt: skip
        if config.question_mode == QuestionMode.PER_TABLE and questions > config.tables:
            yield error("cafe_questions_per_table", (*path, "questions"), questions=questions,
                        tables=config.tables)  # fmt: skip
        elif config.question_mode == QuestionMode.PER_TABLE:
            yield from _check_questions_met_again(path, config)

    # --- live --------------------------------------------------------------------------------
    def live(self, session: Session, block: Block, config: WorldCafeConfig,
             captured: Captured) -> CafeLive:  # fmt: skip
        ideas = tuple(c for c in captured.of_block(block.id) if c.kind == "idea")
        clusters = tuple(sorted((c for c in captured.clusters.values() if c.block_id == block.id),
                                key=lambda c: c.event_id))  # fmt: skip
        kept = {k.question: k.item_ids for k in captured.kept_ideas() if k.block_id == block.id}
        return CafeLive(ideas, clusters, kept)

    # --- restitution -------------------------------------------------------------------------
    def report(self, block: Block, config: WorldCafeConfig, day: int,
               harvest: Harvest) -> CafeOutput | None:  # fmt: skip
        captured = harvest.captured
        selection: dict[int | None, tuple[str, ...]] = {}
        for kept in captured.kept_ideas():
            if harvest.belongs(block, kept.block_id):
                selection[kept.question] = kept.item_ids
        numbers: list[int | None] = list(range(1, len(config.questions) + 1))
        present = {x.question for x in harvest.contributions(block.id)} | set(selection)
        numbers += sorted(n for n in present if n is not None and n not in numbers)
        if None in present:
            numbers.append(None)
        decision = voting.decision_for_source(harvest.session, block, captured)
        vote = decision.vote if decision else None
        questions = []
        for number in numbers:
            kept_ids = selection.get(number, ())
            if decision is not None:  # a later vote decided: its kept ideas, in harvest order
                decided = decision.on(number)
                kept_ids = (*(i for i in kept_ids if i in decided),
                            *(i for i in decided if i not in kept_ids))  # fmt: skip
            kept_items = tuple(i for i in (harvest.item(k, True) for k in kept_ids) if i)
            kept_set = set(kept_ids)
            groups = _ideas(harvest, block.id, number)
            groups = tuple(
                ItemGroup(g.title, tuple(
                    Item(i.item_id, i.text, i.members, i.dots, i.item_id in kept_set)
                    for i in g.items
                ))
                for g in groups
            )  # fmt: skip
            if not kept_items and not groups:
                continue
            if number is not None and number <= len(config.questions):
                text = clean(config.questions[number - 1])
            elif number is None:
                text = t("report.cafe.other_ideas", harvest.lang)
            else:
                text = t("report.question_n", harvest.lang, n=number)
            ballot = decision.ballot if decision else frozenset()
            questions.append(CafeQuestion(number, text, kept_items, groups,
                                          config.keep_per_question,
                                          clean(vote.title) if vote else None, ballot))  # fmt: skip
        if not questions:
            return None
        return CafeOutput(block.id, clean(block.title), self.tag, day, questions=tuple(questions))

    def kept_ideas(self, output: ModuleOutput) -> tuple[str, ...]:
        assert isinstance(output, CafeOutput)
        return tuple(item.text for question in output.questions for item in question.kept)

    def layout(self, output: ModuleOutput, words: Words) -> list[e.Element]:
        from labkit.document import elements as e

        assert isinstance(output, CafeOutput)
        out: list[e.Element] = []
        for question in output.questions:
            label = words("question_n", n=question.number) if question.number \
                else words("cafe.other")  # fmt: skip
            out.append(e.Heading(3, f"{label} — {question.text}" if question.number else label))
            if question.vote and question.number is not None:
                out.append(e.Paragraph(words("cafe.voted", vote=question.vote), "note"))
            if question.kept:
                out.append(e.Paragraph(words.count("cafe.kept", len(question.kept)), "label"))
                out.append(e.Bullets(
                    tuple(item_text(i, words, True) for i in question.kept), numbered=True,
                    sub=tuple(i.members for i in question.kept),
                ))  # fmt: skip
            elif question.number is not None:
                none = "cafe.none_kept_at_vote" if question.vote else "cafe.none_kept"
                out.append(e.Paragraph(words(none), "note"))
            kept = {i.item_id for i in question.kept}
            voted = sum(1 for g in question.groups for i in g.items
                        if i.item_id not in kept and i.item_id in question.on_ballot)  # fmt: skip
            others = tuple(
                ItemGroup(g.title, rest) for g in question.groups
                if (rest := tuple(i for i in g.items
                                  if i.item_id not in kept and i.item_id not in question.on_ballot))
            )  # each idea once: the kept ones above, the others here or in the vote's table
            if others:
                count = sum(len(g.items) for g in others)
                key = "cafe.others" if kept or voted else "cafe.all"
                out.append(e.Paragraph(words.count(key, count), "label"))
                out.extend(group_elements(others, words, dots=True))
            if voted:
                out.append(e.Paragraph(words.count("cafe.others_at_vote", voted), "note"))
        return out


def _ideas(harvest: Harvest, block_id: str, number: int | None) -> tuple[ItemGroup, ...]:
    if number is not None:
        return harvest.grouped(block_id, number, by="")
    items = [x for x in harvest.contributions(block_id) if x.question is None]
    return (ItemGroup(None, tuple(harvest.contribution_item(x) for x in items)),) if items else ()


def _check_questions_met_again(path: tuple[str | int, ...],
                               config: WorldCafeConfig) -> Iterator[Problem]:
    """Tables keep their question: warn when the numbers force someone to meet a question
    again (more rounds than questions at the tables, or a question at so many tables that
    its seats over the rounds outnumber the people)."""
    at_tables = Counter(config.question_at(t, 1) for t in range(1, config.tables + 1))
    if config.rounds > len(at_tables):
        yield warning("cafe_question_again", (*path, "rounds"), rounds=config.rounds,
                      questions=len(at_tables))  # fmt: skip
        return
    number, count = max(at_tables.items(), key=lambda item: (item[1], -item[0]))
    if config.rounds * count > config.tables:
        yield warning("cafe_question_crowded", (*path, "tables"), number=number, count=count,
                      tables=config.tables, rounds=config.rounds)  # fmt: skip


def _check_teams(context: CheckContext, config: WorldCafeConfig) -> Iterator[Problem]:
    """`teams`: no more teams than tables, tables that keep their question, names distinct,
    people enough; fewer teams than tables, or more rounds, leave a table empty or a team
    back at a table (warnings)."""
    path, teams = (*context.path, "teams"), len(config.teams)
    if not teams:
        return
    if teams > config.tables:
        yield error("cafe_teams_more_than_tables", path, teams=teams, tables=config.tables)
    elif teams < config.tables:
        yield warning("cafe_teams_fewer_than_tables", path, teams=teams, tables=config.tables)
    if config.question_mode == QuestionMode.PER_ROUND:
        yield error("cafe_teams_per_round", path)
    if teams <= config.tables < config.rounds:
        yield warning("cafe_teams_round_again", path, rounds=config.rounds, tables=config.tables)
    seen: set[str] = set()
    for index, name in enumerate(config.teams):
        key = team_key(name)
        if key in seen:  # "verte" and "Verte" are one team
            yield error("cafe_duplicate_team", (*path, index), name=name)
        seen.add(key)
    movers = [p for p in context.session.attendees(context.day) if p.id not in config.hosts]
    if context.session.participants and len(movers) < teams:
        yield error("cafe_teams_more_than_people", path, teams=teams, people=len(movers))


def _check_hosts(context: CheckContext, config: WorldCafeConfig) -> Iterator[Problem]:
    path = context.path
    if config.hosts and len(config.hosts) < config.tables:
        yield error("cafe_fewer_hosts", (*path, "hosts"), hosts=len(config.hosts),
                    tables=config.tables)  # fmt: skip
    if len(config.hosts) > config.tables:
        yield error("cafe_more_hosts", (*path, "hosts"), hosts=len(config.hosts),
                    tables=config.tables)  # fmt: skip
    for h, host_id in enumerate(config.hosts):
        host = context.session.participant(host_id)
        if host is None:
            yield error("unknown_participant", (*path, "hosts", h), id=host_id)
        elif not host.attends(context.day):
            yield error("host_absent", (*path, "hosts", h), name=host.first_name,
                        day=context.day)  # fmt: skip
    for host_id in sorted(duplicates(config.hosts)):
        yield error("cafe_duplicate_host", (*path, "hosts"), id=host_id)
