"""A `FitTable` that gains rows without a layout of the screen draws what a layout draws."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from labkit.tui.widgets.tables import FitTable


class OneTable(App[None]):
    CSS = "#list { height: 1fr; } #list.auto { height: auto; max-height: 12; }"

    def __init__(self, auto: bool) -> None:
        super().__init__()
        self.auto = auto

    def compose(self) -> ComposeResult:
        yield Static("En tête")
        yield FitTable(fill="text", id="list", classes="auto" if self.auto else "")
        yield Static("Pied")

    def on_mount(self) -> None:
        self.query_one(FitTable).add_column("texte", key="text")


async def test_rows_added_draw_as_a_full_layout_would(monkeypatch) -> None:
    """Rows added one by one, through the moment the scroll bar appears, in a table of fixed
    height and in one whose height follows its rows: after each, the screen is the one a full
    layout draws; while the scroll bar was already there, no layout was made."""
    layouts: list[int] = []
    original = Screen._refresh_layout

    def counting(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        layouts.append(1)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", counting)
    for auto in (False, True):
        app = OneTable(auto)
        async with app.run_test(size=(60, 20)) as pilot:
            await pilot.pause()
            table = app.query_one(FitTable)
            quiet = 0
            for number in range(30):
                scrolling = table.virtual_size.height > table.container_size.height
                layouts.clear()
                table.add_row(f"Idée numéro {number}", key=str(number))
                table.move_cursor(row=table.row_count - 1)
                await pilot.pause()
                if scrolling and table.virtual_size.height > table.container_size.height:
                    assert not layouts, (auto, number)
                    quiet += 1
                drawn = app.export_screenshot()
                app.screen.refresh(layout=True)
                await pilot.pause()
                assert app.export_screenshot() == drawn, (auto, number)
            assert quiet >= 8  # the rows past the first screenful came without a layout


class TwoColumns(App[None]):
    def __init__(self, cursor: str = "cell") -> None:
        super().__init__()
        self.cursor = cursor

    def compose(self) -> ComposeResult:
        yield FitTable(fill="text", id="list", zebra_stripes=True,
                       cursor_type=self.cursor)  # type: ignore[arg-type]  # fmt: skip

    def on_mount(self) -> None:
        table = self.query_one(FitTable)
        table.add_column("n°", key="number")
        table.add_column("texte", key="text")


@pytest.mark.parametrize("cursor", ["row", "cell"])
async def test_a_row_appended_draws_only_itself_and_the_screen_a_full_redraw_would(
    monkeypatch, cursor: str
) -> None:
    """Each row appended, the cursor moved to it, computes the cells of that row only and
    draws the lines of that row and the one the cursor left (DataTable alone recomputes and
    draws every visible row); the screen is the one drawn from empty caches, also when a row widens
    a column."""
    from textual.widgets import DataTable

    computed: list[int] = []
    original = DataTable._compute_row_renderables

    def counting(self, row_index):  # type: ignore[no-untyped-def]
        computed.append(row_index)
        return original(self, row_index)

    monkeypatch.setattr(DataTable, "_compute_row_renderables", counting)
    styled: list[int] = []  # a row's line drawn, not taken from the cache
    row_style = DataTable._get_row_style

    def counting_lines(self, row_index, base_style):  # type: ignore[no-untyped-def]
        styled.append(row_index)
        return row_style(self, row_index, base_style)

    monkeypatch.setattr(DataTable, "_get_row_style", counting_lines)
    app = TwoColumns(cursor)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        table = app.query_one(FitTable)
        for number in range(25):
            computed.clear()
            styled.clear()
            wide = number == 21  # « 100021 » widens the first column: all rows drawn again
            table.add_row(str(100000 + number if wide else number), f"Idée numéro {number}",
                          key=str(number))  # fmt: skip
            table.move_cursor(row=table.row_count - 1)
            await pilot.pause()
            if number and not wide:
                assert set(computed) <= {number, -1}, (number, sorted(set(computed)))
                # the new row and the one the cursor left
                assert set(styled) <= {number, number - 1}, (number, sorted(set(styled)))
            drawn = app.export_screenshot()
            table._update_count += 1
            table._clear_caches()
            table.refresh()
            await pilot.pause()
            assert app.export_screenshot() == drawn, number
        assert len(set(computed)) > 2  # the full redraw above did draw every visible row
