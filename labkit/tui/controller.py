"""The live app's thin adapter between the journal and the widgets.

`LiveSession` holds the session plan, the open journal, the day being run and the clock. Every
write goes through `record`, which writes the journal at once (when it returns, the entry is on
disk); the state the screens read is the journal's own, folded one event at a time (never
copied nor re-folded for an entry), and `changes_since` tells a screen which events a revision
added, so that it redraws only what they change. A method's events are built by its spec
(`labkit.methods`: `WorldCafe.idea`, `Commitments.edited`…) and passed to `record`; the agenda's
own actions (start, pause, extend or end a block or a round; arrivals and absences) are verbs
here, since they need the clock, the day or the running round. It never computes a rotation or
writes SQL: rotations come from `labkit.tui.rotation` (the planner), saved plans and re-plans from
`labkit.store.seating`, storage from `Journal`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, ParamSpec

from pydantic import ValidationError

from labkit.errors import InvalidInputError
from labkit.i18n import t
from labkit.methods import corrections, spec_of
from labkit.methods.spec import AlertKind
from labkit.model import Block, Session
from labkit.model import events as ev
from labkit.model.events import EventModel
from labkit.model.views import Rotation
from labkit.store import seating
from labkit.store.journal import Journal, JournalState, RecordedEvent
from labkit.store.journal.journal import invalid_event
from labkit.store.session_folder import SessionFolder, open_session
from labkit.tui import live_state as ls
from labkit.tui.clock import Clock, SystemClock

P = ParamSpec("P")
KEPT_CHANGES = 64
"""How many revisions `changes_since` remembers (a screen further behind re-reads all)."""
EVENT_TYPES: dict[str, str] = {model.__name__: tag for tag, model in ev.MODELS.items()}
"""Event model name -> its journal type (to name the entry a constructor refused)."""


@dataclass(frozen=True)
class Alert:
    """A timer that just ran out: a block, a round, an interview half."""

    kind: AlertKind | Literal["block_end"]
    """block_end, or what the method's timed part announces (`labkit.methods.spec.AlertKind`)."""
    block_id: str
    round: int | None = None


def default_day(session: Session, state: JournalState, today: Any) -> int:
    """The day to open: the one with a running block, else today's, else the first unfinished."""
    current = state.current_block()
    if current is not None:
        found = session.day_of_block(current.block_id)
        if found:
            return found
    for number, day in enumerate(session.days, 1):
        if day.date == today:
            return number
    for number, day in enumerate(session.days, 1):
        if any(state.block(b.id).status != "ended" for b in day.agenda):
            return number
    return len(session.days)


class LiveSession:
    """A session being run: plan, journal, day and clock; `record` and the agenda's verbs write."""

    def __init__(
        self,
        folder: SessionFolder,
        journal: Journal,
        *,
        day: int | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.folder = folder
        self.session: Session = folder.session
        self.journal = journal
        self.clock: Clock = clock or SystemClock()
        self.zone = self.session.zone
        self.state: JournalState = journal.live_state()
        today = self.clock.now().astimezone(self.zone).date()
        chosen = day or default_day(self.session, self.state, today)
        if not 1 <= chosen <= len(self.session.days):
            raise InvalidInputError(t("tui.error.no_such_day", day=chosen,
                                      days=len(self.session.days)))
        self.day = chosen
        self.planned: list[ls.PlannedBlock] = []
        self._plan_date: Any = None
        self._replace_plan()
        self.revision = 0
        self._changes: deque[tuple[int, tuple[RecordedEvent, ...] | None]] = deque(
            maxlen=KEPT_CHANGES
        )
        self._undo: list[int | tuple[int, ...]] = []
        """What Ctrl+Z undoes, last first: an event, or the events of one correction."""
        self.last_undone: list[RecordedEvent] = []
        """The entries the last `undo_last` cancelled (to say which on screen)."""
        self._rotation_cache: dict[str, tuple[tuple[int, str], list[Rotation]]] = {}
        self._alerted: set[Alert] = set()

    @classmethod
    def open(
        cls,
        arg: str | Path,
        *,
        day: int | None = None,
        clock: Clock | None = None,
        device: str = "tui",
    ) -> LiveSession:
        """Open the session a SESSION argument names and its journal (created if missing)."""
        folder = open_session(arg)
        journal = Journal.open(folder.journal_path, device=device)
        try:
            return cls(folder, journal, day=day, clock=clock)
        except BaseException:
            journal.close()
            raise

    def close(self) -> None:
        """Close the journal (everything is already on disk)."""
        self.journal.close()

    @property
    def root(self) -> Path:
        return self.folder.root

    def now(self) -> datetime:
        return self.clock.now()

    # --- reading -----------------------------------------------------------------------------

    def refresh(self) -> bool:
        """Read what other devices recorded; whether anything changed (nothing is read when
        the journal's `data_version` did not move)."""
        before = self.journal.last_id
        if self.journal.has_news() and self.journal.refresh():
            self._changed(self.journal.events(since=before))
            return True
        return False

    def _changed(self, added: Iterable[RecordedEvent] | None = None) -> None:
        """A new revision: `added` are the events it folded in (None: unknown, e.g. after an
        undo, which re-derives the state)."""
        self.state = self.journal.live_state()  # the same object unless an undo re-derived it
        self._replace_plan()
        self.revision += 1
        self._changes.append((self.revision, None if added is None else tuple(added)))

    def changes_since(self, revision: int) -> list[RecordedEvent] | None:
        """The events recorded or read after `revision`, in order; None when they are not all
        known (an undo, or a revision too old): the caller then re-reads the whole state."""
        if revision == self.revision:
            return []
        kept = [(number, added) for number, added in self._changes if number > revision]
        if len(kept) != self.revision - revision:
            return None
        found: list[RecordedEvent] = []
        for _, added in kept:
            if added is None:
                return None
            found.extend(added)
        return found

    @property
    def on_session_date(self) -> bool:
        """Whether the day runs on its planned date (else it is a rehearsal or a moved day)."""
        return self._plan_date == self.session.days[self.day - 1].date

    def _replace_plan(self) -> None:
        on = ls.run_date(self.session, self.day, self.state, self.now())
        if on != self._plan_date or not self.on_session_date:
            self._plan_date = on
            self.planned = ls.planned_day(self.session, self.day, on)
            if not self.on_session_date:  # a rehearsal: the plan follows its first start
                self.planned = ls.anchored_on_first_start(self.planned, self.state)

    def block(self, block_id: str) -> Block:
        found = self.session.block(block_id)
        if found is None:
            raise InvalidInputError(t("tui.error.no_such_block", block=block_id))
        return found

    def rows(self, now: datetime | None = None) -> list[ls.TimelineRow]:
        """The day's timeline at `now`."""
        return ls.timeline(self.planned, self.state, now or self.now())

    def current(self, now: datetime | None = None) -> ls.TimelineRow | None:
        return ls.current_row(self.rows(now))

    def current_block(self) -> Block | None:
        """The running or paused block of the day, if any."""
        row = self.current()
        return row.block if row else None

    def focus_block(self) -> Block | None:
        """The block the method screen shows: the current one, else the next, else the last."""
        rows = self.rows()
        row = ls.current_row(rows) or ls.next_row(rows)
        if row is None and rows:
            row = rows[-1]
        return row.block if row else None

    def rotations(self, block_id: str) -> list[Rotation]:
        """Every re-planned rotation of a block still in force, oldest first
        (`labkit.store.seating.replans`, cached per revision)."""
        key = (self.revision, block_id)
        cached = self._rotation_cache.get(block_id)
        if cached is not None and cached[0] == key:
            return cached[1]
        records = self.journal.events(types={"rotation.replanned"})
        found = seating.replans(records, block_id, self.journal.is_undone)
        self._rotation_cache[block_id] = (key, found)
        return found

    def running_round(self, block_id: str) -> int | None:
        found = self.state.current_round(block_id)
        return found.round if found else None

    def last_round(self, block_id: str) -> int:
        """The running round, else the last one played (0 when none started)."""
        rounds = self.state.rounds_of(block_id)
        return rounds[-1].round if rounds else 0

    def room(self) -> list[str]:
        """The seated participants in the room now."""
        return ls.seated_present(self.session, self.day, self.state)

    # --- writing -----------------------------------------------------------------------------
    # The screens build their events with the method specs' typed constructors
    # (`labkit.methods`) and write them with `record`; the verbs below are the agenda's own
    # (block and round lifecycle, attendance), which need the clock, the day or the state.

    def record(
        self, *events: EventModel | Mapping[str, Any], undoable: bool = True,
        as_one: bool = False,
    ) -> list[RecordedEvent]:  # fmt: skip
        """Write events in one transaction (all or none); the state folds them in. `as_one`:
        a single Ctrl+Z undoes them all (a correction), else one at a time."""
        before = self.journal.last_id
        try:
            written = self.journal.record_many(events)
        except BaseException:
            self.state = self.journal.live_state()  # a rolled-back batch re-derives it
            raise
        if undoable and as_one:
            self._undo.append(tuple(e.id for e in written))
        elif undoable:
            self._undo.extend(e.id for e in written)
        if any(isinstance(e.event, ev.EventUndone) for e in written):
            self._changed()  # an undo re-derived the state: screens re-read it
        else:  # with what other devices wrote just before, read in the same transaction
            self._changed(self.journal.events(since=before))
        return written

    def write(self, build: Callable[P, EventModel], *args: P.args,
              **kwargs: P.kwargs) -> list[RecordedEvent]:  # fmt: skip
        """Build an event with a method spec's constructor (`WorldCafe.idea`…) and record it.

        A field the constructor refuses (a text too long, too many dots) raises the same
        `InvalidInputError` as a refused entry, so that the app shows it and writes nothing.
        """
        try:
            event = build(*args, **kwargs)
        except ValidationError as error:
            raise invalid_event(error, EVENT_TYPES.get(error.title)) from None
        return self.record(event)

    def created_id(self, build: Callable[P, EventModel], *args: P.args,
                   **kwargs: P.kwargs) -> str:  # fmt: skip
        """`write` one event that creates something (a persona, a cluster…); its new id."""
        return str(self.write(build, *args, **kwargs)[0].event.new_id())

    def undo_last(self) -> RecordedEvent | None:
        """Cancel the last entry (or correction) recorded from this app (None if there is
        nothing to undo); undoing a deletion or an edit restores the entry as it was."""
        while self._undo:
            last = self._undo.pop()
            ids = last if isinstance(last, tuple) else (last,)
            targets = [self.journal.get(i) for i in reversed(ids)]
            targets = [r for r in targets if not self.journal.is_undone(r)]
            if not targets:
                continue
            try:
                undone = self.journal.record_many(
                    [ev.EventUndone(target=r.uuid) for r in targets])
            finally:
                self._changed()
            self.last_undone = targets
            return undone[-1]
        return None

    # corrections of earlier entries (`labkit.methods.corrections`)

    def entry(self, kind: corrections.EntryKind, entry_id: str) -> corrections.Entry | None:
        """An entry of a live list as it stands now (None when it is gone)."""
        return corrections.find(self.state, kind, entry_id)

    def _uuid_of(self, event_id: int) -> str:
        return self.journal.get(event_id).uuid

    def edit_entry(self, entry: corrections.Entry, text: str) -> bool:
        """Give an entry a corrected text (one Ctrl+Z restores it); False if unchanged."""
        events = corrections.edited(self.state, entry, text, self._uuid_of)
        if events:
            self.record(*events, as_one=True)
        return bool(events)

    def delete_entry(self, entry: corrections.Entry) -> list[RecordedEvent]:
        """Delete an entry (the journal keeps it, and Ctrl+Z brings it back)."""
        return self.record(*corrections.deleted(entry, self._uuid_of), as_one=True)

    def replace_entry(self, entry: corrections.Entry, *events: EventModel) -> None:
        """Replace an entry that has no edit event of its own (a questionnaire) by `events`:
        its deletion and them in one transaction, that one Ctrl+Z undoes."""
        self.record(*corrections.deleted(entry, self._uuid_of), *events, as_one=True)

    def source(self, event_id: int) -> tuple[str, str | None]:
        """The device and the person who recorded an event."""
        record = self.journal.get(event_id)
        return record.device, record.recorder

    # block lifecycle

    def start_block(self, block_id: str) -> None:
        """Start `block_id`, ending the block (and round) running before it."""
        now = self.now()
        events: list[EventModel] = []
        current = self.state.current_block()
        if current is not None and current.block_id != block_id:
            events += self._end_events(current.block_id, now)
        events.append(ev.BlockStarted(block_id=block_id, at=now))
        self.record(*events)

    def toggle_pause(self, block_id: str) -> str:
        """Pause a running block or resume a paused one; the new status."""
        paused = self.state.block(block_id).status == "paused"
        kind = ev.BlockResumed if paused else ev.BlockPaused
        self.record(kind(block_id=block_id, at=self.now()))
        return self.state.block(block_id).status

    def extend(self, block_id: str, minutes: int = 5) -> int:
        """Give a block `minutes` more (negative: fewer); its total extension."""
        self.record(ev.BlockExtended(block_id=block_id, minutes=minutes))
        return self.state.block(block_id).extension_minutes

    def end_block(self, block_id: str) -> None:
        """End a block (and its running round)."""
        self.record(*self._end_events(block_id, self.now()))

    def _end_events(self, block_id: str, now: datetime) -> list[EventModel]:
        events: list[EventModel] = []
        running = self.state.current_round(block_id)
        if running is not None:
            events.append(ev.RoundEnded(block_id=block_id, round=running.round, at=now))
        events.append(ev.BlockEnded(block_id=block_id, at=now))
        return events

    def start_round(self, block_id: str, number: int | None = None) -> int:
        """Start round `number` (default: the next), ending the running one; its number.

        Starts the block too if it has not started.
        """
        now = self.now()
        events: list[EventModel] = []
        timing = self.state.block(block_id)
        if timing.status == "not_started":
            current = self.state.current_block()
            if current is not None:
                events += self._end_events(current.block_id, now)
            events.append(ev.BlockStarted(block_id=block_id, at=now))
        elif timing.status == "ended":
            raise InvalidInputError(t("tui.error.block_ended"))
        running = self.state.current_round(block_id)
        if running is not None:
            events.append(ev.RoundEnded(block_id=block_id, round=running.round, at=now))
        chosen = number or self.state.next_round(block_id)
        planned = len(spec_of(self.block(block_id)).parts(self.block(block_id).method))
        if planned and chosen > planned:  # a round the plan has no seats nor question for
            raise InvalidInputError(t("tui.error.no_round_left", rounds=planned))
        events.append(ev.RoundStarted(block_id=block_id, round=chosen, at=now))
        self.record(*events)
        return chosen

    def end_round(self, block_id: str) -> int | None:
        """End the running round of a block; its number (None if none ran)."""
        running = self.state.current_round(block_id)
        if running is None:
            return None
        self.record(ev.RoundEnded(block_id=block_id, round=running.round, at=self.now()))
        return running.round

    # attendance (the day being run, at the clock's time)

    def arrive(self, participant_id: str) -> None:
        self.record(ev.AttendanceArrived(participant_id=participant_id, day=self.day,
                                         at=self.now()))  # fmt: skip

    def leave(self, participant_id: str) -> None:
        self.record(ev.AttendanceLeft(participant_id=participant_id, day=self.day,
                                      at=self.now()))  # fmt: skip

    def with_names(self, text: str) -> str:
        """`text` with each participant id replaced by the person's name (error messages
        from the journal's rules name people by id)."""
        import re

        names = {p.id: p.full_name for p in self.session.participants}
        return re.sub(r"\b[\w-]+\b", lambda m: names.get(m.group(0), m.group(0)), text)

    def mark_absent(self, participant_id: str) -> None:
        """Record an absence; someone checked in today by mistake has their arrivals undone
        first (undo events: the journal keeps both)."""
        corrected: list[EventModel] = []
        record = self.state.attendance_on(self.day).get(participant_id)
        if record is not None and record.status in ("present", "left"):
            for found in self.journal.events(types=["attendance.arrived", "attendance.left"]):
                event = found.event
                if (getattr(event, "participant_id", None) == participant_id
                        and getattr(event, "day", None) == self.day
                        and not self.journal.is_undone(found)):
                    corrected.append(ev.EventUndone(target=found.uuid, reason="correction"))
        # one Ctrl+Z gives the arrival back with the absence (it used to cancel the absence
        # alone: someone marked absent by mistake came back « expected », not present)
        self.record(*corrected, ev.AttendanceAbsent(participant_id=participant_id, day=self.day),
                    as_one=bool(corrected))

    # alerts

    def due_alerts(self, now: datetime | None = None) -> list[Alert]:
        """Timers that ran out since the last call (each is reported once)."""
        now = now or self.now()
        row = self.current(now)
        found: list[Alert] = []
        if row is None:
            return found
        block = row.block
        if row.status == "running" and ls.remaining(row, now).total_seconds() <= 0:
            found.append(Alert("block_end", block.id))
        running = self.state.current_round(block.id)
        if running is not None and row.status == "running":
            spec = spec_of(block)
            minutes = spec.round_minutes(block.method, running.round)
            if minutes is not None:
                clock = ls.round_clock(self.state, block.id, running.round, minutes, now)
                if clock.remaining.total_seconds() <= 0:
                    kind = spec.alert(block.method, running.round)
                    found.append(Alert(kind, block.id, running.round))
        fresh = [a for a in found if a not in self._alerted]
        self._alerted.update(fresh)
        return fresh
