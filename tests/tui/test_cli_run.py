"""`labkit run`: arguments, plain errors, and the app it starts."""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from labkit.cli.app import app
from labkit.store.journal import Journal
from labkit.tui import app as tui_app

runner = CliRunner()


def test_run_opens_the_app_on_the_chosen_day(session_dir, monkeypatch):
    started = {}

    def fake_run(self, *args, **kwargs):
        started["day"] = self.live.day
        started["device"] = self.live.journal.device
        self.live.close()

    monkeypatch.setattr(tui_app.LabkitApp, "run", fake_run)
    result = runner.invoke(app, ["run", str(session_dir), "--day", "2", "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert started["day"] == 2 and started["device"].startswith("tui-")
    assert (session_dir / "journal.db").exists()


def test_run_explains_a_missing_session_or_day(session_dir, tmp_path):
    result = runner.invoke(app, ["run", str(tmp_path / "nowhere")])
    assert result.exit_code == 1
    result = runner.invoke(app, ["run", str(session_dir), "--day", "3"])
    assert result.exit_code == 1
    assert "2 jour" in result.output


def test_run_refuses_to_start_on_a_journal_it_cannot_write(session_dir, monkeypatch):
    """Checked before the facilitator types anything: the disk's real free space is below what
    the check asks for (the threshold is raised above any disk's size)."""
    from labkit.store.journal import database

    started = []
    monkeypatch.setattr(tui_app.LabkitApp, "run", lambda self, *a, **k: started.append(1))
    monkeypatch.setattr(database, "MIN_FREE_BYTES", 2**62)
    result = runner.invoke(app, ["run", str(session_dir)])
    assert result.exit_code == 1 and not started
    flat = " ".join(result.output.split())
    assert "ne démarre pas" in flat and "Disque presque plein" in flat


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files")
def test_run_refuses_a_read_only_journal(session_dir):
    journal = session_dir / "journal.db"
    Journal.open(journal, device="test").close()
    journal.chmod(0o444)
    result = runner.invoke(app, ["run", str(session_dir)])
    assert result.exit_code == 1
    assert "lecture seule" in " ".join(result.output.split())
