"""One modal form for every dialog that asks for a few values.

The dialog is given its fields and an ``apply`` function that hands the values to the
core. When the core refuses (a FieldError for one field, any FacilitatorError for the
whole), the dialog stays open with the message beside the field and nothing typed is
lost; otherwise it closes with apply's result, typed: a decision dialog is a
``FormDialog[Decision]`` and gives its caller a ``Decision``, or None when cancelled.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple, TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Input, Label, Select, Static
from textual.widgets._select import SelectOverlay

from facilitator.errors import FacilitatorError, FieldError
from facilitator.i18n import t
from facilitator.tui import literal
from facilitator.tui.commands import DIALOG_COMMANDS, bindings
from facilitator.tui.type_ahead import typed_so_far
from facilitator.tui.widgets.text_entry import TextInput, field_text


class Field(NamedTuple):
    name: str
    label: str
    kind: str = "text"
    """text, integer, select or check."""
    value: str | bool = ""
    placeholder: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    """(label, value) pairs of a select."""
    suggestions: tuple[str, ...] = ()


Values = dict[str, Any]
"""The fields' values by name: text (stripped) from a text or number field, the chosen
value from a select, True or False from a check."""

Result = TypeVar("Result")


class FormDialog(ModalScreen[Result]):
    """Closes with ``apply``'s result when the core takes the values, None when cancelled."""

    BINDINGS = bindings(DIALOG_COMMANDS)

    def __init__(
        self,
        title: str,
        fields: list[Field],
        apply: Callable[[Values], Result],
        *,
        note: str = "",
        dialog_id: str = "form",
    ) -> None:
        super().__init__(id=f"{dialog_id}-dialog")
        self.title_text = title
        self.fields = fields
        self.apply = apply
        self.note = note
        self.quit_warned = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(literal.line(self.title_text), classes="dialog-title")
            if self.note:
                yield Static(literal.block(self.note), classes="dialog-note")
            for field in self.fields:
                yield from self._field(field)
            yield Static(literal.EMPTY, id="error-form", classes="field-error")
            if self.fields:  # a question without fields says its own keys (Enter ends, Escape goes back)
                yield Static(literal.block(t("dialog.hint")), classes="dialog-hint")

    def _field(self, field: Field) -> ComposeResult:
        widget_id = f"field-{field.name}"
        if field.kind == "check":
            yield Checkbox(literal.line(field.label), bool(field.value), id=widget_id, compact=True)
        else:
            yield Label(literal.line(field.label), classes="field-label")
            if field.kind == "select":
                # Rich text, not Content: the open list searches Text and str prompts as you type.
                choices = [(literal.rich_line(label), value) for label, value in field.choices]
                yield Select(choices, value=str(field.value), allow_blank=False, id=widget_id, compact=True)
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
        if self.fields:
            self.query_one(f"#field-{self.fields[0].name}").focus()

    def values(self) -> Values:
        values: Values = {}
        for field in self.fields:
            widget = self.query_one(f"#field-{field.name}")
            if isinstance(widget, Checkbox):
                values[field.name] = widget.value
            elif isinstance(widget, Select):
                values[field.name] = widget.value
            else:
                assert isinstance(widget, Input)
                values[field.name] = widget.value.strip()
        return values

    def has_typed(self) -> bool:
        """Whether a text field holds something other than what it started with."""
        for field in self.fields:
            widget = self.query_one(f"#field-{field.name}")
            if isinstance(widget, Input) and widget.value.strip() and widget.value != str(field.value):
                return True
        return False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("save", "cancel") and isinstance(self.focused, SelectOverlay):
            return False  # Enter picks and Escape closes an open list, not the dialog
        return True

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
