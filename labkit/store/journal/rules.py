"""Checks an event must pass against the current state before it is written.

The payload itself is already valid (its pydantic model); these rules catch what only the state
knows: a vote for an unknown item, pausing a block that is not running, an edit of a deleted
contribution, an undo of an event already undone. Each problem is one translated line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from labkit.i18n import t
from labkit.model import events as ev
from labkit.store.journal.state import JournalState

Rule = Callable[[JournalState, Any], list[str]]
"""The problems of recording one event; each takes its own event model (`_RULES` pairs them)."""
if TYPE_CHECKING:  # annotations only: the models are built when an event needs them
    BlockEvent = (
        ev.BlockStarted | ev.BlockPaused | ev.BlockResumed | ev.BlockExtended | ev.BlockEnded
    )
    PresenceEvent = ev.AttendanceArrived | ev.AttendanceLeft | ev.AttendanceAbsent


def check(state: JournalState, event: ev.EventModel) -> list[str]:
    """The reasons why `event` cannot be recorded now (an empty list when it can)."""
    problems: list[str] = []
    new_id = event.new_id()
    if new_id is not None and new_id in state.ids:
        problems.append(t("journal.rule.id_taken", id=new_id))
    rule = _RULES.get(event.type)
    if rule is not None:
        problems.extend(rule(state, event))
    return problems


def _missing(kind: str, ids: Iterable[str], table: Mapping[str, object]) -> list[str]:
    return [t(f"journal.rule.unknown_{kind}", id=item) for item in ids if item not in table]


def _block_rule(allowed: tuple[str, ...], key: str) -> Rule:
    def rule(state: JournalState, event: BlockEvent) -> list[str]:
        block = state.block(event.block_id)
        if block.status not in allowed:
            status = t(f"journal.status.{block.status}")
            return [t(key, block=block.block_id, status=status)]
        at = getattr(event, "at", None)
        if at is not None and block.started_at is not None and at < block.started_at:
            return [t("journal.rule.before_start", block=block.block_id)]
        return []

    return rule


def _round_started(state: JournalState, e: ev.RoundStarted) -> list[str]:
    block = state.block(e.block_id)
    if block.status not in ("running", "paused"):
        status = t(f"journal.status.{block.status}")
        return [t("journal.rule.round_block_not_running", block=e.block_id, status=status)]
    running = state.current_round(e.block_id)
    if running is not None:
        return [t("journal.rule.round_running", block=e.block_id, round=running.round)]
    if (e.block_id, e.round) in state.rounds:
        return [t("journal.rule.round_done", block=e.block_id, round=e.round)]
    return []


def _round_ended(state: JournalState, e: ev.RoundEnded) -> list[str]:
    found = state.rounds.get((e.block_id, e.round))
    if found is None or not found.running:
        return [t("journal.rule.round_not_running", block=e.block_id, round=e.round)]
    if e.at is not None and e.at < found.started_at:
        return [t("journal.rule.before_start", block=e.block_id)]
    return []


def _presence(allowed_present: bool, key: str) -> Rule:
    def rule(state: JournalState, event: PresenceEvent) -> list[str]:
        person, day = event.participant_id, event.day
        found = state.attendance.get(day, {}).get(person)
        present = found is not None and found.status == "present"
        return [] if present == allowed_present else [t(key, participant=person, day=day)]

    return rule


def _exists(kind: str, key: str, table: str) -> Rule:
    def rule(state: JournalState, event: ev.EventModel) -> list[str]:
        return _missing(kind, [getattr(event, key)], getattr(state, table))

    return rule


def _cluster_created(state: JournalState, e: ev.ClusterCreated) -> list[str]:
    return _missing("contribution", e.contribution_ids, state.contributions)


def _members_added(state: JournalState, e: ev.ClusterMembersAdded) -> list[str]:
    problems = _missing("cluster", [e.cluster_id], state.clusters)
    return problems + _missing("contribution", e.contribution_ids, state.contributions)


def _members_removed(state: JournalState, e: ev.ClusterMembersRemoved) -> list[str]:
    cluster = state.clusters.get(e.cluster_id)
    if cluster is None:
        return _missing("cluster", [e.cluster_id], {})
    return [
        t("journal.rule.not_in_cluster", id=c, cluster=e.cluster_id)
        for c in e.contribution_ids
        if c not in cluster.contribution_ids
    ]


def _items(state: JournalState, item_ids: Iterable[str]) -> list[str]:
    return [t("journal.rule.unknown_item", id=i) for i in item_ids if not state.item_exists(i)]


def _kept(state: JournalState, event: ev.IdeasKept) -> list[str]:
    return _items(state, event.item_ids)


def _vote(state: JournalState, event: ev.VoteCast) -> list[str]:
    return _items(state, [event.item_id])


def _undo(state: JournalState, event: ev.EventUndone) -> list[str]:
    target = event.target
    if target not in state.known:
        return [t("journal.rule.unknown_event", uuid=target)]
    if target in state.cancelled:
        return [t("journal.rule.already_undone", uuid=target)]
    return []


_RULES: dict[str, Rule] = {
    "block.started": _block_rule(("not_started",), "journal.rule.block_cannot_start"),
    "block.paused": _block_rule(("running",), "journal.rule.block_cannot_pause"),
    "block.resumed": _block_rule(("paused",), "journal.rule.block_cannot_resume"),
    "block.extended": _block_rule(
        ("not_started", "running", "paused"), "journal.rule.block_cannot_extend"
    ),
    "block.ended": _block_rule(("running", "paused"), "journal.rule.block_cannot_end"),
    "round.started": _round_started,
    "round.ended": _round_ended,
    "attendance.arrived": _presence(False, "journal.rule.already_present"),
    "attendance.left": _presence(True, "journal.rule.not_present"),
    "attendance.absent": _presence(False, "journal.rule.present_not_absent"),
    "contribution.edited": _exists("contribution", "contribution_id", "contributions"),
    "contribution.deleted": _exists("contribution", "contribution_id", "contributions"),
    "cluster.created": _cluster_created,
    "cluster.renamed": _exists("cluster", "cluster_id", "clusters"),
    "cluster.members_added": _members_added,
    "cluster.members_removed": _members_removed,
    "cluster.deleted": _exists("cluster", "cluster_id", "clusters"),
    "ideas.kept": _kept,
    "vote.cast": _vote,
    "persona.edited": _exists("persona", "persona_id", "personas"),
    "persona.deleted": _exists("persona", "persona_id", "personas"),
    "journey_step.added": _exists("persona", "persona_id", "personas"),
    "journey_step.edited": _exists("step", "step_id", "steps"),
    "journey_step.deleted": _exists("step", "step_id", "steps"),
    "commitment.edited": _exists("commitment", "commitment_id", "commitments"),
    "commitment.deleted": _exists("commitment", "commitment_id", "commitments"),
    "event.undone": _undo,
}
