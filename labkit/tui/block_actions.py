"""The day's course from any screen: F6 start, F7 pause, F8 end, F9 / Maj+F9 five minutes more
or less, offered only where they can act, and a question before what changes the day's course
(ending a block early, starting one while another runs)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from labkit.i18n import t
from labkit.model import Block
from labkit.tui import live_state as ls
from labkit.tui.key_order import KeyOrderApp

if TYPE_CHECKING:
    from labkit.tui.controller import LiveSession
    from labkit.tui.screens.base import LiveScreen

R = TypeVar("R")


class BlockActionsApp(KeyOrderApp):
    """The block lifecycle keys of the live app (`LabkitApp` builds on it)."""

    if TYPE_CHECKING:
        live: LiveSession

        @property
        def live_screen(self) -> LiveScreen | None: ...

        def act(self, action: Callable[..., R], *args: Any, **kwargs: Any) -> R | None: ...

        def open_block(self, block_id: str) -> None: ...

    LIFECYCLE_ACTIONS = frozenset({"start", "pause", "end", "extend", "shorten"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """F6 to F9 only where they can act: the footer drops them once nothing is left to
        start, pause or end (after the day's last block, F6, F7 and F8 go)."""
        if action not in self.LIFECYCLE_ACTIONS:
            return True
        screen = self.live_screen
        key = "extend" if action == "shorten" else action
        block = screen.target_block(key) if screen else self.live.current_block()
        if block is None:
            return False
        if action == "start":
            return self.live.state.block(block.id).status == "not_started"
        return self.live.state.block(block.id).status in ("running", "paused")

    def _lifecycle_can(self) -> tuple[bool, ...]:
        return tuple(bool(self.check_action(a, ())) for a in sorted(self.LIFECYCLE_ACTIONS))

    def _target(self, action: str) -> Block | None:
        screen = self.live_screen
        block = screen.target_block(action) if screen else self.live.current_block()
        if block is None:
            self.notify(t("tui.error.no_block"), severity="warning", timeout=3)
        return block

    def confirm(self, question: str, then: Callable[[], None]) -> None:
        """Ask one yes/no question before a change of the day's course; `then` on yes. While
        a question waits, another is not asked: F8 pressed again on « Terminer … ? » (after a
        relaunch, while the app seemed slow) stacked a second question, left on screen once
        the first was answered."""
        from labkit.tui.screens.overlays import ConfirmScreen

        if isinstance(self.screen, ConfirmScreen):
            self.bell()
            return
        def answered(confirmed: bool | None) -> None:
            if confirmed:
                then()

        self.push_screen(ConfirmScreen(question), answered)

    def action_start(self) -> None:
        block = self._target("start")
        if block is None:
            return
        running = self.live.current_block()
        if running is not None and running.id != block.id and (
            self.live.state.block(running.id).status in ("running", "paused")
        ):
            self.confirm(t("tui.confirm.start_while", block=block.title, running=running.title),
                         lambda: self._start(block))
            return
        self._start(block)

    def _start(self, block: Block) -> None:
        before = self.live.revision
        self.act(self.live.start_block, block.id)
        shown = getattr(self.screen, "block", None)
        if self.live.revision != before and shown is not None and shown.id != block.id:
            self.open_block(block.id)  # started from another block's screen: follow it

    def action_pause(self) -> None:
        block = self._target("pause")
        if block is not None:
            self.act(self.live.toggle_pause, block.id)

    def action_extend(self) -> None:
        block = self._target("extend")
        if block is not None and self.act(self.live.extend, block.id, 5) is not None:
            self.notify(t("tui.extended", block=block.title, minutes=5), timeout=3)

    def action_shorten(self) -> None:
        block = self._target("extend")
        if block is not None:
            self.act(self.live.extend, block.id, -5)

    def action_end(self) -> None:
        block = self._target("end")
        if block is None:
            return
        row = next((r for r in self.live.rows() if r.block.id == block.id), None)
        left = ls.remaining(row, self.live.now()) if row is not None else None
        if row is not None and row.status in ("running", "paused") and left is not None and (
            left.total_seconds() >= 60
        ):
            self.confirm(t("tui.confirm.end_early", block=block.title,
                           minutes=int(left.total_seconds() // 60)),
                         lambda: self._end(block))
            return
        self._end(block)

    def _end(self, block: Block) -> None:
        before = self.live.revision
        self.act(self.live.end_block, block.id)
        if self.live.revision != before:
            self.notify(t("tui.ended_undo", block=block.title), timeout=6)
