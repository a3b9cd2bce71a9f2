"""World-café planning input (`RotationRequest`), output (`RotationPlan`) and the validated,
index-based problem the algorithms work on."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from labkit.errors import InvalidInputError
from labkit.planning.rotation_metrics import RotationMetrics, rotation_metrics
from labkit.planning.seatable import Round, Seatable, balanced_sizes, freeze_rounds


@dataclass(frozen=True)
class RotationRequest:
    """Everything the world-café planner needs.

    `rounds` counts every round, including the `history` rounds already played (frozen: kept
    as they are and counted as meetings). `hosts[t]` is the host of table t (one per table, or
    none). People in `absent` are not seated in the rounds still to plan (left, or not yet
    arrived); `people` must also list anyone who appears in `history`.
    """

    people: Sequence[Seatable]
    tables: int
    rounds: int
    hosts: Sequence[str] = ()
    visit_once: bool = False
    must_not_meet: Collection[tuple[str, str]] = ()
    keep_together: Collection[tuple[str, str]] = ()
    history: Sequence[Sequence[Sequence[str]]] = ()
    absent: Collection[str] = frozenset()
    mix_groups: bool = True
    mix_organisations: bool = True
    seed: int = 0
    time_limit: float = 1.0
    use_designs: bool = True
    """Try the zero-repeat constructions (switch off to measure the local search alone)."""
    max_iterations: int | None = None
    """Search steps; by default none: the search runs until the plan is proven optimal or
    `time_limit` seconds of CPU time (`time.process_time`) are spent. With a cap, the plan is
    the same for the same seed unless the time limit stops the search first."""
    objective: str = "repeats"
    """"repeats": fewest repeated meetings first, then the fewest meetings of any one pair;
    "max_meetings": the other way round."""
    plan_in_force: Sequence[Sequence[Sequence[str]]] = ()
    """Re-planning: the rounds after `history` as planned before (ids per table); the new
    plan starts from them and moves only whom it must: the absent people dropped, arrivals
    seated, tables rebalanced with the fewest moves, and more moves only to mend a broken
    must-not-meet or visit-once."""
    table_questions: Sequence[int] = ()
    """The question (any int) discussed at each table, table 1 first, when each table keeps
    its question (world café "per_table"). Given, a route meeting a question again (another
    table of the same question, or the same table) counts like a repeated meeting, in the
    objective and in the metrics; empty: tables are interchangeable, no question term."""
    teams: Sequence[Sequence[str]] = ()
    """Teams that move together (ids, team 1 first; `labkit.planning.team_rotation`): team N
    starts at table N and every team moves on one table a round. Empty: people rotate alone."""
    team_names: Sequence[str] = ()
    """The teams' names ("Verte", ...), as many as `teams` (empty: numbered)."""


def default_team_names(count: int) -> list[str]:
    """The names of `count` unnamed teams: "1", "2", "3"..."""
    return [str(k + 1) for k in range(count)]


@dataclass(frozen=True, slots=True)
class PlanNote:
    """Something the facilitator must know about a plan; `code` names an i18n message."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RotationPlan:
    """A seating plan: `rounds[r][t]` holds the ids at table t in round r, hosts included."""

    rounds: tuple[Round, ...]
    metrics: RotationMetrics
    hosts: tuple[str, ...] = ()
    frozen_rounds: int = 0
    method: str = ""
    notes: tuple[PlanNote, ...] = ()
    seconds: float = 0.0
    stopped_by: str = ""
    """"optimal" (every objective at its lower bound), "iterations", "time", or "kept" (a
    re-plan that keeps the repaired plan in force: nothing broken called for more moves)."""
    seed: int = 0
    moved: int = 0
    """Re-plans: (person, round) seats that differ from `plan_in_force` (arrivals excluded)."""
    teams: tuple[tuple[str, ...], ...] = ()
    """Teams that moved together (ids, team 1 first); empty: people rotated alone."""
    team_names: tuple[str, ...] = ()

    @property
    def verdict(self) -> str:
        """"optimal" only with a proof (every figure at its lower bound), else "best found";
        with teams, "teams together" when no hard constraint is broken (the teams fix the
        plan: teammates meet again on purpose, so the repeat bounds do not apply)."""
        if self.teams:
            return "teams together" if self.metrics.hard_violations == 0 else "best found"
        return "optimal" if self.metrics.proven_optimal else "best found"

    def route(self, person_id: str) -> tuple[int | None, ...]:
        """The person's table index (0-based) in each round, None when not seated."""
        out: list[int | None] = []
        for rnd in self.rounds:
            out.append(next((t for t, table in enumerate(rnd) if person_id in table), None))
        return tuple(out)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form: {"rounds": [[[ids at table 1], ...], ...], "metrics": {...}, ...}."""
        return {
            "rounds": [[list(table) for table in rnd] for rnd in self.rounds],
            "metrics": self.metrics.as_dict(),
            "hosts": list(self.hosts),
            "frozen_rounds": self.frozen_rounds,
            "method": self.method,
            "notes": [{"code": n.code, **n.params} for n in self.notes],
            "seconds": round(self.seconds, 3),
            "stopped_by": self.stopped_by,
            "seed": self.seed,
            "verdict": self.verdict,
            "moved": self.moved,
            **({"teams": self.named_teams} if self.teams else {}),
        }

    @property
    def named_teams(self) -> list[dict[str, Any]]:
        """The teams as [{"name": ..., "members": [ids]}], team 1 first (numbered when
        `team_names` is empty); empty without teams."""
        names = self.team_names or default_team_names(len(self.teams))
        return [{"name": name, "members": list(members)}
                for name, members in zip(names, self.teams, strict=False)]


@dataclass
class Problem:
    """The request in index form (people 0..n-1), validated."""

    request: RotationRequest
    ids: list[str]
    group: list[int]
    org: list[int]
    tables: int
    rounds: int
    frozen: int
    hosts: list[int]
    host_table: dict[int, int]
    present: list[int]
    units: list[list[int]]
    unit_of: list[int]
    forbidden: list[set[int]]
    history: list[list[list[int]]]
    visit_once: bool
    """Visit-once is asked and feasible: a hard constraint."""
    visit_once_soft: bool
    """Visit-once is asked but impossible for someone: revisits are minimised instead."""
    group_count: int
    org_count: int
    question_of: list[int] | None = None
    """Question index (0..questions-1) of each table, or None: no question term."""
    questions: int = 0

    @property
    def planned(self) -> int:
        """Rounds still to plan."""
        return self.rounds - self.frozen

    def sizes(self) -> list[int]:
        """Balanced table sizes of a planned round (larger tables first)."""
        return balanced_sizes(len(self.present), self.tables)


def build_problem(request: RotationRequest) -> Problem:
    """Validate `request` and index it; raises InvalidInputError listing every problem."""
    problems: list[str] = []
    ids = [p.id for p in request.people]
    index = {pid: i for i, pid in enumerate(ids)}
    if len(index) != len(ids):
        dups = sorted(pid for pid, c in Counter(ids).items() if c > 1)
        problems.append(f"duplicate participant ids: {', '.join(dups)}")
    if request.tables < 1:
        problems.append(f"tables must be at least 1 (got {request.tables})")
    if request.rounds < 0:
        problems.append(f"rounds must be at least 0 (got {request.rounds})")
    history = freeze_rounds(request.history)
    if len(history) > max(request.rounds, 0):
        problems.append(f"{len(history)} rounds already played but only {request.rounds} in all")
    for r, rnd in enumerate(history, 1):
        if len(rnd) != request.tables:
            problems.append(f"played round {r} has {len(rnd)} tables, expected {request.tables}")
        seated = [pid for table in rnd for pid in table]
        unknown = sorted({pid for pid in seated if pid not in index})
        if unknown:
            problems.append(f"played round {r} seats unknown people: {', '.join(unknown)}")
        if len(set(seated)) != len(seated):
            problems.append(f"played round {r} seats someone twice")
    unknown_absent = sorted(set(request.absent) - set(index))
    if unknown_absent:
        problems.append(f"unknown absent people: {', '.join(unknown_absent)}")
    hosts = list(request.hosts)
    if hosts and len(hosts) != request.tables:
        problems.append(f"{len(hosts)} table hosts for {request.tables} tables (one per table)")
    if len(set(hosts)) != len(hosts):
        problems.append("a person hosts two tables")
    for h in hosts:
        if h not in index:
            problems.append(f"unknown table host: {h}")
        elif h in request.absent:
            problems.append(f"table host {h} is marked absent")
    for kind, pairs in (("must-not-meet", request.must_not_meet),
                        ("keep-together", request.keep_together)):
        for a, b in pairs:
            for pid in (a, b):
                if pid not in index:
                    problems.append(f"{kind} pair names an unknown person: {pid}")
            if a == b:
                problems.append(f"{kind} pair names the same person twice: {a}")
    if request.table_questions and len(request.table_questions) != request.tables:
        problems.append(f"{len(request.table_questions)} table questions for {request.tables} "
                        "tables (one per table)")
    if request.objective not in ("repeats", "max_meetings"):
        problems.append(f"unknown objective {request.objective!r} (repeats or max_meetings)")
    if problems:
        raise InvalidInputError("the world-café request is not valid", problems)

    n = len(ids)
    groups = {g: i for i, g in enumerate(sorted({p.group for p in request.people if p.group}))}
    orgs = {o: i for i, o in enumerate(sorted(
        {p.organisation for p in request.people if p.organisation}))}
    group = [groups[p.group] if p.group and request.mix_groups else -1 for p in request.people]
    org = [orgs[p.organisation] if p.organisation and request.mix_organisations else -1
           for p in request.people]
    absent = set(request.absent)
    present = [i for i, pid in enumerate(ids) if pid not in absent]
    host_idx = [index[h] for h in hosts]
    host_table = {h: t for t, h in enumerate(host_idx)}

    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in request.keep_together:
        ia, ib = index[a], index[b]
        if (a in absent) != (b in absent):
            problems.append(f"keep-together pair {a}/{b}: only one of them is present")
        parent[find(ia)] = find(ib)
    comps: dict[int, list[int]] = {}
    for i in present:
        comps.setdefault(find(i), []).append(i)
    units = sorted(comps.values(), key=lambda u: u[0])
    unit_of = [-1] * n
    for u, members in enumerate(units):
        for i in members:
            unit_of[i] = u
    forbidden: list[set[int]] = [set() for _ in range(n)]
    for a, b in request.must_not_meet:
        ia, ib = index[a], index[b]
        forbidden[ia].add(ib)
        forbidden[ib].add(ia)
    cap = max(balanced_sizes(len(present), request.tables)) if present else 0
    for members in units:
        hosts_in = [i for i in members if i in host_table]
        if len(hosts_in) > 1:
            problems.append("keep-together links two table hosts: "
                            + ", ".join(ids[i] for i in hosts_in))
        room = cap - (1 if host_table and not hosts_in else 0)
        if len(members) > room:
            problems.append(f"keep-together group of {len(members)} does not fit a table of "
                            f"{cap}" + (" with its host" if room < cap else "") + ": "
                            + ", ".join(ids[i] for i in members))
        clash = [(ids[a], ids[b]) for a in members for b in members if a < b and b in forbidden[a]]
        for a, b in clash:
            problems.append(f"{a} and {b} must both meet and not meet")
    if problems:
        raise InvalidInputError("the world-café request is not valid", problems)

    frozen = len(history)
    hist = [[[index[pid] for pid in seats] for seats in past] for past in history]
    rounds_seated = [0] * n
    for played in hist:
        for sitting in played:
            for i in sitting:
                rounds_seated[i] += 1
    for i in present:
        rounds_seated[i] += request.rounds - frozen
    feasible = all(rounds_seated[i] <= request.tables for i in range(n) if i not in host_table)
    visited: list[set[int]] = [set() for _ in range(n)]
    for played in hist:
        for t, sitting in enumerate(played):
            for i in sitting:
                if i not in host_table:
                    if t in visited[i]:
                        feasible = False
                    visited[i].add(t)
    question_of: list[int] | None = None
    if request.table_questions:
        labels = {q: k for k, q in enumerate(dict.fromkeys(request.table_questions))}
        question_of = [labels[q] for q in request.table_questions]
    return Problem(
        request=request, ids=ids, group=group, org=org, tables=request.tables,
        rounds=request.rounds, frozen=frozen, hosts=host_idx, host_table=host_table,
        present=present, units=units, unit_of=unit_of, forbidden=forbidden, history=hist,
        visit_once=request.visit_once and feasible,
        visit_once_soft=request.visit_once and not feasible,
        group_count=len(groups), org_count=len(orgs),
        question_of=question_of, questions=len(set(question_of or ())),
    )


def measure_plan(pb: Problem, rounds: Sequence[Round],
                 teams: Sequence[Collection[str]] = ()) -> RotationMetrics:
    """`rotation_metrics` of `rounds` (ids, history included) for the request of `pb`;
    `teams`: the teams that moved together (their repeats counted apart)."""
    req = pb.request
    return rotation_metrics(
        rounds, req.people, tables=pb.tables, hosts=req.hosts,
        must_not_meet=req.must_not_meet, keep_together=req.keep_together,
        visit_once=req.visit_once, frozen_rounds=pb.frozen,
        table_questions=req.table_questions, teams=teams,
    )


def unmet_notes(metrics: RotationMetrics, codes: Collection[str] | None = None
                ) -> list[PlanNote]:  # fmt: skip
    """A note for each constraint the plan breaks ("must_not_meet_unmet", "visit_once_unmet",
    "keep_together_unmet", "unbalanced", in that order) with its count; `codes`: only
    these notes (None: all)."""
    counts = (("must_not_meet_unmet", metrics.forbidden_meetings),
              ("visit_once_unmet", metrics.visit_once_violations),
              ("keep_together_unmet", metrics.keep_together_violations),
              ("unbalanced", metrics.balance_violations))
    return [PlanNote(code, {"count": count}) for code, count in counts
            if count and (codes is None or code in codes)]
