"""What the app's tests share besides their fixtures: the terminal size and the ``make_app`` fixture's type."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SIZE = (100, 35)
"""The test terminal: a laptop's terminal window, wide enough for the panels side by side."""

MakeApp = Callable[..., Any]
"""The ``make_app`` fixture: an agenda (or None for the start screen) in, an app out."""


async def until(pilot: Any, seen: Callable[[], bool], pauses: int = 50) -> bool:
    """Whether ``seen`` comes to hold within ``pauses`` pauses of the Pilot.

    A pause waits for the app to be idle for a moment; on a loaded machine a dialog's
    closing (its screen, its footer, the frame after) can outlast one. For the checks whose
    point is what the app shows once it gets there, not how soon: a missing widget counts
    as not yet."""
    from textual.css.query import NoMatches

    for _ in range(pauses):
        try:
            if seen():
                return True
        except (NoMatches, StopIteration):
            pass
        await pilot.pause()
    return False
