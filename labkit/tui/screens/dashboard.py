"""The day dashboard: the timeline by phase, the current block's big countdown, drift, next."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from labkit.document.text import shorten
from labkit.i18n import format_date, format_duration, format_time, t
from labkit.methods import round_count, round_minutes
from labkit.model import Block
from labkit.tui import live_state as ls
from labkit.tui.screens.base import LiveScreen
from labkit.tui.widgets.agenda.timeline import Timeline
from labkit.tui.widgets.footer import FitFooter
from labkit.tui.widgets.plain import Plain, bold_lead, message
from labkit.tui.widgets.timers.countdown import Countdown


class DashboardScreen(LiveScreen):
    """Where the session stands: what runs, how long is left, how late the day is."""

    BINDINGS = [
        Binding("enter", "open_selected", "tui.key.open_block", show=False),
        # Only here: on a screen with a grid or a list, a letter typed by mistake never quits.
        Binding("q", "app.quit_app", "tui.key.quit", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Plain(id="day-title")
        with Horizontal(id="dash-main"):
            yield Timeline(id="timeline")
            with Vertical(id="current-panel"):
                yield Plain(id="current-title")
                yield Countdown(id="block-countdown")
                yield Plain(id="round-line")
                yield Plain(id="current-times")
                yield Plain(id="day-drift")
                yield Plain(id="next-block")
        yield Plain(id="alert-banner")
        yield FitFooter()

    def on_mount(self) -> None:
        self.query_one(Timeline).zone = self.live.zone
        self.query_one(Timeline).on_select = self.action_open_selected  # in Enter's turn
        super().on_mount()
        self.query_one(Timeline).focus()

    # --- data down --------------------------------------------------------------------------

    def refresh_view(self) -> None:
        session = self.live.session
        day = session.days[self.live.day - 1]
        title = (f"{t('word.day')} {self.live.day} · {format_date(day.date, None, 'full')} — "
                 f"{session.title}")
        # on one line, ended with « … » when the terminal is narrower (80 columns)
        self.query_one("#day-title", Static).update(" " + shorten(title, self.app.size.width - 3))

    def on_resize(self) -> None:
        self.refresh_view()

    def refresh_clock(self, now: datetime) -> None:
        rows = self.live.rows(now)
        self.query_one(Timeline).rows_data = rows
        current = ls.current_row(rows)
        following = ls.next_row(rows)
        zone = self.live.zone
        title = self.query_one("#current-title", Static)
        countdown = self.query_one(Countdown)
        times = self.query_one("#current-times", Static)
        round_line = self.query_one("#round-line", Static)
        banner = self.query_one("#alert-banner", Static)
        overrun = False
        if current is None:
            # F6 has nothing left to start once the day's last block has ended
            title.update(message("tui.dash.no_block" if following else "tui.dash.no_block_left"))
            countdown.display = False
            countdown.remaining = None
            countdown.paused = False
            times.update("")
            round_line.update("")
        else:
            block = current.block
            phase = ls.PHASE_MARK[block.phase]
            status = t(f"tui.status.{current.status}")
            title.update(bold_lead(
                block.title,
                f"\n{phase + ' · ' if phase else ''}{t('method.' + block.method_type)} · {status}",
            ))
            left = ls.remaining(current, now)
            countdown.display = True
            countdown.caption = t("tui.dash.time_left")
            countdown.remaining = left
            countdown.paused = current.status == "paused"
            overrun = left.total_seconds() <= 0
            projected = (
                current.planned.end + current.end_drift if current.end_drift is not None else None
            )
            times.update(
                t(
                    "tui.dash.planned_actual",
                    planned=f"{format_time(current.planned.start, zone=zone)}–"
                    f"{format_time(current.planned.end, zone=zone)}",
                    start=format_time(current.timing.started_at, zone=zone),
                    end=format_time(projected, zone=zone),
                    extension=self._extension(current.timing.extension_minutes),
                )
            )
            round_text, round_over = self._round_text(block, now)
            round_line.update(round_text)
            overrun = overrun or round_over
        drift = ls.day_drift(rows, now, self.live.on_session_date)
        drift_widget = self.query_one("#day-drift", Static)
        drift_widget.update(message("tui.dash.drift_line", drift=ls.drift_text(drift)))
        drift_widget.set_class(drift is not None and drift.total_seconds() >= 300, "-late")
        if following is not None:
            nxt = following.block
            self.query_one("#next-block", Static).update(
                t("tui.dash.next_line",
                  time=format_time(ls.expected_start(following, drift), zone=zone),
                  title=nxt.title, duration=format_duration(nxt.duration))
            )
        else:
            key = "tui.dash.no_next" if current is not None else "tui.dash.day_over"
            self.query_one("#next-block", Static).update(t(key))
        banner.update(t("tui.dash.time_up") if overrun else "")
        banner.set_class(overrun, "-on")

    def _extension(self, minutes: int) -> str:
        return t("tui.dash.extended", minutes=f"{minutes:+d}") if minutes else ""

    def _round_text(self, block: Block, now: datetime) -> tuple[str | Content, bool]:
        count = round_count(block)
        if not count:
            return "", False
        running = self.live.state.current_round(block.id)
        number = running.round if running else self.live.last_round(block.id)
        if number == 0:
            return t("tui.dash.rounds_not_started", count=count), False
        minutes = round_minutes(block, number) or 0
        clock = ls.round_clock(self.live.state, block.id, number, minutes, now)
        label = t(f"tui.round.{block.method_type}", number=number, count=count)
        if not clock.running:
            return f"{label} — {t('tui.status.ended')}", False
        text = Content.assemble(t("tui.colon", label=label, value=""),
                                (ls.clock_text(clock.remaining), "bold"))
        return text, clock.remaining.days < 0

    # --- the block the keys act on ------------------------------------------------------------

    def target_block(self, action: str) -> Block | None:
        highlighted = self.query_one(Timeline).highlighted_block
        if (
            action == "start"
            and highlighted is not None
            and self.live.state.block(highlighted).status == "not_started"
        ):
            return self.live.block(highlighted)
        return super().target_block(action)

    def method_block(self) -> Block | None:
        current = self.live.current_block()
        if current is not None:
            return current
        highlighted = self.query_one(Timeline).highlighted_block
        return self.live.block(highlighted) if highlighted else super().method_block()

    def action_open_selected(self) -> None:
        block_id = self.query_one(Timeline).highlighted_block
        if block_id:
            self.labkit.open_block(block_id)

    def on_timeline_block_chosen(self, message: Timeline.BlockChosen) -> None:
        self.labkit.open_block(message.block_id)
