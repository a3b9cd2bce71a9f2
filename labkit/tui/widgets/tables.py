"""Tables that fit the screen: one column takes the width the others leave."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from labkit.tui.widgets.focus_now import FocusNow

_ELSEWHERE = Coordinate(-2, -2)
"""A cursor on no row: what a row's drawing depends on when the cursor is on another row."""


def fill_width(table: DataTable[Any], key: str, minimum: int = 10) -> bool:
    """Give column `key` the width the other columns leave, so that no row scrolls sideways.

    Long texts in that column end with an ellipsis (on a projector, a sideways scroll bar
    hides information; the full text is one Enter away). True when the column's width changed.
    """
    column = table.columns.get(ColumnKey(key))
    width = table.scrollable_content_region.width or table.size.width
    if column is None or not width:
        return False
    others = sum(
        c.get_render_width(table) for k, c in table.columns.items() if k.value != key
    )
    wanted = max(minimum, width - others - 2 * table.cell_padding)
    if column.auto_width or column.width != wanted:
        column.auto_width = False
        column.width = wanted
        table._require_update_dimensions = True
        table.refresh()
        return True
    return False


class SelectTable(FocusNow, DataTable[Any]):
    """A `DataTable` whose Enter can act in its own key turn (`on_select`).

    `DataTable` answers Enter by posting a selection message, read a turn later: a form opened
    from it opens after the keys typed right behind Enter have reached the table (a fast
    typist, tmux), and those keys are lost or act on the table. With `on_select` set, Enter
    calls it at once, so the form is open (`KeyHold`) before the next key is read."""

    on_select: Callable[[], object] | None = None

    def action_select_cursor(self) -> None:
        if self.on_select is not None and self.row_count and self.show_cursor:
            self.on_select()
        else:
            super().action_select_cursor()


class FitTable(SelectTable):
    """A `DataTable` whose `fill` column takes the free width (refitted on every resize)."""

    def __init__(self, *, fill: str, wrap: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.fill = fill
        self.wrap = wrap
        """The `fill` column's texts wrap (rows added with ``height=None``): each row is
        measured again when that column's width changes (`fit`)."""

    _quiet_growth = False
    """The next layout asked for only follows a change of rows that keeps the scroll bars."""

    def watch_virtual_size(self, old: Size, new: Size) -> None:
        """A row added or removed changes the table's scrollable height: Textual then lays out
        the whole screen (tens of milliseconds per entry on a café), although nothing but the
        table's own scroll bar changes, unless a scroll bar appears or goes, or the table's
        height follows its rows."""
        styles = self.styles
        height = self.container_size.height
        follows_rows = styles.height is None or styles.height.is_auto
        self._quiet_growth = (
            self.is_mounted
            and bool(height)
            and old.width == new.width
            and not (styles.width is not None and styles.width.is_auto)
            and styles.overflow_y in ("auto", "scroll")
            and (old.height > height) == (new.height > height)
            # an auto height stops following the rows once they fill the room it has
            and (not follows_rows or old.height > height)
        )

    def refresh(self, *regions: Any, repaint: bool = True, layout: bool = False,
                recompose: bool = False) -> Any:  # fmt: skip
        if layout and self._quiet_growth:
            self._quiet_growth = False
            layout = False
            self._scroll_update(self.virtual_size)
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def add_row(self, *cells: Any, height: int | None = 1, key: str | None = None,
                label: Any = None) -> Any:  # fmt: skip
        """A row appended: the rows already drawn stay valid, so only the new one is drawn.

        `DataTable` keys every cache of drawn cells and lines by a change counter that each
        new row bumps, so that a row added redraws every visible row (on a café of 30 ideas,
        most of an entry's cost). An appended row changes no other row, unless the columns
        widen for it (`_update_dimensions` then drops the caches) or it is the first.
        """
        count = self._update_count
        appended = self.row_count > 0
        row_key = super().add_row(*cells, height=height, key=key, label=label)
        if appended:
            self._update_count = count
            self._offset_cache.clear()  # keyed by the counter only: the new row's lines
        return row_key

    def _update_dimensions(self, new_rows: Any) -> None:
        widths = self._drawn_widths()
        super()._update_dimensions(new_rows)
        if self._drawn_widths() != widths:
            self._update_count += 1  # wider columns: every row is drawn again
            self._clear_caches()

    def _render_line_in_row(self, row_key: Any, line_no: int, base_style: Any,
                            cursor_location: Coordinate,
                            hover_location: Coordinate) -> Any:  # fmt: skip
        """A row's drawn line, cached by whether the cursor (or the mouse) is on that row
        rather than by where it is: `DataTable` keys it by the cursor's coordinate, so that a
        cursor moved to the new last row drew every visible row again."""
        if self.cursor_type in ("row", "cell"):
            row = self._row_locations.get(row_key) if row_key in self._row_locations else -1
            if cursor_location.row != row:
                cursor_location = _ELSEWHERE
            if hover_location.row != row:
                hover_location = _ELSEWHERE
        return super()._render_line_in_row(row_key, line_no, base_style, cursor_location,
                                           hover_location)  # fmt: skip

    def _drawn_widths(self) -> tuple[int, ...]:
        return (self._row_label_column_width,
                *(column.get_render_width(self) for column in self.ordered_columns))  # fmt: skip

    def on_resize(self) -> None:
        self.fit()

    def fit(self) -> None:
        """Give the `fill` column the free width; wrapped rows are measured again at a new
        width (`DataTable` measures a row's height only when it is added)."""
        if fill_width(self, self.fill) and self.wrap and self.row_count:
            self._measure_again()

    def _measure_again(self) -> None:
        cursor = self.cursor_row
        rows = [(row.key.value, self.get_row(row.key)) for row in self.ordered_rows]
        self.clear()
        for key, cells in rows:
            DataTable.add_row(self, *cells, height=None, key=key)
        self.move_cursor(row=min(max(cursor, 0), self.row_count - 1), animate=False)

    def highlighted_key(self) -> str | None:
        """The key of the row under the cursor (None when the table is empty)."""
        if not self.row_count:
            return None
        cell = self.coordinate_to_cell_key(Coordinate(self.cursor_row, 0))
        return str(cell.row_key.value)


def show(widget: Any, content: Any, *, layout: bool = False) -> None:
    """Put `content` in a `Static` only if it changed; without re-layout unless asked.

    Timers update texts every second: a re-layout of the whole screen each time costs tens of
    milliseconds at 160x50 (and delays the next keypress), while a repaint costs little.
    """
    if widget.content == content:
        return
    widget.update(content, layout=layout)
