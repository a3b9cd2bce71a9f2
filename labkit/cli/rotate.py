"""`labkit rotate` (world-café seating) and `labkit pairs` (crossed-interview pairs).

Two forms each: with a SESSION (the block's settings and the session's participants; `--save`
writes `rotations/<block id>.json` through `labkit.store.seating`), or ad hoc with `--size N`
(participants numbered 0..N-1).
The computing is `labkit.planning`; this module only reads options and prints.
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING, Annotated, Any

import typer

from labkit.i18n import t

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Console

    from labkit.model import Block, Session
    from labkit.planning import PairsPlan, RotationPlan, RotationRequest, Seatable
    from labkit.store.session_folder import SessionFolder


def register(app: typer.Typer) -> None:
    """Add the `rotate` and `pairs` commands."""

    @app.command("rotate", help=t("planning.help.rotate"))
    def rotate_command(
        session: Annotated[str | None, typer.Argument(
            metavar="[SESSION]", help=t("planning.help.session"))] = None,
        block: Annotated[str | None, typer.Option(
            "--block", metavar="ID", help=t("planning.help.block"))] = None,
        save: Annotated[bool, typer.Option("--save", help=t("planning.help.save"))] = False,
        size: Annotated[int | None, typer.Option(
            "--size", min=1, metavar="N", help=t("planning.help.size"))] = None,
        tables: Annotated[int | None, typer.Option(
            "--tables", min=1, metavar="T", help=t("planning.help.tables"))] = None,
        rounds: Annotated[int | None, typer.Option(
            "--rounds", min=1, metavar="R", help=t("planning.help.rounds"))] = None,
        hosts: Annotated[bool, typer.Option("--hosts", help=t("planning.help.hosts"))] = False,
        groups: Annotated[str | None, typer.Option(
            "--groups", metavar='"A=16,B=8"', help=t("planning.help.groups"))] = None,
        visit_once: Annotated[bool, typer.Option(
            "--visit-once", help=t("planning.help.visit_once"))] = False,
        seed: Annotated[int, typer.Option("--seed", help=t("planning.help.seed"))] = 0,
        time_limit: Annotated[float, typer.Option(
            "--time-limit", min=0.0, metavar="SEC", help=t("planning.help.time_limit"))] = 1.0,
        as_json: Annotated[bool, typer.Option("--json", help=t("planning.help.json"))] = False,
    ) -> None:
        started = time.process_time()
        from labkit.cli import entry
        from labkit.planning import plan_rotation
        from labkit.planning.deadline import Deadline

        adhoc = {"--size": size, "--tables": tables, "--rounds": rounds,
                 "--groups": groups, "--hosts": hosts or None, "--visit-once": visit_once or None}
        if session is not None:
            _reject(adhoc)
            folder = _open(session)
            block_obj, day = _pick_block(folder.session, block, "world_cafe")
            request, names = _cafe_request(folder.session, block_obj, day, seed, time_limit)
        else:
            _reject({"--block": block, "--save": save or None}, session_only=True)
            missing = [name for name, value in (("--size", size), ("--tables", tables),
                                                ("--rounds", rounds)) if value is None]
            if missing:
                raise typer.BadParameter(t("planning.err.adhoc_needs", options=", ".join(missing)))
            assert size is not None and tables is not None and rounds is not None
            request = _adhoc_request(size, tables, rounds, hosts, groups, visit_once, seed,
                                     time_limit)
            names = {}
        # --time-limit is the whole command's CPU: when the command is the process (not called
        # from a test or another program), its start-up and imports are taken off the search
        spent = time.process_time() - (0.0 if entry.OWNS_PROCESS else started)
        plan = plan_rotation(request, deadline=Deadline.for_process(time_limit, spent))
        if as_json:
            typer.echo(json.dumps(_rotation_json(plan, numeric=session is None),
                                  ensure_ascii=False))
        else:
            _print_rotation(plan, request, names)
        if save and session is not None:
            path = _save(folder, block_obj.id, plan.rounds, plan.as_dict())
            if not as_json:
                _console().print(t("planning.out.saved", path=path))

    @app.command("pairs", help=t("planning.help.pairs"))
    def pairs_command(
        session: Annotated[str | None, typer.Argument(
            metavar="[SESSION]", help=t("planning.help.session"))] = None,
        block: Annotated[str | None, typer.Option(
            "--block", metavar="ID", help=t("planning.help.block"))] = None,
        rounds: Annotated[int, typer.Option(
            "--rounds", min=1, metavar="K", help=t("planning.help.pairs_rounds"))] = 1,
        save: Annotated[bool, typer.Option("--save", help=t("planning.help.save"))] = False,
        as_json: Annotated[bool, typer.Option("--json", help=t("planning.help.json"))] = False,
        size: Annotated[int | None, typer.Option(
            "--size", min=1, metavar="N", help=t("planning.help.size"))] = None,
    ) -> None:
        from labkit.model import CrossedInterviewsConfig
        from labkit.planning import Seatable, interview_pairs, planned_regroups
        from labkit.planning.pairs import PAIR_ACROSS

        regroup = 0
        across: Sequence[str] = PAIR_ACROSS
        if session is not None:
            _reject({"--size": size})
            folder = _open(session)
            block_obj, day = _pick_block(folder.session, block, "crossed_interviews")
            people, names = _attendees(folder.session, block_obj, day)
            assert isinstance(block_obj.method, CrossedInterviewsConfig)
            regroup = block_obj.method.regroup_size
            across = block_obj.method.pair_across
        else:
            _reject({"--block": block, "--save": save or None}, session_only=True)
            if size is None:
                raise typer.BadParameter(t("planning.err.adhoc_needs", options="--size"))
            people, names = [Seatable(str(i)) for i in range(size)], {}
        plan = interview_pairs(people, rounds, across=across)
        if save and session is not None:
            path = _save(folder, block_obj.id, plan.rounds, plan.as_dict())
        if as_json:
            numeric = session is None
            typer.echo(json.dumps({"rounds": [[[_id(x, numeric) for x in g] for g in rnd]
                                              for rnd in plan.rounds]}, ensure_ascii=False))
            return
        found = [planned_regroups(rnd, people, regroup, seed=k)
                 for k, rnd in enumerate(plan.rounds)]
        regroups = [groups for groups in found if groups is not None]
        _print_pairs(plan, people, names, regroups)
        if save and session is not None:
            _console().print(t("planning.out.saved", path=path))


# -- reading options -------------------------------------------------------------------------
def _reject(options: dict[str, Any], session_only: bool = False) -> None:
    for name, value in options.items():
        if value is not None:
            key = "planning.err.session_only" if session_only else "planning.err.session_and_adhoc"
            raise typer.BadParameter(t(key, option=name), param_hint=name)


def _parse_groups(value: str | None) -> list[tuple[str, int]]:
    from labkit.cli.rotate_adhoc import parse_groups

    out = parse_groups(value)
    if out is None:
        raise typer.BadParameter(t("planning.err.groups_syntax", value=value),
                                 param_hint="--groups")
    return out


def _adhoc_request(size: int, tables: int, rounds: int, hosts: bool, groups: str | None,
                   visit_once: bool, seed: int, time_limit: float) -> RotationRequest:
    from labkit.cli.rotate_adhoc import adhoc_request
    from labkit.errors import InvalidInputError

    counts = _parse_groups(groups)
    first = tables if hosts else 0
    problems = []
    if hosts and tables > size:
        problems.append(t("planning.err.hosts_too_many", tables=tables, size=size))
    total = sum(c for _, c in counts)
    if total > size - first:
        problems.append(t("planning.err.groups_too_many", total=total,
                          available=max(size - first, 0)))
    if problems:
        raise InvalidInputError(t("planning.err.bad_adhoc"), problems)
    return adhoc_request(size, tables, rounds, hosts, counts, visit_once, seed, time_limit)


def _open(arg: str) -> SessionFolder:
    from labkit.store.session_folder import open_session

    return open_session(arg)


def _pick_block(session: Session, block_id: str | None, method: str) -> tuple[Block, int]:
    from labkit.errors import InvalidInputError

    method_word = t(f"method.{method}")
    if block_id is not None:
        found = session.block(block_id)
        if found is None:
            raise InvalidInputError(t("planning.err.unknown_block", session=session.slug,
                                      block=block_id))
        if found.method_type != method:
            raise InvalidInputError(t("planning.err.wrong_method", block=block_id,
                                      method=method_word))
        return found, session.day_of_block(block_id) or 1
    candidates = [(n, b) for n, b in session.blocks() if b.method_type == method]
    if not candidates:
        raise InvalidInputError(t("planning.err.no_block", session=session.slug,
                                  method=method_word))
    if len(candidates) > 1:
        raise InvalidInputError(t("planning.err.which_block", session=session.slug,
                                  method=method_word,
                                  ids=", ".join(b.id for _, b in candidates)))
    day, found = candidates[0]
    return found, day


def _attendees(session: Session, block: Block, day: int) -> tuple[list[Seatable], dict]:
    from labkit.errors import InvalidInputError
    from labkit.planning.session_requests import seatable

    attendees = session.attendees(day)
    if not attendees:
        raise InvalidInputError(t("planning.err.no_participants", block=block.id, day=day))
    return [seatable(p) for p in attendees], _names(session, [p.id for p in attendees])


def _names(session: Session, ids: list[str]) -> dict[str, tuple[str, str, str | None]]:
    """Display name, group label and organisation per participant id, for the printed plan."""
    names = {}
    for pid in ids:
        person = session.participant(pid)
        if person is None:
            continue
        group = session.group(person.group)
        names[pid] = (person.display_name, group.label if group else person.group,
                      person.organisation)
    return names


def _cafe_request(session: Session, block: Block, day: int, seed: int,
                  time_limit: float) -> tuple[RotationRequest, dict]:
    from labkit.planning.session_requests import cafe_request

    request = cafe_request(session, block, day, seed=seed, time_limit=time_limit)
    return request, _names(session, [p.id for p in request.people])


def _save(folder: SessionFolder, block_id: str, rounds: Sequence[Sequence[Sequence[str]]],
          planner: dict[str, Any]) -> str:
    from labkit.store.seating import write_plan

    return str(write_plan(folder.rotations_dir, block_id, rounds, planner))


# -- output ----------------------------------------------------------------------------------
def _id(value: str, numeric: bool) -> Any:
    return int(value) if numeric else value


def _rotation_json(plan: RotationPlan, numeric: bool) -> dict[str, Any]:
    from labkit.cli.rotate_adhoc import rotation_json

    return rotation_json(plan, numeric)


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def _label(pid: str, names: dict, hosts: set[str] | None = None) -> str:
    from rich.markup import escape

    name, group, org = names.get(pid, (pid, None, None))
    extra = " · ".join(str(x) for x in (group, org) if x)
    text = escape(str(name)) + (f" [dim]({escape(extra)})[/]" if extra else "")
    if hosts and pid in hosts:
        text = f"[bold]{text} ★ {t('planning.out.host')}[/]"
    return text


def _print_rotation(plan: RotationPlan, request: RotationRequest, names: dict) -> None:
    from rich.table import Table

    from labkit.i18n import format_number

    console = _console()
    info = {p.id: p for p in request.people}
    if not names:
        names = {p.id: (p.id, p.group, None) for p in request.people}
    present = sum(1 for p in request.people if p.id not in request.absent)
    title = t("planning.out.cafe_title", people=present, tables=request.tables,
              rounds=request.rounds)
    console.print(f"[bold]{title}[/]")
    hosts = set(plan.hosts)
    for number, rnd in enumerate(plan.rounds, 1):
        table = Table(title=t("planning.out.round", number=number), title_justify="left")
        table.add_column(t("planning.out.table"), justify="right")
        table.add_column(t("planning.out.people"))
        for index, seated in enumerate(rnd, 1):
            ordered = sorted(seated, key=lambda p: (p not in hosts, str(info[p].group), p))
            table.add_row(str(index), ", ".join(_label(p, names, hosts) for p in ordered))
        console.print(table)
    routes = Table(title=t("planning.out.routes"), title_justify="left", show_header=False)
    routes.add_column()
    routes.add_column()
    team_of = {pid: team["name"] for team in plan.named_teams for pid in team["members"]}
    for person in request.people:
        steps = [
            t("planning.out.route_step", round=r, table=tab + 1) if tab is not None
            else t("planning.out.route_away", round=r)
            for r, tab in enumerate(plan.route(person.id), 1)
        ]
        team = team_of.get(person.id)
        if team is not None:
            steps.insert(0, t("planning.out.team", team=team))
        routes.add_row(_label(person.id, names, hosts), " · ".join(steps))
    console.print(routes)
    _print_metrics(console, plan, questions=bool(request.table_questions))
    console.print(t("planning.out.method", method=plan.method,
                    seconds=format_number(plan.seconds, digits=2)))
    for note in plan.notes:
        params = dict(note.params)
        if "person" in params:
            params["person"] = names.get(params["person"], (params["person"],))[0]
        console.print(f"[yellow]{t('planning.note.' + note.code, **params)}[/]")


def _print_metrics(console: Console, plan: RotationPlan, questions: bool = False) -> None:
    """The plan's figures and its verdict; `questions`: tables keep a question, so the
    questions met again are shown and count in the gap like repeats."""
    from rich.table import Table

    m = plan.metrics
    rows = ["repeats", "max_meetings", "pairs_met_more_than_once", "repeats_lower_bound",
            "repeats_lower_bound_at_max", "group_spread_deviation", "organisation_clashes"]
    if questions:
        rows[1:1] = ["question_revisits", "question_revisits_lower_bound"]
    if plan.teams:
        rows.insert(1, "teammate_repeats")
    if m.table_revisits or plan.notes:
        rows.append("table_revisits")
    rows.append("hard_violations")
    table = Table(title=t("planning.out.metrics"), title_justify="left", show_header=False)
    table.add_column()
    table.add_column(justify="right")
    data = m.as_dict()
    for key in rows:
        table.add_row(t(f"planning.metric.{key}"), str(data[key]))
    console.print(table)
    if plan.teams:  # teams fix the plan: teammates meet again on purpose
        console.print(t("planning.out.teams_together", teammates=m.teammate_repeats,
                        others=m.repeats - m.teammate_repeats))
    elif plan.verdict == "optimal":  # proven: every figure at its lower bound
        key = "planning.out.optimal_questions" if questions else "planning.out.optimal"
        console.print(f"[green]{t(key)}[/]")
    else:  # not proven: "at most N above the best possible", or at the bound when N is 0
        gap = m.repeats - m.repeats_lower_bound
        if questions:
            gap += m.question_revisits - m.question_revisits_lower_bound
        key = "planning.out.gap_questions" if questions else "planning.out.gap"
        console.print(t(key + ("_none" if gap == 0 else ""), gap=gap))


def _print_pairs(plan: PairsPlan, people: list[Seatable], names: dict,
                 regroups: list[tuple[tuple[str, ...], ...]]) -> None:
    from rich.table import Table

    console = _console()
    if not names:
        names = {p.id: (p.id, None, None) for p in people}
    title = t("planning.out.pairs_title", people=len(people), rounds=len(plan.rounds))
    console.print(f"[bold]{title}[/]")
    for number, rnd in enumerate(plan.rounds, 1):
        table = Table(title=t("planning.out.round", number=number), title_justify="left")
        table.add_column(t("planning.out.group"), justify="right")
        table.add_column(t("planning.out.people"))
        for index, group in enumerate(rnd, 1):
            table.add_row(str(index), " ↔ ".join(_label(p, names) for p in group))
        console.print(table)
        bye = plan.byes[number - 1]
        if bye:
            console.print(t("planning.out.bye", number=number, name=names.get(bye, (bye,))[0]))
        if regroups:
            grouped = Table(title=t("planning.out.regroups", number=number), title_justify="left")
            grouped.add_column(t("planning.out.regroup"), justify="right")
            grouped.add_column(t("planning.out.people"))
            for index, group in enumerate(regroups[number - 1], 1):
                grouped.add_row(str(index), ", ".join(_label(p, names) for p in group))
            console.print(grouped)
    summary = Table(title=t("planning.out.metrics"), title_justify="left", show_header=False)
    summary.add_column()
    summary.add_column(justify="right")
    summary.add_row(t("planning.metric.repeats"), str(plan.repeats))
    summary.add_row(t("planning.metric.same_organisation"), str(plan.same_organisation))
    if plan.same_territory is not None:
        summary.add_row(t("planning.metric.same_territory"), str(plan.same_territory))
    summary.add_row(t("planning.metric.same_group"), str(plan.same_group))
    console.print(summary)
