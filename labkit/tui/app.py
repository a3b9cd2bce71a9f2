"""The facilitator's live app: `labkit run SESSION`.

The app is a shell: it owns the `LiveSession` (journal + plan + clock), two reactive attributes
the screens follow (`revision` after each journal change, `now` every second), the global keys,
and the navigation between the dashboard, the method screens, attendance and the QR code.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from rich.text import Text
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen

from labkit.errors import LabkitError, RefusedEventError, StorageError
from labkit.i18n import set_ui_language, t
from labkit.store.session_log import log_path, session_log
from labkit.tui.block_actions import BlockActionsApp
from labkit.tui.controller import Alert, LiveSession
from labkit.tui.frames import keys_waiting
from labkit.tui.key_hold import KeyHold
from labkit.tui.keys import describe_bindings, key_display, translate_bindings
from labkit.tui.screens.base import BlockScreen, LiveScreen
from labkit.tui.undo_message import undone_message

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from labkit.tui.serve import ServerProcess

R = TypeVar("R")
logger = logging.getLogger(__name__)
GC_THRESHOLDS = (20_000, 50, 100)
"""Fewer, larger young collections than Python's default (700, 10, 10): rendering a frame
allocates thousands of short-lived objects, and frequent collections add up to visible lag."""
STYLES = Path(__file__).parent / "styles"
"""The stylesheets, one per area (absolute, so that subclasses defined anywhere find them)."""

METHOD_SCREENS: dict[str, str] = {
    "world_cafe": "labkit.tui.screens.world_cafe:WorldCafeScreen",
    "crossed_interviews": "labkit.tui.screens.interviews:InterviewsScreen",
    "persona_journey": "labkit.tui.screens.journey:JourneyScreen",
    "idea_vote": "labkit.tui.screens.vote:VoteScreen",
    "commitments": "labkit.tui.screens.commitments:CommitmentsScreen",
    "territorial_diagnostic": "labkit.tui.screens.territories:TerritoriesScreen",
    "peer_help": "labkit.tui.screens.territories:TerritoriesScreen",
    "prototype_test": "labkit.tui.screens.prototype:PrototypeScreen",
    "closing": "labkit.tui.screens.closing:ClosingScreen",
    "plenary": "labkit.tui.screens.notes:NotesScreen",
}
"""Method type -> the screen that runs it ("module:Class", imported when first needed)."""


@dataclass
class TextAttempt:
    """A typed entry being written (`LabkitApp.keeping_text`)."""

    failed: bool = False
    """The journal could not write it (full disk, read-only, locked): the text is kept."""


def method_screen_class(method_type: str) -> type[BlockScreen] | None:
    """The screen class of a method, or None (breaks and lunch have none)."""
    target = METHOD_SCREENS.get(method_type)
    if target is None:
        return None
    module, _, name = target.partition(":")
    try:
        return getattr(import_module(module), name)
    except (ImportError, AttributeError):
        return None


class LabkitApp(BlockActionsApp):
    """Run a session live: dashboard, one screen per method, attendance, QR codes."""

    TITLE = "labkit"
    CSS_PATH = [
        STYLES / f"{name}.tcss"
        for name in ("app", "dashboard", "attendance", "overlays", "methods", "cafe")
    ]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    ENABLE_COMMAND_PALETTE = False

    BINDINGS = [
        # Session actions are F-keys (or Ctrl): a letter typed anywhere never acts on the day.
        Binding("f1", "help", "tui.key.help", priority=True),
        Binding("question_mark", "help", "tui.key.help", show=False),
        Binding("f2", "dashboard", "tui.key.dashboard", show=False, priority=True),
        Binding("f3", "method", "tui.key.method", show=False, priority=True),
        Binding("f4", "attendance", "tui.key.attendance", show=False, priority=True),
        Binding("f5", "qr", "tui.key.qr", show=False, priority=True),
        Binding("f6", "start", "tui.key.start", priority=True),
        Binding("f7", "pause", "tui.key.pause", priority=True),
        Binding("f8", "end", "tui.key.end", priority=True),
        Binding("f9", "extend", "tui.key.extend", show=False, priority=True),
        Binding("shift+f9", "shorten", "tui.key.shorten", show=False, priority=True),
        Binding("f10", "serve", "tui.key.serve", show=False, priority=True),
        Binding("ctrl+z", "undo", "tui.key.undo_short", priority=True),
        Binding("ctrl+q", "quit_app", "tui.key.quit", show=False, priority=True),
    ]

    # Not repainting the app: the screens watch these and redraw what changed; a reactive's
    # default repaint would redraw the whole screen at each entry and each second.
    revision: reactive[int] = reactive(0, init=False, repaint=False)
    now: reactive[datetime | None] = reactive(None, init=False, repaint=False)

    def __init__(
        self,
        live: LiveSession,
        *,
        lang: str | None = None,
        tick_seconds: float | None = 1.0,
        poll_seconds: float | None = 0.25,
    ) -> None:
        if lang:
            set_ui_language(lang)
        super().__init__()
        translate_bindings(self)
        self.live = live
        self.tick_seconds = tick_seconds
        self.poll_seconds = poll_seconds
        self.alerts: list[Alert] = []
        self.places: dict[str, int] = {}
        """Per block, the table (café) or regroup (interviews) its screen had selected: it opens
        there again, so that F4 then F3 in the middle of a table's ideas does not send the next
        one to table 1."""
        self._server: ServerProcess | None = None
        self._session_log = contextlib.ExitStack()
        self._attempt: TextAttempt | None = None
        self._log_file: Path | None = None
        self.key_hold = KeyHold(self)
        self._lifecycle_shown: tuple[bool, ...] = ()
        """What F6 to F9 could do when the footer was last refreshed (`watch_revision`)."""

    # --- lifecycle ----------------------------------------------------------------------------

    def _open_log(self) -> Path:
        """Attach the session's log (once); its path."""
        if self._log_file is None:
            self._log_file = self._session_log.enter_context(session_log(self.live.root))
        return self._log_file

    def on_mount(self) -> None:
        from labkit.tui.screens.dashboard import DashboardScreen

        # worker failures and crashes leave their traceback in <session>/labkit.log
        self._open_log()

        self.title = self.live.session.title
        self.now = self.live.now()
        self.push_screen(DashboardScreen())
        current = self.live.current_block()
        if current is not None and method_screen_class(current.method_type) is not None:
            self.open_block(current.id)  # resume where the session stands
        if self.tick_seconds:
            self.set_interval(self.tick_seconds, self.tick)
        if self.poll_seconds:
            self.set_interval(self.poll_seconds, self.poll)

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error ends the app (Textual's hook, return code 1). Its traceback goes
        to the session's log only, which is owner-only: it may quote participants' names and
        e-mails. The terminal, perhaps on a projector, shows a short message naming the error's
        kind and the log, without values or locals (Textual would print a traceback with them)."""
        try:
            log = self._open_log()
            logger.critical("the live app stopped on an unexpected error",
                            exc_info=(type(error), error, error.__traceback__))
        except Exception:  # noqa: BLE001 - the log itself failed: still exit with the message
            log = log_path(self.live.root)
        self._return_code = 1
        if self._exception is None:  # what run_test re-raises (Textual's own bookkeeping)
            self._exception = error
            self._exception_event.set()
        self.bell()
        message = t("tui.crash.message", kind=type(error).__name__, log=str(log))
        self._exit_renderables.append(Text(message, style="bold"))
        self._close_messages_no_wait()

    def on_ready(self) -> None:
        """What F6 to F9 can do is noted: the first footer shows it (`watch_revision`). The
        heap is set aside once the first frame is out (`_set_heap_aside`: Textual sends Ready
        before it draws that frame)."""
        self._lifecycle_shown = self._lifecycle_can()
        self.call_after_refresh(self._set_heap_aside)

    def _set_heap_aside(self) -> None:
        """Set the start-up objects aside from the garbage collector: a full collection over
        the whole heap (the plan, thousands of journal events, the widgets) pauses the app for
        100 ms or more, long enough to delay a keypress; after `gc.freeze` it only scans what
        the session creates from now on, and less often (`GC_THRESHOLDS`)."""
        import gc

        gc.collect()
        gc.freeze()
        gc.set_threshold(*GC_THRESHOLDS)

    def on_unmount(self) -> None:
        if self._server is not None:
            self._server.stop()
        self.live.close()
        self._session_log.close()

    def tick(self) -> None:
        """Read the clock once for every screen; ring for timers that ran out."""
        self.now = self.live.now()
        for alert in self.live.due_alerts(self.now):
            self.alert(alert)

    def poll(self) -> None:
        """Pick up what other devices (the phones' server, a `labkit note`…) wrote in the
        journal: a cheap `PRAGMA data_version` check several times a second, a read when it
        moved. Not while keys wait for the focused text field: they are read first (the pick-up
        and its redraw would delay them; the next poll, or the entry they write, picks up)."""
        if keys_waiting(self):
            return
        try:
            if self.live.refresh():
                self.revision = self.live.revision
        except LabkitError as error:
            self.notify(str(error), severity="error", timeout=10)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """A toast, always shown as written: its message quotes titles, names and typed
        entries, which may hold markup-like text (``[/]``). (`markup` is ignored: screens'
        `notify` passes Textual's default, True.)"""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def alert(self, alert: Alert) -> None:
        """A sound and a visible notice: a round or block is over."""
        self.alerts.append(alert)
        block = self.live.block(alert.block_id)
        self.bell()
        self.notify(
            t(f"tui.alert.{alert.kind}", block=block.title, round=alert.round or ""),
            title=t("tui.alert.title"),
            severity="warning",
            timeout=20,
        )

    # --- writes -------------------------------------------------------------------------------

    def act(self, action: Callable[..., R], *args: Any, **kwargs: Any) -> R | None:
        """Run a `LiveSession` write; a refused or failed write becomes a visible message
        (the journal's own words: disk full, read-only, locked)."""
        try:
            return action(*args, **kwargs)
        except LabkitError as error:
            # a refusal by the journal's rules is said by its reasons alone: its lead names
            # the event's internal type (« attendance.arrived »), which means nothing here
            text = ("\n".join(error.problems) if isinstance(error, RefusedEventError)
                    else str(error))
            message = self.live.with_names(text)
            if isinstance(error, StorageError) and self._attempt is not None:
                self._attempt.failed = True
                message = t("tui.error.text_kept", error=message)
            self.bell()
            self.notify(message, severity="error", timeout=12)
            return None
        finally:
            self.revision = self.live.revision

    @contextlib.contextmanager
    def keeping_text(self) -> Iterator[TextAttempt]:
        """While a typed entry is written: whether the journal failed to write it (its text is
        then kept, and the message says so)."""
        attempt = self._attempt = TextAttempt()
        try:
            yield attempt
        finally:
            self._attempt = None

    # --- navigation ---------------------------------------------------------------------------

    @property
    def live_screen(self) -> LiveScreen | None:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, LiveScreen):
                return screen
        return None

    def _show(self, screen: Screen) -> None:
        """Show `screen` above the dashboard (replacing any other screen there)."""
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.push_screen(screen)

    def open_block(self, block_id: str) -> None:
        """Open the method screen of a block (the dashboard if it has none)."""
        block = self.live.block(block_id)
        screen_class = method_screen_class(block.method_type)
        if screen_class is None:
            self.action_dashboard()
            self.notify(t("tui.no_method_screen", block=block.title), timeout=3)
            return
        current = self.screen
        if isinstance(current, BlockScreen) and current.block.id == block_id:
            return
        self._show(screen_class(block))

    def action_dashboard(self) -> None:
        while len(self.screen_stack) > 2:
            self.pop_screen()

    def action_method(self) -> None:
        screen = self.live_screen
        block = screen.method_block() if screen is not None else self.live.focus_block()
        if block is not None:
            self.open_block(block.id)

    def action_attendance(self) -> None:
        from labkit.tui.screens.attendance import AttendanceScreen

        if not isinstance(self.screen, AttendanceScreen):
            self._show(AttendanceScreen())

    def action_qr(self) -> None:
        from labkit.tui.screens.qr import QrScreen

        if not isinstance(self.screen, QrScreen):
            self._show(QrScreen(self.live.focus_block()))

    @property
    def server(self) -> ServerProcess:
        """The phones' server of this session (started by `action_serve`)."""
        if self._server is None:
            from labkit.tui.serve import ServerProcess
            from labkit.web.control import table_count

            self._server = ServerProcess(self.live.root, table_count(self.live.session))
        return self._server

    def action_serve(self) -> None:
        """w: start the phones' server and show its QR code; on its screen, stop it."""
        from labkit.tui.screens.serve import ServeScreen

        server = self.server
        if isinstance(self.screen, ServeScreen) and server.running:
            server.stop()
            self.screen.refresh_view()
            return
        if not server.running:
            server.start()
        if isinstance(self.screen, ServeScreen):
            self.screen.refresh_view()
        else:
            self._show(ServeScreen())

    def action_help(self) -> None:
        from labkit.tui.screens.overlays import HelpScreen

        if self.screen.is_modal:
            return
        screen = self.screen
        nodes: list[Any] = []
        focused = self.focused
        if focused is not None and type(focused).__module__.startswith("labkit."):
            nodes.append(focused)  # Textual's own widgets' keys (cursor moves) are not listed
        nodes.append(screen)
        title = getattr(getattr(screen, "block", None), "title", None) or t(
            getattr(screen, "HELP_TITLE", "tui.dash.name"))
        self.push_screen(HelpScreen(describe_bindings(self, *nodes), title))

    def action_quit_app(self) -> None:
        from labkit.tui.screens.overlays import QuitScreen

        current = self.live.current_block()
        if current is None or self.live.state.block(current.id).status != "running":
            self.exit()
            return

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self.exit()

        self.push_screen(QuitScreen(current.title), answered)

    # --- block lifecycle keys (`BlockActionsApp`) -----------------------------------------------

    def watch_revision(self) -> None:
        """The footer again only when what F6 to F9 can do changed (a new footer lays the
        screen out: not after every entry, nor after the first one, whose keys the first footer
        already showed; tens of milliseconds of widgets mounted while the next keys wait)."""
        can = self._lifecycle_can()
        if can != self._lifecycle_shown:
            self._lifecycle_shown = can
            self.refresh_bindings()

    def get_key_display(self, binding: Binding) -> str:
        """A key as the footer and the help show it (`keys.key_display`)."""
        return binding.key_display or key_display(binding, super().get_key_display)

    def action_undo(self) -> None:
        undone = self.act(self.live.undo_last)
        if undone is None:
            self.notify(t("tui.nothing_to_undo"), timeout=3)
            return
        self.notify(undone_message(self.live.session, self.live.last_undone), timeout=5)
