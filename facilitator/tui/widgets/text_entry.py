"""Text fields that keep every character typed into them.

Textual inserts a typed key's character only when Python calls it printable, and Python
calls none of these printable: format characters (the zero-width joiner inside 👩🏽‍💻,
the non-joiner Persian spells with, direction marks, the tag characters of 🏴󠁧󠁢󠁳󠁣󠁴󠁿, the
soft hyphen), spaces other than the ASCII one (the no-break space of "kl. 15", the
ideographic space a Japanese input method types), and characters newer than Python's
Unicode tables (an emoji of Unicode 15 on Python 3.11). Typed, they were dropped without a
sign, and an emoji picker's 👩🏽‍💻 reached the notes as 👩🏽💻. Pasted text was never
affected: a paste is inserted whole.

These fields, and the notes editor (notes_area.py), insert such characters as well.
Control characters, line and paragraph separators and surrogates stay out, as before:
keys such as Enter and Tab are controls.

What reaches a field or the notes in any other way (a paste, a value loaded from the
archive or set by the app) may hold control characters too: an escape sequence pasted
from a terminal, a form feed from a PDF. They become their visible signs (``␛``, ``␌``,
see facilitator/text/visible.py) as they enter, and the sign is what is kept. The
alternative, keeping the raw character and drawing a sign for it, would show one thing
and store another: the cursor would step over one character drawn as two, the archive
and the minutes would carry a character nobody can see in the editor, and every place
that draws the text would have to remember to translate it. Made visible on the way in,
what the person sees is exactly what is saved.

A one-line field also folds line breaks: a paste of several lines becomes one line, the
lines joined with a space. (Textual's Input keeps only the first line of a paste and
drops the rest without a word.)
"""

from __future__ import annotations

import re
import unicodedata

from textual import events
from textual.widgets import Input, TextArea

from facilitator.text.visible import one_line, visible
from facilitator.tui.cursor_blink import cursors_blink

_TEXT_NOT_PRINTABLE = frozenset({"Cf", "Zs", "Co", "Cn"})
"""Format, space, private use and (to this Python) unassigned characters."""


def typed_text(event: events.Key) -> str | None:
    """The character a key press types that Textual would drop, else None."""
    character = event.character
    if event.is_printable or character is None or len(character) != 1:
        return None
    return character if unicodedata.category(character) in _TEXT_NOT_PRINTABLE else None


def keep_typed(area: TextArea, event: events.Key) -> None:
    """Types into ``area`` the character Textual's TextArea would drop (typed_text), at the
    selection, and stops the key: the notes and the wrapping field keep every character
    alike. Textual calls each class's key handler in turn; prevent_default() stops TextArea's."""
    character = typed_text(event)
    if character is None or area.read_only:
        return
    event.stop()
    event.prevent_default()
    start, end = area.selection
    area.replace(character, start, end, maintain_selection_offset=False)


_LINE_BREAK = re.compile("\r\n|[\r\n\u2028\u2029\x85]")


def field_text(text: str) -> str:
    """``text`` as a one-line field keeps it: lines joined with a space, controls as signs."""
    if _LINE_BREAK.search(text):
        text = " ".join(part.strip() for part in _LINE_BREAK.split(text) if part.strip())
    return one_line(text)


_NOTES_LINE_BREAK = re.compile("\r\n|[\r\u2028\u2029]")


def notes_text(text: str) -> str:
    """``text`` as the notes editor keeps it: a carriage return is a line break (a
    terminal sends a pasted text's line ends as CR), and so are the line and paragraph
    separators (the editor breaks the line there anyway, and would keep a newline for
    them); other controls become signs."""
    return visible(_NOTES_LINE_BREAK.sub("\n", text))


class TextInput(Input):
    """A one-line field that keeps joiners, marks and newer emoji; the field's own rules
    (digits only in a number field) still apply. What enters it is :func:`field_text`."""

    def on_mount(self) -> None:
        if not cursors_blink(self):
            self.cursor_blink = False

    def validate_value(self, value: str) -> str:
        # A value set by the app (a default, a test) goes in the same way as a typed one.
        return field_text(value)

    def replace(self, text: str, start: int, end: int) -> None:
        # Every insertion (a key, a paste, a suggestion taken) ends here; made one line
        # first, so the cursor lands after the text as it is kept.
        super().replace(field_text(text), start, end)

    def _on_paste(self, event: events.Paste) -> None:
        # Textual's Input would keep the first line only; this one keeps them all.
        event.stop()
        event.prevent_default()
        if event.text:
            start, end = sorted(self.selection)
            self.replace(event.text, start, end)

    async def _on_key(self, event: events.Key) -> None:
        character = typed_text(event)
        if character is None:
            return
        event.stop()
        event.prevent_default()
        start, end = self.selection
        self.replace(character, start, end)
