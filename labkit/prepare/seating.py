"""Saved seating plans and what each participant's route card says (pure content).

The rotation planner saves `rotations/<block id>.json` in the session folder:
`{"block": id, "rounds": [[[ids at table 1], [ids at table 2], ...], ...]}` for a world café, and
the same shape with pairs or trios for crossed interviews. A block without a saved plan still gets
a route-card section, with a note saying where people will learn their table or partner.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from labkit.i18n import format_time, t
from labkit.model import (
    CrossedInterviewsConfig,
    Participant,
    Session,
    WorldCafeConfig,
    schedule_session,
)

ROUTE_METHODS = ("world_cafe", "crossed_interviews")


@dataclass(frozen=True)
class SavedPlan:
    """A saved rotation: per round, the groups (tables, pairs) of participant ids."""

    block_id: str
    rounds: tuple[tuple[tuple[str, ...], ...], ...]

    def table_of(self, participant_id: str, round_index: int) -> int | None:
        """The 1-based table (group) of the participant in round `round_index` (0-based)."""
        if round_index >= len(self.rounds):
            return None
        for number, group in enumerate(self.rounds[round_index], 1):
            if participant_id in group:
                return number
        return None

    def partners(self, participant_id: str, round_index: int = 0) -> tuple[str, ...] | None:
        """The others in the participant's group in that round, or None when not placed."""
        if round_index >= len(self.rounds):
            return None
        for group in self.rounds[round_index]:
            if participant_id in group:
                return tuple(other for other in group if other != participant_id)
        return None


@dataclass
class SavedPlans:
    """The plans found in a session folder, and what was wrong with unreadable ones."""

    plans: dict[str, SavedPlan] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def load_saved_plans(rotations_dir: Path, session: Session) -> SavedPlans:
    """Read `rotations/<block id>.json` for every world café and crossed-interviews block.

    A missing file means "no plan yet"; an unreadable one is reported in `problems` (in the
    session's language) and treated as missing, so that printing never stops on it.
    """
    found = SavedPlans()
    for _, block in session.blocks():
        if block.method_type not in ROUTE_METHODS:
            continue
        path = Path(rotations_dir) / f"{block.id}.json"
        if not path.is_file():
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            found.plans[block.id] = _parse_plan(block.id, data)
        except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError) as exc:
            found.problems.append(t("prepare.plan_unreadable", session.language, path=path,
                                    reason=exc))
    return found


def _parse_plan(block_id: str, data: object) -> SavedPlan:
    if not isinstance(data, dict) or not isinstance(data.get("rounds"), list):
        raise ValueError('"rounds" is missing')
    rounds = []
    for round_ in data["rounds"]:
        if not isinstance(round_, list) or not all(isinstance(g, list) for g in round_):
            raise ValueError('"rounds" must hold lists of groups of participant ids')
        rounds.append(tuple(tuple(str(pid) for pid in group) for group in round_))
    return SavedPlan(block_id=block_id, rounds=tuple(rounds))


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
    group_label: str
    group_colour: str
    sections: tuple[RouteSection, ...]


def route_cards(session: Session, plans: SavedPlans) -> list[RouteCard]:
    """A route card per seated participant attending a day with a café or interviews."""
    lang = session.language
    starts = {item.block.id: item.start for day in schedule_session(session) for item in day}
    route_blocks = [(n, b) for n, b in session.blocks() if b.method_type in ROUTE_METHODS]
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
                section = _cafe_section(session, block.method, plan, person)
            else:
                assert isinstance(block.method, CrossedInterviewsConfig)
                section = _interview_section(session, plan, person)
            sections.append(RouteSection(block.title, when, *section))
        if not sections:
            continue
        group = session.group(person.group)
        cards.append(RouteCard(
            participant=person,
            group_label=group.label if group else person.group,
            group_colour=group.colour if group else "#888888",
            sections=tuple(sections),
        ))
    return cards


def _cafe_section(
    session: Session, config: WorldCafeConfig, plan: SavedPlan | None, person: Participant
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
    team = team_of(config, plan, person.id)
    if team:
        lines.append(RouteLine(t("prepare.route.team", lang), team))
    for index in range(config.rounds):
        table = plan.table_of(person.id, index)
        value = t("prepare.route.table", lang, table=table) if table else "—"
        if table and host_table == table:
            value += f" ({t('prepare.route.host', lang)})"
        lines.append(RouteLine(t("prepare.route.round", lang, n=index + 1), value))
    note = t("prepare.route.host_note", lang, table=host_table) if host_table else None
    return tuple(lines), note


def team_of(config: WorldCafeConfig, plan: SavedPlan, participant_id: str) -> str | None:
    """The name of the participant's team in a team-based café (the table they start at)."""
    if not config.teams:
        return None
    start = plan.table_of(participant_id, 0)
    if start is None or start > len(config.teams):
        return None
    return config.teams[start - 1]


def _interview_section(
    session: Session, plan: SavedPlan | None, person: Participant
) -> tuple[tuple[RouteLine, ...], str | None]:
    lang = session.language
    if plan is None:
        return (), t("prepare.route.no_pair_plan", lang)
    lines = []
    for index in range(len(plan.rounds)):
        others = plan.partners(person.id, index)
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
