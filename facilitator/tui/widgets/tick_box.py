"""A checkbox whose box says its state in its shape, ☑ or ☐.

Textual's Checkbox draws the same "X" ticked or not and tells the two apart by colour
alone: on a washed-out projector, or to a colour-blind chair, "take those waiting along"
looked ticked when it was not. The tick lists (tick_list.py) use the same two signs.
"""

from __future__ import annotations

from textual.widgets import Checkbox

from facilitator.tui.widgets.tick_list import TICKED, UNTICKED


class TickBox(Checkbox):
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 - Textual's name, read when drawn
        return TICKED if self.value else UNTICKED
