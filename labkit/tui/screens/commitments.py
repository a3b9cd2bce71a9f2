"""Commitments / roadmaps: a grid of what, owner, due date, indicator and territory or team,
with dates and owners checked before they reach the journal."""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from labkit.i18n import format_date, t
from labkit.methods.commitments import Commitments, CommitmentsLive
from labkit.model import Block, CommitmentsConfig, Session
from labkit.model.events.base import COMMITMENT_STATUSES
from labkit.model.territories import find_territory, region_of, territory_label
from labkit.model.text import fold
from labkit.model.views import Commitment
from labkit.tui.screens.base import BlockScreen, checked
from labkit.tui.screens.forms import FieldError, FormField, FormScreen, required
from labkit.tui.widgets.agenda.block_bar import BlockBar
from labkit.tui.widgets.footer import FitFooter
from labkit.tui.widgets.plain import Plain, bold_lead
from labkit.tui.widgets.tables import FitTable, fill_width

_DMY = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})\s*$")
_MY = re.compile(r"^\s*(\d{1,2})[/.\-](\d{4})\s*$")
STATUS_CYCLE = ("proposed", "committed", "in_progress", "done", "dropped")


def parse_due(text: str, session_start: date) -> date | None:
    """A due date typed the French way: 15/06/2027, 15/6/27, 2027-06-15, or 06/2027 (end of
    that month). Empty: no date. Refused: unreadable, before the session, or over 5 years on."""
    value = text.strip()
    if not value:
        return None
    found: date | None = None
    try:
        if match := _DMY.match(value):
            day, month, year = (int(g) for g in match.groups())
            found = date(year + 2000 if year < 100 else year, month, day)
        elif match := _MY.match(value):
            month, year = int(match[1]), int(match[2])
            found = date(year, month, monthrange(year, month)[1])
        else:
            found = date.fromisoformat(value)
    except ValueError:
        raise FieldError(t("tui.commit.bad_date")) from None
    if found < session_start:
        raise FieldError(t("tui.commit.date_past", date=format_date(session_start, None,
                                                                     "short")))
    if found.year > session_start.year + 5:
        raise FieldError(t("tui.commit.date_far"))
    return found


def known_territories(session: Session) -> list[str]:
    """Territories named by the plan (diagnostic and peer-help blocks) or by participants."""
    found: list[str] = []
    for _, block in session.blocks():
        found += list(getattr(block.method, "territories", []) or [])
    found += [p.territory for p in session.participants if p.territory]
    return list(dict.fromkeys(found))


_REGION_WORDS = {"region", "regional", "regionale", "niveau regional"}


def commitment_territory(text: str, known: list[str]) -> str:
    """The territory typed in a commitment, as its code: one of `known` ("7", "Ardèche" ->
    "07"), or a region, the regional level ("R84", "Auvergne-Rhône-Alpes", or "région" alone:
    the region of the known départements when there is one). Raises FieldError otherwise."""
    labels = ", ".join(territory_label(k) for k in known)
    if fold(text) in _REGION_WORDS:
        regions = list(dict.fromkeys(r.code for k in known if (r := region_of(k))))
        if len(regions) == 1:
            return regions[0]
        names = ", ".join(territory_label(r) for r in regions)
        raise FieldError(t("tui.commit.which_region", known=names or "R84"))
    found = find_territory(text)
    value = found.code if found is not None else text
    if found is not None and found.kind == "region":
        return value
    if known and value not in known:
        raise FieldError(t("tui.commit.unknown_territory", known=labels))
    return value


def _owner_text(item: Commitment) -> str:
    """Who carries a commitment (« Karim — CAF de l'Aisne »), or a warning that no one does."""
    owner = " — ".join(filter(None, (item.owner_person, item.owner_organisation)))
    return owner or "⚠ " + t("tui.commit.no_owner")


class CommitmentsScreen(BlockScreen):
    """n: new commitment · Enter: edit · v: status · Suppr (Delete): delete (asks once) ·
    [ ]: filter by group."""

    BINDINGS = [
        Binding("n", "new", "tui.key.new"),
        Binding("enter", "edit", "tui.key.edit"),
        Binding("v", "status", "tui.key.status"),
        Binding("delete", "delete", "tui.key.delete"),
        Binding("right_square_bracket", "group(1)", "tui.key.next_group", show=False),
        Binding("left_square_bracket", "group(-1)", "tui.key.prev_group", show=False),
    ]

    def __init__(self, block: Block) -> None:
        super().__init__(block)
        self.config = checked(block.method, CommitmentsConfig)
        self.spec = Commitments()
        self.by_territory = self.config.grouped_by == "territory"
        self.filter_index = 0  # 0: every group
        self.wide = False
        self.indicator_shown = False
        """The indicator has its column only where the commitment keeps its room (≥ 150)."""

    def compose(self) -> ComposeResult:
        yield BlockBar(id="block-bar")
        yield Plain(id="commit-title", classes="summary")
        yield FitTable(fill="what", id="commitments", cursor_type="row", classes="items")
        # the highlighted commitment in full: at 80 columns its column shows ~15 characters
        yield Plain(id="commit-detail", classes="summary")
        yield Plain(t("tui.commit.hint"), classes="hint")
        yield FitFooter()

    def on_mount(self) -> None:
        table = self.query_one("#commitments", FitTable)
        table.on_select = self.action_edit  # the form opens in Enter's turn
        group = "tui.commit.territory" if self.by_territory else "tui.commit.team"
        self.wide = self.app.size.width >= 120
        self.indicator_shown = self.app.size.width >= 150  # at 120 it left « Un guiche… »
        width = (20 if self.wide else 12) if self.by_territory else (12 if self.wide else 5)
        table.add_column(t(group)[:width], key="group", width=width)
        table.add_column(t("tui.commit.what"), key="what")
        table.add_column(t("tui.commit.owner"), key="owner", width=26 if self.wide else 14)
        table.add_column(t("tui.commit.due"), key="due", width=10)
        if self.indicator_shown:
            table.add_column(t("tui.commit.indicator"), key="indicator", width=24)
        table.add_column(t("tui.commit.status"), key="status", width=9)
        self.add_source_column(table)
        super().on_mount()
        table.focus()

    def refresh_clock(self, now: datetime) -> None:
        self.query_one(BlockBar).info = self.bar_info(now)

    # --- data -----------------------------------------------------------------------------------

    def recorded(self) -> CommitmentsLive:
        """The block's commitments (the commitments spec's fold)."""
        return self.spec.live(self.live.session, self.block, self.config, self.live.state)

    def groups(self) -> list[str]:
        if not self.by_territory:
            return self.recorded().teams()
        known = known_territories(self.live.session)
        named = sorted({c.territory for c in self.recorded().commitments if c.territory}
                       - set(known))  # fmt: skip
        return known + named

    def group_label(self, group: str | None) -> str:
        """A group as shown: a territory with its name ("Ardèche (07)"), a team as named."""
        if group is None:
            return "—"
        return territory_label(group) if self.by_territory else group

    def _group_of(self, item: Commitment) -> str | None:
        return item.territory if self.by_territory else item.team

    def commitments(self) -> list[Commitment]:
        items = list(self.recorded().commitments)
        groups = self.groups()
        if self.filter_index and self.filter_index <= len(groups):
            wanted = groups[self.filter_index - 1]
            items = [c for c in items if self._group_of(c) == wanted]
        return sorted(items, key=lambda c: (self._group_of(c) or "", c.event_id))

    def refresh_view(self) -> None:
        items = self.commitments()
        groups = self.groups()
        shown = t("tui.commit.all") if not self.filter_index or self.filter_index > len(
            groups) else self.group_label(groups[self.filter_index - 1])
        title = self.config.title or self.block.title
        self.query_one("#commit-title", Static).update(
            bold_lead(title, f" — {t('tui.commit.count', count=len(items))} · "
                      + t("tui.colon", label=t("tui.commit.filter"), value=shown))
        )
        table = self.query_one("#commitments", DataTable)
        cursor = table.cursor_row
        table.clear()
        for item in items:
            cells = [
                Text(self.group_label(self._group_of(item)), style="bold", overflow="ellipsis",
                     no_wrap=True),
                Text(item.what, overflow="ellipsis", no_wrap=True),
                Text(_owner_text(item), overflow="ellipsis", no_wrap=True),
                item.due.strftime("%d/%m/%Y") if item.due else "—",
            ]
            if self.indicator_shown:
                cells.append(Text(item.indicator or "—", overflow="ellipsis", no_wrap=True))
            cells.append(Text(t(f"tui.commit.status.{item.status}"),
                              style="bold" if item.status == "committed" else ""))
            cells.append(self.source_of(item.event_id))
            table.add_row(*cells, key=item.commitment_id)
        if table.row_count:
            table.move_cursor(row=min(cursor, table.row_count - 1), animate=False)
        fill_width(table, "what")
        self._show_detail()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        """The highlighted commitment in full under the list (what, who, when, indicator)."""
        item = self._highlighted()
        detail = self.query_one("#commit-detail", Plain)
        if item is None:
            detail.display = False
            return
        parts = [_owner_text(item),
                 item.due.strftime("%d/%m/%Y") if item.due else "",
                 t("tui.colon", label=t("tui.commit.indicator"), value=item.indicator)
                 if item.indicator else ""]
        detail.update(bold_lead(f"▸ {item.what}", "\n  " + " · ".join(p for p in parts if p)))
        detail.display = True

    def _highlighted(self) -> Commitment | None:
        key = self.query_one("#commitments", FitTable).highlighted_key()
        return self.live.state.commitments.get(key) if key is not None else None

    # --- the form -------------------------------------------------------------------------------

    def _check_group(self, text: str) -> str | None:
        value = " ".join(text.split())
        if not value:
            groups = self.groups()
            if self.filter_index and self.filter_index <= len(groups):
                return groups[self.filter_index - 1]
            raise FieldError(t("tui.form.required"))
        if self.by_territory:
            return commitment_territory(value, known_territories(self.live.session))
        return value

    def _form(self, title: str, item: Commitment | None,
              save: Callable[[dict[str, Any]], bool]) -> FormScreen:
        start = self.live.session.days[0].date
        group_label = t("tui.commit.territory" if self.by_territory else "tui.commit.team")
        current = self._group_of(item) if item else None
        current_group = self.group_label(current) if current else ""
        return FormScreen(title, [
            FormField("what", t("tui.commit.what"), item.what if item else "", required),
            FormField("owner_person", t("tui.commit.owner_person"),
                      (item.owner_person or "") if item else ""),
            FormField("owner_organisation", t("tui.commit.owner_organisation"),
                      (item.owner_organisation or "") if item else ""),
            FormField("due", t("tui.commit.due"),
                      item.due.strftime("%d/%m/%Y") if item and item.due else "",
                      lambda text: parse_due(text, start), t("tui.commit.date_hint")),
            FormField("indicator", t("tui.commit.indicator"),
                      (item.indicator or "") if item else ""),
            FormField("group", group_label, current_group, self._check_group),
        ], check_all=self._check_owner, save=save)

    def _check_owner(self, values: dict[str, Any]) -> dict[str, Any]:
        """An owner is required; a participant's first name brings their organisation."""
        person, organisation = values.get("owner_person"), values.get("owner_organisation")
        if not person and not organisation:
            raise FieldError(t("tui.commit.owner_required"))
        if person and not organisation:
            matches = [p for p in self.live.session.participants
                       if p.first_name.casefold() == person.split()[0].casefold()]
            if len(matches) == 1 and matches[0].organisation:
                values["owner_organisation"] = matches[0].organisation
        group = values.pop("group")
        values["territory" if self.by_territory else "team"] = group
        return values

    def _open_form(self, item: Commitment | None) -> None:
        title = t("tui.commit.edit_title") if item else t("tui.commit.new_title")

        def save(values: dict[str, Any]) -> bool:
            """Write the form; False (the form stays open) when nothing was recorded."""
            if item is None:
                fields = dict(values)
                what = fields.pop("what")
                return self.act(self.live.write, self.spec.commitment, self.block, what,
                                **fields) is not None  # fmt: skip
            changes = {k: v for k, v in values.items() if getattr(item, k) != v}
            return not changes or self.act(
                self.live.write, self.spec.edited, item.commitment_id, **changes
            ) is not None

        self.app.push_screen(self._form(title, item, save))

    def action_new(self) -> None:
        self._open_form(None)

    def action_edit(self) -> None:
        item = self._highlighted()
        if item is not None:
            self._open_form(item)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_status(self) -> None:
        item = self._highlighted()
        if item is None:
            return
        statuses = [s for s in STATUS_CYCLE if s in COMMITMENT_STATUSES]
        following = statuses[(statuses.index(item.status) + 1) % len(statuses)]
        self.act(self.live.write, self.spec.status, item.commitment_id, following)

    def action_delete(self) -> None:
        item = self._highlighted()
        if item is None:
            return

        def delete() -> None:
            if self.act(self.live.write, self.spec.deleted, item.commitment_id) is not None:
                self.notify(t("tui.commit.deleted"), timeout=4)

        self.labkit.confirm(t("tui.entry.confirm_delete", entry=item.what), delete)

    def action_group(self, step: int) -> None:
        self.filter_index = (self.filter_index + step) % (len(self.groups()) + 1)
        self.refresh_view()
