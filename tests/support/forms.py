"""Text into the app's fields in one step, for the tests that are about what the text does,
not about typing it.

A Pilot types a text one key at a time and waits for the app after each key: most of an
app test's time went there. ``type_in`` puts the text in where the cursor is, by the
same path a typed or pasted key takes (the field's one-line rule, an integer field's
refusal of letters, the suggestions), so what the test checks after it is the same. The
tests of typing itself (type-ahead, bursts, the notes editor, text typed as a terminal
sends it) still press keys.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, TextArea


async def type_in(pilot: Any, text: str) -> None:
    """Puts ``text`` into the focused field at its cursor, as typing it would, and lets the app catch up."""
    field = pilot.app.focused
    if isinstance(field, Input):
        field.insert_text_at_cursor(text)
    elif isinstance(field, TextArea):
        field.insert(text)
    else:
        raise AssertionError(f"no text field has the focus to type {text!r} into: {field!r}")
    await pilot.pause()


class Typed(str):
    """A text among keys for :func:`press`: put into the focused field in one step."""


async def press(pilot: Any, *keys: str) -> None:
    """Presses ``keys`` in order as the Pilot does, but puts each :class:`Typed` text in at once.

    ``press(pilot, "f3", Typed("Skriv til ledelsen"), "tab", Typed("Anne"), "enter")`` is
    ``pilot.press("f3", *"Skriv til ledelsen", "tab", *"Anne", "enter")`` without a wait per letter."""
    waiting: list[str] = []
    for key in keys:
        if isinstance(key, Typed):
            if waiting:
                await pilot.press(*waiting)
                waiting = []
            await type_in(pilot, key)
        else:
            waiting.append(key)
    if waiting:
        await pilot.press(*waiting)
