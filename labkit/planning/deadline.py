"""The planner's time budget, checked by every phase (starts, designs, search, re-plans).

The budget is CPU time (`time.process_time`), so a loaded machine does not cut the search
short; a wall-clock ceiling (`WALL_FACTOR` times the budget, `time.monotonic`) keeps a heavily
loaded laptop from waiting many times the limit. Both clocks can be replaced (tests use fake
clocks), and `checks` counts how often the deadline was asked.
"""

from __future__ import annotations

import time
from collections.abc import Callable

WALL_FACTOR = 3.0
"""Wall-clock ceiling, as a multiple of the CPU budget."""

Clock = Callable[[], float]


class Deadline:
    """A CPU budget of `seconds` with a wall-clock ceiling, both starting now."""

    def __init__(self, seconds: float, *, cpu: Clock = time.process_time,
                 wall: Clock = time.monotonic, wall_factor: float = WALL_FACTOR) -> None:
        self.seconds = max(seconds, 0.0)
        self._cpu, self._wall = cpu, wall
        self._cpu_end = cpu() + self.seconds
        self._wall_end = wall() + self.seconds * wall_factor
        self.checks = 0

    @classmethod
    def for_process(cls, seconds: float, spent: float | None = None) -> Deadline:
        """A budget of `seconds` for a whole command: the CPU it has already `spent` (by
        default `time.process_time()`, which counts from the process start: start-up and
        imports) is taken off, with a little room kept for measuring and printing the plan."""
        spent = time.process_time() if spent is None else spent
        return cls(max(seconds * 0.97 - 0.01 - spent, 0.0))

    @classmethod
    def never(cls) -> Deadline:
        """A deadline that never expires (no budget: e.g. measuring a fixed plan)."""
        return cls(float("inf"))

    def expired(self) -> bool:
        """Whether the budget (CPU) or the ceiling (wall clock) is spent."""
        self.checks += 1
        return self._cpu() >= self._cpu_end or self._wall() >= self._wall_end

    def remaining(self) -> float:
        """CPU seconds left (never negative), capped by the wall-clock time left."""
        return max(0.0, min(self._cpu_end - self._cpu(), self._wall_end - self._wall()))

    def part(self, fraction: float) -> Deadline:
        """A deadline ending after `fraction` of what remains (same clocks)."""
        left = self.remaining() * fraction
        sub = Deadline(left, cpu=self._cpu, wall=self._wall, wall_factor=1.0)
        sub._wall_end = min(self._wall_end, self._wall() + left * WALL_FACTOR)
        return sub
