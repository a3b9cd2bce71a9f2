"""Closing: the closing round's words (or chosen images), and fast keyboard entry of paper
questionnaires with the live average per stakeholder group."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Input, Static

from labkit.i18n import format_number, t
from labkit.methods.closing import Closing, ClosingLive
from labkit.methods.corrections import Entry
from labkit.model import Block, ClosingConfig
from labkit.model.views import SurveyResponse
from labkit.tui import live_state as ls
from labkit.tui.screens.base import checked
from labkit.tui.screens.capture import CaptureScreen
from labkit.tui.screens.forms import FieldError, prompt
from labkit.tui.widgets.agenda.block_bar import BlockBar
from labkit.tui.widgets.capture.capture_bar import CaptureBar
from labkit.tui.widgets.plain import Plain
from labkit.tui.widgets.tables import FitTable

MODES = ("survey", "word", "image")
GROUP_WIDTH = (18, 40)
"""The means' group column at most (narrow, wide): at 80 columns « Conseils départementaux »
pushed the last question's means out of the screen."""


class ClosingScreen(CaptureScreen):
    """ctrl+t switches between questionnaires, words and images."""

    BINDINGS = [Binding("ctrl+t", "mode", "tui.key.mode", priority=True)]
    ENTRY_LISTS = {"words": "closing_word", "responses": "survey"}

    def __init__(self, block: Block) -> None:
        super().__init__(block)
        self.config = checked(block.method, ClosingConfig)
        self.spec = Closing()
        self.mode = "survey" if self.config.survey else "word"

    def compose(self) -> ComposeResult:
        yield from self.compose_bar()
        yield Plain(" ".join(self.config.prompt.split()), classes="summary prompt")
        with Horizontal(classes="method-body"):
            with Vertical(classes="method-side", id="words-side"):
                yield Plain(id="words-title", classes="panel-title")
                yield FitTable(fill="text", id="words", cursor_type="row", show_header=False)
                yield FitTable(fill="text", id="responses", cursor_type="row",
                               show_header=False)
            with Vertical(classes="method-main"):
                yield Plain(id="survey-title", classes="panel-title")
                yield DataTable(id="means", cursor_type="none")
                yield Plain(id="survey-legend", classes="hint")
        yield Plain(id="entry-preview", classes="summary")
        yield from self.compose_capture("")

    def on_mount(self) -> None:
        for name in ("words", "responses"):
            listed = self.query_one(f"#{name}", DataTable)
            listed.add_column("", key="text")
            self.add_source_column(listed)
        means = self.query_one("#means", DataTable)
        means.add_column(t("tui.attendance.group"), key="group")
        means.add_column("n", key="n")
        width = self._header_width()
        for question in self.config.survey:
            means.add_column(Text(ls.question_label(question, width)), key=question.id)
        legend = " · ".join(f"{q.text} ({q.scale_min}–{q.scale_max})" for q in self.config.survey)
        self.query_one("#survey-legend", Static).update(legend)
        super().on_mount()
        self._set_mode(self.mode)

    def _header_width(self) -> int:
        """The width of a question's header in the means (its text, shortened with « … »):
        the means' columns share what the group and n columns leave (80 columns too)."""
        wide = self.app.size.width >= 100
        main = self.app.size.width - 25  # the side panel and the border
        left = main - GROUP_WIDTH[wide] - 2 - 2 * (len(self.config.survey) + 2)
        return max(6, min(30, left // max(len(self.config.survey), 1)))

    def _label_width(self) -> int:
        """A group's label at most, in the hint and the messages."""
        return 20 if self.app.size.width < 100 else 32

    def refresh_clock(self, now: datetime) -> None:
        self.query_one(BlockBar).info = self.bar_info(now)

    def closing(self) -> ClosingLive:
        """The round's words and the questionnaires' means (the closing spec's fold)."""
        return self.spec.live(self.live.session, self.block, self.config, self.live.state)

    def refresh_view(self) -> None:
        closing = self.closing()
        words = closing.words
        self.query_one("#words-title", Static).update(
            t("tui.closing.words", count=len(words))
        )
        table = self.query_one("#words", DataTable)
        table.clear()
        for word in words:
            label = word.text or f"[{t('tui.closing.image')}] {word.image}"
            # a word wraps (at 80 columns the side panel cut « Interdisciplinarité » at 13)
            table.add_row(Text(label, overflow="fold"), self.source_of(word.event_id),
                          key=word.word_id, height=None)
        if words:
            table.move_cursor(row=len(words) - 1, animate=False)
        answers = self.query_one("#responses", DataTable)
        answers.clear()
        for answer in closing.answers:
            answers.add_row(Text(self.answer_line(answer), overflow="ellipsis", no_wrap=True),
                            self.source_of(answer.event_id), key=answer.response_id)
        if closing.answers:
            answers.move_cursor(row=len(closing.answers) - 1, animate=False)
        self._show_list(closing)
        self._refresh_means(closing)

    def _show_list(self, closing: ClosingLive | None = None) -> None:
        """The words in word and image modes, the questionnaires typed in survey mode."""
        closing = closing or self.closing()
        survey = self.mode == "survey"
        self.query_one("#words", DataTable).display = not survey
        self.query_one("#responses", DataTable).display = survey
        self.query_one("#words-title", Static).update(
            t("tui.closing.answers", count=closing.responses) if survey
            else t("tui.closing.words", count=len(closing.words)))

    def answer_line(self, answer: SurveyResponse) -> str:
        """A questionnaire as the line that enters it ("2 5 4 très utile")."""
        keys = ls.survey_groups(self.live.session)
        group = str(keys.index(answer.group) + 1) if answer.group in keys else answer.group
        scores = [format_number(answer.scores[q.id], digits=0) if q.id in answer.scores
                  else "-" for q in self.config.survey]  # fmt: skip
        return " ".join([group, *scores, *([answer.comment] if answer.comment else [])])

    def entry_label(self, entry: Entry) -> str:
        answer = self.live.state.survey.get(entry.entry_id)
        return self.answer_line(answer) if answer else super().entry_label(entry)

    def action_edit_entry(self) -> None:
        entry = self.selected_entry()
        if entry is None or entry.kind != "survey":
            super().action_edit_entry()
            return
        answer = self.live.state.survey[entry.entry_id]

        def check(text: str) -> ls.QuestionnaireEntry:
            try:
                return ls.parse_questionnaire(text, self.live.session, self.config.survey)
            except ls.EntryError as error:
                raise FieldError(str(error)) from None

        def saved(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            line: ls.QuestionnaireEntry = values["value"]
            if self.act(self.live.replace_entry, entry,
                        self.spec.answer(line.group, line.scores, line.comment)) is not None:
                self.notify(t("tui.entry.edited"), timeout=4)

        self.app.push_screen(prompt(t("tui.entry.edit_title"), t("tui.closing.mode.survey"),
                                    self.answer_line(answer), check), saved)

    def _refresh_means(self, closing: ClosingLive) -> None:
        means, counts = closing.means, closing.counts
        table = self.query_one("#means", DataTable)
        table.clear()
        total = closing.responses
        self.query_one("#survey-title", Static).update(
            t("tui.closing.survey", count=total)
        )
        limit = GROUP_WIDTH[self.app.size.width >= 100]
        for key in ls.survey_groups(self.live.session):
            if key not in counts:
                continue
            group = self.live.session.group(key)
            label = Text(group.label if group else key, overflow="ellipsis", no_wrap=True)
            label.truncate(limit, overflow="ellipsis")
            cells = [label, str(counts[key])]
            for question in self.config.survey:
                found = means.get(key, {}).get(question.id)
                cells.append(self._score(found[0] if found else None, question.scale_max))
            table.add_row(*cells, key=key)
        if total:
            cells = [Text(t("word.total"), style="bold"), str(total)]
            for question in self.config.survey:
                found = closing.overall.get(question.id)
                cells.append(self._score(found[0] if found else None, question.scale_max,
                                         bold=True))  # fmt: skip
            table.add_row(*cells, key="__total__")

    def _score(self, mean: float | None, scale_max: int, bold: bool = False) -> Text:
        if mean is None:
            return Text("—")
        return Text(f"{format_number(mean)}/{scale_max}", style="bold" if bold else "")

    # --- modes and entry ------------------------------------------------------------------------

    def _set_mode(self, mode: str) -> None:
        changed = mode != self.mode
        self.mode = mode
        if changed:
            self._show_list()
        bar = self.query_one(CaptureBar)
        bar.context = t(f"tui.closing.mode.{mode}") + " ›"
        width = self._label_width()
        groups = ", ".join(f"{n} {ls.group_label(self.live.session, k, width)}" for n, k in
                           enumerate(ls.survey_groups(self.live.session), 1))
        bar.input.placeholder = t(f"tui.closing.placeholder.{mode}", groups=groups)
        self.query_one("#entry-preview", Static).update(
            t("tui.closing.groups_hint", groups=groups) if mode == "survey" else ""
        )

    def action_mode(self) -> None:
        modes = MODES if self.config.survey else MODES[1:]
        self._set_mode(modes[(modes.index(self.mode) + 1) % len(modes)])

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.mode != "survey":
            return
        preview = self.query_one("#entry-preview", Static)
        if not event.value.strip():
            self._set_mode("survey")
            return
        try:
            entry = ls.parse_questionnaire(event.value, self.live.session, self.config.survey)
        except ls.EntryError as error:
            preview.update(Text(f"⚠ {error}", style="bold"))
            return
        preview.update(self._describe(entry))

    def _describe(self, entry: ls.QuestionnaireEntry) -> str:
        width = self._label_width()
        questions = {q.id: q for q in self.config.survey}
        scores = " · ".join(f"{ls.question_label(questions[q], width) if q in questions else q} "
                            f"{format_number(v, digits=0)}" for q, v in entry.scores.items())
        comment = f" · «\u00a0{entry.comment}\u00a0»" if entry.comment else ""
        missing = [ls.question_label(q, width) for q in self.config.survey
                   if q.id not in entry.scores]
        unanswered = (" · " + t("tui.closing.unanswered", questions=", ".join(missing))
                      if missing else "")
        group = ls.group_label(self.live.session, entry.group, 2 * width)
        return f"→ {group} · {scores}{comment}{unanswered}"

    def capture(self, text: str) -> None:
        if self.mode == "word":
            self.act(self.live.write, self.spec.word, self.block, text=text)
            return
        if self.mode == "image":
            self.act(self.live.write, self.spec.word, self.block, image=text)
            return
        try:
            entry = ls.parse_questionnaire(text, self.live.session, self.config.survey)
        except ls.EntryError as error:
            self.app.bell()
            self.notify(t("tui.closing.refused", entry=text, error=str(error)),
                        severity="error", timeout=10)
            return  # the line stays empty: the next entry never starts with the refused one
        if self.act(self.live.write, self.spec.answer, entry.group, entry.scores,
                    entry.comment or None) is not None:
            self.query_one("#entry-preview", Static).update(
                t("tui.closing.recorded", entry=self._describe(entry))
            )
