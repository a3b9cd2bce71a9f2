"""World café with teams that move together (`WorldCafeConfig.teams`).

Team N (1-based) sits at table N in round 1, then every team moves on one table a round (a
shift: team k at table (k + r) mod T in round r, 0-based); hosts stay at their table. With as
many rounds as tables at most, no team meets a table (a question) twice and people of two
teams never sit together: the repeats are teammates meeting again, which is the point.

Re-plans keep the teams: someone gone leaves their team, a late arrival joins the smallest
team (a note says which), nobody else moves.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from labkit.errors import InvalidInputError
from labkit.planning.rotation_model import (
    PlanNote,
    RotationPlan,
    RotationRequest,
    build_problem,
    default_team_names,
    measure_plan,
    unmet_notes,
)
from labkit.planning.seatable import Round, freeze_rounds

Rounds = Sequence[Sequence[Sequence[str]]]


def team_table(team: int, round_index: int, tables: int) -> int:
    """The 0-based table of 0-based `team` in 0-based `round_index`."""
    return (team + round_index) % tables


def teams_in_rounds(rounds: Rounds, hosts: Sequence[str], count: int) -> list[list[str]]:
    """The `count` teams recovered from a team plan: a person's team is read from the first
    round that seats them (table t in round r: team (t - r) mod T); hosts are in none."""
    out: list[list[str]] = [[] for _ in range(count)]
    seen = set(hosts)
    for r, rnd in enumerate(rounds):
        for t, table in enumerate(rnd):
            team = (t - r) % len(rnd)
            for pid in table:
                if pid not in seen:
                    seen.add(pid)
                    if team < count:
                        out[team].append(pid)
    return out


def team_of(rounds: Rounds, hosts: Sequence[str], names: Sequence[str]) -> dict[str, str]:
    """person id -> team name, for a plan made with teams `names` (team 1 first)."""
    teams = teams_in_rounds(rounds, hosts, len(names))
    return {pid: names[k] for k, members in enumerate(teams) for pid in members}


def team_at_table(names: Sequence[str], table: int, round_number: int, tables: int
                  ) -> str | None:  # fmt: skip
    """The name of the team at 1-based `table` in 1-based `round_number`, or None."""
    team = (table - round_number) % tables
    return names[team] if team < len(names) else None


def _check(request: RotationRequest) -> None:
    problems = []
    if len(request.teams) > request.tables:
        problems.append(f"{len(request.teams)} teams for {request.tables} tables "
                        "(one team a table at most)")
    if request.team_names and len(request.team_names) != len(request.teams):
        problems.append(f"{len(request.team_names)} team names for {len(request.teams)} teams")
    known = {p.id for p in request.people}
    members = [pid for team in request.teams for pid in team]
    unknown = sorted(set(members) - known)
    if unknown:
        problems.append(f"teams name unknown people: {', '.join(unknown)}")
    if len(set(members)) != len(members):
        problems.append("someone is in two teams")
    hosted = sorted(set(members) & set(request.hosts))
    if hosted:
        problems.append(f"a table host cannot move with a team: {', '.join(hosted)}")
    if problems:
        raise InvalidInputError("the world-café request is not valid", problems)


def present_teams(request: RotationRequest) -> tuple[list[list[str]], list[PlanNote]]:
    """The teams of the rounds to plan: absent people leave their team; someone present in
    no team (a late arrival) joins the smallest team, the first one on a tie (noted)."""
    absent = set(request.absent)
    teams = [[pid for pid in team if pid not in absent] for team in request.teams]
    placed = {pid for team in request.teams for pid in team} | set(request.hosts)
    names = list(request.team_names) or default_team_names(len(teams))
    notes = []
    for person in request.people:
        if person.id in placed or person.id in absent or not teams:
            continue
        k = min(range(len(teams)), key=lambda k: (len(teams[k]), k))
        teams[k].append(person.id)
        notes.append(PlanNote("team_joined", {"person": person.id, "team": names[k]}))
    return teams, notes


def plan_team_rotation(request: RotationRequest) -> RotationPlan:
    """The team rotation for `request` (its `teams` set), after the `history` rounds.

    Measured by `rotation_metrics` like any plan, with the teammates' repeats counted apart;
    raises InvalidInputError for an inconsistent request (more teams than tables...)."""
    started = time.perf_counter()
    _check(request)
    pb = build_problem(request)
    teams, notes = present_teams(request)
    planned: list[Round] = []
    for r in range(pb.frozen, pb.rounds):
        rnd: list[list[str]] = [[h] if h not in request.absent else []
                                for h in request.hosts] or [[] for _ in range(pb.tables)]
        for k, members in enumerate(teams):
            rnd[team_table(k, r, pb.tables)].extend(members)
        planned.append(tuple(tuple(table) for table in rnd))
    rounds = (*freeze_rounds(request.history), *planned)
    metrics = measure_plan(pb, rounds, teams=teams)
    if request.visit_once and not pb.visit_once:
        notes.append(PlanNote("visit_once_infeasible", {"rounds": pb.rounds, "tables": pb.tables}))
    notes += unmet_notes(metrics, codes=("visit_once_unmet", "unbalanced"))
    moved = 0
    if request.plan_in_force:
        from labkit.planning.rotation_replan import moved_seats

        moved = moved_seats(request.plan_in_force, planned)
    return RotationPlan(
        rounds=rounds, metrics=metrics, hosts=tuple(request.hosts), frozen_rounds=pb.frozen,
        method="team rotation", notes=tuple(notes), seconds=time.perf_counter() - started,
        stopped_by="teams", seed=request.seed, moved=moved,
        teams=tuple(tuple(team) for team in teams), team_names=tuple(request.team_names),
    )
