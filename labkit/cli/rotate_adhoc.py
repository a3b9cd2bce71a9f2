"""The ad-hoc `labkit rotate --size N --tables T --rounds R` (no session): the request, the
`--groups` syntax and the `--json` document."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from labkit.planning import RotationPlan, RotationRequest



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
    out: dict[str, Any] = {
        "rounds": [[[int(x) if numeric else x for x in table] for table in rnd]
                   for rnd in plan.rounds],
        "metrics": metrics,
    }
    if plan.teams:  # teams that moved together (a café with `teams`)
        out["teams"] = plan.named_teams
    return out
