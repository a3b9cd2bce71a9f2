"""The current state of a session, derived from its journal's events (a pure fold).

`derive(events)` replays every event; `JournalState.apply` adds one more (the journal calls it after
each write so that the state never has to be rebuilt, except after an undo). The fold is total: an
event that makes no sense any more (an edit of a contribution whose creation was undone, an import
of an odd history) is ignored, never an error — strict checks happen before writing
(`labkit.store.journal.rules`).
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from labkit.model import events as ev
from labkit.model import views as v
from labkit.store.journal.keys import IdSet, KnownEvents
from labkit.store.journal.queries import StateQueries
from labkit.store.journal.replay import cancelled_uuids, gc_paused

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

__all__ = ["JournalState", "cancelled_uuids", "derive", "gc_paused"]

D = TypeVar("D", bound="DataclassInstance")
Handler = Callable[["JournalState", Any, v.RecordedEvent], None]
"""Folds one event into the state; each takes its own event model (`_HANDLERS` pairs them)."""


def derive(events: Sequence[v.RecordedEvent]) -> JournalState:
    """The state after `events` (in journal order)."""
    state = JournalState()
    state.cancelled = cancelled_uuids(events)
    with gc_paused():
        for record in events:
            state.apply(record)
    return state


class JournalState(StateQueries):
    """Everything captured so far, as typed views (see `labkit.model.views`)."""

    def __init__(self) -> None:
        self.last_event_id = 0
        self.event_count = 0
        self.cancelled: set[str] = set()
        self.known = KnownEvents()
        """uuid -> id of every event folded (undo targets an event by its uuid)."""
        self.ids = IdSet()
        """Every identifier ever created (kept after deletion: ids are never reused)."""
        self.counters: dict[str, int] = defaultdict(int)
        # the tables, declared with their types on `StateQueries`
        self.blocks = {}
        self.rounds = {}
        self.rotations = {}
        self.attendance = defaultdict(dict)
        self._contributions: dict[str, v.Contribution] = {}
        self._unread: _UnreadTable | None = None
        self.block_contributions = defaultdict(dict)
        self.clusters = {}
        self.cluster_of = {}
        self.kept = {}
        self.votes = {}
        self.personas = {}
        self.steps = {}
        self.commitments = {}
        self.survey = {}
        self.closing_words = {}
        self.attachments = {}

    # --- the contributions, read from a checkpoint on first use ------------------------------

    @property
    def contributions(self) -> dict[str, v.Contribution]:
        """contribution id -> its view (the checkpoint's are unpickled on first use)."""
        unread = self._unread
        if unread is not None:
            table = unread.load()
            table.update(unread.added)
            self._contributions, self._unread = table, None
        return self._contributions

    @contributions.setter
    def contributions(self, table: dict[str, v.Contribution]) -> None:
        self._contributions, self._unread = table, None

    def defer_contributions(
        self,
        ids: Iterable[str],
        load: Callable[[], dict[str, v.Contribution]],
        load_block: Callable[[str | None], dict[str, v.Contribution]],
    ) -> None:
        """Leave the contributions unread until first use (a checkpoint's, one view each: a
        writer that only appends never needs them); `ids` are their keys, `load` reads them
        all, `load_block` one block's (`of_block`: a screen shows one block)."""
        self._unread = _UnreadTable(set(ids), load, {}, load_block)

    def of_block(self, block_id: str | None) -> list[v.Contribution]:
        unread = self._unread
        if unread is None:
            return super().of_block(block_id)
        stored, added = unread.load_block(block_id), unread.added
        return [stored.get(c) or added[c] for c in self.block_contributions.get(block_id, {})]

    def contribution(self, contribution_id: str) -> v.Contribution | None:
        """One contribution's view, or None; with the contributions unread, only its block's
        are read (the blocks' index tells which)."""
        unread = self._unread
        if unread is None:
            return self._contributions.get(contribution_id)
        if contribution_id in unread.added:
            return unread.added[contribution_id]
        if contribution_id not in unread.ids:
            return None
        for block_id, ids in self.block_contributions.items():
            if contribution_id in ids:
                return unread.load_block(block_id).get(contribution_id)
        return None

    def __getstate__(self) -> dict[str, Any]:
        self.contributions  # noqa: B018 -- read a deferred table before pickling
        return dict(vars(self))

    def snapshot(self) -> JournalState:
        """A copy that later events will not change (the views themselves are immutable)."""
        self.contributions  # noqa: B018 -- read a deferred table before copying
        other = copy.copy(self)
        for name, value in vars(self).items():
            if isinstance(value, dict | set):
                setattr(other, name, copy.copy(value))
        other.known, other.ids = self.known.copy(), self.ids.copy()
        other.attendance = defaultdict(dict, {d: dict(p) for d, p in self.attendance.items()})
        other.block_contributions = defaultdict(
            dict, {b: dict(ids) for b, ids in self.block_contributions.items()}
        )
        return other

    # --- folding -----------------------------------------------------------------------------

    def reserve(self, event: ev.EventModel) -> None:
        """Note the identifier `event` creates, so that it is never given again."""
        new_id = event.new_id()
        if new_id is None:
            return
        self.ids.add(new_id)
        prefix = event.id_prefix
        if new_id.startswith(prefix):
            digits = new_id[len(prefix) :]
            if digits.isascii() and digits.isdigit() and int(digits) > self.counters.get(prefix, 0):
                self.counters[prefix] = int(digits)

    def next_id(self, event: ev.EventModel) -> str:
        """The next free identifier for what `event` creates (``c12`` after ``c11``)."""
        number = self.counters.get(event.id_prefix, 0) + 1
        while f"{event.id_prefix}{number}" in self.ids:
            number += 1
        return f"{event.id_prefix}{number}"

    def apply(self, record: v.RecordedEvent) -> None:
        """Fold one event (the next in journal order) into the state."""
        if record.id > self.last_event_id:
            self.last_event_id = record.id
        self.event_count += 1
        self.known[record.uuid] = record.id
        event = record.event
        if event.id_field is not None:
            self.reserve(event)
        if event.type == "event.undone" or record.uuid in self.cancelled:
            return
        handler = _HANDLERS.get(event.type)
        if handler is not None:
            handler(self, event, record)

    # block lifecycle

    def _block(self, block_id: str) -> v.BlockTiming:
        return self.blocks.get(block_id) or v.BlockTiming(block_id)

    def _block_started(self, e: ev.BlockStarted, r: v.RecordedEvent) -> None:
        block = self._block(e.block_id)
        if block.started_at is None:
            self.blocks[block.block_id] = replace(block, started_at=r.at)

    def _block_paused(self, e: ev.BlockPaused, r: v.RecordedEvent) -> None:
        block = self.blocks.get(e.block_id)
        if block and block.status == "running":
            pauses = (*block.pauses, v.Interval(r.at))
            self.blocks[block.block_id] = replace(block, pauses=pauses)

    def _block_resumed(self, e: ev.BlockResumed, r: v.RecordedEvent) -> None:
        block = self.blocks.get(e.block_id)
        if block and block.status == "paused":
            last = block.pauses[-1]
            pauses = (*block.pauses[:-1], v.Interval(last.start, max(r.at, last.start)))
            self.blocks[block.block_id] = replace(block, pauses=pauses)

    def _block_extended(self, e: ev.BlockExtended, r: v.RecordedEvent) -> None:
        block = self._block(e.block_id)
        minutes = block.extension_minutes + e.minutes
        self.blocks[block.block_id] = replace(block, extension_minutes=minutes)

    def _block_ended(self, e: ev.BlockEnded, r: v.RecordedEvent) -> None:
        block = self.blocks.get(e.block_id)
        if block and block.started_at is not None and block.ended_at is None:
            end = max(r.at, block.started_at)
            pauses = block.pauses
            if pauses and pauses[-1].end is None:
                pauses = (*pauses[:-1], v.Interval(pauses[-1].start, max(end, pauses[-1].start)))
            self.blocks[block.block_id] = replace(block, ended_at=end, pauses=pauses)

    def _round_started(self, e: ev.RoundStarted, r: v.RecordedEvent) -> None:
        if (e.block_id, e.round) not in self.rounds:
            self.rounds[(e.block_id, e.round)] = v.RoundTiming(e.block_id, e.round, r.at)

    def _round_ended(self, e: ev.RoundEnded, r: v.RecordedEvent) -> None:
        found = self.rounds.get((e.block_id, e.round))
        if found and found.ended_at is None:
            end = max(r.at, found.started_at)
            self.rounds[(e.block_id, e.round)] = replace(found, ended_at=end)

    def _rotation(self, e: ev.RotationReplanned, r: v.RecordedEvent) -> None:
        plan = tuple(tuple(tuple(table) for table in tables) for tables in e.plan)
        self.rotations[e.block_id] = v.Rotation(e.block_id, e.from_round, plan, e.reason, r.id)

    # attendance

    def _arrived(self, e: ev.AttendanceArrived, r: v.RecordedEvent) -> None:
        day = self.attendance[e.day]
        found = day.get(e.participant_id)
        if found and found.status == "present":
            return
        stays = (*(found.stays if found else ()), v.Interval(r.at))
        day[e.participant_id] = v.Attendance(e.participant_id, e.day, "present", stays)

    def _left(self, e: ev.AttendanceLeft, r: v.RecordedEvent) -> None:
        found = self.attendance[e.day].get(e.participant_id)
        if not found or found.status != "present":
            return
        last = found.stays[-1]
        stays = (*found.stays[:-1], v.Interval(last.start, max(r.at, last.start)))
        self.attendance[e.day][e.participant_id] = replace(found, status="left", stays=stays)

    def _absent(self, e: ev.AttendanceAbsent, r: v.RecordedEvent) -> None:
        self.attendance[e.day][e.participant_id] = v.Attendance(
            e.participant_id, e.day, "absent", (), e.reason
        )

    # contributions, clusters, kept ideas, votes

    def _contribution_added(self, e: ev.ContributionAdded, r: v.RecordedEvent) -> None:
        unread = self._unread  # an append reads none of the checkpoint's contributions
        if e.contribution_id is None or (
            e.contribution_id in unread.ids if unread else e.contribution_id in self._contributions
        ):
            return
        if unread is not None:
            unread.ids.add(e.contribution_id)
        table = unread.added if unread is not None else self._contributions
        table[e.contribution_id] = v.Contribution(
            e.contribution_id, e.text, e.kind, e.block_id, e.question, e.round, e.table, e.pair,
            e.team, e.territory, e.author, r.id, r.at, r.device, r.recorder,
        )  # fmt: skip
        self.block_contributions[e.block_id][e.contribution_id] = None

    def _edit(
        self, table: dict[str, D], e: ev.EditEvent, r: v.RecordedEvent, stamp: str | None
    ) -> None:
        found = table.get(e.target())
        if found is None:
            return
        changes = {
            name: (tuple(value) if isinstance(value, list) else value)
            for name, value in e.changes().items()
        }
        if stamp:
            changes[stamp] = r.at
        table[e.target()] = replace(found, **changes)

    def _contribution_deleted(self, e: ev.ContributionDeleted, r: v.RecordedEvent) -> None:
        contribution_id = e.contribution_id
        gone = self.contributions.pop(contribution_id, None)
        if gone is not None:
            self.block_contributions[gone.block_id].pop(contribution_id, None)
        cluster_id = self.cluster_of.pop(contribution_id, None)
        if cluster_id in self.clusters:
            cluster = self.clusters[cluster_id]
            members = tuple(c for c in cluster.contribution_ids if c != contribution_id)
            self.clusters[cluster_id] = replace(cluster, contribution_ids=members)

    def _contribution_edited(self, e: ev.ContributionEdited, r: v.RecordedEvent) -> None:
        before = self.contributions.get(e.contribution_id)
        self._edit(self.contributions, e, r, "edited_at")
        after = self.contributions.get(e.contribution_id)
        if before is not None and after is not None and after.block_id != before.block_id:
            self.block_contributions[before.block_id].pop(e.contribution_id, None)
            ids = self.block_contributions[after.block_id]  # kept in recording order
            ids[e.contribution_id] = None
            order = sorted(ids, key=lambda c: self.contributions[c].event_id)
            self.block_contributions[after.block_id] = dict.fromkeys(order)

    def _cluster_created(self, e: ev.ClusterCreated, r: v.RecordedEvent) -> None:
        if e.cluster_id is None or e.cluster_id in self.clusters:
            return
        self.clusters[e.cluster_id] = v.Cluster(
            e.cluster_id, e.title, e.block_id, e.question, (), r.id
        )
        self._move(e.cluster_id, e.contribution_ids)

    def _move(self, cluster_id: str, contribution_ids: Iterable[str]) -> None:
        cluster = self.clusters[cluster_id]
        members = list(cluster.contribution_ids)
        for contribution_id in contribution_ids:
            if contribution_id not in self.contributions:
                continue
            previous = self.cluster_of.get(contribution_id)
            if previous == cluster_id:
                continue
            if previous in self.clusters:
                old = self.clusters[previous]
                kept = tuple(c for c in old.contribution_ids if c != contribution_id)
                self.clusters[previous] = replace(old, contribution_ids=kept)
            self.cluster_of[contribution_id] = cluster_id
            members.append(contribution_id)
        self.clusters[cluster_id] = replace(cluster, contribution_ids=tuple(members))

    def _cluster_renamed(self, e: ev.ClusterRenamed, r: v.RecordedEvent) -> None:
        if e.cluster_id in self.clusters:
            self.clusters[e.cluster_id] = replace(self.clusters[e.cluster_id], title=e.title)

    def _members_added(self, e: ev.ClusterMembersAdded, r: v.RecordedEvent) -> None:
        if e.cluster_id in self.clusters:
            self._move(e.cluster_id, e.contribution_ids)

    def _members_removed(self, e: ev.ClusterMembersRemoved, r: v.RecordedEvent) -> None:
        cluster = self.clusters.get(e.cluster_id)
        if cluster is None:
            return
        gone = set(e.contribution_ids)
        for contribution_id in gone & set(cluster.contribution_ids):
            self.cluster_of.pop(contribution_id, None)
        members = tuple(c for c in cluster.contribution_ids if c not in gone)
        self.clusters[e.cluster_id] = replace(cluster, contribution_ids=members)

    def _cluster_deleted(self, e: ev.ClusterDeleted, r: v.RecordedEvent) -> None:
        cluster = self.clusters.pop(e.cluster_id, None)
        for contribution_id in cluster.contribution_ids if cluster else ():
            self.cluster_of.pop(contribution_id, None)

    def _kept(self, e: ev.IdeasKept, r: v.RecordedEvent) -> None:
        key = (e.block_id, e.question)
        if e.item_ids:
            self.kept[key] = v.KeptIdeas(e.block_id, e.question, tuple(e.item_ids), r.id)
        else:
            self.kept.pop(key, None)

    def _vote(self, e: ev.VoteCast, r: v.RecordedEvent) -> None:
        self.votes[r.id] = v.Vote(
            e.item_id, e.dots, e.participant_id, e.team, e.block_id, e.question, r.id
        )

    # personas, journeys, commitments, closing

    def _persona_created(self, e: ev.PersonaCreated, r: v.RecordedEvent) -> None:
        if e.persona_id is not None and e.persona_id not in self.personas:
            self.personas[e.persona_id] = v.Persona(
                e.persona_id, e.name, e.description, e.block_id, e.table, e.team, r.id
            )

    def _persona_deleted(self, e: ev.PersonaDeleted, r: v.RecordedEvent) -> None:
        persona_id = e.persona_id
        self.personas.pop(persona_id, None)
        for step_id in [s.step_id for s in self.steps.values() if s.persona_id == persona_id]:
            del self.steps[step_id]

    def _step_added(self, e: ev.JourneyStepAdded, r: v.RecordedEvent) -> None:
        if e.step_id is None or e.step_id in self.steps or e.persona_id not in self.personas:
            return
        self.steps[e.step_id] = v.JourneyStep(
            e.step_id, e.persona_id, e.stage, e.position, tuple(e.actions), tuple(e.touchpoints),
            e.emotion, tuple(e.pain_points), tuple(e.opportunities), r.id,
        )  # fmt: skip

    def _commitment_added(self, e: ev.CommitmentAdded, r: v.RecordedEvent) -> None:
        if e.commitment_id is not None and e.commitment_id not in self.commitments:
            self.commitments[e.commitment_id] = v.Commitment(
                e.commitment_id, e.what, e.owner_organisation, e.owner_person, e.due, e.indicator,
                e.territory, e.team, e.status, e.block_id, r.id,
            )  # fmt: skip

    def _survey(self, e: ev.SurveyAnswered, r: v.RecordedEvent) -> None:
        if e.response_id is not None and e.response_id not in self.survey:
            self.survey[e.response_id] = v.SurveyResponse(
                e.response_id, e.group, dict(e.scores), e.comment, r.id
            )

    def _closing_word(self, e: ev.ClosingWordAdded, r: v.RecordedEvent) -> None:
        if e.word_id is not None and e.word_id not in self.closing_words:
            self.closing_words[e.word_id] = v.ClosingWord(
                e.word_id, e.text, e.image, e.participant_id, e.block_id, r.id
            )

    def _attachment(self, e: ev.AttachmentAdded, r: v.RecordedEvent) -> None:
        if e.attachment_id is not None and e.attachment_id not in self.attachments:
            self.attachments[e.attachment_id] = v.Attachment(
                e.attachment_id, e.path, e.original_name, e.sha256, e.size, e.media_type,
                e.caption, e.block_id, e.question, e.table, e.team, e.territory, r.id, r.at,
            )  # fmt: skip


def _pop(table: str, key: str) -> Handler:
    def handler(state: JournalState, event: ev.EventModel, record: v.RecordedEvent) -> None:
        getattr(state, table).pop(getattr(event, key), None)

    return handler


def _editor(table: str, stamp: str | None) -> Handler:
    def handler(state: JournalState, event: ev.EditEvent, record: v.RecordedEvent) -> None:
        state._edit(getattr(state, table), event, record, stamp)

    return handler


class _UnreadTable(NamedTuple):
    """Contributions not read yet: their ids, how to read them, those added since, and how to
    read one block's."""

    ids: set[str]
    load: Callable[[], dict[str, v.Contribution]]
    added: dict[str, v.Contribution]
    load_block: Callable[[str | None], dict[str, v.Contribution]]


S = JournalState
_HANDLERS: dict[str, Handler] = {
    "block.started": S._block_started,
    "block.paused": S._block_paused,
    "block.resumed": S._block_resumed,
    "block.extended": S._block_extended,
    "block.ended": S._block_ended,
    "round.started": S._round_started,
    "round.ended": S._round_ended,
    "rotation.replanned": S._rotation,
    "attendance.arrived": S._arrived,
    "attendance.left": S._left,
    "attendance.absent": S._absent,
    "contribution.added": S._contribution_added,
    "contribution.edited": S._contribution_edited,
    "contribution.deleted": S._contribution_deleted,
    "cluster.created": S._cluster_created,
    "cluster.renamed": S._cluster_renamed,
    "cluster.members_added": S._members_added,
    "cluster.members_removed": S._members_removed,
    "cluster.deleted": S._cluster_deleted,
    "ideas.kept": S._kept,
    "vote.cast": S._vote,
    "persona.created": S._persona_created,
    "persona.edited": _editor("personas", None),
    "persona.deleted": S._persona_deleted,
    "journey_step.added": S._step_added,
    "journey_step.edited": _editor("steps", None),
    "journey_step.deleted": _pop("steps", "step_id"),
    "commitment.added": S._commitment_added,
    "commitment.edited": _editor("commitments", "updated_at"),
    "commitment.deleted": _pop("commitments", "commitment_id"),
    "survey.answered": S._survey,
    "closing.word_added": S._closing_word,
    "attachment.added": S._attachment,
}
assert set(_HANDLERS) | {"event.undone"} == set(ev.MODELS), "every event type needs a handler"
