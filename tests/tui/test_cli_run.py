"""`labkit run`: arguments, plain errors, and the app it starts."""

from __future__ import annotations

from typer.testing import CliRunner

from labkit.cli.app import app
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
