"""Keys sent as a terminal delivers a burst: posted at once, before the app has drawn anything."""

from __future__ import annotations

from typing import Any

from textual import events

NAMED = {"tab", "enter", "escape", "space", "down", "up", "alt+v", "alt+r", "f5", "f6", "ctrl+d", "ctrl+a"}
"""The key names a burst may hold; any other part is text, typed character by character."""


def burst(app: Any, *parts: str) -> None:
    """Key names and texts, in order, posted at once, as a fast chair or a paste sends them."""
    for part in parts:
        if part in NAMED:
            app.post_message(events.Key(part, " " if part == "space" else None))
        else:
            for char in part:
                app.post_message(events.Key(" " if char == " " else char, char))


async def settled(pilot: Any) -> None:
    """A few pauses: a dialog opened by the burst, its fields shown, the frame after."""
    for _ in range(4):
        await pilot.pause()
