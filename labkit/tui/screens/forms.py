"""Small modal forms: one line of text (a cluster title), or a few checked fields (a commitment).

A form returns plain values to the screen that opened it (through `dismiss`); the screen writes
the journal, in a `save` callback when the form writes: the form closes once the journal has
recorded the values and stays open, with what was typed, when it refused or could not write them
(full disk, read-only journal). Each field may have a check that turns the typed text into a value
or explains, in plain words, what is wrong; the form stays open until every field is right.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from labkit.i18n import t
from labkit.tui.keys import translate_bindings
from labkit.tui.widgets.plain import Plain
from labkit.tui.widgets.text_field import TextField

if TYPE_CHECKING:
    from labkit.tui.app import LabkitApp


class FieldError(ValueError):
    """A typed value that a field refuses (the message says why, in plain words)."""

    field: str | None = None
    """The refused field's name, once the form knows it (the focus goes back there)."""


@dataclass(frozen=True)
class FormField:
    """One line of a form."""

    name: str
    label: str
    value: str = ""
    check: Callable[[str], Any] | None = None
    """Turns the text into the value returned; raises FieldError. Default: the stripped text,
    or None when empty."""
    placeholder: str = ""


def _plain(text: str) -> Any:
    return text.strip() or None


class FormScreen(ModalScreen[dict[str, Any] | None]):
    """A few fields; Enter on the last one (or Ctrl+O anywhere) saves, Escape cancels."""

    BINDINGS = [
        Binding("escape", "cancel", "tui.key.cancel"),
        Binding("ctrl+o", "save_typed", "tui.key.save", priority=True),
        Binding("enter", "next_field", show=False, priority=True),
    ]
    """Enter is read in the order of the keys, before the field's text: a binding of the
    field ran once its key had bubbled up, after the next keys, and « quoi ⏎ qui ⏎ » typed
    fast put « quiquoi » or « quoiqui » in the first field (seen in the tmux pass)."""

    KEYS_AT_ONCE = frozenset({"enter"})
    """Enter moves the focus as it arrives (`LabkitApp._check_bindings`): the keys typed before
    it are already in the field's queue, those typed after it go to the next field."""

    def __init__(
        self,
        title: str,
        fields: list[FormField],
        hint: str = "",
        check_all: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
        save: Callable[[dict[str, Any]], bool] | None = None,
    ) -> None:
        super().__init__()
        translate_bindings(self)
        self._title = title
        self._fields = fields
        self._hint = hint
        self._check_all = check_all
        self._save = save
        """Writes the checked values; False when nothing was recorded (the form stays open)."""
        self._saving = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="overlay-box form-box"):
            yield Plain(Content(self._title), classes="overlay-title")
            for field in self._fields:
                with Horizontal(classes="form-row"):
                    yield Plain(Content(field.label), classes="form-label")
                    yield TextField(field.value, placeholder=field.placeholder,
                                id=f"field-{field.name}")
            yield Plain("", id="form-error", classes="form-error")
            yield Plain(Content(self._hint or t("tui.form.keys")), classes="overlay-hint")

    def on_mount(self) -> None:
        self.query_one(f"#field-{self._fields[0].name}", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._next_from(event.input)

    def action_next_field(self) -> None:
        """Enter: the next field takes the keys typed from now on, at once (the keys typed
        before still reach this one); on the last field, save once they have."""
        if isinstance(self.focused, Input):
            self._next_from(self.focused)

    def _next_from(self, field: Input) -> None:
        names = [f.name for f in self._fields]
        index = names.index(str(field.id).removeprefix("field-"))
        if index + 1 < len(names):
            self.set_focus(self.query_one(f"#field-{names[index + 1]}", Input))
        else:
            self.action_save_typed()

    def action_save_typed(self) -> None:
        """Save after the keys already sent to the focused field are in it; the keys typed
        after wait for the save (they go to the screen below, or to this form if it stays),
        those already queued in the field behind a Ctrl+O read in its turn too."""
        field = self.focused
        if not isinstance(field, Input):
            self.action_save()
            return
        hold = cast("LabkitApp", self.app).key_hold
        if hold.holding and self._saving:
            return  # a second Enter typed before the save: the save is on its way
        self._saving = True
        hold.start()
        in_turn = isinstance(field, TextField) and field.reading
        if in_turn:  # Ctrl+O read in the field's turn: the keys queued there came after it
            cast(TextField, field).give_back_queued()

        def save_then_release() -> None:
            self._saving = False
            if in_turn:
                cast(TextField, field).given_back()
            self.action_save()
            hold.until_ready(self.app.screen)

        field.call_later(save_then_release)

    def values(self) -> dict[str, Any]:
        """The checked values (FieldError names the first wrong field)."""
        result: dict[str, Any] = {}
        for field in self._fields:
            text = self.query_one(f"#field-{field.name}", Input).value
            try:
                result[field.name] = (field.check or _plain)(text)
            except FieldError as error:
                named = FieldError(t("tui.colon", label=field.label, value=error))
                named.field = field.name
                raise named from None
        return self._check_all(result) if self._check_all else result

    def action_save(self) -> None:
        try:
            values = self.values()
        except FieldError as error:
            self.query_one("#form-error", Static).update(Content(str(error)))
            self.app.bell()
            if error.field is not None:  # the correction is typed where the error is
                self.set_focus(self.query_one(f"#field-{error.field}", Input))
            return
        if self._save is not None:
            with cast("LabkitApp", self.app).keeping_text():
                saved = self._save(values)
            if not saved:
                self.query_one("#form-error", Static).update(Content(t("tui.form.not_saved")))
                return
        self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)


def prompt(title: str, label: str, value: str = "", check: Callable[[str], Any] | None = None,
           save: Callable[[dict[str, Any]], bool] | None = None, hint: str = "") -> FormScreen:
    """A one-field form."""
    return FormScreen(title, [FormField("value", label, value, check or required)], hint,
                      save=save)


def required(text: str) -> str:
    """A non-empty line."""
    value = " ".join(text.split())
    if not value:
        raise FieldError(t("tui.form.required"))
    return value
