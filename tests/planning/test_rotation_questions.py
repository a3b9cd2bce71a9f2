"""Tables that keep a question (world café "per_table"): a route meeting a question again counts
like a repeat, nobody but a host stays at one table when it can be helped, and the verdict is
"optimal" only against a bound that includes the questions (issue 14, problem 3)."""

from __future__ import annotations

import time

import pytest

from labkit.planning import RotationRequest, Seatable, plan_rotation
from labkit.planning.deadline import Deadline
from labkit.planning.rotation_metrics import question_revisits, rotation_metrics

EIGHT_ON_FOUR = tuple(t % 4 + 1 for t in range(8))  # tables 1..8 on questions 1..4


def people(n: int, groups: str = "") -> list[Seatable]:
    return [Seatable(f"p{i:02d}", group=groups[i % len(groups)] if groups else None)
            for i in range(n)]


def questions_met_twice(plan, request: RotationRequest) -> int:  # noqa: ANN001
    """Routes (non-hosts) meeting some question more than once, recomputed by hand."""
    count = 0
    for person in request.people:
        if person.id in request.hosts:
            continue
        met = [request.table_questions[t] for t in plan.route(person.id) if t is not None]
        count += len(met) != len(set(met))
    return count


def stayers(plan, request: RotationRequest) -> list[str]:  # noqa: ANN001
    return [p.id for p in request.people if p.id not in request.hosts
            and len(set(plan.route(p.id))) == 1]


@pytest.mark.parametrize("groups", ["", "ABC"])
def test_eight_tables_on_four_questions_meet_no_question_twice(groups: str) -> None:
    request = RotationRequest(people(39, groups), 8, 3, table_questions=EIGHT_ON_FOUR,
                              time_limit=1.0)
    plan = plan_rotation(request)
    assert questions_met_twice(plan, request) == 0  # was 14 of 39
    assert stayers(plan, request) == []  # was 5 people at one table for all 3 rounds
    assert plan.metrics.question_revisits == 0
    assert plan.metrics.repeats == 0 and plan.verdict == "optimal"


def test_with_hosts_nobody_else_stays_at_one_table() -> None:
    everyone = people(40)
    hosts = [p.id for p in everyone[:8]]
    request = RotationRequest(everyone, 8, 3, hosts=hosts, table_questions=EIGHT_ON_FOUR)
    plan = plan_rotation(request)
    assert stayers(plan, request) == []
    assert questions_met_twice(plan, request) == plan.metrics.question_revisits == 0


def test_distinct_questions_per_table_count_a_table_revisit() -> None:
    request = RotationRequest(people(30), 6, 3, table_questions=tuple(range(1, 7)))
    plan = plan_rotation(request)
    revisits = sum(len(plan.route(p.id)) - len(set(plan.route(p.id))) for p in request.people)
    assert plan.metrics.question_revisits == revisits


def test_more_rounds_than_questions_is_bounded_and_can_still_be_optimal() -> None:
    request = RotationRequest(people(39), 8, 5, table_questions=EIGHT_ON_FOUR)
    plan = plan_rotation(request)
    m = plan.metrics
    assert m.question_revisits_lower_bound == 39  # 5 rounds, 4 questions: once each at least
    assert m.question_revisits >= m.question_revisits_lower_bound
    assert (plan.verdict == "optimal") == (m.repeats <= m.repeats_lower_bound
                                           and m.question_revisits == 39)


def test_optimal_only_with_the_question_term_at_its_bound() -> None:
    """A zero-repeat plan meeting a question twice is not "optimal" once tables keep
    questions: the verdict looks at the question bound too."""
    everyone = people(16)
    # 4 tables of 4, 2 rounds: round 2 mixes the tables (no repeat) but tables 1/2 and 3/4
    # share questions 1 and 2, and everyone stays on their question
    r1 = [[f"p{i:02d}" for i in range(k * 4, k * 4 + 4)] for k in range(4)]
    r2 = [[r1[0][0], r1[1][0], r1[2][0], r1[3][0]], [r1[0][1], r1[1][1], r1[2][1], r1[3][1]],
          [r1[0][2], r1[1][2], r1[2][2], r1[3][2]], [r1[0][3], r1[1][3], r1[2][3], r1[3][3]]]
    plain = rotation_metrics([r1, r2], everyone, tables=4)
    assert plain.repeats == 0 and plain.proven_optimal
    shared = rotation_metrics([r1, r2], everyone, tables=4, table_questions=(1, 1, 2, 2))
    assert shared.question_revisits == 8  # people of tables 1-2 at question 1 again, etc.
    assert shared.question_revisits_lower_bound == 0 and not shared.proven_optimal
    # any round-2 table costs 2 (4 people from the other question's two tables: 2 repeats;
    # 3 of them: 1 repeat + 1 question again; 2: 2 questions again): 8 is the best, but the
    # bound cannot show it, so the verdict stays "best found"
    request = RotationRequest(everyone, 4, 2, table_questions=(1, 1, 2, 2), time_limit=0.3)
    plan = plan_rotation(request)
    assert plan.metrics.repeats + plan.metrics.question_revisits == 8
    assert plan.verdict == "best found"


def test_a_crowded_question_is_a_bound_not_a_hope() -> None:
    """5 tables on 4 questions: question 1 holds 2 of 5 tables, so over 3 rounds its seats
    outnumber the people: some meet it again, and the bound says how many at least."""
    request = RotationRequest(people(35), 5, 3, table_questions=(1, 2, 3, 4, 1),
                              time_limit=0.5)
    plan = plan_rotation(request)
    m = plan.metrics
    assert m.question_revisits_lower_bound == 3 * 14 - 35  # 14 seats a round at question 1
    assert m.question_revisits >= m.question_revisits_lower_bound
    if m.question_revisits > m.question_revisits_lower_bound:
        assert plan.verdict == "best found"


def test_question_revisits_are_counted_from_the_plan() -> None:
    rounds = [[["a", "b"], ["c", "d"]], [["a", "c"], ["b", "d"]], [["a", "d"], ["b", "c"]]]
    # a: q1 q1 q1 (2 again), b: q1 q2 q2, c: q2 q1 q2, d: q2 q2 q1 (1 each); 3 rounds on
    # 2 questions: at least 1 each
    assert question_revisits(rounds, {}, (1, 2)) == (5, 4)
    assert question_revisits(rounds, {"a": 0}, (1, 2)) == (3, 3)  # a host is not counted
    assert question_revisits(rounds, {}, ()) == (0, 0)


def test_an_expired_deadline_stops_the_question_relabelling() -> None:
    """Exchanging whole tables for questions checks the deadline every round: once it has
    expired the start is left as it is, and the plan still comes back at once."""
    import random

    from labkit.planning.rotation_model import build_problem
    from labkit.planning.rotation_start import greedy_start
    from labkit.planning.table_exchange import relabel_questions

    request = RotationRequest(people(300), 50, 8, table_questions=tuple(t % 10 for t in range(50)),
                              use_designs=False)
    pb = build_problem(request)
    start = greedy_start(pb, random.Random(0), deadline=Deadline(0.0))  # blind to questions

    def again(planned) -> int:  # noqa: ANN001
        rounds = [[[pb.ids[i] for i in t] for t in rnd] for rnd in planned]
        return question_revisits(rounds, {}, request.table_questions)[0]

    assert again(relabel_questions(pb, start, Deadline.never())) < again(start)
    assert relabel_questions(pb, start, Deadline(0.0)) == start
    deadline = Deadline(0.0)
    started = time.process_time()
    plan = plan_rotation(request, deadline=deadline)
    assert time.process_time() - started < 2.0 and plan.stopped_by == "time"


def test_table_questions_must_match_the_tables() -> None:
    from labkit.errors import InvalidInputError

    with pytest.raises(InvalidInputError) as caught:
        plan_rotation(RotationRequest(people(10), 2, 2, table_questions=(1, 2, 3)))
    assert "3 table questions for 2 tables" in str(caught.value)


def test_six_distinct_questions_35_people_nobody_stays_put() -> None:
    """35 people, 6 tables, 3 rounds, no host: the question objective alone kept 5 people at
    one table for all 3 rounds (two returns each beat three people coming back once); whole
    table exchanges move them without adding a repeat (issue 14)."""
    request = RotationRequest(people(35), 6, 3, table_questions=tuple(range(1, 7)),
                              time_limit=1.0)
    plan = plan_rotation(request)
    assert stayers(plan, request) == []  # was 5
    assert plan.metrics.repeats == 0 and plan.metrics.max_meetings == 1
