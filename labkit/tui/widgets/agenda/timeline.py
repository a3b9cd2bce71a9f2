"""The day's agenda as a timeline: planned time, status, phase (by name and colour), drift."""

from __future__ import annotations

from datetime import tzinfo

from rich.text import Text
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import DataTable

from labkit.i18n import format_time, t
from labkit.tui.live_state import PHASE_MARK, STATUS_MARK, TimelineRow
from labkit.tui.widgets.tables import FitTable

PHASE_STYLE = {
    "scan": "bold #ffffff on #1f5f99",
    "focus": "bold #000000 on #f0b429",
    "act": "bold #ffffff on #2e7d32",
    "none": "",
}
"""Phase colours (with the phase name always written, for monochrome screens)."""


def drift_cell(row: TimelineRow) -> Text:
    """ "+12" (late, bold), "-3" (ahead), "" (on time or not started)."""
    if row.end_drift is None or row.status == "not_started":
        return Text("")
    minutes = int(round(row.end_drift.total_seconds() / 60))
    if minutes == 0:
        return Text("=")
    return Text(f"{minutes:+d}", style="bold" if minutes > 0 else "")


class Timeline(FitTable):
    """One row per block of the day; Enter opens the block's screen."""

    rows_data: reactive[list[TimelineRow]] = reactive(list, always_update=True)
    zone: tzinfo | None = None

    class BlockChosen(Message):
        """The facilitator chose a block (Enter)."""

        def __init__(self, block_id: str) -> None:
            super().__init__()
            self.block_id = block_id

    def __init__(self, **kwargs: object) -> None:
        super().__init__(fill="title", wrap=True, cursor_type="row", zebra_stripes=False,
                         **kwargs)
        self._columns_ready = False

    def on_mount(self) -> None:
        self.add_column(t("tui.timeline.time"), key="time")
        self.add_column("", key="status")
        self.add_column(t("tui.timeline.phase"), key="phase")
        self.add_column(t("tui.timeline.drift"), key="drift")
        self.add_column(t("tui.timeline.block"), key="title")
        self._columns_ready = True
        self.watch_rows_data(self.rows_data)

    def watch_rows_data(self, rows: list[TimelineRow]) -> None:
        if not self._columns_ready:
            return
        cursor = self.cursor_row
        keys = [r.block.id for r in rows]
        if [str(k.value) for k in self.rows] != keys:
            self.clear()
            self.fit()  # before the rows: each is as tall as its wrapped title
            for row in rows:
                self.add_row(*self._cells(row), height=None, key=row.block.id)
        else:
            for row in rows:
                for column, value in zip(
                    ("time", "status", "phase", "drift", "title"), self._cells(row), strict=True
                ):
                    self.update_cell(row.block.id, column, value)
        if rows:
            self.move_cursor(row=min(max(cursor, 0), len(rows) - 1), animate=False)
        self.fit()

    def _cells(self, row: TimelineRow) -> tuple[Text, Text, Text, Text, Text]:
        zone = self.zone
        start = row.timing.started_at if row.status != "not_started" else None
        time = Text(format_time(start or row.planned.start, zone=zone))
        if start is None:
            time.stylize("dim")
        status = Text(STATUS_MARK[row.status], style="bold" if row.status != "ended" else "dim")
        phase = row.block.phase.value
        phase_cell = Text(f" {PHASE_MARK[row.block.phase] or '·':<5} ", style=PHASE_STYLE[phase])
        title = Text(row.block.title)  # whole, wrapped: 16 columns at 80 (« Interviews croi… »)
        if row.status in ("running", "paused"):
            title.stylize("bold reverse")
        elif row.status == "ended":
            title.stylize("dim")
        return time, status, phase_cell, drift_cell(row), title

    @property
    def highlighted_block(self) -> str | None:
        """The id of the block under the cursor."""
        return self.highlighted_key()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.BlockChosen(str(event.row_key.value)))
