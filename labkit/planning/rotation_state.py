"""The state of a world-café plan under search: meetings of every pair (history included),
group and organisation counts per table, table visits, and the moves that keep them up to date.

The scalar cost weighs, from the heaviest: must-not-meet meetings, table revisits (visit-once),
Σ over pairs of a steep convex function of meetings (so repeats are spread and no pair meets
three times while others could meet twice) plus, when tables keep a question, each question met
again as much as one repeat, group-spread deviation, same-organisation pairs.
"""

from __future__ import annotations

import random

from labkit.planning.rotation_model import Problem

Key = tuple[int, int, int, int, int, int]
PlannedRounds = list[list[list[int]]]


class SeatingState:
    """Planned rounds of `problem` (plus its history) with incrementally maintained costs."""

    def __init__(self, problem: Problem, start: PlannedRounds, rng: random.Random) -> None:
        self.pb = problem
        self.rng = rng
        self.n = len(problem.ids)
        self.T = problem.tables
        self.F = problem.frozen
        self.R = problem.rounds
        smax = max(problem.sizes()) if problem.present else 1
        self.repeats_first = problem.request.objective == "repeats"
        if self.repeats_first:  # each repeat costs about the same; spreading breaks ties
            step = 2 * self.R + 2
            self.w = [0, 0] + [(k - 1) * step + (k - 1) * (k - 2) // 2
                               for k in range(2, self.R + 3)]
        else:  # steep: no pair meets k + 1 times while others could meet k times
            self.w = [0, 0] + [(k - 1) * 8 ** (k - 2) for k in range(2, self.R + 3)]
        self.inc = [self.w[k + 1] - self.w[k] for k in range(self.R + 2)]
        self.dec = [0] + [self.w[k] - self.w[k - 1] for k in range(1, self.R + 3)]
        self.W_ORG = 1
        self.W_GROUP = 4 * smax + 1
        self.W_PAIR = 4 * self.W_GROUP + 4 * smax + 1
        self.W_VISIT = self.W_PAIR * self.w[min(self.R + 1, len(self.w) - 1)] * 2 * smax + 1
        self.W_HARD = self.W_VISIT * (2 * smax + 2)
        self.qof = problem.question_of or [0] * self.T
        self.questions_on = problem.question_of is not None
        self.W_QUESTION = self.W_PAIR * self.w[2] if self.questions_on else 0
        """A question met again weighs what one more repeated meeting does."""
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
        self.version = 0
        self._leave = [[0] * self.n for _ in range(self.R)]
        self._leave_version = [-1] * self.R
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
        qof = self.qof
        self.qvisits = [[0] * max(pb.questions, 1) for _ in range(n)]
        for i in range(n):
            for t, v in enumerate(self.visits[i]):
                self.qvisits[i][qof[t]] += v
        self.qrev = (sum(v - 1 for row in self.qvisits for v in row if v > 1)
                     if self.questions_on else 0)

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
        """Lexicographic quality: hard, revisits, repeats (questions met again included) and
        max meetings (in the order of the objective), groups, organisations."""
        first, second = self.rep + self.qrev, self.max_meetings()
        if not self.repeats_first:
            first, second = second, first
        return (self.forb, self.revisits if self.visit_on else 0, first, second,
                self.group_dev, self.org_clash)

    def cost(self) -> int:
        """The scalar cost the search minimises."""
        return (self.W_HARD * self.forb + (self.W_VISIT * self.revisits if self.visit_on else 0)
                + self.W_PAIR * self.pair_cost + self.W_QUESTION * self.qrev
                + self.W_GROUP * self.group_dev
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
            if self.questions_on:
                qs, qd = self.qof[src], self.qof[dest]
                if qs != qd:
                    qv = self.qvisits[a]
                    self.qrev += (1 if qv[qd] >= 1 else 0) - (1 if qv[qs] >= 2 else 0)
                    qv[qs] -= 1
                    qv[qd] += 1

    def swap(self, r: int, a: int, b: int) -> None:
        """Exchange the tables of `a` and `b` in round `r`."""
        ta, tb = self.where[r][a], self.where[r][b]
        self.relocate(r, a, tb)
        self.relocate(r, b, ta)

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
                            or (self.questions_on and self.qvisits[a][self.qof[t]] > 1)
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

    def question_delta(self, a: int, src: int, dst: int) -> int:
        """Change in questions met again when non-host `a` goes from table `src` to `dst`."""
        qs, qd = self.qof[src], self.qof[dst]
        if qs == qd or not self.questions_on:
            return 0
        qv = self.qvisits[a]
        return (1 if qv[qd] >= 1 else 0) - (1 if qv[qs] >= 2 else 0)

    def _forb_delta(self, a: int, b: int, leaving: list[int], joining: list[int]) -> int:
        """Change in must-not-meet meetings when `a` leaves `leaving` for `joining` minus b."""
        fa = self.pb.forbidden[a]
        if not fa:
            return 0
        return (sum(1 for y in joining if y in fa and y != b)
                - sum(1 for x in leaving if x in fa))
