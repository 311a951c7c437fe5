"""Keys typed before a command key are handled before the command.

Textual runs a priority binding (``ctrl+n``, ``Enter`` in a dialog, ``ctrl+q``) the moment
its key reaches the app, while the keys typed just before it may still wait in the queue
of the focused widget, which inserts them later. A fast typist, a paste or a busy laptop
sends "… og det blev vedtaget" and ``ctrl+n`` in one burst: the meeting moved on before
the words were in the notes, and they were lost; a name and its Enter in one burst found
the field still empty. A command that reads what was typed first waits here for a
callback posted behind those keys: when it runs, they have landed.
"""

from __future__ import annotations

import asyncio
from typing import Any

from textual.app import App

SETTLE_TIMEOUT = 0.5
"""Seconds to wait at most: keys land in milliseconds, and a widget that stopped answering
must not hold the command."""


async def typed_so_far(app: App[Any]) -> None:
    """Return once the focused widget has handled every key it was given before now."""
    focused = app.focused
    if focused is None or not focused.is_attached:
        return
    waiting = getattr(focused, "_message_queue", None)  # Textual's own; without it, always wait
    if waiting is not None and waiting.empty():
        return  # nothing typed is on its way: the common case costs nothing (the preview's key)
    landed = asyncio.Event()
    if not focused.call_later(landed.set):  # the widget is closing: nothing more will land
        return
    try:
        await asyncio.wait_for(landed.wait(), SETTLE_TIMEOUT)
    except asyncio.TimeoutError:
        pass
