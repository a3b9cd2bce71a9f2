"""A large QR code of one of the session's addresses, to show the room."""

from __future__ import annotations

from datetime import datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.widgets import Static

from labkit.i18n import t
from labkit.model import Block
from labkit.tui.screens.base import LiveScreen
from labkit.tui.widgets.footer import FitFooter
from labkit.tui.widgets.plain import Plain
from labkit.tui.widgets.qr.qr_art import QrCode

URL_FIELDS = ("questionnaire", "shared_folder", "registration", "resources")


def session_urls(session: object, block: Block | None) -> list[tuple[str, str]]:
    """(field name, address) of every configured address; the questionnaire first at closing."""
    urls = getattr(session, "urls", None)
    found = [(f, getattr(urls, f)) for f in URL_FIELDS if urls and getattr(urls, f, None)]
    remote = getattr(session, "remote_link", None)
    if remote:
        found.append(("remote_link", remote))
    if block is not None and block.method_type != "closing":
        found.sort(key=lambda item: item[0] == "questionnaire")
    return found


class QrScreen(LiveScreen):
    """One address as a QR code; left/right (or 1–5) show the others."""

    HELP_TITLE = "tui.key.qr"
    """The catalog key of this screen's name, heading its help (F1)."""

    BINDINGS = [
        Binding("right,n", "cycle(1)", "tui.key.next_url"),
        Binding("left", "cycle(-1)", show=False),
        *[Binding(str(i), f"pick({i - 1})", show=False) for i in range(1, 6)],
    ]

    def __init__(self, block: Block | None = None) -> None:
        super().__init__()
        self.block = block
        self.index = 0

    def compose(self) -> ComposeResult:
        yield Plain(id="qr-title", classes="screen-title")
        with Middle(), Center():
            yield QrCode(id="qr-code")
        with Center():
            yield Plain(id="qr-url")
        yield FitFooter()

    def refresh_view(self) -> None:
        urls = session_urls(self.live.session, self.block)
        if not urls:
            self.query_one("#qr-title", Static).update(t("tui.qr.none"))
            self.query_one(QrCode).url = ""
            self.query_one("#qr-url", Static).update("")
            return
        self.index %= len(urls)
        name, url = urls[self.index]
        self.query_one("#qr-title", Static).update(
            f"{t('tui.qr.' + name)}  ({self.index + 1}/{len(urls)})"
        )
        self.query_one(QrCode).url = url
        self.query_one("#qr-url", Static).update(url)

    def refresh_clock(self, now: datetime) -> None:
        """The QR screen shows no timer: nothing to refresh each second."""

    def action_cycle(self, step: int) -> None:
        self.index += step
        self.refresh_view()

    def action_pick(self, index: int) -> None:
        self.index = index
        self.refresh_view()
