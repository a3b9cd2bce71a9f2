"""Prototype or scenario test (Focus): each team builds a quick model of a solution (a sketch, a
storyboard, a role play, a mock form); in timed rounds the other teams visit it and give
structured feedback (« ce qui marche / ce qui manque / et si… »); each team then revises its
prototype and states its decision (what it keeps, drops or tests next).

Visits follow a simple rotation: in round r, team i visits team i + r (teams counted in a
circle), so that with n teams and n - 1 rounds every team sees every other prototype once.
Feedback is a contribution of kind ``feedback`` placed by the visited team (``team``), the round
and the facet (``question``: 1 for the first prompt); a decision is a contribution of kind
``decision`` placed by its team.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from labkit.document.text import clean, one_line
from labkit.i18n import t
from labkit.methods.captured import Captured, Harvest
from labkit.methods.outputs import Item, ModuleOutput
from labkit.methods.spec import CheckContext, MethodSpec, ParticipantInput, TimedPart
from labkit.model import Block, Session
from labkit.model import events as ev
from labkit.model.methods import PrototypeTestConfig
from labkit.model.validation import Problem, duplicates, error, warning

if TYPE_CHECKING:
    from labkit.document import elements as e
    from labkit.document.wording import Words
    from labkit.model import views as v

__all__ = ["PrototypeLive", "PrototypeOutput", "PrototypeTest", "PrototypeTestConfig", "Team"]

MIN_TEAMS = 2
MIN_ROUND_MINUTES = 5


@dataclass(frozen=True)
class Team:
    """A team of the block: its number, the key its entries carry, its label and prototype."""

    number: int
    key: str
    """The journal's `team` field: the team's name, or its number when teams are counted."""
    label: str
    prototype: str | None


def team_count(config: PrototypeTestConfig) -> int:
    """How many teams the block has."""
    return config.teams if isinstance(config.teams, int) else len(config.teams)


def teams(config: PrototypeTestConfig, lang: str | None = None) -> tuple[Team, ...]:
    """The teams in order (counted teams are called « Équipe 1 », « Équipe 2 »…)."""
    found = []
    for number in range(1, team_count(config) + 1):
        if isinstance(config.teams, int):
            key, label = str(number), t("report.prototype.team_n", lang, n=number)
        else:
            key = label = config.teams[number - 1]
        prototype = config.prototypes[number - 1] if number <= len(config.prototypes) else None
        found.append(Team(number, key, label, prototype or None))
    return tuple(found)


def visit_rounds(config: PrototypeTestConfig) -> int:
    """Rounds of visits: as planned, else one per other team."""
    return config.rounds if config.rounds is not None else max(team_count(config) - 1, 1)


def visited_by(config: PrototypeTestConfig, team: int, round_number: int) -> int:
    """The team that team `team` (1-based) visits in `round_number`: team + round, in a circle."""
    count = team_count(config)
    return (team - 1 + round_number) % count + 1


def visitor_of(config: PrototypeTestConfig, team: int, round_number: int) -> int:
    """The team that visits team `team` in `round_number` (the inverse of `visited_by`)."""
    count = team_count(config)
    return (team - 1 - round_number) % count + 1


def needed_minutes(config: PrototypeTestConfig) -> int:
    """Minutes taken by the visits, the transitions between them and the revision."""
    rounds = visit_rounds(config)
    needed = rounds * config.minutes_per_round + (rounds - 1) * config.transition_minutes
    if config.revision_minutes:
        needed += config.transition_minutes + config.revision_minutes
    return needed


def is_feedback(x: v.Contribution) -> bool:
    """Whether a contribution is feedback to a team: feedback, or a note placed by a team
    (``labkit note --team 2`` from another laptop)."""
    return x.kind == "feedback" or (x.kind == "note" and x.team is not None)


@dataclass(frozen=True)
class PrototypeLive:
    """The test as the live screen shows it: feedback per team and facet, decisions per team."""

    feedback: dict[tuple[str | None, int | None], tuple[v.Contribution, ...]]
    """(team key, facet) -> feedback, in recording order."""
    decisions: dict[str | None, tuple[v.Contribution, ...]]
    """Team key -> its decision lines, in recording order."""

    def at(self, team: str | None, facet: int | None) -> tuple[v.Contribution, ...]:
        """The feedback given to `team` on `facet`."""
        return self.feedback.get((team, facet), ())

    def count(self, team: str | None) -> int:
        """How much feedback `team` received."""
        return sum(len(x) for (key, _), x in self.feedback.items() if key == team)


@dataclass(frozen=True)
class FacetOutput:
    prompt: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class TeamOutput:
    label: str
    prototype: str | None
    facets: tuple[FacetOutput, ...]
    """One per prompt (in the plan's order), then the feedback given without a facet."""
    decisions: tuple[Item, ...]

    @property
    def feedback_count(self) -> int:
        return sum(len(f.items) for f in self.facets)


@dataclass(frozen=True)
class PrototypeOutput(ModuleOutput):
    prompts: tuple[str, ...] = ()
    teams: tuple[TeamOutput, ...] = ()


class PrototypeTest(MethodSpec[PrototypeTestConfig]):
    tag = "prototype_test"
    config_type = PrototypeTestConfig
    events = ("contribution.added",)
    contributions = (
        ParticipantInput("feedback", "contribution.added", ("team", "round", "question")),
        ParticipantInput("decision", "contribution.added", ("team",), host_only=True),
    )

    # --- timing ------------------------------------------------------------------------------
    def parts(self, config: PrototypeTestConfig) -> tuple[TimedPart, ...]:
        rounds = visit_rounds(config)
        visits = tuple(TimedPart(n, config.minutes_per_round, "visit_end")
                       for n in range(1, rounds + 1))  # fmt: skip
        if not config.revision_minutes:
            return visits
        return (*visits, TimedPart(rounds + 1, config.revision_minutes, "revision_end"))

    # --- events ------------------------------------------------------------------------------
    @staticmethod
    def feedback(block: Block, text: str, *, team: str, facet: int | None,
                 round_number: int | None) -> ev.ContributionAdded:  # fmt: skip
        """Feedback given to `team` (its key) on `facet` (1: the first prompt) in a round."""
        return ev.ContributionAdded(block_id=block.id, text=text, kind="feedback", team=team,
                                    question=facet, round=round_number)  # fmt: skip

    @staticmethod
    def decision(block: Block, text: str, *, team: str) -> ev.ContributionAdded:
        """What `team` keeps, drops or tests next, once its prototype is revised."""
        return ev.ContributionAdded(block_id=block.id, text=text, kind="decision", team=team)

    # --- validation --------------------------------------------------------------------------
    def check(self, context: CheckContext, config: PrototypeTestConfig) -> Iterator[Problem]:
        block, path = context.block, context.path
        count = team_count(config)
        rounds = visit_rounds(config)
        needed = needed_minutes(config)
        if needed > block.duration:
            yield error("prototype_exceeds_block", (*path, "rounds"), title=block.title,
                        rounds=rounds, minutes=config.minutes_per_round,
                        revision=config.revision_minutes, needed=needed,
                        duration=block.duration)  # fmt: skip
        if count < MIN_TEAMS:
            yield error("prototype_too_few_teams", (*path, "teams"), teams=count)
        elif rounds > count - 1:
            yield error("prototype_rounds_exceed_teams", (*path, "rounds"), rounds=rounds,
                        teams=count, most=count - 1)  # fmt: skip
        if isinstance(config.teams, list):
            for name in sorted(duplicates([one_line(x).casefold() for x in config.teams])):
                yield error("prototype_duplicate_team", (*path, "teams"), name=name)
        if len(config.prototypes) > count:
            yield error("prototype_more_prototypes", (*path, "prototypes"),
                        prototypes=len(config.prototypes), teams=count)  # fmt: skip
        seated = len(context.session.attendees(context.day))
        if context.session.participants and count > seated:
            yield error("prototype_more_teams_than_people", (*path, "teams"), teams=count,
                        people=seated)  # fmt: skip
        if config.minutes_per_round < MIN_ROUND_MINUTES:
            yield warning("prototype_round_short", (*path, "minutes_per_round"),
                          title=block.title, minutes=config.minutes_per_round)  # fmt: skip
        if not config.revision_minutes:
            yield warning("prototype_no_revision", (*path, "revision_minutes"),
                          title=block.title)  # fmt: skip

    # --- live --------------------------------------------------------------------------------
    def live(self, session: Session, block: Block, config: PrototypeTestConfig,
             captured: Captured) -> PrototypeLive:  # fmt: skip
        feedback: dict[tuple[str | None, int | None], list[v.Contribution]] = defaultdict(list)
        decisions: dict[str | None, list[v.Contribution]] = defaultdict(list)
        for x in captured.of_block(block.id):
            if is_feedback(x):
                feedback[(x.team, x.question)].append(x)
            elif x.kind == "decision":
                decisions[x.team].append(x)
        return PrototypeLive({k: tuple(x) for k, x in feedback.items()},
                             {k: tuple(x) for k, x in decisions.items()})  # fmt: skip

    # --- restitution -------------------------------------------------------------------------
    def placement(self, config: PrototypeTestConfig, contribution: v.Contribution,
                  lang: str) -> str | None:  # fmt: skip
        """« Ce qui marche » · tour 2 · Piste 1: the facet by its prompt, the team by its name."""
        parts = []
        facet = contribution.question
        if facet is not None and 1 <= facet <= len(config.prompts):
            parts.append(f"« {one_line(config.prompts[facet - 1])} »" if lang == "fr"
                         else f"“{one_line(config.prompts[facet - 1])}”")  # fmt: skip
        if contribution.round is not None:
            parts.append(t("report.where.round", lang, n=contribution.round))
        if contribution.team:
            found = {team.key.casefold(): team.label for team in teams(config, lang)}
            parts.append(one_line(found.get(one_line(contribution.team).casefold(),
                                            contribution.team)))  # fmt: skip
        return " · ".join(parts)

    def report(self, block: Block, config: PrototypeTestConfig, day: int,
               harvest: Harvest) -> PrototypeOutput | None:  # fmt: skip
        entries = [x for x in harvest.contributions(block.id)
                   if is_feedback(x) or x.kind == "decision"]  # fmt: skip
        if not entries:
            return None
        lang = harvest.lang
        planned = teams(config, lang)
        known = {team.key.casefold(): team for team in planned}
        order = [team.key.casefold() for team in planned]
        for x in entries:  # entries for a team the plan does not name come after its teams
            key = one_line(x.team or "").casefold()
            if key not in order:
                order.append(key)
        prompts = tuple(clean(p) for p in config.prompts)
        out = []
        for key in order:
            mine = [x for x in entries if one_line(x.team or "").casefold() == key]
            team = known.get(key)
            if not mine and team is None:
                continue
            if team is not None:
                label, prototype = clean(team.label), team.prototype and clean(team.prototype)
            else:
                label = clean(mine[0].team) if mine[0].team else t("report.prototype.no_team",
                                                                   lang)  # fmt: skip
                prototype = None
            feedback = [x for x in mine if is_feedback(x)]
            facets = [
                FacetOutput(prompt, tuple(harvest.contribution_item(x) for x in feedback
                                          if x.question == number))
                for number, prompt in enumerate(prompts, 1)
            ]  # fmt: skip
            other = tuple(harvest.contribution_item(x) for x in feedback
                          if x.question is None or not 1 <= x.question <= len(prompts))
            if other:
                facets.append(FacetOutput(t("report.prototype.other", lang), other))
            decisions = tuple(harvest.contribution_item(x) for x in mine if x.kind == "decision")
            out.append(TeamOutput(label, prototype, tuple(facets), decisions))
        return PrototypeOutput(block.id, clean(block.title), self.tag, day, prompts=prompts,
                               teams=tuple(out))  # fmt: skip

    def layout(self, output: ModuleOutput, words: Words) -> list[e.Element]:
        from labkit.document import elements as e

        assert isinstance(output, PrototypeOutput)
        out: list[e.Element] = [_summary(output, words)]
        for team in output.teams:
            out.append(e.Heading(3, team.label))
            if team.prototype:
                out.append(e.Paragraph(words("prototype.prototype", title=team.prototype),
                                       "quote"))  # fmt: skip
            if not team.feedback_count:
                out.append(e.Paragraph(words("prototype.no_feedback"), "note"))
            for facet in team.facets:
                if facet.items:
                    out.append(e.Paragraph(f"{facet.prompt} ({len(facet.items)})", "label"))
                    out.append(e.Bullets(tuple(i.text for i in facet.items)))
            out.append(e.Paragraph(words("prototype.decision"), "label"))
            if team.decisions:
                out.append(e.Bullets(tuple(i.text for i in team.decisions)))
            else:
                out.append(e.Paragraph(words("prototype.no_decision"), "note"))
        return out


def _summary(output: PrototypeOutput, w: Words) -> e.Table:
    """One row per team: its prototype, how much feedback on each facet, its decision."""
    from labkit.document import elements as e

    prompts = output.prompts
    extra = any(len(team.facets) > len(prompts) for team in output.teams)
    header = (w("prototype.col.team"), w("prototype.col.prototype"), *prompts,
              *((w("prototype.other"),) if extra else ()), w("prototype.col.decision"))  # fmt: skip
    rows = []
    for team in output.teams:
        counts = [str(len(f.items)) for f in team.facets[: len(prompts)]]
        if extra:
            counts.append(str(sum(len(f.items) for f in team.facets[len(prompts):])))
        decision = "\n".join(i.text for i in team.decisions) if team.decisions else "—"
        rows.append((team.label, team.prototype or "—", *counts, decision))
    facet_columns = len(prompts) + extra
    return e.Table(
        header, tuple(rows), (2.2, 2.4, *([1.5] * facet_columns), 4.0),
        caption=w("prototype.caption"), compact=True,
        align=("l", "l", *(["c"] * facet_columns), "l"),
    )  # fmt: skip
