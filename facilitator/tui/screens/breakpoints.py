"""A screen's breakpoint classes from its first layout on.

Textual sets a screen's ``HORIZONTAL_BREAKPOINTS`` and ``VERTICAL_BREAKPOINTS`` classes
when the screen gets a Resize, which comes after its first layout: at 80 columns the
meeting screen was first laid out wide, then narrow a frame later, and the agenda list
was made and counted twice and moved once the room could see it.
"""

from __future__ import annotations

from typing import Any

from textual.geometry import Size
from textual.screen import Screen


def _reached(dimension: int, breakpoints: list[tuple[int, str]]) -> str | None:
    """The class of the largest breakpoint ``dimension`` reaches, as Textual picks it."""
    for at, name in sorted(breakpoints, reverse=True):
        if dimension >= at:
            return name
    return None


def set_breakpoint_classes(screen: Screen[Any], size: Size) -> None:
    """Give ``screen`` the classes its breakpoints name for ``size`` (the app's, before its
    first layout), as Textual gives them after it."""
    app = screen.app
    horizontal = (app.HORIZONTAL_BREAKPOINTS if screen.HORIZONTAL_BREAKPOINTS is None else screen.HORIZONTAL_BREAKPOINTS) or []
    vertical = (app.VERTICAL_BREAKPOINTS if screen.VERTICAL_BREAKPOINTS is None else screen.VERTICAL_BREAKPOINTS) or []
    reached = {_reached(size.width, horizontal), _reached(size.height, vertical)}
    for _, name in (*horizontal, *vertical):
        screen.set_class(name in reached, name)
