"""World-café harvest: per question, cluster the ideas and mark the structuring ones kept."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from labkit.i18n import t
from labkit.methods.world_cafe import CafeLive, WorldCafe
from labkit.model import Block, WorldCafeConfig
from labkit.tui.screens.base import BlockScreen, checked
from labkit.tui.screens.capture import delete_entry, edit_entry
from labkit.tui.screens.forms import prompt
from labkit.tui.widgets.agenda.block_bar import BlockBar
from labkit.tui.widgets.footer import FitFooter
from labkit.tui.widgets.plain import Plain, bold_lead
from labkit.tui.widgets.tables import FitTable, fill_width


class HarvestScreen(BlockScreen):
    """Ideas of one question: space marks, g clusters the marked, k keeps, ←/→ question;
    Ctrl+E corrects an idea's text (a cluster's title), Suppr deletes an idea (asks once),
    as on every list of entries (`labkit.tui.screens.capture`)."""

    BINDINGS = [
        Binding("space", "mark", "tui.key.mark"),
        Binding("g", "group", "tui.key.group"),
        Binding("k", "keep", "tui.key.keep"),
        Binding("t", "rename", "tui.key.rename"),
        Binding("ctrl+e", "edit_entry", "tui.key.edit_entry"),
        Binding("delete", "delete_entry", "tui.key.delete_entry"),
        Binding("x", "ungroup", "tui.key.ungroup"),
        Binding("backspace", "hide", "tui.key.hide", show=False),
        Binding("right", "question(1)", "tui.key.next_question"),
        Binding("left", "question(-1)", "tui.key.prev_question", show=False),
        Binding("escape", "back", "tui.key.back"),
    ]

    def __init__(self, block: Block) -> None:
        super().__init__(block)
        self.config = checked(block.method, WorldCafeConfig)
        self.spec = WorldCafe()
        self.question = 1
        self.marked: set[str] = set()

    def compose(self) -> ComposeResult:
        yield BlockBar(id="block-bar")
        yield Plain(id="harvest-question", classes="summary")
        yield FitTable(fill="text", id="harvest", cursor_type="row", show_header=False,
                       classes="items")
        yield Plain(id="harvest-kept", classes="summary")
        yield FitFooter()

    def on_mount(self) -> None:
        table = self.query_one("#harvest", FitTable)
        table.add_column("", key="mark", width=3)
        table.add_column("", key="kept", width=3)
        table.add_column("", key="text")
        super().on_mount()
        table.focus()

    def refresh_clock(self, now: datetime) -> None:
        self.query_one(BlockBar).info = self.bar_info(now, t("tui.harvest.name"))

    # --- data -----------------------------------------------------------------------------------

    def cafe(self) -> CafeLive:
        """The café's ideas, clusters and kept ideas (the world café spec's fold)."""
        return self.spec.live(self.live.session, self.block, self.config, self.live.state)

    def _kept(self) -> list[str]:
        return list(self.cafe().kept_for(self.question))

    def refresh_view(self) -> None:
        cafe = self.cafe()
        count = len(self.config.questions)
        self.query_one("#harvest-question", Static).update(
            bold_lead(f"Q{self.question}/{count}", f" {self.config.questions[self.question - 1]}")
        )
        ideas = cafe.of_question(self.question)
        self.marked &= {idea.contribution_id for idea in ideas}  # a deleted idea is unmarked
        kept = list(cafe.kept_for(self.question))
        table = self.query_one("#harvest", FitTable)
        cursor = table.cursor_row
        table.clear()
        clustered: set[str] = set()
        for cluster in cafe.clusters_of(self.question):
            members = cafe.members(cluster)
            clustered.update(m.contribution_id for m in members)
            table.add_row(
                "", self._kept_mark(cluster.cluster_id, kept),
                Text(f"▸ {cluster.title} ({t('tui.cafe.ideas_count', count=len(members))})",
                     style="bold", overflow="ellipsis", no_wrap=True),
                key=cluster.cluster_id,
            )
            for idea in members:
                table.add_row(self._mark(idea.contribution_id),
                              self._kept_mark(idea.contribution_id, kept),
                              Text(f"    {idea.text}", overflow="ellipsis", no_wrap=True),
                              key=idea.contribution_id)
        for idea in ideas:
            if idea.contribution_id in clustered:
                continue
            table.add_row(self._mark(idea.contribution_id),
                          self._kept_mark(idea.contribution_id, kept),
                          Text(idea.text, overflow="ellipsis", no_wrap=True),
                          key=idea.contribution_id)
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1), animate=False)
        fill_width(table, "text")
        wanted = self.config.keep_per_question
        summary = t("tui.harvest.kept", kept=len(kept), wanted=wanted, ideas=len(ideas),
                    marked=len(self.marked))
        if len(kept) > wanted:
            summary += "  " + t("tui.harvest.too_many")
        self.query_one("#harvest-kept", Static).update(summary)

    def _mark(self, item: str) -> Text:
        return Text("[x]" if item in self.marked else "[ ]", style="bold")

    def _kept_mark(self, item: str, kept: list[str]) -> Text:
        return Text("★" if item in kept else "", style="bold")

    def _highlighted(self) -> str | None:
        return self.query_one("#harvest", FitTable).highlighted_key()

    # --- keys -----------------------------------------------------------------------------------

    def action_question(self, step: int) -> None:
        self.question = (self.question - 1 + step) % len(self.config.questions) + 1
        self.marked.clear()
        self.refresh_view()

    def action_hide(self) -> None:
        """Hide the highlighted idea (a phone's off-topic post, a duplicate); ctrl+z undoes."""
        item = self._highlighted()
        if item is None or item not in self.live.state.contributions:
            return
        self.marked.discard(item)
        self.act(self.live.write, self.spec.hidden, item)

    def action_mark(self) -> None:
        item = self._highlighted()
        if item is None or item in self.live.state.clusters:
            return
        self.marked.symmetric_difference_update({item})
        table = self.query_one("#harvest", FitTable)
        self.refresh_view()
        table.action_cursor_down()

    def action_group(self) -> None:
        if not self.marked:
            self.notify(t("tui.harvest.mark_first"), timeout=3)
            return
        target = self._highlighted()
        cluster_id = target if target in self.live.state.clusters else (
            self.cafe().cluster_of(target)
        )
        marked = sorted(self.marked, key=lambda c: self.live.state.contributions[c].event_id)
        if cluster_id is not None:
            self.act(self.live.write, self.spec.cluster_joined, cluster_id, marked)
            self.marked.clear()
            return
        first = self.live.state.contributions[marked[0]].text

        def create(values: dict[str, Any]) -> bool:
            if self.act(self.live.write, self.spec.cluster, self.block, values["value"],
                        self.question, marked) is None:
                return False  # the form stays open with its title
            self.marked.clear()
            self.refresh_view()
            return True

        self.app.push_screen(
            prompt(t("tui.harvest.cluster_title"), t("tui.harvest.title_label"), first[:80],
                   save=create),
        )

    def action_keep(self) -> None:
        item = self._highlighted()
        if item is None:
            return
        kept = self._kept()
        kept = [i for i in kept if i != item] if item in kept else [*kept, item]
        self.act(self.live.write, self.spec.kept, self.block, self.question, kept)
        if len(kept) > self.config.keep_per_question:
            self.notify(t("tui.harvest.too_many"), severity="warning", timeout=3)

    def action_rename(self) -> None:
        item = self._highlighted()
        cluster = self.live.state.clusters.get(item or "")
        if cluster is None:
            return

        def rename(values: dict[str, Any]) -> bool:
            return values["value"] == cluster.title or self.act(
                self.live.write, self.spec.cluster_renamed, cluster.cluster_id, values["value"]
            ) is not None

        self.app.push_screen(
            prompt(t("tui.harvest.cluster_title"), t("tui.harvest.title_label"), cluster.title,
                   save=rename),
        )

    def action_edit_entry(self) -> None:
        """The highlighted idea's text (a cluster's title: renamed)."""
        item = self._highlighted()
        if item in self.live.state.clusters:
            self.action_rename()
            return
        edit_entry(self, self.live.entry("contribution", item) if item else None)

    def action_delete_entry(self) -> None:
        """The highlighted idea, after one confirmation (a cluster: its ideas one by one)."""
        item = self._highlighted()
        entry = self.live.entry("contribution", item) if item else None
        if entry is None:
            return
        delete_entry(self, entry, entry.text or entry.entry_id)

    def action_ungroup(self) -> None:
        item = self._highlighted()
        cluster_id = self.cafe().cluster_of(item)
        if item is None or cluster_id is None:
            return
        self.act(self.live.write, self.spec.cluster_left, cluster_id, [item])

    def action_back(self) -> None:
        self.app.pop_screen()
