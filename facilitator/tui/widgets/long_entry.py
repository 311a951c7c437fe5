"""A one-line value that wraps on screen: a decision, an action, a vote's subject, a title.

Such a value is often a whole sentence ("Klubben beder om et møde med ledelsen om
bemandingen i team Nord"). In a one-line Input it scrolled sideways, and the secretary
could not see, before saving, the beginning of what the room had just agreed. Here the
text folds at the field's width and the field grows with it, up to a few rows (the CSS
caps it; past that it scrolls), so the whole text can be read as it is typed.

It is still one line of data: the minutes and the archive keep a decision as one line.

- Enter saves the dialog (the dialog's own binding comes first), as in every field.
- A line break never enters: shift+Enter types nothing, and a pasted text of several
  lines becomes one line, its lines joined with a space (:func:`field_text`, as in
  :class:`TextInput`). Control characters become their visible signs on the way in, and
  the characters Textual would drop (joiners, marks, newer emoji) are kept
  (text_entry.py).
- Tab and shift+Tab move to the next and the previous field.
"""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult

from facilitator.tui.cursor_blink import cursors_blink
from facilitator.tui.widgets.text_entry import field_text, keep_typed


class LongInput(TextArea):
    """A field whose text wraps; its :attr:`value` is the text, as an Input's is."""

    def __init__(self, value: str = "", *, placeholder: str = "", id: str | None = None) -> None:
        super().__init__(
            field_text(value),
            id=id,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            highlight_cursor_line=False,
            placeholder=placeholder,
        )
        self.match_cursor_bracket = False

    @property
    def value(self) -> str:
        return self.text

    @value.setter
    def value(self, text: str) -> None:
        self.load_text(text)

    def load_text(self, text: str) -> None:
        super().load_text(field_text(text))

    def on_mount(self) -> None:
        if not cursors_blink(self):
            self.cursor_blink = False
        # A value to edit is continued, not typed over: the cursor starts after it.
        self.move_cursor(self.document.end)

    def edit(self, edit: Edit) -> EditResult:
        # Every insertion, typed or pasted, comes here.
        edit.text = field_text(edit.text)
        return super().edit(edit)

    async def _on_key(self, event: events.Key) -> None:
        if event.key in ("enter", "shift+enter"):
            event.stop()
            event.prevent_default()  # a line break has no place in a one-line value
            return
        keep_typed(self, event)
