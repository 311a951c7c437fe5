"""A list of things to tick (questions discussed, solutions chosen, actions done).

Three changes from Textual's SelectionList, all for a room reading a wall:

- Long entries wrap instead of being cut short, because you cannot tick what you cannot
  read, and an entry that wraps still ticks as one entry. SelectionList draws its box on
  screen row ``scroll_y + y`` as if every entry had one row: with the seed's long
  questions, after three ticks the boxes sat beside the wrong text. Here each row is drawn
  for the entry the option list itself placed on it (OptionList's own row table), with the
  box on the entry's first row and blank space under it.
- The box says its state in its shape, ☑ or ☐, not only in its colour: readable in
  monochrome and on a washed-out projector.
- The first entry is highlighted as soon as the list has the focus, so Space ticks at once.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip
from textual.widgets import OptionList, SelectionList

TICKED = "☑"
UNTICKED = "☐"


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

    def render_line(self, y: int) -> Strip:
        line = OptionList.render_line(self, y)  # the entry's own row, without SelectionList's box
        try:
            index, row_in_entry = self._lines[self.scroll_offset.y + y]
            selection = self.get_option_at_index(index)
        except IndexError:
            return line
        ticked = selection.value in self._selected
        component = "selection-list--button" + ("-selected" if ticked else "")
        if self.highlighted == index:
            component += "-highlighted"
        underlying = next(iter(line)).style if line.cell_length else None
        underlying = underlying or self.rich_style
        # The box and the space beside it carry the entry's index, so a click on any row
        # of a wrapped entry ticks that entry.
        where = Style(meta={"option": index})
        box = self.get_component_rich_style(component) + where if row_in_entry == 0 else underlying + where
        mark = (TICKED if ticked else UNTICKED) if row_in_entry == 0 else " "
        return Strip([Segment(" ", underlying + where), Segment(mark, box), Segment("  ", underlying + where), *line])
