"""Questions the live app, the CLI and the report ask of the derived state.

`StateQueries` is the base of `JournalState`: it declares the tables the fold fills and answers,
from them alone: who is present, the current block and round, timings, drift against a
planned agenda, vote totals, a persona's journey, survey means per stakeholder group.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import datetime, timedelta

from labkit.model import views as v
from labkit.model.events.fields import utc_now

PlannedTimes = Mapping[str, tuple[datetime, datetime]]
"""block id -> (planned start, planned end)."""


def _aware(value: datetime) -> datetime:
    """`value` with a time zone: a naive datetime is read as the computer's local time."""
    return value if value.tzinfo is not None else value.astimezone()


class StateQueries:
    """Read-only helpers over the tables of a `JournalState` (which fills them)."""

    blocks: dict[str, v.BlockTiming]
    rounds: dict[tuple[str, int], v.RoundTiming]
    rotations: dict[str, v.Rotation]
    attendance: dict[int, dict[str, v.Attendance]]
    contributions: dict[str, v.Contribution]
    block_contributions: dict[str | None, dict[str, None]]
    """block id -> the ids of its live contributions, in recording order (an index, so that a
    screen reads one block's contributions without scanning the others)."""
    clusters: dict[str, v.Cluster]
    cluster_of: dict[str, str]
    """contribution id -> the cluster holding it."""
    kept: dict[tuple[str | None, int | None], v.KeptIdeas]
    votes: dict[int, v.Vote]
    personas: dict[str, v.Persona]
    steps: dict[str, v.JourneyStep]
    commitments: dict[str, v.Commitment]
    survey: dict[str, v.SurveyResponse]
    closing_words: dict[str, v.ClosingWord]
    attachments: dict[str, v.Attachment]

    # --- attendance --------------------------------------------------------------------------

    def present(self, day: int) -> list[str]:
        """The participants present now on `day` (arrived and not left), in arrival order."""
        records = [a for a in self.attendance.get(day, {}).values() if a.status == "present"]
        records.sort(key=lambda a: a.stays[-1].start)
        return [a.participant_id for a in records]

    def attendance_on(self, day: int) -> dict[str, v.Attendance]:
        """Every participant with an attendance record on `day`."""
        return dict(self.attendance.get(day, {}))

    # --- blocks and rounds -------------------------------------------------------------------

    def block(self, block_id: str) -> v.BlockTiming:
        """The timing of `block_id` (not started if the journal never mentioned it)."""
        return self.blocks.get(block_id) or v.BlockTiming(block_id)

    def current_block(self) -> v.BlockTiming | None:
        """The running or paused block that started last, if any."""
        live = [
            (b.started_at, b)
            for b in self.blocks.values()
            if b.status in ("running", "paused") and b.started_at is not None
        ]
        return max(live, key=lambda pair: pair[0])[1] if live else None

    def rounds_of(self, block_id: str) -> list[v.RoundTiming]:
        """The world-café rounds of `block_id`, by number."""
        found = [r for (b, _), r in self.rounds.items() if b == block_id]
        return sorted(found, key=lambda r: r.round)

    def current_round(self, block_id: str | None = None) -> v.RoundTiming | None:
        """The running round of `block_id` (default: the current block), if any."""
        if block_id is None:
            block = self.current_block()
            if block is None:
                return None
            block_id = block.block_id
        running = [r for r in self.rounds_of(block_id) if r.running]
        return running[-1] if running else None

    def next_round(self, block_id: str) -> int:
        """The number of the round to start next in `block_id` (1 when none has started)."""
        rounds = self.rounds_of(block_id)
        return rounds[-1].round + 1 if rounds else 1

    def rotation(self, block_id: str) -> v.Rotation | None:
        """The latest re-planned rotation of `block_id`, if it was re-planned."""
        return self.rotations.get(block_id)

    def drift(self, plan: PlannedTimes, now: datetime | None = None) -> list[v.BlockDrift]:
        """Each planned block's actual timing against `plan`, in planned order.

        Naive planned datetimes are read as the computer's local time. A running block's end is
        projected from its planned duration, extensions and pauses, and is never earlier than
        `now` (a block that overruns pushes the day back minute by minute).
        """
        now = now or utc_now()
        result = []
        for block_id, (start, end) in sorted(plan.items(), key=lambda item: _aware(item[1][0])):
            start, end = _aware(start), _aware(end)
            timing = self.block(block_id)
            actual_start, actual_end, projected = timing.started_at, timing.ended_at, None
            if actual_start is not None and actual_end is None:
                budget = end - start + timedelta(minutes=timing.extension_minutes)
                projected = max(actual_start + budget + timing.paused_time(now), now)
            final = actual_end or projected
            result.append(v.BlockDrift(
                block_id, start, end, actual_start, actual_end, projected,
                actual_start - start if actual_start else None,
                final - end if final else None,
                (actual_end - actual_start) - (end - start)
                if actual_start and actual_end else None,
            ))  # fmt: skip
        return result

    # --- contributions, clusters, votes ------------------------------------------------------

    def contributions_where(
        self,
        *,
        block_id: str | None = None,
        question: int | None = None,
        kind: str | None = None,
        territory: str | None = None,
    ) -> list[v.Contribution]:
        """The contributions matching every criterion given, in recording order (with a
        `block_id`: that block's only, read from the index, not a scan of all of them)."""
        pool = (
            self.contributions.values() if block_id is None else self.of_block(block_id)
        )
        return [
            c
            for c in pool
            if (question is None or c.question == question)
            and (kind is None or c.kind == kind)
            and (territory is None or c.territory == territory)
        ]

    def of_block(self, block_id: str | None) -> list[v.Contribution]:
        """The live contributions recorded for `block_id` (None: without a block), in
        recording order; O(that block's contributions)."""
        ids = self.block_contributions.get(block_id, {})
        return [self.contributions[c] for c in ids]

    def item_exists(self, item_id: str) -> bool:
        """Whether `item_id` is a live contribution or cluster (something one can vote for)."""
        return item_id in self.contributions or item_id in self.clusters

    def vote_totals(
        self, *, block_id: str | None = None, question: int | None = None
    ) -> dict[str, int]:
        """item id -> dots, highest first, for the items that still exist."""
        totals: dict[str, int] = defaultdict(int)
        for vote in self.votes.values():
            if (
                (block_id is None or vote.block_id == block_id)
                and (question is None or vote.question == question)
                and self.item_exists(vote.item_id)
            ):
                totals[vote.item_id] += vote.dots
        return dict(sorted(totals.items(), key=lambda item: -item[1]))

    def kept_ideas(self) -> list[v.KeptIdeas]:
        """The kept ideas of each question, without items deleted since."""
        return [
            v.KeptIdeas(
                k.block_id,
                k.question,
                tuple(i for i in k.item_ids if self.item_exists(i)),
                k.event_id,
            )
            for k in self.kept.values()
        ]

    # --- personas, survey --------------------------------------------------------------------

    def journey(self, persona_id: str) -> list[v.JourneyStep]:
        """The steps of a persona's journey, by position (steps without one follow)."""
        steps = [s for s in self.steps.values() if s.persona_id == persona_id]
        return sorted(steps, key=lambda s: (s.position is None, s.position or 0, s.event_id))

    def survey_means(self) -> dict[str, dict[str, tuple[float, int]]]:
        """group -> question id -> (mean score, number of answers)."""
        sums: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
        for response in self.survey.values():
            for question, score in response.scores.items():
                sums[response.group][question].append(score)
        return {
            group: {q: (sum(s) / len(s), len(s)) for q, s in questions.items()}
            for group, questions in sums.items()
        }
