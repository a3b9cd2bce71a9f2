"""At 80 columns nothing is cut unsaid: notices wrap, a word stays whole, a title ends in « … »."""

from __future__ import annotations

from . import scenario
from .test_methods import open_block


def screen_lines(widget) -> list[str]:
    return [strip.text for strip in widget.render_lines(widget.content_region.reset_offset)]


def whole(widget) -> str:
    return " ".join(" ".join(screen_lines(widget)).split())


async def test_the_votes_tie_notice_and_dot_count_wrap_at_80_columns(make_app, clock):
    app = make_app()
    scenario.morning(app.live, clock)
    scenario.vote(app.live, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        tie = app.screen.query_one("#ranking-tie")
        assert "la salle tranche" in whole(tie), screen_lines(tie)
        status = app.screen.query_one("#vote-status")
        assert "chiffres puis Entrée" in whole(status), screen_lines(status)


async def test_the_cafe_notice_wraps_at_80_columns(make_app, clock):
    app = make_app()
    scenario.morning(app.live, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        notice = app.screen.query_one("#cafe-notice")
        notice.update("2 personnes changent de table : Véronique T3 → T1 (tour 3) · "
                      "Jessica T3 → T2 (tour 3)")
        await pilot.pause()
        assert "Jessica T3 → T2 (tour 3)" in whole(notice), screen_lines(notice)


async def test_a_long_closing_word_is_shown_whole_at_80_columns(make_app, clock):
    app = make_app(day=2)
    scenario.afternoon(app.live, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_block(app, pilot, "cloture")
        await pilot.press("ctrl+t", *"Interdisciplinarité", "enter")
        await pilot.pause()
        words = app.screen.query_one("#words")
        text = "".join(line.split("ici")[0].strip() for line in screen_lines(words))
        assert "Interdisciplinarité" in text, screen_lines(words)


async def test_a_long_day_title_ends_with_an_ellipsis_at_80_columns(make_app):
    app = make_app()
    app.live.session.title = "Atelier de test : coopérer pour l'emploi des parents du bassin"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        title = app.screen.query_one("#day-title")
        lines = screen_lines(title)
        assert len(lines) == 1 and lines[0].rstrip().endswith("…"), lines
