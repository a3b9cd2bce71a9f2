"""Checks a facilitator understands: errors make a plan unusable, warnings deserve a look.

`check_session` never raises: it returns every problem found, each with the path of the field at
fault (the same form as pydantic's `loc`, so that the store can add the file's line number).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from labkit.i18n import t
from labkit.model.methods import (
    PAUSE_TYPES,
    ClosingConfig,
    CrossedInterviewsConfig,
    IdeaVoteConfig,
    PeerHelpConfig,
    PersonaJourneyConfig,
    QuestionMode,
    WorldCafeConfig,
)
from labkit.model.session import Block, Phase, Session
from labkit.model.timing import day_end, schedule_day

Path = tuple[str | int, ...]

MAX_MINUTES_WITHOUT_BREAK = 180
MIN_ROUND_MINUTES = 10
MIN_GAP_AS_PAUSE = 10
MAX_CAFE_TABLE_SIZE = 8
PHASE_ORDER = {Phase.SCAN: 0, Phase.FOCUS: 1, Phase.ACT: 2}


class Level(StrEnum):
    """How serious a problem is."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One problem of a session plan: its level, a code, the field's path and the details."""

    level: Level
    code: str
    path: Path
    params: dict[str, object] = field(default_factory=dict)

    def message(self, lang: str | None = None) -> str:
        """The plain-language explanation, in `lang`."""
        return t(f"validation.{self.code}", lang, **self.params)


def _error(code: str, path: Path, **params: object) -> Problem:
    return Problem(Level.ERROR, code, path, params)


def _warning(code: str, path: Path, **params: object) -> Problem:
    return Problem(Level.WARNING, code, path, params)


def check_session(session: Session) -> list[Problem]:
    """Every error and warning of the plan, errors first, each group in file order."""
    found = [
        *_check_people(session),
        *_check_days(session),
        *_check_blocks(session),
        *_check_phase_order(session),
    ]
    return sorted(found, key=lambda p: p.level != Level.ERROR)


def has_errors(problems: list[Problem]) -> bool:
    """Whether any problem is an error."""
    return any(p.level == Level.ERROR for p in problems)


# -- people ------------------------------------------------------------------------------------
def _duplicates(values: list[str]) -> set[str]:
    return {v for v, n in Counter(values).items() if n > 1}


def _check_people(session: Session) -> Iterator[Problem]:
    dup_groups = _duplicates([g.key for g in session.groups])
    for i, group in enumerate(session.groups):
        if group.key in dup_groups:
            yield _error("duplicate_group", ("groups", i, "key"), key=group.key)
    keys = {g.key for g in session.groups}
    dup_people = _duplicates([p.id for p in session.participants])
    day_count = len(session.days)
    for i, person in enumerate(session.participants):
        if person.id in dup_people:
            yield _error("duplicate_participant", ("participants", i, "id"), id=person.id)
        if person.group not in keys:
            yield _error(
                "unknown_group",
                ("participants", i, "group"),
                group=person.group,
                name=person.first_name,
                known=", ".join(sorted(keys)) or "—",
            )
        for j, number in enumerate(person.days or []):
            if not 1 <= number <= day_count:
                yield _error(
                    "participant_day_out_of_range",
                    ("participants", i, "days", j),
                    name=person.first_name,
                    day=number,
                    count=day_count,
                )


# -- days and timings --------------------------------------------------------------------------
def _check_days(session: Session) -> Iterator[Problem]:
    previous: dt.date | None = None
    for d, day in enumerate(session.days):
        if previous is not None and day.date <= previous:
            yield _error("day_dates_order", ("days", d, "date"), day=d + 1)
        previous = day.date
        if day.end <= day.start:
            yield _error("day_end_before_start", ("days", d, "end"), day=d + 1)
            continue
        yield from _check_day_timings(session, d)


def _hhmm(value: dt.datetime | dt.time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def _check_day_timings(session: Session, d: int) -> Iterator[Problem]:
    day = session.days[d]
    placed = schedule_day(day, d + 1)
    closing = day_end(day)
    opening = dt.datetime.combine(day.date, day.start)
    previous_end = opening
    worked = 0
    for item in placed:
        path: Path = ("days", d, "agenda", item.index)
        if item.start < opening:
            yield _error(
                "block_before_day_start", (*path, "start"), title=item.block.title,
                start=_hhmm(item.start), day_start=_hhmm(opening),
            )
        elif item.start < previous_end:
            yield _error(
                "block_overlap", (*path, "start"), title=item.block.title,
                start=_hhmm(item.start), previous_end=_hhmm(previous_end),
            )
        if item.end > closing or item.end.date() != day.date:
            over = int((item.end - closing).total_seconds() // 60)
            yield _error(
                "day_overrun", path, day=d + 1, title=item.block.title, end=_hhmm(item.end),
                day_end=_hhmm(closing), minutes=over,
            )
            break
        gap = int((item.start - previous_end).total_seconds() // 60)
        if item.block.method_type in PAUSE_TYPES or gap >= MIN_GAP_AS_PAUSE:
            worked = 0
        if item.block.method_type not in PAUSE_TYPES:
            worked += item.block.duration
            if worked > MAX_MINUTES_WITHOUT_BREAK:
                yield _warning(
                    "no_break", path, title=item.block.title, hours=worked // 60,
                    minutes=worked % 60,
                )
                worked = 0
        previous_end = max(previous_end, item.end)


# -- blocks ------------------------------------------------------------------------------------
def _check_blocks(session: Session) -> Iterator[Problem]:
    ids = [b.id for _, b in session.blocks()]
    dup_blocks = _duplicates(ids)
    known_blocks = set(ids)
    for d, day in enumerate(session.days):
        for b, block in enumerate(day.agenda):
            path: Path = ("days", d, "agenda", b)
            if block.id in dup_blocks:
                yield _error("duplicate_block", (*path, "id"), id=block.id)
            method = block.method
            mpath: Path = (*path, "method")
            if isinstance(method, WorldCafeConfig):
                yield from _check_world_cafe(session, d + 1, block, method, mpath)
            elif isinstance(method, CrossedInterviewsConfig):
                needed = 2 * method.minutes_per_person + method.regroup_minutes
                if needed > block.duration:
                    yield _error(
                        "interviews_exceed_block", mpath, title=block.title, needed=needed,
                        duration=block.duration,
                    )
            elif isinstance(method, IdeaVoteConfig):
                if method.source_block and method.source_block not in known_blocks:
                    yield _error(
                        "unknown_block", (*mpath, "source_block"), id=method.source_block
                    )
            elif isinstance(method, PersonaJourneyConfig):
                for p in sorted(_duplicates([p.id for p in method.personas])):
                    yield _error("duplicate_persona", (*mpath, "personas"), id=p)
            elif isinstance(method, PeerHelpConfig):
                needed = method.minutes_per_territory * len(method.territories)
                if needed > block.duration:
                    yield _error(
                        "peer_help_exceeds_block", mpath, title=block.title, needed=needed,
                        duration=block.duration,
                    )
            elif isinstance(method, ClosingConfig):
                yield from _check_survey(method, mpath)


def _check_world_cafe(
    session: Session, day_number: int, block: Block, cafe: WorldCafeConfig, path: Path
) -> Iterator[Problem]:
    if cafe.rounds_minutes > block.duration:
        yield _error(
            "cafe_rounds_exceed_block", (*path, "rounds"), title=block.title, rounds=cafe.rounds,
            minutes=cafe.minutes_per_round, transitions=cafe.transition_minutes,
            needed=cafe.rounds_minutes, duration=block.duration,
        )
    if cafe.minutes_per_round < MIN_ROUND_MINUTES:
        yield _warning(
            "cafe_round_short", (*path, "minutes_per_round"), title=block.title,
            minutes=cafe.minutes_per_round,
        )
    if cafe.hosts and len(cafe.hosts) < cafe.tables:
        yield _error(
            "cafe_fewer_hosts", (*path, "hosts"), hosts=len(cafe.hosts), tables=cafe.tables
        )
    if len(cafe.hosts) > cafe.tables:
        yield _error(
            "cafe_more_hosts", (*path, "hosts"), hosts=len(cafe.hosts), tables=cafe.tables
        )
    for h, host_id in enumerate(cafe.hosts):
        host = session.participant(host_id)
        if host is None:
            yield _error("unknown_participant", (*path, "hosts", h), id=host_id)
        elif not host.attends(day_number):
            yield _error("host_absent", (*path, "hosts", h), name=host.first_name, day=day_number)
    for h in sorted(_duplicates(cafe.hosts)):
        yield _error("cafe_duplicate_host", (*path, "hosts"), id=h)
    seated = len(session.attendees(day_number))
    if session.participants and cafe.tables > seated:
        yield _error(
            "cafe_more_tables_than_people", (*path, "tables"), tables=cafe.tables, people=seated
        )
    elif seated and -(-seated // cafe.tables) > MAX_CAFE_TABLE_SIZE:
        yield _warning(
            "cafe_large_tables", (*path, "tables"), size=-(-seated // cafe.tables),
            tables=cafe.tables,
        )
    if cafe.question_mode == QuestionMode.PER_ROUND and len(cafe.questions) != cafe.rounds:
        yield _error(
            "cafe_questions_per_round", (*path, "questions"), questions=len(cafe.questions),
            rounds=cafe.rounds,
        )
    if cafe.question_mode == QuestionMode.PER_TABLE and len(cafe.questions) > cafe.tables:
        yield _error(
            "cafe_questions_per_table", (*path, "questions"), questions=len(cafe.questions),
            tables=cafe.tables,
        )


def _check_survey(closing: ClosingConfig, path: Path) -> Iterator[Problem]:
    for q in sorted(_duplicates([q.id for q in closing.survey])):
        yield _error("duplicate_survey_question", (*path, "survey"), id=q)
    for i, question in enumerate(closing.survey):
        if question.scale_min >= question.scale_max:
            yield _error(
                "survey_scale", (*path, "survey", i), id=question.id, low=question.scale_min,
                high=question.scale_max,
            )


# -- phases ------------------------------------------------------------------------------------
def _check_phase_order(session: Session) -> Iterator[Problem]:
    reached: Phase | None = None
    for d, day in enumerate(session.days):
        for b, block in enumerate(day.agenda):
            if block.phase not in PHASE_ORDER:
                continue
            if reached is not None and PHASE_ORDER[block.phase] < PHASE_ORDER[reached]:
                yield _warning(
                    "phase_order", ("days", d, "agenda", b, "phase"), title=block.title,
                    phase=block.phase.value, reached=reached.value,
                )
            else:
                reached = block.phase
