"""One modal form for every dialog that asks for a few values.

The dialog is given its fields and an ``apply`` function that hands the values to the
core. When the core refuses (a FieldError for one field, any FacilitatorError for the
whole), the dialog stays open with the message beside the field and nothing typed is
lost; otherwise it closes with apply's result, typed: a decision dialog is a
``FormDialog[Decision]`` and gives its caller a ``Decision``, or None when cancelled.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby
from typing import Any, NamedTuple, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Checkbox, Collapsible, Input, Label, Select, Static
from textual.widgets._select import SelectOverlay
from textual.widgets.collapsible import CollapsibleTitle

from facilitator.errors import FacilitatorError, FieldError
from facilitator.i18n import t
from facilitator.tui import literal
from facilitator.tui.commands import DIALOG_COMMANDS, bindings
from facilitator.tui.type_ahead import typed_so_far
from facilitator.tui.widgets.key_footer import KeyFooter
from facilitator.tui.widgets.long_entry import LongInput
from facilitator.tui.widgets.text_entry import TextInput, field_text
from facilitator.tui.widgets.tick_box import TickBox


class Field(NamedTuple):
    name: str
    label: str
    kind: str = "text"
    """text, long (a sentence: it wraps, long_entry.py), integer, select or check."""
    value: str | bool = ""
    placeholder: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    """(label, value) pairs of a select."""
    suggestions: tuple[str, ...] = ()
    fold: str = ""
    """The title of a fold the field sits in, closed when the dialog opens; fields next to
    each other with the same title share one. Enter on the title opens it."""


Values = dict[str, Any]
"""The fields' values by name: text (stripped) from a text or number field, the chosen
value from a select, True or False from a check."""

Result = TypeVar("Result")


class FormDialog(ModalScreen[Result]):
    """Closes with ``apply``'s result when the core takes the values, None when cancelled.

    Its own footer says its own keys (the meeting screen's, below it, do nothing here), and
    its buttons do what Enter and Escape do, by the same actions, for a mouse."""

    BINDINGS = bindings(DIALOG_COMMANDS)
    COMMANDS_TABLE = DIALOG_COMMANDS

    def __init__(
        self,
        title: str,
        fields: list[Field],
        apply: Callable[[Values], Result],
        *,
        note: str = "",
        dialog_id: str = "form",
        answers: tuple[str, str] | None = None,
    ) -> None:
        super().__init__(id=f"{dialog_id}-dialog")
        self.title_text = title
        self.fields = fields
        self.apply = apply
        self.note = note
        self.answers = answers or (t("cmd.dialog_save"), t("cmd.dialog_cancel"))
        """The buttons' words: save and cancel, or a question's own yes and no."""
        self.quit_warned = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(literal.line(self.title_text), classes="dialog-title")
            if self.note:
                yield Static(literal.block(self.note), classes="dialog-note")
            for fold, fields in groupby(self.fields, key=lambda field: field.fold):
                if fold:  # Content, not str, though Textual says str: see item_view.py
                    with Collapsible(title=literal.line(fold), collapsed=True, classes="field-fold"):  # type: ignore[arg-type]
                        for field in fields:
                            yield from self._field(field)
                else:
                    for field in fields:
                        yield from self._field(field)
            yield Static(literal.EMPTY, id="error-form", classes="field-error")
            if self.fields:  # a question without fields says its own keys (Enter ends, Escape goes back)
                yield Static(literal.block(t("dialog.hint")), classes="dialog-hint")
            yield from answer_buttons(*self.answers)
        yes, no = self.answers
        yield KeyFooter(first=tuple(command.id for command in DIALOG_COMMANDS), words={"save": yes, "cancel": no})

    def _field(self, field: Field) -> ComposeResult:
        widget_id = f"field-{field.name}"
        if field.kind == "check":
            yield TickBox(literal.line(field.label), bool(field.value), id=widget_id, compact=True)
        else:
            yield Label(literal.line(field.label), classes="field-label")
            if field.kind == "select":
                # Rich text, not Content: the open list searches Text and str prompts as you type.
                choices = [(literal.rich_line(label), value) for label, value in field.choices]
                yield Select(choices, value=str(field.value), allow_blank=False, id=widget_id, compact=True)
            elif field.kind == "long":
                yield LongInput(str(field.value), placeholder=field.placeholder, id=widget_id)
            else:
                # A suggestion is drawn after the typed text: names as a field keeps them.
                suggestions = [field_text(name) for name in field.suggestions]
                suggester = SuggestFromList(suggestions, case_sensitive=False) if suggestions else None
                yield TextInput(
                    str(field.value),
                    placeholder=field.placeholder,
                    id=widget_id,
                    suggester=suggester,
                    type="integer" if field.kind == "integer" else "text",
                    select_on_focus=False,
                )
        yield Static(literal.EMPTY, id=f"error-{field.name}", classes="field-error")

    def on_mount(self) -> None:
        for error in self.query(".field-error").results(Static):
            error.display = False
        if self.fields:  # at once, not when the app next gets round to it: a Tab typed right behind is to move on from here
            self.set_focus(self.query_one(f"#field-{self.fields[0].name}"))
        # A dialog taller than the terminal (it scrolls) opens at its title, not where
        # the first field's cursor scrolled it.
        self.call_after_refresh(self.query_one(".dialog").scroll_home, animate=False)

    def values(self) -> Values:
        values: Values = {}
        for field in self.fields:
            widget = self.query_one(f"#field-{field.name}")
            if isinstance(widget, Checkbox):
                values[field.name] = widget.value
            elif isinstance(widget, Select):
                values[field.name] = widget.value
            else:
                assert isinstance(widget, (Input, LongInput))
                values[field.name] = widget.value.strip()
        return values

    def has_typed(self) -> bool:
        """Whether a text field holds something other than what it started with."""
        for field in self.fields:
            widget = self.query_one(f"#field-{field.name}")
            if isinstance(widget, (Input, LongInput)) and widget.value.strip() and widget.value != str(field.value):
                return True
        return False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("save", "cancel") and isinstance(self.focused, SelectOverlay):
            return False  # Enter picks and Escape closes an open list, not the dialog
        if action == "next_field":
            return len(self.fields) > 1  # one field or none: Tab has nowhere to go
        if action == "save" and isinstance(self.focused, CollapsibleTitle):
            return False  # Enter on a fold's title opens or closes it
        return True

    def action_next_field(self) -> None:
        self.focus_next()

    @on(Button.Pressed, "#answer-yes")
    async def yes_pressed(self) -> None:
        await self.run_action("save")  # as Enter: checked, and saved by action_save

    @on(Button.Pressed, "#answer-no")
    async def no_pressed(self) -> None:
        await self.run_action("cancel")

    async def action_save(self) -> None:
        await typed_so_far(self.app)  # a value and its Enter in one burst: the value first
        for error in self.query(".field-error").results(Static):
            _say(error, "")
        try:
            result = self.apply(self.values())
        except FieldError as error:
            _say(self.query_one(f"#error-{error.field}", Static), str(error))
            self.set_focus(self.query_one(f"#field-{error.field}"))  # now: the keys after Enter go there
            return
        except FacilitatorError as error:
            _say(self.query_one("#error-form", Static), str(error))
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)


class AnswerButton(Button, can_focus=False):
    """One of a dialog's answers for the mouse: not in the Tab order, as Tab goes from field
    to field, and Enter on a focused "cancel" would still save."""


def answer_buttons(yes: str, no: str) -> ComposeResult:
    """A dialog's two answers, at its foot."""
    with Horizontal(classes="dialog-buttons"):
        yield AnswerButton(literal.line(yes), variant="primary", id="answer-yes", compact=True)
        yield AnswerButton(literal.line(no), id="answer-no", compact=True)


def _say(place: Static, message: str) -> None:
    """A message beside a field; an empty one takes no room. It often quotes what was
    typed (a path, a name), so it is literal text."""
    place.update(literal.block(message))
    place.display = bool(message)


def required(values: Values, name: str) -> str:
    value = values[name]
    if not value:
        raise FieldError(name, t("dialog.required"))
    return str(value)


def count(values: Values, name: str) -> int:
    """A count: empty means 0; the Input lets only digits and a minus sign through."""
    text = values[name]
    if not text:
        return 0
    try:
        number = int(text)
    except ValueError:
        raise FieldError(name, t("dialog.not_a_number")) from None
    if number < 0:
        raise FieldError(name, t("dialog.negative"))
    return number
