"""When the live app draws: typed keys first, the frame after them.

Textual draws a frame up to 60 times a second, whenever a widget changed, between any two
messages. While the facilitator types a burst (or a paste, or tmux) and phones' ideas come in, a
frame drawn between two queued keys (tens of milliseconds on a café of 10 tables on these 2 cores)
delays every key behind it, the Enter included, and so the entry's write. So, while key events
wait for the focused text field, the screen's frame waits too (at most `MAX_DEFER`, so that a
long paste still echoes), and an Enter's entry, once written, is drawn at once, in the Enter's own
turn, before the next keys are read (`draw_now`): write first, draw after, then the next keys.
A list's rows added by the entry are measured for that frame too (`DataTable` measures them when
its queue is idle, which came after the next keys: a second drawing of the list in their way).
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable

from labkit.tui.widgets.text_field import TextField

MAX_DEFER = 0.2
"""The longest a frame waits for queued keys (seconds): a long burst still shows as it goes."""


def _queued_key(pump: Any) -> bool:
    queue = getattr(pump, "_message_queue", None)
    waiting = getattr(queue, "values", ())  # textual._queue.Queue's deque (read only)
    return any(isinstance(message, events.Key) for message in waiting)


def keys_waiting(app: Any) -> bool:
    """Whether key events wait to be read by the focused text field (in the app's queue, where
    keys arrive, or in the field's own)."""
    focused = app.focused
    if not isinstance(focused, TextField):
        return False
    return _queued_key(app) or _queued_key(focused)


def measure_rows(table: DataTable[Any]) -> None:
    """What `DataTable` does when its queue is idle, now: the widths of the cells changed and
    the sizes of the rows added (then its scrollable size)."""
    if table._updated_cells:
        updated = table._updated_cells.copy()
        table._updated_cells.clear()
        table._update_column_widths(updated)
    if table._require_update_dimensions:
        table._require_update_dimensions = False
        added = table._new_rows.copy()
        table._new_rows.clear()
        table._update_dimensions(added)


def draw_now(screen: Screen[Any]) -> bool:
    """Draw what changed on `screen` now, within the current turn, instead of after the widgets'
    next idle messages (Textual's path: each changed widget posts ``Update`` to its screen, which
    draws on its next timer tick, by then after the keys queued meanwhile), laying the screen out
    again if a widget asked for it, its lists' new rows measured first. Whether it drew: not
    when the screen is not the app's top one, or when a widget's styles must be refreshed first
    (then Textual's own path draws it)."""
    if screen.app.screen is not screen:
        return False
    for table in screen.query(DataTable):
        measure_rows(table)
    changed: list[Widget] = []
    laid_out: list[Widget] = []
    scrolled = False
    for widget in screen.walk_children(Widget):
        if widget._refresh_styles_required:
            return False
        if widget._layout_required:
            laid_out.append(widget)
        if widget._repaint_required and widget.display:
            changed.append(widget)
        scrolled = scrolled or widget._scroll_required
    for widget in changed:
        widget._repaint_required = False  # its `Update` is this draw (a later one is harmless)
        screen._dirty_widgets.add(widget)
    for widget in laid_out:  # as Textual's `Widget._check_refresh` and `Screen._on_layout`
        widget._layout_required = False
        for ancestor in widget.ancestors:
            if not isinstance(ancestor, Widget):
                break
            ancestor._clear_arrangement_cache()
            ancestor._layout_updates += 1
            if not ancestor.styles.auto_dimensions:
                break
        screen._layout_required = True
    if scrolled:
        for widget in screen.walk_children(Widget):
            widget._scroll_required = False
        screen._scroll_required = True
    Screen._on_timer_update(screen)
    return True
