"""`labkit rotate --json` without a session, answered without Typer, Rich or pydantic.

`fast_rotate(argv)` handles only a well-formed ad-hoc call (`--size N --tables T --rounds R`
plus the ad-hoc options) and returns None for anything else, which then goes through the Typer
app (so its messages and exit codes stay the only ones). The JSON is the same either way.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from labkit.planning import RotationPlan, RotationRequest

_INT = {"--size": 1, "--tables": 1, "--rounds": 1, "--seed": None}
_FLAGS = {"--hosts", "--visit-once", "--json"}


def parse_groups(value: str | None) -> list[tuple[str, int]] | None:
    """`A=16,B=8` as [("A", 16), ("B", 8)]; None when the syntax is wrong."""
    if not value:
        return []
    out = []
    for item in value.split(","):
        name, sep, count = item.partition("=")
        if not sep or not name.strip() or not count.strip().isdigit():
            return None
        out.append((name.strip(), int(count)))
    return out


def adhoc_request(size: int, tables: int, rounds: int, hosts: bool,
                  counts: list[tuple[str, int]], visit_once: bool, seed: int,
                  time_limit: float) -> RotationRequest:
    """People numbered 0..size-1 (the first `tables` hosting when `hosts`), groups dealt in
    order after the hosts."""
    from labkit.planning.rotation_model import RotationRequest
    from labkit.planning.seatable import Seatable

    first = tables if hosts else 0
    labels = [name for name, count in counts for _ in range(count)]
    people = [Seatable(str(i)) for i in range(first)]
    people += [Seatable(str(i), group=labels[i - first] if i - first < len(labels) else None)
               for i in range(first, size)]
    return RotationRequest(
        people=people, tables=tables, rounds=rounds,
        hosts=[str(i) for i in range(first)], visit_once=visit_once, seed=seed,
        time_limit=time_limit,
    )


def rotation_json(plan: RotationPlan, numeric: bool) -> dict[str, Any]:
    """The `--json` document: rounds (ids as numbers for ad-hoc plans) and metrics."""
    metrics: dict[str, Any] = dict(plan.metrics.as_dict())
    metrics.update({
        "method": plan.method, "seconds": round(plan.seconds, 3), "stopped_by": plan.stopped_by,
        "seed": plan.seed, "notes": [{"code": n.code, **n.params} for n in plan.notes],
        "verdict": plan.verdict, "moved": plan.moved,
    })
    return {
        "rounds": [[[int(x) if numeric else x for x in table] for table in rnd]
                   for rnd in plan.rounds],
        "metrics": metrics,
    }


def _parse(argv: list[str]) -> dict[str, Any] | None:
    values: dict[str, Any] = {"--seed": 0, "--time-limit": 1.0, "--groups": None}
    k = 0
    while k < len(argv):
        arg = argv[k]
        name, eq, inline = arg.partition("=")
        if arg in _FLAGS:
            values[arg] = True
            k += 1
            continue
        if name not in (*_INT, "--time-limit", "--groups"):
            return None
        if eq:
            raw = inline
            k += 1
        elif k + 1 < len(argv):
            raw = argv[k + 1]
            k += 2
        else:
            return None
        try:
            if name in _INT:
                value: Any = int(raw)
                low = _INT[name]
                if low is not None and value < low:
                    return None
            elif name == "--time-limit":
                value = float(raw)
                if not value >= 0.0:
                    return None
            else:
                value = raw
        except ValueError:
            return None
        values[name] = value
    if not values.get("--json") or any(n not in values for n in ("--size", "--tables",
                                                                  "--rounds")):
        return None
    return values


def fast_rotate(argv: list[str]) -> str | None:
    """The JSON line for an ad-hoc `rotate ... --json` call, or None to use the Typer app."""
    values = _parse(argv)
    if values is None:
        return None
    counts = parse_groups(values["--groups"])
    size, tables = values["--size"], values["--tables"]
    hosts = bool(values.get("--hosts"))
    first = tables if hosts else 0
    if counts is None or (hosts and tables > size) or sum(c for _, c in counts) > size - first:
        return None  # the Typer path prints the error
    from labkit.errors import InvalidInputError
    from labkit.planning.rotation import plan_rotation

    request = adhoc_request(size, tables, values["--rounds"], hosts, counts,
                            bool(values.get("--visit-once")), values["--seed"],
                            values["--time-limit"])
    try:
        plan = plan_rotation(request)
    except InvalidInputError:
        return None
    return json.dumps(rotation_json(plan, numeric=True), ensure_ascii=False)
