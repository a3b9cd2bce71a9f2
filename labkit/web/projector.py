"""The room's screen (``/projector?key=…``) and the live feed (``/live``, Server-Sent Events).

The screen shows the running block, a large timer, each café table's question this round, who
moves where next, the vote results (a count of dots until the facilitator reveals them), the
closing words as a cloud, and the session's join QR code. Every text shown goes through the
naming guard (`labkit.model.naming`): no one who may not be named appears on the wall.
"""

from __future__ import annotations

import asyncio
import hmac
import io
from collections import Counter
from datetime import UTC, datetime
from typing import Any

import qrcode
import qrcode.image.svg
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from labkit.model import WorldCafeConfig
from labkit.store.journal import JournalState
from labkit.web.app import HEADERS, Web, web_of

POLL_SECONDS = 0.3
"""How often the live feed looks for other writers' events (data_version, then a read)."""


def qr_svg(data: str) -> str:
    """An inline SVG QR code of `data` (drawn here: nothing fetched elsewhere)."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=12, border=2)
    out = io.BytesIO()
    image.save(out)
    text = out.getvalue().decode()
    return text[text.index("<svg"):]


def join_url(web: Web, table: int | None = None) -> str:
    control = web.control
    token = control.table_tokens.get(str(table)) if table else control.session_token
    return f"{web.settings.base_url}/j/{token}"


def _context(web: Web) -> dict[str, Any]:
    context: dict[str, Any] = {"url": join_url(web), "qr": qr_svg(join_url(web))}
    with web.room.reading() as state:  # what the screen shows, read under the journal's lock
        context.update(_now_showing(web, state))
    return context


def _now_showing(web: Web, state: JournalState) -> dict[str, Any]:
    room = web.room
    block = room.running(state)
    context: dict[str, Any] = {"block": block}
    if block is None:
        context["phase"] = room.phase(state)
        return context
    ends = room.ends_at(block, state)
    now = datetime.now(UTC)
    context["ends"] = ends.isoformat() if ends else None
    context["minutes_left"] = max(0, int((ends - now).total_seconds() // 60)) if ends else None
    contributions = [c for c in state.contributions.values() if c.block_id == block.id]
    context["count"] = len(contributions)
    recent = sorted(contributions, key=lambda c: c.event_id)[-6:]
    context["recent"] = [room.guard.mask(c.text) for c in recent]
    config = block.method
    if isinstance(config, WorldCafeConfig):
        where = [room.position(block, n, state) for n in range(1, config.tables + 1)]
        if len({w.question for w in where}) == 1:  # one question for every table this round
            context["question"] = where[0].question_text
        else:
            context["tables"] = where
        context["round"] = where[0].round if where else None
        context["moves"] = room.moves(block, state)
    if block.method_type == "idea_vote":
        totals: Counter[str] = Counter()
        for v in state.votes.values():
            if v.block_id == block.id:
                totals[v.item_id] += v.dots
        texts = {c.item_id: c.text for c in room.candidates(block, state)}
        context["dots"] = sum(totals.values())
        context["revealed"] = web.control.revealed
        context["results"] = sorted(((texts.get(i, i), n) for i, n in totals.items()),
                                    key=lambda x: (-x[1], x[0]))[:12]  # fmt: skip
    if block.method_type == "closing":
        words = Counter(room.guard.mask(w.text).lower() for w in state.closing_words.values()
                        if w.text and w.block_id == block.id)  # fmt: skip
        top = max(words.values(), default=1)
        context["words"] = [(word, 1 + round(4 * n / top)) for word, n in words.most_common(40)]
        context["answers"] = len(state.survey)
    return context


async def page(request: Request) -> Response:
    web = web_of(request)
    key = request.query_params.get("key", "")
    if not hmac.compare_digest(key, web.projector_key()):
        return web.message("web.error.not_found", 404)
    context = await run_in_threadpool(_context, web)
    return web.render("projector.html", key=key, **context)


async def live(request: Request) -> Response:
    """An event each time the journal or the facilitator's switches change."""
    web = web_of(request)
    journal = web.room.journal

    def revision() -> str:
        if journal.has_news():
            journal.refresh()
        control = web.control
        return f"{journal.last_id}-{control.generation}-{control.locked:d}" \
            f"-{control.revealed:d}"  # fmt: skip

    async def feed() -> Any:
        last = await run_in_threadpool(revision)
        yield f"retry: 2000\ndata: {last}\n\n"
        for _ in range(int(600 / POLL_SECONDS)):  # reconnects after ten minutes
            if await request.is_disconnected():
                return
            await asyncio.sleep(POLL_SECONDS)
            now = await run_in_threadpool(revision)
            if now != last:
                last = now
                yield f"data: {now}\n\n"

    headers = {**HEADERS, "X-Accel-Buffering": "no"}
    return StreamingResponse(feed(), media_type="text/event-stream", headers=headers)
