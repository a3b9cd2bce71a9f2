"""The live app's handle on `labkit serve`: a subprocess it starts and stops with one key.

The server writes the same journal, sharing the app's session lock (`labkit.store.session_lock`);
the app picks its phones' contributions up through its journal poll (`PRAGMA data_version`,
several times a second). The join address comes from the
session's ``serve.json`` (the tokens the server reads too), so the app can show its QR code.
"""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from labkit.store.session_lock import held
from labkit.web import control

PORT = 8765


@dataclass(frozen=True)
class Addresses:
    """Where phones join and where the room's screen is."""

    join: str
    projector: str


class ServerProcess:
    """`labkit serve` for one session folder, on the LAN address when there is one."""

    def __init__(self, root: Path, tables: int, port: int = PORT, *, lan: bool = True) -> None:
        self.root, self.tables, self.port, self.lan = Path(root), tables, port, lan
        self.process: subprocess.Popen[bytes] | None = None
        self.host = "127.0.0.1"

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> Addresses:
        """Start the server (if it is not running) and say its addresses."""
        from labkit.web.lan import interfaces

        if not self.running:
            found = interfaces() if self.lan else []
            self.host = found[0].address if found else "127.0.0.1"
            command = [sys.executable, "-m", "labkit", "serve", str(self.root),
                       "--bind", self.host, "--port", str(self.port)]  # fmt: skip
            lock = held(self.root)  # the app's session lock: the server shares it
            self.process = subprocess.Popen(command, stdin=subprocess.DEVNULL,
                                            stdout=subprocess.DEVNULL,
                                            stderr=subprocess.DEVNULL,
                                            **(lock.child_options() if lock else {}))  # fmt: skip
        return self.addresses()

    def addresses(self) -> Addresses:
        state = control.ensure(self.root, self.tables)
        base = f"http://{self.host}:{self.port}"
        return Addresses(f"{base}/j/{state.session_token}",
                         f"{base}/projector?key={state.projector_key()}")  # fmt: skip

    def stop(self) -> None:
        """Stop the server (its pages stop answering; the journal keeps everything)."""
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None

    def switches(self) -> control.Control:
        return control.ensure(self.root, self.tables)

    def toggle(self, name: str) -> control.Control:
        """Flip `locked` or `revealed` (the server applies it at its next request)."""
        current = self.switches()
        return control.switch(self.root, self.tables, **{name: not getattr(current, name)})

    def revoke(self) -> control.Control:
        return control.revoke(self.root, self.tables)
