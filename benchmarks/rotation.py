"""World-café and interview-pair planning: quality and speed on the reference instances.

Prints one row per instance: size, tables, rounds, repeats, most meetings of a pair, the lower
bounds on repeats (absolute, and for plans whose max meetings is no higher), group-spread
deviation, seconds, the method used, and the same figures for a round-by-round search of the
Good Enough Golfers kind (`labkit.planning.baseline`) on the same instance (a "*" marks a
baseline plan breaking a hard constraint, e.g. a table revisited under visit-once).

    python benchmarks/rotation.py            # every instance
    python benchmarks/rotation.py --quick    # skip the slow baseline on 300 people
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass

from labkit.planning import RotationRequest, Seatable, interview_pairs, plan_rotation
from labkit.planning.baseline import good_enough_golfers
from labkit.planning.rotation_metrics import rotation_metrics


@dataclass(frozen=True)
class Instance:
    label: str
    size: int
    tables: int
    rounds: int
    hosts: bool = False
    groups: tuple[tuple[str, int], ...] = ()
    visit_once: bool = False
    designs: bool = True
    time_limit: float = 1.0


INSTANCES = [
    Instance("Kirkman's schoolgirls", 15, 5, 7),
    Instance("20 at 5 tables of 4", 20, 5, 5),
    Instance("32 at 8 tables of 4", 32, 8, 10),
    Instance("32 at 8x4, search only", 32, 8, 10, designs=False),
    Instance("40 at 8x5, 4 groups of 10", 40, 8, 4, groups=(("A", 10), ("B", 10), ("C", 10),
                                                             ("D", 10))),
    Instance("40 at 4x10 with hosts", 40, 4, 4, hosts=True),
    Instance("300 at 50 tables of 6", 300, 50, 10, time_limit=5.0),
    Instance("45 at 9x5, hosts, 3 groups", 45, 9, 4, hosts=True,
             groups=(("A", 18), ("B", 12), ("C", 6))),
    Instance("36 at 6x6, hosts, visit-once", 36, 6, 5, hosts=True, visit_once=True),
    Instance("24 at 6x4, search only", 24, 6, 6, designs=False),
]


def people_of(inst: Instance) -> list[Seatable]:
    first = inst.tables if inst.hosts else 0
    labels = [name for name, count in inst.groups for _ in range(count)]
    return [Seatable(str(i), group=labels[i - first] if 0 <= i - first < len(labels) else None)
            for i in range(inst.size)]


def row(cells: list[object]) -> str:
    widths = [30, 4, 4, 3, 6, 4, 4, 6, 5, 7, 8, 4, 7, 0]
    return " ".join(str(c).rjust(w) if i else str(c).ljust(w)
                    for i, (c, w) in enumerate(zip(cells, widths, strict=True)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the baseline on N > 100")
    args = parser.parse_args()
    print(row(["instance", "N", "T", "R", "rep", "max", "LB", "LB@max", "grp", "seconds",
               "GEG rep", "max", "GEG s", "method"]))
    for inst in INSTANCES:
        people = people_of(inst)
        hosts = [p.id for p in people[: inst.tables]] if inst.hosts else []
        request = RotationRequest(people, inst.tables, inst.rounds, hosts=hosts,
                                  visit_once=inst.visit_once, use_designs=inst.designs,
                                  time_limit=inst.time_limit)
        started = time.perf_counter()
        plan = plan_rotation(request)
        seconds = time.perf_counter() - started
        m = plan.metrics
        geg_rep: object = "-"
        geg_max: object = "-"
        geg_s: object = "-"
        if not (args.quick and inst.size > 100):
            started = time.perf_counter()
            rounds = good_enough_golfers([p.id for p in people], inst.tables, inst.rounds,
                                         hosts=hosts, visit_once=inst.visit_once)
            geg_s = f"{time.perf_counter() - started:.2f}"
            base = rotation_metrics(rounds, people, tables=inst.tables, hosts=hosts,
                                    visit_once=inst.visit_once)
            geg_rep = f"{base.repeats}*" if base.hard_violations else base.repeats
            geg_max = base.max_meetings
        print(row([inst.label, inst.size, inst.tables, inst.rounds, m.repeats, m.max_meetings,
                   m.repeats_lower_bound, m.repeats_lower_bound_at_max,
                   m.group_spread_deviation, f"{seconds:.3f}", geg_rep, geg_max, geg_s,
                   plan.method]))
    # interview pairs: 11 people, 11 rounds, one bye each, every pair exactly once
    people = [Seatable(str(i)) for i in range(11)]
    started = time.perf_counter()
    pairs = interview_pairs(people, 11, odd="bye")
    seconds = time.perf_counter() - started
    met = rotation_metrics(pairs.rounds, people, tables=6)
    byes = sorted(b for b in pairs.byes if b is not None)
    started = time.perf_counter()
    base_rounds = good_enough_golfers([p.id for p in people], 6, 11)
    base = rotation_metrics(base_rounds, people, tables=6)
    print(row(["pairs, 11 people, 11 rounds", 11, 6, 11, pairs.repeats, met.max_meetings,
               met.repeats_lower_bound, met.repeats_lower_bound_at_max, "-", f"{seconds:.3f}",
               base.repeats, base.max_meetings, f"{time.perf_counter() - started:.2f}",
               f"circle method; {met.distinct_pairs_met} pairs met once; "
               f"byes: {len(set(byes))} people once each"]))


if __name__ == "__main__":
    main()
