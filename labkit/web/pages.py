"""The participant pages: join by a QR token, then contribute to the running block.

Every form carries a single-use CSRF token; every post is checked (joined, not locked, within the
rate limit, CSRF) before the room writes anything. A success redirects (post-redirect-get) to the
page with a short notice; a refusal shows the page again with the reason and writes nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from labkit.errors import InvalidInputError
from labkit.store.journal import Job, JournalState
from labkit.web.app import HEADERS, Web, web_of
from labkit.web.room import Refused
from labkit.web.security import COOKIE, Visitor, new_pid, seal

NOTICES = ("web.sent", "web.vote.saved", "web.survey.done", "web.name.saved")
"""The notices a redirect may name in ``?ok=`` (nothing else is shown from the address)."""


def _redirect(web: Web, path: str, visitor: Visitor | None = None) -> Response:
    response = RedirectResponse(path, status_code=303, headers=HEADERS)
    if visitor is not None:
        public = web.settings.public_url or ""
        response.set_cookie(COOKIE, seal(web.control.secret, visitor), max_age=3 * 24 * 3600,
                            httponly=True, samesite="strict",
                            secure=public.startswith("https"))  # fmt: skip
    return response


async def home(request: Request) -> Response:
    web = web_of(request)
    if web.visitor(request) is not None:
        return _redirect(web, "/me")
    return web.message("web.join.need", 200)


async def join(request: Request) -> Response:
    """``/j/TOKEN``: the session's or a table's join link, exchanged for a signed cookie."""
    web = web_of(request)
    token = request.path_params["token"]
    control = web.control
    if not control.accepts(token):
        return web.message("web.join.bad_token", 403)
    table = control.table_of_token(token)
    groups = [g for g in web.room.session.groups]
    if request.method == "GET":
        return web.render("join.html", table=table, groups=groups,
                          csrf=web.forms.issue(control.secret, f"join:{token}"))  # fmt: skip
    form = await request.form()
    if not web.forms.redeem(control.secret, f"join:{token}", _text(form, "csrf")):
        return web.message("web.error.csrf", 403)
    group = _text(form, "group") or None
    if group is not None and web.room.session.group(group) is None:
        group = None
    visitor = web.visitor(request)
    pid = visitor.pid if visitor else new_pid()
    host = table is not None and _text(form, "host") == "1"
    visitor = Visitor(pid=pid, generation=control.generation, table=table, host=host,
                      group=group, name=visitor.name if visitor else None)  # fmt: skip
    return _redirect(web, "/me", visitor)


def _text(form: FormData, key: str, limit: int = 5000) -> str:
    value = form.get(key)
    return value[:limit] if isinstance(value, str) else ""


def _vulnerable(web: Web, visitor: Visitor) -> bool:
    group = web.room.session.group(visitor.group) if visitor.group else None
    return group is None or group.vulnerable


def _page(web: Web, visitor: Visitor, status: int = 200, **extra: Any) -> Response:
    with web.room.reading() as state:  # what the page shows, read under the journal's lock
        context = _page_context(web, visitor, state)
    context.update(extra)
    return web.render("phone.html", status, **context)


def _page_now(web: Web, visitor: Visitor, status: int = 200, **extra: Any) -> Response | None:
    """`_page` on the calling thread (the event loop: no hand-over to a worker thread) if the
    journal is free now; None when a writer holds it."""
    with web.room.journal.reading_if_free() as state:
        if state is None:
            return None
        context = _page_context(web, visitor, state)
    context.update(extra)
    return web.render("phone.html", status, **context)


def _page_context(web: Web, visitor: Visitor, state: JournalState) -> dict[str, Any]:
    room = web.room
    block = room.running(state)
    context: dict[str, Any] = {"visitor": visitor, "block": block, "inputs": (),
                               "csrf": lambda: web.forms.issue(web.control.secret, visitor.pid),
                               "may_name": not _vulnerable(web, visitor)}  # fmt: skip
    if block is None:
        context["phase"] = room.phase(state)
        return context
    inputs = room.inputs(block, visitor)
    context["inputs"] = inputs
    context["kinds"] = {i.kind for i in inputs}
    context["where"] = room.position(block, visitor.table, state)
    context["mine"] = room.mine(block, visitor.pid, state)
    if "vote" in context["kinds"]:
        context["candidates"] = room.candidates(block, state)
        context["budget"] = room.budget(block, state)
        context["voted"] = {v.item_id for v in room.my_votes(block, visitor.pid,
                                                              state).values()}  # fmt: skip
    if "survey" in context["kinds"]:
        context["survey"] = block.method.survey  # type: ignore[union-attr]
        context["groups"] = room.session.groups
        context["answered"] = room.answered(visitor.pid)
    return context


async def me(request: Request) -> Response:
    web = web_of(request)
    visitor = web.visitor(request)
    if visitor is None:
        return web.message("web.join.need", 401)
    notice = request.query_params.get("ok")
    count = request.query_params.get("n", "")
    n = int(count) if count.isascii() and count.isdigit() and len(count) <= 6 else 0
    shown = web.words(notice, n=n) if notice in NOTICES else None  # n: a count, for its plural
    page = _page_now(web, visitor, notice=shown)
    return page if page is not None else await run_in_threadpool(_page, web, visitor,
                                                                 notice=shown)  # fmt: skip


async def _posted(request: Request) -> tuple[Web, Visitor, FormData] | Response:
    """The checks every participant post passes before anything is written."""
    web = web_of(request)
    visitor = web.visitor(request)
    if visitor is None:
        return web.message("web.error.not_joined", 401)
    form = await request.form()
    if not web.forms.redeem(web.control.secret, visitor.pid, _text(form, "csrf")):
        return web.message("web.error.csrf", 403)
    if not web.limits.allow(visitor.pid):
        return web.message("web.error.rate", 429)
    if web.control.locked:
        return await run_in_threadpool(_page, web, visitor, 423,
                                       error=web.words("web.error.locked"))  # fmt: skip
    return web, visitor, form


async def _act(request: Request, action: Any, notice: str, counted: bool = False) -> Response:
    """Check a post, then write its job (`action(web, visitor, form)`) in the writer's next
    group; answered once it is committed (`counted`: the notice says how many dots)."""
    posted = await _posted(request)
    if isinstance(posted, Response):
        return posted
    web, visitor, form = posted
    try:
        job: Job = action(web, visitor, form)
        written = await web.writer.submit(visitor.pid, job)
    except InvalidInputError as error:  # the journal's rules refused it
        refused = Refused("web.refused", reason=str(error))
    except Refused as error:
        refused = error
    else:
        count = sum(r.type == "vote.cast" for r in written)
        return _redirect(web, f"/me?ok={notice}" + (f"&n={count}" if counted else ""))
    message = web.words(refused.key, **refused.params)
    return await run_in_threadpool(_page, web, visitor, 400, error=message)


def _too_long(form: FormData, key: str, limit: int) -> str:
    value = form.get(key)
    text = value if isinstance(value, str) else ""
    if len(text) > limit:
        raise Refused("web.error.too_big")
    return text


async def contribute(request: Request) -> Response:
    def action(web: Web, visitor: Visitor, form: FormData) -> Job:
        return web.room.contribute(visitor, _text(form, "block", 100), _text(form, "kind", 40),
                            _too_long(form, "text", 2000), _text(form, "team", 100))  # fmt: skip

    return await _act(request, action, "web.sent")


async def vote(request: Request) -> Response:
    def action(web: Web, visitor: Visitor, form: FormData) -> Job:
        items = [i for i in form.getlist("item") if isinstance(i, str)][:200]
        return web.room.vote(visitor, _text(form, "block", 100), items)

    return await _act(request, action, "web.vote.saved", counted=True)


async def survey(request: Request) -> Response:
    def action(web: Web, visitor: Visitor, form: FormData) -> Job:
        scores: dict[str, float] = {}
        for key, value in form.multi_items():
            if key.startswith("q_") and isinstance(value, str):
                try:
                    scores[key[2:]] = float(value)
                except ValueError:
                    raise Refused("web.survey.incomplete") from None
        return web.room.survey(visitor, _text(form, "block", 100), _text(form, "group", 100),
                               scores, _too_long(form, "comment", 2000))  # fmt: skip

    return await _act(request, action, "web.survey.done")


async def word(request: Request) -> Response:
    def action(web: Web, visitor: Visitor, form: FormData) -> Job:
        return web.room.closing_word(visitor, _text(form, "block", 100),
                                     _too_long(form, "word", 80),
                                     image=form.get("kind") == "image")  # fmt: skip

    return await _act(request, action, "web.sent")


async def name(request: Request) -> Response:
    """An optional first name, with consent; never offered to a vulnerable group's member (nor
    to someone who did not say their group)."""
    web = web_of(request)
    visitor = web.visitor(request)
    if visitor is None:
        return web.message("web.join.need", 401)
    if _vulnerable(web, visitor):
        return _redirect(web, "/me")
    if request.method == "GET":
        return web.render("name.html", visitor=visitor,
                          csrf=web.forms.issue(web.control.secret, visitor.pid))  # fmt: skip
    posted = await _posted(request)
    if isinstance(posted, Response):
        return posted
    web, visitor, form = posted
    chosen = " ".join(_text(form, "name", 60).split())
    consent = _text(form, "consent") == "1"
    updated = replace(visitor, name=chosen if chosen and consent else None)
    response = _redirect(web, "/me?ok=web.name.saved", updated)
    return response
