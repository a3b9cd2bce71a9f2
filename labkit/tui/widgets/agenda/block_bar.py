"""The one-line header of a method screen: status, phase, block, round, time left, drift."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from labkit.i18n import t
from labkit.tui.live_state import PHASE_MARK, STATUS_MARK, clock_text
from labkit.tui.widgets.agenda.timeline import PHASE_STYLE
from labkit.tui.widgets.tables import show


@dataclass(frozen=True)
class BarInfo:
    """What the bar shows."""

    title: str
    phase: str
    status: str
    remaining: timedelta | None
    round_label: str = ""
    round_remaining: timedelta | None = None
    drift: str = ""
    day_over: bool = False
    """No block of the day is left to start (said once this block has ended)."""


class BlockBar(Static):
    """Status mark, phase, title, then the round's and the block's time left and the drift."""

    info: reactive[BarInfo | None] = reactive(None)

    def watch_info(self, info: BarInfo | None) -> None:
        if info is None:
            show(self, "")
            return
        from labkit.model import Phase

        phase = Phase(info.phase)
        text = Text()
        text.append(f" {STATUS_MARK[info.status]} ", style="bold")
        if PHASE_MARK[phase]:
            text.append(f" {PHASE_MARK[phase]} ", style=PHASE_STYLE[info.phase])
        overrun = False
        # the timers first: a long block title must never push them off the screen
        if info.round_label:
            text.append(f" {info.round_label}", style="bold")
            if info.round_remaining is not None:
                text.append(f" {clock_text(info.round_remaining)}", style="bold reverse")
                overrun = info.round_remaining.total_seconds() <= 0
            text.append(" │")
        if info.status == "ended":
            text.append(f" {t('tui.bar.day_over' if info.day_over else 'tui.bar.ended')} │",
                        style="bold")
        elif info.remaining is not None and info.status != "not_started":
            overrun = overrun or info.remaining.total_seconds() <= 0
            # « reste 14:57 », not « bloc 14:57 » that reads like a time of day
            left = (t("tui.bar.block_over", time=clock_text(-info.remaining))
                    if info.remaining.total_seconds() < 0
                    else t("tui.bar.block_left", time=clock_text(info.remaining)))
            text.append(f" {left} │")
        if info.status == "paused":
            text.append(f" {t('tui.status.paused').upper()} │", style="bold reverse")
        if info.drift and not (info.status == "ended" and info.day_over):
            text.append(f" {info.drift} │")
        text.append(f" {info.title}", style="bold")
        text.no_wrap = True
        text.overflow = "ellipsis"
        show(self, text)
        self.set_class(overrun, "-overrun")
