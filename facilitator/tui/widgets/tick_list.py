"""A list of things to tick (questions discussed, solutions chosen, actions done).

Two changes from Textual's SelectionList, both for the keyboard user in a hurry: the first
entry is highlighted as soon as the list has the focus, so Space ticks at once, and long
entries wrap instead of being cut short, because you cannot tick what you cannot read.
"""

from __future__ import annotations

from textual.widgets import SelectionList


class TickList(SelectionList[int]):
    DEFAULT_CSS = """
    TickList {
        text-wrap: wrap;
        text-overflow: fold;
    }
    """

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count:
            self.highlighted = 0
