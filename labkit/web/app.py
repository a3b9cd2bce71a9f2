"""The Starlette application of `labkit serve`: configuration, rendering and the routes.

`create_app(folder, settings)` builds the ASGI app; `labkit.web.pages` holds the participant
pages, `labkit.web.projector` the room's screen and its live feed.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import AsyncIterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from labkit.i18n import t
from labkit.store.session_folder import SessionFolder
from labkit.web.control import Control, ControlWatcher
from labkit.web.room import Room
from labkit.web.security import (
    COOKIE,
    BodyTooLarge,
    Forms,
    Guard,
    RateLimit,
    Visitor,
    host_of,
    unseal,
)
from labkit.web.writer import GroupWriter

HERE = Path(__file__).parent
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
    "script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


@dataclass(frozen=True)
class Settings:
    """How the server is reached: the address it binds, its port and the public URL."""

    bind: str = "127.0.0.1"
    port: int = 8765
    public_url: str | None = None
    lan_addresses: tuple[str, ...] = ()
    rate: tuple[int, float] = (40, 60.0)
    """Posts per participant (count, seconds)."""

    @property
    def base_url(self) -> str:
        """The address printed in QR codes: the public URL, else the LAN or bound address."""
        if self.public_url:
            return self.public_url.rstrip("/")
        host = self.bind
        if host in ("0.0.0.0", "::"):
            host = self.lan_addresses[0] if self.lan_addresses else "127.0.0.1"
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}"

    def hosts(self) -> set[str]:
        """The Host headers the server answers (a DNS-rebinding page names another)."""
        names = {self.bind, "127.0.0.1", "localhost", *self.lan_addresses}
        if self.bind in ("0.0.0.0", "::"):
            names |= {"127.0.0.1", "localhost"}
        found = set()
        for name in names:
            shown = f"[{name}]" if ":" in name else name
            found.add(f"{shown}:{self.port}".lower())
            if self.port == 80:  # browsers leave the default port out of Host and Origin
                found.add(shown.lower())
        if self.public_url:
            found.add(host_of(self.public_url))
        return found

    def origins(self) -> set[str]:
        found = {f"http://{h}" for h in self.hosts()}
        if self.public_url:
            public = self.public_url.rstrip("/").lower()
            found.add("/".join(public.split("/")[:3]))
        return found


_CONTROL: ContextVar[Control | None] = ContextVar("labkit_web_control", default=None)
"""The control read when the request being served came in (see `Web.control`)."""
PAGES = ("phone.html", "message.html", "join.html", "name.html", "projector.html")
"""The templates compiled on start, not on a phone's first request."""


@dataclass
class Web:
    """What every handler reaches through `request.app.state.web`."""

    room: Room
    settings: Settings
    watcher: ControlWatcher
    forms: Forms = field(default_factory=Forms)
    limits: RateLimit = field(default_factory=RateLimit)
    templates: Environment = field(init=False)
    writer: GroupWriter = field(init=False)
    """The one writer of the participants' posts (group commit)."""

    def __post_init__(self) -> None:
        self.writer = GroupWriter(self.room.journal)
        self.templates = Environment(
            loader=FileSystemLoader(HERE / "templates"),
            autoescape=select_autoescape(default=True, default_for_string=True),
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
        )
        self.limits = RateLimit(*self.settings.rate)
        for name in PAGES:
            self.templates.get_template(name)

    @property
    def control(self) -> Control:
        """The facilitator's switches and tokens: as read once per request (a request reads
        them several times; each look at the file costs a system call), else as the file says
        now (the projector's live feed, which lasts)."""
        return _CONTROL.get() or self.watcher.current


    @property
    def lang(self) -> str:
        return self.room.lang

    def words(self, key: str, /, **params: object) -> str:
        return t(key, self.lang, **params)

    def projector_key(self) -> str:
        return self.control.projector_key()

    def visitor(self, request: Request) -> Visitor | None:
        control = self.control
        return unseal(control.secret, control.generation, request.cookies.get(COOKIE))

    def render(self, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        template = self.templates.get_template(name)
        html = template.render(w=self.words, lang=self.lang, locked=self.control.locked,
                               **context)  # fmt: skip
        return HTMLResponse(html, status_code=status, headers=HEADERS)

    def message(self, key: str, status: int, **params: object) -> HTMLResponse:
        """A page saying why a request was refused."""
        return self.render("message.html", status, text=self.words(key, **params))


class ControlPerRequest:
    """ASGI middleware: each request reads the control file once, as it comes in (`Web.control`);
    the projector's live feed, which lasts, reads it each time."""

    def __init__(self, app: Any, watcher: ControlWatcher) -> None:
        self.app, self.watcher = app, watcher

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] == "/live":
            await self.app(scope, receive, send)
            return
        token = _CONTROL.set(self.watcher.current)
        try:
            await self.app(scope, receive, send)
        finally:
            _CONTROL.reset(token)


def web_of(request: Request) -> Web:
    return request.app.state.web


def create_app(folder: SessionFolder, settings: Settings) -> Any:
    """The ASGI app serving `folder`'s session, behind its Host/Origin/size guard."""
    from labkit.web import pages, projector

    room = Room(folder)
    web = Web(room, settings, ControlWatcher(folder.root, room.tables()))
    routes = [
        Route("/", pages.home),
        Route("/j/{token}", pages.join, methods=["GET", "POST"]),
        Route("/me", pages.me),
        Route("/me/contribute", pages.contribute, methods=["POST"]),
        Route("/me/vote", pages.vote, methods=["POST"]),
        Route("/me/survey", pages.survey, methods=["POST"]),
        Route("/me/word", pages.word, methods=["POST"]),
        Route("/me/name", pages.name, methods=["GET", "POST"]),
        Route("/projector", projector.page),
        Route("/live", projector.live),
        Route("/health", lambda request: Response("ok", media_type="text/plain")),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]

    async def not_found(request: Request, exc: Exception) -> Response:
        return web.message("web.error.not_found", 404)

    async def too_big(request: Request, exc: Exception) -> Response:
        return web.message("web.error.too_big", 413)

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # What start-up built (the session, its journal's events) set aside from the garbage
        # collector: a full collection over it takes tens of milliseconds of a post's time.
        gc.collect()
        gc.freeze()
        yield
        room.close()

    app = Starlette(routes=routes, exception_handlers={404: not_found, BodyTooLarge: too_big},
                    middleware=[Middleware(ControlPerRequest, watcher=web.watcher)],
                    lifespan=lifespan)  # fmt: skip
    app.state.web = web

    def refusal(key: str, status: int) -> HTMLResponse:
        return web.message(key, status)

    return Guard(app, hosts=settings.hosts(), origins=settings.origins(), refusal=refusal)
