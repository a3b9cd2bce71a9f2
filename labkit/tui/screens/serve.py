"""The phones' server: its join QR code and addresses; keys to start/stop it, lock submissions,
reveal the vote on the room's screen and revoke the join links."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.widgets import Footer, Static

from labkit.i18n import t
from labkit.tui.screens.base import LiveScreen
from labkit.tui.widgets.plain import Plain
from labkit.tui.widgets.qr.qr_art import QrCode


class ServeScreen(LiveScreen):
    """`labkit serve` from the live app: w starts/stops, l locks, v reveals, r revokes."""

    HELP_TITLE = "tui.key.serve"
    """The catalog key of this screen's name, heading its help (F1)."""

    BINDINGS = [
        Binding("l", "switch('locked')", "tui.key.serve_lock"),
        Binding("v", "switch('revealed')", "tui.key.serve_reveal"),
        Binding("r", "revoke", "tui.key.serve_revoke"),
    ]

    def compose(self) -> ComposeResult:
        yield Plain(id="serve-title", classes="screen-title")
        with Middle(), Center():
            yield QrCode(id="serve-qr")
        with Center():
            yield Plain(id="serve-status")
        yield Footer()

    def refresh_view(self) -> None:
        server = self.labkit.server
        switches = server.switches()
        running = server.running
        state = t("tui.serve.locked") if switches.locked else t("tui.serve.open")
        shown = t("tui.serve.revealed") if switches.revealed else t("tui.serve.hidden")
        if running:
            addresses = server.addresses()
            self.query_one("#serve-title", Static).update(t("tui.serve.title_on"))
            self.query_one(QrCode).url = addresses.join
            lines = [t("tui.serve.join", url=addresses.join),
                     t("tui.serve.projector", url=addresses.projector)]  # fmt: skip
            if server.host == "127.0.0.1":
                lines.append(t("tui.serve.local_only"))
        else:
            self.query_one("#serve-title", Static).update(t("tui.serve.title_off"))
            self.query_one(QrCode).url = ""
            lines = [t("tui.serve.stopped")]
        lines.append(f"{state} · {shown}")
        self.query_one("#serve-status", Static).update("\n".join(lines))

    def refresh_clock(self, now: datetime) -> None:
        """No timer on this screen."""

    def action_switch(self, name: str) -> None:
        self.labkit.server.toggle(name)
        self.refresh_view()

    def action_revoke(self) -> None:
        self.labkit.server.revoke()
        self.notify(t("tui.serve.revoked"))
        self.refresh_view()
