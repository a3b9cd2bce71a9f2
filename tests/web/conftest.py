"""A real `labkit serve` on loopback (uvicorn in a thread, a free port) and its session."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from labkit.store.journal import Journal
from labkit.store.session_folder import open_session
from labkit.web import control
from labkit.web.app import Settings, create_app


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Served:
    """A running server: its address, its session folder and a facilitator's journal."""

    url: str
    root: Path
    journal: Journal
    app: Any

    @property
    def web(self) -> Any:
        return self.app.app.state.web

    def control(self) -> control.Control:
        return self.web.control

    def join_url(self, table: int | None = None) -> str:
        c = self.control()
        return f"{self.url}/j/{c.table_tokens[str(table)] if table else c.session_token}"

    def projector_url(self) -> str:
        return f"{self.url}/projector?key={self.web.projector_key()}"

    def client(self) -> httpx.Client:
        """A phone without a browser: follows no redirect, sends this server's Origin."""
        return httpx.Client(base_url=self.url, headers={"Origin": self.url}, timeout=10)


def csrf_of(html: str, index: int = 0) -> str:
    return re.findall(r'name="csrf" value="([^"]+)"', html)[index]


def join(client: httpx.Client, served: Served, table: int | None = None,
         host: bool = False, group: str = "") -> None:  # fmt: skip
    """Join through the (table) link as a phone does: GET the form, POST it."""
    page = client.get(served.join_url(table))
    data = {"csrf": csrf_of(page.text), "group": group}
    if host:
        data["host"] = "1"
    answer = client.post(served.join_url(table), data=data)
    assert answer.status_code == 303, answer.text


def serve(root: Path, *, rate: tuple[int, float] = (40, 60.0),
          public_url: str | None = None) -> Iterator[Served]:  # fmt: skip
    """Run the server of the session at `root` until the generator is closed."""
    port = free_port()
    settings = Settings(bind="127.0.0.1", port=port, rate=rate, public_url=public_url)
    app = create_app(open_session(root), settings)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error",
                                           lifespan="on"))  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.02)
    journal = Journal.open(root, device="facilitator")
    try:
        yield Served(f"http://127.0.0.1:{port}", root, journal, app)
    finally:
        journal.close()
        server.should_exit = True
        thread.join(10)


@pytest.fixture
def session_root(write_session: Callable[..., Path], session_data: dict[str, Any]) -> Path:
    path = write_session(session_data)
    return path if path.is_dir() else path.parent


@pytest.fixture
def served(session_root: Path) -> Iterator[Served]:
    yield from serve(session_root)


@pytest.fixture
def cafe(served: Served) -> Served:
    """The server with the café block running, round 1."""
    served.journal.start_block("cafe")
    served.journal.start_round("cafe")
    return served
