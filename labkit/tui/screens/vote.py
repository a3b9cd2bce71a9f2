"""Idea vote: the candidate ideas, fast dot tallying, the live ranking, the top N kept (ties at
the cut flagged so that the room decides)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Input, Static

from labkit.i18n import t
from labkit.methods import vote_teams, voting
from labkit.methods.idea_vote import IdeaVote
from labkit.methods.voting import QuestionTally
from labkit.model import Block, IdeaVoteConfig
from labkit.model.ranking import RankedItem
from labkit.tui.screens.base import checked
from labkit.tui.screens.capture import CaptureScreen
from labkit.tui.screens.forms import prompt, required
from labkit.tui.widgets.agenda.block_bar import BlockBar
from labkit.tui.widgets.capture.capture_bar import CaptureBar
from labkit.tui.widgets.plain import Plain, bold_lead
from labkit.tui.widgets.tables import FitTable, fill_width


class VoteScreen(CaptureScreen):
    """Type the dots counted on an idea (digits, then Enter), the cursor moves to the next."""

    START_IN_LIST = True
    ENTRY_LISTS = {"candidates": "contribution"}
    LIST_KEYS = frozenset({*"0123456789", "space", "i", "x", "k", "K", "t"})

    BINDINGS = [
        Binding("i", "capture", "tui.key.capture"),
        *[Binding(str(n), f"digit({n})", show=False) for n in range(10)],
        Binding("enter", "commit", "tui.key.dots"),
        Binding("space", "one_dot", "tui.key.one_dot", show=False),
        Binding("backspace", "clear_digits", show=False),
        Binding("x", "remove", "tui.key.remove_dots"),
        Binding("k", "keep", "tui.key.keep"),
        Binding("K", "keep_top", "tui.key.keep_top"),
        Binding("t", "team", "tui.key.team", show=False),
        Binding("right", "question(1)", "tui.key.next_question", show=False),
        Binding("left", "question(-1)", "tui.key.prev_question", show=False),
    ]

    def __init__(self, block: Block) -> None:
        super().__init__(block)
        self.config = checked(block.method, IdeaVoteConfig)
        self.spec = IdeaVote()
        self.question = 1
        self.pending = ""
        self.team: str | None = None
        self.items: list[str] = []

    def compose(self) -> ComposeResult:
        yield from self.compose_bar()
        yield Plain(id="vote-question", classes="summary")
        with Horizontal(classes="method-body"):
            with Vertical(classes="method-main"):
                yield FitTable(fill="text", id="candidates", cursor_type="row")
            with Vertical(id="ranking-side"):
                yield Plain(t("tui.vote.ranking", top=self.config.top_n), classes="panel-title")
                yield Plain(id="ranking")
                yield Plain(id="ranking-tie")
        yield Plain(id="vote-status", classes="summary")
        yield from self.compose_capture(t("tui.vote.placeholder"))

    def on_mount(self) -> None:
        table = self.query_one("#candidates", FitTable)
        dots = t("tui.vote.dots")  # « Gommettes »: the column fits its header
        table.add_column(dots, key="dots", width=max(6, len(dots)))
        table.add_column("", key="flag", width=3)
        table.add_column(t("tui.vote.idea"), key="text")
        self.add_source_column(table)
        table.on_select = self.action_commit  # in Enter's turn: « 3⏎2⏎ » gives 3 then 2
        super().on_mount()

    # --- data -----------------------------------------------------------------------------------

    @property
    def question_number(self) -> int | None:
        return self.question if self.config.questions else None

    def tally(self) -> QuestionTally:
        """The current question's candidates, dots, ranking and kept ideas (the vote spec's)."""
        found = self.spec.live(self.live.session, self.block, self.config, self.live.state)
        return found[self.question_number]

    def label(self, item: str) -> str:
        state = self.live.state
        if item in state.clusters:
            cluster = state.clusters[item]
            count = t("tui.cafe.ideas_count", count=len(cluster.contribution_ids))
            return f"{cluster.title} ({count})"
        return state.contributions[item].text

    def _source(self, item: str) -> Text:
        found = self.live.state.contributions.get(item)
        return self.source_of(found) if found is not None else Text("")

    def refresh_view(self) -> None:
        tally = self.tally()
        self.items = list(tally.items)
        totals = tally.totals
        by_item = {r.item_id: r for r in tally.ranking}
        kept = list(tally.recorded)  # ★ marks the room's decision; ≈ a tie it must settle
        if self.config.questions:
            self.query_one("#vote-question", Static).update(
                bold_lead(f"Q{self.question}/{len(self.config.questions)}",
                          f" {self.config.questions[self.question - 1]}")
            )
        table = self.query_one("#candidates", DataTable)
        cursor = table.cursor_row
        table.clear()
        for item in self.items:
            flag = "★" if item in kept else ("≈" if by_item[item].tie_at_cut else "")
            table.add_row(Text(str(totals.get(item, 0)), style="bold", justify="right"),
                          Text(flag, style="bold"),
                          Text(self.label(item), overflow="ellipsis", no_wrap=True),
                          self._source(item), key=item)
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1), animate=False)
        fill_width(table, "text")
        self._refresh_ranking(list(tally.ranking), kept)
        self._refresh_status(totals)
        self.query_one(CaptureBar).context = t("tui.vote.new_idea") + " ›"

    def _refresh_ranking(self, ranked: list[RankedItem], kept: list[str]) -> None:
        text = Text()
        ties = False
        for entry in ranked:
            if not entry.in_top and not entry.tie_at_cut:
                continue
            mark = "★" if entry.item_id in kept else ("≈" if entry.tie_at_cut else " ")
            ties = ties or entry.tie_at_cut
            style = "bold" if entry.in_top else "dim"
            line = f"{entry.rank:>2}. {mark} {entry.dots:>3}  {self.label(entry.item_id)}"
            text.append(line[:200] + "\n", style=style)
        self.query_one("#ranking", Static).update(text)
        # the tie's notice wraps at 80 columns (the ranking's lines end with « … »)
        self.query_one("#ranking-tie", Static).update(
            Text(t("tui.vote.tie"), style="bold reverse") if ties else "")

    def _refresh_status(self, totals: dict[str, int]) -> None:
        counted = sum(totals.values())
        per_voter = voting.budget(self.config, len(self.items))
        voters = len(self.live.room())
        unit = (
            t("tui.vote.per_team", team=self.team or "—") if self.config.voting == "team" else ""
        )
        pending = t("tui.vote.pending", dots=self.pending) if self.pending else ""
        if self.config.voting == "team":
            text = t("tui.vote.team_status", counted=counted)
        else:
            text = t("tui.vote.status", counted=counted, voters=voters, per_voter=per_voter,
                     expected=voters * per_voter)
        self.query_one("#vote-status", Static).update(text + unit + pending)

    def refresh_clock(self, now: datetime) -> None:
        self.query_one(BlockBar).info = self.bar_info(now)

    def on_key(self, event: events.Key) -> None:
        """« i » on the list, read in its turn: the keys typed right behind it are the idea's
        text (its binding acted only after them: « i Un accueil ⏎ » lost its spaces and i's)."""
        if event.key == "i" and not isinstance(self.focused, Input) and not self.field_asked:
            event.stop()
            event.prevent_default()
            self.field_asked = True
            self.action_capture()

    # --- tallying -------------------------------------------------------------------------------

    def _highlighted(self) -> str | None:
        return self.query_one("#candidates", FitTable).highlighted_key()

    def action_digit(self, digit: int) -> None:
        if len(self.pending) < 4:
            self.pending += str(digit)
        self._refresh_status(self.tally().totals)

    def action_clear_digits(self) -> None:
        self.pending = ""
        self.refresh_view()

    def action_commit(self) -> None:
        """Enter: the dots typed go to the highlighted idea, then the next one is highlighted;
        dots the journal could not write stay typed, on the same idea."""
        dots = int(self.pending or "0")
        if dots:
            with self.labkit.keeping_text() as attempt:
                self._vote(dots)
            if attempt.failed:
                self._refresh_status(self.tally().totals)
                return
        self.pending = ""
        self.refresh_view()
        self.query_one("#candidates", DataTable).action_cursor_down()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_commit()

    def action_one_dot(self) -> None:
        self._vote(1)

    def _vote(self, dots: int) -> None:
        item = self._highlighted()
        if item is None:
            return
        if self.config.voting == "team" and not self.team:
            self.notify(t("tui.vote.team_first"), severity="warning", timeout=4)
            self.action_team()
            return
        self.act(self.live.write, self.spec.vote, self.block, item, dots,
                 question=self.question_number, team=self.team)

    def action_remove(self) -> None:
        item = self._highlighted()
        votes = [v for v in self.live.state.votes.values()
                 if v.item_id == item and v.block_id == self.block.id
                 and v.question == self.question_number]
        if votes:  # the last dots given to it: deleted, and Ctrl+Z gives them back
            last = self.live.entry("vote", str(max(v.event_id for v in votes)))
            if last is not None and self.act(self.live.delete_entry, last) is not None:
                self.notify(t("tui.vote.dots_removed"), timeout=4)

    def action_keep(self) -> None:
        item = self._highlighted()
        if item is None:
            return
        kept = list(self.tally().recorded)
        kept = [i for i in kept if i != item] if item in kept else [*kept, item]
        self._record_kept(kept)

    def action_keep_top(self) -> None:
        ranked = self.tally().ranking
        self._record_kept(list(voting.top_items(ranked, self.config.top_n)))
        if any(r.tie_at_cut for r in ranked):
            self.notify(t("tui.vote.tie"), severity="warning", timeout=6)

    def _record_kept(self, items: list[str]) -> None:
        self.act(self.live.write, self.spec.kept, self.block, self.question_number, items)

    def known_teams(self) -> tuple[str, ...]:
        """The café's teams, then the teams typed so far at this vote (each once)."""
        votes = voting.block_votes(self.live.session, self.block, self.live.state)
        return vote_teams.known_teams(self.live.session, self.block, (v.team for v in votes))

    def action_team(self) -> None:
        """Name the voting team: typed in any case or accents, a known team keeps its spelling
        (« verte » is Verte); the form offers the known teams, the next one filled in."""
        known = self.known_teams()

        def check(text: str) -> str:
            return vote_teams.team_name(required(text), known)

        def chosen(values: dict[str, Any] | None) -> None:
            if values is not None:
                self.team = values["value"]
                self.refresh_view()

        following = self.team or ""
        if known:
            following = known[(known.index(self.team) + 1) % len(known)] \
                if self.team in known else known[0]
        hint = t("tui.vote.team_hint", teams=", ".join(known)) if known else ""
        self.app.push_screen(prompt(t("tui.vote.team_title"), t("tui.vote.team_label"),
                                    following, check=check, hint=hint), chosen)

    def action_question(self, step: int) -> None:
        if self.config.questions:
            self.question = (self.question - 1 + step) % len(self.config.questions) + 1
            self.refresh_view()

    def capture(self, text: str) -> None:
        self.act(self.live.write, self.spec.idea, self.block, text)
