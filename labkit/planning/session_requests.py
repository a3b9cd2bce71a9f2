"""Planner requests built from a session plan: who sits in a world-café block, with its hosts.

One place for the rule shared by `labkit rotate` and the live app's re-planning: the seated
people of the block's day (or exactly the people in the room, once the session runs), the hosts
of the block always seated at their table, and the rounds already played kept as history.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from labkit.errors import InvalidInputError
from labkit.i18n import t
from labkit.model import Block, Participant, QuestionMode, Session, WorldCafeConfig
from labkit.planning.rotation_model import RotationRequest
from labkit.planning.seatable import Seatable
from labkit.planning.team_rotation import teams_in_rounds
from labkit.planning.teams import balanced_teams


def seatable(person: Participant) -> Seatable:
    """The planner's view of a participant: id, group, organisation, territory."""
    return Seatable(person.id, person.group, person.organisation, person.territory)


def cafe_request(
    session: Session,
    block: Block,
    day: int,
    *,
    present: Collection[str] | None = None,
    history: Sequence[Sequence[Sequence[str]]] = (),
    seed: int = 0,
    time_limit: float = 1.0,
    plan_in_force: Sequence[Sequence[Sequence[str]]] = (),
) -> RotationRequest:
    """The rotation request for world-café `block` on day `day`.

    Without `present`, everyone seated who attends that day takes part (planning ahead). With
    `present` (the people in the room), those people take part, and the people of `history` (the
    rounds already played, kept as they were) who have left count as absent. A host must be in
    the room: a clear error names the hosts who are not. With `plan_in_force` (the rounds after
    `history` as planned before) the re-plan starts from it and moves few people. Tables that
    keep their question pass it on, so that nobody meets a question twice if it can be helped.
    With `teams` in the block, the non-host people are dealt into balanced teams (groups and
    territories mixed; see `cafe_teams`) that move together.
    """
    config = block.method
    if not isinstance(config, WorldCafeConfig):
        raise InvalidInputError(
            t("planning.err.wrong_method", block=block.id, method=t("method.world_cafe"))
        )
    hosts = list(config.hosts)
    played = {pid for tables in history for table in tables for pid in table}
    if present is None:
        chosen = session.attendees(day)
        absent: set[str] = set()
    else:
        here = set(present)
        chosen = [
            p for p in session.participants if p.role.seated and (p.id in here or p.id in played)
        ]
        absent = {p.id for p in chosen if p.id not in here}
        gone = [h for h in hosts if h not in here]
        if gone:
            names = ", ".join(_name(session, h) for h in gone)
            raise InvalidInputError(t("planning.err.host_absent", names=names))
    if not chosen:
        raise InvalidInputError(t("planning.err.no_participants", block=block.id, day=day))
    chosen_ids = {p.id for p in chosen}
    for host_id in hosts:  # a host sits at their table even if role or days say otherwise
        host = session.participant(host_id)
        if host is not None and host_id not in chosen_ids:
            chosen.append(host)
            chosen_ids.add(host_id)
    people = [seatable(p) for p in chosen]
    return RotationRequest(
        people=people,
        tables=config.tables,
        rounds=config.rounds,
        hosts=hosts,
        visit_once=config.visit_once,
        history=[[list(table) for table in tables] for tables in history],
        absent=frozenset(absent),
        seed=seed,
        time_limit=time_limit,
        plan_in_force=[[list(table) for table in tables] for tables in plan_in_force],
        table_questions=table_questions(config),
        teams=cafe_teams(config, people, [*history, *plan_in_force], seed),
        team_names=tuple(config.teams),
    )


def cafe_teams(config: WorldCafeConfig, people: Sequence[Seatable],
               rounds: Sequence[Sequence[Sequence[str]]], seed: int = 0
               ) -> tuple[tuple[str, ...], ...]:  # fmt: skip
    """The block's teams (members' ids, team 1 first), empty without `teams`.

    With rounds already planned or played, the teams are read from them (so a re-plan keeps
    them; someone they do not seat joins a team in the planner); otherwise the non-host
    people are dealt into balanced teams mixing stakeholder groups, then territories."""
    if not config.teams:
        return ()
    count = len(config.teams)
    if count > config.tables:
        raise InvalidInputError(t("planning.err.teams_more_than_tables", teams=count,
                                  tables=config.tables))
    if any(any(rnd) for rnd in rounds):
        return tuple(tuple(team) for team in teams_in_rounds(rounds, config.hosts, count))
    hosts = set(config.hosts)
    movers = [p for p in people if p.id not in hosts]
    dealt = balanced_teams(movers, count, seed=seed, mix_territories=True)
    return tuple(team.members for team in dealt)


def table_questions(config: WorldCafeConfig) -> tuple[int, ...]:
    """What each table holds for the planner's question term: its question when tables keep
    their question ("per_table"); with one question a round, the table itself (nobody but a
    host stays at one table when it can be helped)."""
    if config.question_mode != QuestionMode.PER_TABLE:
        return tuple(range(1, config.tables + 1))
    return tuple(config.question_at(t, 1) for t in range(1, config.tables + 1))


def _name(session: Session, participant_id: str) -> str:
    person = session.participant(participant_id)
    return person.display_name if person else participant_id
