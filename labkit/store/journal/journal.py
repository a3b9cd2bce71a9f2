"""The public journal API: open a session's journal, record events, read the derived state.

    with Journal.open(session_root, device="cli") as journal:  # its journal.db
        contribution_id = journal.add_contribution("Un guichet unique", kind="idea", table=2)
        journal.vote(contribution_id, dots=3)
        state = journal.state()

Each `record` is one durable transaction: validated by its pydantic model, checked against the
current state (`rules`), written under ``BEGIN IMMEDIATE`` after reading what other processes
wrote meanwhile, committed with ``synchronous=FULL``. When `record` returns, the event is on disk.
A `Journal` may be shared between threads (calls are serialised by a lock).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import uuid as uuid_module
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from pydantic import ValidationError

from labkit.errors import InvalidInputError, RefusedEventError, StorageError
from labkit.i18n import t
from labkit.model import events as ev
from labkit.model.events.fields import clean_text, utc_now
from labkit.model.files import ATTACHMENTS_DIR, JOURNAL_FILE
from labkit.model.views import RecordedEvent
from labkit.store.journal import checkpoint, rules, schema
from labkit.store.journal.database import Database, storage_error
from labkit.store.journal.state import JournalState, derive, gc_paused


def invalid_event(exc: ValidationError, event_type: str | None) -> InvalidInputError:
    """An `InvalidInputError` listing, one line per field, why an event payload is refused."""
    problems = []
    for error in exc.errors():
        loc = error["loc"][1:] if error["loc"][:1] == (event_type,) else error["loc"]
        where = ".".join(str(part) for part in loc) or "—"
        key = f"journal.problem.{error['type']}"
        try:
            reason = t(key, **(error.get("ctx") or {}))
        except KeyError:
            reason = error["msg"]
        problems.append(f"{where}: {reason}")
    return InvalidInputError(t("journal.refused", type=event_type or "?"), problems)


def validate_event(event: ev.EventModel | Mapping[str, Any]) -> ev.EventModel:
    """`event` as a validated event model (a mapping needs its `type`)."""
    if isinstance(event, ev.EventModel):
        return event
    event_type = event.get("type") if isinstance(event, Mapping) else None
    if not isinstance(event_type, str) or event_type not in ev.MODELS:
        known = ", ".join(sorted(ev.MODELS))
        raise InvalidInputError(t("journal.unknown_type", type=event_type, known=known))
    try:
        return ev.MODELS[event_type].model_validate(event)
    except ValidationError as exc:
        raise invalid_event(exc, str(event_type)) from None


def parse_row(row: tuple[Any, ...], path: Path) -> RecordedEvent:
    """A stored row (id, uuid, ts, device, recorder, type, payload) as a `RecordedEvent`."""
    event_id, uid, ts, device, recorder, event_type, payload = row
    try:
        event = ev.parse_payload(event_type, payload, stored=True)
        stamp = datetime.fromisoformat(ts)
    except (KeyError, ValueError) as exc:
        raise StorageError(
            t("journal.error.bad_event", path=str(path), id=event_id, type=event_type)
        ) from exc
    return RecordedEvent(event_id, uid, stamp, device, recorder, event)


@dataclass(frozen=True)
class Prepared:
    """One write of a group (`Journal.record_each`): its events, all written or none, and who
    recorded them (the journal's device and recorder when None)."""

    events: Sequence[ev.EventModel]
    recorder: str | None = None
    device: str | None = None


Job = Callable[[JournalState], Prepared]
"""Builds one write from the current state, checking what it needs (it raises to refuse)."""


class Journal:
    """One session's journal: append-only events in SQLite and the state derived from them."""

    def __init__(self, database: Database, *, device: str, recorder: str | None) -> None:
        self._db = database
        self.device = device
        self.recorder = recorder
        self._lock = threading.RLock()
        self._events: list[RecordedEvent] = []
        """The events read, all of them or (`_base` > 0) those after the checkpoint."""
        self._state = (
            checkpoint.load(database.connection, self._refold, self._known_upto, self._lock)
            or JournalState()
        )
        self._base = self._checkpointed = self._state.last_event_id
        self._wrote = False
        self._data_version = -1
        self.refresh()

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        device: str = "cli",
        recorder: str | None = None,
        create: bool = True,
        readonly: bool = False,
        immutable: bool = False,
    ) -> Journal:
        """Open the journal at `path` (a ``journal.db`` file, or a session folder holding one).

        `device` names the machine or program recording (``cli``, ``tui-laptop-2``), `recorder`
        the person. A new journal is created whole, with the folder's ``captured.jsonl`` (see
        `creation`). Raises InvalidInputError or StorageError with a plain-language message when
        the journal cannot be used (see `Database.open`): an empty file, a folder, a writer's
        journal leading outside its session folder.
        """
        from labkit.store.journal import creation

        path = Path(path)
        if path.is_dir() and path.name != JOURNAL_FILE:  # a folder called journal.db is wrong
            path = path / JOURNAL_FILE
        device_name = " ".join(clean_text(device).split())[:100]
        if not device_name:
            raise InvalidInputError(t("journal.no_device"))
        recorder_name = " ".join(clean_text(recorder).split())[:100] if recorder else None
        creation.check_journal_file(path)
        if not readonly:
            creation.prepare_writer(path)
            if create and not path.exists():
                creation.create_journal(path)
        database = Database.open(path, create=create, readonly=readonly, immutable=immutable)
        try:
            return cls(database, device=device_name, recorder=recorder_name or None)
        except BaseException:
            database.close()
            raise

    @property
    def path(self) -> Path:
        """The journal file."""
        return self._db.path

    @property
    def folder(self) -> Path:
        """The session folder holding the journal."""
        return self._db.path.parent

    @property
    def attachments_dir(self) -> Path:
        """Where attachments are copied (``<session folder>/attachments``)."""
        return self.folder / ATTACHMENTS_DIR

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection; a writer first saves a checkpoint of the state when
        many events were folded since the last one (see `checkpoint`)."""
        with self._lock:
            if self._wrote and self._state.last_event_id - self._checkpointed >= checkpoint.EVERY:
                with contextlib.suppress(StorageError, sqlite3.Error):
                    self._save_checkpoint()
            self._db.close()

    def _save_checkpoint(self) -> None:
        with self._db.write() as connection:
            self._catch_up()
            last = connection.execute(
                "SELECT uuid FROM events WHERE id = ?", (self._state.last_event_id,)
            ).fetchone()
            if last is not None:
                checkpoint.save(connection, self._state, str(last[0]))

    def _refold(self, last_id: int) -> dict[str, Any]:
        """The contributions folded from the events up to `last_id` (a checkpoint's, when its
        own copy cannot be read)."""
        try:
            rows = self._db.connection.execute(schema.SELECT_EVENTS_UPTO, (last_id,)).fetchall()
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path) from exc
        return dict(derive([parse_row(row, self.path) for row in rows]).contributions)

    def _known_upto(self, last_id: int) -> dict[str, int]:
        """uuid → id of the events up to `last_id` (those a checkpoint stood for)."""
        try:
            rows = self._db.connection.execute(schema.SELECT_UUIDS_UPTO, (last_id,)).fetchall()
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path) from exc
        return dict(rows)

    def _all_events(self) -> list[RecordedEvent]:
        """Every event, reading those the checkpoint stood for on first need (O(N), readers)."""
        if self._base:
            try:
                rows = self._db.connection.execute(
                    schema.SELECT_EVENTS_UPTO, (self._base,)
                ).fetchall()
            except sqlite3.Error as exc:
                raise storage_error(exc, self.path) from exc
            with gc_paused():
                self._events[:0] = [parse_row(row, self.path) for row in rows]
            self._base = 0
        return self._events

    def _stored_of(self, types: set[str], since: int) -> list[RecordedEvent]:
        """The events of `types` after `since` up to the checkpoint's last (not yet read)."""
        marks = ", ".join("?" * len(types))
        try:
            rows = self._db.connection.execute(
                schema.SELECT_EVENTS_BETWEEN_OF_TYPES.format(types=marks),
                (since, self._base, *sorted(types)),
            ).fetchall()
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path) from exc
        return [parse_row(row, self.path) for row in rows]

    # --- reading -----------------------------------------------------------------------------

    def refresh(self) -> int:
        """Read the events other processes recorded since the last call; their number."""
        with self._lock:
            return self._catch_up()

    def _catch_up(self) -> int:
        try:
            rows = self._db.connection.execute(
                schema.SELECT_EVENTS, (self._state.last_event_id,)
            ).fetchall()
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path) from exc
        with gc_paused():
            for row in rows:
                self._append(parse_row(row, self.path))
        return len(rows)

    def _append(self, record: RecordedEvent) -> None:
        self._events.append(record)
        if record.type == "event.undone":
            self._state = derive(self._all_events())
        else:
            self._state.apply(record)

    @property
    def last_id(self) -> int:
        """The id of the latest event this journal has read or written."""
        with self._lock:
            return self._state.last_event_id

    def has_news(self) -> bool:
        """Whether another connection committed since the last call (``PRAGMA data_version``:
        a cheap check, fit to run several times a second before a `refresh`)."""
        with self._lock:
            try:
                row = self._db.connection.execute("PRAGMA data_version").fetchone()
            except sqlite3.Error as exc:
                raise storage_error(exc, self.path) from exc
            changed = row[0] != self._data_version
            self._data_version = row[0]
            return changed

    def state(self) -> JournalState:
        """The current state (a snapshot: later events do not change it)."""
        with self._lock:
            self._catch_up()
            return self._state.snapshot()

    @contextlib.contextmanager
    def reading(self) -> Iterator[JournalState]:
        """The current state itself, caught up and without a copy, for a reader on any thread
        (a server's request): the journal's lock is held inside the ``with``, so nothing
        changes the state meanwhile; keep the block short and copy out what outlives it. A
        write made inside it (same thread) is seen at once, except an undo, which replaces the
        state: read nothing from it after one."""
        with self._lock:
            self._catch_up()
            yield self._state

    @contextlib.contextmanager
    def reading_if_free(self) -> Iterator[JournalState | None]:
        """`reading`, or None at once when another thread holds the journal (a writer in its
        transaction): a server's event loop then reads on a worker thread rather than wait."""
        if not self._lock.acquire(blocking=False):
            yield None
            return
        try:
            self._catch_up()
            yield self._state
        finally:
            self._lock.release()

    def live_state(self) -> JournalState:
        """The state as of the last read or write, itself, without a copy or a query: O(1),
        and later events change it (the live app reads it on its one thread between writes and
        `refresh` calls; other readers take `state`). An undo or a rolled-back write replaces
        it: ask again after each change. The contributions a checkpoint left unread stay unread
        until first used, a block's at a time (`JournalState.of_block`), then under the lock."""
        with self._lock:
            return self._state

    def events(self, *, since: int = 0, types: Iterable[str] | None = None) -> list[RecordedEvent]:
        """The events after id `since` (all by default), optionally of some `types` only.

        Of `types` only, the events a checkpoint stood for and not yet read are read apart:
        only the rows of those types are parsed (the live app asks for its re-plans as it
        opens, and must not parse thousands of ideas for that)."""
        wanted = set(types) if types is not None else None
        with self._lock:
            self._catch_up()
            if wanted is not None and since < self._base:
                return self._stored_of(wanted, since) + [
                    e for e in self._events if e.type in wanted
                ]  # fmt: skip
            events = self._all_events() if since < self._base else self._events
            start = bisect_right(events, since, key=lambda e: e.id) if since else 0
            return [
                e for e in events[start:]
                if wanted is None or e.type in wanted
            ]  # fmt: skip

    def get(self, event_id: int) -> RecordedEvent:
        """The event numbered `event_id` (InvalidInputError if there is none)."""
        with self._lock:
            self._catch_up()
            events = self._all_events()
            index = bisect_left(events, event_id, key=lambda e: e.id)
            if index < len(events) and events[index].id == event_id:
                return events[index]
        raise InvalidInputError(t("journal.rule.unknown_event", uuid=f"#{event_id}"))

    def is_undone(self, event: RecordedEvent) -> bool:
        """Whether `event` was cancelled by an undo."""
        with self._lock:
            return event.uuid in self._state.cancelled

    def check_writable(self, min_free: int | None = None) -> None:
        """Raise StorageError when this journal cannot be written now: read-only file, folder or
        connection, or a disk with less than `min_free` bytes free (`database.MIN_FREE_BYTES`
        by default). Nothing is written."""
        with self._lock:
            self._db.check_writable(min_free)

    def integrity_check(self) -> list[str]:
        """The problems SQLite's integrity check finds (empty when the file is sound)."""
        with self._lock:
            return self._db.integrity_check()

    # --- writing -----------------------------------------------------------------------------

    def record(
        self, event: ev.EventModel | Mapping[str, Any], *, recorder: str | None = None,
        device: str | None = None,
    ) -> RecordedEvent:  # fmt: skip
        """Validate, check and durably write one event; the stored event once committed.

        `recorder` and `device` override the journal's for this event (a server writing for
        many people: a phone's pseudonymous id, ``phone`` or ``host``). Raises
        InvalidInputError (bad payload, or refused by the current state) or StorageError (the
        disk refused the write); in both cases nothing is written.
        """
        return self.record_many([event], recorder=recorder, device=device)[0]

    def record_many(
        self, events: Iterable[ev.EventModel | Mapping[str, Any]], *, recorder: str | None = None,
        device: str | None = None,
    ) -> list[RecordedEvent]:  # fmt: skip
        """Record several events in one transaction: all are written, or none."""
        models = [validate_event(e) for e in events]
        who = (device or self.device, recorder or self.recorder)
        with self._lock:
            written: list[RecordedEvent] = []
            # Other writers' events read before taking SQLite's write lock, not while holding it
            # (the phones' server waits on it); only what lands in between is read inside.
            self._catch_up()
            try:
                with self._db.write() as connection:
                    self._catch_up()
                    for model in models:
                        written.append(self._insert(connection, model, who))
            except BaseException:
                if written:  # rolled back: forget them and rebuild the state from disk
                    self._forget(written)
                raise
            self._wrote = self._wrote or bool(written)
            return written

    def record_each(self, jobs: Sequence[Job]) -> list[list[RecordedEvent] | Exception]:
        """Group commit: several independent writes in one transaction (one commit), each all or
        nothing; the outcome of each, its stored events or the exception that refused it.

        Each job is built against the state read before taking SQLite's write lock (so the lock
        is held for the writes only), and built again inside the transaction only when another
        connection wrote in between. A job refused, by itself or by the journal's rules, writes
        nothing and the others land. Jobs must not depend on one another's events (a server puts
        one per participant in a group). StorageError (the disk refused the commit) is raised,
        and then none is written.
        """
        with self._lock:
            self._catch_up()
            seen = self._state.last_event_id
            prepared = [self._prepare(job) for job in jobs]
            outcomes: list[list[RecordedEvent] | Exception] = []
            written: list[RecordedEvent] = []
            try:  # no garbage collection while SQLite's write lock is held
                with gc_paused(), self._db.write() as connection:
                    self._catch_up()
                    if self._state.last_event_id != seen:  # another writer committed since the
                        prepared = [self._prepare(job) for job in jobs]  # checks: redo them
                    first = self._state.last_event_id + 1  # every event read: the next ids
                    for one in prepared:
                        outcome = one if isinstance(one, Exception) else \
                            self._stage_job(one, first + len(written))  # fmt: skip
                        outcomes.append(outcome)
                        if isinstance(outcome, list):
                            written += outcome
                    # one statement for the group: the write lock is held across as few
                    # calls into SQLite (each hands the GIL over, then waits for it) as can be
                    connection.executemany(schema.INSERT_EVENT_WITH_ID, [
                        (r.id, r.uuid, r.ts.isoformat(), r.device, r.recorder, r.type,
                         r.event.payload_json()) for r in written
                    ])  # fmt: skip
            except BaseException:
                if written:
                    self._forget(written)
                raise
            self._wrote = self._wrote or bool(written)
            return outcomes

    def _prepare(self, job: Job) -> Prepared | Exception:
        try:
            prepared = job(self._state)
            models = [validate_event(e) for e in prepared.events]
        except Exception as refused:  # the job's own refusal, returned as its outcome
            return refused
        return replace(prepared, events=models)

    def _stage_job(self, job: Prepared, first_id: int) -> list[RecordedEvent] | Exception:
        """Check one job's events by the rules and fold them, numbered from `first_id`, into
        the state, to be inserted with the group; refused, none of them."""
        who = (job.device or self.device, job.recorder or self.recorder)
        mine: list[RecordedEvent] = []
        try:
            for model in job.events:
                event = self._checked(model)
                record = RecordedEvent(first_id + len(mine), str(uuid_module.uuid4()),
                                       utc_now(), *who, event)  # fmt: skip
                self._append(record)
                mine.append(record)
        except InvalidInputError as refused:
            if mine:
                self._forget(mine)
            return refused
        return mine

    def _forget(self, records: list[RecordedEvent]) -> None:
        """Drop events rolled back from the memory, the state rebuilt without them."""
        lost = {e.id for e in records}
        self._events = [e for e in self._all_events() if e.id not in lost]
        self._state = derive(self._events)

    def _insert(
        self, connection: Any, event: ev.EventModel, who: tuple[str, str | None]
    ) -> RecordedEvent:
        event = self._checked(event)
        uid = str(uuid_module.uuid4())
        now = utc_now()
        payload = event.payload_json()
        cursor = connection.execute(
            schema.INSERT_EVENT,
            (uid, now.isoformat(), *who, event.type, payload),
        )
        record = RecordedEvent(int(cursor.lastrowid), uid, now, *who, event)
        self._append(record)
        return record

    def _checked(self, event: ev.EventModel) -> ev.EventModel:
        """`event` with its new id given, if it names one; InvalidInputError if the current
        state's rules refuse it."""
        if event.id_field and event.new_id() is None:
            event = event.model_copy(update={event.id_field: self._state.next_id(event)})
        problems = rules.check(self._state, event)
        if problems:
            raise RefusedEventError(t("journal.refused", type=event.type), problems, event.type)
        return event

    def restore(self, records: Iterable[RecordedEvent]) -> list[RecordedEvent]:
        """Append events recorded elsewhere (an import) in one transaction, keeping their uuid,
        time, device and recorder; they get new ids. History is replayed as it was: the state
        rules are not applied. An event whose uuid is already in the journal is an error."""
        with self._lock:
            written: list[RecordedEvent] = []
            self._all_events()
            try:
                with self._db.write() as connection:
                    self._catch_up()
                    for old in records:
                        payload = old.event.payload_json()
                        cursor = connection.execute(
                            schema.INSERT_EVENT,
                            (old.uuid, old.ts.isoformat(), old.device, old.recorder,
                             old.event.type, payload),
                        )  # fmt: skip
                        assert cursor.lastrowid is not None  # set by every INSERT
                        record = replace(old, id=cursor.lastrowid)
                        self._events.append(record)
                        written.append(record)
            except BaseException:
                lost = {e.id for e in written}
                self._events = [e for e in self._events if e.id not in lost]
                raise
            finally:
                self._state = derive(self._events)
            return written

    def undo(self, event_id: int, reason: str | None = None) -> RecordedEvent:
        """Cancel the event numbered `event_id` (undoing an undo redoes what it undid)."""
        target = self.get(event_id)
        return self.record(ev.EventUndone(target=target.uuid, reason=reason))

    # --- conveniences for the live app and the CLI -------------------------------------------

    def add_contribution(self, text: str, *, kind: str = "note", **placement: Any) -> str:
        """Record a contribution; its new id (``c12``). `placement`: block_id, question, round,
        table, pair, team, territory, author, contribution_id."""
        record = self.record(
            {"type": "contribution.added", "text": text, "kind": kind, **placement}
        )
        return str(record.event.new_id())

    def _lifecycle(
        self, event_type: str, block_id: str, at: datetime | None, **extra: Any
    ) -> RecordedEvent:
        return self.record({"type": event_type, "block_id": block_id, "at": at, **extra})

    def start_block(self, block_id: str, at: datetime | None = None) -> RecordedEvent:
        """Record that `block_id` started (now, or `at`)."""
        return self._lifecycle("block.started", block_id, at)

    def pause_block(self, block_id: str, at: datetime | None = None) -> RecordedEvent:
        """Record that `block_id` is paused."""
        return self._lifecycle("block.paused", block_id, at)

    def resume_block(self, block_id: str, at: datetime | None = None) -> RecordedEvent:
        """Record that `block_id` resumed after a pause."""
        return self._lifecycle("block.resumed", block_id, at)

    def extend_block(self, block_id: str, minutes: int) -> RecordedEvent:
        """Give `block_id` `minutes` more (negative: fewer)."""
        return self.record({"type": "block.extended", "block_id": block_id, "minutes": minutes})

    def end_block(self, block_id: str, at: datetime | None = None) -> RecordedEvent:
        """Record that `block_id` ended."""
        return self._lifecycle("block.ended", block_id, at)

    def start_round(
        self, block_id: str, round_number: int | None = None, at: datetime | None = None
    ) -> RecordedEvent:
        """Start a world-café round of `block_id` (default: the next one)."""
        number = round_number or self.state().next_round(block_id)
        return self._lifecycle("round.started", block_id, at, round=number)

    def end_round(
        self, block_id: str, round_number: int | None = None, at: datetime | None = None
    ) -> RecordedEvent:
        """End a world-café round of `block_id` (default: the running one)."""
        if round_number is None:
            running = self.state().current_round(block_id)
            round_number = running.round if running else self.state().next_round(block_id)
        return self._lifecycle("round.ended", block_id, at, round=round_number)

    def arrive(self, participant_id: str, day: int, at: datetime | None = None) -> RecordedEvent:
        """Record that a participant arrived on `day` (1 = the session's first day)."""
        return self.record(
            {"type": "attendance.arrived", "participant_id": participant_id, "day": day, "at": at}
        )

    def leave(self, participant_id: str, day: int, at: datetime | None = None) -> RecordedEvent:
        """Record that a participant left on `day`."""
        return self.record(
            {"type": "attendance.left", "participant_id": participant_id, "day": day, "at": at}
        )

    def mark_absent(
        self, participant_id: str, day: int, reason: str | None = None
    ) -> RecordedEvent:
        """Record that a participant is absent on `day`."""
        return self.record(
            {
                "type": "attendance.absent",
                "participant_id": participant_id,
                "day": day,
                "reason": reason,
            }
        )

    def vote(self, item_id: str, dots: int = 1, **fields: Any) -> RecordedEvent:
        """Give `dots` to a contribution or cluster; `fields`: participant_id or team,
        block_id, question. InvalidInputError if the item does not exist."""
        return self.record({"type": "vote.cast", "item_id": item_id, "dots": dots, **fields})

    def attach(self, source: str | Path, **fields: Any) -> str:
        """Copy a file into the session's attachments and record it; its new id (``f3``).
        `fields`: caption, block_id, question, table, team, territory."""
        from labkit.store.journal.attachments import attach

        return attach(self, Path(source), **fields)
