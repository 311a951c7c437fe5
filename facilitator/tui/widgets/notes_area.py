"""The notes editor: it keeps every character typed, and redraws only the rows that change.

Textual's TextArea draws itself whole whenever the cursor moves, so every key redraws
every row of the editor; and the screen then redraws, on each of those rows, every
widget beside the editor (the agenda, the room, the panels around them). With the
meeting screen's side panels that made a key in long notes a fifth dearer than in a bare
TextArea (docs/performance.md). Here a key redraws the rows of the line it changed and
the rows of the lines the cursor left and reached; an edit that changes how many rows the
text takes, a new text, an undo or a redo still redraw the whole editor.

Bracket matching is off: the notes are prose, and a matching bracket's highlight can sit
on a row that nothing here redraws.

Every text that enters the editor, typed, pasted or loaded from the archive, goes in as
``notes_text`` (text_entry.py): control characters become their visible signs on the
way in, so none is ever drawn raw to the terminal, and what is shown is what is saved.
"""

from __future__ import annotations

from textual import events
from textual.geometry import Size
from textual.reactive import Reactive, reactive
from textual.widgets import TextArea
from textual.widgets.text_area import Edit, EditResult, Location, Selection

from facilitator.tui.cursor_blink import cursors_blink
from facilitator.tui.widgets.text_entry import keep_typed, notes_text


class NotesArea(TextArea):
    selection: Reactive[Selection] = reactive(Selection(), init=False, always_update=True, repaint=False)
    """As TextArea's, but a move redraws only the rows concerned (``watch_selection``)."""

    _wrapped_at = -1
    """The width the text was last wrapped at as the screen was laid out (``_size_updated``)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, soft_wrap=True, tab_behavior="focus")
        self.match_cursor_bracket = False

    def on_mount(self) -> None:
        if not cursors_blink(self):
            self.cursor_blink = False

    # --- keeping every character ----------------------------------------------------------

    async def _on_key(self, event: events.Key) -> None:
        keep_typed(self, event)

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        """Enter too: the editor breaks the line itself, and a binding for Enter further up
        must not take it first (key_order.py)."""
        return super().check_consume_key(key, character) or (key == "enter" and not self.read_only)

    # --- redrawing only what changed ------------------------------------------------------

    def watch_selection(self, previous: Selection, selection: Selection) -> None:
        """All rows of the lines from the highest to the lowest end of either selection:
        the cursor's old and new lines (a line's highlight covers all its rows) and any
        selected text between them."""
        lines = [self._line(location) for location in (*previous, *selection)]
        self._refresh_rows(min(lines), max(lines))

    def edit(self, edit: Edit) -> EditResult:
        # When the text takes another number of rows, the rows below it move: Textual then
        # draws the editor whole, as its size inside has changed.
        edit.text = notes_text(edit.text)  # every insertion, typed or pasted, comes here
        result = super().edit(edit)
        self._refresh_rows(self._line(edit.top), self._line(result.end_location))
        return result

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        """Wrapped again at the new width as the screen is laid out, and drawn whole.
        Textual's TextArea wraps again on the Resize event, after the frame at the new size
        was drawn with the old wrapping, and draws itself again only if the text then takes
        another number of rows: after a resize the notes could show a row cut short at the
        border and its last words again on the next row, until the next key."""
        resized = super()._size_updated(size, virtual_size, container_size, layout)
        width = self.wrap_width
        if self.soft_wrap and width != self._wrapped_at:
            self._wrapped_at = width
            self._rewrap_and_refresh_virtual_size()
            self.refresh()
        return resized

    def load_text(self, text: str) -> None:
        """The text of another item: drawn whole, its cursor shown at once (the blink
        starts again from here, as after a key), not left in the dark half of a blink."""
        super().load_text(notes_text(text))
        self._restart_blink()
        self.refresh()

    def undo(self) -> None:
        super().undo()
        self.refresh()

    def redo(self) -> None:
        super().redo()
        self.refresh()

    def _line(self, location: Location) -> int:
        """The line of a place in the text; a place the text no longer has (the cursor
        before a deletion) counts as its last line."""
        return min(max(location[0], 0), self.document.line_count - 1)

    def _refresh_rows(self, first_line: int, last_line: int) -> None:
        """Redraw every row (a long line wraps onto several) of the lines from first to last."""
        wrapped = self.wrapped_document
        top = wrapped.location_to_offset((first_line, 0)).y
        bottom = wrapped.location_to_offset((last_line, 0)).y + len(wrapped.get_offsets(last_line))
        self.refresh_lines(top, bottom - top + 1)
