"""The state derived from the events, the checks made before writing, undo, the helpers."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from journal_helpers import T0, at, fill_scenario

from labkit.errors import InvalidInputError
from labkit.store.journal import Journal, derive

MIN = timedelta(minutes=1)


def test_block_timer_excludes_pauses_and_counts_extensions(journal: Journal) -> None:
    journal.start_block("cafe", at=at(0))
    journal.pause_block("cafe", at=at(10))
    state = journal.state()
    assert state.block("cafe").status == "paused"
    assert state.block("cafe").elapsed(now=at(30)) == 10 * MIN
    journal.resume_block("cafe", at=at(15))
    journal.extend_block("cafe", 10)
    journal.extend_block("cafe", -3)
    block = journal.state().block("cafe")
    assert block.status == "running"
    assert block.extension_minutes == 7
    assert block.elapsed(now=at(40)) == 35 * MIN
    assert block.paused_time(now=at(40)) == 5 * MIN
    assert block.remaining(planned_minutes=60, now=at(40)) == 32 * MIN
    journal.end_block("cafe", at=at(70))
    block = journal.state().block("cafe")
    assert block.status == "ended" and block.elapsed(now=at(500)) == 65 * MIN


def test_ending_a_paused_block_closes_the_pause(journal: Journal) -> None:
    journal.start_block("b", at=at(0))
    journal.pause_block("b", at=at(10))
    journal.end_block("b", at=at(20))
    block = journal.state().block("b")
    assert block.pauses[-1].end == at(20)
    assert block.elapsed() == 10 * MIN


def test_rounds_current_block_next_round_and_rotation(journal: Journal) -> None:
    assert journal.state().current_block() is None
    journal.start_block("ouverture", at=at(0))
    journal.end_block("ouverture", at=at(20))
    journal.start_block("cafe", at=at(30))
    journal.start_round("cafe", at=at(30))
    journal.pause_block("cafe", at=at(40))
    journal.resume_block("cafe", at=at(45))
    state = journal.state()
    assert state.current_block().block_id == "cafe"  # type: ignore[union-attr]
    running = state.current_round()
    assert running is not None and running.round == 1
    assert running.elapsed(state.block("cafe"), now=at(50)) == 15 * MIN
    journal.end_round("cafe", at=at(50))
    assert journal.state().current_round("cafe") is None
    assert journal.state().next_round("cafe") == 2
    plan = [[["p1", "p2"], ["p3"]], [["p1", "p3"], ["p2"]]]
    journal.record({"type": "rotation.replanned", "block_id": "cafe", "from_round": 2,
                    "plan": plan})  # fmt: skip
    journal.start_round("cafe", at=at(52))
    state = journal.state()
    assert state.current_round("cafe").round == 2  # type: ignore[union-attr]
    rotation = state.rotation("cafe")
    assert rotation is not None and rotation.tables(3) == (("p1", "p3"), ("p2",))
    assert rotation.tables(1) is None
    assert [r.round for r in state.rounds_of("cafe")] == [1, 2]


def test_lifecycle_rules(journal: Journal) -> None:
    with pytest.raises(InvalidInputError, match="cannot be paused: it is not started"):
        journal.pause_block("b")
    journal.start_block("b", at=at(0))
    with pytest.raises(InvalidInputError, match="cannot start: it is running"):
        journal.start_block("b")
    with pytest.raises(InvalidInputError, match="cannot resume"):
        journal.resume_block("b")
    with pytest.raises(InvalidInputError, match="before the start"):
        journal.end_block("b", at=at(-5))
    journal.start_round("b", at=at(1))
    with pytest.raises(InvalidInputError, match="round 1 of the block b is still running"):
        journal.start_round("b", 2)
    journal.end_round("b", at=at(2))
    with pytest.raises(InvalidInputError, match="already took place"):
        journal.start_round("b", 1)
    with pytest.raises(InvalidInputError, match="round 3 of the block b is not running"):
        journal.end_round("b", 3)
    journal.end_block("b", at=at(3))
    with pytest.raises(InvalidInputError, match="can only start in a running block"):
        journal.start_round("b")
    with pytest.raises(InvalidInputError, match="can no longer be extended"):
        journal.extend_block("b", 5)
    assert len(journal.events()) == 4  # refused events left nothing behind


def test_attendance_per_day(journal: Journal) -> None:
    journal.arrive("p1", 1, at=at(5))
    journal.arrive("p2", 1, at=at(1))
    journal.arrive("p1", 2, at=at(60 * 24))
    journal.mark_absent("p3", 1, reason="grève")
    assert journal.state().present(1) == ["p2", "p1"]
    with pytest.raises(InvalidInputError, match="already present"):
        journal.arrive("p1", 1)
    with pytest.raises(InvalidInputError, match="record their departure first"):
        journal.mark_absent("p1", 1)
    journal.leave("p1", 1, at=at(120))
    with pytest.raises(InvalidInputError, match="not present"):
        journal.leave("p1", 1)
    journal.arrive("p1", 1, at=at(130))  # back from an appointment
    state = journal.state()
    assert state.present(1) == ["p2", "p1"]
    assert state.present(2) == ["p1"]
    record = state.attendance_on(1)["p1"]
    assert record.arrived_at == at(5) and len(record.stays) == 2 and record.left_at is None
    assert state.attendance_on(1)["p3"].status == "absent"
    assert state.attendance_on(1)["p3"].absence_reason == "grève"


def test_ids_are_assigned_in_sequence_and_never_reused(journal: Journal) -> None:
    first = journal.add_contribution("un")
    second = journal.add_contribution("deux")
    assert (first, second) == ("c1", "c2")
    journal.record({"type": "contribution.deleted", "contribution_id": "c2"})
    assert journal.add_contribution("trois") == "c3"
    assert journal.add_contribution("quatre", contribution_id="c10") == "c10"
    assert journal.add_contribution("cinq") == "c11"
    with pytest.raises(InvalidInputError, match="the id c2 is already used"):
        journal.add_contribution("six", contribution_id="c2")


def test_votes_need_an_existing_item(journal: Journal) -> None:
    idea = journal.add_contribution("idée", kind="idea")
    with pytest.raises(InvalidInputError) as caught:
        journal.vote("c404", 2)
    assert caught.value.problems == ["c404 is neither an existing contribution nor a cluster"]
    journal.vote(idea, 2, participant_id="p1")
    journal.record({"type": "contribution.deleted", "contribution_id": idea})
    with pytest.raises(InvalidInputError):
        journal.vote(idea)
    assert journal.state().vote_totals() == {}  # votes for deleted items no longer count


def test_clusters_move_contributions_and_follow_deletions(journal: Journal) -> None:
    a, b, c = (journal.add_contribution(text) for text in ("a", "b", "c"))
    g1 = journal.record({"type": "cluster.created", "title": "G1", "contribution_ids": [a, b]})
    g2 = journal.record({"type": "cluster.created", "title": "G2", "contribution_ids": [c]})
    g1_id, g2_id = g1.event.new_id(), g2.event.new_id()
    journal.record({"type": "cluster.members_added", "cluster_id": g2_id, "contribution_ids": [a]})
    state = journal.state()
    assert state.clusters[g1_id].contribution_ids == (b,)  # type: ignore[index]
    assert state.clusters[g2_id].contribution_ids == (c, a)  # type: ignore[index]
    with pytest.raises(InvalidInputError, match="not in the cluster"):
        journal.record({"type": "cluster.members_removed", "cluster_id": g1_id,
                        "contribution_ids": [a]})  # fmt: skip
    journal.record({"type": "contribution.deleted", "contribution_id": c})
    journal.record({"type": "cluster.deleted", "cluster_id": g1_id})
    state = journal.state()
    assert state.clusters[g2_id].contribution_ids == (a,)  # type: ignore[index]
    assert g1_id not in state.clusters and b not in state.cluster_of


def test_undo_and_redo(journal: Journal) -> None:
    idea = journal.add_contribution("idée", kind="idea")
    vote = journal.vote(idea, 3)
    undo = journal.undo(vote.id)
    assert journal.state().vote_totals() == {}
    assert journal.is_undone(vote)
    with pytest.raises(InvalidInputError, match="already undone"):
        journal.undo(vote.id)
    journal.undo(undo.id)  # redo
    assert journal.state().vote_totals() == {idea: 3}
    with pytest.raises(InvalidInputError, match="no event #999"):
        journal.undo(999)
    # the history keeps everything
    assert [e.type for e in journal.events()] == [
        "contribution.added", "vote.cast", "event.undone", "event.undone",
    ]  # fmt: skip


def test_undoing_a_creation_keeps_its_id_reserved(journal: Journal) -> None:
    journal.add_contribution("un")
    created = journal.events()[-1]
    journal.undo(created.id)
    assert journal.state().contributions == {}
    assert journal.add_contribution("deux") == "c2"


def test_edits_and_journeys_and_commitments(journal: Journal) -> None:
    idea = journal.add_contribution("idée", kind="idea", table=3, question=1)
    journal.record({"type": "contribution.edited", "contribution_id": idea, "table": None,
                    "kind": "insight"})  # fmt: skip
    contribution = journal.state().contributions[idea]
    assert (contribution.table, contribution.kind, contribution.question) == (None, "insight", 1)
    assert contribution.edited_at is not None
    with pytest.raises(InvalidInputError, match="no contribution c9"):
        journal.record({"type": "contribution.edited", "contribution_id": "c9", "text": "x"})
    persona = journal.record({"type": "persona.created", "name": "Inès"}).event.new_id()
    for stage, position in [("trois", 3), ("sans position", None), ("un", 1)]:
        journal.record({"type": "journey_step.added", "persona_id": persona, "stage": stage,
                        "position": position})  # fmt: skip
    assert [s.stage for s in journal.state().journey(persona)] == ["un", "trois", "sans position"]
    with pytest.raises(InvalidInputError, match="no persona p9"):
        journal.record({"type": "journey_step.added", "persona_id": "p9", "stage": "x"})
    journal.record({"type": "persona.deleted", "persona_id": persona})
    assert journal.state().steps == {}
    commitment = journal.record({"type": "commitment.added", "what": "faire"}).event.new_id()
    journal.record({"type": "commitment.edited", "commitment_id": commitment, "status": "done"})
    assert journal.state().commitments[commitment].status == "done"  # type: ignore[index]


def test_drift_against_the_planned_agenda(journal: Journal) -> None:
    paris = timezone(timedelta(hours=1))
    plan = {
        "ouverture": (datetime(2026, 3, 12, 9, 0, tzinfo=paris), datetime(2026, 3, 12, 9, 30,
                                                                          tzinfo=paris)),
        "cafe": (datetime(2026, 3, 12, 9, 30, tzinfo=paris), datetime(2026, 3, 12, 10, 30,
                                                                      tzinfo=paris)),
        "dejeuner": (datetime(2026, 3, 12, 12, 0, tzinfo=paris), datetime(2026, 3, 12, 13, 0,
                                                                          tzinfo=paris)),
    }  # fmt: skip
    journal.start_block("ouverture", at=at(5))  # 09:05 in Paris
    journal.end_block("ouverture", at=at(40))
    journal.start_block("cafe", at=at(45))
    journal.pause_block("cafe", at=at(50))
    journal.resume_block("cafe", at=at(55))
    journal.extend_block("cafe", 10)
    drifts = {d.block_id: d for d in journal.state().drift(plan, now=at(60))}
    assert list(drifts) == ["ouverture", "cafe", "dejeuner"]
    assert drifts["ouverture"].start_drift == 5 * MIN
    assert drifts["ouverture"].end_drift == 10 * MIN
    assert drifts["ouverture"].duration_drift == 5 * MIN
    cafe = drifts["cafe"]
    assert cafe.start_drift == 15 * MIN
    assert cafe.projected_end == at(45 + 60 + 10 + 5)
    assert cafe.end_drift == 30 * MIN and cafe.duration_drift is None
    assert drifts["dejeuner"].actual_start is None and drifts["dejeuner"].end_drift is None
    naive = {"ouverture": (datetime(2026, 3, 12, 9, 0), datetime(2026, 3, 12, 9, 30))}
    local = datetime(2026, 3, 12, 9, 0).astimezone()
    expected = at(5) - local
    assert journal.state().drift(naive)[0].start_drift == expected


def test_actual_times(journal: Journal) -> None:
    journal.start_block("a", at=at(0))
    journal.end_block("a", at=at(10))
    journal.start_block("b", at=at(12))
    times = {b.block_id: (b.started_at, b.ended_at) for b in journal.state().blocks.values()}
    assert times == {"a": (at(0), at(10)), "b": (at(12), None)}


def test_state_is_a_snapshot(journal: Journal) -> None:
    before = journal.state()
    journal.add_contribution("x")
    journal.arrive("p1", 1)
    assert before.contributions == {} and before.present(1) == []
    assert len(journal.state().contributions) == 1


def test_incremental_state_equals_a_full_replay(journal: Journal, tmp_path: Path) -> None:
    fill_scenario(journal, tmp_path)
    incremental = journal.state()
    replayed = derive(journal.events())
    assert vars(incremental) == vars(replayed)
    assert incremental.event_count == len(journal.events())


def test_state_is_shared_between_journals_on_the_same_file(session_dir: Path) -> None:
    with Journal.open(session_dir, device="tui") as live, Journal.open(session_dir) as cli:
        live.start_block("cafe", at=T0)
        idea = cli.add_contribution("depuis la ligne de commande", block_id="cafe")
        assert idea in live.state().contributions
        assert cli.state().current_block().block_id == "cafe"  # type: ignore[union-attr]
        # the CLI cannot reuse an id the live app just gave
        assert live.add_contribution("depuis l'écran") == "c2"
        assert [e.device for e in cli.events()] == ["tui", "cli", "tui"]


def test_record_returns_stored_metadata(session_dir: Path) -> None:
    with Journal.open(session_dir, device="tui-2", recorder="Claire\x00") as journal:
        record = journal.add_contribution("x")
        stored = journal.events()[-1]
    assert record == "c1"
    assert stored.device == "tui-2" and stored.recorder == "Claire"
    assert stored.ts.tzinfo is not None and stored.ts.utcoffset() == timedelta(0)
    assert abs(stored.ts - datetime.now(UTC)) < timedelta(minutes=1)
    assert len(stored.uuid) == 36
