"""The server's guards: signed participant cookies, single-use CSRF tokens, the Host and Origin
checks, the body size limit and the per-participant rate limit.

Each guard refuses before anything is written; the refusal is a page with a plain message.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

COOKIE = "labkit_p"
MAX_BODY = 16 * 1024
"""Bytes a form may send (an idea is at most a few thousand characters)."""


@dataclass(frozen=True)
class Visitor:
    """A participant as their signed cookie says: a pseudonymous id, never a name by default."""

    pid: str
    generation: int
    table: int | None = None
    host: bool = False
    group: str | None = None
    name: str | None = None
    """A first name the participant chose to give, with consent (None: anonymous)."""

    def dump(self) -> dict[str, Any]:
        return {"p": self.pid, "g": self.generation, "t": self.table, "h": self.host,
                "gr": self.group, "n": self.name}  # fmt: skip


def _sign(secret: str, data: bytes) -> str:
    mac = hmac.new(secret.encode(), data, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac).decode().rstrip("=")


def seal(secret: str, visitor: Visitor) -> str:
    """The cookie value of `visitor`: its data and their signature."""
    data = json.dumps(visitor.dump(), separators=(",", ":")).encode()
    body = base64.urlsafe_b64encode(data).decode().rstrip("=")
    return f"{body}.{_sign(secret, body.encode())}"


def unseal(secret: str, generation: int, value: str | None) -> Visitor | None:
    """The visitor a cookie names, if its signature and generation are good."""
    if not value or "." not in value or len(value) > 2000:
        return None
    body, signature = value.rsplit(".", 1)
    if not hmac.compare_digest(_sign(secret, body.encode()), signature):
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        visitor = Visitor(pid=str(data["p"]), generation=int(data["g"]), table=data.get("t"),
                          host=bool(data.get("h")), group=data.get("gr"),
                          name=data.get("n"))  # fmt: skip
    except (ValueError, KeyError, TypeError):
        return None
    return visitor if visitor.generation == generation else None


def new_pid() -> str:
    """A fresh pseudonymous participant id (``web-3f2a9c1d``)."""
    return f"web-{secrets.token_hex(4)}"


class Forms:
    """Single-use CSRF tokens bound to a participant: a replayed or forged form is refused."""

    def __init__(self, limit: int = 50_000) -> None:
        self._used: OrderedDict[str, None] = OrderedDict()
        self._limit = limit
        self._lock = threading.Lock()

    def issue(self, secret: str, pid: str) -> str:
        nonce = secrets.token_urlsafe(9)
        return f"{nonce}.{_sign(secret, f'{pid}|{nonce}'.encode())}"

    def redeem(self, secret: str, pid: str, token: str | None) -> bool:
        """Whether `token` was issued to `pid` and not used yet (it is used from now on)."""
        if not token or "." not in token or len(token) > 200:
            return False
        nonce, signature = token.split(".", 1)
        if not hmac.compare_digest(_sign(secret, f"{pid}|{nonce}".encode()), signature):
            return False
        with self._lock:
            if nonce in self._used:
                return False
            self._used[nonce] = None
            while len(self._used) > self._limit:
                self._used.popitem(last=False)
        return True


class RateLimit:
    """At most `count` posts per participant within `seconds`."""

    def __init__(self, count: int = 40, seconds: float = 60.0) -> None:
        self.count, self.seconds = count, seconds
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and now - hits[0] > self.seconds:
                hits.popleft()
            if len(hits) >= self.count:
                return False
            hits.append(now)
            return True


def host_of(url: str) -> str:
    """``host[:port]`` of a URL, lower case."""
    return urlsplit(url).netloc.lower()


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of a URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


Send = Callable[[dict[str, Any]], Awaitable[None]]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Refuse = Callable[[str, int], Any]


class Guard:
    """ASGI middleware: Host check on every request; on a POST, the Origin check and the body
    size limit. `refusal(key, status)` builds the refusal page (a translated message key)."""

    def __init__(self, app: Any, *, hosts: Iterable[str], origins: Iterable[str],
                 refusal: Refuse, max_body: int = MAX_BODY) -> None:  # fmt: skip
        self.app = app
        self.hosts = {h.lower() for h in hosts}
        self.origins = {o.lower() for o in origins}
        self.refusal, self.max_body = refusal, max_body

    async def __call__(self, scope: dict[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        if headers.get("host", "").lower() not in self.hosts:
            await self.refusal("web.error.host", 421)(scope, receive, send)
            return
        if scope["method"] not in ("GET", "HEAD"):
            origin = headers.get("origin") or (
                origin_of(headers["referer"]) if headers.get("referer") else ""
            )
            if origin.lower() not in self.origins:
                await self.refusal("web.error.origin", 403)(scope, receive, send)
                return
            length = headers.get("content-length")
            if length is not None and (not length.isdigit() or int(length) > self.max_body):
                await self.refusal("web.error.too_big", 413)(scope, receive, send)
                return
            receive = self._bounded(receive)
        await self.app(scope, receive, send)

    def _bounded(self, receive: Receive) -> Receive:
        seen = 0

        async def bounded() -> dict[str, Any]:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise BodyTooLarge
            return message

        return bounded


class BodyTooLarge(Exception):
    """A chunked body went over the limit (no Content-Length to refuse it up front)."""
