"""Crossed interviews: the pairs, one timer per half that signals the swap, then the regroups
where the ingredients of success are captured."""

from __future__ import annotations

import logging
from datetime import datetime

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from labkit.errors import LabkitError
from labkit.i18n import t
from labkit.methods import round_count, round_minutes
from labkit.methods.crossed_interviews import CrossedInterviews
from labkit.model import Block, CrossedInterviewsConfig
from labkit.store.seating import as_lists
from labkit.tui import live_state as ls
from labkit.tui import rotation
from labkit.tui.screens.base import checked
from labkit.tui.screens.capture import CaptureScreen
from labkit.tui.widgets.agenda.block_bar import BlockBar
from labkit.tui.widgets.capture.capture_bar import CaptureBar
from labkit.tui.widgets.plain import Plain
from labkit.tui.widgets.tables import FitTable, fill_width
from labkit.tui.widgets.timers.countdown import Countdown

logger = logging.getLogger(__name__)


def regroups_of(pairs: list[list[str]], groups: list[list[str]] | None,
                size: int) -> list[list[int]]:
    """Pair numbers (1-based) of each regroup: as the planner made them, else consecutive
    pairs gathered by about `size` people."""
    if groups:
        found = []
        for members in groups:
            inside = set(members)
            found.append([n for n, pair in enumerate(pairs, 1) if inside & set(pair)])
        return [g for g in found if g]
    return regroups(pairs, size)


def regroups(pairs: list[list[str]], size: int) -> list[list[int]]:
    """Pair numbers (1-based) gathered into regroups of about `size` people, in order."""
    groups: list[list[int]] = []
    people = 0
    for number, pair in enumerate(pairs, 1):
        if not groups or people >= size:
            groups.append([])
            people = 0
        groups[-1].append(number)
        people += len(pair)
    if len(groups) > 1 and sum(len(pairs[n - 1]) for n in groups[-1]) < size // 2 + 1:
        groups[-2].extend(groups.pop())  # a lone pair joins the previous regroup
    return groups


class InterviewsScreen(CaptureScreen):
    ENTRY_LISTS = {"ingredients": "contribution"}
    """Pairs on the left; the step, its timer and the regroup's ingredients on the right."""

    BINDINGS = [
        Binding("ctrl+n", "next_step", "tui.key.next_phase", priority=True),
        Binding("ctrl+f", "end_step", "tui.key.end_round", show=False, priority=True),
        Binding("ctrl+r", "plan_pairs", "tui.key.replan", show=False, priority=True),
        Binding("up", "regroup(-1)", "tui.key.prev_group", show=False),
        Binding("down", "regroup(1)", "tui.key.next_group", show=False),
    ]

    class PairsPlanned(Message):
        def __init__(self, pairs: rotation.Plan | None, error: str = "", moves: str = ""
                     ) -> None:
            super().__init__()
            self.pairs = pairs
            self.error = error
            self.moves = moves
            """Who changes partner (names, before → after)."""

    def __init__(self, block: Block) -> None:
        super().__init__(block)
        self.config = checked(block.method, CrossedInterviewsConfig)
        self.regroup = 1
        self.pairs: list[list[str]] = []
        self.groups: list[list[int]] = []
        self._regroups: list[list[str]] | None = None
        self._plan_key = -1

    def compose(self) -> ComposeResult:
        yield from self.compose_bar()
        yield Plain(" ".join(self.config.prompt.split()), id="interview-prompt",
                     classes="summary prompt")
        with Horizontal(classes="method-body"):
            with Vertical(classes="method-side"):
                yield Plain(id="pairs-title", classes="panel-title")
                yield FitTable(fill="names", id="pairs", cursor_type="row", show_header=False)
            with Vertical(classes="method-main"):
                yield Plain(id="step-text", classes="summary")
                yield Countdown(id="step-countdown")
                yield Plain(id="ingredients-title", classes="panel-title")
                yield FitTable(fill="text", id="ingredients", cursor_type="row",
                               show_header=False)
        yield from self.compose_capture(t("tui.interviews.placeholder"))

    def on_mount(self) -> None:
        pairs = self.query_one("#pairs", DataTable)
        pairs.add_column("", key="group", width=4)
        pairs.add_column("", key="names")
        ingredients = self.query_one("#ingredients", DataTable)
        ingredients.add_column("", key="text")
        self.add_source_column(ingredients)
        self.regroup = self.labkit.places.get(self.block.id, 1)  # kept below the group count
        super().on_mount()

    def _person(self, person_id: str) -> str:
        person = self.live.session.participant(person_id)
        return person.display_name if person else person_id

    def refresh_view(self) -> None:
        replans = self.live.rotations(self.block.id)
        if len(replans) != self._plan_key:  # read the plan again only after a re-plan
            self._plan_key = len(replans)
            self.pairs, self._regroups = rotation.interview_plan(
                self.live.session, self.live.root, self.block, replans,
                warn=lambda problem: self.notify(problem, severity="error", timeout=10),
            )
        groups = self.groups = regroups_of(self.pairs, self._regroups,
                                           self.config.regroup_size)
        self.regroup = min(self.regroup, max(len(groups), 1))
        table = self.query_one("#pairs", DataTable)
        table.clear()
        room = set(self.live.room())
        for group_number, numbers in enumerate(groups, 1):
            for number in numbers:
                names = " ↔ ".join(
                    self._person(p) + ("" if p in room else f" ({t('tui.presence.absent')})")
                    for p in self.pairs[number - 1]
                )
                mark = "▶" if group_number == self.regroup else ""
                table.add_row(Text(f"{mark}G{group_number}", style="bold"),
                              Text(names, overflow="ellipsis", no_wrap=True))
        missing = [p for pair in self.pairs for p in pair if p not in room]
        title = t("tui.interviews.pairs", count=len(self.pairs))
        if not self.pairs:
            title = t("tui.interviews.no_pairs")
        elif missing:
            title += " · " + t("tui.interviews.missing", count=len(missing))
        self.query_one("#pairs-title", Static).update(title)
        fill_width(table, "names")
        self._refresh_ingredients()

    def _refresh_ingredients(self) -> None:
        found = CrossedInterviews().live(self.live.session, self.block, self.config,
                                         self.live.state)  # fmt: skip
        items = found.ingredients.get(self.regroup, ())
        self.query_one("#ingredients-title", Static).update(
            t("tui.interviews.ingredients", group=self.regroup, count=len(items))
        )
        table = self.query_one("#ingredients", DataTable)
        table.clear()
        for item in items:
            table.add_row(Text(item.text, overflow="ellipsis", no_wrap=True),
                          self.source_of(item), key=item.contribution_id)
        fill_width(table, "text")
        self.query_one(CaptureBar).context = f"G{self.regroup} ›"

    def refresh_clock(self, now: datetime) -> None:
        running = self.live.running_round(self.block.id)
        count = round_count(self.block)
        countdown = self.query_one(Countdown)
        number = running or self.live.last_round(self.block.id)
        if running is not None:
            minutes = round_minutes(self.block, running) or 0
            clock = ls.round_clock(self.live.state, self.block.id, running, minutes, now)
            countdown.display = True
            countdown.remaining = clock.remaining
            countdown.caption = ""
            label = t("tui.round.crossed_interviews", number=running, count=count)
            self.query_one(BlockBar).info = self.bar_info(now, label, clock.remaining)
        else:
            countdown.remaining = None
            countdown.display = False
            self.query_one(BlockBar).info = self.bar_info(now)
        steps = self._steps_text(running)
        if running is None:
            key = "tui.interviews.done" if number >= count else "tui.interviews.next"
            steps.append("\n\n" + t(key, number=number + 1), style="bold")
        self.query_one("#step-text", Static).update(steps)

    def _steps_text(self, running: int | None) -> Text:
        text = Text()
        for number in range(1, round_count(self.block) + 1):
            minutes = round_minutes(self.block, number) or 0
            line = t(f"tui.interviews.step{min(number, 3)}", minutes=minutes,
                     size=self.config.regroup_size)
            marker = "▶ " if number == running else ("✓ " if number <= self.live.last_round(
                self.block.id) else "· ")
            text.append(marker + line + "\n", style="bold" if number == running else "")
        text.rstrip()
        return text

    # --- keys -----------------------------------------------------------------------------------

    def action_next_step(self) -> None:
        if self.live.last_round(self.block.id) >= round_count(self.block) and (
            self.live.running_round(self.block.id) is None
        ):
            self.notify(t("tui.interviews.done", number=0), timeout=3)
            return
        self.act(self.live.start_round, self.block.id)

    def action_end_step(self) -> None:
        self.act(self.live.end_round, self.block.id)

    def action_regroup(self, step: int) -> None:
        count = max(len(self.groups), 1)
        self.regroup = self.labkit.places[self.block.id] = (self.regroup - 1 + step) % count + 1
        self.refresh_view()

    def capture(self, text: str) -> None:
        self.act(self.live.write, CrossedInterviews.ingredient, self.block, text,
                 self.regroup)

    def action_plan_pairs(self) -> None:
        self.notify(t("tui.interviews.planning"), timeout=2)
        self._plan(self.live.room(), [list(p) for p in self.pairs], self._regroups)

    @work(thread=True, exclusive=True, group="pairs")
    def _plan(self, room: list[str], pairs_in_force: list[list[str]],
              regroups: list[list[str]] | None) -> None:
        """Re-plan from the pairs in force (unaffected pairs stay), or plan them."""
        try:
            pairs = rotation.replan_pairs(self.live.session, self.block, pairs_in_force,
                                          regroups, room)
        except LabkitError as error:
            logger.warning("planning the pairs of block %s refused: %s", self.block.id, error)
            self.post_message(self.PairsPlanned(None, str(error)))
            return
        except Exception as error:  # noqa: BLE001 - a planner bug must not kill the session
            logger.exception("planning the pairs of block %s failed", self.block.id)
            self.post_message(self.PairsPlanned(None, repr(error)))
            return
        moves = (rotation.pairs_moves_text(self.live.session, pairs_in_force, pairs[0])
                 if pairs_in_force else "")
        self.post_message(self.PairsPlanned(pairs, moves=moves))

    @on(PairsPlanned)
    def _planned(self, message: PairsPlanned) -> None:
        if message.pairs is None:
            self.app.bell()
            self.notify(message.error, severity="error", timeout=10)
            return
        self.act(self.live.record, CrossedInterviews.replanned(
            self.block, as_lists(message.pairs), t("tui.interviews.replan_reason")))
        if message.moves:
            self.notify(message.moves, timeout=15)
