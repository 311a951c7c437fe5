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

And the entries are laid out again whenever the width they are drawn at changes, as the
screen is laid out: Textual's own did it on the Resize event, after the screen was drawn
(one more frame each time another item was shown, screens/settled_layout.py), and not
when the list's scrollbar came or went, which cut the last words of its last entry.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events, on
from textual.geometry import Size
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

    _rows_width = -1
    """The width the entries' rows were laid out at."""

    def _update_lines(self) -> None:
        """Textual's OptionList lays its entries' rows out once, and again only on a Resize
        event, which comes after a frame was drawn, and not at all when its own scrollbar
        came or went: rows laid out wider than they are drawn lost their last words."""
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        if width != self._rows_width:
            self._rows_width = width
            self._option_render_cache.clear()
            self._line_cache.clear()
        super()._update_lines()

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        resized = super()._size_updated(size, virtual_size, container_size, layout)
        self._update_lines()  # as the screen is laid out, not on the Resize event a frame later
        return resized

    def watch_show_vertical_scrollbar(self) -> None:
        self._update_lines()  # the scrollbar takes its columns from the entries

    @on(events.Resize)
    def _rows_laid_out_already(self, event: events.Resize) -> None:
        """Textual's OptionList would lay the rows out again, and draw the list once more."""
        event.prevent_default()  # they were, in _size_updated

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
