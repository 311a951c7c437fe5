"""A key that does something (Tab, Backspace, ctrl+u, Enter in a list) does it in the order it was typed.

Textual gives each key to the widget focused when the app reads it. A letter the widget
types at once, in its own queue, in order. A key the widget does not take itself is a
binding's: Tab (the next field), Backspace and ctrl+u in a field, Enter in a list. That
key travels back up, one queue at a time, to the app, which runs the binding only when
the key gets there: behind every key read in the meantime, and those went to the widget
as it was before the binding acted. A burst of "Skriv til ledelsen", Tab, "Anne", Tab,
"15.1.2027", Enter (fast typing, a paste, a script) put everything into the first field,
and the dialog said that "who" was missing; "ab", Backspace, "c" gave "ab"; ctrl+u and a
new file name gave the old name with the new one behind it.

So a bound key is settled here, when the app reads it: the keys before it land first
(:func:`typed_so_far`), then its binding runs, and the keys after it reach the widget as
the binding left it (the next field, the shorter text). The binding is the one Textual
would have run, found the same way. A key the focused widget takes itself (a letter; Tab
in an editor that indents) and a key nothing binds go to the widget as before.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import App

from facilitator.tui.type_ahead import typed_so_far


def _bound(app: App[Any], key: str) -> bool:
    return any(key in bindings.key_to_bindings for _, bindings in app.screen._modal_binding_chain)


async def bound_in_order(app: App[Any], event: events.Key) -> bool:
    """Run the binding of a key read from the terminal now, after the keys before it; True when one ran."""
    if event.is_forwarded:
        return False
    focused = app.focused
    if focused is not None and focused.check_consume_key(event.key, event.character):
        return False
    if not _bound(app, event.key):
        return False
    if await app._check_bindings(event.key, priority=True):  # as Textual does first
        return True
    await typed_so_far(app)
    return await app._check_bindings(event.key)
