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
"""

from __future__ import annotations

import unicodedata

from textual import events
from textual.widgets import Input

_TEXT_NOT_PRINTABLE = frozenset({"Cf", "Zs", "Co", "Cn"})
"""Format, space, private use and (to this Python) unassigned characters."""


def typed_text(event: events.Key) -> str | None:
    """The character a key press types that Textual would drop, else None."""
    character = event.character
    if event.is_printable or character is None or len(character) != 1:
        return None
    return character if unicodedata.category(character) in _TEXT_NOT_PRINTABLE else None


class TextInput(Input):
    """A one-line field that keeps joiners, marks and newer emoji; the field's own rules
    (digits only in a number field) still apply."""

    async def _on_key(self, event: events.Key) -> None:
        character = typed_text(event)
        if character is None:
            return
        event.stop()
        event.prevent_default()
        start, end = self.selection
        self.replace(character, start, end)
