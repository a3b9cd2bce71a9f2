"""Help overlay and quit confirmation."""

from __future__ import annotations

from textual.widgets import Static


async def test_help_lists_every_key(make_app):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = str(app.screen.query_one("#help-keys", Static).render())
        for word in ("Démarrer", "Pause", "+5 min", "Terminer", "Émargement", "QR code",
                     "Quitter", "Annuler"):
            assert word in text
        await pilot.press("escape")
        assert type(app.screen).__name__ == "DashboardScreen"


async def test_quit_without_a_running_block_needs_no_confirmation(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0 or not app.is_running


async def test_quit_while_a_block_runs_asks_first(make_app):
    app = make_app()
    async with app.run_test() as pilot:
        await pilot.press("f6", "f2")
        await pilot.press("q")
        assert type(app.screen).__name__ == "QuitScreen"
        await pilot.press("n")
        assert app.is_running
        await pilot.press("q", "o")
        await pilot.pause()
        assert not app.is_running
