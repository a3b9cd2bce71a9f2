"""Persona journey: each team's persona and its stages (actions, touchpoints, emotion, pain
points, opportunities), edited cell by cell."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from labkit.i18n import t
from labkit.methods.persona_journey import JourneysLive, PersonaJourney
from labkit.model import Block, PersonaJourneyConfig
from labkit.model.views import JourneyStep, Persona, RecordedEvent
from labkit.tui.screens.base import BlockScreen, checked
from labkit.tui.screens.forms import FieldError, FormField, FormScreen, prompt, required
from labkit.tui.widgets.agenda.block_bar import BlockBar
from labkit.tui.widgets.footer import FitFooter
from labkit.tui.widgets.plain import Plain
from labkit.tui.widgets.tables import SelectTable

LIST_FIELDS = ("actions", "touchpoints", "pain_points", "opportunities")
COLUMNS = ("stage", "actions", "touchpoints", "emotion", "pain_points", "opportunities")
EMOTION_WORDS = {-2: "--", -1: "-", 0: "=", 1: "+", 2: "++"}


def split_items(text: str) -> list[str]:
    """ "a ; b ; c" → ["a", "b", "c"] (empty parts dropped)."""
    return [part.strip() for part in text.split(";") if part.strip()]


def parse_emotion(text: str) -> int | None:
    """-2..+2 (or ++/+/=/-/--); empty clears."""
    value = text.strip()
    if not value:
        return None
    words = {w: n for n, w in EMOTION_WORDS.items()}
    if value in words:
        return words[value]
    try:
        number = int(value)
    except ValueError:
        raise FieldError(t("tui.journey.bad_emotion")) from None
    if not -2 <= number <= 2:
        raise FieldError(t("tui.journey.bad_emotion"))
    return number


class JourneyScreen(BlockScreen):
    """One team at a time: ←/→ cells, Enter edits, 1–5 sets the emotion, [ ] changes team."""

    BINDINGS = [
        Binding("enter,ctrl+e", "edit", "tui.key.edit"),
        Binding("delete", "delete_step", "tui.key.delete_entry"),
        Binding("right_square_bracket,tab", "team(1)", "tui.key.next_team"),
        Binding("left_square_bracket,shift+tab", "team(-1)", "tui.key.prev_team", show=False),
        Binding("P", "persona", "tui.key.persona"),
        *[Binding(str(n), f"emotion({n - 3})", "tui.key.emotion", show=False)
          for n in range(1, 6)],
    ]

    def __init__(self, block: Block) -> None:
        super().__init__(block)
        self.config = checked(block.method, PersonaJourneyConfig)
        self.spec = PersonaJourney()
        self.team = 1

    def compose(self) -> ComposeResult:
        yield BlockBar(id="block-bar")
        yield Plain(id="persona", classes="summary")
        yield SelectTable(id="journey", cursor_type="cell", classes="items")
        yield Plain(t("tui.journey.hint"), classes="hint")
        yield FitFooter()

    def on_mount(self) -> None:
        table = self.query_one("#journey", SelectTable)
        for column in COLUMNS:
            table.add_column(t(f"tui.journey.{column}"), key=column)
        table.on_select = self.action_edit  # the prompt opens in Enter's turn
        super().on_mount()
        table.focus()

    def refresh_clock(self, now: datetime) -> None:
        self.query_one(BlockBar).info = self.bar_info(now)

    # --- data -----------------------------------------------------------------------------------

    def _planned_persona(self) -> Any:
        return self.config.personas[(self.team - 1) % len(self.config.personas)]

    def journeys(self) -> JourneysLive:
        """The block's personas and their steps (the persona journey spec's fold)."""
        return self.spec.live(self.live.session, self.block, self.config, self.live.state)

    def _persona(self) -> Persona | None:
        return self.journeys().of_team(str(self.team))

    def _ensure_persona(self) -> str:
        found = self._persona()
        if found is not None:
            return found.persona_id
        planned = self._planned_persona()
        return self.live.created_id(self.spec.persona, self.block, planned.name,
                                    description=planned.description or None,
                                    team=str(self.team))  # fmt: skip

    def _stages(self) -> list[tuple[str, JourneyStep | None]]:
        journeys = self.journeys()
        persona = journeys.of_team(str(self.team))
        return journeys.stages(persona.persona_id if persona else None, self.config.stages)

    def refresh_view(self) -> None:
        persona = self._persona()
        planned = self._planned_persona()
        name = persona.name if persona else planned.name
        description = (persona.description if persona else planned.description) or ""
        self.query_one("#persona", Static).update(
            Text.assemble(
                (t("tui.journey.team", team=self.team, teams=self.config.teams) + " — ", "bold"),
                (name, "bold"), ("  " + " ".join(description.split())[:200], "italic"),
            )
        )
        table = self.query_one("#journey", DataTable)
        row, column = table.cursor_coordinate
        table.clear()
        for number, (stage, step) in enumerate(self._stages(), 1):
            table.add_row(*self._cells(stage, step), key=str(number), height=None)
        if table.row_count:
            table.move_cursor(row=min(row, table.row_count - 1), column=column, animate=False)
        self._fit_columns()

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Share the width between the columns (texts wrap inside their cell)."""
        table = self.query_one("#journey", DataTable)
        width = table.size.width
        if not width:
            return
        stage = min(24, max(12, width // 6))
        rest = max(8, (width - stage - 2 * table.cell_padding * len(COLUMNS) - 4) // 5)
        for key, column in table.columns.items():
            column.auto_width = False
            column.width = stage if key.value == "stage" else rest
        table._require_update_dimensions = True
        table.refresh()

    def _cells(self, stage: str, step: JourneyStep | None) -> list[Text]:
        cells = [Text(stage, style="bold")]
        for column in COLUMNS[1:]:
            if step is None:
                cells.append(Text("·", style="dim"))
            elif column == "emotion":
                emotion = step.emotion
                cells.append(Text("" if emotion is None else
                                  f"{EMOTION_WORDS[emotion]} {t(f'tui.emotion.{emotion}')}"))
            else:
                cells.append(Text("\n".join(getattr(step, column)) or "·"))
        return cells

    # --- editing --------------------------------------------------------------------------------

    def _cursor(self) -> tuple[int, str]:
        table = self.query_one("#journey", DataTable)
        row, column = table.cursor_coordinate
        return row, COLUMNS[column]

    def _write(self, row: int, changes: dict[str, Any]) -> bool:
        """Write a cell of the stage on `row`; whether the journal recorded it."""
        stages = self._stages()
        if not 0 <= row < len(stages):
            return False
        stage, step = stages[row]

        def write() -> list[RecordedEvent]:
            if step is None:
                persona_id = self._ensure_persona()
                fields = dict(changes)
                name = fields.pop("stage", stage)  # the stage column renames it
                return self.live.write(self.spec.step, persona_id, name, position=row + 1,
                                       **fields)  # fmt: skip
            return self.live.write(self.spec.step_edited, step.step_id, **changes)

        return self.act(write) is not None

    def action_edit(self) -> None:
        row, column = self._cursor()
        stages = self._stages()
        if not 0 <= row < len(stages):
            return
        stage, step = stages[row]
        label = t(f"tui.journey.{column}")
        if column == "stage":
            current = stage
            check: Any = required
        elif column == "emotion":
            current = "" if step is None or step.emotion is None else str(step.emotion)
            check = parse_emotion
        else:
            current = " ; ".join(getattr(step, column)) if step else ""
            check = split_items

        def save(values: dict[str, Any]) -> bool:
            return self._write(row, {column: values["value"]})

        title = f"{stage} — {label}"
        hint = t("tui.journey.list_hint") if column in LIST_FIELDS else ""
        self.app.push_screen(prompt(title, label, current, check, save=save, hint=hint))

    def action_delete_step(self) -> None:
        row, _ = self._cursor()
        stages = self._stages()
        if not 0 <= row < len(stages) or stages[row][1] is None:
            return
        stage, step = stages[row]
        assert step is not None

        def delete() -> None:
            if self.act(self.live.write, self.spec.step_deleted, step.step_id) is not None:
                self.notify(t("tui.entry.deleted"), timeout=6)

        self.labkit.confirm(t("tui.entry.confirm_delete", entry=stage), delete)

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        event.stop()
        self.action_edit()

    def action_emotion(self, value: int) -> None:
        row, _ = self._cursor()
        self._write(row, {"emotion": value})

    def action_team(self, step: int) -> None:
        self.team = (self.team - 1 + step) % self.config.teams + 1
        self.refresh_view()

    def action_persona(self) -> None:
        persona = self._persona()
        planned = self._planned_persona()
        name = persona.name if persona else planned.name
        description = (persona.description if persona else planned.description) or ""

        def save(values: dict[str, Any]) -> bool:
            def write() -> list[RecordedEvent]:
                persona_id = self._ensure_persona()
                return self.live.write(self.spec.persona_edited, persona_id,
                                       name=values["name"], description=values["description"])

            return self.act(write) is not None

        self.app.push_screen(FormScreen(t("tui.journey.persona_title", team=self.team), [
            FormField("name", t("tui.journey.persona_name"), name, required),
            FormField("description", t("tui.journey.persona_description"), description),
        ], save=save))
