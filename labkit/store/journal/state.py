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

from labkit.model import events as ev
from labkit.model import views as v
from labkit.store.journal.queries import StateQueries
from labkit.store.journal.replay import cancelled_uuids, gc_paused

__all__ = ["JournalState", "cancelled_uuids", "derive", "gc_paused"]


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
        self.known: dict[str, int] = {}
        """uuid -> id of every event folded (undo targets an event by its uuid)."""
        self.ids: set[str] = set()
        """Every identifier ever created (kept after deletion: ids are never reused)."""
        self.counters: dict[str, int] = defaultdict(int)
        self.blocks: dict[str, v.BlockTiming] = {}
        self.rounds: dict[tuple[str, int], v.RoundTiming] = {}
        self.rotations: dict[str, v.Rotation] = {}
        self.attendance: dict[int, dict[str, v.Attendance]] = defaultdict(dict)
        self.contributions: dict[str, v.Contribution] = {}
        self.clusters: dict[str, v.Cluster] = {}
        self.cluster_of: dict[str, str] = {}
        self.kept: dict[tuple[str | None, int | None], v.KeptIdeas] = {}
        self.votes: dict[int, v.Vote] = {}
        self.personas: dict[str, v.Persona] = {}
        self.steps: dict[str, v.JourneyStep] = {}
        self.commitments: dict[str, v.Commitment] = {}
        self.survey: dict[str, v.SurveyResponse] = {}
        self.closing_words: dict[str, v.ClosingWord] = {}
        self.attachments: dict[str, v.Attachment] = {}

    def snapshot(self) -> JournalState:
        """A copy that later events will not change (the views themselves are immutable)."""
        other = copy.copy(self)
        for name, value in vars(self).items():
            if isinstance(value, dict | set):
                setattr(other, name, copy.copy(value))
        other.attendance = defaultdict(dict, {d: dict(p) for d, p in self.attendance.items()})
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
        kind = event.type
        if kind == "event.undone" or record.uuid in self.cancelled:
            return
        handler = _HANDLERS.get(kind)
        if handler is not None:
            handler(self, record)

    # block lifecycle

    def _block(self, block_id: str) -> v.BlockTiming:
        return self.blocks.get(block_id) or v.BlockTiming(block_id)

    def _block_started(self, r: v.RecordedEvent) -> None:
        block = self._block(r.event.block_id)  # type: ignore[attr-defined]
        if block.started_at is None:
            self.blocks[block.block_id] = replace(block, started_at=r.at)

    def _block_paused(self, r: v.RecordedEvent) -> None:
        block = self.blocks.get(r.event.block_id)  # type: ignore[attr-defined]
        if block and block.status == "running":
            pauses = (*block.pauses, v.Interval(r.at))
            self.blocks[block.block_id] = replace(block, pauses=pauses)

    def _block_resumed(self, r: v.RecordedEvent) -> None:
        block = self.blocks.get(r.event.block_id)  # type: ignore[attr-defined]
        if block and block.status == "paused":
            last = block.pauses[-1]
            pauses = (*block.pauses[:-1], v.Interval(last.start, max(r.at, last.start)))
            self.blocks[block.block_id] = replace(block, pauses=pauses)

    def _block_extended(self, r: v.RecordedEvent) -> None:
        block = self._block(r.event.block_id)  # type: ignore[attr-defined]
        minutes = block.extension_minutes + r.event.minutes  # type: ignore[attr-defined]
        self.blocks[block.block_id] = replace(block, extension_minutes=minutes)

    def _block_ended(self, r: v.RecordedEvent) -> None:
        block = self.blocks.get(r.event.block_id)  # type: ignore[attr-defined]
        if block and block.started_at is not None and block.ended_at is None:
            end = max(r.at, block.started_at)
            pauses = block.pauses
            if pauses and pauses[-1].end is None:
                pauses = (*pauses[:-1], v.Interval(pauses[-1].start, max(end, pauses[-1].start)))
            self.blocks[block.block_id] = replace(block, ended_at=end, pauses=pauses)

    def _round_started(self, r: v.RecordedEvent) -> None:
        e: ev.RoundStarted = r.event  # type: ignore[assignment]
        if (e.block_id, e.round) not in self.rounds:
            self.rounds[(e.block_id, e.round)] = v.RoundTiming(e.block_id, e.round, r.at)

    def _round_ended(self, r: v.RecordedEvent) -> None:
        e: ev.RoundEnded = r.event  # type: ignore[assignment]
        found = self.rounds.get((e.block_id, e.round))
        if found and found.ended_at is None:
            end = max(r.at, found.started_at)
            self.rounds[(e.block_id, e.round)] = replace(found, ended_at=end)

    def _rotation(self, r: v.RecordedEvent) -> None:
        e: ev.RotationReplanned = r.event  # type: ignore[assignment]
        plan = tuple(tuple(tuple(table) for table in tables) for tables in e.plan)
        self.rotations[e.block_id] = v.Rotation(e.block_id, e.from_round, plan, e.reason, r.id)

    # attendance

    def _arrived(self, r: v.RecordedEvent) -> None:
        e: ev.AttendanceArrived = r.event  # type: ignore[assignment]
        day = self.attendance[e.day]
        found = day.get(e.participant_id)
        if found and found.status == "present":
            return
        stays = (*(found.stays if found else ()), v.Interval(r.at))
        day[e.participant_id] = v.Attendance(e.participant_id, e.day, "present", stays)

    def _left(self, r: v.RecordedEvent) -> None:
        e: ev.AttendanceLeft = r.event  # type: ignore[assignment]
        found = self.attendance[e.day].get(e.participant_id)
        if not found or found.status != "present":
            return
        last = found.stays[-1]
        stays = (*found.stays[:-1], v.Interval(last.start, max(r.at, last.start)))
        self.attendance[e.day][e.participant_id] = replace(found, status="left", stays=stays)

    def _absent(self, r: v.RecordedEvent) -> None:
        e: ev.AttendanceAbsent = r.event  # type: ignore[assignment]
        self.attendance[e.day][e.participant_id] = v.Attendance(
            e.participant_id, e.day, "absent", (), e.reason
        )

    # contributions, clusters, kept ideas, votes

    def _contribution_added(self, r: v.RecordedEvent) -> None:
        e: ev.ContributionAdded = r.event  # type: ignore[assignment]
        if e.contribution_id is None or e.contribution_id in self.contributions:
            return
        self.contributions[e.contribution_id] = v.Contribution(
            e.contribution_id, e.text, e.kind, e.block_id, e.question, e.round, e.table, e.pair,
            e.team, e.territory, e.author, r.id, r.at, r.device, r.recorder,
        )  # fmt: skip

    def _edit(self, table: dict[str, object], r: v.RecordedEvent, stamp: str | None) -> None:
        e: ev.EditEvent = r.event  # type: ignore[assignment]
        found = table.get(e.target())
        if found is None:
            return
        changes = {
            name: (tuple(value) if isinstance(value, list) else value)
            for name, value in e.changes().items()
        }
        if stamp:
            changes[stamp] = r.at
        table[e.target()] = replace(found, **changes)  # type: ignore[type-var]

    def _contribution_deleted(self, r: v.RecordedEvent) -> None:
        contribution_id = r.event.contribution_id  # type: ignore[attr-defined]
        self.contributions.pop(contribution_id, None)
        cluster_id = self.cluster_of.pop(contribution_id, None)
        if cluster_id in self.clusters:
            cluster = self.clusters[cluster_id]
            members = tuple(c for c in cluster.contribution_ids if c != contribution_id)
            self.clusters[cluster_id] = replace(cluster, contribution_ids=members)

    def _cluster_created(self, r: v.RecordedEvent) -> None:
        e: ev.ClusterCreated = r.event  # type: ignore[assignment]
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

    def _cluster_renamed(self, r: v.RecordedEvent) -> None:
        e: ev.ClusterRenamed = r.event  # type: ignore[assignment]
        if e.cluster_id in self.clusters:
            self.clusters[e.cluster_id] = replace(self.clusters[e.cluster_id], title=e.title)

    def _members_added(self, r: v.RecordedEvent) -> None:
        e: ev.ClusterMembersAdded = r.event  # type: ignore[assignment]
        if e.cluster_id in self.clusters:
            self._move(e.cluster_id, e.contribution_ids)

    def _members_removed(self, r: v.RecordedEvent) -> None:
        e: ev.ClusterMembersRemoved = r.event  # type: ignore[assignment]
        cluster = self.clusters.get(e.cluster_id)
        if cluster is None:
            return
        gone = set(e.contribution_ids)
        for contribution_id in gone & set(cluster.contribution_ids):
            self.cluster_of.pop(contribution_id, None)
        members = tuple(c for c in cluster.contribution_ids if c not in gone)
        self.clusters[e.cluster_id] = replace(cluster, contribution_ids=members)

    def _cluster_deleted(self, r: v.RecordedEvent) -> None:
        cluster = self.clusters.pop(r.event.cluster_id, None)  # type: ignore[attr-defined]
        for contribution_id in cluster.contribution_ids if cluster else ():
            self.cluster_of.pop(contribution_id, None)

    def _kept(self, r: v.RecordedEvent) -> None:
        e: ev.IdeasKept = r.event  # type: ignore[assignment]
        key = (e.block_id, e.question)
        if e.item_ids:
            self.kept[key] = v.KeptIdeas(e.block_id, e.question, tuple(e.item_ids), r.id)
        else:
            self.kept.pop(key, None)

    def _vote(self, r: v.RecordedEvent) -> None:
        e: ev.VoteCast = r.event  # type: ignore[assignment]
        self.votes[r.id] = v.Vote(
            e.item_id, e.dots, e.participant_id, e.team, e.block_id, e.question, r.id
        )

    # personas, journeys, commitments, closing

    def _persona_created(self, r: v.RecordedEvent) -> None:
        e: ev.PersonaCreated = r.event  # type: ignore[assignment]
        if e.persona_id is not None and e.persona_id not in self.personas:
            self.personas[e.persona_id] = v.Persona(
                e.persona_id, e.name, e.description, e.block_id, e.table, e.team, r.id
            )

    def _persona_deleted(self, r: v.RecordedEvent) -> None:
        persona_id = r.event.persona_id  # type: ignore[attr-defined]
        self.personas.pop(persona_id, None)
        for step_id in [s.step_id for s in self.steps.values() if s.persona_id == persona_id]:
            del self.steps[step_id]

    def _step_added(self, r: v.RecordedEvent) -> None:
        e: ev.JourneyStepAdded = r.event  # type: ignore[assignment]
        if e.step_id is None or e.step_id in self.steps or e.persona_id not in self.personas:
            return
        self.steps[e.step_id] = v.JourneyStep(
            e.step_id, e.persona_id, e.stage, e.position, tuple(e.actions), tuple(e.touchpoints),
            e.emotion, tuple(e.pain_points), tuple(e.opportunities), r.id,
        )  # fmt: skip

    def _commitment_added(self, r: v.RecordedEvent) -> None:
        e: ev.CommitmentAdded = r.event  # type: ignore[assignment]
        if e.commitment_id is not None and e.commitment_id not in self.commitments:
            self.commitments[e.commitment_id] = v.Commitment(
                e.commitment_id, e.what, e.owner_organisation, e.owner_person, e.due, e.indicator,
                e.territory, e.team, e.status, e.block_id, r.id,
            )  # fmt: skip

    def _survey(self, r: v.RecordedEvent) -> None:
        e: ev.SurveyAnswered = r.event  # type: ignore[assignment]
        if e.response_id is not None and e.response_id not in self.survey:
            self.survey[e.response_id] = v.SurveyResponse(
                e.response_id, e.group, dict(e.scores), e.comment, r.id
            )

    def _closing_word(self, r: v.RecordedEvent) -> None:
        e: ev.ClosingWordAdded = r.event  # type: ignore[assignment]
        if e.word_id is not None and e.word_id not in self.closing_words:
            self.closing_words[e.word_id] = v.ClosingWord(
                e.word_id, e.text, e.image, e.participant_id, e.block_id, r.id
            )

    def _attachment(self, r: v.RecordedEvent) -> None:
        e: ev.AttachmentAdded = r.event  # type: ignore[assignment]
        if e.attachment_id is not None and e.attachment_id not in self.attachments:
            self.attachments[e.attachment_id] = v.Attachment(
                e.attachment_id, e.path, e.original_name, e.sha256, e.size, e.media_type,
                e.caption, e.block_id, e.question, e.table, e.team, e.territory, r.id, r.at,
            )  # fmt: skip


def _pop(table: str, key: str) -> Callable[[JournalState, v.RecordedEvent], None]:
    def handler(state: JournalState, record: v.RecordedEvent) -> None:
        getattr(state, table).pop(getattr(record.event, key), None)

    return handler


def _editor(table: str, stamp: str | None) -> Callable[[JournalState, v.RecordedEvent], None]:
    def handler(state: JournalState, record: v.RecordedEvent) -> None:
        state._edit(getattr(state, table), record, stamp)

    return handler


S = JournalState
_HANDLERS: dict[str, Callable[[JournalState, v.RecordedEvent], None]] = {
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
    "contribution.edited": _editor("contributions", "edited_at"),
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
