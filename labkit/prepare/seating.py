"""What each participant's route card says (pure content), from the saved seating plans.

The plans are `labkit.store.seating`'s (`rotations/<block id>.json`: tables for a world café,
pairs or trios for crossed interviews). A block without a saved plan still gets a route-card
section, with a note saying where people will learn their table or partner.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from labkit.i18n import format_time, t
from labkit.model import (
    Block,
    CrossedInterviewsConfig,
    Participant,
    Session,
    WorldCafeConfig,
    schedule_session,
)
from labkit.store.seating import SavedPlan, SavedPlanError, read_plan

ROUTE_METHODS = ("world_cafe", "crossed_interviews")


@dataclass
class SavedPlans:
    """The plans found in a session folder, and what was wrong with unreadable ones."""

    plans: dict[str, SavedPlan] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def load_saved_plans(rotations_dir: Path, session: Session) -> SavedPlans:
    """Read the saved plan (`labkit.store.seating.read_plan`) of every world café and
    crossed-interviews block.

    A missing file means "no plan yet"; an unreadable one is reported in `problems` (in the
    session's language: file, field, reason) and treated as missing, so that printing never
    stops on it.
    """
    found = SavedPlans()
    for _, block in session.blocks():
        if block.method_type not in ROUTE_METHODS:
            continue
        try:
            plan = read_plan(rotations_dir, block.id, session.language)
        except SavedPlanError as exc:
            reason = f'"{exc.field}": {exc.reason}' if exc.field else exc.reason
            found.problems.append(t("prepare.plan_unreadable", session.language, path=exc.path,
                                    reason=reason))  # fmt: skip
            continue
        if plan is not None:
            found.plans[block.id] = plan
    return found


# -- route card content ------------------------------------------------------------------------
@dataclass(frozen=True)
class RouteLine:
    """One line of a route card: "Tour 1" → "Table 3"."""

    label: str
    value: str


@dataclass(frozen=True)
class RouteSection:
    """A block on a route card: its title and time, its lines, and a note when unplanned."""

    title: str
    when: str
    lines: tuple[RouteLine, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class RouteCard:
    """What one participant's route card says."""

    participant: Participant
    group_label: str | None
    """None for a vulnerable group: the card shows it only by its colour, as the badges do."""
    group_colour: str
    sections: tuple[RouteSection, ...]


def route_cards(session: Session, plans: SavedPlans) -> list[RouteCard]:
    """A route card per seated participant attending a day with a café or interviews."""
    lang = session.language
    starts = {item.block.id: item.start for day in schedule_session(session) for item in day}
    route_blocks = [(n, b) for n, b in session.blocks() if b.method_type in ROUTE_METHODS]
    teams = _cafe_teams(route_blocks, plans)
    cards = []
    for person in session.participants:
        if not person.role.seated:
            continue
        sections = []
        for day_number, block in route_blocks:
            if not person.attends(day_number):
                continue
            when = f"{t('word.day', lang)} {day_number} · {format_time(starts[block.id])}"
            if len(session.days) == 1:
                when = format_time(starts[block.id])
            plan = plans.plans.get(block.id)
            if isinstance(block.method, WorldCafeConfig):
                section = _cafe_section(session, block.method, plan, person,
                                        teams.get(block.id, {}))
            else:
                assert isinstance(block.method, CrossedInterviewsConfig)
                section = _interview_section(session, plan, person)
            sections.append(RouteSection(block.title, when, *section))
        if not sections:
            continue
        group = session.group(person.group)
        cards.append(RouteCard(
            participant=person,
            group_label=None if group is not None and group.vulnerable
            else group.label if group else person.group,
            group_colour=group.colour if group else "#888888",
            sections=tuple(sections),
        ))
    return cards


def _cafe_teams(route_blocks: list[tuple[int, Block]], plans: SavedPlans
                ) -> dict[str, dict[str, str]]:  # fmt: skip
    """block id -> (participant id -> team name) for each team café with a saved plan, read
    once per block from its plan (`labkit.planning.team_rotation.team_of`: team N starts at
    table N, then moves on a table a round; hosts are in none)."""
    from labkit.planning.team_rotation import team_of

    teams: dict[str, dict[str, str]] = {}
    for _, block in route_blocks:
        plan = plans.plans.get(block.id)
        if isinstance(block.method, WorldCafeConfig) and block.method.teams and plan is not None:
            teams[block.id] = team_of(plan.rounds, block.method.hosts, block.method.teams)
    return teams


def _cafe_section(
    session: Session, config: WorldCafeConfig, plan: SavedPlan | None, person: Participant,
    teams: dict[str, str],
) -> tuple[tuple[RouteLine, ...], str | None]:
    lang = session.language
    host_table = config.hosts.index(person.id) + 1 if person.id in config.hosts else None
    if plan is None:
        if host_table:
            return (), t("prepare.route.host_no_plan", lang, table=host_table)
        blanks = tuple(RouteLine(t("prepare.route.round", lang, n=index + 1),
                                 t("prepare.route.table", lang, table="____"))
                       for index in range(config.rounds))
        return blanks, t("prepare.route.no_cafe_plan", lang)
    lines = []
    team = teams.get(person.id)
    if team:
        lines.append(RouteLine(t("prepare.route.team", lang), team))
    for index in range(config.rounds):
        table = plan.table_of(person.id, index + 1)
        value = t("prepare.route.table", lang, table=table) if table else "—"
        if table and host_table == table:
            value += f" ({t('prepare.route.host', lang)})"
        lines.append(RouteLine(t("prepare.route.round", lang, n=index + 1), value))
    note = t("prepare.route.host_note", lang, table=host_table) if host_table else None
    return tuple(lines), note


def _interview_section(
    session: Session, plan: SavedPlan | None, person: Participant
) -> tuple[tuple[RouteLine, ...], str | None]:
    lang = session.language
    if plan is None:
        return (), t("prepare.route.no_pair_plan", lang)
    lines = []
    for index in range(len(plan.rounds)):
        others = plan.partners(person.id, index + 1)
        names = ", ".join(_who(session, pid) for pid in others) if others else "—"
        label = t("prepare.route.partner" if len(others or ()) <= 1 else "prepare.route.trio",
                  lang)
        if len(plan.rounds) > 1:
            label = f"{label} ({t('prepare.route.round', lang, n=index + 1)})"
        lines.append(RouteLine(label, names))
    return tuple(lines), None


def _who(session: Session, participant_id: str) -> str:
    person = session.participant(participant_id)
    if person is None:
        return participant_id
    if person.organisation:
        return f"{person.display_name} ({person.organisation})"
    return person.display_name
