"""Saved seating plans: one shape written, old shapes read, errors naming file and field, the
plan in force, and the other places (CLI, live app, route cards) calling this one owner."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from labkit.i18n import set_ui_language
from labkit.model.views import Rotation
from labkit.store import seating
from labkit.store.journal import Journal
from labkit.store.seating import SavedPlan, SavedPlanError, plan_in_force, read_plan, write_plan

CAFE = (
    (("p1", "p2"), ("p3", "p4")),
    (("p1", "p3"), ("p2", "p4")),
    (("p1", "p4"), ("p2", "p3")),
)


@pytest.fixture(autouse=True)
def _english() -> Any:
    set_ui_language("en")
    yield
    set_ui_language(None)


def _write(folder: Path, data: Any, name: str = "cafe") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_written_plan_reads_back_in_the_one_shape(tmp_path: Path) -> None:
    path = write_plan(tmp_path, "cafe", CAFE, {"rounds": "dropped", "seed": 3})
    assert json.loads(path.read_text("utf-8")) == {
        "block": "cafe", "rounds": [[list(t) for t in r] for r in CAFE], "planner": {"seed": 3},
    }  # fmt: skip
    assert read_plan(tmp_path, "cafe") == SavedPlan("cafe", CAFE)
    assert not list(tmp_path.glob("*.tmp"))


def test_the_shapes_written_by_earlier_versions_still_read(tmp_path: Path) -> None:
    rounds = [[list(t) for t in r] for r in CAFE]
    _write(tmp_path, {"block": "cafe", "rounds": rounds, "metrics": {"repeats": 0},
                      "hosts": [], "method": "tabu", "seed": 0})  # rotate --save  # fmt: skip
    _write(tmp_path, {"block": "pairs", "rounds": [[["a", "b"], ["c", "d", "e"]]]}, "pairs")
    assert read_plan(tmp_path, "cafe") == SavedPlan("cafe", CAFE)
    pairs = read_plan(tmp_path, "pairs")
    assert pairs is not None and pairs.partners("c") == ("d", "e")
    assert pairs.table_of("b", 1) == 1 and pairs.table_of("b", 2) is None


def test_a_missing_file_is_no_plan(tmp_path: Path) -> None:
    assert read_plan(tmp_path / "rotations", "cafe") is None


@pytest.mark.parametrize(("data", "field", "reason"), [
    ("{oops", None, "unreadable JSON (line 1)"),
    ([1, 2], None, "must be a JSON object"),
    ({"block": "other", "rounds": []}, '"block"', "block 'other'"),
    ({"block": "cafe"}, '"rounds"', "missing field"),
    ({"rounds": {"1": []}}, '"rounds"', "list of rounds"),
    ({"rounds": [["p1"]]}, '"rounds[0][0]"', "list of participant ids"),
    ({"rounds": [[["p1", None]]]}, '"rounds[0][0][1]"', "'None' is not a participant id"),
    ({"rounds": [[["p1"], ["p2"]], [["p3"], ["p3"]]]}, '"rounds[1][1][0]"',
     "'p3' is placed twice in round 2"),
])  # fmt: skip
def test_an_unusable_file_is_an_error_naming_file_and_field(
    tmp_path: Path, data: Any, field: str | None, reason: str
) -> None:
    path = _write(tmp_path, data)
    with pytest.raises(SavedPlanError) as caught:
        read_plan(tmp_path, "cafe")
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and reason in message
    assert caught.value.path == path
    assert (caught.value.field and f'"{caught.value.field}"') == field
    if field:
        assert f": {field}: " in message


def _rotation(from_round: int, plan: Any, event_id: int = 1) -> Rotation:
    return Rotation("cafe", from_round, plan, None, event_id)


def test_plan_in_force_lays_each_replan_over_the_saved_plan() -> None:
    late = ((("p1", "p2", "p5"), ("p3", "p4")),) * 2
    assert plan_in_force(CAFE, []) == CAFE
    first = plan_in_force(CAFE, [_rotation(2, late)])
    assert first == (CAFE[0], *late)
    again = plan_in_force(CAFE, [_rotation(2, late), _rotation(3, (CAFE[0],))])
    assert again == (CAFE[0], late[0], CAFE[0])
    assert plan_in_force(None, [_rotation(3, (CAFE[1],))]) == ((), (), CAFE[1])
    assert plan_in_force(None, []) == ()
    assert seating.seated_rounds(plan_in_force(None, [_rotation(3, (CAFE[1],))])) == 0


def test_replans_are_the_journal_history_without_undone_ones(tmp_path: Path) -> None:
    with Journal.open(tmp_path / "journal.db") as journal:
        kept = journal.record({"type": "rotation.replanned", "block_id": "cafe",
                               "from_round": 2, "plan": [[["p1", "p2"]]]})  # fmt: skip
        journal.record({"type": "rotation.replanned", "block_id": "other", "from_round": 1,
                        "plan": [[["p1"]]]})  # fmt: skip
        undone = journal.record({"type": "rotation.replanned", "block_id": "cafe",
                                 "from_round": 3, "plan": [[["p2", "p1"]]]})  # fmt: skip
        journal.undo(undone.id)
        found = seating.replans(journal.events(), "cafe", journal.is_undone)
    assert [(r.from_round, r.plan, r.event_id) for r in found] == [
        (2, ((("p1", "p2"),),), kept.id)
    ]


# --- the other places call this owner ------------------------------------------------------


def test_live_app_route_cards_and_cli_share_the_reader_and_writer(tmp_path: Path) -> None:
    from labkit.cli import rotate
    from labkit.prepare import seating as route_seating
    from labkit.tui import rotation

    assert route_seating.read_plan is seating.read_plan
    assert route_seating.SavedPlan is seating.SavedPlan
    assert rotation.table_of is seating.table_of and rotation.seated_rounds is seating.seated_rounds
    for module in (rotation, route_seating, rotate):
        source = Path(module.__file__ or "").read_text("utf-8")
        assert "json.loads" not in source and "rotations\" /" not in source, module.__name__
        assert "getattr(block" not in source, module.__name__  # no regroup_size duck typing


def test_the_live_app_reports_an_unreadable_plan_instead_of_hiding_it(tmp_path: Path) -> None:
    from labkit.tui import rotation

    _write(seating.rotations_dir(tmp_path), {"rounds": [[["p1", "p1"]]]})
    warnings: list[str] = []
    replan = _rotation(2, (CAFE[1],))
    assert rotation.current_plan(tmp_path, "cafe", [replan], warn=warnings.append) == ((),
                                                                                      CAFE[1])
    assert len(warnings) == 1 and "cafe.json" in warnings[0] and "rounds[0][0][1]" in warnings[0]
