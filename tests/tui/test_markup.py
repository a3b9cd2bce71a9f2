"""Markup-like text typed by people (``[/]``, ``[/bold]``, ``[red]``) in a session's titles,
names, questions and entries is shown as typed on every screen, and never crashes the app."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest

from labkit.store.journal import Journal
from labkit.tui.app import LabkitApp
from labkit.tui.controller import LiveSession

FIXTURE = Path(__file__).parent / "fixtures" / "atelier"
MARK = "[/] [red]x[/bold]"
"""Each of these crashed Textual's markup parser (or restyled the text) when put in markup."""


def quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def marked_session(target: Path) -> Path:
    """The test workshop with markup in its title, block titles, names, groups, questions."""
    shutil.copytree(FIXTURE, target)
    path = target / "session.yaml"
    text = path.read_text(encoding="utf-8")
    for field in ("title", "first_name", "label", "prompt", "name", "text"):
        text = re.sub(rf"^(\s*(?:- )?{field}): (.+)$",
                      lambda m: f"{m[1]}: {quoted(m[2].strip(chr(34)) + ' ' + MARK)}",
                      text, flags=re.M)
    text = re.sub(r"^(\s+- )(Comment .+|Le besoin apparaît|S'informer|Démarrer)$",
                  lambda m: f"{m[1]}{quoted(m[2] + ' ' + MARK)}", text, flags=re.M)
    path.write_text(text, encoding="utf-8")
    return target


def on_screen(app: LabkitApp) -> str:
    """The text of the screen as drawn (the SVG screenshot's characters)."""
    svg = app.export_screenshot()
    return html.unescape(re.sub(r"<[^>]+>", "", svg)).replace("\xa0", " ")


@pytest.fixture
def marked(tmp_path, clock):
    folder = marked_session(tmp_path / "atelier")
    opened: list[LiveSession] = []

    def factory(day: int) -> LabkitApp:
        live = LiveSession.open(folder, day=day, clock=clock, device="test")
        opened.append(live)
        return LabkitApp(live, tick_seconds=None, poll_seconds=None)

    yield folder, factory
    for live in opened:
        live.close()


def test_the_session_really_holds_markup(marked):
    folder, _ = marked
    live = LiveSession.open(folder, device="test")
    try:
        session = live.session
        assert session.title.endswith(MARK)
        assert session.block("cafe").title.endswith(MARK)
        assert session.participants[0].first_name.endswith(MARK)
        assert session.block("cafe").method.questions[0].endswith(MARK)
    finally:
        live.close()


DAY1 = ["ouverture", "interviews", "cafe", "vote", "parcours"]
DAY2 = ["diagnostic", "entraide", "engagements", "cloture"]


@pytest.mark.parametrize(("day", "blocks"), [(1, DAY1), (2, DAY2)])
async def test_every_screen_shows_markup_as_typed(marked, day, blocks):
    folder, factory = marked
    app = factory(day)
    typed = "idea [/] [bold]"
    async with app.run_test(size=(140, 45)) as pilot:
        shown = on_screen(app)
        assert MARK in shown  # the session's title, the blocks' titles on the dashboard
        await pilot.press("f4", *"ines", "enter")  # attendance: a name holding markup
        await pilot.pause()
        assert MARK in on_screen(app)
        assert "p01" in app.live.state.present(day)
        for block in blocks:
            app.open_block(block)
            await pilot.pause()
            await pilot.press("f6")  # start it (asks while the previous one runs: yes)
            await pilot.pause()
            if app.screen.is_modal:
                assert MARK in on_screen(app)  # the question names both blocks
                await pilot.press("o")
                await pilot.pause()
            assert app.live.state.block(block).status == "running"
            if block == "engagements":
                await pilot.press("n", *typed, "enter", *"Karim", "enter", "enter", "enter",
                                  "enter", *"59", "enter")
            elif block == "parcours":
                await pilot.press("enter", *typed, "enter")
            elif block == "cloture":  # a questionnaire line commented with markup, a word
                await pilot.press(*"1 5 4 [/b] merci", "enter", "ctrl+t", *typed, "enter")
            elif block == "vote":
                await pilot.press("i", *typed, "enter")
            else:
                steps = {"cafe": 1, "entraide": 1, "interviews": 3}.get(block, 0)
                await pilot.press(*["ctrl+n"] * steps)  # to a round, a turn or the regroup
                await pilot.press(*typed, "enter")
            await pilot.pause()
            assert typed in on_screen(app), block
            assert MARK in on_screen(app), block  # its title, question or names
            await pilot.press("f1")  # the help overlay names the block
            await pilot.pause()
            assert MARK in on_screen(app), block
            await pilot.press("escape")
        if day == 1:
            app.open_block("cafe")
            await pilot.pause()
            await pilot.press("escape", "ctrl+g")  # the harvest: questions and ideas
            await pilot.pause()
            assert typed in on_screen(app)
        await pilot.press("f5")  # the QR code screen names the block
        await pilot.pause()
        await pilot.press("f2", "ctrl+z")  # undo: a toast
        await pilot.pause()
    with Journal.open(folder / "journal.db", device="check") as journal:
        state = journal.state()
    texts = [c.text for c in state.contributions.values()]
    texts += [c.what for c in state.commitments.values()]
    texts += [w.text for w in state.closing_words.values()]
    assert typed in texts
    if day == 2:
        assert [r.comment for r in state.survey.values()] == ["[/b] merci"]
