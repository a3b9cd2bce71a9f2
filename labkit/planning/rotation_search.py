"""Tabu search over same-round swaps for the world-café planner.

The state keeps the meeting counts of every pair (history included) and per-table group and
organisation counts, so a swap is evaluated in O(table size). The scalar cost weighs, from the
heaviest: must-not-meet meetings, table revisits (visit-once), Σ over pairs of a steep convex
function of meetings (so repeats are spread and no pair meets three times while others could
meet twice), group-spread deviation, same-organisation pairs. Each step picks a person in
conflict, evaluates every swap with someone at another table of the same round (and moves to a
smaller table), and takes the best move that is not tabu (unless it beats the best plan found).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from labkit.planning.rotation_model import Problem

Key = tuple[int, int, int, int, int, int]
PlannedRounds = list[list[list[int]]]


class TabuSearch:
    """Search state over the planned rounds of `problem`, starting from `start`."""

    def __init__(self, problem: Problem, start: PlannedRounds, rng: random.Random) -> None:
        self.pb = problem
        self.rng = rng
        self.n = len(problem.ids)
        self.T = problem.tables
        self.F = problem.frozen
        self.R = problem.rounds
        smax = max(problem.sizes()) if problem.present else 1
        base = 8
        self.w = [0, 0] + [(k - 1) * base ** (k - 2) for k in range(2, self.R + 3)]
        self.inc = [self.w[k + 1] - self.w[k] for k in range(self.R + 2)]
        self.dec = [0] + [self.w[k] - self.w[k - 1] for k in range(1, self.R + 3)]
        self.W_ORG = 1
        self.W_GROUP = 4 * smax + 1
        self.W_PAIR = 4 * self.W_GROUP + 4 * smax + 1
        self.W_VISIT = self.W_PAIR * self.w[min(self.R + 1, len(self.w) - 1)] * 2 * smax + 1
        self.W_HARD = self.W_VISIT * (2 * smax + 2)
        self.visit_on = problem.visit_once or problem.visit_once_soft
        self.movable = [False] * self.n
        for members in problem.units:
            if len(members) == 1 and members[0] not in problem.host_table:
                self.movable[members[0]] = True
        self.multi_units = [u for u in problem.units if len(u) > 1
                            and not any(i in problem.host_table for i in u)]
        counts = [0] * max(problem.group_count, 1)
        for i in problem.present:
            if problem.group[i] >= 0:
                counts[problem.group[i]] += 1
        self.lo = [c // self.T for c in counts]
        self.hi = [-(-c // self.T) for c in counts]
        self.tabu = [[0] * (self.n * self.T) for _ in range(self.R)]
        self.version = 0
        self._leave = [[0] * self.n for _ in range(self.R)]
        self._leave_version = [-1] * self.R
        self.it = 0
        self.same_group = False
        self.sample = 16
        self.tenure = 2
        self.refresh = 4
        self.stall_base, self.stall_per_person = 500, 10
        self.restart_from_best = True
        self.kick = 2
        self.wander = 2
        self.route_sample = 4
        """Only swap people of the same stakeholder group (keeps a balanced group spread)."""
        self.load(start)

    # ----------------------------------------------------------------- state
    def load(self, planned: PlannedRounds) -> None:
        """Set the planned rounds and recompute every count from scratch."""
        pb, n, T = self.pb, self.n, self.T
        self.version += 1
        self.tab = [[list(t) for t in rnd] for rnd in pb.history] + [
            [list(t) for t in rnd] for rnd in planned]
        self.where = [[-1] * n for _ in range(self.R)]
        for r, rnd in enumerate(self.tab):
            for t, table in enumerate(rnd):
                for i in table:
                    self.where[r][i] = t
        self.meet = [[0] * n for _ in range(n)]
        self.cnt = [0] * (self.R + 3)
        self.cnt[0] = n * (n - 1) // 2
        self.pair_cost = self.rep = self.forb = 0
        for rnd in self.tab:
            for table in rnd:
                for x, a in enumerate(table):
                    for b in table[x + 1:]:
                        self._meet(a, b, 1)
        self.forb = 0
        for rnd in self.tab[self.F:]:
            for table in rnd:
                for x, a in enumerate(table):
                    self.forb += sum(1 for b in table[x + 1:] if b in pb.forbidden[a])
        n_groups, n_orgs = max(pb.group_count, 1), max(pb.org_count, 1)
        self.gcnt = [[[0] * n_groups for _ in range(T)] for _ in range(self.R)]
        self.ocnt = [[[0] * n_orgs for _ in range(T)] for _ in range(self.R)]
        self.visits = [[0] * T for _ in range(n)]
        for r, rnd in enumerate(self.tab):
            for t, table in enumerate(rnd):
                for i in table:
                    if pb.group[i] >= 0:
                        self.gcnt[r][t][pb.group[i]] += 1
                    if pb.org[i] >= 0:
                        self.ocnt[r][t][pb.org[i]] += 1
                    if i not in pb.host_table:
                        self.visits[i][t] += 1
        self.group_dev = sum(self._dev(g, c) for r in range(self.F, self.R)
                             for row in self.gcnt[r] for g, c in enumerate(row))
        self.org_clash = sum(c * (c - 1) // 2 for r in range(self.F, self.R)
                             for row in self.ocnt[r] for c in row)
        self.revisits = sum(v - 1 for row in self.visits for v in row if v > 1)

    def planned(self) -> PlannedRounds:
        """A copy of the planned rounds."""
        return [[list(t) for t in rnd] for rnd in self.tab[self.F:]]

    def _dev(self, g: int, c: int) -> int:
        lo, hi = self.lo[g], self.hi[g]
        return lo - c if c < lo else (c - hi if c > hi else 0)

    def _meet(self, a: int, b: int, d: int) -> None:
        row = self.meet[a]
        old = row[b]
        new = old + d
        row[b] = new
        self.meet[b][a] = new
        self.pair_cost += self.w[new] - self.w[old]
        if new > old:
            if old >= 1:
                self.rep += 1
        elif new >= 1:
            self.rep -= 1
        self.cnt[old] -= 1
        self.cnt[new] += 1

    def max_meetings(self) -> int:
        """Most times any pair meets."""
        for k in range(len(self.cnt) - 1, 0, -1):
            if self.cnt[k]:
                return k
        return 0

    def key(self) -> Key:
        """Lexicographic quality: hard, revisits, max meetings, repeats, groups, organisations."""
        return (self.forb, self.revisits if self.visit_on else 0, self.max_meetings(), self.rep,
                self.group_dev, self.org_clash)

    def cost(self) -> int:
        """The scalar cost the search minimises."""
        return (self.W_HARD * self.forb + (self.W_VISIT * self.revisits if self.visit_on else 0)
                + self.W_PAIR * self.pair_cost + self.W_GROUP * self.group_dev
                + self.W_ORG * self.org_clash)

    # ----------------------------------------------------------------- moves
    def relocate(self, r: int, a: int, dest: int) -> None:
        """Move person `a` to table `dest` in round `r` (no one moves the other way)."""
        pb = self.pb
        self.version += 1
        src = self.where[r][a]
        source, target = self.tab[r][src], self.tab[r][dest]
        source.remove(a)
        fa = pb.forbidden[a]
        for x in source:
            self._meet(a, x, -1)
            if x in fa:
                self.forb -= 1
        for y in target:
            self._meet(a, y, 1)
            if y in fa:
                self.forb += 1
        target.append(a)
        self.where[r][a] = dest
        g = pb.group[a]
        if g >= 0:
            gs, gd = self.gcnt[r][src], self.gcnt[r][dest]
            self.group_dev -= self._dev(g, gs[g]) + self._dev(g, gd[g])
            gs[g] -= 1
            gd[g] += 1
            self.group_dev += self._dev(g, gs[g]) + self._dev(g, gd[g])
        o = pb.org[a]
        if o >= 0:
            os_, od = self.ocnt[r][src], self.ocnt[r][dest]
            self.org_clash += od[o] - (os_[o] - 1)
            os_[o] -= 1
            od[o] += 1
        if a not in pb.host_table:
            v = self.visits[a]
            self.revisits += (1 if v[dest] >= 1 else 0) - (1 if v[src] >= 2 else 0)
            v[src] -= 1
            v[dest] += 1

    def swap(self, r: int, a: int, b: int) -> None:
        """Exchange the tables of `a` and `b` in round `r`."""
        ta, tb = self.where[r][a], self.where[r][b]
        self.relocate(r, a, tb)
        self.relocate(r, b, ta)

    def _swap_delta(self, r: int, a: int, b: int) -> int:
        before = self.cost()
        self.swap(r, a, b)
        after = self.cost()
        self.swap(r, a, b)
        return after - before

    # ----------------------------------------------------------------- search
    def conflicts(self) -> list[tuple[int, int]]:
        """(round, person) pairs where the person's table costs something."""
        pb, meet, out = self.pb, self.meet, []
        for r in range(self.F, self.R):
            for t, table in enumerate(self.tab[r]):
                gdev = any(self._dev(g, c) for g, c in enumerate(self.gcnt[r][t]))
                ocnt = self.ocnt[r][t]
                for a in table:
                    if a in pb.host_table:
                        continue
                    row, fa = meet[a], pb.forbidden[a]
                    if (gdev or (pb.org[a] >= 0 and ocnt[pb.org[a]] > 1)
                            or (self.visit_on and self.visits[a][t] > 1)
                            or any(row[x] > 1 or x in fa for x in table)):
                        out.append((r, a))
        return out

    def _leave_costs(self, r: int) -> list[int]:
        """For each person b of round r: Σ dec[meetings] over b's tablemates (cached)."""
        if self._leave_version[r] == self.version:
            return self._leave[r]
        meet, dec = self.meet, self.dec
        out = self._leave[r]
        for table in self.tab[r]:
            for b in table:
                mb = meet[b]
                total = 0
                for y in table:
                    total += dec[mb[y]]
                out[b] = total - dec[mb[b]]
        self._leave_version[r] = self.version
        return out

    def best_move(self, r: int, a: int, best_cost: int) -> tuple[int, int, int] | None:
        """The best admissible (delta, b or -1, table) move of `a` in round `r`."""
        pb, T = self.pb, self.T
        where, tabr, meet = self.where[r], self.tab[r], self.meet
        inc = self.inc
        WP, WG, WO, WV, WH = self.W_PAIR, self.W_GROUP, self.W_ORG, self.W_VISIT, self.W_HARD
        leave = self._leave_costs(r)
        A = where[a]
        src = tabr[A]
        ma = meet[a]
        others_a = [x for x in src if x != a]
        loss_a = leave[a]
        fa = pb.forbidden[a]
        ga, oa = pb.group[a], pb.org[a]
        group_of, org_of, forbidden = pb.group, pb.org, pb.forbidden
        gA, oA = self.gcnt[r][A], self.ocnt[r][A]
        dev = self._dev
        ga_out = dev(ga, gA[ga] - 1) - dev(ga, gA[ga]) if ga >= 0 else 0
        va = self.visits[a]
        visit_on = self.visit_on
        va_out = (1 if va[A] >= 2 else 0) if visit_on else 0
        tabu, it = self.tabu[r], self.it
        limit = best_cost - self.cost()
        movable, same_group = self.movable, self.same_group
        best_d, best_b, best_t, ties = 0, 0, -1, 0
        random = self.rng.random
        for t in range(T):
            if t == A:
                continue
            dst = tabr[t]
            gain_a = 0
            for y in dst:
                gain_a += inc[ma[y]]
            gB, oB = self.gcnt[r][t], self.ocnt[r][t]
            a_tabu = tabu[a * T + t] > it
            ga_in = dev(ga, gB[ga] + 1) - dev(ga, gB[ga]) if ga >= 0 else 0
            va_in = (1 if va[t] >= 1 else 0) if visit_on else 0
            if not same_group and len(dst) < len(src):
                d = WP * (gain_a - loss_a) + WG * (ga_in + ga_out) + WV * (va_in - va_out)
                if fa:
                    d += WH * (sum(1 for y in dst if y in fa) - sum(1 for x in others_a if x in fa))
                if oa >= 0:
                    d += WO * (oB[oa] - (oA[oa] - 1))
                if not (a_tabu and d >= limit):
                    if best_t < 0 or d < best_d:
                        best_d, best_b, best_t, ties = d, -1, t, 1
                    elif d == best_d:
                        ties += 1
                        if random() * ties < 1:
                            best_b, best_t = -1, t
            for b in dst:
                if not movable[b]:
                    continue
                gb = group_of[b]
                if same_group and gb != ga:
                    continue
                mb = meet[b]
                d_pair = gain_a - inc[ma[b]] - loss_a - leave[b]
                for x in others_a:
                    d_pair += inc[mb[x]]
                d = WP * d_pair
                if fa or forbidden[b]:
                    d += WH * (self._forb_delta(a, b, others_a, dst)
                               + self._forb_delta(b, a, [y for y in dst if y != b], src))
                if ga != gb:
                    dg = ga_in + ga_out
                    if gb >= 0:
                        dg += (dev(gb, gB[gb] - 1) - dev(gb, gB[gb])
                               + dev(gb, gA[gb] + 1) - dev(gb, gA[gb]))
                    d += WG * dg
                ob = org_of[b]
                if oa != ob:
                    do = 0
                    if oa >= 0:
                        do += oB[oa] - (oA[oa] - 1)
                    if ob >= 0:
                        do += oA[ob] - (oB[ob] - 1)
                    d += WO * do
                if visit_on:
                    vb = self.visits[b]
                    d += WV * (va_in - va_out + (1 if vb[A] >= 1 else 0)
                               - (1 if vb[t] >= 2 else 0))
                if (a_tabu or tabu[b * T + A] > it) and d >= limit:
                    continue
                if best_t < 0 or d < best_d:
                    best_d, best_b, best_t, ties = d, b, t, 1
                elif d == best_d:
                    ties += 1
                    if random() * ties < 1:
                        best_b, best_t = b, t
        return None if best_t < 0 else (best_d, best_b, best_t)

    def _forb_delta(self, a: int, b: int, leaving: list[int], joining: list[int]) -> int:
        """Change in must-not-meet meetings when `a` leaves `leaving` for `joining` minus b."""
        fa = self.pb.forbidden[a]
        if not fa:
            return 0
        return (sum(1 for y in joining if y in fa and y != b)
                - sum(1 for x in leaving if x in fa))

    def unit_move(self, r: int) -> None:
        """Try exchanging a keep-together unit with as many people from another table."""
        rng = self.rng
        unit = rng.choice(self.multi_units)
        if not all(self.where[r][i] >= 0 for i in unit):
            return
        A = self.where[r][unit[0]]
        t = rng.randrange(self.T)
        if t == A:
            return
        pool = [b for b in self.tab[r][t] if self.movable[b]]
        if len(pool) < len(unit):
            return
        others = rng.sample(pool, len(unit))
        before = self.cost()
        for a, b in zip(unit, others, strict=True):
            self.swap(r, a, b)
        if self.cost() > before:
            for a, b in zip(unit, others, strict=True):
                self.swap(r, a, b)

    def best_route_move(self, r: int, a: int, best_cost: int
                        ) -> tuple[int, int, int] | None:
        """Visit-once: the best (delta, other round, b) exchange of a's tables in rounds r and
        r2 with someone b doing the opposite trip (so nobody's set of tables changes)."""
        T, it = self.T, self.it
        A = self.where[r][a]
        current = self.cost()
        best: tuple[int, int, int] | None = None
        for r2 in range(self.F, self.R):
            B = self.where[r2][a]
            if r2 == r or B == A or B < 0:
                continue
            for b in self.tab[r][B]:
                if not self.movable[b] or self.where[r2][b] != A:
                    continue
                self.swap(r, a, b)
                self.swap(r2, a, b)
                d = self.cost() - current
                self.swap(r2, a, b)
                self.swap(r, a, b)
                tabu = (self.tabu[r][a * T + B] > it or self.tabu[r2][a * T + A] > it
                        or self.tabu[r][b * T + A] > it or self.tabu[r2][b * T + B] > it)
                if tabu and current + d >= best_cost:
                    continue
                if best is None or d < best[0]:
                    best = (d, r2, b)
        return best

    def tabu_step(self, conflicts: list[tuple[int, int]], best_cost: int) -> None:
        """Apply the best admissible move of a few people in conflict (sampled): a swap or a
        move within a round, or (visit-once) a two-round exchange of opposite trips."""
        rng = self.rng
        picks = conflicts if len(conflicts) <= self.sample else rng.sample(conflicts, self.sample)
        for _ in range(self.wander):
            picks.append((rng.randrange(self.F, self.R), rng.choice(self.pb.present)))
        chosen: tuple[int, int, int, int, int, int] | None = None
        for n, (r, a) in enumerate(picks):
            if not self.movable[a]:
                continue
            move = self.best_move(r, a, best_cost)
            if move is not None and (chosen is None or move[0] < chosen[0]):
                chosen = (move[0], r, a, move[1], move[2], -1)
            if self.visit_on and n < self.route_sample:
                trip = self.best_route_move(r, a, best_cost)
                if trip is not None and (chosen is None or trip[0] < chosen[0]):
                    chosen = (trip[0], r, a, trip[2], -1, trip[1])
        if chosen is None:
            return
        _, r, a, b, t, r2 = chosen
        until = self.it + self.tenure + rng.randrange(self.tenure)
        A = self.where[r][a]
        if r2 >= 0:
            B = self.where[r2][a]
            self.swap(r, a, b)
            self.swap(r2, a, b)
            self.tabu[r][a * self.T + A] = self.tabu[r2][a * self.T + B] = until
            self.tabu[r][b * self.T + B] = self.tabu[r2][b * self.T + A] = until
            return
        if b < 0:
            self.relocate(r, a, t)
        else:
            self.swap(r, a, b)
            self.tabu[r][b * self.T + t] = until
        self.tabu[r][a * self.T + A] = until

    def run(self, max_iterations: int, deadline: float, good_enough: Callable[[Key], bool]
            ) -> tuple[PlannedRounds, Key, str]:
        """Search until `good_enough(key)`, the iteration budget or the deadline."""
        rng = self.rng
        best_key, best_cost = self.key(), self.cost()
        best_plan = self.planned()
        if good_enough(best_key) or self.F >= self.R:
            return best_plan, best_key, "optimal"
        stall_limit = self.stall_base + self.stall_per_person * len(self.pb.present)
        last_gain = 0
        conflicts: list[tuple[int, int]] = []
        stop = "iterations"
        while self.it < max_iterations:
            self.it += 1
            if self.it % 8 == 0 and time.perf_counter() > deadline:
                stop = "time"
                break
            if self.it % self.refresh == 1 or not conflicts:
                conflicts = self.conflicts()
                if not conflicts:
                    break
            r, a = rng.choice(conflicts)
            if self.pb.unit_of[a] >= 0 and not self.movable[a]:
                if self.multi_units:
                    self.unit_move(r)
            else:
                self.tabu_step(conflicts, best_cost)
            key = self.key()
            if key < best_key:
                best_key, best_cost, best_plan = key, self.cost(), self.planned()
                last_gain = self.it
                if good_enough(key):
                    return best_plan, best_key, "optimal"
            elif self.it - last_gain > stall_limit:
                if self.restart_from_best:
                    self.load(best_plan)
                self.perturb(self.kick + rng.randrange(3))
                last_gain = self.it
                conflicts = []
        if good_enough(best_key):
            stop = "optimal"
        return best_plan, best_key, stop

    def perturb(self, count: int) -> None:
        """A few random swaps (keeping visit-once) to leave a local minimum."""
        rng = self.rng
        for _ in range(count * 4):
            if count <= 0:
                return
            r = rng.randrange(self.F, self.R)
            a, b = rng.choice(self.pb.present), rng.choice(self.pb.present)
            ta, tb = self.where[r][a], self.where[r][b]
            if not (self.movable[a] and self.movable[b]) or ta == tb:
                continue
            if self.same_group and self.pb.group[a] != self.pb.group[b]:
                continue
            if self.pb.visit_once and (self.visits[a][tb] or self.visits[b][ta]):
                continue
            self.swap(r, a, b)
            count -= 1
