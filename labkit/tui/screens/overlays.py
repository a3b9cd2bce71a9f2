"""Overlays: the help listing every key, the quit confirmation."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen

from labkit.i18n import t
from labkit.tui.keys import translate_bindings
from labkit.tui.widgets.plain import Plain, bold_lead


class HelpScreen(ModalScreen[None]):
    """Every key of the screen underneath and of the app, with what it does."""

    BINDINGS = [
        Binding("escape,question_mark,q,f1", "close", "tui.key.close"),
    ]

    def __init__(self, rows: list[tuple[str, str]], title: str) -> None:
        super().__init__()
        translate_bindings(self)
        self._rows = rows
        self._title = title

    def compose(self) -> ComposeResult:
        width = max((len(k) for k, _ in self._rows), default=4) + 2
        lines = Text()
        for keys, text in self._rows:
            lines.append(f"{keys:<{width}}", style="bold")
            lines.append(text + "\n")
        lines.rstrip()
        with Vertical(id="help-box", classes="overlay-box"):
            yield Plain(bold_lead(t("tui.help.title"), f" — {self._title}"),
                        classes="overlay-title")
            with VerticalScroll():
                yield Plain(lines, id="help-keys")
            yield Plain(t("tui.help.close"), classes="overlay-hint")

    def action_close(self) -> None:
        self.dismiss(None)


class QuitScreen(ModalScreen[bool]):
    """Asks before quitting while a block runs (everything is already saved)."""

    BINDINGS = [
        Binding("o,y", "answer(True)", "tui.key.yes"),
        Binding("n,escape", "answer(False)", "tui.key.no"),
    ]

    def __init__(self, block_title: str) -> None:
        super().__init__()
        translate_bindings(self)
        self._block_title = block_title

    def compose(self) -> ComposeResult:
        with Vertical(id="quit-box", classes="overlay-box"):
            yield Plain(t("tui.quit.question", block=self._block_title), classes="overlay-title")
            yield Plain(t("tui.quit.saved"))
            yield Plain(t("tui.quit.keys"), classes="overlay-hint")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)


class ConfirmScreen(ModalScreen[bool]):
    """One yes/no question before an action that changes the day's course."""

    BINDINGS = [
        Binding("o,y,enter", "answer(True)", "tui.key.yes"),
        Binding("n,escape", "answer(False)", "tui.key.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        translate_bindings(self)
        self._question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="quit-box", classes="overlay-box"):
            yield Plain(self._question, classes="overlay-title")
            yield Plain(t("tui.confirm.keys"), classes="overlay-hint")

    def action_answer(self, value: bool) -> None:
        self.dismiss(value)
