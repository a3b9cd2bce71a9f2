"""Tabu search over same-round swaps for the world-café planner.

Each step samples people in conflict, evaluates every swap with someone at another table of the
same round (and moves to a smaller table; with visit-once also two-round exchanges of opposite
trips), and applies the best move that is not tabu unless it beats the best plan found. After a
long stall the best plan is restored and perturbed by a few random swaps.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from labkit.planning.deadline import Deadline
from labkit.planning.rotation_model import Problem
from labkit.planning.rotation_state import Key, PlannedRounds, SeatingState

__all__ = ["Key", "PlannedRounds", "TabuSearch"]


class TabuSearch(SeatingState):
    """A `SeatingState` with the tabu search on top."""

    def __init__(self, problem: Problem, start: PlannedRounds, rng: random.Random) -> None:
        self.tabu = [[0] * (len(problem.ids) * problem.tables) for _ in range(problem.rounds)]
        self.it = 0
        self.same_group = False
        """Only swap people of the same stakeholder group (keeps a balanced group spread)."""
        self.sample = 16
        self.tenure = 2
        self.refresh = 4
        self.stall_base, self.stall_per_person = 500, 10
        self.wander = 2
        self.route_sample = 4
        super().__init__(problem, start, rng)

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
        WQ = self.W_QUESTION
        qdelta = self.question_delta
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
                if WQ:
                    d += WQ * qdelta(a, A, t)
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
                if WQ:
                    d += WQ * (qdelta(a, A, t) + qdelta(b, t, A))
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

    def run(self, max_iterations: int, deadline: Deadline, good_enough: Callable[[Key], bool]
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
            if deadline.expired():
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
                self.load(best_plan)
                self.perturb(2 + rng.randrange(3))
                last_gain = self.it
                conflicts = []
        if good_enough(best_key):
            stop = "optimal"
        return best_plan, best_key, stop

    def descend(self, deadline: Deadline, max_steps: int = 10_000) -> None:
        """Apply the best strictly improving single move (a swap or a move within a round) of
        someone in conflict until none improves: few moves, for re-plans."""
        for _ in range(max_steps):
            if deadline.expired():
                return
            best: tuple[int, int, int, int, int] | None = None
            for r, a in self.conflicts():
                if not self.movable[a]:
                    continue
                move = self.best_move(r, a, self.cost())
                if move is not None and move[0] < 0 and (best is None or move[0] < best[0]):
                    best = (move[0], r, a, move[1], move[2])
            if best is None:
                return
            _, r, a, b, t = best
            if b < 0:
                self.relocate(r, a, t)
            else:
                self.swap(r, a, b)

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
