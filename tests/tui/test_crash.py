"""A crash of the live app: its traceback goes to the session's owner-only log, never to the screen
(a projector may show it), and `labkit run` exits 1 naming the log."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from labkit.tui.app import LabkitApp

EMAIL = "ines.martin@example.org"
SURNAME = "Martin-Crashtest"

CRASHING_RUN = f"""
import sys
from labkit.cli.app import main
from labkit.tui.app import LabkitApp


def on_ready(self):
    participant = {{"email": {EMAIL!r}, "last_name": {SURNAME!r}}}
    raise RuntimeError("no seat for " + participant["email"] + " " + participant["last_name"])


LabkitApp.on_ready = on_ready
main(["run", sys.argv[1], "--lang", "fr"])
"""


def run_in_terminal(args: list[str], timeout: float = 60) -> tuple[int, str]:
    """Run `args` in a pseudo-terminal of 100×30; its exit code and everything it printed."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"}
    process = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env,
                               close_fds=True)
    os.close(slave)
    output = bytearray()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            output += chunk
        elif process.poll() is not None:
            break
    else:
        process.kill()
    os.close(master)
    return process.wait(timeout=10), output.decode("utf-8", "replace")


def test_a_crash_exits_1_and_leaves_its_traceback_in_the_log_only(session_dir: Path) -> None:
    code, output = run_in_terminal([sys.executable, "-c", CRASHING_RUN, str(session_dir)])
    log = session_dir / "labkit.log"
    assert code == 1, output[-2000:]
    flat = " ".join(output.split())
    assert "RuntimeError" in flat and "labkit.log" in flat  # what happened, where to look
    assert EMAIL not in output and SURNAME not in output  # no value, no local, on screen
    assert "Traceback" not in output
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and EMAIL in logged and "on_ready" in logged
    assert log.stat().st_mode & 0o777 == 0o600


async def test_the_app_logs_a_crash_and_returns_1(make_app, session_dir, monkeypatch,
                                                  capsys) -> None:
    def crash(self: LabkitApp) -> None:
        secret = EMAIL
        raise KeyError(secret)

    monkeypatch.setattr(LabkitApp, "action_undo", crash)
    app = make_app()
    with pytest.raises(KeyError):
        async with app.run_test() as pilot:
            await pilot.press("ctrl+z")
    assert app.return_code == 1
    captured = capsys.readouterr()
    shown = " ".join((captured.out + captured.err).split())
    assert "KeyError" in shown and "labkit.log" in shown and EMAIL not in shown
    assert EMAIL in (session_dir / "labkit.log").read_text(encoding="utf-8")
