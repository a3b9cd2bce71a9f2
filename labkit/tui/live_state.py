"""What the live screens show, computed from the plan, the journal's state and one clock reading.

Pure functions and frozen view objects, no Textual: the widgets receive these as attributes, and
tests check them without a terminal. Planned times are the session's wall-clock times (naive in
session.yaml) read in the session's time zone; every datetime here is timezone-aware.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from labkit.document.text import shorten
from labkit.i18n import format_duration, t
from labkit.model import Block, Participant, Phase, Session, schedule_day
from labkit.model.text import fold
from labkit.model.views import BlockTiming, RoundTiming
from labkit.store.journal import JournalState

ZERO = timedelta(0)


# --- planned times --------------------------------------------------------------------------


@dataclass(frozen=True)
class PlannedBlock:
    """A block of the day with its planned start and end (aware)."""

    index: int
    block: Block
    start: datetime
    end: datetime

    @property
    def block_id(self) -> str:
        return self.block.id


def planned_day(
    session: Session, day_number: int, on_date: date | None = None
) -> list[PlannedBlock]:
    """The blocks of day `day_number` (1-based) with their planned, timezone-aware times.

    `on_date` moves the plan to another date (a rehearsal, a session postponed without editing
    session.yaml): the planned clock times stay, read on that date.
    """
    zone = session.zone
    day = session.days[day_number - 1]
    placed = schedule_day(day, day_number)
    shift = (on_date - day.date) if on_date else timedelta(0)
    return [
        PlannedBlock(
            p.index, p.block, (p.start + shift).replace(tzinfo=zone),
            (p.end + shift).replace(tzinfo=zone),
        )
        for p in placed
    ]


def anchored_on_first_start(
    planned: list[PlannedBlock], state: JournalState
) -> list[PlannedBlock]:
    """The plan moved so that the first block started begins, as planned, when it did.

    For a rehearsal on another date: drifts then count from the rehearsal's own start, not from
    the session's clock times.
    """
    started = [(at, p) for p in planned if (at := state.block(p.block_id).started_at) is not None]
    if not started:
        return planned
    actual, first = min(started, key=lambda pair: pair[0])
    shift = actual - first.start
    return [PlannedBlock(p.index, p.block, p.start + shift, p.end + shift) for p in planned]


def run_date(session: Session, day_number: int, state: JournalState, now: datetime) -> date:
    """The date the day actually runs on: its first block's start, else today if it has not
    started (so that a rehearsal on another date shows sensible drifts)."""
    zone = session.zone
    starts = [
        at
        for b in session.days[day_number - 1].agenda
        if (at := state.block(b.id).started_at) is not None
    ]
    first = min(starts) if starts else now
    return first.astimezone(zone).date()


# --- block timers ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineRow:
    """One line of the day's timeline."""

    planned: PlannedBlock
    timing: BlockTiming
    end_drift: timedelta | None
    """Actual (or projected) end minus planned end; positive is late."""

    @property
    def block(self) -> Block:
        return self.planned.block

    @property
    def status(self) -> str:
        return self.timing.status


def timeline(day: list[PlannedBlock], state: JournalState, now: datetime) -> list[TimelineRow]:
    """The day's blocks with how they ran (or run) and their drift."""
    plan = {p.block_id: (p.start, p.end) for p in day}
    drifts = {d.block_id: d for d in state.drift(plan, now)} if plan else {}
    return [
        TimelineRow(p, state.block(p.block_id), drifts[p.block_id].end_drift)
        for p in day
    ]  # fmt: skip


def current_row(rows: list[TimelineRow]) -> TimelineRow | None:
    """The running or paused block of the day (the latest started if several)."""
    live = [
        (r.timing.started_at, r)
        for r in rows
        if r.status in ("running", "paused") and r.timing.started_at is not None
    ]
    return max(live, key=lambda pair: pair[0])[1] if live else None


def next_row(rows: list[TimelineRow]) -> TimelineRow | None:
    """The first block of the day not started yet after the current or last ended one."""
    last = -1
    for i, row in enumerate(rows):
        if row.status != "not_started":
            last = i
    for row in rows[last + 1 :]:
        if row.status == "not_started":
            return row
    return next((r for r in rows if r.status == "not_started"), None)


def remaining(row: TimelineRow, now: datetime) -> timedelta:
    """Time left in the block (negative once overrunning)."""
    if row.status == "not_started":
        return timedelta(minutes=row.block.duration + row.timing.extension_minutes)
    return row.timing.remaining(row.block.duration, now)


def day_drift(
    rows: list[TimelineRow], now: datetime, late_start: bool = True
) -> timedelta | None:
    """How late the day runs: positive late, negative ahead, None before anything happened.

    Before the first block starts, waiting past its planned start counts as a late start only
    with `late_start` (on the session's own date; a rehearsal on another day is not late).

    While a block runs: its projected end against its planned end. Between blocks: now against
    the next block's planned start, or the last ended block's end drift if that is later.
    """
    current = current_row(rows)
    if current is not None:
        return current.end_drift
    ended = [r for r in rows if r.status == "ended"]
    following = next_row(rows)
    if not ended:
        if following is None or now <= following.planned.start or not late_start:
            return None
        return now - following.planned.start
    last_drift = ended[-1].end_drift or ZERO
    if following is None:
        return last_drift
    waiting = now - following.planned.start
    return max(waiting, last_drift)


def expected_start(row: TimelineRow, drift: timedelta | None) -> datetime:
    """When a block not started yet should start, the day's drift (`day_drift`) applied: after
    early ends it comes earlier than planned, after overruns later, as the drift shown says."""
    if drift is None or abs(drift) < timedelta(minutes=1):
        return row.planned.start
    return row.planned.start + drift


@dataclass(frozen=True)
class RoundClock:
    """A timed part of a block: a world-café round, an interview half, a regroup."""

    number: int
    minutes: int
    timing: RoundTiming | None
    remaining: timedelta

    @property
    def running(self) -> bool:
        return self.timing is not None and self.timing.running


def round_clock(
    state: JournalState, block_id: str, number: int, minutes: int, now: datetime
) -> RoundClock:
    """The timer of round `number` of a block (not started: the full duration)."""
    timing = state.rounds.get((block_id, number))
    if timing is None:
        return RoundClock(number, minutes, None, timedelta(minutes=minutes))
    elapsed = timing.elapsed(state.block(block_id), now)
    return RoundClock(number, minutes, timing, timedelta(minutes=minutes) - elapsed)


# --- formatting -----------------------------------------------------------------------------


def clock_text(delta: timedelta) -> str:
    """A countdown as "12:05", "1:02:05" or "-3:10" once overrun (seconds rounded down)."""
    total = int(delta.total_seconds())
    sign = "-" if total < 0 else ""
    total = abs(total)
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{seconds:02d}"
    return f"{sign}{minutes:02d}:{seconds:02d}"


def drift_text(drift: timedelta | None) -> str:
    """ "12 min de retard", "3 min d'avance" or "à l'heure" (within a minute)."""
    if drift is None:
        return t("tui.drift.none")
    minutes = int(round(drift.total_seconds() / 60))
    if minutes >= 1:
        return t("tui.drift.late", minutes=format_duration(minutes))
    if minutes <= -1:
        return t("tui.drift.early", minutes=format_duration(-minutes))
    return t("tui.drift.on_time")


PHASE_MARK = {Phase.SCAN: "SCAN", Phase.FOCUS: "FOCUS", Phase.ACT: "ACT", Phase.NONE: ""}
STATUS_MARK = {"not_started": "·", "running": "▶", "paused": "‖", "ended": "✓"}


# --- attendance -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonPresence:
    """A participant and their status on the day: expected, present, left or absent."""

    participant: Participant
    status: str


def presence(session: Session, day: int, state: JournalState) -> list[PersonPresence]:
    """Everyone expected on `day` (seated or not) with their attendance status."""
    records = state.attendance_on(day)
    result = []
    for person in session.participants:
        record = records.get(person.id)
        if record is not None:
            result.append(PersonPresence(person, record.status))
        elif person.attends(day):
            result.append(PersonPresence(person, "expected"))
    return result


def seated_present(session: Session, day: int, state: JournalState) -> list[str]:
    """Ids of the seated participants in the room now, in the plan's order.

    Once someone has been checked in on the day, the room is whoever arrived and did not leave;
    before any check-in, everyone expected except those marked absent.
    """
    records = state.attendance_on(day)
    checked_in = any(r.status != "absent" for r in records.values())
    seated = [p for p in session.participants if p.role.seated]
    room = []
    for person in seated:
        record = records.get(person.id)
        if record is not None:
            if record.status == "present":
                room.append(person.id)
        elif not checked_in and person.attends(day):
            room.append(person.id)
    return room


def _name_words(person: Participant) -> list[str]:
    return fold(" ".join(filter(None, (person.first_name, person.last_name)))).split()


def matches(person: Participant, query: str) -> bool:
    """Whether every typed word starts one of the person's names (first name or surname,
    accents, case and hyphens ignored): "aud" finds Aude and Audrey, not Reynaud."""
    words = _name_words(person)
    return all(any(w.startswith(part) for w in words) for part in fold(query).split())


def exact_match(person: Participant, query: str) -> bool:
    """Whether every typed word is one of the person's names in full ("aude", not "aud")."""
    words = _name_words(person)
    wanted = fold(query).split()
    return bool(wanted) and all(part in words for part in wanted)


def check_in_choice(people: list[Participant], query: str) -> tuple[Participant | None,
                                                                     list[Participant]]:
    """Who `query` designates: (the person, []) when one matches, or one matches in full;
    (None, candidates) otherwise (none, or several to choose from)."""
    found = [p for p in people if matches(p, query)]
    if len(found) == 1:
        return found[0], []
    exact = [p for p in found if exact_match(p, query)]
    if len(exact) == 1:
        return exact[0], []
    return None, found


# --- votes ----------------------------------------------------------------------------------


# --- paper questionnaires -------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionnaireEntry:
    """One paper questionnaire typed as a line: its group, scores per question, comment."""

    group: str
    scores: dict[str, float]
    comment: str | None


class EntryError(ValueError):
    """A questionnaire line that cannot be read (the message says why)."""


def survey_groups(session: Session) -> list[str]:
    """The group keys offered for questionnaires: groups with seated participants first."""
    seated = {p.group for p in session.participants if p.role.seated}
    keys = [g.key for g in session.groups]
    return [k for k in keys if k in seated] + [k for k in keys if k not in seated]


def group_label(session: Session, key: str, width: int | None = None) -> str:
    """A group's label (its key if it has none), shortened to `width` with « … »."""
    group = session.group(key)
    label = group.label if group and group.label else key
    return shorten(label, width) if width else label


def question_label(question: Any, width: int | None = None) -> str:
    """A questionnaire question's text (never its id), shortened to `width` with « … »."""
    return shorten(question.text, width) if width else question.text


def parse_questionnaire(text: str, session: Session, questions: list) -> QuestionnaireEntry:
    """Read "GROUP SCORES [COMMENT]": e.g. "par 5 4 très utile", "2 54", "cons 5 - merci".

    GROUP: its number in the list shown, or the first letters of its key or label. SCORES: one
    per question in order (``-`` for no answer); with single-digit scales they may be typed
    together ("54"). Everything after the scores is the comment.
    """
    words = text.split()
    if not words:
        raise EntryError(t("tui.closing.err_empty"))
    group = _match_group(words[0], session)
    scores: dict[str, float] = {}
    rest = words[1:]
    position = 0
    single_digit = all(q.scale_max <= 9 and q.scale_min >= 0 for q in questions)
    while rest and position < len(questions):
        token = rest[0]
        if token in ("-", "_", "."):
            position += 1
            rest.pop(0)
            continue
        if not token.isdigit():
            break
        rest.pop(0)
        digits = list(token) if single_digit and len(token) > 1 else [token]
        for digit in digits:
            if position >= len(questions):
                raise EntryError(t("tui.closing.err_too_many", count=len(questions)))
            question = questions[position]
            value = int(digit)
            if not question.scale_min <= value <= question.scale_max:
                raise EntryError(t("tui.closing.err_scale", question=question_label(question, 30),
                                   low=question.scale_min, high=question.scale_max))
            scores[question.id] = float(value)
            position += 1
    if not scores:
        raise EntryError(t("tui.closing.err_no_score"))
    if rest and rest[0].isdigit():  # a score too many (a comment never starts with a number)
        raise EntryError(t("tui.closing.err_too_many", count=len(questions)))
    comment = " ".join(rest) or None
    return QuestionnaireEntry(group, scores, comment)


def _match_group(word: str, session: Session) -> str:
    keys = survey_groups(session)
    if word.isdigit():
        index = int(word)
        if 1 <= index <= len(keys):
            return keys[index - 1]
        raise EntryError(t("tui.closing.err_group_number", count=len(keys)))
    wanted = fold(word)
    if not wanted:
        raise EntryError(t("tui.closing.err_group_unknown", word=word))
    found = []
    exact = []
    for key in keys:
        group = session.group(key)
        label = fold(group.label) if group else ""
        if fold(key).startswith(wanted) or label.startswith(wanted):
            found.append(key)
        if wanted in (fold(key), label):
            exact.append(key)
    if len(exact) == 1:
        return exact[0]  # a whole key wins over the longer keys it starts ("dr" vs "drh")
    if len(found) == 1:
        return found[0]
    if not found:
        raise EntryError(t("tui.closing.err_group_unknown", word=word))
    raise EntryError(t("tui.closing.err_group_ambiguous", word=word,
                       found=", ".join(group_label(session, key, 20) for key in found)))
